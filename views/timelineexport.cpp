// SpanTimelineWidget::paintExport: the timeline's base layer (minimap, ruler,
// rows, legend; no hover) painted straight into any painter, so exports to
// QSvgGenerator get vector bars and text. GUI thread only.
#include "views/spantimelinewidget.h"

#include <QPainter>

namespace spanfire::views {

void SpanTimelineWidget::paintExport(QPainter &painter) {
    painter.save();
    paintBase(painter);
    painter.restore();
}

} // namespace spanfire::views
