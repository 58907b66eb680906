#include "model/stacktrie.h"

#include <algorithm>

namespace spanfire {

StackTrie::StackTrie() {
    m_parent.push_back(NodeId::kNone);
    m_frame.push_back(FrameId::kNone);
    m_depth.push_back(0);
}

void StackTrie::growIndex() {
    if (m_pathHash.size() < m_parent.size()) {
        // First use (or after finish()): hash the existing nodes, parents first.
        m_pathHash.resize(m_parent.size());
        m_pathHash[0] = 0x2545F491u;
        for (size_t n = 1; n < m_parent.size(); ++n)
            m_pathHash[n] = chainHash(m_pathHash[m_parent[n]], m_frame[n]);
    }
    size_t cap = std::max<size_t>(1024, (m_slotMask + 1) * 2);
    while (cap / 2 < m_parent.size() + 16)
        cap *= 2;
    std::vector<Slot> slots(cap, Slot{0, 0, NodeId::kNone});
    const size_t mask = cap - 1;
    for (uint32_t n = 1; n < m_parent.size(); ++n) {
        size_t i = size_t(m_pathHash[n]) & mask;
        while (slots[i].node != NodeId::kNone)
            i = (i + 1) & mask;
        slots[i] = Slot{m_parent[n], m_frame[n], n};
    }
    m_slots.swap(slots);
    m_slotMask = mask;
}

NodeId StackTrie::insertAt(size_t slot, NodeId parent, FrameId frame, uint32_t hash) {
    const auto id = static_cast<uint32_t>(m_parent.size());
    m_slots[slot] = Slot{parent.v, frame.v, id};
    const uint32_t d = m_depth[parent.v] + 1;
    m_parent.push_back(parent.v);
    m_frame.push_back(frame.v);
    m_depth.push_back(d);
    m_pathHash.push_back(hash);
    m_maxDepth = std::max(m_maxDepth, d);
    return NodeId(id);
}

NodeId StackTrie::child(NodeId parent, FrameId frame) {
    if (m_slots.empty() || m_parent.size() * 2 > m_slotMask)
        growIndex();
    const uint32_t h = chainHash(m_pathHash[parent.v], frame.v);
    size_t i = size_t(h) & m_slotMask;
    for (;; i = (i + 1) & m_slotMask) {
        const Slot s = m_slots[i];
        if (s.node == NodeId::kNone)
            break;
        if (s.frame == frame.v && s.parent == parent.v)
            return NodeId(s.node);
    }
    return insertAt(i, parent, frame, h);
}

NodeId StackTrie::path(NodeId parent, const uint32_t *frames, size_t n) {
    constexpr size_t kBatch = 16;
    uint32_t hashes[kBatch];
    NodeId node = parent;
    for (size_t at = 0; at < n; at += kBatch) {
        const size_t m = std::min(kBatch, n - at);
        // At most m inserts below: grow first so the prefetched homes stay valid.
        if (m_slots.empty() || (m_parent.size() + m) * 2 > m_slotMask)
            growIndex();
        uint32_t h = m_pathHash[node.v];
        for (size_t k = 0; k < m; ++k) {
            h = chainHash(h, frames[at + k]);
            hashes[k] = h;
            __builtin_prefetch(&m_slots[size_t(h) & m_slotMask]);
        }
        for (size_t k = 0; k < m; ++k) {
            const uint32_t frame = frames[at + k];
            size_t i = size_t(hashes[k]) & m_slotMask;
            bool found = false;
            for (;; i = (i + 1) & m_slotMask) {
                const Slot s = m_slots[i];
                if (s.node == NodeId::kNone)
                    break;
                if (s.frame == frame && s.parent == node.v) {
                    node = NodeId(s.node);
                    found = true;
                    break;
                }
            }
            if (!found)
                node = insertAt(i, node, FrameId(frame), hashes[k]);
        }
    }
    return node;
}

namespace {

// The d-th element of path k as a sort key: rank + 1, 0 past its end (a
// prefix sorts before its extensions).
inline uint64_t keyAt(const uint32_t *ranked, const size_t *offsets, uint32_t k, size_t d) {
    const size_t at = offsets[k] + d;
    return at < offsets[k + 1] ? uint64_t(ranked[at]) + 1 : 0;
}

// Sorts paths a[0..n) that agree on their first d elements.
void sortPaths(uint32_t *a, size_t n, size_t d, const uint32_t *ranked, const size_t *offsets) {
    while (n > 1) {
        if (n < 12) {
            // Insertion sort, comparing from position d on.
            for (size_t i = 1; i < n; ++i) {
                const uint32_t x = a[i];
                size_t j = i;
                for (; j > 0; --j) {
                    const uint32_t y = a[j - 1];
                    size_t e = d;
                    uint64_t kx, ky;
                    while ((kx = keyAt(ranked, offsets, x, e)) == (ky = keyAt(ranked, offsets, y, e)) && kx != 0)
                        ++e;
                    if (!(kx < ky))
                        break;
                    a[j] = y;
                }
                a[j] = x;
            }
            return;
        }
        // Median of three as the pivot, then a three-way partition.
        const uint64_t p0 = keyAt(ranked, offsets, a[0], d), p1 = keyAt(ranked, offsets, a[n / 2], d),
                       p2 = keyAt(ranked, offsets, a[n - 1], d);
        const uint64_t pivot = std::max(std::min(p0, p1), std::min(std::max(p0, p1), p2));
        size_t lt = 0, i = 0, gt = n;
        while (i < gt) {
            const uint64_t k = keyAt(ranked, offsets, a[i], d);
            if (k < pivot)
                std::swap(a[lt++], a[i++]);
            else if (k > pivot)
                std::swap(a[i], a[--gt]);
            else
                ++i;
        }
        sortPaths(a, lt, d, ranked, offsets);
        sortPaths(a + gt, n - gt, d, ranked, offsets);
        if (pivot == 0)
            return; // the equal part ended here: all identical
        a += lt;
        n = gt - lt;
        ++d;
    }
}

} // namespace

void StackTrie::insertPaths(const uint32_t *frames, const size_t *offsets, size_t n,
                            const std::vector<uint32_t> &frameRank, std::vector<uint32_t> &leaves) {
    if (m_parent.size() != 1) {
        leaves.assign(n, root().v);
        for (size_t k = 0; k < n; ++k)
            leaves[k] = path(root(), frames + offsets[k], offsets[k + 1] - offsets[k]).v;
        return;
    }
    // Ranks for every frame (frames the table does not know rank after it).
    std::vector<uint32_t> rank(frameRank);
    const size_t total = offsets[n];
    for (size_t i = 0; i < total; ++i)
        if (frames[i] >= rank.size()) {
            const size_t from = rank.size();
            rank.resize(size_t(frames[i]) + 1);
            for (size_t f = from; f < rank.size(); ++f)
                rank[f] = uint32_t(f);
        }
    std::vector<uint32_t> frameOfRank(rank.size());
    for (uint32_t f = 0; f < rank.size(); ++f)
        frameOfRank[rank[f]] = f;
    std::vector<uint32_t> ranked(total);
    for (size_t i = 0; i < total; ++i)
        ranked[i] = rank[frames[i]];
    insertRankedPaths(ranked.data(), offsets, n, frameOfRank, leaves);
}

void StackTrie::insertRankedPaths(const uint32_t *ranks, const size_t *offsets, size_t n,
                                  const std::vector<uint32_t> &frameOfRank, std::vector<uint32_t> &leaves) {
    leaves.assign(n, root().v);
    if (m_parent.size() != 1) {
        std::vector<uint32_t> path;
        for (size_t k = 0; k < n; ++k) {
            path.clear();
            for (size_t i = offsets[k]; i < offsets[k + 1]; ++i)
                path.push_back(frameOfRank[ranks[i]]);
            leaves[k] = this->path(root(), path.data(), path.size()).v;
        }
        return;
    }
    // Sort with a multikey quicksort (Bentley & Sedgewick): paths share long
    // prefixes, which a comparison sort would compare again and again; this
    // one looks at each distinguishing position about once.
    const size_t total = offsets[n];
    std::vector<uint32_t> order(n);
    for (size_t k = 0; k < n; ++k)
        order[k] = uint32_t(k);
    sortPaths(order.data(), n, 0, ranks, offsets);

    // Walk the sorted paths keeping the previous one's node chain: a path
    // shares the nodes of its longest common prefix with the previous path
    // and creates the rest, so every node is created once, parent first.
    m_parent.reserve(m_parent.size() + total);
    m_frame.reserve(m_frame.size() + total);
    m_depth.reserve(m_depth.size() + total);
    std::vector<uint32_t> chain{root().v}; // chain[d]: node at depth d of the previous path
    const uint32_t *prev = nullptr;
    size_t prevLen = 0;
    for (uint32_t k : order) {
        const uint32_t *p = ranks + offsets[k];
        const size_t len = offsets[k + 1] - offsets[k];
        size_t common = 0;
        const size_t most = std::min(len, prevLen);
        while (common < most && p[common] == prev[common])
            ++common;
        chain.resize(common + 1);
        for (size_t d = common; d < len; ++d) {
            const auto id = static_cast<uint32_t>(m_parent.size());
            m_parent.push_back(chain[d]);
            m_frame.push_back(frameOfRank[p[d]]);
            m_depth.push_back(uint32_t(d + 1));
            chain.push_back(id);
        }
        m_maxDepth = std::max(m_maxDepth, uint32_t(len));
        leaves[k] = chain[len];
        prev = p;
        prevLen = len;
    }
    // The child index, if anyone needs it later, is rebuilt from the nodes.
    std::vector<Slot>().swap(m_slots);
    std::vector<uint32_t>().swap(m_pathHash);
    m_slotMask = 0;
}

void StackTrie::finish() {
    std::vector<Slot>().swap(m_slots);
    std::vector<uint32_t>().swap(m_pathHash);
    m_slotMask = 0;
    // No shrink_to_fit(): capacity beyond size() was never written, so it is
    // address space, not memory, and shrinking would copy ~100 MB at 7 M nodes.
}

} // namespace spanfire
