#include "views/tracelistview.h"

#include "model/spantable.h"
#include "views/timelinelayout.h"
#include "views/tracelistmodel.h"
#include "views/traceselection.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QTableView>
#include <QVBoxLayout>

namespace spanfire::views {

TraceListView::TraceListView(QWidget *parent) : QWidget(parent) {
    m_model = new TraceListModel(this);
    m_proxy = new TraceListFilterModel(this);
    m_proxy->setSourceModel(m_model);

    m_service = new QComboBox(this);
    m_service->setToolTip(tr("Only traces in which this service has spans"));
    m_service->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_operation = new QLineEdit(this);
    m_operation->setPlaceholderText(tr("Operation"));
    m_operation->setToolTip(tr("Only traces with a span whose name contains this text"));
    m_operation->setClearButtonEnabled(true);
    m_minDuration = new QLineEdit(this);
    m_minDuration->setPlaceholderText(tr("Min duration"));
    m_minDuration->setToolTip(tr("Minimum trace duration, e.g. 250ms, 1.5s, 800us (a bare number is ms)"));
    m_minDuration->setClearButtonEnabled(true);
    m_minDuration->setMaximumWidth(120);
    m_errorsOnly = new QCheckBox(tr("Errors only"), this);
    m_find = new QLineEdit(this);
    m_find->setPlaceholderText(tr("Find trace id"));
    m_find->setToolTip(tr("Hex trace id or its beginning; Enter selects it"));
    m_find->setClearButtonEnabled(true);
    m_status = new QLabel(this);
    m_status->setTextFormat(Qt::PlainText);

    m_table = new QTableView(this);
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(TraceListModel::StartColumn, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    m_table->horizontalHeader()->setStretchLastSection(false);
    m_table->horizontalHeader()->setSectionResizeMode(TraceListModel::OperationColumn, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(TraceListModel::StartColumn, QHeaderView::ResizeToContents);

    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(0, 0, 0, 0);
    bar->addWidget(m_service);
    bar->addWidget(m_operation, 1);
    bar->addWidget(m_minDuration);
    bar->addWidget(m_errorsOnly);
    bar->addWidget(m_find, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->setSpacing(2);
    layout->addLayout(bar);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_status);

    connect(m_service, &QComboBox::currentIndexChanged, this, &TraceListView::applyFilters);
    connect(m_operation, &QLineEdit::textChanged, this, &TraceListView::applyFilters);
    connect(m_minDuration, &QLineEdit::textChanged, this, &TraceListView::applyFilters);
    connect(m_errorsOnly, &QCheckBox::toggled, this, &TraceListView::applyFilters);
    connect(m_find, &QLineEdit::returnPressed, this, [this] { findTrace(m_find->text()); });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &TraceListView::onCurrentRowChanged);
    onTraceSetChanged();
}

TraceListView::~TraceListView() = default;

void TraceListView::setSelection(TraceSelection *selection) {
    if (m_selection)
        disconnect(m_selection, nullptr, this, nullptr);
    m_selection = selection;
    if (m_selection) {
        connect(m_selection, &TraceSelection::traceSetChanged, this, &TraceListView::onTraceSetChanged);
        connect(m_selection, &TraceSelection::traceIndexChanged, this, &TraceListView::onTraceIndexChanged);
        connect(m_selection, &QObject::destroyed, this, [this] { m_selection = nullptr; });
    }
    onTraceSetChanged();
}

void TraceListView::setTraceSet(std::shared_ptr<const TraceSet> set) {
    if (m_selection) {
        m_selection->setTraceSet(std::move(set)); // onTraceSetChanged() follows
        return;
    }
    m_model->setTraceSet(std::move(set));
    onTraceSetChanged();
}

void TraceListView::onTraceSetChanged() {
    if (m_selection)
        m_model->setTraceSet(m_selection->traceSet());
    const std::shared_ptr<const TraceSet> &set = m_model->traceSet();
    m_updating = true;
    m_proxy->setTraceSet(set);
    m_service->clear();
    m_service->addItem(tr("All services"), QVariant(uint(StringId::kNone)));
    if (set) {
        for (StringId s : set->services) {
            const std::string_view v = set->strings.view(s);
            m_service->addItem(QString::fromUtf8(v.data(), qsizetype(v.size())), QVariant(uint(s.v)));
        }
    }
    m_operation->clear();
    m_minDuration->clear();
    m_errorsOnly->setChecked(false);
    m_updating = false;
    applyFilters();
    m_table->resizeColumnsToContents();
}

void TraceListView::applyFilters() {
    if (m_updating)
        return;
    m_proxy->setServiceFilter(StringId(m_service->currentData().toUInt()));
    m_proxy->setOperationFilter(m_operation->text().trimmed());
    const QString minText = m_minDuration->text().trimmed();
    const std::optional<int64_t> minNs = parseDuration(minText);
    m_minDuration->setStyleSheet(minText.isEmpty() || minNs ? QString() : QStringLiteral("color: #c02020"));
    m_proxy->setMinimumDurationNs(minNs.value_or(0));
    m_proxy->setErrorsOnly(m_errorsOnly->isChecked());
    const int total = m_model->rowCount();
    const int shown = m_proxy->rowCount();
    m_status->setText(shown == total ? tr("%n trace(s)", nullptr, total) : tr("%1 of %2 traces").arg(shown).arg(total));
    if (m_selection)
        onTraceIndexChanged(m_selection->traceIndex());
}

void TraceListView::clearFilters() {
    m_updating = true;
    m_service->setCurrentIndex(0);
    m_operation->clear();
    m_minDuration->clear();
    m_errorsOnly->setChecked(false);
    m_updating = false;
    applyFilters();
}

bool TraceListView::findTrace(const QString &hexPrefix) {
    const int trace = m_model->findTrace(hexPrefix);
    if (trace < 0) {
        m_status->setText(tr("No trace id starts with \u201c%1\u201d").arg(hexPrefix.trimmed()));
        return false;
    }
    if (!m_proxy->mapFromSource(m_model->index(trace, 0)).isValid())
        clearFilters();
    selectTrace(trace);
    return true;
}

void TraceListView::selectTrace(int traceIndex) {
    if (m_selection)
        m_selection->setTraceIndex(traceIndex); // comes back through onTraceIndexChanged
    else
        onTraceIndexChanged(traceIndex);
    emit traceActivated(traceIndex);
}

void TraceListView::onTraceIndexChanged(int traceIndex) {
    const QModelIndex proxyIndex =
        traceIndex >= 0 ? m_proxy->mapFromSource(m_model->index(traceIndex, 0)) : QModelIndex();
    if (proxyIndex.row() == m_table->currentIndex().row() && proxyIndex.isValid())
        return;
    m_updating = true;
    if (proxyIndex.isValid()) {
        m_table->selectionModel()->setCurrentIndex(proxyIndex,
                                                   QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        m_table->scrollTo(proxyIndex);
    } else {
        m_table->selectionModel()->clearSelection();
    }
    m_updating = false;
}

int TraceListView::currentTrace() const {
    const QModelIndex idx = m_table->currentIndex();
    return idx.isValid() ? idx.data(TraceListModel::TraceIndexRole).toInt() : -1;
}

void TraceListView::onCurrentRowChanged() {
    if (m_updating)
        return;
    const int trace = currentTrace();
    if (trace < 0)
        return;
    if (m_selection)
        m_selection->setTraceIndex(trace);
    emit traceActivated(trace);
}

} // namespace spanfire::views
