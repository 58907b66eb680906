#include "app/loadjob.h"

#include "model/tracesetbuilder.h"

#include <QElapsedTimer>
#include <QPointer>
#include <QtConcurrent/QtConcurrentRun>
#include <string_view>

namespace spanfire::app {

namespace {
constexpr qint64 kProgressIntervalMs = 33; // ~30 updates per second
}

LoadJob::LoadJob(QObject *parent) : QObject(parent) {
}

QString LoadJob::stageText(const char *stage) {
    static const char *const kStages[] = {
        QT_TR_NOOP("reading traces"),
        QT_TR_NOOP("merging traces"),
        QT_TR_NOOP("reading OTLP profiles"),
        QT_TR_NOOP("reading folded stacks"),
        QT_TR_NOOP("reading pprof samples"),
        QT_TR_NOOP("reading pprof tables"),
        QT_TR_NOOP("decompressing gzip and reading pprof samples"),
        QT_TR_NOOP("building the call tree"),
        QT_TR_NOOP("decompressing gzip"),
        QT_TR_NOOP("decompressing zstd"),
    };
    const std::string_view s = stage ? stage : "";
    for (const char *known : kStages)
        if (s == known)
            return tr(known);
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

LoadJob::~LoadJob() {
    if (m_cancel)
        m_cancel->store(true);
    ++m_generation;
    waitForWorkers();
}

void LoadJob::waitForWorkers() {
    for (QFuture<void> &f : m_workers)
        f.waitForFinished();
    m_workers.clear();
}

void LoadJob::start(const QStringList &paths) {
    if (paths.isEmpty())
        return;
    m_queue += paths;
    if (m_running) {
        m_batchCount += int(paths.size());
        return;
    }
    m_batchIndex = 0;
    m_batchCount = int(paths.size());
    m_running = true;
    emit started();
    startNext();
}

void LoadJob::cancel() {
    if (!m_running)
        return;
    if (m_cancel)
        m_cancel->store(true);
    ++m_generation; // whatever the worker still posts is dropped
    m_queue.clear();
    m_running = false;
    emit cancelled();
}

void LoadJob::startNext() {
    if (m_queue.isEmpty()) {
        m_running = false;
        emit batchFinished();
        return;
    }
    m_workers.removeIf([](const QFuture<void> &f) { return f.isFinished(); });
    m_current = m_queue.takeFirst();
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    const quint64 gen = ++m_generation;
    emit progress(m_batchIndex, m_batchCount, m_current, 0, tr("opening"));

    QPointer<LoadJob> self(this);
    const QString path = m_current;
    auto cancel = m_cancel;
    std::shared_ptr<const TraceSet> traceBase = m_traceBase ? m_traceBase() : nullptr;
    std::vector<std::string> debugDirs;
    for (const QString &d : m_debugDirs)
        debugDirs.push_back(d.toStdString());
    m_workers.append(QtConcurrent::run([self, path, cancel, gen, debugDirs, traceBase]() {
        QElapsedTimer timer;
        timer.start();
        qint64 lastPost = -kProgressIntervalMs;
        const char *lastStage = nullptr;
        ImportOptions options;
        options.cancel = cancel.get();
        options.debugDirs = debugDirs;
        options.progress = [&](int permille, const char *stage) {
            const qint64 now = timer.elapsed();
            if (now - lastPost < kProgressIntervalMs && stage == lastStage)
                return;
            lastPost = now;
            lastStage = stage;
            const QString label = stageText(stage);
            // The LoadJob outlives this worker (its destructor waits), so the
            // pointer is valid here; the generation check drops stale posts.
            QMetaObject::invokeMethod(
                self.data(),
                [self, gen, permille, label]() {
                    if (self)
                        self->onProgress(gen, permille, label);
                },
                Qt::QueuedConnection);
        };
        LoadedFile file;
        file.path = path;
        try {
            file.result = importFile(path.toStdString(), options);
        } catch (const std::exception &e) { // importers promise not to throw; never let it kill the app
            file.result = ImportResult();
            file.result.error.message = std::string("internal error: ") + e.what();
        }
        if (!file.result.ok && file.result.error.file.empty())
            file.result.error.file = path.toStdString();
        if (file.result.ok && file.result.traces && traceBase && !cancel->load()) {
            // Joined with the open traces here, not on the GUI thread.
            if (options.progress)
                options.progress(1000, "merging traces");
            try {
                file.mergedTraces = mergeTraceSets({traceBase, file.result.traces});
                file.mergeBase = traceBase;
            } catch (const std::exception &) {
                file.mergedTraces.reset(); // the session merges (and reports) it then
            }
        }
        QMetaObject::invokeMethod(
            self.data(),
            [self, gen, file = std::move(file)]() mutable {
                if (self)
                    self->onFileDone(gen, std::move(file));
            },
            Qt::QueuedConnection);
    }));
}

void LoadJob::onProgress(quint64 generation, int permille, const QString &stage) {
    if (generation != m_generation || !m_running)
        return;
    emit progress(m_batchIndex, m_batchCount, m_current, qBound(0, permille, 1000), stage);
}

void LoadJob::onFileDone(quint64 generation, LoadedFile file) {
    if (generation != m_generation || !m_running)
        return; // superseded or cancelled: drop
    ++m_batchIndex;
    emit fileLoaded(file);
    if (m_running) // a slot connected to fileLoaded may have cancelled
        startNext();
}

} // namespace spanfire::app
