// SpanTimelineWidget painting: the cached base layer (minimap, ruler, rows,
// legend) and the hover/selection overlay. Split from spantimelinewidget.cpp
// (state and interaction) to keep each file about one responsibility.
#include "views/spantimelinewidget.h"

#include "model/spantable.h"
#include "views/servicecolors.h"

#include <QLineEdit>
#include <QPainter>
#include <QScrollBar>

#include <algorithm>
#include <climits>
#include <cmath>

namespace spanfire::views {

namespace {

const QColor kErrorColor(0xd0, 0x1c, 0x1c);
const QColor kCriticalColor(0x20, 0x20, 0x20);
const QColor kHighlightColor(0xff, 0xa0, 0x00);
const QColor kMatchColor(0xff, 0xe0, 0x66, 170);

QString qs(std::string_view s) {
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

} // namespace

// ---- painting ---------------------------------------------------------------

void SpanTimelineWidget::paintEvent(QPaintEvent *) {
    const qreal dpr = devicePixelRatioF();
    const QSize px = size() * dpr;
    if (!m_cacheValid || m_cache.size() != px || m_cache.devicePixelRatio() != dpr) {
        if (m_cache.size() != px)
            m_cache = QPixmap(px);
        m_cache.setDevicePixelRatio(dpr);
        QPainter cp(&m_cache);
        paintBase(cp);
        m_cacheValid = true;
    }
    QPainter p(this);
    p.drawPixmap(0, 0, m_cache);
    if (m_selected != kNoRow && m_trace >= 0) {
        // Where the selected span is in the whole trace: a mark under the minimap.
        const QRect a = minimapArea();
        const TimeScale s = minimapScale();
        const double x0 = s.toPx(double(m_set->startNs[m_selected] - m_originNs));
        const double x1 = std::max(s.toPx(double(m_set->endNs[m_selected] - m_originNs)), x0 + 2);
        p.fillRect(QRectF(x0, a.bottom() + 1, x1 - x0, 3), palette().color(QPalette::Highlight));
    }
    p.setClipRect(QRect(0, rowsTop(), barArea().right() + 1, rowsBottom() - rowsTop()));
    if (m_hover != kNoRow && m_hover != m_selected)
        p.fillRect(rectOfRow(m_hover), QColor(0, 0, 0, 20));
    if (m_selected != kNoRow) {
        const QRect rr = rectOfRow(m_selected);
        if (!rr.isEmpty()) {
            QColor h = palette().color(QPalette::Highlight);
            h.setAlpha(60);
            p.fillRect(rr, h);
            h.setAlpha(255);
            p.setPen(QPen(h, 2));
            const QRectF br = barRect(m_selected);
            if (!br.isEmpty())
                p.drawRect(br.adjusted(-1, -1, 1, 1));
        }
    }
}

void SpanTimelineWidget::paintBase(QPainter &p) {
    p.fillRect(rect(), palette().color(QPalette::Base));
    if (m_trace < 0) {
        p.setPen(palette().color(QPalette::PlaceholderText));
        p.drawText(rect(), Qt::AlignCenter, tr("Select a trace to see its spans"));
        return;
    }
    paintMinimap(p);
    paintRuler(p);
    paintRows(p);
    paintLegend(p);
    p.setPen(palette().color(QPalette::Mid));
    p.drawLine(m_nameWidth, kMinimapHeight, m_nameWidth, rowsBottom());
}

void SpanTimelineWidget::buildMinimapImage() {
    const QRect a = minimapArea();
    const qreal dpr = devicePixelRatioF();
    const int cols = std::max(1, int(a.width() * dpr));
    const int gridRows = std::max(1, int(a.height() * dpr));
    const uint32_t n = m_end - m_first;
    const TimeScale s(bounds(), 0, cols);
    m_minimap = QImage(cols, gridRows, QImage::Format_ARGB32_Premultiplied);
    m_minimap.fill(Qt::transparent);
    if (n <= uint32_t(gridRows) / 2) {
        // Few spans: each gets its own band in its service colour.
        QPainter p(&m_minimap);
        const double pad = 2 * dpr; // keep the first band clear of the window outline
        const double band = std::min((gridRows - 2 * pad) / std::max<uint32_t>(n, 1), 6 * dpr);
        for (uint32_t r = m_first; r < m_end; ++r) {
            const double x0 = s.toPx(double(m_set->startNs[r] - m_originNs));
            const double x1 = std::max(s.toPx(double(m_set->endNs[r] - m_originNs)), x0 + 1);
            const double y = pad + (r - m_first) * band;
            p.fillRect(QRectF(x0, y, x1 - x0, band >= 3 ? band - 1 : band), m_colors.colorOf(m_set->serviceOf(r)));
        }
    } else {
        // Many spans: rows of spans aggregated into pixel cells, shaded by
        // (log) coverage so that both sparse and dense parts stay readable.
        CoverageGrid grid(gridRows, cols);
        for (uint32_t r = m_first; r < m_end; ++r) {
            const int gr = int(uint64_t(r - m_first) * uint64_t(gridRows) / n);
            const double x0 = s.toPx(double(m_set->startNs[r] - m_originNs));
            // At least a third of a device pixel so that instant spans still show.
            grid.add(gr, x0, std::max(s.toPx(double(m_set->endNs[r] - m_originNs)), x0 + 0.34));
        }
        grid.finish();
        const QColor c(0x4e, 0x79, 0xa7);
        const float norm = 1.f / std::log1p(std::max(grid.maxValue(), 1.f));
        for (int y = 0; y < gridRows; ++y) {
            auto *line = reinterpret_cast<QRgb *>(m_minimap.scanLine(y));
            for (int x = 0; x < cols; ++x) {
                const float v = grid.value(y, x);
                const int alpha = v <= 0 ? 0 : int(60 + 195 * std::min(1.f, std::log1p(v) * norm));
                line[x] = qPremultiply(qRgba(c.red(), c.green(), c.blue(), alpha));
            }
        }
    }
    m_minimap.setDevicePixelRatio(dpr);
    m_minimapWidth = a.width();
    m_minimapDpr = dpr;
}

void SpanTimelineWidget::paintMinimap(QPainter &p) {
    const QRect a = minimapArea();
    const TraceSummary &t = m_set->traces[size_t(m_trace)];
    p.setPen(palette().color(QPalette::Text));
    const QRect info(6, 0, m_nameWidth - 10, kMinimapHeight);
    QString summary =
        tr("%1 \u00b7 %n span(s)", nullptr, int(t.spanCount)).arg(formatDuration(double(t.durationNs()))) +
        QLatin1Char('\n') + tr("%n service(s)", nullptr, int(t.services.size())) +
        (t.errorCount ? QStringLiteral(" \u00b7 ") + tr("%n error(s)", nullptr, int(t.errorCount)) : QString());
    if (!m_find->text().trimmed().isEmpty())
        summary += QStringLiteral(" \u00b7 ") + tr("%n match(es)", nullptr, m_matchCount);
    p.drawText(info, Qt::AlignVCenter | Qt::AlignLeft, summary);
    if (m_minimapWidth != a.width() || m_minimapDpr != devicePixelRatioF())
        buildMinimapImage();
    p.fillRect(a, palette().color(QPalette::AlternateBase));
    p.drawImage(a.topLeft(), m_minimap);
    const TimeScale s = minimapScale();
    const double wx0 = s.toPx(m_view.start), wx1 = s.toPx(m_view.end);
    const QColor shade(128, 128, 128, 70);
    p.fillRect(QRectF(a.left(), a.top(), wx0 - a.left(), a.height()), shade);
    p.fillRect(QRectF(wx1, a.top(), a.left() + a.width() - wx1, a.height()), shade);
    QColor h = palette().color(QPalette::Highlight);
    p.setPen(QPen(h, 1.5));
    p.drawRect(QRectF(wx0, a.top(), std::max(wx1 - wx0, 2.0), a.height()));
}

void SpanTimelineWidget::paintRuler(QPainter &p) {
    const QRect a = barArea();
    const QRect ruler(0, kMinimapHeight, width(), kRulerHeight);
    p.fillRect(ruler, palette().color(QPalette::Window));
    p.setPen(palette().color(QPalette::Text));
    const std::vector<RulerTick> ticks = rulerTicks(barScale(), 90);
    const QColor grid = palette().color(QPalette::Midlight);
    for (const RulerTick &t : ticks) {
        const int x = int(std::lround(t.x));
        p.setPen(palette().color(QPalette::Mid));
        p.drawLine(x, ruler.bottom() - 6, x, ruler.bottom());
        p.setPen(grid);
        p.drawLine(x, a.top(), x, a.bottom());
        p.setPen(palette().color(QPalette::Text));
        if (x + 4 < a.left() + a.width() - 20)
            p.drawText(QRect(x + 3, ruler.top(), 100, kRulerHeight - 4), Qt::AlignVCenter | Qt::AlignLeft, t.label);
    }
    p.setPen(palette().color(QPalette::Mid));
    p.drawLine(0, ruler.bottom(), width(), ruler.bottom());
}

void SpanTimelineWidget::paintRows(QPainter &p) {
    const int top = rowsTop();
    const int bottom = rowsBottom();
    p.save();
    p.setClipRect(QRect(0, top, width(), bottom - top));
    const int scroll = m_vbar->value();
    const size_t i0 = size_t(std::max(0, scroll / kRowHeight));
    const size_t i1 = std::min(m_rows.size(), size_t((scroll + bottom - top) / kRowHeight + 1));
    const TimeScale scale = barScale();
    const QColor stripe = palette().color(QPalette::AlternateBase);
    for (size_t i = i0; i < i1; ++i) {
        const int y = top + int(i) * kRowHeight - scroll;
        if (i % 2)
            p.fillRect(QRect(0, y, barArea().right() + 1, kRowHeight),
                       QColor(stripe.red(), stripe.green(), stripe.blue(), 90));
        if (isMatch(m_rows[i]))
            p.fillRect(QRect(0, y, m_nameWidth, kRowHeight), kMatchColor);
        paintRow(p, m_rows[i], y, scale);
    }
    p.restore();
}

void SpanTimelineWidget::paintRow(QPainter &p, uint32_t row, int y, const TimeScale &scale) {
    const TraceSet &s = *m_set;
    const QRect area = barArea();
    const double left = area.left(), right = area.left() + area.width();
    const bool faded = m_criticalPath && !m_critical[row - m_first];
    const std::string_view service = s.strings.view(s.serviceOf(row));
    QColor color = m_colors.colorOf(s.serviceOf(row));
    QColor light = ServiceColors::childTone(color);
    if (faded) {
        color.setAlpha(70);
        light.setAlpha(70);
    }
    const bool error = s.status[row] == StatusCode::Error;

    // Name column: indentation, triangle, error mark, colour swatch, name, service.
    int x = 4 + int(std::min<uint32_t>(s.depth[row], uint32_t(m_nameWidth / 2 / kIndent))) * kIndent;
    const int cy = y + kRowHeight / 2;
    if (s.subtreeEnd[row] > row + 1) {
        p.setRenderHint(QPainter::Antialiasing, true);
        p.setPen(Qt::NoPen);
        p.setBrush(palette().color(QPalette::Text));
        QPolygonF tri;
        if (isCollapsed(row))
            tri << QPointF(x + 3, cy - 4) << QPointF(x + 9, cy) << QPointF(x + 3, cy + 4);
        else
            tri << QPointF(x + 2, cy - 3) << QPointF(x + 10, cy - 3) << QPointF(x + 6, cy + 2);
        p.drawPolygon(tri);
        p.setRenderHint(QPainter::Antialiasing, false);
    }
    x += kTriangle + 2;
    p.fillRect(QRect(x, cy - 4, 8, 8), m_colors.colorOf(s.serviceOf(row)));
    x += 12;
    if (error) {
        p.setRenderHint(QPainter::Antialiasing, true);
        p.setPen(Qt::NoPen);
        p.setBrush(kErrorColor);
        p.drawEllipse(QPointF(x + 5, cy), 5, 5);
        p.setPen(Qt::white);
        p.drawText(QRect(x, cy - 6, 10, 12), Qt::AlignCenter, QStringLiteral("!"));
        p.setRenderHint(QPainter::Antialiasing, false);
        x += 14;
    }
    const int textRight = m_nameWidth - 4;
    if (textRight - x > 8) {
        const QFontMetrics fm = fontMetrics();
        const QString name = qs(s.strings.view(s.name[row]));
        const QString elided = fm.elidedText(name, Qt::ElideRight, textRight - x);
        p.setPen(faded ? palette().color(QPalette::PlaceholderText) : palette().color(QPalette::Text));
        const bool orphan = s.flags[row] & TraceSet::kOrphan; // italic: parent missing
        if (orphan) {
            QFont italic = font();
            italic.setItalic(true);
            p.setFont(italic);
        }
        p.drawText(QRect(x, y, textRight - x, kRowHeight), Qt::AlignVCenter | Qt::AlignLeft | Qt::TextSingleLine,
                   elided);
        if (orphan)
            p.setFont(font());
        const int used = fm.horizontalAdvance(elided) + 8;
        if (elided == name && textRight - x - used > 30) {
            p.setPen(palette().color(QPalette::PlaceholderText));
            p.drawText(QRect(x + used, y, textRight - x - used, kRowHeight),
                       Qt::AlignVCenter | Qt::AlignLeft | Qt::TextSingleLine,
                       fm.elidedText(qs(service), Qt::ElideRight, textRight - x - used));
        }
    }

    // Bar.
    const double sx0 = scale.toPx(double(s.startNs[row] - m_originNs));
    const double sx1 = scale.toPx(double(s.endNs[row] - m_originNs));
    if (sx1 < left - 1 || sx0 > right + 1)
        return;
    p.save();
    p.setBrush(Qt::NoBrush); // the name column left a brush set: outlines must stay hollow
    p.setClipRect(QRectF(left, y, right - left, kRowHeight), Qt::IntersectClip);
    const double bx0 = std::max(sx0, left - 2), bx1 = std::max(std::min(sx1, right + 2), bx0 + 1);
    const QRectF bar(bx0, y + 3, bx1 - bx0, kRowHeight - 6);
    p.fillRect(bar, color);
    // Children intervals in the lighter tone, merged in pixel space (LOD).
    if (bar.width() >= 2) {
        double runStart = -1, runEnd = -1;
        auto flush = [&] {
            if (runEnd > runStart)
                p.fillRect(QRectF(runStart, bar.top(), runEnd - runStart, bar.height()), light);
        };
        for (uint32_t k = s.childOffsets[row]; k < s.childOffsets[row + 1]; ++k) {
            const uint32_t c = s.childIds[k];
            const double cx0 = std::max(scale.toPx(double(s.startNs[c] - m_originNs)), bx0);
            if (cx0 >= bx1)
                break; // children are sorted by start
            const double cx1 = std::min(scale.toPx(double(s.endNs[c] - m_originNs)), bx1);
            if (cx1 <= cx0)
                continue;
            if (runEnd >= 0 && cx0 <= runEnd + 0.5) {
                runEnd = std::max(runEnd, cx1);
            } else {
                flush();
                runStart = cx0;
                runEnd = cx1;
            }
        }
        flush();
    }
    if (m_criticalPath && !faded) {
        // The part of the span that is on the path (Jaeger's sections), as a dark centre line.
        auto it = std::lower_bound(m_criticalSections.begin(), m_criticalSections.end(), row,
                                   [](const auto &sec, uint32_t r) { return sec.first < r; });
        for (; it != m_criticalSections.end() && it->first == row; ++it) {
            const double cx0 = std::max(scale.toPx(it->second.start), bx0);
            const double cx1 = std::min(scale.toPx(it->second.end), bx1);
            p.fillRect(QRectF(cx0, bar.center().y() - 1.5, std::max(cx1 - cx0, 1.0), 3), kCriticalColor);
        }
    }
    // Events as ticks (one per pixel column at most).
    if (row + 1 < s.eventOffsets.size()) {
        int lastX = INT32_MIN;
        p.setPen(QPen(palette().color(QPalette::Text), 1));
        for (uint32_t k = s.eventOffsets[row]; k < s.eventOffsets[row + 1]; ++k) {
            const int ex = int(std::lround(scale.toPx(double(s.events[k].timeNs - m_originNs))));
            if (ex == lastX || ex < left || ex > right)
                continue;
            lastX = ex;
            p.drawLine(ex, y + 1, ex, y + kRowHeight - 2);
        }
    }
    if (error) {
        p.fillRect(QRectF(bar.left(), bar.top(), std::min(3.0, bar.width()), bar.height()), kErrorColor);
        p.setPen(QPen(kErrorColor, 1));
        p.drawRect(bar.adjusted(0, 0, -1, -1));
    }
    if (const uint8_t share = m_highlight[row - m_first]) {
        // Shade by share (setHighlightShares); full-share rows are only outlined.
        if (share < 255) {
            QColor fill = kHighlightColor;
            fill.setAlpha(40 + share * 160 / 255);
            p.fillRect(bar, fill);
        }
        p.setPen(QPen(kHighlightColor, 2));
        p.drawRect(bar.adjusted(-1, -1, 1, 1));
    }
    p.restore();
    // Duration label beside the bar when there is room (LOD: skipped otherwise).
    const QString label = formatDuration(double(s.durationNs(row)));
    const int tw = fontMetrics().horizontalAdvance(label) + 6;
    p.setPen(faded ? palette().color(QPalette::PlaceholderText) : palette().color(QPalette::Text));
    if (bx1 + tw <= right)
        p.drawText(QRectF(bx1 + 3, y, tw, kRowHeight), Qt::AlignVCenter | Qt::AlignLeft, label);
    else if (bx0 - tw >= left)
        p.drawText(QRectF(bx0 - tw, y, tw - 3, kRowHeight), Qt::AlignVCenter | Qt::AlignRight, label);
    else if (std::min(bx1, right) - std::max(bx0, left) > tw + 10) { // inside a bar that fills the view
        const QRectF box(std::min(bx1, right) - tw - 4, y + 3, tw, kRowHeight - 6);
        QColor back = palette().color(QPalette::Base);
        back.setAlpha(200);
        p.fillRect(box, back);
        p.drawText(box, Qt::AlignCenter, label);
    }
}

void SpanTimelineWidget::paintLegend(QPainter &p) {
    const QRect legend(0, rowsBottom(), width(), height() - rowsBottom());
    p.fillRect(legend, palette().color(QPalette::Window));
    p.setPen(palette().color(QPalette::Mid));
    p.drawLine(legend.topLeft(), legend.topRight());
    const TraceSummary &t = m_set->traces[size_t(m_trace)];
    const QFontMetrics fm = fontMetrics();
    // Key on the right: strong = self time, light = time in children.
    const QString selfText = tr("self time");
    const QString childText = tr("in children");
    const int keyWidth = fm.horizontalAdvance(selfText) + fm.horizontalAdvance(childText) + 60;
    int x = 6;
    const int cy = legend.center().y();
    const int limit = legend.right() - keyWidth - 10;
    for (size_t i = 0; i < t.services.size(); ++i) {
        const QString name = qs(m_set->strings.view(t.services[i]));
        const int w = 16 + std::min(fm.horizontalAdvance(name), 200) + 14;
        if (x + w > limit) {
            p.setPen(palette().color(QPalette::Text));
            p.drawText(QRect(x, legend.top(), limit - x + keyWidth, legend.height()), Qt::AlignVCenter | Qt::AlignLeft,
                       tr("+%n more", nullptr, int(t.services.size() - i)));
            break;
        }
        p.fillRect(QRect(x, cy - 5, 10, 10), m_colors.colorOf(t.services[i]));
        p.setPen(palette().color(QPalette::Text));
        p.drawText(QRect(x + 14, legend.top(), w - 14, legend.height()), Qt::AlignVCenter | Qt::AlignLeft,
                   fm.elidedText(name, Qt::ElideRight, 200));
        x += w;
    }
    const QColor base(0x4e, 0x79, 0xa7);
    int kx = legend.right() - keyWidth;
    p.fillRect(QRect(kx, cy - 5, 16, 10), base);
    p.drawText(QRect(kx + 20, legend.top(), fm.horizontalAdvance(selfText) + 4, legend.height()), Qt::AlignVCenter,
               selfText);
    kx += 20 + fm.horizontalAdvance(selfText) + 12;
    p.fillRect(QRect(kx, cy - 5, 16, 10), ServiceColors::childTone(base));
    p.drawText(QRect(kx + 20, legend.top(), fm.horizontalAdvance(childText) + 4, legend.height()), Qt::AlignVCenter,
               childText);
}

} // namespace spanfire::views
