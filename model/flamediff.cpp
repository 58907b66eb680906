#include "model/flamediff.h"

#include <algorithm>
#include <cmath>

namespace spanfire {

double FlameDiff::baseShare(uint32_t n) const {
    if (n >= baseTotal.size() || baseRoot <= 0)
        return 0;
    return double(baseTotal[n]) / double(baseRoot);
}

double FlameDiff::shareDelta(const FlameTree &target, uint32_t n) const {
    if (n >= baseTotal.size() || n >= target.nodes.size() || targetRoot <= 0 || baseRoot <= 0)
        return 0;
    return double(target.nodes[n].total) / double(targetRoot) - baseShare(n);
}

namespace {
uint64_t childKey(uint32_t parent, FrameId frame) {
    return uint64_t(parent) << 32 | frame.v;
}
} // namespace

FlameBaseline::FlameBaseline(FlameTree t) : tree(std::move(t)) {
    child.reserve(tree.nodes.size());
    for (uint32_t i = 1; i < tree.nodes.size(); ++i)
        child.emplace(childKey(tree.nodes[i].parent, tree.nodes[i].frame), i);
}

uint32_t FlameBaseline::childOf(uint32_t parent, FrameId frame) const {
    const auto it = child.find(childKey(parent, frame));
    return it == child.end() ? UINT32_MAX : it->second;
}

FlameDiff diffFlameTrees(const FlameTree &target, const FlameTree &baseline) {
    return diffFlameTrees(target, FlameBaseline(baseline));
}

FlameDiff diffFlameTrees(const FlameTree &target, const FlameBaseline &base) {
    const FlameTree &baseline = base.tree;
    FlameDiff d;
    const size_t n = target.nodes.size();
    if (n == 0)
        return d;
    d.baseTotal.assign(n, 0);
    d.baseSelf.assign(n, 0);
    d.targetRoot = target.total();
    d.baseRoot = baseline.total();
    d.baseSamples = baseline.sampleCount;
    if (baseline.nodes.empty())
        return d;
    constexpr uint32_t kNone = UINT32_MAX;
    std::vector<uint32_t> match(n, kNone);
    match[0] = 0;
    d.baseTotal[0] = baseline.nodes[0].total;
    d.baseSelf[0] = baseline.nodes[0].self;
    for (uint32_t i = 1; i < n; ++i) {
        const uint32_t p = match[target.nodes[i].parent]; // parents precede children (pre-order)
        if (p == kNone)
            continue;
        const uint32_t b = base.childOf(p, target.nodes[i].frame);
        if (b == kNone)
            continue;
        match[i] = b;
        d.baseTotal[i] = baseline.nodes[b].total;
        d.baseSelf[i] = baseline.nodes[b].self;
    }
    // The matched baseline nodes are parent-closed and each matched once, so
    // what lies outside them is the baseline total less their self weights:
    // O(target nodes), however large the baseline.
    int64_t matchedSelf = 0;
    for (uint32_t i = 0; i < n; ++i)
        matchedSelf += d.baseSelf[i];
    d.baseOnly = d.baseRoot - matchedSelf;
    for (uint32_t i = 1; i < n; ++i)
        d.maxAbsDelta = std::max(d.maxAbsDelta, std::fabs(d.shareDelta(target, i)));
    return d;
}

SampleSelection materializeSelection(const SampleSelection &selection, size_t sampleCount) {
    if (selection.all || !selection.order)
        return selection;
    std::vector<uint32_t> indices;
    const std::vector<uint32_t> &order = *selection.order;
    for (const auto &[b, e] : selection.ranges)
        for (uint32_t k = b; k < std::min<uint32_t>(e, uint32_t(order.size())); ++k)
            if (order[k] < sampleCount)
                indices.push_back(order[k]);
    std::sort(indices.begin(), indices.end());
    indices.erase(std::unique(indices.begin(), indices.end()), indices.end());
    std::vector<std::pair<uint32_t, uint32_t>> ranges;
    for (uint32_t i : indices) {
        if (!ranges.empty() && ranges.back().second == i)
            ++ranges.back().second;
        else
            ranges.push_back({i, i + 1});
    }
    if (ranges.empty())
        ranges.push_back({0, 0}); // an empty selection, not everything
    SampleSelection out = SampleSelection::indices(std::move(ranges));
    out.hasTimeRange = selection.hasTimeRange;
    out.timeBegin = selection.timeBegin;
    out.timeEnd = selection.timeEnd;
    return out;
}

} // namespace spanfire
