#pragma once
// TraceListModel: a read-only table over TraceSet::traces (one row per trace,
// row == trace index; nothing is copied). Display strings are formatted on
// demand; SortRole gives the raw number/string so that sorting by duration is
// numeric. TraceIndexRole maps any (proxy) index back to the trace index.
// TraceListFilterModel: sort + filter proxy (service, operation substring on
// any span of the trace, minimum duration, errors only). Filters that need a
// scan over spans are evaluated once per filter change into a per-trace flag
// vector, so filterAcceptsRow() is O(1).
// Both: GUI thread; the TraceSet is shared read-only and outlives no one.

#include "model/ids.h"

#include <QAbstractTableModel>
#include <QSortFilterProxyModel>

#include <memory>
#include <vector>

namespace spanfire {
class TraceSet;
struct TraceId;
} // namespace spanfire

namespace spanfire::views {

class TraceListModel : public QAbstractTableModel {
    Q_OBJECT
public:
    // Columns; new fixed columns go before ColumnCount. SamplesColumn (linked
    // samples per trace, e.g. "samples in the selected function") exists only
    // while setSampleCounts() has been given counts.
    enum Column {
        StartColumn,
        ServiceColumn,
        OperationColumn,
        DurationColumn,
        SpansColumn,
        ServicesColumn,
        ErrorsColumn,
        ColumnCount,
        SamplesColumn = ColumnCount
    };
    enum Role { SortRole = Qt::UserRole + 1, TraceIndexRole, TraceIdRole };

    explicit TraceListModel(QObject *parent = nullptr);
    ~TraceListModel() override;

    void setTraceSet(std::shared_ptr<const TraceSet> set);
    const std::shared_ptr<const TraceSet> &traceSet() const { return m_set; }

    // First trace whose id starts with the hex `text` (case-insensitive,
    // spaces/dashes and a leading "0x" ignored). 64-bit ids, stored with 16
    // leading zeros, also match without them. -1 when none or not hex.
    int findTrace(const QString &text) const;

    // Per-trace sample counts shown in SamplesColumn under `header` (one
    // entry per trace; missing entries show as empty). An empty vector removes
    // the column. Updating counts keeps rows, selection and sorting.
    void setSampleCounts(std::vector<uint64_t> perTrace, const QString &header);
    bool hasSampleColumn() const { return m_hasSamples; }

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static QString traceIdHex(const TraceId &id);

private:
    std::shared_ptr<const TraceSet> m_set;
    std::vector<uint64_t> m_samples;
    QString m_samplesHeader;
    bool m_hasSamples = false;
};

class TraceListFilterModel : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit TraceListFilterModel(QObject *parent = nullptr);

    // Resets filters; call after the source model got a new TraceSet.
    void setTraceSet(std::shared_ptr<const TraceSet> set);

    void setServiceFilter(StringId service); // invalid id = any service
    void setOperationFilter(const QString &substring);
    void setMinimumDurationNs(int64_t ns);
    void setErrorsOnly(bool on);
    StringId serviceFilter() const { return m_service; }
    QString operationFilter() const { return m_operation; }
    int64_t minimumDurationNs() const { return m_minDurationNs; }
    bool errorsOnly() const { return m_errorsOnly; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    void recomputeOperationMatches();

    std::shared_ptr<const TraceSet> m_set;
    StringId m_service;
    QString m_operation;
    int64_t m_minDurationNs = 0;
    bool m_errorsOnly = false;
    std::vector<uint8_t> m_operationMatch; // per trace; empty = no operation filter
};

} // namespace spanfire::views
