#pragma once
// AboutDialog: the application icon, name and version, what Spanfire does,
// and the versions of the libraries it was built with / runs on (Qt at build
// and run time, protobuf, zstd, libdw, simdjson). GUI thread only.

#include <QDialog>
#include <QIcon>
#include <QList>
#include <QPair>
#include <QString>

namespace spanfire::app {

// The Spanfire icon (resources/icons/spanfire.svg, a flame over a timeline bar).
QIcon applicationIcon();

class AboutDialog : public QDialog {
    Q_OBJECT
public:
    explicit AboutDialog(QWidget *parent = nullptr);
    // (library, version) pairs shown by the dialog.
    static QList<QPair<QString, QString>> libraryVersions();
};

} // namespace spanfire::app
