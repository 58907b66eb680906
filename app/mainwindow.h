#pragma once
// MainWindow: the Spanfire window. Files arrive by drag-and-drop (one or many,
// mixed formats), File > Open (multi-select), File > Open Recent, or the
// command line; all go through openFiles(), which queues them on the LoadJob
// (a background worker with progress and Cancel). Loaded files go to the
// Session; failures are collected per batch and reported in one dialog listing
// each failed file with its reason (what loaded stays loaded). Warnings are
// shown by a status-bar button that opens a per-file list.
//
// Views live in dock widgets (profile, traces, timeline, span details) that
// the user can rearrange; layout and geometry are saved in QSettings.
// GUI thread only.

#include <QMainWindow>
#include <QStringList>

class QComboBox;
class QDockWidget;
class QLabel;
class QMenu;
class QToolBar;
class QToolButton;

namespace spanfire::views {
class SpanDetailsView;
class SpanTimelineWidget;
class TraceListView;
} // namespace spanfire::views

namespace spanfire::app {

class ExportActions;
class LoadJob;
class LoadProgressWidget;
class ProfilePanel;
class SelectionHub;
class Session;
class SessionController;
struct LoadedFile;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // The one entry point for files (drop, open dialog, recent, command line).
    void openFiles(const QStringList &paths);
    // Adds an already imported file (what the load job delivers; also used by
    // `spanfire-cli render --view window`). Failures are collected for the report.
    void addLoadedFile(const LoadedFile &file);
    // Shows the error dialog for failures collected since the last report.
    void reportFailures();
    void cancelLoading();

    Session *session() const { return m_session; }
    LoadJob *loadJob() const { return m_loadJob; }
    SessionController *sessionController() const { return m_sessionFiles; }
    ExportActions *exportActions() const { return m_exports; }
    SelectionHub *selectionHub() const { return m_hub; }
    ProfilePanel *profilePanel() const { return m_profilePanel; }
    views::TraceListView *traceListView() const { return m_traceList; }
    views::SpanTimelineWidget *timeline() const { return m_timeline; }
    views::SpanDetailsView *spanDetails() const { return m_details; }
    LoadProgressWidget *loadProgress() const { return m_progress; }
    QComboBox *profileChooser() const { return m_profileChooser; }
    QComboBox *scopeChooser() const { return m_scopeChooser; }
    QDockWidget *profileDock() const { return m_profileDock; }
    QDockWidget *traceListDock() const { return m_traceListDock; }
    QDockWidget *timelineDock() const { return m_timelineDock; }
    QDockWidget *detailsDock() const { return m_detailsDock; }
    QString summaryText() const;
    // Text of the last failure report ("" when the last batch had none).
    const QString &lastErrorReport() const { return m_lastErrorReport; }
    // When false, reports are kept (lastErrorReport) but no dialog is shown (tests, render).
    void setShowDialogs(bool on) { m_showDialogs = on; }

    void restoreLayout();
    void saveLayout() const;

protected:
    void dragEnterEvent(QDragEnterEvent *e) override;
    void dropEvent(QDropEvent *e) override;
    void closeEvent(QCloseEvent *e) override;
    void keyPressEvent(QKeyEvent *e) override;

private:
    void createActions();
    void createDocks();
    // The Compare menu's list of the other open profiles.
    void fillCompareProfiles(QMenu *menu);
    void createStatusBar();
    void onOpen();
    void updateRecentMenu();
    void updateSummary();
    void updateWarnings();
    void updateProfileChooser();
    void updateLinkBar();
    void showWarnings();
    void showAbout();
    void resetLayout();
    QDockWidget *addDock(const QString &title, const QString &objectName, QWidget *content, Qt::DockWidgetArea area);

    Session *m_session = nullptr;
    LoadJob *m_loadJob = nullptr;
    SelectionHub *m_hub = nullptr;
    SessionController *m_sessionFiles = nullptr;
    ExportActions *m_exports = nullptr;

    ProfilePanel *m_profilePanel = nullptr;
    views::TraceListView *m_traceList = nullptr;
    views::SpanTimelineWidget *m_timeline = nullptr;
    views::SpanDetailsView *m_details = nullptr;
    QDockWidget *m_profileDock = nullptr;
    QDockWidget *m_traceListDock = nullptr;
    QDockWidget *m_timelineDock = nullptr;
    QDockWidget *m_detailsDock = nullptr;

    QToolBar *m_profileBar = nullptr;
    QComboBox *m_profileChooser = nullptr;
    QToolBar *m_linkBar = nullptr;
    QComboBox *m_scopeChooser = nullptr;
    QLabel *m_linkStatus = nullptr;
    QMenu *m_recentMenu = nullptr;
    QMenu *m_viewMenu = nullptr;
    QLabel *m_summary = nullptr;
    QToolButton *m_warningsButton = nullptr;
    LoadProgressWidget *m_progress = nullptr;

    QByteArray m_defaultState;
    QStringList m_failures; // "path: reason" of the current batch
    QString m_lastErrorReport;
    bool m_showDialogs = true;
};

} // namespace spanfire::app
