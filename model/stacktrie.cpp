#include "model/stacktrie.h"

#include <algorithm>

namespace spanfire {

StackTrie::StackTrie() {
    m_parent.push_back(NodeId::kNone);
    m_frame.push_back(FrameId::kNone);
    m_depth.push_back(0);
}

void StackTrie::growIndex() {
    const size_t cap = std::max<size_t>(1024, (m_slotMask + 1) * 2);
    std::vector<Slot> slots(cap, Slot{0, 0, NodeId::kNone});
    const size_t mask = cap - 1;
    for (uint32_t n = 1; n < m_parent.size(); ++n) {
        size_t i = slotHash(m_parent[n], m_frame[n]) & mask;
        while (slots[i].node != NodeId::kNone)
            i = (i + 1) & mask;
        slots[i] = Slot{m_parent[n], m_frame[n], n};
    }
    m_slots.swap(slots);
    m_slotMask = mask;
}

NodeId StackTrie::child(NodeId parent, FrameId frame) {
    if (m_slots.empty() || m_parent.size() * 2 > m_slotMask)
        growIndex();
    size_t i = slotHash(parent.v, frame.v) & m_slotMask;
    for (;; i = (i + 1) & m_slotMask) {
        const Slot s = m_slots[i];
        if (s.node == NodeId::kNone)
            break;
        if (s.frame == frame.v && s.parent == parent.v)
            return NodeId(s.node);
    }
    const auto id = static_cast<uint32_t>(m_parent.size());
    m_slots[i] = Slot{parent.v, frame.v, id};
    const uint32_t d = m_depth[parent.v] + 1;
    m_parent.push_back(parent.v);
    m_frame.push_back(frame.v);
    m_depth.push_back(d);
    m_maxDepth = std::max(m_maxDepth, d);
    return NodeId(id);
}

void StackTrie::finish() {
    std::vector<Slot>().swap(m_slots);
    m_slotMask = 0;
    m_parent.shrink_to_fit();
    m_frame.shrink_to_fit();
    m_depth.shrink_to_fit();
}

} // namespace spanfire
