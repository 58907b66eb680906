#pragma once
// LoadJob: loads files in the background (QtConcurrent), one batch at a time.
//
// start(paths) queues paths; they are imported one after another on a worker
// thread with importFile(). Progress (0..1000 per file, with a stage label) is
// throttled to ~30 updates/s and delivered on the GUI thread. Each finished
// file is delivered as fileLoaded() as soon as it is done (failures too, with
// their error), and batchFinished() follows once the queue is empty.
//
// cancel() sets the running batch's atomic cancel flag (the importer polls it)
// and bumps the generation counter: everything the superseded worker still
// posts is dropped, and the queue is cleared. Like Hotspot's JobTracker, a
// worker's results only reach this object if its generation is current.
//
// Thread affinity: GUI thread. The destructor cancels and waits for the worker,
// so queued calls never target a deleted object.

#include "importers/importer.h"

#include <QFuture>
#include <QList>
#include <QObject>
#include <QStringList>

#include <atomic>
#include <functional>
#include <memory>

namespace spanfire::app {

struct LoadedFile {
    QString path;
    ImportResult result;
    // result.traces merged with the trace set open when the file started
    // (mergeBase), done on the worker: a merge of large sets takes a while.
    std::shared_ptr<const TraceSet> mergedTraces, mergeBase;
};

class LoadJob : public QObject {
    Q_OBJECT
public:
    explicit LoadJob(QObject *parent = nullptr);
    ~LoadJob() override;

    // Queues paths; starts the worker if idle.
    void start(const QStringList &paths);
    // Cancels the running batch and drops queued paths. No-op when idle.
    void cancel();
    bool isRunning() const { return m_running; }
    // Returns the trace set open now (GUI thread, when each file starts): a
    // loaded trace file is merged with it on the worker.
    void setTraceBase(std::function<std::shared_ptr<const TraceSet>()> base) { m_traceBase = std::move(base); }
    // Folders searched for debug info when symbolizing (ImportOptions::debugDirs); applies to files started later.
    void setDebugDirs(const QStringList &dirs) { m_debugDirs = dirs; }
    const QStringList &debugDirs() const { return m_debugDirs; }
    quint64 generation() const { return m_generation; }
    // Blocks until every worker (also cancelled ones) has returned.
    void waitForWorkers();
    // The importers' stage labels (ImportContext::beginStage, in English) in
    // the UI language; an unknown label is shown as it is.
    static QString stageText(const char *stage);

signals:
    void started();
    // fileIndex counts files of the current batch from 0; fileCount grows when
    // more paths are queued while running.
    void progress(int fileIndex, int fileCount, const QString &path, int permille, const QString &stage);
    void fileLoaded(const spanfire::app::LoadedFile &file);
    void batchFinished();
    void cancelled();

private:
    void startNext();
    void onFileDone(quint64 generation, LoadedFile file);
    void onProgress(quint64 generation, int permille, const QString &stage);

    std::function<std::shared_ptr<const TraceSet>()> m_traceBase;
    QStringList m_queue;
    QStringList m_debugDirs;
    QString m_current;
    int m_batchIndex = 0;
    int m_batchCount = 0;
    bool m_running = false;
    quint64 m_generation = 0;
    std::shared_ptr<std::atomic<bool>> m_cancel;
    QList<QFuture<void>> m_workers; // cancelled ones may still be returning
};

} // namespace spanfire::app
