#pragma once
// ActivityChart (issue 4 §5): samples over time (QtCharts) for the whole
// profile and for the current selection, from Profile::sampleTime in
// kBuckets equal buckets. Dragging horizontally selects a time range and
// emits rangeSelected(beginNs, endNs) (ns since epoch, begin < end); a click
// without a drag emits rangeSelected(0, 0) (= clear). Profiles without
// timestamps show an explanatory title and no series.
// GUI thread only; keeps a shared_ptr to the profile.

#include "model/aggregator.h"
#include "model/profile.h"

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
    bool hasTimes() const { return m_profile && !m_profile->sampleTime.empty(); }
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

    std::shared_ptr<const Profile> m_profile;
    int64_t m_begin = 0, m_end = 0;
    std::vector<double> m_whole, m_selected;
    QLineSeries *m_wholeSeries = nullptr;
    QLineSeries *m_selectedSeries = nullptr;
    QValueAxis *m_x = nullptr;
    QValueAxis *m_y = nullptr;
    int m_pressX = -1;
};

} // namespace spanfire::views
