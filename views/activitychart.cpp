#include "views/activitychart.h"

#include <QChart>
#include <QGraphicsLayout>
#include <QLineSeries>
#include <QMouseEvent>
#include <QRubberBand>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace spanfire::views {

namespace {

// 1, 2 or 5 x 10^k: the step giving about `ticks` intervals over `range`.
double niceStep(double range, int ticks) {
    if (!(range > 0))
        return 1;
    const double raw = range / ticks;
    const double p = std::pow(10.0, std::floor(std::log10(raw)));
    const double m = raw / p;
    return (m < 1.5 ? 1 : m < 3.5 ? 2 : m < 7.5 ? 5 : 10) * p;
}

// Ticks on round values from 0 (the range itself stays [lo, hi]), labels with
// as many decimals as the step needs and `suffix` right after the number.
void setNiceTicks(QValueAxis *axis, double hi, int ticks, const QString &suffix) {
    const double step = niceStep(hi, ticks);
    axis->setRange(0, hi);
    axis->setTickType(QValueAxis::TicksDynamic);
    axis->setTickAnchor(0);
    axis->setTickInterval(step);
    const int decimals = std::clamp(-int(std::floor(std::log10(step) + 1e-9)), 0, 9);
    QString format = QStringLiteral("%.") + QString::number(decimals) + QStringLiteral("f");
    if (!suffix.isEmpty())
        format += QString(suffix).replace(QLatin1Char('%'), QStringLiteral("%%"));
    axis->setLabelFormat(format);
}

} // namespace

ActivityChart::ActivityChart(QWidget *parent) : QChartView(parent) {
    auto *chart = new QChart();
    // Compact: the dock is usually short, so the legend goes to the right,
    // margins shrink and the axes carry no titles (the chart title says what
    // the x axis is).
    chart->legend()->setAlignment(Qt::AlignRight);
    chart->setMargins(QMargins(4, 2, 4, 2));
    chart->layout()->setContentsMargins(0, 0, 0, 0);
    setMinimumHeight(170);
    m_wholeSeries = new QLineSeries(chart);
    m_wholeSeries->setName(tr("Whole profile"));
    m_selectedSeries = new QLineSeries(chart);
    m_selectedSeries->setName(tr("Selection"));
    chart->addSeries(m_wholeSeries);
    chart->addSeries(m_selectedSeries);
    m_x = new QValueAxis(chart);
    m_x->setTitleText(tr("time from profile start"));
    m_y = new QValueAxis(chart);
    m_y->setTitleText(tr("samples/s"));
    m_x->setTitleVisible(false);
    m_y->setTitleVisible(false);
    chart->addAxis(m_x, Qt::AlignBottom);
    chart->addAxis(m_y, Qt::AlignLeft);
    for (QLineSeries *s : {m_wholeSeries, m_selectedSeries}) {
        s->attachAxis(m_x);
        s->attachAxis(m_y);
    }
    setChart(chart);
    setRubberBand(QChartView::NoRubberBand); // own horizontal drag below
    setToolTip(tr("Drag across the chart to show only the samples of that time range; click to clear"));
    setProfile(nullptr);
}

int ActivityChart::bucketOf(int64_t t) const {
    if (m_end <= m_begin)
        return 0;
    const double f = double(t - m_begin) / double(m_end - m_begin);
    return std::clamp(int(f * kBuckets), 0, kBuckets - 1);
}

void ActivityChart::fill(QLineSeries *series, const std::vector<double> &counts) {
    QList<QPointF> points;
    const double widthNs = double(m_end - m_begin) / kBuckets;
    const double rate = perSecond();
    for (size_t i = 0; i < counts.size(); ++i)
        points.append(QPointF((double(i) + 0.5) * widthNs / m_axisUnitNs, counts[i] * rate));
    series->replace(points);
}

void ActivityChart::setAxes(const std::vector<double> &counts) {
    const double spanNs = double(m_end - m_begin);
    // Seconds, milliseconds or microseconds, whichever keeps the numbers short.
    QString unit;
    if (spanNs >= 2e9) {
        m_axisUnitNs = 1e9;
        unit = tr(" s");
    } else if (spanNs >= 2e6) {
        m_axisUnitNs = 1e6;
        unit = tr(" ms");
    } else {
        m_axisUnitNs = 1e3;
        unit = tr(" µs");
    }
    setNiceTicks(m_x, spanNs / m_axisUnitNs, 6, unit);
    double peak = *std::max_element(counts.begin(), counts.end()) * perSecond();
    if (!(peak > 0))
        peak = 1; // nothing in range: still a readable empty axis
    const double step = niceStep(peak * 1.05, 4);
    setNiceTicks(m_y, std::ceil(peak * 1.05 / step) * step, 4, tr("/s"));
}

void ActivityChart::setProfile(std::shared_ptr<const Profile> profile) {
    m_profile = std::move(profile);
    m_whole.assign(kBuckets, 0);
    m_selected.assign(kBuckets, 0);
    m_begin = m_end = 0;
    m_fallback = false;
    m_lastSelection = SampleSelection::everything();
    m_link = nullptr; // belonged to the previous profile; the owner sets the new context next
    if (!hasTimes()) {
        rebuildFallback();
        return;
    }
    m_x->setTitleText(tr("time from profile start"));
    m_wholeSeries->setName(tr("Whole profile"));
    chart()->setTitle(tr("Samples per second from the profile's start; drag to filter the flame graph"));
    const auto [lo, hi] = std::minmax_element(m_profile->sampleTime.begin(), m_profile->sampleTime.end());
    m_begin = *lo;
    m_end = *hi + 1;
    for (int64_t t : m_profile->sampleTime)
        m_whole[size_t(bucketOf(t))] += 1;
    m_selected = m_whole;
    setAxes(m_whole);
    fill(m_wholeSeries, m_whole);
    fill(m_selectedSeries, m_selected);
}

void ActivityChart::setTraceContext(std::shared_ptr<const TraceSet> traces, const LinkIndex *link, int traceIndex) {
    m_traces = std::move(traces);
    m_link = link;
    m_traceIndex = traceIndex;
    if (!hasTimes())
        rebuildFallback();
}

void ActivityChart::spread(std::vector<double> &counts, uint32_t row, double weight) const {
    const int64_t s = m_traces->startNs[row], e = std::max(m_traces->endNs[row], s + 1);
    const int b0 = bucketOf(s), b1 = bucketOf(e - 1);
    const double share = weight / double(b1 - b0 + 1);
    for (int b = b0; b <= b1; ++b)
        counts[size_t(b)] += share;
}

void ActivityChart::rebuildFallback() {
    m_whole.assign(kBuckets, 0);
    m_selected.assign(kBuckets, 0);
    m_fallback = m_profile && m_traces && m_link && m_link->linkedSamples() > 0 && m_traceIndex >= 0 &&
                 size_t(m_traceIndex) < m_traces->traces.size();
    if (!m_fallback) {
        chart()->setTitle(!m_profile ? tr("No profile")
                                     : tr("This profile's samples carry no timestamps; select a linked trace to see "
                                          "its samples along the trace"));
        m_wholeSeries->clear();
        m_selectedSeries->clear();
        return;
    }
    const TraceSummary &t = m_traces->traces[size_t(m_traceIndex)];
    m_begin = t.startNs;
    m_end = std::max(t.endNs, t.startNs + 1);
    for (uint32_t r = t.firstRow; r < t.endRow; ++r)
        if (const uint32_t n = m_link->sampleCount(r))
            spread(m_whole, r, double(n));
    m_wholeSeries->setName(tr("Whole trace"));
    chart()->setTitle(tr("Samples per second along the trace, from its start (no sample timestamps: each span's "
                         "samples spread over its duration)"));
    m_x->setTitleText(tr("time from trace start"));
    setAxes(m_whole);
    fill(m_wholeSeries, m_whole);
    // Replay the last selection only when it indexes the current link's order.
    const bool replay = !m_lastSelection.order || m_lastSelection.order == &m_link->order();
    setSelection(replay ? m_lastSelection : SampleSelection::everything());
}

void ActivityChart::setSelection(const SampleSelection &sel) {
    m_lastSelection = sel;
    if (m_fallback) {
        const TraceSummary &t = m_traces->traces[size_t(m_traceIndex)];
        if (sel.all) {
            m_selected = m_whole;
        } else {
            m_selected.assign(kBuckets, 0);
            const size_t n = m_profile->sampleCount();
            for (const auto &[b, e] : sel.ranges) {
                const uint32_t end = std::min<uint32_t>(e, sel.order ? uint32_t(sel.order->size()) : uint32_t(n));
                for (uint32_t k = b; k < end; ++k) {
                    const uint32_t i = sel.order ? (*sel.order)[k] : k;
                    if (i >= n)
                        continue;
                    const uint32_t r = m_link->spanOfSample(i);
                    if (r != TraceSet::kNoRow && r >= t.firstRow && r < t.endRow)
                        spread(m_selected, r, 1.0);
                }
            }
        }
        fill(m_selectedSeries, m_selected);
        return;
    }
    if (!hasTimes())
        return;
    const auto &times = m_profile->sampleTime;
    if (sel.all) {
        m_selected = m_whole;
    } else {
        m_selected.assign(kBuckets, 0);
        for (const auto &[b, e] : sel.ranges) {
            const uint32_t end =
                std::min<uint32_t>(e, sel.order ? uint32_t(sel.order->size()) : uint32_t(times.size()));
            for (uint32_t k = b; k < end; ++k) {
                const uint32_t i = sel.order ? (*sel.order)[k] : k;
                if (i < times.size())
                    m_selected[size_t(bucketOf(times[i]))] += 1;
            }
        }
    }
    fill(m_selectedSeries, m_selected);
}

int64_t ActivityChart::timeAt(int x) const {
    const QPointF v = chart()->mapToValue(chart()->mapFromScene(mapToScene(QPoint(x, 0))), m_wholeSeries);
    const int64_t t = m_begin + int64_t(std::clamp(v.x() * m_axisUnitNs, 0.0, double(m_end - m_begin)));
    return std::clamp(t, m_begin, m_end);
}

void ActivityChart::mousePressEvent(QMouseEvent *e) {
    if (e->button() == Qt::LeftButton && hasTimes() && !m_fallback) {
        m_pressX = e->position().toPoint().x();
        e->accept();
        return;
    }
    QChartView::mousePressEvent(e);
}

void ActivityChart::mouseReleaseEvent(QMouseEvent *e) {
    if (e->button() == Qt::LeftButton && m_pressX >= 0) {
        const int x = e->position().toPoint().x();
        const int a = std::min(x, m_pressX), b = std::max(x, m_pressX);
        m_pressX = -1;
        if (b - a < 3) {
            emit rangeSelected(0, 0);
        } else {
            const int64_t t0 = timeAt(a), t1 = timeAt(b);
            emit rangeSelected(t0, t1 > t0 ? t1 : t0 + 1);
        }
        e->accept();
        return;
    }
    QChartView::mouseReleaseEvent(e);
}

} // namespace spanfire::views
