#include "views/flamerenderer.h"

#include "views/flamecolors.h"

#include <QFontMetricsF>
#include <QPainter>

#include <algorithm>
#include <cstring>

namespace spanfire::views {

std::vector<QString> buildFlameLabels(const FlameLayout &layout, const QFont &font, qreal dpr, int padding,
                                      const std::function<QString(uint32_t)> &nameOf) {
    const auto &boxes = layout.boxes;
    std::vector<QString> labels(boxes.size());
    const QFontMetricsF fm(font);
    const qreal minLabel = fm.averageCharWidth() * 2 + 2 * padding;
    for (size_t k = 0; k < boxes.size(); ++k) {
        const FlameBox &b = boxes[k];
        const qreal w = (b.x1 - b.x0) / dpr;
        if (w < minLabel || (b.flags & FlameBox::kMerged))
            continue;
        const QString name = nameOf(b.node);
        const qreal avail = w - 2 * padding;
        labels[k] = fm.horizontalAdvance(name) <= avail ? name : fm.elidedText(name, Qt::ElideRight, avail);
        if (labels[k] == QStringLiteral("\u2026"))
            labels[k].clear(); // a lone ellipsis says nothing
    }
    return labels;
}

void renderFlame(QImage &target, const FlameLayout &layout, const std::vector<QRgb> &fills,
                 const std::vector<QString> &labels, const FlameRenderParams &params) {
    const RowGeometry &g = params.geometry;
    const int W = std::max(0, layout.widthPx), H = std::max(0, g.heightPx);
    if (target.size() != QSize(W, H) || target.format() != QImage::Format_RGB32)
        target = QImage(W, H, QImage::Format_RGB32);
    target.setDevicePixelRatio(params.devicePixelRatio);
    if (W == 0 || H == 0)
        return;
    target.fill(params.background);
    const int rowH = g.rowHeightPx;
    std::vector<QRgb> line(static_cast<size_t>(W), params.background);
    for (uint32_t d = 0; d < layout.rows; ++d) {
        const int top = rowTop(d, g);
        const int y0 = std::max(top, 0), y1 = std::min(top + rowH - 1, H); // one device pixel between rows
        if (y0 >= y1)
            continue;
        // Compose the row once, then copy it to each of its scanlines.
        std::fill(line.begin(), line.end(), params.background);
        for (uint32_t k = layout.rowStart[d]; k < layout.rowStart[d + 1]; ++k) {
            const FlameBox &b = layout.boxes[k];
            const int gap = b.x1 - b.x0 >= 3 ? 1 : 0;
            const int x0 = std::max(b.x0, 0), x1 = std::min(b.x1 - gap, W);
            if (x0 < x1)
                std::fill(line.begin() + x0, line.begin() + x1, fills[k]);
        }
        for (int y = y0; y < y1; ++y)
            std::memcpy(target.scanLine(y), line.data(), size_t(W) * sizeof(QRgb));
    }
    // Labels.
    QPainter p(&target);
    p.setRenderHint(QPainter::TextAntialiasing, true);
    p.setFont(params.font);
    const qreal dpr = params.devicePixelRatio;
    const QFontMetricsF fm(params.font);
    const qreal baselineOffset = ((rowH - 1) / dpr + fm.ascent() - fm.descent()) / 2;
    QRgb penColor = 0;
    bool penSet = false;
    for (uint32_t d = 0; d < layout.rows; ++d) {
        const int top = rowTop(d, g);
        if (top + rowH <= 0 || top >= H)
            continue;
        const qreal y = top / dpr;
        for (uint32_t k = layout.rowStart[d]; k < layout.rowStart[d + 1]; ++k) {
            const QString &label = labels[k];
            if (label.isEmpty())
                continue;
            const QRgb tc = FlameColors::textColorFor(fills[k]);
            if (!penSet || tc != penColor) {
                p.setPen(QColor(tc));
                penColor = tc;
                penSet = true;
            }
            p.drawText(QPointF(layout.boxes[k].x0 / dpr + params.labelPaddingPx, y + baselineOffset), label);
        }
    }
}

} // namespace spanfire::views
