#include "views/timelinelayout.h"

#include "model/spantable.h"

#include <algorithm>
#include <cmath>

namespace spanfire::views {

TimeScale::TimeScale(TimeRange range, double x0, double widthPx) : m_range(range), m_x0(x0), m_width(widthPx) {
    if (!(m_range.length() > 0))
        m_range.end = m_range.start + 1;
    if (!(m_width > 0))
        m_width = 1;
    m_pxPerNs = m_width / m_range.length();
}

double niceStep(double minStepNs) {
    if (!(minStepNs > 1))
        return 1;
    const double p = std::pow(10.0, std::floor(std::log10(minStepNs)));
    for (double m : {1.0, 2.0, 5.0, 10.0}) {
        // Tolerate rounding in pow/log10 (e.g. 1000 computed as 999.9999).
        if (m * p >= minStepNs * (1 - 1e-9))
            return m * p;
    }
    return 10 * p;
}

namespace {

struct Unit {
    double ns;
    const char16_t *suffix;
};

Unit unitFor(double magnitudeNs) {
    if (magnitudeNs >= 1e9)
        return {1e9, u"s"};
    if (magnitudeNs >= 1e6)
        return {1e6, u"ms"};
    if (magnitudeNs >= 1e3)
        return {1e3, u"\u00b5s"};
    return {1, u"ns"};
}

} // namespace

QString formatTick(double ns, double stepNs, double magnitudeNs) {
    if (std::abs(ns) < stepNs * 1e-6)
        return QStringLiteral("0");
    const Unit u = unitFor(std::max(stepNs, magnitudeNs));
    // Decimals needed to show multiples of the step exactly in this unit.
    int decimals = 0;
    double s = stepNs / u.ns;
    while (decimals < 9 && std::abs(s - std::round(s)) > 1e-6 * std::max(1.0, s)) {
        s *= 10;
        ++decimals;
    }
    return QString::number(ns / u.ns, 'f', decimals) + QLatin1Char(' ') + QString::fromUtf16(u.suffix);
}

QString formatDuration(double ns) {
    if (!std::isfinite(ns))
        return QStringLiteral("?");
    if (ns < 0)
        return QLatin1Char('-') + formatDuration(-ns);
    if (ns < 1000)
        return QString::number(std::llround(ns)) + QStringLiteral(" ns");
    const Unit u = unitFor(ns);
    const double v = ns / u.ns;
    const int decimals = v >= 100 ? 0 : v >= 10 ? 1 : 2;
    QString text = QString::number(v, 'f', decimals);
    if (decimals > 0) { // "1.50" -> "1.5", "2.00" -> "2"
        while (text.endsWith(QLatin1Char('0')))
            text.chop(1);
        if (text.endsWith(QLatin1Char('.')))
            text.chop(1);
    }
    return text + QLatin1Char(' ') + QString::fromUtf16(u.suffix);
}

std::optional<int64_t> parseDuration(const QString &input) {
    QString text = input.trimmed().toLower();
    text.remove(QLatin1Char(' '));
    if (text.isEmpty())
        return std::nullopt;
    double scale = 1e6; // bare number: milliseconds
    struct Suffix {
        const char16_t *text;
        double ns;
    };
    static const Suffix kSuffixes[] = {{u"ns", 1},  {u"us", 1e3}, {u"\u00b5s", 1e3}, {u"\u03bcs", 1e3}, {u"ms", 1e6},
                                       {u"s", 1e9}, {u"m", 60e9}, {u"min", 60e9},    {u"h", 3600e9}};
    // Longest suffix first so that "ms" is not read as "s".
    int bestLen = 0;
    for (const Suffix &s : kSuffixes) {
        const QString suffix = QString::fromUtf16(s.text);
        if (suffix.size() > bestLen && text.endsWith(suffix)) {
            bestLen = int(suffix.size());
            scale = s.ns;
        }
    }
    text.chop(bestLen);
    bool ok = false;
    const double v = text.toDouble(&ok);
    if (!ok || !std::isfinite(v) || v < 0 || v * scale > 9.2e18)
        return std::nullopt;
    return int64_t(std::llround(v * scale));
}

std::vector<RulerTick> rulerTicks(const TimeScale &scale, double minSpacingPx) {
    std::vector<RulerTick> ticks;
    const TimeRange r = scale.range();
    const double step = niceStep(std::max(minSpacingPx, 1.0) * scale.nsPerPx());
    const double first = std::ceil(r.start / step - 1e-9) * step;
    const int maxTicks = int(scale.width() / std::max(minSpacingPx, 1.0)) + 2;
    for (int i = 0; i <= maxTicks; ++i) {
        const double ns = first + i * step;
        if (ns > r.end + step * 1e-9)
            break;
        ticks.push_back({ns, scale.toPx(ns), formatTick(ns, step, std::max(std::abs(r.start), std::abs(r.end)))});
    }
    return ticks;
}

TimeRange clampRange(TimeRange view, TimeRange bounds, double minLengthNs) {
    const double boundLen = std::max(bounds.length(), 1.0);
    double len = std::clamp(view.length(), std::min(minLengthNs, boundLen), boundLen);
    if (!std::isfinite(len))
        len = boundLen;
    double start = std::isfinite(view.start) ? view.start : bounds.start;
    start = std::clamp(start, bounds.start, bounds.start + boundLen - len);
    return {start, start + len};
}

TimeRange zoomAround(TimeRange view, double anchorNs, double factor, TimeRange bounds, double minLengthNs) {
    if (!(factor > 0) || !std::isfinite(factor))
        return view;
    const double boundLen = std::max(bounds.length(), 1.0);
    const double len = std::clamp(view.length() * factor, std::min(minLengthNs, boundLen), boundLen);
    const double rel = view.length() > 0 ? (anchorNs - view.start) / view.length() : 0.5;
    return clampRange({anchorNs - rel * len, anchorNs - rel * len + len}, bounds, minLengthNs);
}

TimeRange panBy(TimeRange view, double deltaNs, TimeRange bounds) {
    return clampRange({view.start + deltaNs, view.end + deltaNs}, bounds, view.length());
}

std::vector<uint32_t> visibleRows(const TraceSet &set, uint32_t first, uint32_t end,
                                  const std::vector<uint8_t> &collapsed) {
    std::vector<uint32_t> rows;
    end = std::min<uint32_t>(end, uint32_t(set.subtreeEnd.size()));
    rows.reserve(end > first ? end - first : 0);
    for (uint32_t r = first; r < end;) {
        rows.push_back(r);
        const size_t local = r - first;
        const uint32_t next = (local < collapsed.size() && collapsed[local]) ? set.subtreeEnd[r] : r + 1;
        r = std::max(next, r + 1); // never loop on a malformed subtreeEnd
    }
    return rows;
}

CoverageGrid::CoverageGrid(int rows, int columns)
    : m_rows(std::max(rows, 1)), m_columns(std::max(columns, 1)), m_cells(size_t(m_rows) * size_t(m_columns + 1), 0.f),
      m_whole(size_t(m_rows) * size_t(m_columns + 1), 0) {
}

void CoverageGrid::add(int row, double x0, double x1) {
    if (row < 0 || row >= m_rows || !(x1 > x0))
        return;
    x0 = std::clamp(x0, 0.0, double(m_columns));
    x1 = std::clamp(x1, 0.0, double(m_columns));
    if (x1 <= x0) {
        return;
    }
    const size_t base = size_t(row) * size_t(m_columns + 1);
    const int c0 = int(x0);
    const int c1 = int(x1);
    if (c0 == c1) { // inside one cell
        m_cells[base + size_t(c0)] += float(x1 - x0);
        return;
    }
    m_cells[base + size_t(c0)] += float(c0 + 1 - x0);
    if (c1 < m_columns)
        m_cells[base + size_t(c1)] += float(x1 - c1);
    // Whole cells c0+1 .. c1-1.
    if (c0 + 1 < c1) {
        m_whole[base + size_t(c0 + 1)] += 1;
        m_whole[base + size_t(c1)] -= 1;
    }
}

void CoverageGrid::finish() {
    m_max = 0;
    for (int r = 0; r < m_rows; ++r) {
        const size_t base = size_t(r) * size_t(m_columns + 1);
        int32_t run = 0;
        for (int c = 0; c < m_columns; ++c) {
            run += m_whole[base + size_t(c)];
            float &v = m_cells[base + size_t(c)];
            v += float(run);
            m_max = std::max(m_max, v);
        }
    }
}

} // namespace spanfire::views
