#pragma once
// FlameTree: the result of one aggregation, ready to lay out. Nodes are stored
// in pre-order (children sorted alphabetically by frame name, as flamegraph.pl
// and pprof do), so the subtree of node i is the index range [i, nodes[i].end).
// Node 0 is the synthetic root holding the selection's total. `start` is the
// node's offset from the left edge in value units, so a box's x position is
// start / total. Immutable value type; cheap to move across threads.

#include "model/ids.h"

#include <cstdint>
#include <vector>

namespace spanfire {

struct FlameNode {
    FrameId frame;       // invalid for the root
    uint32_t parent = 0; // index in FlameTree::nodes; root's parent is kNone
    uint32_t depth = 0;  // root = 0
    uint32_t end = 0;    // one past the last node of this subtree
    int64_t self = 0;
    int64_t total = 0;
    int64_t start = 0;
};
static_assert(sizeof(FlameNode) == 40, "keep FlameNode compact");

struct FlameTree {
    std::vector<FlameNode> nodes;
    uint32_t maxDepth = 0;
    uint64_t sampleCount = 0; // samples that contributed
    bool inverted = false;
    int valueColumn = 0;

    int64_t total() const { return nodes.empty() ? 0 : nodes[0].total; }
    bool empty() const { return nodes.size() <= 1; }
};

} // namespace spanfire
