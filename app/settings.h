#pragma once
// Settings: the window state Spanfire remembers between runs, over QSettings
// (organisation "Spanfire", application "spanfire"): recent files (most recent
// first, at most kMaxRecentFiles, no duplicates) and the main window's
// geometry and dock layout. GUI thread only.

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace spanfire::app {

class Settings {
public:
    static constexpr int kMaxRecentFiles = 10;

    static QStringList recentFiles();
    // Moves/inserts `path` (made absolute) to the front and trims the list.
    static void addRecentFile(const QString &path);
    static void removeRecentFile(const QString &path);
    static void clearRecentFiles();

    static QByteArray windowGeometry();
    static QByteArray windowState();
    static void saveWindow(const QByteArray &geometry, const QByteArray &state);

    static QString lastOpenDirectory();
    static void setLastOpenDirectory(const QString &dir);
};

} // namespace spanfire::app
