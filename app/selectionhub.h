#pragma once
// SelectionHub: links the trace views and the profile view (ARCHITECTURE
// "How samples find their span"). It owns the TraceSelection shared by the
// trace list, timeline and span details, and:
//  * when traces arrive, selects the slowest trace and its root span;
//  * when both a profile and traces are loaded, builds a LinkIndex (label,
//    explicit or time links, decided by the model) on a worker thread and
//    keeps it alive while the profile view's selection points into its
//    `order`; a newer profile/trace pair drops an older build's result
//    (generation counter); until it arrives the whole profile is shown;
//  * a selected span restricts the profile view to that span's samples in the
//    chosen scope (self / with descendants / exclusive); no span = whole profile;
//  * a function chosen in the profile view highlights, in the timeline, the
//    spans whose samples contain that function.
// GUI thread only; the destructor waits for a running build.
// Building the link index is O(samples + spans log spans), off the GUI thread.

#include "model/ids.h"
#include "model/linkindex.h"

#include <QFuture>
#include <QList>
#include <QObject>
#include <QPointer>

#include <memory>

namespace spanfire {
class Profile;
class TraceSet;
} // namespace spanfire

namespace spanfire::views {
class ProfileView;
class SpanTimelineWidget;
class TraceSelection;
} // namespace spanfire::views

namespace spanfire::app {

class SelectionHub : public QObject {
    Q_OBJECT
public:
    explicit SelectionHub(QObject *parent = nullptr);
    ~SelectionHub() override;

    views::TraceSelection *traceSelection() const { return m_traces; }
    void setProfileView(views::ProfileView *view);
    void setTimeline(views::SpanTimelineWidget *timeline);

    // Shows a (new) trace set and selects its slowest trace and that trace's root span.
    void showTraces(std::shared_ptr<const TraceSet> set);
    // The profile shown by the profile view changed (call after ProfileView::setProfile).
    void setProfile(std::shared_ptr<const Profile> profile);

    LinkScope scope() const { return m_scope; }
    void setScope(LinkScope scope);
    const LinkIndex *linkIndex() const { return m_link.get(); }
    bool isLinking() const { return m_linking; }
    // Blocks until a running link build has been delivered (render, tests).
    void waitForLink();
    // "Linked by label span_id: 480 of 491 samples", or why nothing is linked.
    QString linkStatus() const;
    // Samples of the selected span in the current scope (-1 when not linked / no span).
    qint64 selectedSpanSamples() const { return m_selectedSamples; }

    // Index of the longest trace (-1 when there are none).
    static int slowestTrace(const TraceSet &set);

signals:
    void linkChanged();

private:
    void rebuildLink();
    void onLinkBuilt(quint64 generation, std::shared_ptr<const LinkIndex> link);
    void applySpanSelection();
    void highlightFunction(StringId name);

    views::TraceSelection *m_traces = nullptr;
    QPointer<views::ProfileView> m_profileView;
    QPointer<views::SpanTimelineWidget> m_timeline;
    std::shared_ptr<const Profile> m_profile;
    std::shared_ptr<const TraceSet> m_set;
    std::shared_ptr<const LinkIndex> m_link;
    LinkScope m_scope = LinkScope::Descendants;
    qint64 m_selectedSamples = -1;
    quint64 m_linkGeneration = 0;
    bool m_linking = false;
    QList<QFuture<void>> m_workers;
};

} // namespace spanfire::app
