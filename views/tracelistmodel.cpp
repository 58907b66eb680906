#include "views/tracelistmodel.h"

#include "model/spantable.h"
#include "views/timelinelayout.h"

#include <QBrush>
#include <QColor>
#include <QDateTime>

namespace spanfire::views {

namespace {

QString fromUtf8(std::string_view s) {
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

} // namespace

TraceListModel::TraceListModel(QObject *parent) : QAbstractTableModel(parent) {
}

TraceListModel::~TraceListModel() = default;

void TraceListModel::setTraceSet(std::shared_ptr<const TraceSet> set) {
    beginResetModel();
    m_set = std::move(set);
    m_samples.clear();
    m_hasSamples = false;
    endResetModel();
}

QString TraceListModel::traceIdHex(const TraceId &id) {
    static const char kHex[] = "0123456789abcdef";
    QString out(32, QLatin1Char('0'));
    for (int i = 0; i < 16; ++i) {
        out[2 * i] = QLatin1Char(kHex[id.bytes[size_t(i)] >> 4]);
        out[2 * i + 1] = QLatin1Char(kHex[id.bytes[size_t(i)] & 15]);
    }
    return out;
}

int TraceListModel::findTrace(const QString &text) const {
    if (!m_set)
        return -1;
    QString q = text.trimmed().toLower();
    q.remove(QLatin1Char(' '));
    q.remove(QLatin1Char('-'));
    if (q.startsWith(QLatin1String("0x")))
        q.remove(0, 2);
    if (q.isEmpty() || q.size() > 32)
        return -1;
    for (QChar c : q) {
        if (!((c >= QLatin1Char('0') && c <= QLatin1Char('9')) || (c >= QLatin1Char('a') && c <= QLatin1Char('f'))))
            return -1;
    }
    const QString zeros(16, QLatin1Char('0'));
    for (size_t i = 0; i < m_set->traces.size(); ++i) {
        const QString hex = traceIdHex(m_set->traces[i].id);
        if (hex.startsWith(q))
            return int(i);
        if (q.size() <= 16 && hex.startsWith(zeros) && QStringView(hex).mid(16).startsWith(q))
            return int(i);
    }
    return -1;
}

int TraceListModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() || !m_set ? 0 : int(m_set->traces.size());
}

int TraceListModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount + (m_hasSamples ? 1 : 0);
}

void TraceListModel::setSampleCounts(std::vector<uint64_t> perTrace, const QString &header) {
    const bool want = !perTrace.empty();
    if (want && !m_hasSamples) {
        beginInsertColumns(QModelIndex(), SamplesColumn, SamplesColumn);
        m_samples = std::move(perTrace);
        m_samplesHeader = header;
        m_hasSamples = true;
        endInsertColumns();
    } else if (!want && m_hasSamples) {
        beginRemoveColumns(QModelIndex(), SamplesColumn, SamplesColumn);
        m_samples.clear();
        m_hasSamples = false;
        endRemoveColumns();
    } else if (want) {
        m_samples = std::move(perTrace);
        if (header != m_samplesHeader) {
            m_samplesHeader = header;
            emit headerDataChanged(Qt::Horizontal, SamplesColumn, SamplesColumn);
        }
        if (rowCount() > 0)
            emit dataChanged(index(0, SamplesColumn), index(rowCount() - 1, SamplesColumn));
    }
}

QVariant TraceListModel::data(const QModelIndex &index, int role) const {
    if (!m_set || !index.isValid() || index.row() >= rowCount() || index.column() >= columnCount())
        return {};
    const TraceSummary &t = m_set->traces[size_t(index.row())];
    const bool hasRoot = t.root.valid() && t.root.v < m_set->spanCount();
    switch (role) {
    case TraceIndexRole:
        return index.row();
    case TraceIdRole:
        return traceIdHex(t.id);
    case Qt::ToolTipRole:
        if (index.column() == ServicesColumn) {
            QStringList names;
            for (StringId s : t.services)
                names << fromUtf8(m_set->strings.view(s));
            return names.join(QLatin1Char('\n'));
        }
        return tr("Trace %1").arg(traceIdHex(t.id));
    case Qt::TextAlignmentRole:
        if (index.column() >= DurationColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::ForegroundRole:
        if (t.errorCount > 0 && (index.column() == ErrorsColumn || index.column() == OperationColumn))
            return QBrush(QColor(0xc0, 0x20, 0x20));
        return {};
    case Qt::DisplayRole:
    case SortRole:
        break;
    default:
        return {};
    }
    const bool sort = role == SortRole;
    switch (index.column()) {
    case StartColumn:
        if (sort)
            return qint64(t.startNs);
        return QDateTime::fromMSecsSinceEpoch(t.startNs / 1000000).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"));
    case ServiceColumn:
        return hasRoot ? fromUtf8(m_set->strings.view(m_set->serviceOf(t.root.v))) : QString();
    case OperationColumn:
        return hasRoot ? fromUtf8(m_set->strings.view(m_set->name[t.root.v])) : QString();
    case DurationColumn:
        if (sort)
            return qint64(t.durationNs());
        return formatDuration(double(t.durationNs()));
    case SpansColumn:
        return sort ? QVariant(qint64(t.spanCount)) : QVariant(QString::number(t.spanCount));
    case ServicesColumn:
        return sort ? QVariant(qint64(t.services.size())) : QVariant(QString::number(t.services.size()));
    case ErrorsColumn:
        if (sort)
            return qint64(t.errorCount);
        return t.errorCount ? QString::number(t.errorCount) : QString();
    case SamplesColumn: {
        const bool known = size_t(index.row()) < m_samples.size();
        if (sort)
            return qint64(known ? m_samples[size_t(index.row())] : 0);
        return known ? QString::number(m_samples[size_t(index.row())]) : QString();
    }
    default:
        return {};
    }
}

QVariant TraceListModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case StartColumn:
        return tr("Start");
    case ServiceColumn:
        return tr("Root service");
    case OperationColumn:
        return tr("Root operation");
    case DurationColumn:
        return tr("Duration");
    case SpansColumn:
        return tr("Spans");
    case ServicesColumn:
        return tr("Services");
    case ErrorsColumn:
        return tr("Errors");
    case SamplesColumn:
        return m_hasSamples ? QVariant(m_samplesHeader) : QVariant();
    default:
        return {};
    }
}

TraceListFilterModel::TraceListFilterModel(QObject *parent) : QSortFilterProxyModel(parent) {
    setSortRole(TraceListModel::SortRole);
    setSortCaseSensitivity(Qt::CaseInsensitive);
}

void TraceListFilterModel::setTraceSet(std::shared_ptr<const TraceSet> set) {
    m_set = std::move(set);
    m_service = StringId();
    m_operation.clear();
    m_minDurationNs = 0;
    m_errorsOnly = false;
    m_operationMatch.clear();
    invalidateFilter();
}

void TraceListFilterModel::setServiceFilter(StringId service) {
    if (service == m_service)
        return;
    m_service = service;
    invalidateFilter();
}

void TraceListFilterModel::setOperationFilter(const QString &substring) {
    if (substring == m_operation)
        return;
    m_operation = substring;
    recomputeOperationMatches();
    invalidateFilter();
}

void TraceListFilterModel::setMinimumDurationNs(int64_t ns) {
    if (ns == m_minDurationNs)
        return;
    m_minDurationNs = ns;
    invalidateFilter();
}

void TraceListFilterModel::setErrorsOnly(bool on) {
    if (on == m_errorsOnly)
        return;
    m_errorsOnly = on;
    invalidateFilter();
}

void TraceListFilterModel::recomputeOperationMatches() {
    m_operationMatch.clear();
    if (!m_set || m_operation.isEmpty())
        return;
    // Each distinct name is converted and matched once: 0 unknown, 1 no, 2 yes.
    std::vector<uint8_t> nameState(m_set->strings.size(), 0);
    m_operationMatch.assign(m_set->traces.size(), 0);
    for (size_t t = 0; t < m_set->traces.size(); ++t) {
        const TraceSummary &s = m_set->traces[t];
        for (uint32_t r = s.firstRow; r < s.endRow && r < m_set->spanCount(); ++r) {
            const StringId n = m_set->name[r];
            if (!n.valid() || n.v >= nameState.size())
                continue;
            uint8_t &st = nameState[n.v];
            if (st == 0)
                st = fromUtf8(m_set->strings.view(n)).contains(m_operation, Qt::CaseInsensitive) ? 2 : 1;
            if (st == 2) {
                m_operationMatch[t] = 1;
                break;
            }
        }
    }
}

bool TraceListFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const {
    if (sourceParent.isValid() || !m_set || sourceRow < 0 || size_t(sourceRow) >= m_set->traces.size())
        return false;
    const TraceSummary &t = m_set->traces[size_t(sourceRow)];
    if (m_errorsOnly && t.errorCount == 0)
        return false;
    if (t.durationNs() < m_minDurationNs)
        return false;
    if (m_service.valid() && std::find(t.services.begin(), t.services.end(), m_service) == t.services.end())
        return false;
    if (!m_operation.isEmpty() &&
        (size_t(sourceRow) >= m_operationMatch.size() || !m_operationMatch[size_t(sourceRow)]))
        return false;
    return true;
}

} // namespace spanfire::views
