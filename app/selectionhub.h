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
//    spans whose samples contain that function;
//  * "compare with every span of this operation" sets the profile view's
//    baseline (differential flame graph).
// GUI thread only; the destructor waits for a running build.
// Building the link index is O(samples + spans log spans), off the GUI thread.

#include "model/aggregator.h"
#include "model/ids.h"
#include "model/linkindex.h"
#include "model/spanlinkstats.h"

#include <QFuture>
#include <QList>
#include <QObject>
#include <QPointer>

class QAction;

#include <memory>

namespace spanfire {
class Profile;
class TraceSet;
} // namespace spanfire

namespace spanfire::views {
class ProfileView;
class SpanTimelineWidget;
class TraceListModel;
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
    // Gets the "samples in selected function" column when a function is chosen.
    void setTraceListModel(views::TraceListModel *model);

    // Shows a (new) trace set and selects its slowest trace and that trace's root span.
    void showTraces(std::shared_ptr<const TraceSet> set);
    // The profile shown by the profile view changed (call after ProfileView::setProfile).
    void setProfile(std::shared_ptr<const Profile> profile);

    LinkScope scope() const { return m_scope; }
    void setScope(LinkScope scope);
    // Label keys etc. for linking (Settings); a change rebuilds the link index.
    const LinkOptions &linkOptions() const { return m_linkOptions; }
    void setLinkOptions(const LinkOptions &options);
    const LinkIndex *linkIndex() const { return m_link.get(); }
    bool isLinking() const { return m_linking; }
    // Blocks until a running link build has been delivered (render, tests).
    void waitForLink();
    // "Linked by label span_id: 480 of 491 samples", or why nothing is linked.
    QString linkStatus() const;
    // Samples of the selected span in the current scope (-1 when not linked / no span).
    qint64 selectedSpanSamples() const { return m_selectedSamples; }
    // Samples, expected samples and the no-sample reason of the selected span.
    const SpanSampleInfo &spanInfo() const { return m_spanInfo; }
    // Why a span has no samples, for the header over the flame graph.
    static QString noSampleText(const SpanSampleInfo &info);
    // "23 samples (expected ~20 at 100 Hz)" for tooltips and details; empty when not linked.
    QString spanSampleText(uint32_t row) const;
    // Shows the samples of `rows` (self scope, merged), e.g. every span of an operation.
    void selectRows(const std::vector<uint32_t> &rows, const QString &description);
    // Sets the profile view's baseline to the samples of every span of the
    // selected span's operation (same service and name, current scope), so the
    // flame graph shows what this span did differently from the usual. False
    // (nothing changes) when no span is selected or the profile is not linked.
    bool compareWithOperation();
    QAction *compareOperationAction() const { return m_compareOperation; }
    // RootsOnly: selects the selected span's root (whose samples cover it).
    void showRootSamples();
    // Restricts the current selection to samples with timestamps in [begin, end) ns; begin >= end clears.
    void setTimeRange(qint64 beginNs, qint64 endNs);
    bool hasTimeRange() const { return m_timeBegin < m_timeEnd; }
    // The selection last given to the profile view (all = whole profile).
    const SampleSelection &currentSelection() const { return m_current; }

    // Index of the longest trace (-1 when there are none).
    static int slowestTrace(const TraceSet &set);

signals:
    void linkChanged();
    // The profile view's selection changed (span, trace, operation, time range).
    void selectionApplied();

private:
    void rebuildLink();
    void onLinkBuilt(quint64 generation, std::shared_ptr<const LinkIndex> link);
    void applySpanSelection();
    void highlightFunction(StringId name);
    QString scopeText() const;

    views::TraceSelection *m_traces = nullptr;
    QPointer<views::ProfileView> m_profileView;
    QPointer<views::SpanTimelineWidget> m_timeline;
    QPointer<views::TraceListModel> m_traceList;
    QAction *m_compareOperation = nullptr;
    void applySelection(SampleSelection selection, const QString &description);
    SpanSampleInfo m_spanInfo;
    SampleSelection m_base; // before the time range
    QString m_baseDescription;
    SampleSelection m_current;
    qint64 m_timeBegin = 0, m_timeEnd = 0;
    std::shared_ptr<const Profile> m_profile;
    std::shared_ptr<const TraceSet> m_set;
    std::shared_ptr<const LinkIndex> m_link;
    LinkScope m_scope = LinkScope::Descendants;
    LinkOptions m_linkOptions;
    qint64 m_selectedSamples = -1;
    quint64 m_linkGeneration = 0;
    bool m_linking = false;
    QList<QFuture<void>> m_workers;
};

} // namespace spanfire::app
