#pragma once
// FlameRenderer: rasterises a FlameLayout into an image, once per change of
// data, zoom, size or colours; the widget then repaints (hover, focus, expose)
// by blitting that image. Boxes are written straight into the scanlines on
// whole device pixels (crisp at any device pixel ratio, no antialiasing, and
// O(rows x width) instead of one QPainter call per box); labels are drawn with
// QPainter on top. Any thread that may use QFont/QPainter on a QImage.

#include "views/flamelayout.h"

#include <QFont>
#include <QImage>
#include <QString>

#include <functional>
#include <vector>

namespace spanfire::views {

struct FlameRenderParams {
    RowGeometry geometry; // device pixels
    qreal devicePixelRatio = 1.0;
    QFont font;
    QRgb background = qRgb(255, 255, 255);
    int labelPaddingPx = 3; // logical px left of a label
};

// Elided labels parallel to layout.boxes (empty where a box is too narrow for a glyph or merged).
std::vector<QString> buildFlameLabels(const FlameLayout &layout, const QFont &font, qreal devicePixelRatio,
                                      int labelPaddingPx, const std::function<QString(uint32_t node)> &nameOf);

// Renders into `target` (resized to widthPx x heightPx device pixels when needed; DPR set).
// `fills` gives one colour per box; rows are separated by one device pixel, and boxes at least
// 3 px wide by one device pixel on their right.
void renderFlame(QImage &target, const FlameLayout &layout, const std::vector<QRgb> &fills,
                 const std::vector<QString> &labels, const FlameRenderParams &params);

} // namespace spanfire::views
