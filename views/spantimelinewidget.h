#pragma once
// SpanTimelineWidget: the span timeline of one trace, custom painted.
//
// Layout (top to bottom): a minimap of the whole trace (the visible window is
// shaded and can be dragged), a time ruler (adaptive ns/µs/ms/s units, 1-2-5
// steps), one fixed-height row per shown span in pre-order (name column with
// indentation and expand/collapse triangles, then the bar), a service legend.
//
// Bars: service colour; the parts covered by children are drawn in a lighter
// tone so self time ("time not spent in children") stands out; error spans get
// a red edge, a red outline and a red mark; events are ticks; orphans have an
// italic name; with the critical path on, rows off the path are faded and the
// path's time sections (TraceSet::criticalPathSections) get a dark centre line.
// A find box marks spans by name/service; setHighlightedRows() outlines rows
// for linked views.
//
// Interaction (Perfetto-like): Ctrl+wheel zooms around the cursor, wheel
// scrolls rows (over minimap/ruler it zooms), Shift+wheel pans, drag pans,
// W/S zoom, A/D pan, 0 resets; click selects (spanSelected), the triangle or
// Left/Right collapses/expands, Up/Down move the selection, double-click or
// Enter zooms to the span, C toggles the critical path (also a button in the
// header), the name column edge can be dragged, a context menu offers zoom,
// expand/collapse all and copying the span's name and id.
//
// Performance: only rows in the viewport are visited (fixed row height maps y
// to an index range); the base layer (everything but hover/selection) is
// painted into a HiDPI pixmap cache keyed by trace, range, size, scroll,
// collapsed set and toggles, so hover repaints blit it. The minimap is an
// image built once per (trace, width): one colour band per span for small
// traces, a CoverageGrid of pixel cells (log-shaded density) for large ones.
// Thread affinity: GUI thread. Names are untrusted: painted as text, and
// escaped in the (rich text) tooltip.

#include "model/ids.h"
#include "views/servicecolors.h"
#include "views/timelinelayout.h"

#include <QImage>
#include <QPixmap>
#include <QPointer>
#include <QWidget>

#include <functional>
#include <memory>
#include <vector>

class QLineEdit;
class QScrollBar;
class QToolButton;

namespace spanfire {
class TraceSet;
}

namespace spanfire::views {

class TraceSelection;

class SpanTimelineWidget : public QWidget {
    Q_OBJECT
public:
    static constexpr uint32_t kNoRow = SpanRow::kNone;

    explicit SpanTimelineWidget(QWidget *parent = nullptr);
    ~SpanTimelineWidget() override;

    // Binds to a shared selection (not owned): follows its trace set, trace,
    // span and critical-path toggle, and writes user selections back.
    void setSelection(TraceSelection *selection);
    // Without a shared selection (tests, render): data and trace directly.
    void setTraceSet(std::shared_ptr<const TraceSet> set);
    void setTrace(int traceIndex); // -1 clears
    int traceIndex() const { return m_trace; }

    // Visible time window, absolute ns (the trace's own clock).
    std::pair<int64_t, int64_t> visibleRange() const;
    void zoomTo(int64_t startNs, int64_t endNs);
    void resetZoom();
    void zoomBy(double factor, double anchorX); // factor < 1 zooms in; anchorX in widget px

    // Geometry for tests and the app (span rows are TraceSet rows).
    uint32_t rowAt(int y) const;         // shown span at widget y, kNoRow if none
    QRect rectOfRow(uint32_t row) const; // full-width row rect; empty when not shown/scrolled out
    QRectF barRect(uint32_t row) const;  // bar rect (clipped to the bar area); empty when hidden
    QRect barArea() const;               // where bars are painted
    QRect minimapArea() const;           // the whole-trace strip (bar x range)
    int shownRowCount() const { return int(m_rows.size()); }
    bool isShown(uint32_t row) const; // not hidden by a collapsed ancestor
    void setCollapsed(uint32_t row, bool collapsed);
    bool isCollapsed(uint32_t row) const;
    void expandAll();
    // Collapses every span at `depth` (relative to the trace's roots) or deeper that has children.
    void collapseFromDepth(uint32_t depth);
    void scrollToRow(uint32_t row);

    void setSelectedRow(uint32_t row); // kNoRow clears; no signal
    uint32_t selectedRow() const { return m_selected; }
    void setCriticalPathEnabled(bool on);
    bool criticalPathEnabled() const { return m_criticalPath; }
    bool isOnCriticalPath(uint32_t row) const;
    // Rows to outline (e.g. spans whose samples contain a selected frame).
    void setHighlightedRows(const std::vector<uint32_t> &rows);
    // Like setHighlightedRows, and shades each bar by its share in (0, 1]
    // (e.g. the share of the span's samples that contain a selected frame).
    void setHighlightShares(const std::vector<std::pair<uint32_t, float>> &rowShares);
    // 0 when the row is not highlighted, else its share (1 for setHighlightedRows).
    float highlightShare(uint32_t row) const;
    // Extra tooltip lines (HTML) for a row, e.g. linked samples vs expected.
    void setToolTipExtra(std::function<QString(uint32_t row)> extra) { m_toolTipExtra = std::move(extra); }

    // Find: spans of the trace whose name or service contains `text`
    // (case-insensitive) are marked; returns the number of matches. The find
    // box in the header calls this; Enter/F3 selects the next match.
    int setSearchText(const QString &text);
    bool isMatch(uint32_t row) const;
    int matchCount() const { return m_matchCount; }
    void selectNextMatch(bool backwards = false);

    void setNameColumnWidth(int px);
    int nameColumnWidth() const { return m_nameWidth; }
    static int rowHeight();

    // Tooltip of a span as rich text whose every untrusted part is escaped.
    QString toolTipHtml(uint32_t row) const;
    // Forces the next paint to rebuild the base layer (benchmarks).
    void invalidateCache() { m_cacheValid = false; }
    // Paints the base layer (no hover) at the widget's size into any painter (exports, timelineexport.cpp).
    void paintExport(QPainter &painter);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

signals:
    void spanSelected(spanfire::SpanRow row);
    void spanActivated(spanfire::SpanRow row); // double-click / Enter
    void visibleRangeChanged(qint64 startNs, qint64 endNs);
    void criticalPathToggled(bool on);

protected:
    bool event(QEvent *e) override;
    void paintEvent(QPaintEvent *e) override;
    void resizeEvent(QResizeEvent *e) override;
    void wheelEvent(QWheelEvent *e) override;
    void mousePressEvent(QMouseEvent *e) override;
    void mouseMoveEvent(QMouseEvent *e) override;
    void mouseReleaseEvent(QMouseEvent *e) override;
    void mouseDoubleClickEvent(QMouseEvent *e) override;
    void leaveEvent(QEvent *e) override;
    void keyPressEvent(QKeyEvent *e) override;
    void contextMenuEvent(QContextMenuEvent *e) override;

private:
    // Geometry (logical px); painting lives in spantimelinepaint.cpp.
    static constexpr int kMinimapHeight = 44;
    static constexpr int kRulerHeight = 24;
    static constexpr int kRowHeight = 20;
    static constexpr int kLegendHeight = 24;
    static constexpr int kIndent = 12;
    static constexpr int kTriangle = 12;
    static constexpr int kRightPad = 8;

    enum class Drag { None, PendingRows, PanRows, Minimap, NameColumn };

    void rebuildRows();
    void rebuildCriticalPath();
    void updateScrollBar();
    void setView(TimeRange view);
    TimeRange bounds() const;
    TimeScale barScale() const;
    TimeScale minimapScale() const;
    int rowsTop() const;
    int rowsBottom() const;
    int indexOfRow(uint32_t row) const; // index in m_rows or -1
    void selectByUser(uint32_t row);
    void toggleCollapsed(uint32_t row);
    bool onTriangle(uint32_t row, QPoint pos) const;
    bool onNameColumnEdge(QPoint pos) const;
    void layoutChildren();
    void zoomToRow(uint32_t row);
    void changed(); // base layer dirty + update()

    void paintBase(QPainter &p);
    void paintMinimap(QPainter &p);
    void paintRuler(QPainter &p);
    void paintRows(QPainter &p);
    void paintRow(QPainter &p, uint32_t row, int y, const TimeScale &scale);
    void paintLegend(QPainter &p);
    void buildMinimapImage();

    std::shared_ptr<const TraceSet> m_set;
    QPointer<TraceSelection> m_selection;
    ServiceColors m_colors;
    int m_trace = -1;
    uint32_t m_first = 0, m_end = 0; // rows of the trace
    int64_t m_originNs = 0;          // trace start (view ranges are offsets from it)
    TimeRange m_view{0, 1};
    std::vector<uint8_t> m_collapsed;                               // per trace row
    std::vector<uint32_t> m_rows;                                   // shown rows, pre-order
    std::vector<uint8_t> m_critical;                                // per trace row
    std::vector<std::pair<uint32_t, TimeRange>> m_criticalSections; // (row, ns offsets), sorted by row
    std::vector<uint8_t> m_highlight;                               // per trace row: 0, or share * 255 (>= 1)
    std::function<QString(uint32_t)> m_toolTipExtra;
    bool m_criticalPath = false;
    uint32_t m_selected = kNoRow;
    uint32_t m_hover = kNoRow;
    uint32_t m_pendingScrollRow = kNoRow; // scrollToRow() before the widget had a size
    int m_nameWidth = 300;
    QScrollBar *m_vbar = nullptr;
    QToolButton *m_criticalButton = nullptr;
    QLineEdit *m_find = nullptr;
    std::vector<uint8_t> m_matches; // per trace row
    int m_matchCount = 0;

    Drag m_drag = Drag::None;
    QPoint m_pressPos;
    TimeRange m_pressView;
    int m_pressScroll = 0;
    double m_minimapGrab = 0; // ns offset of the press inside the minimap window

    QPixmap m_cache;
    bool m_cacheValid = false;
    QImage m_minimap;
    int m_minimapWidth = -1;
    qreal m_minimapDpr = 0;
};

} // namespace spanfire::views
