#include "views/spantimelinewidget.h"

#include "model/spantable.h"
#include "views/servicecolors.h"
#include "views/traceselection.h"

#include <QApplication>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QLineEdit>
#include <QMenu>
#include <QMouseEvent>
#include <QPainter>
#include <QScrollBar>
#include <QShortcut>
#include <QToolButton>
#include <QToolTip>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace spanfire::views {

namespace {

constexpr double kMinViewNs = 10;
constexpr double kWheelZoom = 0.8; // per wheel notch / key press

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
    m_criticalButton = new QToolButton(this);
    m_criticalButton->setObjectName(QStringLiteral("criticalPathButton"));
    m_criticalButton->setText(tr("Critical path"));
    m_criticalButton->setCheckable(true);
    m_criticalButton->setToolTip(tr("Highlight the spans that determine the trace's end-to-end latency (C)"));
    connect(m_criticalButton, &QToolButton::toggled, this, &SpanTimelineWidget::setCriticalPathEnabled);
    m_find = new QLineEdit(this);
    m_find->setObjectName(QStringLiteral("findSpans"));
    m_find->setPlaceholderText(tr("Find spans (Ctrl+F)"));
    m_find->setClearButtonEnabled(true);
    m_find->setToolTip(tr("Marks spans whose name or service contains the text; Enter selects the next one"));
    connect(m_find, &QLineEdit::textChanged, this, [this](const QString &text) { setSearchText(text); });
    connect(m_find, &QLineEdit::returnPressed, this, [this] { selectNextMatch(); });
    auto *findShortcut = new QShortcut(QKeySequence::Find, this, nullptr, nullptr, Qt::WidgetWithChildrenShortcut);
    connect(findShortcut, &QShortcut::activated, this, [this] {
        m_find->setFocus();
        m_find->selectAll();
    });
    layoutChildren();
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
    m_matches.assign(m_end - m_first, 0);
    m_matchCount = 0;
    m_selected = kNoRow;
    m_hover = kNoRow;
    m_pendingScrollRow = kNoRow;
    m_minimapWidth = -1;
    m_view = bounds();
    rebuildRows();
    rebuildCriticalPath();
    m_vbar->setValue(0);
    if (!m_find->text().isEmpty())
        setSearchText(m_find->text());
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
    if (visible < kRowHeight) { // not laid out yet: scroll once we have a size
        m_pendingScrollRow = row;
        return;
    }
    m_pendingScrollRow = kNoRow;
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
    if (row == m_selected) {
        scrollToRow(row);
        return;
    }
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
    {
        const QSignalBlocker block(m_criticalButton);
        m_criticalButton->setChecked(on);
    }
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
            m_highlight[r - m_first] = 255;
    }
    changed();
}

void SpanTimelineWidget::setHighlightShares(const std::vector<std::pair<uint32_t, float>> &rowShares) {
    m_highlight.assign(m_end - m_first, 0);
    for (const auto &[r, share] : rowShares) {
        if (r >= m_first && r < m_end && share > 0) // 255 is kept for a plain outline
            m_highlight[r - m_first] = uint8_t(std::clamp(int(share * 254.0f + 0.5f), 1, 254));
    }
    changed();
}

float SpanTimelineWidget::highlightShare(uint32_t row) const {
    return row >= m_first && row < m_end && row - m_first < m_highlight.size() ? m_highlight[row - m_first] / 255.0f
                                                                               : 0.0f;
}

void SpanTimelineWidget::setNameColumnWidth(int px) {
    m_nameWidth = std::clamp(px, 80, std::max(80, width() - 120));
    m_minimapWidth = -1;
    layoutChildren();
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

void SpanTimelineWidget::layoutChildren() {
    updateScrollBar();
    const QSize b = m_criticalButton->sizeHint();
    const int h = std::min(b.height(), kRulerHeight - 2);
    const int top = kMinimapHeight + (kRulerHeight - h) / 2;
    m_criticalButton->setGeometry(m_nameWidth - b.width() - 4, top, b.width(), h);
    m_find->setGeometry(4, top, std::max(40, m_nameWidth - b.width() - 12), h);
}

int SpanTimelineWidget::setSearchText(const QString &text) {
    if (m_find->text() != text) {
        const QSignalBlocker block(m_find);
        m_find->setText(text);
    }
    m_matches.assign(m_end - m_first, 0);
    m_matchCount = 0;
    const QString needle = text.trimmed();
    if (!needle.isEmpty() && m_trace >= 0) {
        // Each distinct string is converted and tested once: 0 unknown, 1 no, 2 yes.
        std::vector<uint8_t> state(m_set->strings.size(), 0);
        auto matches = [&](StringId id) {
            if (!id.valid() || id.v >= state.size())
                return false;
            uint8_t &st = state[id.v];
            if (st == 0)
                st = qs(m_set->strings.view(id)).contains(needle, Qt::CaseInsensitive) ? 2 : 1;
            return st == 2;
        };
        for (uint32_t r = m_first; r < m_end; ++r) {
            if (matches(m_set->name[r]) || matches(m_set->serviceOf(r))) {
                m_matches[r - m_first] = 1;
                ++m_matchCount;
            }
        }
    }
    changed();
    return m_matchCount;
}

bool SpanTimelineWidget::isMatch(uint32_t row) const {
    return row >= m_first && row < m_end && m_matches.size() > row - m_first && m_matches[row - m_first];
}

void SpanTimelineWidget::selectNextMatch(bool backwards) {
    if (m_matchCount == 0)
        return;
    const uint32_t n = m_end - m_first;
    const uint32_t start = m_selected != kNoRow ? m_selected - m_first : (backwards ? 0 : n - 1);
    for (uint32_t k = 1; k <= n; ++k) {
        const uint32_t i = backwards ? (start + n - k) % n : (start + k) % n;
        if (m_matches[i]) {
            selectByUser(m_first + i); // expands collapsed ancestors and scrolls
            return;
        }
    }
}

bool SpanTimelineWidget::onNameColumnEdge(QPoint pos) const {
    return pos.y() >= kMinimapHeight && pos.y() < rowsBottom() && std::abs(pos.x() - m_nameWidth) <= 3;
}

void SpanTimelineWidget::expandAll() {
    std::fill(m_collapsed.begin(), m_collapsed.end(), 0);
    rebuildRows();
    changed();
}

void SpanTimelineWidget::collapseFromDepth(uint32_t depth) {
    for (uint32_t r = m_first; r < m_end; ++r)
        m_collapsed[r - m_first] = m_set->depth[r] >= depth && m_set->subtreeEnd[r] > r + 1 ? 1 : 0;
    rebuildRows();
    changed();
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
    layoutChildren();
    m_cacheValid = false;
    if (m_pendingScrollRow != kNoRow)
        scrollToRow(m_pendingScrollRow);
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
        m_vbar->setValue(m_vbar->value() - d.y() * 3 * kRowHeight / 120); // fine-grained touchpads too
    }
    e->accept();
}

void SpanTimelineWidget::mousePressEvent(QMouseEvent *e) {
    if (e->button() != Qt::LeftButton || m_trace < 0) {
        QWidget::mousePressEvent(e);
        return;
    }
    const QPoint pos = e->position().toPoint();
    if (onNameColumnEdge(pos)) {
        m_drag = Drag::NameColumn;
        return;
    }
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
    if (m_drag == Drag::NameColumn) {
        setNameColumnWidth(pos.x());
        return;
    }
    setCursor(onNameColumnEdge(pos) ? Qt::SplitHCursor : Qt::ArrowCursor);
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
    case Qt::Key_C:
        setCriticalPathEnabled(!m_criticalPath);
        break;
    case Qt::Key_F3:
        selectNextMatch(e->modifiers() & Qt::ShiftModifier);
        break;
    case Qt::Key_Escape:
        if (!m_find->text().isEmpty())
            setSearchText(QString());
        else
            QWidget::keyPressEvent(e);
        break;
    case Qt::Key_Up:
    case Qt::Key_Down:
    case Qt::Key_PageUp:
    case Qt::Key_PageDown:
    case Qt::Key_End: {
        if (m_rows.empty())
            break;
        const int page = std::max(1, (rowsBottom() - rowsTop()) / kRowHeight - 1);
        const int delta = e->key() == Qt::Key_Up       ? -1
                          : e->key() == Qt::Key_Down   ? 1
                          : e->key() == Qt::Key_PageUp ? -page
                          : e->key() == Qt::Key_End    ? int(m_rows.size())
                                                       : page;
        int next = idx < 0 ? 0 : idx + delta;
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

void SpanTimelineWidget::contextMenuEvent(QContextMenuEvent *e) {
    if (m_trace < 0)
        return;
    const uint32_t row = rowAt(e->pos().y());
    QMenu menu(this);
    if (row != kNoRow) {
        selectByUser(row);
        menu.addAction(tr("Zoom to span"), this, [this, row] { zoomToRow(row); });
        if (m_set->subtreeEnd[row] > row + 1)
            menu.addAction(isCollapsed(row) ? tr("Expand") : tr("Collapse"), this,
                           [this, row] { toggleCollapsed(row); });
        menu.addAction(tr("Copy span name"), this,
                       [this, row] { QApplication::clipboard()->setText(qs(m_set->strings.view(m_set->name[row]))); });
        menu.addAction(tr("Copy span id"), this, [this, row] {
            QApplication::clipboard()->setText(QString::fromStdString(spanIdHex(m_set->spanId[row])));
        });
        menu.addSeparator();
    }
    menu.addAction(tr("Expand all"), this, &SpanTimelineWidget::expandAll);
    menu.addAction(tr("Collapse below the root"), this, [this] { collapseFromDepth(1); });
    menu.addAction(tr("Reset zoom"), this, &SpanTimelineWidget::resetZoom);
    QAction *critical = menu.addAction(tr("Critical path"), this, &SpanTimelineWidget::setCriticalPathEnabled);
    critical->setCheckable(true);
    critical->setChecked(m_criticalPath);
    menu.exec(e->globalPos());
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
    if (m_set->flags[row] & TraceSet::kOrphan)
        html += QStringLiteral("<br><i>") + tr("Orphan: its parent span is not in the loaded data") +
                QStringLiteral("</i>");
    if (m_toolTipExtra) {
        const QString extra = m_toolTipExtra(row);
        if (!extra.isEmpty())
            html += QStringLiteral("<br>") + extra;
    }
    return html + QStringLiteral("</p>");
}

} // namespace spanfire::views
