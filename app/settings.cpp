#include "app/settings.h"

#include <QFileInfo>
#include <QSettings>

namespace spanfire::app {

namespace {
const QString kRecent = QStringLiteral("recentFiles");
const QString kGeometry = QStringLiteral("window/geometry");
const QString kState = QStringLiteral("window/state");
const QString kLastDir = QStringLiteral("lastOpenDirectory");
} // namespace

QStringList Settings::recentFiles() {
    QStringList files = QSettings().value(kRecent).toStringList();
    files.removeAll(QString());
    while (files.size() > kMaxRecentFiles)
        files.removeLast();
    return files;
}

void Settings::addRecentFile(const QString &path) {
    const QString abs = QFileInfo(path).absoluteFilePath();
    QStringList files = recentFiles();
    files.removeAll(abs);
    files.prepend(abs);
    while (files.size() > kMaxRecentFiles)
        files.removeLast();
    QSettings().setValue(kRecent, files);
}

void Settings::removeRecentFile(const QString &path) {
    QStringList files = recentFiles();
    if (files.removeAll(QFileInfo(path).absoluteFilePath()) > 0)
        QSettings().setValue(kRecent, files);
}

void Settings::clearRecentFiles() {
    QSettings().remove(kRecent);
}

QByteArray Settings::windowGeometry() {
    return QSettings().value(kGeometry).toByteArray();
}

QByteArray Settings::windowState() {
    return QSettings().value(kState).toByteArray();
}

void Settings::saveWindow(const QByteArray &geometry, const QByteArray &state) {
    QSettings s;
    s.setValue(kGeometry, geometry);
    s.setValue(kState, state);
}

QString Settings::lastOpenDirectory() {
    return QSettings().value(kLastDir).toString();
}

void Settings::setLastOpenDirectory(const QString &dir) {
    QSettings().setValue(kLastDir, dir);
}

} // namespace spanfire::app
