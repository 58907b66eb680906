#include "model/flamediff.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>

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

FlameDiff diffFlameTrees(const FlameTree &target, const FlameTree &baseline) {
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
    // (baseline parent, frame) -> baseline node.
    std::unordered_map<uint64_t, uint32_t> child;
    child.reserve(baseline.nodes.size());
    auto key = [](uint32_t parent, FrameId frame) { return uint64_t(parent) << 32 | frame.v; };
    for (uint32_t i = 1; i < baseline.nodes.size(); ++i)
        child.emplace(key(baseline.nodes[i].parent, baseline.nodes[i].frame), i);
    constexpr uint32_t kNone = UINT32_MAX;
    std::vector<uint32_t> match(n, kNone);
    match[0] = 0;
    std::vector<uint8_t> reached(baseline.nodes.size(), 0);
    reached[0] = 1;
    d.baseTotal[0] = baseline.nodes[0].total;
    d.baseSelf[0] = baseline.nodes[0].self;
    for (uint32_t i = 1; i < n; ++i) {
        const uint32_t p = match[target.nodes[i].parent]; // parents precede children (pre-order)
        if (p == kNone)
            continue;
        const auto it = child.find(key(p, target.nodes[i].frame));
        if (it == child.end())
            continue;
        match[i] = it->second;
        reached[it->second] = 1;
        d.baseTotal[i] = baseline.nodes[it->second].total;
        d.baseSelf[i] = baseline.nodes[it->second].self;
    }
    // Top-most baseline nodes the target never reached: their parent was reached.
    for (uint32_t i = 1; i < baseline.nodes.size(); ++i)
        if (!reached[i] && reached[baseline.nodes[i].parent])
            d.baseOnly += baseline.nodes[i].total;
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
