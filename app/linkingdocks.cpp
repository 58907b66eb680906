#include "app/linkingdocks.h"

#include "app/mainwindow.h"
#include "app/operationsmodel.h"
#include "app/profilepanel.h"
#include "app/selectionhub.h"
#include "views/activitychart.h"
#include "views/spandetailsview.h"
#include "views/spantimelinewidget.h"
#include "views/tracelistmodel.h"
#include "views/tracelistview.h"
#include "views/traceselection.h"

#include <QAction>
#include <QDockWidget>
#include <QHeaderView>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QToolBar>

namespace spanfire::app {

LinkingDocks::LinkingDocks(MainWindow *window) : QObject(window), m_window(window) {
    SelectionHub *hub = window->selectionHub();
    m_model = new OperationsModel(this);
    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(OperationsModel::SortRole);
    m_view = new QTableView(window);
    m_view->setObjectName(QStringLiteral("operationsView"));
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(OperationsModel::P95Column, Qt::DescendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setToolTip(tr("Select an operation to see the merged samples of all its spans"));
    auto *dock = new QDockWidget(tr("Operations"), window);
    dock->setObjectName(QStringLiteral("operationsDock"));
    dock->setWidget(m_view);
    window->addDockWidget(Qt::LeftDockWidgetArea, dock);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                if (current.isValid())
                    selectOperation(m_proxy->mapToSource(current).row());
            });

    // Linked samples vs expected in the timeline tooltip and span details.
    window->timeline()->setToolTipExtra([hub](uint32_t row) { return hub->spanSampleText(row).toHtmlEscaped(); });
    window->spanDetails()->setExtraRows([hub](uint32_t row) {
        std::vector<std::pair<QString, QString>> rows;
        const QString text = hub->spanSampleText(row);
        if (!text.isEmpty())
            rows.emplace_back(tr("Samples"), text);
        return rows;
    });
    hub->setTraceListModel(window->traceListView()->sourceModel());

    m_rootAction = new QAction(tr("Show the root span's samples"), this);
    m_rootAction->setToolTip(tr("Only root spans are labelled in this profile: show the samples of this span's root"));
    m_rootAction->setVisible(false);
    connect(m_rootAction, &QAction::triggered, hub, &SelectionHub::showRootSamples);
    if (auto *bar = window->findChild<QToolBar *>(QStringLiteral("linkToolBar")))
        bar->addAction(m_rootAction);
    connect(hub, &SelectionHub::selectionApplied, this,
            [this, hub] { m_rootAction->setVisible(hub->spanInfo().reason == NoSampleReason::RootsOnly); });
    m_chart = new views::ActivityChart(window);
    m_chart->setObjectName(QStringLiteral("activityChart"));
    auto *activity = new QDockWidget(tr("Activity"), window);
    activity->setObjectName(QStringLiteral("activityDock"));
    activity->setWidget(m_chart);
    window->addDockWidget(Qt::BottomDockWidgetArea, activity);
    connect(m_chart, &views::ActivityChart::rangeSelected, hub, &SelectionHub::setTimeRange);
    connect(hub, &SelectionHub::selectionApplied, this, [this, hub] {
        // The link may have been rebuilt since the last call: hand the chart
        // the current context before the selection that indexes it.
        m_chart->setTraceContext(hub->traceSelection()->traceSet(), hub->linkIndex(),
                                 hub->traceSelection()->traceIndex());
        m_chart->setSelection(hub->currentSelection());
    });
    connect(hub, &SelectionHub::linkChanged, this, &LinkingDocks::refresh);
    connect(hub->traceSelection(), &views::TraceSelection::traceSetChanged, this, &LinkingDocks::refresh);
    refresh();
}

void LinkingDocks::refresh() {
    SelectionHub *hub = m_window->selectionHub();
    m_model->setData(hub->traceSelection()->traceSet(), hub->linkIndex());
    if (m_window->profilePanel()->profile() != m_chartProfile) {
        m_chartProfile = m_window->profilePanel()->profile();
        m_chart->setProfile(m_chartProfile);
    }
    m_chart->setTraceContext(hub->traceSelection()->traceSet(), hub->linkIndex(), hub->traceSelection()->traceIndex());
    m_window->spanDetails()->showSpan(m_window->spanDetails()->span());
}

void LinkingDocks::selectOperation(int index) {
    if (index < 0 || size_t(index) >= m_model->stats().size() || !m_model->traceSet())
        return;
    const OperationStat &s = m_model->stats()[size_t(index)];
    const std::string_view name = m_model->traceSet()->strings.view(s.name);
    m_window->selectionHub()->selectRows(s.rows, tr("operation %1 (%n span(s))", nullptr, int(s.count))
                                                     .arg(QString::fromUtf8(name.data(), qsizetype(name.size()))));
}

} // namespace spanfire::app
