#include "app/selectionhub.h"

#include "model/spantable.h"
#include "views/traceselection.h"

namespace spanfire::app {

SelectionHub::SelectionHub(QObject *parent) : QObject(parent), m_traces(new views::TraceSelection(this)) {
}

int SelectionHub::slowestTrace(const TraceSet &set) {
    int best = -1;
    for (size_t i = 0; i < set.traces.size(); ++i) {
        if (best < 0 || set.traces[i].durationNs() > set.traces[static_cast<size_t>(best)].durationNs())
            best = static_cast<int>(i);
    }
    return best;
}

void SelectionHub::showTraces(std::shared_ptr<const TraceSet> set) {
    m_traces->setTraceSet(set);
    if (!set)
        return;
    const int slowest = slowestTrace(*set);
    if (slowest < 0)
        return;
    m_traces->setTraceIndex(slowest);
    m_traces->setSpanRow(set->traces[static_cast<size_t>(slowest)].root);
}

} // namespace spanfire::app
