// FlameGraphWidget::paintVector: the vector path used by SVG export. It lays
// out the current tree (zoom, orientation, search and highlight colours as on
// screen) at DPR 1 and issues one fillRect per box and one drawText per label,
// so an SVG generator receives <rect>/<text> elements instead of an image.
#include "views/flamecolors.h"
#include "views/flamegraphwidget.h"
#include "views/flamerenderer.h"

#include <QFontMetricsF>
#include <QPainter>

namespace spanfire::views {

namespace {
constexpr int kVectorLabelPaddingPx = 3; // as on screen (flamegraphwidget.cpp)
} // namespace

void FlameGraphWidget::paintVector(QPainter &p, const QSize &logicalSize) const {
    DrawCache cache;
    buildCache(cache, logicalSize.width(), 1.0);
    const RowGeometry g = geometryFor(logicalSize.height(), 1.0);
    p.save();
    p.fillRect(QRect(QPoint(0, 0), logicalSize), palette().color(QPalette::Base));
    p.setFont(font());
    const QFontMetricsF fm(font());
    const int rowH = g.rowHeightPx;
    const qreal baselineOffset = ((rowH - 1) + fm.ascent() - fm.descent()) / 2;
    const FlameLayout &layout = cache.layout;
    for (uint32_t d = 0; d < layout.rows; ++d) {
        const int top = rowTop(d, g);
        if (top + rowH <= 0 || top >= logicalSize.height())
            continue;
        for (uint32_t k = layout.rowStart[d]; k < layout.rowStart[d + 1]; ++k) {
            const FlameBox &b = layout.boxes[k];
            const QRgb fill = fillColorOf(b);
            const int w = b.x1 - b.x0 >= 3 ? b.x1 - b.x0 - 1 : b.x1 - b.x0;
            p.fillRect(QRect(b.x0, top, std::max(w, 1), rowH - 1), QColor(fill));
            const QString &label = cache.labels[k];
            if (label.isEmpty())
                continue;
            p.setPen(QColor(FlameColors::textColorFor(fill)));
            p.drawText(QPointF(b.x0 + kVectorLabelPaddingPx, top + baselineOffset), label);
        }
    }
    p.restore();
}

} // namespace spanfire::views
