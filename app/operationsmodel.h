#pragma once
// OperationsModel: one row per operation (service + span name) of a TraceSet
// with span count, p50/p95/max duration (nearest rank) and linked samples
// (self scope). Sortable through SortRole (numbers, not display text).
// Immutable snapshot per setData(); GUI thread only.

#include "model/spanlinkstats.h"

#include <QAbstractTableModel>

#include <memory>
#include <vector>

namespace spanfire::app {

class OperationsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { NameColumn, ServiceColumn, CountColumn, P50Column, P95Column, MaxColumn, SamplesColumn, ColumnCount };
    enum Role { SortRole = Qt::UserRole + 1 };

    explicit OperationsModel(QObject *parent = nullptr);

    // `link` may be null (no samples column values).
    void setData(std::shared_ptr<const TraceSet> set, const LinkIndex *link);
    const std::vector<OperationStat> &stats() const { return m_stats; }
    const std::shared_ptr<const TraceSet> &traceSet() const { return m_set; }

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::shared_ptr<const TraceSet> m_set;
    std::vector<OperationStat> m_stats;
    bool m_linked = false;
};

} // namespace spanfire::app
