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
uint64_t childKey(uint32_t parent, uint32_t key) {
    return uint64_t(parent) << 32 | key;
}
} // namespace

FlameBaseline::FlameBaseline(const FlameTree &tree) : samples(tree.sampleCount) {
    total.reserve(tree.nodes.size());
    self.reserve(tree.nodes.size());
    child.reserve(tree.nodes.size());
    for (uint32_t i = 0; i < tree.nodes.size(); ++i) {
        total.push_back(tree.nodes[i].total);
        self.push_back(tree.nodes[i].self);
        if (i > 0)
            child.emplace(childKey(tree.nodes[i].parent, tree.nodes[i].frame.v), i);
    }
}

FlameBaseline::FlameBaseline(const FlameTree &tree, std::shared_ptr<const Profile> profile)
    : samples(tree.sampleCount), byNameOf(std::move(profile)) {
    if (tree.nodes.empty())
        return;
    // Merge same-named siblings: tree node -> merged node (parents first, pre-order).
    std::vector<uint32_t> merged(tree.nodes.size(), 0);
    total.push_back(tree.nodes[0].total);
    self.push_back(tree.nodes[0].self);
    child.reserve(tree.nodes.size());
    for (uint32_t i = 1; i < tree.nodes.size(); ++i) {
        const FrameId f = tree.nodes[i].frame;
        const uint32_t name = f.valid() && f.v < byNameOf->frames.size() ? byNameOf->frames.at(f).name.v : UINT32_MAX;
        const uint32_t parent = merged[tree.nodes[i].parent];
        const auto [it, fresh] = child.emplace(childKey(parent, name), uint32_t(total.size()));
        if (fresh) {
            total.push_back(0);
            self.push_back(0);
        }
        merged[i] = it->second;
        total[it->second] += tree.nodes[i].total;
        self[it->second] += tree.nodes[i].self;
    }
}

uint32_t FlameBaseline::childOf(uint32_t parent, uint32_t key) const {
    const auto it = child.find(childKey(parent, key));
    return it == child.end() ? UINT32_MAX : it->second;
}

FlameDiff diffFlameTrees(const FlameTree &target, const FlameTree &baseline) {
    return diffFlameTrees(target, FlameBaseline(baseline));
}

FlameDiff diffFlameTrees(const FlameTree &target, const FlameBaseline &base, const Profile *targetProfile) {
    FlameDiff d;
    const size_t n = target.nodes.size();
    if (n == 0)
        return d;
    d.baseTotal.assign(n, 0);
    d.baseSelf.assign(n, 0);
    d.targetRoot = target.total();
    d.baseRoot = base.rootTotal();
    d.baseSamples = base.samples;
    if (base.size() == 0)
        return d;
    const bool byName = base.byNameOf && targetProfile;
    constexpr uint32_t kNone = UINT32_MAX;
    // By name: the baseline's id of each target frame's function name, looked up once per frame.
    std::unordered_map<uint32_t, uint32_t> nameKey;
    auto keyOf = [&](FrameId f) -> uint32_t {
        if (!byName)
            return f.v;
        if (!f.valid() || f.v >= targetProfile->frames.size())
            return kNone;
        const auto [it, fresh] = nameKey.emplace(f.v, kNone);
        if (fresh) {
            const StringId id =
                base.byNameOf->strings.find(targetProfile->strings.view(targetProfile->frames.at(f).name));
            it->second = id.valid() ? id.v : kNone;
        }
        return it->second;
    };
    std::vector<uint32_t> match(n, kNone);
    match[0] = 0;
    d.baseTotal[0] = base.total[0];
    d.baseSelf[0] = base.self[0];
    for (uint32_t i = 1; i < n; ++i) {
        const uint32_t p = match[target.nodes[i].parent]; // parents precede children (pre-order)
        if (p == kNone)
            continue;
        const uint32_t key = keyOf(target.nodes[i].frame);
        const uint32_t b = key == kNone ? kNone : base.childOf(p, key);
        if (b == kNone)
            continue;
        match[i] = b;
        d.baseTotal[i] = base.total[b];
        d.baseSelf[i] = base.self[b];
    }
    // The matched baseline nodes are parent-closed; outside them lies the
    // baseline total less their self weights: O(target nodes). Same-named
    // target siblings (rare: one function as two frames) can match one merged
    // node twice; the clamp keeps the figure sane then.
    int64_t matchedSelf = 0;
    for (uint32_t i = 0; i < n; ++i)
        matchedSelf += d.baseSelf[i];
    d.baseOnly = std::max<int64_t>(0, d.baseRoot - matchedSelf);
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
