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
    std::unordered_map<uint64_t, uint32_t> m_children; // (parent << 32 | frame) -> node
};

} // namespace spanfire
