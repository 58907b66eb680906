#include "views/flamegraphwidget.h"

#include "model/functionstats.h"
#include "views/flamecolors.h"
#include "views/flamerenderer.h"
#include "views/format.h"

#include <QApplication>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QLocale>
#include <QMenu>
#include <QMouseEvent>
#include <QPaintEvent>
#include <QPainter>
#include <QTextDocument>
#include <QToolTip>
#include <QtMath>

#include <algorithm>
#include <cmath>

namespace spanfire::views {

namespace {
constexpr int kLabelPaddingPx = 3; // logical px left of a label
constexpr double kMinBoxPx = 1.0;  // device px: narrower boxes are culled/merged
constexpr int kClickSlopPx = 4;    // a press/release further apart is not a click

QString fromUtf8(std::string_view s) {
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}
} // namespace

FlameGraphWidget::FlameGraphWidget(QWidget *parent) : QWidget(parent) {
    setMouseTracking(true);
    setFocusPolicy(Qt::StrongFocus);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setBackgroundRole(QPalette::Base);
    QFont f = font();
    f.setPointSizeF(std::max<qreal>(8.0, f.pointSizeF() * 0.9));
    setFont(f);
    m_rowHeight = std::max(16, QFontMetrics(f).height() + 4);
    m_tree.nodes.push_back(FlameNode{FrameId(), FrameId::kNone, 0, 1, 0, 0, 0});
}

FlameGraphWidget::~FlameGraphWidget() = default;

void FlameGraphWidget::setData(std::shared_ptr<const Profile> profile, FlameTree tree) {
    const bool sameProfile = profile == m_profile;
    m_profile = std::move(profile);
    m_tree = std::move(tree);
    if (m_tree.nodes.empty())
        m_tree.nodes.push_back(FlameNode{FrameId(), FrameId::kNone, 0, 1, 0, 0, 0});
    if (!sameProfile) {
        m_frameHash.clear();
        m_frameColor.clear();
        if (m_profile) {
            const auto &frames = m_profile->frames.frames();
            m_frameHash.resize(frames.size());
            m_frameColor.resize(frames.size());
            for (size_t i = 0; i < frames.size(); ++i) {
                const auto pkg = FlameColors::packageOf(m_profile->strings.view(frames[i].name),
                                                        m_profile->strings.view(frames[i].module));
                m_frameHash[i] = FlameColors::stableHash(pkg);
                m_frameColor[i] = FlameColors::frameColor(
                    m_frameHash[i], FlameColors::stableHash(m_profile->strings.view(frames[i].name)));
            }
        }
    }
    m_zoom = 0;
    m_zoomHistory.clear();
    m_hover = -1;
    m_focus = -1;
    m_diff = FlameDiff();
    setSearch(m_searchPattern, m_searchCaseSensitive); // frames may differ: recompute matches and total
    invalidateCache();
    updateContentHeight();
    emit zoomChanged(0);
}

void FlameGraphWidget::setDiff(FlameDiff diff) {
    if (diff.active() && diff.baseTotal.size() != m_tree.nodes.size())
        diff = FlameDiff(); // describes another tree
    m_diff = std::move(diff);
    invalidateImage();
    update();
}

QRgb FlameGraphWidget::nodeColor(int node) const {
    if (node < 0 || size_t(node) >= m_tree.nodes.size())
        return 0;
    FlameBox b{};
    b.node = uint32_t(node);
    return fillColorOf(b);
}

void FlameGraphWidget::setOrientation(FlameOrientation o) {
    if (o == m_orientation)
        return;
    m_orientation = o;
    invalidateImage(); // the layout is orientation-independent; only row geometry changes
}

void FlameGraphWidget::invalidateCache() {
    m_cacheValid = false;
    m_cache.imageValid = false;
    update();
}

void FlameGraphWidget::invalidateImage() {
    m_cache.imageValid = false;
    update();
}

void FlameGraphWidget::ensureCache() {
    const qreal dpr = devicePixelRatioF();
    const int widthPx = int(std::lround(width() * dpr));
    if (m_cacheValid && m_cache.dpr == dpr && m_cache.layout.widthPx == widthPx && m_cache.layout.zoomNode == m_zoom)
        return;
    buildCache(m_cache, widthPx, dpr);
    m_cacheValid = true;
}

void FlameGraphWidget::buildCache(DrawCache &cache, int widthPx, qreal dpr) const {
    cache.dpr = dpr;
    cache.layout = layoutFlame(m_tree, FlameLayoutParams{m_zoom, widthPx, kMinBoxPx});
    cache.labels = buildFlameLabels(cache.layout, font(), dpr, kLabelPaddingPx,
                                    [this](uint32_t node) { return nodeName(int(node)); });
    cache.imageValid = false;
}

void FlameGraphWidget::renderCache(DrawCache &cache, int heightPx) const {
    if (cache.imageValid && cache.image.height() == heightPx && cache.image.width() == cache.layout.widthPx &&
        cache.imageOrientation == m_orientation)
        return;
    std::vector<QRgb> fills(cache.layout.boxes.size());
    for (size_t k = 0; k < fills.size(); ++k)
        fills[k] = fillColorOf(cache.layout.boxes[k]);
    FlameRenderParams params;
    params.geometry = geometryFor(heightPx, cache.dpr);
    params.devicePixelRatio = cache.dpr;
    params.font = font();
    params.background = palette().color(QPalette::Base).rgb();
    params.labelPaddingPx = kLabelPaddingPx;
    renderFlame(cache.image, cache.layout, fills, cache.labels, params);
    cache.imageOrientation = m_orientation;
    cache.imageValid = true;
}

RowGeometry FlameGraphWidget::geometryFor(int heightPx, qreal dpr) const {
    return RowGeometry{int(std::lround(m_rowHeight * dpr)), heightPx, m_orientation};
}

void FlameGraphWidget::updateContentHeight() {
    updateGeometry();
}

QSize FlameGraphWidget::sizeHint() const {
    return QSize(800, int(m_tree.maxDepth + 1) * m_rowHeight);
}

QSize FlameGraphWidget::minimumSizeHint() const {
    return QSize(100, int(m_tree.maxDepth + 1) * m_rowHeight);
}

QString FlameGraphWidget::nodeName(int node) const {
    if (node < 0 || size_t(node) >= m_tree.nodes.size())
        return QString();
    if (node == 0)
        return tr("all");
    const FrameId f = m_tree.nodes[size_t(node)].frame;
    if (!m_profile || !f.valid() || f.v >= m_profile->frames.size())
        return tr("(unknown)");
    return fromUtf8(m_profile->strings.view(m_profile->frames.at(f).name));
}

StringId FlameGraphWidget::functionOfNode(int node) const {
    if (node <= 0 || size_t(node) >= m_tree.nodes.size() || !m_profile)
        return StringId();
    const FrameId f = m_tree.nodes[size_t(node)].frame;
    return f.valid() && f.v < m_profile->frames.size() ? m_profile->frames.at(f).name : StringId();
}

QString FlameGraphWidget::valueText(int64_t v) const {
    ValueUnit unit = ValueUnit::Count;
    if (m_profile && size_t(m_tree.valueColumn) < m_profile->sampleTypes.size())
        unit = unitFromString(m_profile->strings.view(m_profile->sampleTypes[size_t(m_tree.valueColumn)].unit));
    return formatValue(v, unit);
}

QRgb FlameGraphWidget::fillColorOf(const FlameBox &b) const {
    if (b.flags & FlameBox::kMerged)
        return m_searchActive ? FlameColors::dimmed(FlameColors::mergedColor()) : FlameColors::mergedColor();
    const FlameNode &n = m_tree.nodes[b.node];
    QRgb c;
    if (b.node == 0 || !n.frame.valid() || n.frame.v >= m_frameColor.size()) {
        c = FlameColors::rootColor();
    } else {
        const uint32_t h = m_frameHash[n.frame.v];
        const bool match = m_searchActive && m_frameMatch[n.frame.v];
        if (m_highlight.valid() && m_profile->frames.at(n.frame).name == m_highlight)
            return FlameColors::selectedColor(h);
        if (match)
            return FlameColors::matchColor(h);
        // Full colour at the largest change, but never for less than 1 percentage point.
        c = m_diff.active()
                ? FlameColors::diffColor(m_diff.shareDelta(m_tree, b.node), std::max(0.01, m_diff.maxAbsDelta))
                : m_frameColor[n.frame.v];
        if (m_searchActive)
            return FlameColors::dimmed(c);
    }
    return (b.flags & FlameBox::kAncestor) ? FlameColors::dimmed(c) : c;
}

void FlameGraphWidget::paintOverlays(QPainter &p, const DrawCache &cache, int heightPx) const {
    const qreal dpr = cache.dpr;
    const RowGeometry g = geometryFor(heightPx, dpr);
    const FlameLayout &lay = cache.layout;
    // Hover and keyboard focus outlines.
    auto outline = [&](int node, QRgb color, qreal widthPx) {
        const int k = lay.boxOfNode(m_tree, uint32_t(node));
        if (k < 0)
            return;
        const FlameBox &b = lay.boxes[size_t(k)];
        const qreal w = widthPx / dpr;
        const QRectF r(b.x0 / dpr, rowTop(b.depth, g) / dpr, (b.x1 - b.x0) / dpr, (g.rowHeightPx - 1) / dpr);
        p.setPen(Qt::NoPen);
        p.setBrush(Qt::NoBrush);
        const QColor c(color);
        p.fillRect(QRectF(r.left(), r.top(), r.width(), w), c);
        p.fillRect(QRectF(r.left(), r.bottom() - w, r.width(), w), c);
        p.fillRect(QRectF(r.left(), r.top(), w, r.height()), c);
        p.fillRect(QRectF(r.right() - w, r.top(), w, r.height()), c);
    };
    if (m_hover >= 0)
        outline(m_hover, qRgb(90, 90, 90), 1);
    if (m_focus >= 0)
        outline(m_focus, FlameColors::focusOutline(), std::max<qreal>(2, std::round(2 * dpr)));
}

void FlameGraphWidget::paintEvent(QPaintEvent *event) {
    ensureCache();
    const qreal dpr = m_cache.dpr;
    const int heightPx = int(std::lround(height() * dpr));
    renderCache(m_cache, heightPx);
    QPainter p(this);
    // A blit of the cached rendering; hover and focus outlines go on top.
    const QRect r = event->rect();
    const QRectF src(r.x() * dpr, r.y() * dpr, r.width() * dpr, r.height() * dpr);
    p.drawImage(QRectF(r), m_cache.image, src);
    paintOverlays(p, m_cache, heightPx);
}

QImage FlameGraphWidget::paintToImage(const QSize &logicalSize, qreal dpr) const {
    const QSize px(int(std::lround(logicalSize.width() * dpr)), int(std::lround(logicalSize.height() * dpr)));
    DrawCache cache;
    buildCache(cache, px.width(), dpr);
    renderCache(cache, px.height());
    QImage img = cache.image.convertToFormat(QImage::Format_ARGB32_Premultiplied);
    img.setDevicePixelRatio(dpr);
    QPainter p(&img);
    paintOverlays(p, cache, px.height());
    return img;
}

void FlameGraphWidget::resizeEvent(QResizeEvent *event) {
    QWidget::resizeEvent(event);
    m_cacheValid = m_cacheValid && m_cache.layout.widthPx == int(std::lround(width() * devicePixelRatioF()));
}

void FlameGraphWidget::changeEvent(QEvent *event) {
    if (event->type() == QEvent::PaletteChange)
        invalidateImage();
    if (event->type() == QEvent::FontChange) {
        m_rowHeight = std::max(16, QFontMetrics(font()).height() + 4);
        invalidateCache();
        updateGeometry();
    }
    QWidget::changeEvent(event);
}

int FlameGraphWidget::boxIndexAt(const QPoint &pos) const {
    const_cast<FlameGraphWidget *>(this)->ensureCache();
    const qreal dpr = m_cache.dpr;
    const RowGeometry g = geometryFor(int(std::lround(height() * dpr)), dpr);
    const int64_t depth = depthAt(int(std::floor((pos.y() + 0.5) * dpr)), g);
    if (depth < 0)
        return -1;
    return m_cache.layout.boxAt(uint32_t(depth), int(std::floor((pos.x() + 0.5) * dpr)));
}

int FlameGraphWidget::nodeAt(const QPoint &pos) const {
    const int k = boxIndexAt(pos);
    if (k < 0 || (m_cache.layout.boxes[size_t(k)].flags & FlameBox::kMerged))
        return -1;
    return int(m_cache.layout.boxes[size_t(k)].node);
}

QString FlameGraphWidget::mergedTooltipAt(const QPoint &pos) const {
    const int k = boxIndexAt(pos);
    if (k < 0 || !(m_cache.layout.boxes[size_t(k)].flags & FlameBox::kMerged))
        return QString();
    const FlameBox &b = m_cache.layout.boxes[size_t(k)];
    return tr("%1 frames too narrow to show (zoom in to see them)\ntotal: %2 (%3 of total)")
        .arg(QString::number(b.count), valueText(b.mergedTotal), formatPercent(b.mergedTotal, rootTotal()));
}

QRect FlameGraphWidget::rectOfNode(int node) const {
    const_cast<FlameGraphWidget *>(this)->ensureCache();
    const int k = m_cache.layout.boxOfNode(m_tree, uint32_t(std::max(node, 0)));
    if (node < 0 || k < 0)
        return QRect();
    const qreal dpr = m_cache.dpr;
    const RowGeometry g = geometryFor(int(std::lround(height() * dpr)), dpr);
    const FlameBox &b = m_cache.layout.boxes[size_t(k)];
    const QRectF r(b.x0 / dpr, rowTop(b.depth, g) / dpr, (b.x1 - b.x0) / dpr, m_rowHeight);
    return r.toAlignedRect().intersected(rect());
}

QString FlameGraphWidget::tooltipText(int node) const {
    if (node < 0 || size_t(node) >= m_tree.nodes.size())
        return QString();
    const FlameNode &n = m_tree.nodes[size_t(node)];
    const int64_t total = rootTotal();
    QStringList lines;
    lines << nodeName(node);
    if (node > 0 && m_profile && n.frame.valid() && n.frame.v < m_profile->frames.size()) {
        const Frame &f = m_profile->frames.at(n.frame);
        const QString file = fromUtf8(m_profile->strings.view(f.file));
        if (!file.isEmpty())
            lines << (f.startLine ? file + QLatin1Char(':') + QString::number(f.startLine) : file);
        const QString module = fromUtf8(m_profile->strings.view(f.module));
        if (!module.isEmpty())
            lines << tr("module: %1").arg(module);
        if (f.kind == FrameKind::Inlined)
            lines << tr("(inlined)");
    }
    lines << tr("self: %1 (%2 of total)").arg(valueText(n.self), formatPercent(n.self, total));
    QString totalLine = tr("total: %1 (%2 of total").arg(valueText(n.total), formatPercent(n.total, total));
    if (node > 0 && n.parent < m_tree.nodes.size())
        totalLine += tr(", %1 of parent").arg(formatPercent(n.total, m_tree.nodes[n.parent].total));
    lines << totalLine + QLatin1Char(')');
    if (m_diff.active() && size_t(node) < m_diff.baseTotal.size()) {
        const int64_t base = m_diff.baseTotal[size_t(node)];
        lines << tr("baseline: total %1 (%2 of the baseline), self %3")
                     .arg(valueText(base), formatPercent(base, m_diff.baseRoot),
                          valueText(m_diff.baseSelf[size_t(node)]));
        const double pp = m_diff.shareDelta(m_tree, uint32_t(node)) * 100;
        lines << (base == 0 && node > 0
                      ? tr("change: +%1 percentage points (not in the baseline)").arg(QLocale().toString(pp, 'f', 1))
                      : tr("change: %1%2 percentage points of the total")
                            .arg(pp >= 0 ? QStringLiteral("+") : QString(), QLocale().toString(pp, 'f', 1)));
    }
    return lines.join(QLatin1Char('\n'));
}

bool FlameGraphWidget::event(QEvent *event) {
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const int node = nodeAt(help->pos());
        const QString merged = node < 0 ? mergedTooltipAt(help->pos()) : QString();
        if (!merged.isEmpty()) {
            QToolTip::showText(help->globalPos(), Qt::convertFromPlainText(merged, Qt::WhiteSpaceNormal), this);
        } else if (node < 0) {
            QToolTip::hideText();
            event->ignore();
        } else {
            // Names are untrusted: convertFromPlainText escapes them, so "<b>x</b>" shows literally.
            QToolTip::showText(help->globalPos(), Qt::convertFromPlainText(tooltipText(node), Qt::WhiteSpaceNormal),
                               this, rectOfNode(node));
        }
        return true;
    }
    return QWidget::event(event);
}

void FlameGraphWidget::mouseMoveEvent(QMouseEvent *event) {
    const int node = nodeAt(event->position().toPoint());
    if (node != m_hover) {
        // Only the two outlines change: repaint just those boxes from the cache.
        updateNode(m_hover);
        m_hover = node;
        updateNode(node);
        emit frameHovered(node);
    }
}

void FlameGraphWidget::updateNode(int node) {
    if (node < 0)
        return;
    const QRect r = rectOfNode(node);
    if (!r.isEmpty())
        update(r.adjusted(-1, -1, 1, 1));
}

void FlameGraphWidget::leaveEvent(QEvent *event) {
    if (m_hover != -1) {
        updateNode(m_hover);
        m_hover = -1;
        emit frameHovered(-1);
    }
    QWidget::leaveEvent(event);
}

void FlameGraphWidget::mousePressEvent(QMouseEvent *event) {
    m_pressPos = event->position().toPoint();
    QWidget::mousePressEvent(event);
}

void FlameGraphWidget::mouseReleaseEvent(QMouseEvent *event) {
    if (event->button() != Qt::LeftButton)
        return;
    const QPoint pos = event->position().toPoint();
    if ((pos - m_pressPos).manhattanLength() > kClickSlopPx)
        return;
    const int node = nodeAt(pos);
    if (node < 0)
        return;
    m_focus = node;
    emit frameSelected(node);
    if (uint32_t(node) != m_zoom)
        zoomTo(uint32_t(node));
    update();
}

void FlameGraphWidget::zoomTo(uint32_t node) {
    if (node >= m_tree.nodes.size() || node == m_zoom)
        return;
    m_zoomHistory.push_back(m_zoom);
    setZoomInternal(node);
}

bool FlameGraphWidget::zoomBack() {
    if (m_zoomHistory.empty())
        return false;
    const uint32_t node = m_zoomHistory.back();
    m_zoomHistory.pop_back();
    setZoomInternal(node);
    return true;
}

void FlameGraphWidget::resetZoom() {
    m_zoomHistory.clear();
    if (m_zoom != 0)
        setZoomInternal(0);
}

void FlameGraphWidget::setZoomInternal(uint32_t node) {
    m_zoom = node;
    m_hover = -1;
    invalidateCache();
    emit zoomChanged(int(node));
}

std::vector<FrameId> FlameGraphWidget::zoomPath() const {
    std::vector<FrameId> path;
    for (uint32_t n = m_zoom; n != 0 && n < m_tree.nodes.size(); n = m_tree.nodes[n].parent)
        path.push_back(m_tree.nodes[n].frame);
    std::reverse(path.begin(), path.end());
    return path;
}

bool FlameGraphWidget::zoomToPath(const std::vector<FrameId> &path) {
    uint32_t cur = 0;
    for (FrameId f : path) {
        uint32_t found = 0;
        for (uint32_t c = cur + 1; c < m_tree.nodes[cur].end; c = m_tree.nodes[c].end) {
            if (m_tree.nodes[c].frame == f) {
                found = c;
                break;
            }
        }
        if (found == 0)
            return false;
        cur = found;
    }
    m_zoomHistory.clear();
    if (cur != m_zoom)
        setZoomInternal(cur);
    return true;
}

bool FlameGraphWidget::setSearch(const QString &pattern, bool caseSensitive) {
    m_searchPattern = pattern;
    m_searchCaseSensitive = caseSensitive;
    m_searchActive = false;
    m_matchedTotal = 0;
    bool ok = true;
    if (!pattern.isEmpty() && m_profile) {
        const QRegularExpression re(pattern, caseSensitive ? QRegularExpression::NoPatternOption
                                                           : QRegularExpression::CaseInsensitiveOption);
        if (!re.isValid()) {
            ok = false;
        } else {
            const auto &frames = m_profile->frames.frames();
            m_frameMatch.assign(frames.size(), 0);
            // Frames share names: match each distinct name once.
            std::vector<int8_t> byName(m_profile->strings.size(), -1);
            for (size_t i = 0; i < frames.size(); ++i) {
                const uint32_t nm = frames[i].name.v;
                if (nm < byName.size() && byName[nm] < 0)
                    byName[nm] = re.match(fromUtf8(m_profile->strings.view(frames[i].name))).hasMatch() ? 1 : 0;
                m_frameMatch[i] = nm < byName.size() ? uint8_t(byName[nm]) : 0;
            }
            m_searchActive = true;
            m_matchedTotal = spanfire::matchedTotal(m_tree, m_frameMatch);
        }
    } else if (pattern.isEmpty()) {
        m_frameMatch.clear();
    }
    invalidateImage();
    return ok;
}

void FlameGraphWidget::setHighlightedFunction(StringId name) {
    if (name == m_highlight)
        return;
    m_highlight = name;
    invalidateImage();
}

void FlameGraphWidget::setFocusNode(int node) {
    if (node >= int(m_tree.nodes.size()))
        node = -1;
    if (node == m_focus)
        return;
    m_focus = node;
    update();
}

void FlameGraphWidget::moveFocus(int key) {
    const auto &nodes = m_tree.nodes;
    int cur = m_focus >= 0 ? m_focus : int(m_zoom);
    const bool flame = m_orientation == FlameOrientation::Flame;
    const bool towardsRoot = (key == Qt::Key_Up) != flame;
    int next = cur;
    if (key == Qt::Key_Up || key == Qt::Key_Down) {
        if (towardsRoot) {
            if (cur > 0)
                next = int(nodes[size_t(cur)].parent);
        } else {
            // Widest child.
            int64_t best = -1;
            for (uint32_t c = uint32_t(cur) + 1; c < nodes[size_t(cur)].end; c = nodes[c].end) {
                if (nodes[c].total > best) {
                    best = nodes[c].total;
                    next = int(c);
                }
            }
        }
    } else if (cur > 0) {
        const uint32_t par = nodes[size_t(cur)].parent;
        uint32_t prev = 0;
        for (uint32_t c = par + 1; c < nodes[par].end; c = nodes[c].end) {
            if (key == Qt::Key_Left && c == uint32_t(cur)) {
                if (prev)
                    next = int(prev);
                break;
            }
            if (key == Qt::Key_Right && prev == uint32_t(cur)) {
                next = int(c);
                break;
            }
            prev = c;
        }
    }
    if (next != m_focus) {
        updateNode(m_focus);
        m_focus = next;
        updateNode(next);
        emit frameHovered(next);
    }
}

void FlameGraphWidget::keyPressEvent(QKeyEvent *event) {
    switch (event->key()) {
    case Qt::Key_Escape:
        resetZoom();
        return;
    case Qt::Key_Backspace:
        zoomBack();
        return;
    case Qt::Key_Left:
        if (event->modifiers() & Qt::AltModifier) {
            zoomBack();
            return;
        }
        moveFocus(event->key());
        return;
    case Qt::Key_Right:
    case Qt::Key_Up:
    case Qt::Key_Down:
        moveFocus(event->key());
        return;
    case Qt::Key_Return:
    case Qt::Key_Enter:
        if (m_focus >= 0) {
            emit frameSelected(m_focus);
            zoomTo(uint32_t(m_focus));
        }
        return;
    default:
        QWidget::keyPressEvent(event);
    }
}

void FlameGraphWidget::contextMenuEvent(QContextMenuEvent *event) {
    const int node = nodeAt(event->pos());
    if (node < 0)
        return;
    const StringId fn = functionOfNode(node);
    QMenu menu(this);
    QAction *zoomIn = menu.addAction(tr("Zoom in"));
    QAction *reset = menu.addAction(tr("Reset zoom"));
    menu.addSeparator();
    QAction *focus = menu.addAction(tr("Focus on"));
    QAction *hide = menu.addAction(tr("Hide"));
    QAction *copy = menu.addAction(tr("Copy name"));
    focus->setEnabled(fn.valid());
    hide->setEnabled(fn.valid());
    QAction *chosen = menu.exec(event->globalPos());
    if (chosen == zoomIn)
        zoomTo(uint32_t(node));
    else if (chosen == reset)
        resetZoom();
    else if (chosen == focus)
        emit focusFunctionRequested(fn);
    else if (chosen == hide)
        emit hideFunctionRequested(fn);
    else if (chosen == copy)
        QApplication::clipboard()->setText(nodeName(node));
}

} // namespace spanfire::views
