#pragma once
// Aggregator: (profile, sample selection, value column, transforms) -> FlameTree.
//
// Fast path (no transform): accumulates self weights on the leaf trie nodes
// touched by the selection, marks their ancestors, and turns self into totals
// with one reverse pass over the touched nodes (parent < child). Cost is
// O(selected samples + touched nodes log touched nodes); the scratch arrays are
// cleared only where touched, never per query over the whole trie.
// Transformed path (focus, hide, collapse recursion, inverted): rewrites the
// frame path of each distinct touched leaf and merges it into a fresh tree:
// O(distinct leaves x depth).
//
// Thread affinity: one Aggregator per thread (it owns scratch space). The
// profile it reads is immutable and may be shared.

#include "model/flametree.h"
#include "model/profile.h"

#include <atomic>
#include <memory>
#include <utility>
#include <vector>

namespace spanfire {

// Which samples to aggregate. Either everything, or half-open ranges over
// `order` (a permutation of sample indices, e.g. the link index) -- or over
// sample indices directly when order is null -- optionally narrowed to a time
// range when the profile has timestamps.
struct SampleSelection {
    bool all = true;
    const std::vector<uint32_t> *order = nullptr;
    std::vector<std::pair<uint32_t, uint32_t>> ranges;
    bool hasTimeRange = false;
    int64_t timeBegin = 0;
    int64_t timeEnd = 0;

    static SampleSelection everything() { return {}; }
    static SampleSelection indices(std::vector<std::pair<uint32_t, uint32_t>> r,
                                   const std::vector<uint32_t> *order = nullptr) {
        SampleSelection s;
        s.all = false;
        s.order = order;
        s.ranges = std::move(r);
        return s;
    }
};

struct Transforms {
    bool inverted = false;                 // bottom-up: leaves become roots
    bool collapseRecursion = false;        // A;A;A;B -> A;B (direct recursion)
    StringId focusFunction;                // keep samples through this function, re-rooted at its outermost call
    std::vector<StringId> hiddenFunctions; // removed from stacks; their cost goes to the caller

    bool any() const { return inverted || collapseRecursion || focusFunction.valid() || !hiddenFunctions.empty(); }
};

class Aggregator {
public:
    explicit Aggregator(std::shared_ptr<const Profile> profile);

    // Returns an empty tree (root only) when cancelled.
    FlameTree build(const SampleSelection &selection, int valueColumn, const Transforms &transforms = {},
                    const std::atomic<bool> *cancel = nullptr);

    const Profile &profile() const { return *m_profile; }
    // Alphabetical rank of each frame's name; used to order children.
    const std::vector<uint32_t> &frameRank() const { return m_frameRank; }

private:
    template <class Fn> bool forEachSample(const SampleSelection &sel, Fn &&fn, const std::atomic<bool> *cancel) const;
    // Adds the selected samples' values to m_self of their leaf nodes and
    // lists those leaves in m_touched (marked in m_mark). False if cancelled.
    bool accumulateLeaves(const SampleSelection &sel, int col, uint64_t &count, const std::atomic<bool> *cancel);
    FlameTree buildFast(const SampleSelection &sel, int col, const std::atomic<bool> *cancel);
    FlameTree buildTransformed(const SampleSelection &sel, int col, const Transforms &t,
                               const std::atomic<bool> *cancel);

    std::shared_ptr<const Profile> m_profile;
    std::vector<uint32_t> m_frameRank;
    // Scratch, sized to the trie on first use; only touched entries are
    // non-zero between calls.
    std::vector<int64_t> m_self;
    std::vector<uint8_t> m_mark;
    std::vector<uint32_t> m_touched;
    std::vector<uint32_t> m_local;
};

// Builds a FlameTree (pre-order, sorted children) from a tree given as parent
// links where parent[i] < i, per-node frame and self weights. Node 0 is the root.
// When the input already is in that order (a trie built by
// StackTrie::insertPaths() with frameNameRanks(), and any parent-closed
// subset of it in id order) the nodes are written in one pass with no
// scratch arrays; otherwise children are gathered and sorted first.
FlameTree finishTree(const std::vector<uint32_t> &parent, const std::vector<uint32_t> &frame,
                     const std::vector<int64_t> &self, const std::vector<uint32_t> &frameRank);

// The order of children in a flame graph: frames by function name (then id).
// rank[frame] for every frame of the profile.
std::vector<uint32_t> frameNameRanks(const Profile &profile);

} // namespace spanfire
