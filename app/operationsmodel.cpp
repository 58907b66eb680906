#include "app/operationsmodel.h"

#include "views/timelinelayout.h"

#include <QLocale>

namespace spanfire::app {

OperationsModel::OperationsModel(QObject *parent) : QAbstractTableModel(parent) {
}

void OperationsModel::setData(std::shared_ptr<const TraceSet> set, const LinkIndex *link) {
    beginResetModel();
    m_set = std::move(set);
    m_stats = m_set ? operationStats(*m_set, link) : std::vector<OperationStat>();
    m_linked = link && link->linkedSamples() > 0;
    endResetModel();
}

int OperationsModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_stats.size());
}

int OperationsModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant OperationsModel::data(const QModelIndex &index, int role) const {
    if (!index.isValid() || size_t(index.row()) >= m_stats.size() || !m_set)
        return {};
    const OperationStat &s = m_stats[size_t(index.row())];
    auto text = [this](StringId id) {
        const std::string_view v = m_set->strings.view(id);
        return QString::fromUtf8(v.data(), qsizetype(v.size()));
    };
    if (role == SortRole) {
        switch (index.column()) {
        case NameColumn:
            return text(s.name);
        case ServiceColumn:
            return text(s.service);
        case CountColumn:
            return qulonglong(s.count);
        case P50Column:
            return qlonglong(s.p50Ns);
        case P95Column:
            return qlonglong(s.p95Ns);
        case MaxColumn:
            return qlonglong(s.maxNs);
        case SamplesColumn:
            return qulonglong(s.linkedSamples);
        }
        return {};
    }
    if (role == Qt::TextAlignmentRole && index.column() >= CountColumn)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    const QLocale locale;
    switch (index.column()) {
    case NameColumn:
        return text(s.name);
    case ServiceColumn:
        return text(s.service);
    case CountColumn:
        return locale.toString(qulonglong(s.count));
    case P50Column:
        return views::formatDuration(double(s.p50Ns));
    case P95Column:
        return views::formatDuration(double(s.p95Ns));
    case MaxColumn:
        return views::formatDuration(double(s.maxNs));
    case SamplesColumn:
        return m_linked ? locale.toString(qulonglong(s.linkedSamples)) : QString();
    }
    return {};
}

QVariant OperationsModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Operation");
    case ServiceColumn:
        return tr("Service");
    case CountColumn:
        return tr("Spans");
    case P50Column:
        return tr("p50");
    case P95Column:
        return tr("p95");
    case MaxColumn:
        return tr("Max");
    case SamplesColumn:
        return tr("Linked samples");
    }
    return {};
}

} // namespace spanfire::app
