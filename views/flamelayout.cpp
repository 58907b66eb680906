#include "views/flamelayout.h"

#include "model/arith.h"

#include <algorithm>
#include <cmath>

namespace spanfire::views {

namespace {

double pixelOf(int64_t value, int64_t zoomStart, int64_t zoomTotal, int widthPx) {
    if (zoomTotal <= 0)
        return 0;
    return double(value - zoomStart) / double(zoomTotal) * double(widthPx);
}

int roundPx(double x) {
    return int(std::floor(x + 0.5));
}

struct PendingRun {
    double x0 = 0, x1 = 0;
    uint32_t first = 0;
    uint32_t count = 0;
    int64_t total = 0;
};

} // namespace

int valueToPixel(int64_t value, int64_t zoomStart, int64_t zoomTotal, int widthPx) {
    return roundPx(pixelOf(value, zoomStart, zoomTotal, widthPx));
}

FlameLayout layoutFlame(const FlameTree &tree, const FlameLayoutParams &params) {
    FlameLayout out;
    out.widthPx = params.widthPx;
    const auto &nodes = tree.nodes;
    if (nodes.empty() || params.widthPx <= 0)
        return out;
    const uint32_t zoom = params.zoomNode < nodes.size() ? params.zoomNode : 0;
    out.zoomNode = zoom;
    const FlameNode &z = nodes[zoom];
    const int W = params.widthPx;

    std::vector<FlameBox> boxes;
    // Ancestors (and the zoom node itself) fill the width.
    for (uint32_t a = zoom;; a = nodes[a].parent) {
        boxes.push_back(FlameBox{a, 1, 0, W, nodes[a].depth, a == zoom ? FlameBox::kNone : FlameBox::kAncestor, 0});
        if (a == 0 || nodes[a].parent >= nodes.size())
            break;
    }
    if (z.total <= 0) {
        out.boxes = std::move(boxes);
    } else {
        const uint32_t relMaxDepth = tree.maxDepth + 1;
        std::vector<PendingRun> pending(relMaxDepth + 1);
        auto flush = [&](uint32_t depth) {
            PendingRun &r = pending[depth];
            if (r.count == 0)
                return;
            const int x0 = roundPx(r.x0), x1 = roundPx(r.x1);
            if (x1 > x0)
                boxes.push_back(FlameBox{r.first, r.count, x0, x1, depth, FlameBox::kMerged, r.total});
            r.count = 0;
        };
        const double minPx = params.minBoxPx;
        const uint32_t end = z.end;
        for (uint32_t i = zoom + 1; i < end;) {
            const FlameNode &n = nodes[i];
            const double x0 = pixelOf(n.start, z.start, z.total, W);
            const double x1 = pixelOf(n.start + n.total, z.start, z.total, W);
            const uint32_t d = n.depth;
            if (x1 - x0 < minPx || n.total <= 0) {
                PendingRun &r = pending[d];
                if (r.count > 0 && x0 <= r.x1 + 0.5) {
                    r.x1 = std::max(r.x1, x1);
                    ++r.count;
                    addTo(r.total, n.total);
                } else {
                    flush(d);
                    r = PendingRun{x0, x1, i, 1, n.total};
                }
                i = n.end > i ? n.end : i + 1; // skip the whole subtree
                continue;
            }
            flush(d);
            boxes.push_back(FlameBox{i, 1, roundPx(x0), roundPx(x1), d, FlameBox::kNone, 0});
            ++i;
        }
        for (uint32_t d = 0; d < pending.size(); ++d)
            flush(d);
        out.boxes = std::move(boxes);
    }
    // Counting sort by depth, keeping x order within a row (pre-order visits a row left to right).
    uint32_t maxD = 0;
    for (const FlameBox &b : out.boxes)
        maxD = std::max(maxD, b.depth);
    out.rows = maxD + 1;
    out.rowStart.assign(out.rows + 1, 0);
    for (const FlameBox &b : out.boxes)
        ++out.rowStart[b.depth + 1];
    for (uint32_t d = 0; d < out.rows; ++d)
        out.rowStart[d + 1] += out.rowStart[d];
    std::vector<FlameBox> sorted(out.boxes.size());
    std::vector<uint32_t> fill(out.rowStart.begin(), out.rowStart.end() - 1);
    for (const FlameBox &b : out.boxes)
        sorted[fill[b.depth]++] = b;
    for (uint32_t d = 0; d < out.rows; ++d)
        std::sort(sorted.begin() + out.rowStart[d], sorted.begin() + out.rowStart[d + 1],
                  [](const FlameBox &a, const FlameBox &b) { return a.x0 < b.x0; });
    out.boxes = std::move(sorted);
    return out;
}

int FlameLayout::boxAt(uint32_t depth, int xPx) const {
    if (depth >= rows)
        return -1;
    const auto b = boxes.begin() + rowStart[depth];
    const auto e = boxes.begin() + rowStart[depth + 1];
    // First box whose x1 > x.
    auto it = std::upper_bound(b, e, xPx, [](int x, const FlameBox &box) { return x < box.x1; });
    if (it == e || xPx < it->x0)
        return -1;
    return int(it - boxes.begin());
}

int FlameLayout::boxOfNode(const FlameTree &tree, uint32_t node) const {
    if (node >= tree.nodes.size())
        return -1;
    const uint32_t depth = tree.nodes[node].depth;
    if (depth >= rows)
        return -1;
    for (uint32_t k = rowStart[depth]; k < rowStart[depth + 1]; ++k)
        if (boxes[k].node == node && !(boxes[k].flags & FlameBox::kMerged))
            return int(k);
    return -1;
}

int rowTop(uint32_t depth, const RowGeometry &g) {
    if (g.orientation == FlameOrientation::Icicle)
        return int(depth) * g.rowHeightPx;
    return g.heightPx - int(depth + 1) * g.rowHeightPx;
}

int64_t depthAt(int yPx, const RowGeometry &g) {
    if (g.rowHeightPx <= 0 || yPx < 0 || yPx >= g.heightPx)
        return -1;
    if (g.orientation == FlameOrientation::Icicle)
        return yPx / g.rowHeightPx;
    const int fromBottom = g.heightPx - 1 - yPx;
    return fromBottom / g.rowHeightPx;
}

} // namespace spanfire::views
