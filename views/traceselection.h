#pragma once
// TraceSelection: the selection state the trace views share (STYLE.md #9):
// the loaded TraceSet, the selected trace (index into TraceSet::traces, -1 for
// none), the selected span (a SpanRow, always inside the selected trace or
// none) and the critical-path toggle. Holds model ids only, never QModelIndex.
// Setters emit their change signal only when the value changes, so views can
// bind both ways without loops. GUI thread only.

#include "model/ids.h"

#include <QObject>

#include <memory>

namespace spanfire {
class TraceSet;
}

namespace spanfire::views {

class TraceSelection : public QObject {
    Q_OBJECT
public:
    explicit TraceSelection(QObject *parent = nullptr);
    ~TraceSelection() override;

    // Replaces the data set; resets trace and span selection (signals emitted).
    void setTraceSet(std::shared_ptr<const TraceSet> set);
    const std::shared_ptr<const TraceSet> &traceSet() const { return m_set; }

    int traceIndex() const { return m_trace; }
    SpanRow spanRow() const { return m_span; }
    bool criticalPathEnabled() const { return m_criticalPath; }

public slots:
    // Selects a trace (out of range -> -1); clears the span unless it belongs to it.
    void setTraceIndex(int traceIndex);
    // Selects a span and its trace; an invalid or out-of-range row clears the span only.
    void setSpanRow(spanfire::SpanRow row);
    void setCriticalPathEnabled(bool on);

signals:
    void traceSetChanged();
    void traceIndexChanged(int traceIndex);
    void spanRowChanged(spanfire::SpanRow row);
    void criticalPathEnabledChanged(bool on);

private:
    std::shared_ptr<const TraceSet> m_set;
    int m_trace = -1;
    SpanRow m_span;
    bool m_criticalPath = false;
};

} // namespace spanfire::views
