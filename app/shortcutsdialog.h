#pragma once
// Keyboard support for the main window.
//  * installKeyboardActions() adds window-wide actions so that every view can
//    be reached without a mouse: focus a view (Ctrl+1..4), `/` for the
//    profile search, Settings (Ctrl+,) and Help > Keyboard Shortcuts (F1).
//  * ShortcutsDialog lists the shortcuts of the window's real QActions (read
//    from the actions when the dialog opens, so it cannot drift from the
//    menus) plus the keys the graph views handle themselves (flame graph,
//    timeline), which are not actions.
// GUI thread only.

#include <QDialog>
#include <QList>
#include <QString>

class QAction;
class QMenu;
class QTreeWidget;

namespace spanfire::app {

class MainWindow;

struct ShortcutEntry {
    QString group;    // menu title or view name, without accelerator '&'
    QString action;   // action text, without '&' and trailing "..."
    QString shortcut; // native text, several joined by ", "
};

// Every action with a shortcut reachable from the window (menus, toolbars,
// docks, widgets), one entry per action, in menu order.
QList<ShortcutEntry> collectActionShortcuts(const QWidget *window);
// Keys handled inside the flame graph and timeline (not actions).
QList<ShortcutEntry> viewKeyShortcuts();

class ShortcutsDialog : public QDialog {
    Q_OBJECT
public:
    explicit ShortcutsDialog(const QWidget *window, QWidget *parent = nullptr);
    QTreeWidget *tree() const { return m_tree; }

private:
    QTreeWidget *m_tree = nullptr;
};

// Adds the focus/search/settings/help actions to the window's menus.
void installKeyboardActions(MainWindow *window, QMenu *fileMenu, QMenu *viewMenu, QMenu *helpMenu);

} // namespace spanfire::app
