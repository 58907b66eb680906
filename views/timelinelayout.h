#pragma once
// Timeline layout maths: pure functions used by the span timeline.
//  * TimeScale maps a time range (ns, as double offsets from the trace start)
//    onto a horizontal pixel range and back; it is linear and invertible for
//    any non-empty range (an empty range is widened to 1 ns).
//  * rulerTicks() picks "nice" 1-2-5 steps so that labels are at least
//    `minSpacingPx` apart, and labels them in the unit of the step.
//  * zoomAround()/panBy() keep a view range inside the trace bounds; zooming
//    keeps the time under the anchor fixed (unless clamped by the bounds).
//  * visibleRows() turns pre-order rows + a collapsed set into the rows that
//    are shown (descendants of collapsed rows are skipped in O(shown rows)).
//  * CoverageGrid aggregates intervals into pixel columns (minimap LOD).
// No state, no painting: safe on any thread, unit-tested data-driven.

#include <QString>

#include <cstdint>
#include <optional>
#include <vector>

namespace spanfire {
class TraceSet;
}

namespace spanfire::views {

struct TimeRange {
    double start = 0;
    double end = 0;
    double length() const { return end - start; }
    bool operator==(const TimeRange &o) const { return start == o.start && end == o.end; }
};

class TimeScale {
public:
    TimeScale() = default;
    TimeScale(TimeRange range, double x0, double widthPx);
    double toPx(double ns) const { return m_x0 + (ns - m_range.start) * m_pxPerNs; }
    double toNs(double px) const { return m_range.start + (px - m_x0) / m_pxPerNs; }
    double nsPerPx() const { return 1.0 / m_pxPerNs; }
    double pxPerNs() const { return m_pxPerNs; }
    TimeRange range() const { return m_range; }
    double x0() const { return m_x0; }
    double width() const { return m_width; }

private:
    TimeRange m_range{0, 1};
    double m_x0 = 0;
    double m_width = 1;
    double m_pxPerNs = 1;
};

struct RulerTick {
    double ns = 0; // offset from the trace start
    double x = 0;  // pixel position
    QString label;
};

// Smallest 1, 2 or 5 x 10^k nanoseconds that is >= minStepNs (at least 1 ns).
double niceStep(double minStepNs);
// Ticks at multiples of the nice step inside the scale's range.
std::vector<RulerTick> rulerTicks(const TimeScale &scale, double minSpacingPx);
// A tick label: "0", "250 µs", "1.5 ms", "9.4988 s". The unit follows the
// larger of the step and `magnitudeNs` (the largest offset on the ruler), so
// that far from the start labels stay short; decimals are enough for the step.
QString formatTick(double ns, double stepNs, double magnitudeNs = 0);
// A duration with an adaptive unit and 3 significant digits: "812 ns", "1.23 ms", "4.5 s".
QString formatDuration(double ns);
// Parses "250", "250ns", "1.5 ms", "2us", "2µs", "3s" into ns; nullopt when malformed.
// A bare number is taken as milliseconds (what people type in a filter box).
std::optional<int64_t> parseDuration(const QString &text);

// Zooms `view` by `factor` (< 1 zooms in) keeping `anchorNs` at the same relative position.
TimeRange zoomAround(TimeRange view, double anchorNs, double factor, TimeRange bounds, double minLengthNs);
// Moves `view` by deltaNs, clamped so that it stays inside bounds.
TimeRange panBy(TimeRange view, double deltaNs, TimeRange bounds);
// Clamps/shifts a range into bounds, keeping at least minLengthNs.
TimeRange clampRange(TimeRange view, TimeRange bounds, double minLengthNs);

// Rows [first, end) of one trace in pre-order; collapsed[r - first] != 0 hides
// r's descendants. Returns the shown rows in order.
std::vector<uint32_t> visibleRows(const TraceSet &set, uint32_t first, uint32_t end,
                                  const std::vector<uint8_t> &collapsed);

// Pixel-column coverage for the minimap: rows x columns cells; add() an
// interval (in px) to a row, then value(row, col) is the covered fraction of
// that cell summed over intervals (fractional at the ends, >= 0).
class CoverageGrid {
public:
    CoverageGrid(int rows, int columns);
    void add(int row, double x0, double x1);
    void finish(); // prefix sums; call once before value()
    float value(int row, int col) const { return m_cells[size_t(row) * size_t(m_columns + 1) + size_t(col)]; }
    float maxValue() const { return m_max; }
    int rows() const { return m_rows; }
    int columns() const { return m_columns; }

private:
    int m_rows;
    int m_columns;
    float m_max = 0;
    std::vector<float> m_cells;   // partial-cell coverage, then final values
    std::vector<int32_t> m_whole; // difference array of whole-cell coverage
};

} // namespace spanfire::views
