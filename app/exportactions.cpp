#include "app/exportactions.h"

#include "app/exports.h"
#include "app/mainwindow.h"
#include "app/profilepanel.h"
#include "views/flamegraphwidget.h"
#include "views/profilestate.h"
#include "views/profileview.h"
#include "views/spandetailsview.h"
#include "views/spantimelinewidget.h"
#include "views/topfunctionsview.h"
#include "views/tracelistmodel.h"
#include "views/tracelistview.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QMessageBox>
#include <QSortFilterProxyModel>
#include <QStatusBar>
#include <QTreeWidget>

namespace spanfire::app {

ExportActions::ExportActions(MainWindow *window) : QObject(window), m_window(window) {
}

void ExportActions::addMenu(QMenu *file) {
    QAction *anchor = file->actions().isEmpty() ? nullptr : file->actions().constLast();
    auto *menu = new QMenu(tr("&Export"), file);
    const QString images = tr("PNG image (*.png);;SVG image (*.svg)");
    const QString csv = tr("CSV (*.csv)");
    menu->addAction(tr("&Flame Graph..."), this,
                    [=] { run(tr("Export Flame Graph"), images, QStringLiteral("png"), &ExportActions::exportFlame); });
    menu->addAction(tr("&Icicle Graph..."), this, [=] {
        run(tr("Export Icicle Graph"), images, QStringLiteral("png"), &ExportActions::exportIcicle);
    });
    menu->addAction(tr("&Timeline..."), this, [=] {
        run(tr("Export Timeline"), images, QStringLiteral("png"), &ExportActions::exportTimelineImage);
    });
    menu->addSeparator();
    menu->addAction(tr("F&olded Stacks..."), this, [=] {
        run(tr("Export Folded Stacks"), tr("Folded stacks (*.folded *.txt)"), QStringLiteral("folded"),
            &ExportActions::exportFolded);
    });
    menu->addAction(tr("Selection as &pprof..."), this, [=] {
        run(tr("Export Selection as pprof"), tr("pprof (*.pb.gz)"), QStringLiteral("pb.gz"),
            &ExportActions::exportSelectionPprof);
    });
    menu->addSeparator();
    menu->addAction(tr("Top Functions as &CSV..."), this, [=] {
        run(tr("Export Top Functions"), csv, QStringLiteral("csv"), &ExportActions::exportTopFunctionsCsv);
    });
    menu->addAction(tr("Trace &List as CSV..."), this, [=] {
        run(tr("Export Trace List"), csv, QStringLiteral("csv"), &ExportActions::exportTraceListCsv);
    });
    menu->addAction(tr("Span &Details as CSV..."), this, [=] {
        run(tr("Export Span Details"), csv, QStringLiteral("csv"), &ExportActions::exportSpanDetailsCsv);
    });
    file->insertMenu(anchor, menu);
    file->insertSeparator(anchor);
}

void ExportActions::run(const QString &title, const QString &filter, const QString &suffix,
                        bool (ExportActions::*fn)(const QString &)) {
    QString selected;
    QString path = QFileDialog::getSaveFileName(m_window, title, QString(), filter, &selected);
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty()) {
        const bool svg = selected.contains(QLatin1String("*.svg"));
        path += QLatin1Char('.') + (svg ? QStringLiteral("svg") : suffix);
    }
    if ((this->*fn)(path)) {
        m_window->statusBar()->showMessage(tr("Exported %1").arg(path), 5000);
        return;
    }
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Export failed"), m_lastError, QMessageBox::Ok, m_window);
    box->setTextFormat(Qt::PlainText);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

bool ExportActions::exportFlameImage(const QString &path, bool icicle) {
    m_lastError.clear();
    views::ProfileView *pv = m_window->profilePanel()->profileView();
    views::FlameGraphWidget *flame = pv->flameWidget();
    if (flame->tree().empty()) {
        m_lastError = tr("Could not write %1: no profile is shown").arg(path);
        return false;
    }
    const views::FlameOrientation wanted = icicle ? views::FlameOrientation::Icicle : views::FlameOrientation::Flame;
    const views::FlameOrientation was = flame->orientation();
    flame->setOrientation(wanted);
    const int width = std::max(flame->width(), 400);
    const QSize size(width, int(flame->tree().maxDepth + 1) * flame->rowHeight());
    const bool ok = app::exportFlame(*flame, path, size, &m_lastError, flame->devicePixelRatioF());
    flame->setOrientation(was);
    return ok;
}

bool ExportActions::exportFlame(const QString &path) {
    return exportFlameImage(path, false);
}

bool ExportActions::exportIcicle(const QString &path) {
    return exportFlameImage(path, true);
}

bool ExportActions::exportTimelineImage(const QString &path) {
    m_lastError.clear();
    views::SpanTimelineWidget *timeline = m_window->timeline();
    if (timeline->traceIndex() < 0) {
        m_lastError = tr("Could not write %1: no trace is shown").arg(path);
        return false;
    }
    return exportTimeline(*timeline, path, &m_lastError, timeline->devicePixelRatioF());
}

bool ExportActions::exportFolded(const QString &path) {
    m_lastError.clear();
    views::ProfileView *pv = m_window->profilePanel()->profileView();
    if (!pv->profile()) {
        m_lastError = tr("Could not write %1: no profile is open").arg(path);
        return false;
    }
    return writeTextFile(path, foldedStacks(*pv->profile(), pv->flameTree()), &m_lastError);
}

bool ExportActions::exportTopFunctionsCsv(const QString &path) {
    m_lastError.clear();
    return writeTextFile(path, modelToCsv(*m_window->profilePanel()->profileView()->topView()->proxy()), &m_lastError);
}

bool ExportActions::exportTraceListCsv(const QString &path) {
    m_lastError.clear();
    return writeTextFile(path, modelToCsv(*m_window->traceListView()->filterModel()), &m_lastError);
}

bool ExportActions::exportSpanDetailsCsv(const QString &path) {
    m_lastError.clear();
    return writeTextFile(path, modelToCsv(*m_window->spanDetails()->tree()->model()), &m_lastError);
}

bool ExportActions::exportSelectionPprof(const QString &path) {
    m_lastError.clear();
    views::ProfileView *pv = m_window->profilePanel()->profileView();
    if (!pv->profile()) {
        m_lastError = tr("Could not write %1: no profile is open").arg(path);
        return false;
    }
    return app::exportSelectionPprof(*pv->profile(), pv->selection(), path, &m_lastError);
}

} // namespace spanfire::app
