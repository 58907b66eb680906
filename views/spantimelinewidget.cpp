#include "views/spantimelinewidget.h"

#include "model/spantable.h"
#include "views/servicecolors.h"
#include "views/traceselection.h"

#include <QApplication>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QScrollBar>
#include <QToolTip>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace spanfire::views {

namespace {

constexpr int kMinimapHeight = 44;
constexpr int kRulerHeight = 24;
constexpr int kRowHeight = 20;
constexpr int kLegendHeight = 24;
constexpr int kIndent = 12;
constexpr int kTriangle = 12;
constexpr int kRightPad = 8;
constexpr double kMinViewNs = 10;
constexpr double kWheelZoom = 0.8; // per wheel notch / key press
const QColor kErrorColor(0xd0, 0x1c, 0x1c);
const QColor kCriticalColor(0x20, 0x20, 0x20);
const QColor kHighlightColor(0xff, 0xa0, 0x00);

QString qs(std::string_view s) {
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

} // namespace

SpanTimelineWidget::SpanTimelineWidget(QWidget *parent) : QWidget(parent) {
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true);
    setAttribute(Qt::WA_OpaquePaintEvent);
    m_vbar = new QScrollBar(Qt::Vertical, this);
    m_vbar->setSingleStep(kRowHeight);
    connect(m_vbar, &QScrollBar::valueChanged, this, [this] { changed(); });
    updateScrollBar();
}

SpanTimelineWidget::~SpanTimelineWidget() = default;

int SpanTimelineWidget::rowHeight() {
    return kRowHeight;
}

QSize SpanTimelineWidget::sizeHint() const {
    return {1000, 500};
}

QSize SpanTimelineWidget::minimumSizeHint() const {
    return {m_nameWidth + 120, kMinimapHeight + kRulerHeight + 3 * kRowHeight + kLegendHeight};
}

void SpanTimelineWidget::setSelection(TraceSelection *selection) {
    if (m_selection)
        disconnect(m_selection, nullptr, this, nullptr);
    m_selection = selection;
    if (!m_selection)
        return;
    connect(m_selection, &TraceSelection::traceSetChanged, this, [this] { setTraceSet(m_selection->traceSet()); });
    connect(m_selection, &TraceSelection::traceIndexChanged, this, &SpanTimelineWidget::setTrace);
    connect(m_selection, &TraceSelection::spanRowChanged, this, [this](SpanRow row) {
        setSelectedRow(row.v);
        scrollToRow(row.v);
    });
    connect(m_selection, &TraceSelection::criticalPathEnabledChanged, this,
            &SpanTimelineWidget::setCriticalPathEnabled);
    setTraceSet(m_selection->traceSet());
    setTrace(m_selection->traceIndex());
    setSelectedRow(m_selection->spanRow().v);
    setCriticalPathEnabled(m_selection->criticalPathEnabled());
}

void SpanTimelineWidget::setTraceSet(std::shared_ptr<const TraceSet> set) {
    m_set = std::move(set);
    m_colors = ServiceColors();
    if (m_set)
        m_colors.assign(*m_set);
    m_trace = -2; // force setTrace to reset
    setTrace(-1);
}

void SpanTimelineWidget::setTrace(int traceIndex) {
    if (!m_set || traceIndex < 0 || size_t(traceIndex) >= m_set->traces.size())
        traceIndex = -1;
    if (traceIndex == m_trace)
        return;
    m_trace = traceIndex;
    m_first = m_end = 0;
    m_originNs = 0;
    if (m_trace >= 0) {
        const TraceSummary &t = m_set->traces[size_t(m_trace)];
        m_first = std::min<uint32_t>(t.firstRow, uint32_t(m_set->spanCount()));
        m_end = std::clamp<uint32_t>(t.endRow, m_first, uint32_t(m_set->spanCount()));
        m_originNs = t.startNs;
    }
    m_collapsed.assign(m_end - m_first, 0);
    m_highlight.assign(m_end - m_first, 0);
    m_selected = kNoRow;
    m_hover = kNoRow;
    m_minimapWidth = -1;
    m_view = bounds();
    rebuildRows();
    rebuildCriticalPath();
    m_vbar->setValue(0);
    emit visibleRangeChanged(m_originNs + int64_t(m_view.start), m_originNs + int64_t(m_view.end));
    changed();
}

TimeRange SpanTimelineWidget::bounds() const {
    if (m_trace < 0)
        return {0, 1};
    const int64_t d = m_set->traces[size_t(m_trace)].durationNs();
    return {0, double(std::max<int64_t>(d, 1))};
}

std::pair<int64_t, int64_t> SpanTimelineWidget::visibleRange() const {
    return {m_originNs + std::llround(m_view.start), m_originNs + std::llround(m_view.end)};
}

void SpanTimelineWidget::setView(TimeRange view) {
    view = clampRange(view, bounds(), kMinViewNs);
    if (view == m_view)
        return;
    m_view = view;
    const auto r = visibleRange();
    emit visibleRangeChanged(r.first, r.second);
    changed();
}

void SpanTimelineWidget::zoomTo(int64_t startNs, int64_t endNs) {
    setView({double(startNs - m_originNs), double(endNs - m_originNs)});
}

void SpanTimelineWidget::resetZoom() {
    setView(bounds());
}

void SpanTimelineWidget::zoomBy(double factor, double anchorX) {
    const QRect area = barArea();
    const double x = std::clamp(anchorX, double(area.left()), double(area.left() + area.width()));
    setView(zoomAround(m_view, barScale().toNs(x), factor, bounds(), kMinViewNs));
}

void SpanTimelineWidget::zoomToRow(uint32_t row) {
    if (m_trace < 0 || row < m_first || row >= m_end)
        return;
    const double s = double(m_set->startNs[row] - m_originNs);
    const double e = double(m_set->endNs[row] - m_originNs);
    const double pad = std::max((e - s) * 0.05, 1.0);
    setView({s - pad, e + pad});
}

// ---- rows, collapse, selection ------------------------------------------

void SpanTimelineWidget::rebuildRows() {
    if (m_trace < 0)
        m_rows.clear();
    else
        m_rows = visibleRows(*m_set, m_first, m_end, m_collapsed);
    updateScrollBar();
}

void SpanTimelineWidget::rebuildCriticalPath() {
    m_critical.assign(m_end - m_first, 0);
    m_criticalSections.clear();
    if (!m_criticalPath || m_trace < 0)
        return;
    for (uint32_t r : m_set->criticalPath(uint32_t(m_trace))) {
        if (r >= m_first && r < m_end)
            m_critical[r - m_first] = 1;
    }
    for (const CriticalPathSection &c : m_set->criticalPathSections(uint32_t(m_trace))) {
        if (c.row >= m_first && c.row < m_end)
            m_criticalSections.push_back({c.row, {double(c.startNs - m_originNs), double(c.endNs - m_originNs)}});
    }
    std::stable_sort(m_criticalSections.begin(), m_criticalSections.end(),
                     [](const auto &a, const auto &b) { return a.first < b.first; });
}

bool SpanTimelineWidget::isShown(uint32_t row) const {
    return indexOfRow(row) >= 0;
}

int SpanTimelineWidget::indexOfRow(uint32_t row) const {
    const auto it = std::lower_bound(m_rows.begin(), m_rows.end(), row); // pre-order rows are sorted
    return it != m_rows.end() && *it == row ? int(it - m_rows.begin()) : -1;
}

void SpanTimelineWidget::setCollapsed(uint32_t row, bool collapsed) {
    if (row < m_first || row >= m_end || bool(m_collapsed[row - m_first]) == collapsed)
        return;
    m_collapsed[row - m_first] = collapsed ? 1 : 0;
    rebuildRows();
    changed();
}

bool SpanTimelineWidget::isCollapsed(uint32_t row) const {
    return row >= m_first && row < m_end && m_collapsed[row - m_first];
}

void SpanTimelineWidget::toggleCollapsed(uint32_t row) {
    setCollapsed(row, !isCollapsed(row));
}

void SpanTimelineWidget::scrollToRow(uint32_t row) {
    if (row < m_first || row >= m_end)
        return;
    // Expand collapsed ancestors so that the row is shown.
    bool expanded = false;
    for (uint32_t p = m_set->parent[row]; p != TraceSet::kNoRow && p >= m_first && p < m_end; p = m_set->parent[p]) {
        if (m_collapsed[p - m_first]) {
            m_collapsed[p - m_first] = 0;
            expanded = true;
        }
        if (p >= row) // malformed parent column: never loop
            break;
    }
    if (expanded) {
        rebuildRows();
        changed();
    }
    const int i = indexOfRow(row);
    if (i < 0)
        return;
    const int top = i * kRowHeight;
    const int visible = rowsBottom() - rowsTop();
    if (top < m_vbar->value())
        m_vbar->setValue(top);
    else if (top + kRowHeight > m_vbar->value() + visible)
        m_vbar->setValue(top + kRowHeight - visible);
}

void SpanTimelineWidget::setSelectedRow(uint32_t row) {
    if (row < m_first || row >= m_end)
        row = kNoRow;
    if (row == m_selected)
        return;
    m_selected = row;
    update(); // selection is an overlay: the cached base layer stays valid
}

void SpanTimelineWidget::selectByUser(uint32_t row) {
    setSelectedRow(row);
    scrollToRow(row);
    emit spanSelected(SpanRow(row));
    if (m_selection)
        m_selection->setSpanRow(SpanRow(row));
}

void SpanTimelineWidget::setCriticalPathEnabled(bool on) {
    if (on == m_criticalPath)
        return;
    m_criticalPath = on;
    rebuildCriticalPath();
    changed();
    emit criticalPathToggled(on);
    if (m_selection)
        m_selection->setCriticalPathEnabled(on);
}

bool SpanTimelineWidget::isOnCriticalPath(uint32_t row) const {
    return row >= m_first && row < m_end && m_critical[row - m_first];
}

void SpanTimelineWidget::setHighlightedRows(const std::vector<uint32_t> &rows) {
    m_highlight.assign(m_end - m_first, 0);
    for (uint32_t r : rows) {
        if (r >= m_first && r < m_end)
            m_highlight[r - m_first] = 1;
    }
    changed();
}

void SpanTimelineWidget::setNameColumnWidth(int px) {
    m_nameWidth = std::clamp(px, 80, 2000);
    m_minimapWidth = -1;
    changed();
}

// ---- geometry -------------------------------------------------------------

int SpanTimelineWidget::rowsTop() const {
    return kMinimapHeight + kRulerHeight;
}

int SpanTimelineWidget::rowsBottom() const {
    return std::max(rowsTop(), height() - kLegendHeight);
}

QRect SpanTimelineWidget::barArea() const {
    const int left = m_nameWidth + 4;
    const int right = width() - m_vbar->sizeHint().width() - kRightPad;
    return QRect(left, rowsTop(), std::max(1, right - left), rowsBottom() - rowsTop());
}

QRect SpanTimelineWidget::minimapArea() const {
    const QRect a = barArea();
    return QRect(a.left(), 4, a.width(), kMinimapHeight - 8);
}

TimeScale SpanTimelineWidget::barScale() const {
    const QRect a = barArea();
    return TimeScale(m_view, a.left(), a.width());
}

TimeScale SpanTimelineWidget::minimapScale() const {
    const QRect a = minimapArea();
    return TimeScale(bounds(), a.left(), a.width());
}

void SpanTimelineWidget::updateScrollBar() {
    const int visible = rowsBottom() - rowsTop();
    m_vbar->setGeometry(width() - m_vbar->sizeHint().width(), rowsTop(), m_vbar->sizeHint().width(), visible);
    m_vbar->setPageStep(std::max(visible, kRowHeight));
    m_vbar->setRange(0, std::max(0, int(m_rows.size()) * kRowHeight - visible));
}

uint32_t SpanTimelineWidget::rowAt(int y) const {
    if (y < rowsTop() || y >= rowsBottom())
        return kNoRow;
    const int i = (y - rowsTop() + m_vbar->value()) / kRowHeight;
    return i >= 0 && size_t(i) < m_rows.size() ? m_rows[size_t(i)] : kNoRow;
}

QRect SpanTimelineWidget::rectOfRow(uint32_t row) const {
    const int i = indexOfRow(row);
    if (i < 0)
        return {};
    const QRect r(0, rowsTop() + i * kRowHeight - m_vbar->value(), barArea().right() + 1, kRowHeight);
    return r.intersected(QRect(0, rowsTop(), width(), rowsBottom() - rowsTop()));
}

QRectF SpanTimelineWidget::barRect(uint32_t row) const {
    const QRect rr = rectOfRow(row);
    if (rr.isEmpty())
        return {};
    const TimeScale s = barScale();
    const QRect a = barArea();
    const double x0 = std::max(s.toPx(double(m_set->startNs[row] - m_originNs)), double(a.left()));
    const double x1 = std::min(s.toPx(double(m_set->endNs[row] - m_originNs)), double(a.left() + a.width()));
    if (x1 < a.left() || x0 > a.left() + a.width())
        return {};
    const int top = rowsTop() + indexOfRow(row) * kRowHeight - m_vbar->value();
    return QRectF(x0, top + 3, std::max(x1 - x0, 1.0), kRowHeight - 6);
}

bool SpanTimelineWidget::onTriangle(uint32_t row, QPoint pos) const {
    if (row >= m_end || m_set->subtreeEnd[row] <= row + 1)
        return false;
    const int indent = 4 + int(std::min<uint32_t>(m_set->depth[row], uint32_t(m_nameWidth / 2 / kIndent))) * kIndent;
    return pos.x() >= indent - 2 && pos.x() < indent + kTriangle + 2;
}

// ---- events ---------------------------------------------------------------

void SpanTimelineWidget::changed() {
    m_cacheValid = false;
    update();
}

void SpanTimelineWidget::resizeEvent(QResizeEvent *e) {
    QWidget::resizeEvent(e);
    updateScrollBar();
    m_cacheValid = false;
}

bool SpanTimelineWidget::event(QEvent *e) {
    if (e->type() == QEvent::ToolTip) {
        auto *he = static_cast<QHelpEvent *>(e);
        const uint32_t row = rowAt(he->pos().y());
        if (row != kNoRow)
            QToolTip::showText(he->globalPos(), toolTipHtml(row), this, rectOfRow(row));
        else
            QToolTip::hideText();
        return true;
    }
    return QWidget::event(e);
}

void SpanTimelineWidget::wheelEvent(QWheelEvent *e) {
    const QPoint d = e->angleDelta();
    const double pos = e->position().x();
    const bool overHeader = e->position().y() < rowsTop();
    if ((e->modifiers() & Qt::ShiftModifier) || std::abs(d.x()) > std::abs(d.y())) {
        const int delta = d.x() != 0 ? d.x() : d.y();
        setView(panBy(m_view, -delta / 120.0 * 0.1 * m_view.length(), bounds()));
    } else if ((e->modifiers() & Qt::ControlModifier) || overHeader) {
        zoomBy(std::pow(kWheelZoom, d.y() / 120.0), pos);
    } else {
        m_vbar->setValue(m_vbar->value() - d.y() / 120 * 3 * kRowHeight);
    }
    e->accept();
}

void SpanTimelineWidget::mousePressEvent(QMouseEvent *e) {
    if (e->button() != Qt::LeftButton || m_trace < 0) {
        QWidget::mousePressEvent(e);
        return;
    }
    const QPoint pos = e->position().toPoint();
    if (minimapArea().adjusted(0, -4, 0, 4).contains(pos)) {
        m_drag = Drag::Minimap;
        const double ns = minimapScale().toNs(pos.x());
        if (ns >= m_view.start && ns <= m_view.end) {
            m_minimapGrab = ns - m_view.start;
        } else {
            m_minimapGrab = m_view.length() / 2;
            setView(panBy(m_view, ns - m_minimapGrab - m_view.start, bounds()));
        }
        return;
    }
    m_drag = Drag::PendingRows;
    m_pressPos = pos;
    m_pressView = m_view;
    m_pressScroll = m_vbar->value();
}

void SpanTimelineWidget::mouseMoveEvent(QMouseEvent *e) {
    const QPoint pos = e->position().toPoint();
    if (m_drag == Drag::Minimap) {
        const double ns = minimapScale().toNs(pos.x());
        setView(panBy(m_view, ns - m_minimapGrab - m_view.start, bounds()));
        return;
    }
    if (m_drag == Drag::PendingRows && (pos - m_pressPos).manhattanLength() >= QApplication::startDragDistance())
        m_drag = Drag::PanRows;
    if (m_drag == Drag::PanRows) {
        const TimeScale pressScale(m_pressView, barArea().left(), barArea().width());
        setView(panBy(m_pressView, -(pos.x() - m_pressPos.x()) * pressScale.nsPerPx(), bounds()));
        m_vbar->setValue(m_pressScroll - (pos.y() - m_pressPos.y()));
        return;
    }
    const uint32_t hover = rowAt(pos.y());
    if (hover != m_hover) {
        m_hover = hover;
        update(); // overlay only
    }
}

void SpanTimelineWidget::mouseReleaseEvent(QMouseEvent *e) {
    const Drag drag = m_drag;
    m_drag = Drag::None;
    if (e->button() != Qt::LeftButton || drag != Drag::PendingRows)
        return;
    const QPoint pos = e->position().toPoint();
    const uint32_t row = rowAt(pos.y());
    if (row == kNoRow)
        return;
    if (onTriangle(row, pos))
        toggleCollapsed(row);
    else
        selectByUser(row);
}

void SpanTimelineWidget::mouseDoubleClickEvent(QMouseEvent *e) {
    const QPoint pos = e->position().toPoint();
    const uint32_t row = rowAt(pos.y());
    if (e->button() != Qt::LeftButton || row == kNoRow || onTriangle(row, pos))
        return;
    zoomToRow(row);
    emit spanActivated(SpanRow(row));
}

void SpanTimelineWidget::leaveEvent(QEvent *e) {
    QWidget::leaveEvent(e);
    if (m_hover != kNoRow) {
        m_hover = kNoRow;
        update();
    }
}

void SpanTimelineWidget::keyPressEvent(QKeyEvent *e) {
    const QPoint cursor = mapFromGlobal(QCursor::pos());
    const double anchor = barArea().contains(cursor) ? cursor.x() : barArea().center().x();
    const int idx = m_selected != kNoRow ? indexOfRow(m_selected) : -1;
    const bool hasChildren = m_selected != kNoRow && m_set->subtreeEnd[m_selected] > m_selected + 1;
    switch (e->key()) {
    case Qt::Key_W:
        zoomBy(kWheelZoom, anchor);
        break;
    case Qt::Key_S:
        zoomBy(1 / kWheelZoom, anchor);
        break;
    case Qt::Key_A:
        setView(panBy(m_view, -0.15 * m_view.length(), bounds()));
        break;
    case Qt::Key_D:
        setView(panBy(m_view, 0.15 * m_view.length(), bounds()));
        break;
    case Qt::Key_0:
    case Qt::Key_Home:
        resetZoom();
        break;
    case Qt::Key_Up:
    case Qt::Key_Down: {
        if (m_rows.empty())
            break;
        int next = idx < 0 ? 0 : idx + (e->key() == Qt::Key_Up ? -1 : 1);
        next = std::clamp(next, 0, int(m_rows.size()) - 1);
        selectByUser(m_rows[size_t(next)]);
        break;
    }
    case Qt::Key_Left:
        if (hasChildren && !isCollapsed(m_selected))
            setCollapsed(m_selected, true);
        else if (m_selected != kNoRow && m_set->parent[m_selected] != TraceSet::kNoRow &&
                 m_set->parent[m_selected] >= m_first)
            selectByUser(m_set->parent[m_selected]);
        break;
    case Qt::Key_Right:
        if (hasChildren && isCollapsed(m_selected))
            setCollapsed(m_selected, false);
        else if (hasChildren)
            selectByUser(m_selected + 1);
        break;
    case Qt::Key_Return:
    case Qt::Key_Enter:
        if (m_selected != kNoRow) {
            zoomToRow(m_selected);
            emit spanActivated(SpanRow(m_selected));
        }
        break;
    default:
        QWidget::keyPressEvent(e);
        return;
    }
    e->accept();
}

// ---- tooltip --------------------------------------------------------------

QString SpanTimelineWidget::toolTipHtml(uint32_t row) const {
    if (m_trace < 0 || row < m_first || row >= m_end)
        return {};
    auto esc = [](std::string_view s) {
        QString q = qs(s.substr(0, 500));
        return q.toHtmlEscaped();
    };
    const int64_t dur = m_set->durationNs(row);
    QString html =
        QStringLiteral("<p style='white-space:pre'><b>") + esc(m_set->strings.view(m_set->name[row])) +
        QStringLiteral("</b><br>") + esc(m_set->strings.view(m_set->serviceOf(row))) + QStringLiteral("<br>") +
        tr("Duration: %1 (self %2)").arg(formatDuration(double(dur)), formatDuration(double(m_set->selfTimeNs(row)))) +
        QStringLiteral("<br>") + tr("Starts at: +%1").arg(formatDuration(double(m_set->startNs[row] - m_originNs)));
    const uint32_t events =
        m_set->eventOffsets.size() > row + 1 ? m_set->eventOffsets[row + 1] - m_set->eventOffsets[row] : 0;
    if (events)
        html += QStringLiteral("<br>") + tr("%n event(s)", nullptr, int(events));
    if (m_set->status[row] == StatusCode::Error) {
        html += QStringLiteral("<br><span style='color:#d01c1c'>") + tr("Error") + QStringLiteral("</span>");
        const std::string_view msg = m_set->strings.view(m_set->statusMessage[row]);
        if (!msg.empty())
            html += QStringLiteral(": ") + esc(msg);
    }
    if (m_critical.size() > row - m_first && m_critical[row - m_first])
        html += QStringLiteral("<br>") + tr("On the critical path");
    return html + QStringLiteral("</p>");
}

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
    const QString summary =
        tr("%1 \u00b7 %n span(s)", nullptr, int(t.spanCount)).arg(formatDuration(double(t.durationNs()))) +
        QLatin1Char('\n') + tr("%n service(s)", nullptr, int(t.services.size())) +
        (t.errorCount ? QStringLiteral(" \u00b7 ") + tr("%n error(s)", nullptr, int(t.errorCount)) : QString());
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
    QFont bold = font();
    bold.setBold(true);
    p.setFont(bold);
    p.drawText(QRect(6, ruler.top(), m_nameWidth - 10, kRulerHeight), Qt::AlignVCenter | Qt::AlignLeft,
               tr("Service \u00b7 operation"));
    p.setFont(font());
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
        p.drawText(QRect(x, y, textRight - x, kRowHeight), Qt::AlignVCenter | Qt::AlignLeft | Qt::TextSingleLine,
                   elided);
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
    if (m_highlight[row - m_first]) {
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
    else if (std::min(bx1, right) - std::max(bx0, left) > tw + 10) // inside a bar that fills the view
        p.drawText(QRectF(std::min(bx1, right) - tw - 4, y, tw, kRowHeight), Qt::AlignVCenter | Qt::AlignRight, label);
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
