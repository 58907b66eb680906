#include "views/topfunctionsmodel.h"

#include <QColor>
#include <QLocale>
#include <QTextDocument>

namespace spanfire::views {

TopFunctionsModel::TopFunctionsModel(QObject *parent) : QAbstractTableModel(parent) {
}

void TopFunctionsModel::setStats(std::shared_ptr<const Profile> profile, std::vector<FunctionStat> stats, int64_t total,
                                 ValueUnit unit) {
    beginResetModel();
    m_profile = std::move(profile);
    m_stats = std::move(stats);
    m_total = total;
    m_unit = unit;
    if (!m_profile)
        m_stats.clear();
    endResetModel();
}

void TopFunctionsModel::clear() {
    setStats(nullptr, {}, 0, ValueUnit::Count);
    setBaseline(false, {}, 0);
}

void TopFunctionsModel::setBaseline(bool enabled, const std::vector<FunctionStat> &baseline, int64_t baselineTotal) {
    if (!enabled && !m_hasBaseline)
        return; // nothing to remove: no reset for the views
    beginResetModel();
    m_hasBaseline = enabled;
    m_baseCum.clear();
    m_baseTotal = enabled ? baselineTotal : 0;
    if (enabled)
        for (const FunctionStat &f : baseline)
            m_baseCum[f.name.v] = f.cum;
    endResetModel();
}

double TopFunctionsModel::cumChange(int row) const {
    if (!m_hasBaseline || row < 0 || size_t(row) >= m_stats.size() || m_total <= 0 || m_baseTotal <= 0)
        return 0;
    const FunctionStat &s = m_stats[size_t(row)];
    const auto it = m_baseCum.find(s.name.v);
    const double base = it == m_baseCum.end() ? 0.0 : double(it->second) / double(m_baseTotal);
    return (double(s.cum) / double(m_total) - base) * 100;
}

StringId TopFunctionsModel::functionAt(int row) const {
    return row >= 0 && size_t(row) < m_stats.size() ? m_stats[size_t(row)].name : StringId();
}

int TopFunctionsModel::rowOf(StringId name) const {
    for (size_t i = 0; i < m_stats.size(); ++i)
        if (m_stats[i].name == name)
            return int(i);
    return -1;
}

QString TopFunctionsModel::functionName(int row) const {
    if (!m_profile || row < 0 || size_t(row) >= m_stats.size())
        return QString();
    const auto v = m_profile->strings.view(m_stats[size_t(row)].name);
    if (v.empty())
        return tr("(root)");
    return QString::fromUtf8(v.data(), qsizetype(v.size()));
}

int TopFunctionsModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_stats.size());
}

int TopFunctionsModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount + (m_hasBaseline ? 1 : 0);
}

QVariant TopFunctionsModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return QVariant();
    const FunctionStat &s = m_stats[size_t(index.row())];
    const auto ratio = [this](int64_t v) { return m_total ? double(v) / double(m_total) : 0.0; };
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Flat:
            return formatValue(s.flat, m_unit);
        case FlatPercent:
            return formatPercent(s.flat, m_total);
        case Cum:
            return formatValue(s.cum, m_unit);
        case CumPercent:
            return formatPercent(s.cum, m_total);
        case Function:
            return functionName(index.row());
        case CumChange: {
            const double pp = cumChange(index.row());
            return QString((pp > 0 ? QStringLiteral("+") : QString()) + QLocale().toString(pp, 'f', 1) +
                           QStringLiteral(" pp"));
        }
        }
        break;
    case Qt::ForegroundRole:
        if (index.column() == CumChange) {
            const double pp = cumChange(index.row());
            if (pp >= 0.05)
                return QColor(190, 30, 25);
            if (pp <= -0.05)
                return QColor(35, 90, 190);
        }
        return QVariant();
    case SortRole:
        switch (index.column()) {
        case Flat:
            return qlonglong(s.flat);
        case FlatPercent:
            return ratio(s.flat);
        case Cum:
            return qlonglong(s.cum);
        case CumPercent:
            return ratio(s.cum);
        case Function:
            return functionName(index.row());
        case CumChange:
            return cumChange(index.row());
        }
        break;
    case FunctionIdRole:
        return uint(s.name.v);
    case Qt::ToolTipRole:
        // Names are untrusted; escape so a name like "<b>x</b>" is shown literally.
        if (index.column() == Function)
            return Qt::convertFromPlainText(functionName(index.row()), Qt::WhiteSpaceNormal);
        if (index.column() == CumChange) {
            const auto it = m_baseCum.find(s.name.v);
            const int64_t base = it == m_baseCum.end() ? 0 : it->second;
            return tr("Cum %1 of the shown samples, %2 of the baseline")
                .arg(formatPercent(s.cum, m_total), formatPercent(base, m_baseTotal));
        }
        return QVariant();
    case Qt::TextAlignmentRole:
        return index.column() == Function ? QVariant(int(Qt::AlignLeft | Qt::AlignVCenter))
                                          : QVariant(int(Qt::AlignRight | Qt::AlignVCenter));
    default:
        break;
    }
    return QVariant();
}

QVariant TopFunctionsModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation == Qt::Horizontal && role == Qt::ToolTipRole && section == CumChange)
        return tr("Change of the cumulative share against the baseline, in percentage points");
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Flat:
        return tr("Flat");
    case FlatPercent:
        return tr("Flat %");
    case Cum:
        return tr("Cum");
    case CumPercent:
        return tr("Cum %");
    case Function:
        return tr("Function");
    case CumChange:
        return tr("\u0394 Cum %");
    }
    return QVariant();
}

} // namespace spanfire::views
