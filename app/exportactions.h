#pragma once
// ExportActions: the File > Export submenu of a MainWindow. Each action asks
// for a file name and writes through app/exports.h: flame graph / icicle
// graph / timeline images (PNG or SVG by suffix), folded stacks of the shown
// flame tree, CSV of the top-functions table, the trace list (as filtered)
// and the span details, and the profile view's current sample selection as
// pprof. Errors are shown in a dialog naming the file. GUI thread only.

#include <QObject>
#include <QString>

class QMenu;

namespace spanfire::app {

class MainWindow;

class ExportActions : public QObject {
    Q_OBJECT
public:
    explicit ExportActions(MainWindow *window);

    // Inserts the Export submenu into `file` before its last action (Quit).
    void addMenu(QMenu *file);

    // The export operations behind the menu (no dialogs; false + lastError on failure).
    bool exportFlameImage(const QString &path, bool icicle);
    bool exportFlame(const QString &path);
    bool exportIcicle(const QString &path);
    bool exportTimelineImage(const QString &path);
    bool exportFolded(const QString &path);
    bool exportTopFunctionsCsv(const QString &path);
    bool exportTraceListCsv(const QString &path);
    bool exportSpanDetailsCsv(const QString &path);
    bool exportSelectionPprof(const QString &path);
    const QString &lastError() const { return m_lastError; }

private:
    void run(const QString &title, const QString &filter, const QString &suffix,
             bool (ExportActions::*fn)(const QString &));

    MainWindow *m_window;
    QString m_lastError;
};

} // namespace spanfire::app
