#include "app/shortcutsdialog.h"

#include "app/mainwindow.h"
#include "app/profilepanel.h"
#include "app/settingsdialog.h"
#include "views/flamegraphwidget.h"
#include "views/profileview.h"
#include "views/spandetailsview.h"
#include "views/spantimelinewidget.h"
#include "views/tracelistview.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QDockWidget>
#include <QHeaderView>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QRegularExpression>
#include <QSet>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <vector>

namespace spanfire::app {

namespace {

QString plain(QString text) {
    text.remove(QRegularExpression(QStringLiteral("&(?!&)")));
    if (text.endsWith(QStringLiteral("...")))
        text.chop(3);
    if (text.endsWith(QChar(0x2026)))
        text.chop(1);
    return text;
}

QString shortcutText(const QAction *a) {
    QStringList keys;
    for (const QKeySequence &k : a->shortcuts())
        keys << k.toString(QKeySequence::NativeText);
    return keys.join(QStringLiteral(", "));
}

void collectMenu(const QMenu *menu, const QString &group, QList<ShortcutEntry> &out, QSet<const QAction *> &seen) {
    for (QAction *a : menu->actions()) {
        if (a->menu()) {
            collectMenu(a->menu(), group, out, seen);
            continue;
        }
        if (a->isSeparator() || seen.contains(a))
            continue;
        seen.insert(a);
        if (!a->shortcuts().isEmpty())
            out.append({group, plain(a->text()), shortcutText(a)});
    }
}

void focusView(QDockWidget *dock, QWidget *target) {
    dock->show();
    dock->raise();
    target->setFocus(Qt::ShortcutFocusReason);
}

} // namespace

QList<ShortcutEntry> collectActionShortcuts(const QWidget *window) {
    QList<ShortcutEntry> out;
    QSet<const QAction *> seen;
    if (const auto *mw = qobject_cast<const QMainWindow *>(window)) {
        for (QAction *top : mw->menuBar()->actions()) {
            if (top->menu())
                collectMenu(top->menu(), plain(top->text()), out, seen);
        }
    }
    // Actions outside the menus (widgets' own actions, context menus).
    for (const QAction *a : window->findChildren<QAction *>()) {
        if (seen.contains(a) || a->shortcuts().isEmpty() || a->isSeparator())
            continue;
        seen.insert(a);
        QString group;
        for (const QObject *o = a->parent(); o && o != window; o = o->parent()) {
            if (const auto *dock = qobject_cast<const QDockWidget *>(o)) {
                group = dock->windowTitle();
                break;
            }
        }
        out.append({group.isEmpty() ? ShortcutsDialog::tr("Window") : group, plain(a->text()), shortcutText(a)});
    }
    return out;
}

QList<ShortcutEntry> viewKeyShortcuts() {
    const QString flame = ShortcutsDialog::tr("Flame graph");
    const QString timeline = ShortcutsDialog::tr("Timeline");
    const auto key = [](QKeySequence k) { return k.toString(QKeySequence::NativeText); };
    return {
        {flame, ShortcutsDialog::tr("Search"), key(QKeySequence::Find)},
        {flame, ShortcutsDialog::tr("Move between frames"), ShortcutsDialog::tr("Arrow keys")},
        {flame, ShortcutsDialog::tr("Zoom into the focused frame"), key(QKeySequence(Qt::Key_Return))},
        {flame, ShortcutsDialog::tr("Zoom back"),
         key(QKeySequence(Qt::Key_Backspace)) + QStringLiteral(", ") + key(QKeySequence(Qt::ALT | Qt::Key_Left))},
        {flame, ShortcutsDialog::tr("Reset zoom / clear search"), key(QKeySequence(Qt::Key_Escape))},
        {timeline, ShortcutsDialog::tr("Search spans"), key(QKeySequence::Find)},
        {timeline, ShortcutsDialog::tr("Next / previous match"),
         key(QKeySequence(Qt::Key_F3)) + QStringLiteral(", ") + key(QKeySequence(Qt::SHIFT | Qt::Key_F3))},
        {timeline, ShortcutsDialog::tr("Zoom in / out"), QStringLiteral("W, S")},
        {timeline, ShortcutsDialog::tr("Pan left / right"), QStringLiteral("A, D")},
        {timeline, ShortcutsDialog::tr("Reset zoom"), QStringLiteral("0, ") + key(QKeySequence(Qt::Key_Home))},
        {timeline, ShortcutsDialog::tr("Toggle critical path"), QStringLiteral("C")},
        {timeline, ShortcutsDialog::tr("Previous / next span"),
         key(QKeySequence(Qt::Key_Up)) + QStringLiteral(", ") + key(QKeySequence(Qt::Key_Down))},
        {timeline, ShortcutsDialog::tr("Page up / down, last span"),
         key(QKeySequence(Qt::Key_PageUp)) + QStringLiteral(", ") + key(QKeySequence(Qt::Key_PageDown)) +
             QStringLiteral(", ") + key(QKeySequence(Qt::Key_End))},
        {timeline, ShortcutsDialog::tr("Collapse / parent span, expand / child span"),
         key(QKeySequence(Qt::Key_Left)) + QStringLiteral(", ") + key(QKeySequence(Qt::Key_Right))},
        {timeline, ShortcutsDialog::tr("Zoom to the selected span"), key(QKeySequence(Qt::Key_Return))},
        {timeline, ShortcutsDialog::tr("Clear search"), key(QKeySequence(Qt::Key_Escape))},
    };
}

ShortcutsDialog::ShortcutsDialog(const QWidget *window, QWidget *parent) : QDialog(parent) {
    setWindowTitle(tr("Keyboard Shortcuts"));
    m_tree = new QTreeWidget(this);
    m_tree->setColumnCount(2);
    m_tree->setHeaderLabels({tr("Action"), tr("Shortcut")});
    m_tree->setRootIsDecorated(false);
    m_tree->setAlternatingRowColors(true);
    QTreeWidgetItem *groupItem = nullptr;
    QString group;
    QList<ShortcutEntry> entries = collectActionShortcuts(window);
    entries += viewKeyShortcuts();
    for (const ShortcutEntry &e : entries) {
        if (!groupItem || e.group != group) {
            group = e.group;
            groupItem = new QTreeWidgetItem(m_tree, {group});
            QFont bold = groupItem->font(0);
            bold.setBold(true);
            groupItem->setFont(0, bold);
            groupItem->setFirstColumnSpanned(true);
            groupItem->setFlags(Qt::ItemIsEnabled);
        }
        new QTreeWidgetItem(m_tree, {QStringLiteral("    ") + e.action, e.shortcut});
    }
    m_tree->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_tree->header()->setStretchLastSection(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_tree);
    layout->addWidget(buttons);
    resize(560, 620);
}

void installKeyboardActions(MainWindow *window, QMenu *fileMenu, QMenu *viewMenu, QMenu *helpMenu) {
    // File > Settings, before the last separator (Quit).
    auto *settings = new QAction(MainWindow::tr("&Settings..."), window);
    settings->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Comma));
    settings->setMenuRole(QAction::PreferencesRole);
    QObject::connect(settings, &QAction::triggered, window, [window] { SettingsDialog::edit(window); });
    QAction *before = nullptr;
    const QList<QAction *> fileActions = fileMenu->actions();
    for (qsizetype i = fileActions.size() - 1; i >= 0; --i) {
        if (fileActions[i]->isSeparator()) {
            before = fileActions[i];
            break;
        }
    }
    fileMenu->insertAction(before, settings);
    if (before)
        fileMenu->insertSeparator(settings);

    // View > Focus ...: every view reachable from the keyboard.
    QMenu *focus = new QMenu(MainWindow::tr("&Go To"), viewMenu);
    viewMenu->insertMenu(viewMenu->actions().value(0), focus);
    viewMenu->insertSeparator(viewMenu->actions().value(1));
    struct Target {
        QString text;
        QDockWidget *dock;
        QWidget *widget;
    };
    const std::vector<Target> targets{
        {MainWindow::tr("&Traces"), window->traceListDock(), window->traceListView()},
        {MainWindow::tr("T&imeline"), window->timelineDock(), window->timeline()},
        {MainWindow::tr("Span &Details"), window->detailsDock(), window->spanDetails()},
        {MainWindow::tr("&Flame Graph"), window->profileDock(), window->profilePanel()->profileView()->flameWidget()},
    };
    int key = Qt::Key_1;
    for (const Target &t : targets) {
        QAction *a = focus->addAction(t.text);
        a->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(key++)));
        QDockWidget *dock = t.dock;
        QWidget *widget = t.widget;
        QObject::connect(a, &QAction::triggered, window, [dock, widget] { focusView(dock, widget); });
    }
    QAction *search = focus->addAction(MainWindow::tr("Profile &Search"));
    search->setShortcut(QKeySequence(Qt::Key_Slash));
    QObject::connect(search, &QAction::triggered, window, [window] {
        QLineEdit *edit = window->profilePanel()->profileView()->searchEdit();
        focusView(window->profileDock(), edit);
        edit->selectAll();
    });

    // Help > Keyboard Shortcuts (first), About uses the About dialog.
    auto *keys = new QAction(MainWindow::tr("&Keyboard Shortcuts"), window);
    keys->setShortcut(QKeySequence(Qt::Key_F1));
    QObject::connect(keys, &QAction::triggered, window, [window] {
        auto *dialog = new ShortcutsDialog(window, window);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
    });
    helpMenu->insertAction(helpMenu->actions().value(0), keys);
    helpMenu->insertSeparator(helpMenu->actions().value(1));
}

} // namespace spanfire::app
