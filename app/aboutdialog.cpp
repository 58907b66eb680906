#include "app/aboutdialog.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

#include <elfutils/libdwfl.h>
#include <google/protobuf/stubs/common.h>
#include <isa-l.h>
#include <simdjson.h>
#include <zstd.h>

namespace spanfire::app {

QIcon applicationIcon() {
    static const QIcon icon(QStringLiteral(":/icons/spanfire.svg"));
    return icon;
}

QList<QPair<QString, QString>> AboutDialog::libraryVersions() {
    const QString qtBuilt = QStringLiteral(QT_VERSION_STR);
    const QString qtRun = QString::fromLatin1(qVersion());
    const char *dw = dwfl_version(nullptr);
    return {
        {QStringLiteral("Qt"), qtRun == qtBuilt ? qtRun : AboutDialog::tr("%1 (built with %2)").arg(qtRun, qtBuilt)},
        {QStringLiteral("protobuf"),
         QString::fromStdString(google::protobuf::internal::VersionString(GOOGLE_PROTOBUF_VERSION))},
        {QStringLiteral("zstd"), QString::fromLatin1(ZSTD_versionString())},
        {QStringLiteral("ISA-L (gzip)"),
         QStringLiteral("%1.%2.%3").arg(ISAL_MAJOR_VERSION).arg(ISAL_MINOR_VERSION).arg(ISAL_PATCH_VERSION)},
        {QStringLiteral("libdw (elfutils)"), QString::fromLatin1(dw ? dw : "?")},
        {QStringLiteral("simdjson"), QStringLiteral("%1.%2.%3")
                                         .arg(int(simdjson::SIMDJSON_VERSION_MAJOR))
                                         .arg(int(simdjson::SIMDJSON_VERSION_MINOR))
                                         .arg(int(simdjson::SIMDJSON_VERSION_REVISION))},
    };
}

AboutDialog::AboutDialog(QWidget *parent) : QDialog(parent) {
    setWindowTitle(tr("About Spanfire"));
    auto *icon = new QLabel(this);
    icon->setPixmap(applicationIcon().pixmap(QSize(96, 96), devicePixelRatioF()));
    icon->setAlignment(Qt::AlignTop);

    auto *text = new QLabel(this);
    text->setTextFormat(Qt::RichText);
    text->setWordWrap(true);
    text->setText(tr("<h2>Spanfire %1</h2><p>Distributed traces and CPU/memory profiles side by side: trace "
                     "list, span timeline, flame and icicle graphs, top functions.</p>"
                     "<p>Formats: pprof (raw, gzip, zstd), OTLP traces and profiles (JSON, protobuf), Jaeger "
                     "JSON, Zipkin v2 JSON, folded stacks.</p>")
                      .arg(QApplication::applicationVersion().toHtmlEscaped()));

    auto *versions = new QFormLayout;
    versions->addRow(new QLabel(tr("<b>Libraries</b>"), this));
    for (const auto &[name, version] : libraryVersions()) {
        auto *value = new QLabel(version, this);
        value->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
        versions->addRow(name + QLatin1Char(':'), value);
    }

    auto *right = new QVBoxLayout;
    right->addWidget(text);
    right->addLayout(versions);
    right->addStretch(1);
    auto *top = new QHBoxLayout;
    top->addWidget(icon);
    top->addSpacing(12);
    top->addLayout(right, 1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(buttons);
    setMinimumWidth(520);
}

} // namespace spanfire::app
