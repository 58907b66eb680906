#pragma once
// FlameLayout: pure geometry of a flame/icicle graph, in device pixels.
//
// Horizontal: the zoom node spans the full width; a descendant d sits at
// [(d.start - z.start) / z.total * W, (d.start + d.total - z.start) / z.total * W),
// rounded to whole device pixels so that adjacent siblings share an edge.
// Ancestors of the zoom node are drawn full width (flagged kAncestor).
// Nodes narrower than `minBoxPx` are not drawn and their subtrees are skipped
// (using FlameNode::end); adjacent runs of such nodes on one row are merged into
// one box (flagged kMerged) when the run is at least one pixel wide.
// Vertical: one row per depth; flame = root at the bottom, icicle = root at top.
//
// Cost: O(boxes drawn + narrow siblings visited), independent of the size of
// skipped subtrees. No Qt, no allocation beyond the output vectors. Any thread.

#include "model/flametree.h"

#include <cstdint>
#include <vector>

namespace spanfire::views {

struct FlameBox {
    enum Flags : uint8_t { kNone = 0, kAncestor = 1, kMerged = 2 };
    uint32_t node = 0;  // FlameTree index (first node of the run when merged)
    uint32_t count = 1; // nodes merged into this box
    int32_t x0 = 0;     // device pixels, half-open [x0, x1)
    int32_t x1 = 0;
    uint32_t depth = 0; // tree depth = row
    uint8_t flags = kNone;
    int64_t mergedTotal = 0; // sum of the merged nodes' totals (merged boxes only)
};

struct FlameLayout {
    std::vector<FlameBox> boxes;    // sorted by (depth, x0)
    std::vector<uint32_t> rowStart; // boxes of depth d are [rowStart[d], rowStart[d+1])
    uint32_t rows = 0;              // number of non-empty depth rows (max depth + 1)
    int widthPx = 0;
    uint32_t zoomNode = 0;

    // Index into boxes of the box at (depth, x), or -1.
    int boxAt(uint32_t depth, int xPx) const;
    // Index into boxes of the (non-merged) box drawing `node`, or -1.
    int boxOfNode(const FlameTree &tree, uint32_t node) const;
};

struct FlameLayoutParams {
    uint32_t zoomNode = 0;
    int widthPx = 0;
    double minBoxPx = 1.0;
};

// Device pixel of a value offset inside the zoom range [zoomStart, zoomStart + zoomTotal).
int valueToPixel(int64_t value, int64_t zoomStart, int64_t zoomTotal, int widthPx);

FlameLayout layoutFlame(const FlameTree &tree, const FlameLayoutParams &params);

enum class FlameOrientation { Flame, Icicle };

struct RowGeometry {
    int rowHeightPx = 18;
    int heightPx = 0; // height of the whole drawing area
    FlameOrientation orientation = FlameOrientation::Icicle;
};

// Top edge (device px) of the row of `depth`.
int rowTop(uint32_t depth, const RowGeometry &g);
// Depth of the row containing y, or -1 when y is outside every row.
int64_t depthAt(int yPx, const RowGeometry &g);

} // namespace spanfire::views
