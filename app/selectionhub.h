#pragma once
// SelectionHub: connects the shared state objects of the linked views. It owns
// the TraceSelection (trace list, timeline, span details); the profile views
// share the ProfileView's own ProfileState. It applies the app-level rules:
// when traces arrive, the slowest trace is selected with its root span
// (ARCHITECTURE "first launch"). Span -> sample filtering (LinkIndex) plugs in
// here. GUI thread only.

#include <QObject>

#include <memory>

namespace spanfire {
class TraceSet;
}

namespace spanfire::views {
class TraceSelection;
} // namespace spanfire::views

namespace spanfire::app {

class SelectionHub : public QObject {
    Q_OBJECT
public:
    explicit SelectionHub(QObject *parent = nullptr);

    views::TraceSelection *traceSelection() const { return m_traces; }

    // Shows a (new) trace set and selects its slowest trace and that trace's root span.
    void showTraces(std::shared_ptr<const TraceSet> set);
    // Index of the longest trace (-1 when there are none).
    static int slowestTrace(const TraceSet &set);

private:
    views::TraceSelection *m_traces = nullptr;
};

} // namespace spanfire::app
