#pragma once
// SessionController: saves and restores `.spanfire` sessions for a
// MainWindow, and holds the session's free-text notes (per span, keyed by
// trace id + span id, or per function name).
//
// capture() reads the state from the window's views and selection objects
// (ids and names, never rows); apply() replaces what is open: it closes
// everything, queues the session's files on the normal load job (untrusted
// paths: only opened as regular files by the importers) and, when that batch
// has finished and the span links are built, restores selection, scope,
// filters, sample type, orientation, search, frame, flame zoom and timeline
// window. Anything that no longer exists (a file, a span, a function) is
// skipped; missing files are reported by the usual failure dialog.
// GUI thread only.

#include "app/sessionfile.h"

#include <QObject>

class QMenu;

namespace spanfire::app {

class MainWindow;

class SessionController : public QObject {
    Q_OBJECT
public:
    explicit SessionController(MainWindow *window);

    // Adds Open Session / Save Session to `file` and an Edit menu (copy, notes) before `before`.
    void addActions(QMenu *file, QMenu *before);

    SessionState capture() const;
    // Starts restoring `state`; done (sessionApplied) once its files are loaded.
    void apply(const SessionState &state);
    bool isApplying() const { return m_pending; }

    bool saveSession(const QString &path);
    // Reads and applies a session; false (lastError) for a broken or newer file.
    bool openSession(const QString &path);
    const QString &lastError() const { return m_lastError; }

    // Notes ("" removes a note).
    const QMap<QString, QString> &notes() const { return m_notes; }
    QString note(const QString &key) const { return m_notes.value(key); }
    void setNote(const QString &key, const QString &text);
    // Keys for the current selection; empty when nothing is selected.
    QString selectedSpanNoteKey() const;
    QString selectedFrameNoteKey() const;
    QString selectedSpanIdHex() const;
    QString selectedFrameName() const;

signals:
    void sessionApplied();
    void notesChanged();

private:
    void onBatchFinished();
    void restoreViews(const SessionState &s);
    void editNote(const QString &key, const QString &what);
    void showError(const QString &title);

    MainWindow *m_window;
    QMap<QString, QString> m_notes;
    SessionState m_restore;
    bool m_pending = false;
    QString m_lastError;
};

} // namespace spanfire::app
