#pragma once
// Differential flame graphs: a target FlameTree (what is shown) compared with
// a baseline FlameTree of the same profile, aggregated with the same value
// column and transforms (e.g. a slow span against every span of its
// operation, or a span against the whole profile). Nodes are matched by frame
// path from the root. Shares, not raw values, are compared: a 10 ms span and
// a 10 s baseline are comparable when both spend 30 % in one function.
// Plain data and pure functions, any thread.

#include "model/aggregator.h"
#include "model/flametree.h"

#include <cstdint>
#include <memory>
#include <unordered_map>
#include <vector>

namespace spanfire {

struct FlameDiff {
    // Per node of the target tree: the same frame path's total and self in
    // the baseline (0 where the baseline never took that path).
    std::vector<int64_t> baseTotal;
    std::vector<int64_t> baseSelf;
    int64_t targetRoot = 0;   // the target's total (its root)
    int64_t baseRoot = 0;     // the baseline's total
    uint64_t baseSamples = 0; // samples behind the baseline
    // Baseline weight in frame paths the target never took (the top-most
    // such nodes): what the target graph cannot show.
    int64_t baseOnly = 0;
    // Largest |shareDelta| over the non-root nodes (0 when nothing differs).
    double maxAbsDelta = 0;

    bool active() const { return !baseTotal.empty(); }
    // Target share minus baseline share of node `n`'s total, in [-1, 1]
    // (0 when either side is empty).
    double shareDelta(const FlameTree &target, uint32_t n) const;
    double baseShare(uint32_t n) const;
};

// A baseline indexed once and shared by every diff against it (a span click
// must not rebuild it). Nodes are keyed by (parent, key): the FrameId when the
// baseline comes from the target's own profile; the function name's string id
// in the baseline's profile when it comes from another profile (frame ids of
// two profiles mean nothing to each other), with same-named siblings merged.
struct FlameBaseline {
    std::vector<int64_t> total, self; // per baseline node; node 0 is the root
    std::unordered_map<uint64_t, uint32_t> child;
    uint64_t samples = 0;
    // Set for a baseline from another profile: keys are its name ids.
    std::shared_ptr<const Profile> byNameOf;

    // Same profile as the targets.
    explicit FlameBaseline(const FlameTree &tree);
    // From `profile` (not the targets'), matched by function name.
    FlameBaseline(const FlameTree &tree, std::shared_ptr<const Profile> profile);

    int64_t rootTotal() const { return total.empty() ? 0 : total[0]; }
    size_t size() const { return total.size(); }
    // The baseline node under `parent` with `key`; UINT32_MAX when none.
    uint32_t childOf(uint32_t parent, uint32_t key) const;
};

// O(target nodes) hash lookups, however large the baseline. `targetProfile`
// (the profile of `target`) is needed when the baseline matches by name.
FlameDiff diffFlameTrees(const FlameTree &target, const FlameBaseline &baseline,
                         const Profile *targetProfile = nullptr);
// Convenience for one-off comparisons within one profile.
FlameDiff diffFlameTrees(const FlameTree &target, const FlameTree &baseline);

// The same samples as `selection` with no `order` indirection: sample index
// ranges, sorted and merged (the time range is kept). Lets a selection outlive
// the link index its order pointed into, e.g. a pinned baseline.
SampleSelection materializeSelection(const SampleSelection &selection, size_t sampleCount);

} // namespace spanfire
