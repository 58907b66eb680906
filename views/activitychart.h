#pragma once
// ActivityChart (issue 4 §5): samples over time (QtCharts) for the whole
// profile and for the current selection, from Profile::sampleTime in
// kBuckets equal buckets, plotted as samples per second (so the height does
// not depend on the bucket width) against s, ms or µs from the start. Dragging horizontally selects a time range and
// emits rangeSelected(beginNs, endNs) (ns since epoch, begin < end); a click
// without a drag emits rangeSelected(0, 0) (= clear).
// Profiles without timestamps fall back to "per span along the trace": with a
// trace context (setTraceContext), the samples linked to each span of the
// selected trace are spread evenly over that span's duration, on a time axis
// from the trace's start (approximate, and said so in the title); dragging is
// then off, since samples carry no time of their own. Without a context the
// chart shows an explanatory title and no series.
// GUI thread only; keeps a shared_ptr to the profile.

#include "model/aggregator.h"
#include "model/linkindex.h"
#include "model/profile.h"
#include "model/spantable.h"

#include <QChartView>

#include <memory>
#include <vector>

class QLineSeries;
class QValueAxis;

namespace spanfire::views {

class ActivityChart : public QChartView {
    Q_OBJECT
public:
    static constexpr int kBuckets = 120;

    explicit ActivityChart(QWidget *parent = nullptr);

    void setProfile(std::shared_ptr<const Profile> profile);
    // Samples of the selection (time range ignored) drawn as the second series.
    void setSelection(const SampleSelection &selection);
    // Fallback context for profiles without timestamps; `link` must outlive
    // the next call (the owner re-sets the context whenever it changes).
    void setTraceContext(std::shared_ptr<const TraceSet> traces, const LinkIndex *link, int traceIndex);
    bool hasTimes() const { return m_profile && !m_profile->sampleTime.empty(); }
    bool showsSpanFallback() const { return m_fallback; }
    int64_t beginNs() const { return m_begin; }
    int64_t endNs() const { return m_end; }
    const std::vector<double> &wholeCounts() const { return m_whole; }
    const std::vector<double> &selectionCounts() const { return m_selected; }
    // Time (ns since epoch) at widget x (clamped to the profile's span).
    int64_t timeAt(int x) const;

signals:
    void rangeSelected(qint64 beginNs, qint64 endNs);

protected:
    void mousePressEvent(QMouseEvent *e) override;
    void mouseReleaseEvent(QMouseEvent *e) override;

private:
    int bucketOf(int64_t t) const;
    void fill(QLineSeries *series, const std::vector<double> &counts);
    void rebuildFallback();
    // Axis ranges, units and round ticks for a series of per-bucket counts.
    void setAxes(const std::vector<double> &counts);
    // Factor from samples per bucket to samples per second.
    double perSecond() const { return 1e9 * kBuckets / double(m_end - m_begin); }
    // Adds one sample of span `row` spread over the buckets of its duration.
    void spread(std::vector<double> &counts, uint32_t row, double weight) const;

    std::shared_ptr<const Profile> m_profile;
    int64_t m_begin = 0, m_end = 0;
    double m_axisUnitNs = 1e9; // x axis unit: s, ms or µs
    std::vector<double> m_whole, m_selected;
    QLineSeries *m_wholeSeries = nullptr;
    QLineSeries *m_selectedSeries = nullptr;
    QValueAxis *m_x = nullptr;
    QValueAxis *m_y = nullptr;
    int m_pressX = -1;
    std::shared_ptr<const TraceSet> m_traces;
    const LinkIndex *m_link = nullptr;
    int m_traceIndex = -1;
    bool m_fallback = false;
    SampleSelection m_lastSelection;
};

} // namespace spanfire::views
