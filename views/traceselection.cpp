#include "views/traceselection.h"

#include "model/spantable.h"

namespace spanfire::views {

TraceSelection::TraceSelection(QObject *parent) : QObject(parent) {
}

TraceSelection::~TraceSelection() = default;

void TraceSelection::setTraceSet(std::shared_ptr<const TraceSet> set) {
    m_set = std::move(set);
    const bool hadTrace = m_trace != -1;
    const bool hadSpan = m_span.valid();
    m_trace = -1;
    m_span = SpanRow();
    emit traceSetChanged();
    if (hadTrace)
        emit traceIndexChanged(m_trace);
    if (hadSpan)
        emit spanRowChanged(m_span);
}

void TraceSelection::setTraceIndex(int traceIndex) {
    if (!m_set || traceIndex < 0 || size_t(traceIndex) >= m_set->traces.size())
        traceIndex = -1;
    if (traceIndex == m_trace)
        return;
    m_trace = traceIndex;
    const bool dropSpan = m_span.valid() && (m_trace < 0 || m_set->trace[m_span.v] != uint32_t(m_trace));
    emit traceIndexChanged(m_trace);
    if (dropSpan) {
        m_span = SpanRow();
        emit spanRowChanged(m_span);
    }
}

void TraceSelection::setSpanRow(SpanRow row) {
    if (!m_set || !row.valid() || row.v >= m_set->spanCount())
        row = SpanRow();
    if (row.valid())
        setTraceIndex(int(m_set->trace[row.v]));
    if (row == m_span)
        return;
    m_span = row;
    emit spanRowChanged(m_span);
}

void TraceSelection::setCriticalPathEnabled(bool on) {
    if (on == m_criticalPath)
        return;
    m_criticalPath = on;
    emit criticalPathEnabledChanged(on);
}

} // namespace spanfire::views
