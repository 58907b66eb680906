#include "model/stacktrie.h"

#include <algorithm>

namespace spanfire {

StackTrie::StackTrie() {
    m_parent.push_back(NodeId::kNone);
    m_frame.push_back(FrameId::kNone);
    m_depth.push_back(0);
}

NodeId StackTrie::child(NodeId parent, FrameId frame) {
    const uint64_t key = (uint64_t(parent.v) << 32) | frame.v;
    auto [it, inserted] = m_children.try_emplace(key, 0u);
    if (!inserted)
        return NodeId(it->second);
    const auto id = static_cast<uint32_t>(m_parent.size());
    it->second = id;
    const uint32_t d = m_depth[parent.v] + 1;
    m_parent.push_back(parent.v);
    m_frame.push_back(frame.v);
    m_depth.push_back(d);
    m_maxDepth = std::max(m_maxDepth, d);
    return NodeId(id);
}

void StackTrie::finish() {
    std::unordered_map<uint64_t, uint32_t>().swap(m_children);
    m_parent.shrink_to_fit();
    m_frame.shrink_to_fit();
    m_depth.shrink_to_fit();
}

} // namespace spanfire
