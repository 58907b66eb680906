#include "app/mainwindow.h"

#include "app/aboutdialog.h"
#include "app/exportactions.h"
#include "app/linkingdocks.h"
#include "app/loadjob.h"
#include "app/loadprogresswidget.h"
#include "app/profilepanel.h"
#include "app/selectionhub.h"
#include "app/session.h"
#include "app/sessioncontroller.h"
#include "app/sessionfile.h"
#include "app/settings.h"
#include "app/settingsdialog.h"
#include "app/shortcutsdialog.h"
#include "model/spantable.h"
#include "views/format.h"
#include "views/profileview.h"
#include "views/spandetailsview.h"
#include "views/spantimelinewidget.h"
#include "views/tracelistview.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QKeyEvent>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QStatusBar>
#include <QToolBar>
#include <QToolButton>
#include <QUrl>

namespace spanfire::app {

namespace {

QStringList localFiles(const QMimeData *mime) {
    QStringList paths;
    if (!mime || !mime->hasUrls())
        return paths;
    for (const QUrl &url : mime->urls()) {
        if (url.isLocalFile())
            paths << url.toLocalFile();
    }
    return paths;
}

QString fromStd(const std::string &s) {
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent), m_session(new Session(this)), m_loadJob(new LoadJob(this)), m_hub(new SelectionHub(this)) {
    setWindowTitle(tr("Spanfire"));
    // A trace file loaded while traces are open is merged with them on the worker.
    m_loadJob->setTraceBase([this] { return m_session->traces(); });
    setAcceptDrops(true);
    setDockNestingEnabled(true);
    setDockOptions(dockOptions() | QMainWindow::AllowTabbedDocks | QMainWindow::AnimatedDocks);
    createDocks();
    m_sessionFiles = new SessionController(this);
    m_exports = new ExportActions(this);
    createActions();
    createStatusBar();
    setWindowIcon(applicationIcon());
    applyWindowPreferences(this, Preferences::load());
    m_defaultState = saveState();

    connect(m_loadJob, &LoadJob::progress, m_progress, &LoadProgressWidget::setProgress);
    connect(m_loadJob, &LoadJob::started, m_progress, &QWidget::show);
    connect(m_loadJob, &LoadJob::fileLoaded, this, &MainWindow::addLoadedFile);
    connect(m_loadJob, &LoadJob::batchFinished, this, [this] {
        m_progress->hide();
        reportFailures();
    });
    connect(m_loadJob, &LoadJob::cancelled, this, [this] {
        m_progress->hide();
        statusBar()->showMessage(tr("Loading cancelled"), 5000);
        reportFailures();
    });
    connect(m_progress, &LoadProgressWidget::cancelRequested, this, &MainWindow::cancelLoading);

    connect(m_session, &Session::currentProfileChanged, this, [this](int index) {
        const auto profile = index >= 0 ? m_session->profiles()[index].profile : nullptr;
        m_profilePanel->setProfile(profile);
        m_hub->setProfile(profile);
        applyDefaultSampleType(m_profilePanel->profileView(), Preferences::load().defaultSampleType);
        if (m_profileChooser->currentIndex() != index)
            m_profileChooser->setCurrentIndex(index);
        updateSummary();
    });
    connect(m_session, &Session::profilesChanged, this, &MainWindow::updateProfileChooser);
    connect(m_session, &Session::tracesChanged, this, [this] {
        m_hub->showTraces(m_session->traces());
        updateSummary();
    });
    connect(m_session, &Session::warningsChanged, this, &MainWindow::updateWarnings);
    updateSummary();
    updateWarnings();
}

MainWindow::~MainWindow() = default;

QDockWidget *MainWindow::addDock(const QString &title, const QString &objectName, QWidget *content,
                                 Qt::DockWidgetArea area) {
    auto *dock = new QDockWidget(title, this);
    dock->setObjectName(objectName);
    dock->setWidget(content);
    dock->setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable |
                      QDockWidget::DockWidgetFloatable);
    addDockWidget(area, dock);
    return dock;
}

void MainWindow::fillCompareProfiles(QMenu *menu) {
    menu->clear();
    const auto &profiles = m_session->profiles();
    const int current = m_session->currentProfile();
    for (int i = 0; i < profiles.size(); ++i) {
        if (i == current)
            continue;
        const ProfileEntry &e = profiles[i];
        const QString name = QFileInfo(e.path).fileName();
        QAction *a = menu->addAction(name);
        a->setToolTip(e.path);
        connect(a, &QAction::triggered, this, [this, profile = e.profile, name] {
            m_profilePanel->profileView()->setBaselineProfile(profile, tr("profile %1 (all samples)").arg(name));
        });
    }
    menu->menuAction()->setEnabled(!menu->isEmpty());
}

void MainWindow::createDocks() {
    m_profilePanel = new ProfilePanel(this);
    m_traceList = new views::TraceListView(this);
    m_traceList->setSelection(m_hub->traceSelection());
    m_timeline = new views::SpanTimelineWidget(this);
    m_timeline->setSelection(m_hub->traceSelection());
    m_details = new views::SpanDetailsView(this);
    m_details->setSelection(m_hub->traceSelection());
    m_hub->setProfileView(m_profilePanel->profileView());
    m_hub->setTimeline(m_timeline);
    // Compare ▸ "With profile": every other open profile (before/after), kept
    // current as profiles open, close or become the shown one.
    auto *withProfile = new QMenu(tr("Compare with another open profile"), this);
    m_profilePanel->profileView()->addBaselineAction(withProfile->menuAction());
    fillCompareProfiles(withProfile);
    connect(m_session, &Session::profilesChanged, this, [this, withProfile] { fillCompareProfiles(withProfile); });
    connect(m_session, &Session::currentProfileChanged, this,
            [this, withProfile] { fillCompareProfiles(withProfile); });

    // No central widget: every view is a dock the user can move, tab or float.
    m_traceListDock = addDock(tr("Traces"), QStringLiteral("traceListDock"), m_traceList, Qt::LeftDockWidgetArea);
    m_timelineDock = addDock(tr("Timeline"), QStringLiteral("timelineDock"), m_timeline, Qt::RightDockWidgetArea);
    m_detailsDock = addDock(tr("Span Details"), QStringLiteral("spanDetailsDock"), m_details, Qt::LeftDockWidgetArea);
    m_profileDock = addDock(tr("Profile"), QStringLiteral("profileDock"), m_profilePanel, Qt::RightDockWidgetArea);
    splitDockWidget(m_traceListDock, m_detailsDock, Qt::Vertical);
    splitDockWidget(m_timelineDock, m_profileDock, Qt::Vertical);
    resizeDocks({m_traceListDock, m_timelineDock}, {560, 1040}, Qt::Horizontal);
    resizeDocks({m_timelineDock, m_profileDock}, {300, 600}, Qt::Vertical);
}

void MainWindow::createActions() {
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *open = file->addAction(tr("&Open..."), this, &MainWindow::onOpen);
    open->setShortcut(QKeySequence::Open);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    connect(m_recentMenu, &QMenu::aboutToShow, this, &MainWindow::updateRecentMenu);
    updateRecentMenu();
    file->addSeparator();
    QAction *closeAll = file->addAction(tr("&Close All"), m_session, &Session::clear);
    closeAll->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_W));
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    m_viewMenu = menuBar()->addMenu(tr("&View"));
    const QList<QDockWidget *> docks{m_traceListDock, m_timelineDock, m_detailsDock, m_profileDock};
    int key = Qt::Key_1;
    for (QDockWidget *dock : docks) {
        QAction *toggle = dock->toggleViewAction();
        toggle->setShortcut(QKeySequence(Qt::ALT | Qt::Key(key++)));
        m_viewMenu->addAction(toggle);
    }
    m_viewMenu->addSeparator();
    m_viewMenu->addAction(tr("&Reset Layout"), this, &MainWindow::resetLayout);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Spanfire"), this, &MainWindow::showAbout);
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
    installKeyboardActions(this, file, m_viewMenu, help);

    m_profileBar = addToolBar(tr("Profiles"));
    m_profileBar->setObjectName(QStringLiteral("profileToolBar"));
    m_profileBar->addWidget(new QLabel(tr("Profile:"), m_profileBar));
    m_profileChooser = new QComboBox(m_profileBar);
    m_profileChooser->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_profileChooser->setToolTip(tr("Several profiles are open; choose the one the profile view shows"));
    m_profileBar->addWidget(m_profileChooser);
    connect(m_profileChooser, &QComboBox::currentIndexChanged, m_session, &Session::setCurrentProfile);
    m_profileBar->setVisible(false);
    m_viewMenu->addAction(m_profileBar->toggleViewAction());

    // Span -> samples linking: how samples were linked and which samples of a span to show.
    m_linkBar = addToolBar(tr("Linking"));
    m_linkBar->setObjectName(QStringLiteral("linkToolBar"));
    m_linkBar->addWidget(new QLabel(tr("Span samples:"), m_linkBar));
    m_scopeChooser = new QComboBox(m_linkBar);
    m_scopeChooser->addItem(tr("With child spans"), int(LinkScope::Descendants));
    m_scopeChooser->addItem(tr("Span only"), int(LinkScope::Self));
    m_scopeChooser->addItem(tr("Exclusive (no child running)"), int(LinkScope::Exclusive));
    m_scopeChooser->setToolTip(tr("Which samples the profile shows for the selected span"));
    m_linkBar->addWidget(m_scopeChooser);
    m_linkStatus = new QLabel(m_linkBar);
    m_linkStatus->setContentsMargins(8, 0, 0, 0);
    m_linkBar->addWidget(m_linkStatus);
    connect(m_scopeChooser, &QComboBox::currentIndexChanged, this,
            [this] { m_hub->setScope(LinkScope(m_scopeChooser->currentData().toInt())); });
    connect(m_hub, &SelectionHub::linkChanged, this, &MainWindow::updateLinkBar);
    m_linkBar->setVisible(false);
    m_viewMenu->addAction(m_linkBar->toggleViewAction());

    m_sessionFiles->addActions(file, m_viewMenu); // Open/Save Session, Edit menu (copy, notes)
    m_exports->addMenu(file);                     // File > Export
    new LinkingDocks(this);                       // Operations dock, span sample hints
}

void MainWindow::updateLinkBar() {
    const QString status = m_hub->linkStatus();
    m_linkStatus->setText(status);
    m_linkBar->setVisible(!status.isEmpty());
}

void MainWindow::createStatusBar() {
    m_summary = new QLabel(this);
    m_warningsButton = new QToolButton(this);
    m_warningsButton->setAutoRaise(true);
    connect(m_warningsButton, &QToolButton::clicked, this, &MainWindow::showWarnings);
    m_progress = new LoadProgressWidget(this);
    m_progress->hide();
    statusBar()->addWidget(m_summary, 1);
    statusBar()->addPermanentWidget(m_progress);
    statusBar()->addPermanentWidget(m_warningsButton);
}

void MainWindow::openFiles(const QStringList &paths) {
    QStringList files;
    for (const QString &p : paths) {
        if (p.isEmpty())
            continue;
        if (isSessionFile(p)) { // sniffed before the importers, which take any JSON for traces
            if (!m_sessionFiles->openSession(p)) {
                m_failures << m_sessionFiles->lastError();
                reportFailures();
            }
            continue;
        }
        files << p;
    }
    if (files.isEmpty())
        return;
    Settings::setLastOpenDirectory(QFileInfo(files.last()).absolutePath());
    m_loadJob->start(files);
}

void MainWindow::addLoadedFile(const LoadedFile &file) {
    const ImportResult &r = file.result;
    if (!r.ok) {
        if (!r.error.cancelled) {
            m_failures << fromStd(r.error.toString());
            Settings::removeRecentFile(file.path); // e.g. a recent file that is gone
        }
        return;
    }
    Settings::addRecentFile(file.path); // only files that opened
    m_session->add(file.path, fromStd(r.format), r.profile, r.traces, r.warnings, file.mergedTraces, file.mergeBase);
}

void MainWindow::reportFailures() {
    if (m_failures.isEmpty()) {
        m_lastErrorReport.clear();
        return;
    }
    m_lastErrorReport = tr("%n file(s) could not be opened:", nullptr, int(m_failures.size())) +
                        QStringLiteral("\n\n") + m_failures.join(QLatin1Char('\n'));
    m_failures.clear();
    if (!m_showDialogs)
        return;
    auto *box =
        new QMessageBox(QMessageBox::Warning, tr("Could not open files"), m_lastErrorReport, QMessageBox::Ok, this);
    box->setTextFormat(Qt::PlainText); // file names and messages are untrusted
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void MainWindow::cancelLoading() {
    m_loadJob->cancel();
}

void MainWindow::onOpen() {
    const QStringList files = QFileDialog::getOpenFileNames(
        this, tr("Open Profiles and Traces"), Settings::lastOpenDirectory(),
        tr("Profiles and traces (*.pb *.pb.gz *.pprof *.gz *.zst *.json *.jsonl *.txt *.folded *.bin);;All files (*)"));
    openFiles(files);
}

void MainWindow::updateRecentMenu() {
    m_recentMenu->clear();
    const QStringList recent = Settings::recentFiles();
    for (const QString &path : recent) {
        QAction *a = m_recentMenu->addAction(QFileInfo(path).fileName(), this, [this, path] { openFiles({path}); });
        a->setToolTip(path);
        a->setStatusTip(path);
    }
    if (recent.isEmpty()) {
        m_recentMenu->addAction(tr("No recent files"))->setEnabled(false);
        return;
    }
    m_recentMenu->addSeparator();
    m_recentMenu->addAction(tr("Clear List"), this, [] { Settings::clearRecentFiles(); });
}

QString MainWindow::summaryText() const {
    QStringList parts;
    const QLocale locale;
    if (const ProfileEntry *e = m_session->current()) {
        const Profile &p = *e->profile;
        QStringList types;
        for (size_t i = 0; i < p.sampleTypes.size(); ++i)
            types << fromStd(p.sampleTypeName(i));
        parts << QFileInfo(e->path).fileName();
        parts << types.join(QStringLiteral(", "));
        parts << tr("%1 samples").arg(locale.toString(qulonglong(p.sampleCount())));
        if (p.durationNanos > 0)
            parts << tr("duration %1").arg(views::formatValue(p.durationNanos, views::ValueUnit::Nanoseconds));
    }
    if (const auto &t = m_session->traces()) {
        parts << tr("%1 traces, %2 spans, %3 services")
                     .arg(locale.toString(qulonglong(t->traces.size())), locale.toString(qulonglong(t->spanCount())),
                          locale.toString(qulonglong(t->services.size())));
    }
    if (parts.isEmpty())
        return tr("Drop pprof, OTLP, Jaeger, Zipkin or folded-stacks files here, or use File \u25b8 Open.");
    return parts.join(QStringLiteral(" \u00b7 "));
}

void MainWindow::updateSummary() {
    m_summary->setText(summaryText());
    QString title = tr("Spanfire");
    if (const ProfileEntry *e = m_session->current())
        title = QFileInfo(e->path).fileName() + QStringLiteral(" \u2014 ") + title;
    setWindowTitle(title);
}

void MainWindow::updateWarnings() {
    const quint64 n = m_session->warningCount();
    m_warningsButton->setVisible(n > 0);
    m_warningsButton->setText(QStringLiteral("\u26a0 ") + tr("%n warning(s)", nullptr, int(qMin<quint64>(n, INT_MAX))));
    QStringList lines;
    for (const FileWarnings &f : m_session->warnings()) {
        lines << QFileInfo(f.path).fileName() + QLatin1Char(':');
        for (const NamedCount &w : f.warnings)
            lines << QStringLiteral("  ") + fromStd(w.name) + QStringLiteral(": ") + QString::number(w.count);
    }
    m_warningsButton->setToolTip(lines.join(QLatin1Char('\n')).toHtmlEscaped());
}

void MainWindow::showWarnings() {
    QString text;
    for (const FileWarnings &f : m_session->warnings()) {
        text += f.path + QLatin1Char('\n');
        for (const NamedCount &w : f.warnings)
            text += QStringLiteral("    ") + fromStd(w.name) + QStringLiteral(": ") + QString::number(w.count) +
                    QLatin1Char('\n');
    }
    auto *box = new QMessageBox(QMessageBox::Information, tr("Import warnings"),
                                tr("Some records could not be used. What was usable is shown."), QMessageBox::Ok, this);
    box->setTextFormat(Qt::PlainText);
    box->setDetailedText(text);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void MainWindow::updateProfileChooser() {
    const QSignalBlocker block(m_profileChooser);
    m_profileChooser->clear();
    for (const ProfileEntry &e : m_session->profiles()) {
        m_profileChooser->addItem(QFileInfo(e.path).fileName() + QStringLiteral(" (") + e.format + QLatin1Char(')'));
        m_profileChooser->setItemData(m_profileChooser->count() - 1, e.path, Qt::ToolTipRole);
    }
    m_profileChooser->setCurrentIndex(m_session->currentProfile());
    m_profileBar->setVisible(m_session->profiles().size() > 1);
}

void MainWindow::showAbout() {
    auto *dialog = new AboutDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::resetLayout() {
    restoreState(m_defaultState);
}

void MainWindow::restoreLayout() {
    const QByteArray geometry = Settings::windowGeometry();
    if (!geometry.isEmpty())
        restoreGeometry(geometry);
    const QByteArray state = Settings::windowState();
    if (!state.isEmpty())
        restoreState(state);
    m_profileBar->setVisible(m_session->profiles().size() > 1);
    updateLinkBar();
}

void MainWindow::saveLayout() const {
    Settings::saveWindow(saveGeometry(), saveState());
}

void MainWindow::dragEnterEvent(QDragEnterEvent *e) {
    if (!localFiles(e->mimeData()).isEmpty())
        e->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *e) {
    const QStringList paths = localFiles(e->mimeData());
    if (paths.isEmpty())
        return;
    e->acceptProposedAction();
    openFiles(paths);
}

void MainWindow::closeEvent(QCloseEvent *e) {
    m_loadJob->cancel();
    saveLayout();
    QMainWindow::closeEvent(e);
}

void MainWindow::keyPressEvent(QKeyEvent *e) {
    if (e->key() == Qt::Key_Escape && m_loadJob->isRunning()) {
        cancelLoading();
        e->accept();
        return;
    }
    QMainWindow::keyPressEvent(e);
}

} // namespace spanfire::app
