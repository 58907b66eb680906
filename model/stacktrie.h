#pragma once
// StackTrie: the call tree of a document as a parent-pointer trie. One node per
// distinct root-to-frame path. Node 0 is the synthetic root (frame invalid,
// depth 0). Invariant: parent < child, so a single reverse pass over node ids
// turns self weights into totals. Child lookup during build uses a hash map
// that is dropped by finish(); afterwards the trie is immutable.

#include "model/ids.h"

#include <cstdint>
#include <unordered_map>
#include <vector>

namespace spanfire {

class StackTrie {
public:
    StackTrie();

    static constexpr NodeId root() { return NodeId(0); }
    NodeId child(NodeId parent, FrameId frame);
    // Same as calling child() for frames[0..n) in turn, starting at parent,
    // and returns the last node (parent when n == 0). Faster for long paths:
    // every index slot the walk may touch is known up front and prefetched.
    NodeId path(NodeId parent, const uint32_t *frames, size_t n);
    // Bulk insert of many root-first paths: path k is
    // frames[offsets[k]..offsets[k+1]); leaves[k] receives its last node (the
    // root for an empty path). Into a trie that holds only the root, the paths
    // are sorted and laid out by shared prefix with no child index at all,
    // and node ids come out in pre-order, children ordered by frameRank[frame]
    // (distinct per frame; e.g. frameNameRanks(), the flame graph's order, so
    // that finishTree() can lay the trie out as it is). Otherwise this is
    // path() per path.
    void insertPaths(const uint32_t *frames, const size_t *offsets, size_t n, const std::vector<uint32_t> &frameRank,
                     std::vector<uint32_t> &leaves);
    // The same with the paths already given as ranks (a permutation of frame
    // ids; frameOfRank maps back), which saves a copy of them.
    void insertRankedPaths(const uint32_t *ranks, const size_t *offsets, size_t n,
                           const std::vector<uint32_t> &frameOfRank, std::vector<uint32_t> &leaves);

    NodeId parent(NodeId n) const { return NodeId(m_parent[n.v]); }
    FrameId frame(NodeId n) const { return FrameId(m_frame[n.v]); }
    uint32_t depth(NodeId n) const { return m_depth[n.v]; }
    size_t size() const { return m_parent.size(); }

    const std::vector<uint32_t> &parents() const { return m_parent; }
    const std::vector<uint32_t> &frames() const { return m_frame; }
    const std::vector<uint32_t> &depths() const { return m_depth; }
    uint32_t maxDepth() const { return m_maxDepth; }

    // Drops the build-time index; child() must not be called afterwards.
    void finish();

private:
    std::vector<uint32_t> m_parent;
    std::vector<uint32_t> m_frame;
    std::vector<uint32_t> m_depth;
    uint32_t m_maxDepth = 0;
    // Build-time child index: open addressing (linear probing, load <= 1/2)
    // over (parent, frame, node) slots, one cache line touched per probe. Much
    // faster than a node-based hash map at millions of nodes (profiled on a
    // 5 M-sample pprof import). A slot's home is a hash of the frames on the
    // path from the root (m_pathHash[node], chained from the parent's), not of
    // the parent's id, so path() can compute all homes of a walk before it
    // knows any node and prefetch them together. Dropped by finish().
    struct Slot {
        uint32_t parent;
        uint32_t frame;
        uint32_t node;
    };
    std::vector<Slot> m_slots;
    std::vector<uint32_t> m_pathHash; // per node, build time only
    size_t m_slotMask = 0;
    static uint32_t chainHash(uint32_t parentHash, uint32_t frame) {
        uint64_t h = (uint64_t(parentHash) << 32 | frame) * 0x9E3779B97F4A7C15ull;
        h ^= h >> 29;
        h *= 0xBF58476D1CE4E5B9ull;
        return uint32_t(h ^ (h >> 32));
    }
    NodeId insertAt(size_t slot, NodeId parent, FrameId frame, uint32_t hash);
    void growIndex();
};

} // namespace spanfire
