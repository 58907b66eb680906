#pragma once
// FlameGraphWidget: one custom-painted widget showing a FlameTree as a flame
// graph (root at the bottom) or an icicle graph (root at the top).
//
// The owner hands it an immutable profile and a finished FlameTree; the widget
// never aggregates. A draw list (FlameLayout + elided labels) is rebuilt only
// when data, zoom, width or device pixel ratio change; it is rasterised into a
// cached image (FlameRenderer) only when it or the colours (search, highlight,
// orientation, height) change; hover, focus and expose repaints blit that image
// and draw the outlines on top. Boxes are filled on whole device pixels without
// antialiasing, so output is crisp at any DPR.
//
// Interaction: click zooms into a frame (ancestors stay full width; clicking
// one zooms out to it), Backspace / Alt+Left goes back, Esc resets; arrows move
// a keyboard focus frame (towards the root/leaves as drawn, Left/Right =
// siblings), Enter zooms into it; hover shows a plain-text tooltip; the context
// menu offers Focus on / Hide / Copy name. With a baseline (setDiff) boxes are
// coloured by how their share changed. GUI thread only.

#include "model/flamediff.h"
#include "model/flametree.h"
#include "model/profile.h"
#include "views/flamelayout.h"

#include <QImage>
#include <QRegularExpression>
#include <QString>
#include <QWidget>

#include <memory>
#include <vector>

namespace spanfire::views {

class FlameGraphWidget : public QWidget {
    Q_OBJECT
public:
    explicit FlameGraphWidget(QWidget *parent = nullptr);
    ~FlameGraphWidget() override;

    // Replaces the data. Zoom, hover and focus reset; search and highlight are re-applied.
    void setData(std::shared_ptr<const Profile> profile, FlameTree tree);
    const FlameTree &tree() const { return m_tree; }
    const Profile *profile() const { return m_profile.get(); }

    void setOrientation(FlameOrientation o);
    FlameOrientation orientation() const { return m_orientation; }

    // Zoom (node indices of the current tree).
    uint32_t zoomNode() const { return m_zoom; }
    void zoomTo(uint32_t node); // pushes the current zoom on the back stack
    bool zoomBack();            // false when there is nothing to go back to
    bool canZoomBack() const { return !m_zoomHistory.empty(); }
    void resetZoom();
    // Zoom as a frame path (root excluded), for keeping the zoom across re-aggregation.
    std::vector<FrameId> zoomPath() const;
    bool zoomToPath(const std::vector<FrameId> &path); // best effort; false when not found

    // Search: frames whose function name matches are highlighted, the rest dimmed.
    // Returns false (and clears the search) for an invalid pattern.
    bool setSearch(const QString &pattern, bool caseSensitive = false);
    bool searchActive() const { return m_searchActive; }
    int64_t matchedTotal() const { return m_matchedTotal; }
    // The selected function (e.g. chosen in the top table) is drawn in the selection palette.
    void setHighlightedFunction(StringId name);
    StringId highlightedFunction() const { return m_highlight; }

    // Differential colouring against a baseline (model/flamediff.h): red where a
    // frame path has a larger share than in the baseline, blue where smaller;
    // tooltips add the baseline's figures. The diff must describe the current
    // tree; setData() turns it off, an inactive diff too.
    void setDiff(FlameDiff diff);
    const FlameDiff &diff() const { return m_diff; }
    bool diffActive() const { return m_diff.active(); }
    // The fill colour of a node as painted (tests, legends).
    QRgb nodeColor(int node) const;

    int focusNode() const { return m_focus; }
    void setFocusNode(int node);
    int hoveredNode() const { return m_hover; }

    // Hit testing, in widget (logical) coordinates. -1 / empty rect when nothing is there.
    int nodeAt(const QPoint &pos) const;
    QRect rectOfNode(int node) const;
    // Plain text (never rich text) describing a node: name, file:line, module, self, total, shares.
    QString tooltipText(int node) const;
    // Plain text for a run of merged sub-pixel frames at `pos`; empty when there is none.
    QString mergedTooltipAt(const QPoint &pos) const;
    // Display name of a node ("all" for the root).
    QString nodeName(int node) const;
    StringId functionOfNode(int node) const;

    // Offscreen rendering of the current state at any size and device pixel ratio.
    QImage paintToImage(const QSize &logicalSize, qreal devicePixelRatio = 1.0) const;
    // Vector rendering (SVG export, flamevector.cpp): boxes and labels as painter calls, at DPR 1.
    void paintVector(QPainter &painter, const QSize &logicalSize) const;
    // Number of boxes in the cached draw list (for tests and benchmarks).
    size_t drawListSize() const { return m_layout.boxes.size(); }

    int rowHeight() const { return m_rowHeight; }
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

signals:
    void frameHovered(int node);
    void frameSelected(int node);
    void zoomChanged(int node);
    void focusFunctionRequested(spanfire::StringId name);
    void hideFunctionRequested(spanfire::StringId name);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void leaveEvent(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    bool event(QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    struct DrawCache {
        FlameLayout layout;
        std::vector<QString> labels; // parallel to layout.boxes; empty = no text
        qreal dpr = 1;
        QImage image; // rendered boxes and labels (device pixels)
        bool imageValid = false;
        FlameOrientation imageOrientation = FlameOrientation::Flame;
    };
    void buildCache(DrawCache &cache, int widthPx, qreal dpr) const;
    void renderCache(DrawCache &cache, int heightPx) const;
    int boxIndexAt(const QPoint &pos) const; // index into the cached draw list, or -1
    void ensureCache();
    void invalidateCache();
    void invalidateImage();
    void paintOverlays(QPainter &p, const DrawCache &cache, int heightPx) const;
    QRgb fillColorOf(const FlameBox &box) const;
    RowGeometry geometryFor(int heightPx, qreal dpr) const;
    void setZoomInternal(uint32_t node);
    void updateNode(int node); // schedules a repaint of one box only
    void updateContentHeight();
    void moveFocus(int key);
    int64_t rootTotal() const { return m_tree.total(); }
    QString valueText(int64_t v) const;

    std::shared_ptr<const Profile> m_profile;
    FlameTree m_tree;
    FlameOrientation m_orientation = FlameOrientation::Flame;
    uint32_t m_zoom = 0;
    std::vector<uint32_t> m_zoomHistory;
    int m_hover = -1;
    int m_focus = -1;
    int m_rowHeight = 18;
    QPoint m_pressPos;

    // Per-frame caches, built in setData.
    std::vector<uint32_t> m_frameHash; // package hash per frame
    std::vector<QRgb> m_frameColor;    // base colour per frame
    std::vector<uint8_t> m_frameMatch; // search matches per frame
    QString m_searchPattern;
    bool m_searchCaseSensitive = false;
    bool m_searchActive = false;
    int64_t m_matchedTotal = 0;
    StringId m_highlight;
    FlameDiff m_diff;

    DrawCache m_cache;
    bool m_cacheValid = false;
    const FlameLayout &m_layout = m_cache.layout;
};

} // namespace spanfire::views
