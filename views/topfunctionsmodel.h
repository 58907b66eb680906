#pragma once
// TopFunctionsModel: a read-only table over a vector of FunctionStat (the
// result of topFunctions() or one side of functionNeighbors()), with the
// columns of `go tool pprof -top`: Flat, Flat %, Cum, Cum %, Function, and,
// while comparing with a baseline, the change of Cum % (setBaseline).
// DisplayRole is formatted with the sample type's unit; SortRole gives raw
// numbers for QSortFilterProxyModel; FunctionIdRole gives the StringId of the
// function name. Rows are stored as given (no copy of strings: names are read
// from the profile's string table on demand). GUI thread only.

#include "model/functionstats.h"
#include "model/profile.h"
#include "views/format.h"

#include <QAbstractTableModel>

#include <memory>
#include <unordered_map>
#include <vector>

namespace spanfire::views {

class TopFunctionsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    // CumChange exists only while a baseline is set (columnCount() grows by one).
    enum Column { Flat = 0, FlatPercent, Cum, CumPercent, Function, ColumnCount, CumChange = ColumnCount };
    enum Role { SortRole = Qt::UserRole + 1, FunctionIdRole };

    explicit TopFunctionsModel(QObject *parent = nullptr);

    // `total` is the denominator of the percentages (the whole selection).
    void setStats(std::shared_ptr<const Profile> profile, std::vector<FunctionStat> stats, int64_t total,
                  ValueUnit unit);
    void clear();
    // Compare with a baseline's functions (the Compare button): adds the
    // CumChange column, the change of each function's cumulative share in
    // percentage points (red = grew, blue = shrank, as in the flame graph).
    // An empty `baseline` with total 0 and `enabled` false removes it.
    void setBaseline(bool enabled, const std::vector<FunctionStat> &baseline, int64_t baselineTotal);
    bool hasBaseline() const { return m_hasBaseline; }
    // Change of the cumulative share of row `row`, in percentage points.
    double cumChange(int row) const;

    const std::vector<FunctionStat> &stats() const { return m_stats; }
    StringId functionAt(int row) const;
    int rowOf(StringId name) const; // -1 when absent
    QString functionName(int row) const;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::shared_ptr<const Profile> m_profile;
    std::vector<FunctionStat> m_stats;
    int64_t m_total = 0;
    ValueUnit m_unit = ValueUnit::Count;
    bool m_hasBaseline = false;
    std::unordered_map<uint32_t, int64_t> m_baseCum; // function name id -> baseline cum
    int64_t m_baseTotal = 0;
};

} // namespace spanfire::views
