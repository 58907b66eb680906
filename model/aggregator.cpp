#include "model/aggregator.h"
#include "model/arith.h"

#include <algorithm>
#include <numeric>
#include <unordered_map>

namespace spanfire {

namespace {
constexpr uint32_t kCancelCheckEvery = 1u << 16;
}

std::vector<uint32_t> frameNameRanks(const Profile &p) {
    const size_t nf = p.frames.size();
    std::vector<uint32_t> order(nf);
    std::iota(order.begin(), order.end(), 0u);
    std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
        const auto na = p.strings.view(p.frames.at(FrameId(a)).name);
        const auto nb = p.strings.view(p.frames.at(FrameId(b)).name);
        return na != nb ? na < nb : a < b;
    });
    std::vector<uint32_t> rank(nf, 0);
    for (uint32_t i = 0; i < nf; ++i)
        rank[order[i]] = i;
    return rank;
}

Aggregator::Aggregator(std::shared_ptr<const Profile> profile) : m_profile(std::move(profile)) {
    const Profile &p = *m_profile;
    m_frameRank = frameNameRanks(p);
    // Scratch over the trie is allocated by the first build that needs it
    // (a full build of a pprof needs none: ~13 bytes per node saved).
}

template <class Fn>
bool Aggregator::forEachSample(const SampleSelection &sel, Fn &&fn, const std::atomic<bool> *cancel) const {
    const Profile &p = *m_profile;
    const bool timed = sel.hasTimeRange && !p.sampleTime.empty();
    if (sel.hasTimeRange && p.sampleTime.empty())
        return true; // no timestamps: a time range selects nothing
    auto visit = [&](uint32_t i) {
        if (timed && (p.sampleTime[i] < sel.timeBegin || p.sampleTime[i] >= sel.timeEnd))
            return;
        fn(i);
    };
    uint32_t counter = 0;
    auto tick = [&]() {
        return !(++counter % kCancelCheckEvery == 0 && cancel && cancel->load(std::memory_order_relaxed));
    };
    if (sel.all) {
        const auto n = static_cast<uint32_t>(p.sampleCount());
        for (uint32_t i = 0; i < n; ++i) {
            visit(i);
            if (!tick())
                return false;
        }
        return true;
    }
    for (const auto &[b, e] : sel.ranges) {
        const uint32_t end = std::min<uint32_t>(e, sel.order ? uint32_t(sel.order->size()) : uint32_t(p.sampleCount()));
        for (uint32_t k = b; k < end; ++k) {
            visit(sel.order ? (*sel.order)[k] : k);
            if (!tick())
                return false;
        }
    }
    return true;
}

FlameTree Aggregator::build(const SampleSelection &selection, int valueColumn, const Transforms &transforms,
                            const std::atomic<bool> *cancel) {
    const Profile &p = *m_profile;
    if (valueColumn < 0 || size_t(valueColumn) >= p.values.size()) {
        FlameTree empty;
        empty.nodes.push_back(FlameNode{FrameId(), FrameId::kNone, 0, 1, 0, 0, 0});
        return empty;
    }
    FlameTree t = transforms.any() ? buildTransformed(selection, valueColumn, transforms, cancel)
                                   : buildFast(selection, valueColumn, cancel);
    t.inverted = transforms.inverted;
    t.valueColumn = valueColumn;
    return t;
}

bool Aggregator::accumulateLeaves(const SampleSelection &sel, int col, uint64_t &count,
                                  const std::atomic<bool> *cancel) {
    const Profile &p = *m_profile;
    const auto &values = p.values[size_t(col)];
    const size_t count0 = p.sampleNode.size();
    if (m_self.empty()) {
        m_self.assign(p.trie.size(), 0);
        m_mark.assign(p.trie.size(), 0);
        m_local.assign(p.trie.size(), 0);
    }
    m_touched.clear();
    return forEachSample(
        sel,
        [&](uint32_t i) {
            // The scratch slots are cache misses on big tries: fetch the ones
            // a few samples ahead (in sample order, as most selections run).
            if (i + 16 < count0) {
                const uint32_t ahead = p.sampleNode[i + 16];
                __builtin_prefetch(&m_self[ahead]);
                __builtin_prefetch(&m_mark[ahead]);
            }
            const uint32_t n = p.sampleNode[i];
            if (!m_mark[n]) {
                m_mark[n] = 1;
                m_touched.push_back(n);
            }
            addTo(m_self[n], values[i]);
            ++count;
        },
        cancel);
}

FlameTree Aggregator::buildFast(const SampleSelection &sel, int col, const std::atomic<bool> *cancel) {
    const Profile &p = *m_profile;
    const auto &parents = p.trie.parents();
    uint64_t count = 0;
    if (sel.all && !sel.hasTimeRange && p.samplesCoverTrie) {
        // Every sample touches every node: self weights straight into a
        // vector over the trie, which is then the layout's input.
        std::vector<int64_t> self(p.trie.size(), 0);
        const auto &values = p.values[size_t(col)];
        const size_t n = p.sampleNode.size();
        for (size_t i = 0; i < n; ++i) {
            if (i + 16 < n)
                __builtin_prefetch(&self[p.sampleNode[i + 16]]);
            addTo(self[p.sampleNode[i]], values[i]);
            if ((i & (kCancelCheckEvery - 1)) == 0 && cancel && cancel->load(std::memory_order_relaxed)) {
                FlameTree empty;
                empty.nodes.push_back(FlameNode{FrameId(), FrameId::kNone, 0, 1, 0, 0, 0});
                return empty;
            }
        }
        FlameTree t = finishTree(parents, p.trie.frames(), self, m_frameRank);
        t.sampleCount = n;
        return t;
    }
    const bool complete = accumulateLeaves(sel, col, count, cancel);
    // Close the touched set under "parent of".
    const size_t leaves = m_touched.size();
    for (size_t k = 0; k < leaves; ++k) {
        uint32_t n = parents[m_touched[k]];
        while (n != NodeId::kNone && !m_mark[n]) {
            m_mark[n] = 1;
            m_touched.push_back(n);
            n = parents[n];
        }
    }
    if (!m_mark[0]) {
        m_mark[0] = 1;
        m_touched.push_back(0);
    }
    // Sorted touched nodes: sort when sparse, scan the marks when dense.
    if (m_touched.size() * 16 < p.trie.size()) {
        std::sort(m_touched.begin(), m_touched.end());
    } else {
        m_touched.clear();
        for (uint32_t n = 0; n < p.trie.size(); ++n)
            if (m_mark[n])
                m_touched.push_back(n);
    }
    const size_t m = m_touched.size();
    if (m == p.trie.size() && complete) {
        // Every node: the trie's own arrays are the input, no local copies.
        FlameTree t = finishTree(parents, p.trie.frames(), m_self, m_frameRank);
        std::fill(m_self.begin(), m_self.end(), 0);
        std::fill(m_mark.begin(), m_mark.end(), 0);
        t.sampleCount = count;
        return t;
    }
    std::vector<uint32_t> parent(m), frame(m);
    std::vector<int64_t> self(m);
    for (size_t k = 0; k < m; ++k) {
        const uint32_t n = m_touched[k];
        m_local[n] = uint32_t(k);
        parent[k] = k == 0 ? NodeId::kNone : m_local[parents[n]];
        frame[k] = p.trie.frames()[n];
        self[k] = m_self[n];
        m_self[n] = 0;
        m_mark[n] = 0;
    }
    if (!complete) {
        FlameTree empty;
        empty.nodes.push_back(FlameNode{FrameId(), FrameId::kNone, 0, 1, 0, 0, 0});
        return empty;
    }
    FlameTree t = finishTree(parent, frame, self, m_frameRank);
    t.sampleCount = count;
    return t;
}

FlameTree Aggregator::buildTransformed(const SampleSelection &sel, int col, const Transforms &tr,
                                       const std::atomic<bool> *cancel) {
    const Profile &p = *m_profile;
    uint64_t count = 0;
    const bool complete = accumulateLeaves(sel, col, count, cancel);

    std::vector<uint8_t> hidden(p.frames.size(), 0);
    for (size_t f = 0; f < p.frames.size(); ++f) {
        const StringId name = p.frames.at(FrameId(uint32_t(f))).name;
        for (StringId h : tr.hiddenFunctions)
            if (h == name)
                hidden[f] = 1;
    }

    std::vector<uint32_t> parent{NodeId::kNone}, frame{FrameId::kNone};
    std::vector<int64_t> self{0};
    std::unordered_map<uint64_t, uint32_t> childIndex;
    std::vector<uint32_t> path;
    uint64_t kept = 0;
    bool live = complete;
    uint32_t visited = 0;
    for (uint32_t leaf : m_touched) {
        const int64_t v = m_self[leaf];
        m_self[leaf] = 0;
        m_mark[leaf] = 0;
        // Path rewriting costs O(depth) per leaf: poll cancel here too, but
        // keep resetting the scratch entries of the remaining leaves.
        if (live && cancel && (++visited & 1023u) == 0 && cancel->load(std::memory_order_relaxed))
            live = false;
        if (!live)
            continue;
        path.clear();
        for (uint32_t n = leaf; n != 0 && n != NodeId::kNone; n = p.trie.parents()[n])
            path.push_back(p.trie.frames()[n]);
        std::reverse(path.begin(), path.end()); // root first
        if (!tr.hiddenFunctions.empty())
            path.erase(std::remove_if(path.begin(), path.end(), [&](uint32_t f) { return hidden[f] != 0; }),
                       path.end());
        if (tr.focusFunction.valid()) {
            auto it = std::find_if(path.begin(), path.end(),
                                   [&](uint32_t f) { return p.frames.at(FrameId(f)).name == tr.focusFunction; });
            if (it == path.end())
                continue;
            path.erase(path.begin(), it);
        }
        if (tr.collapseRecursion)
            path.erase(std::unique(path.begin(), path.end(),
                                   [&](uint32_t a, uint32_t b) {
                                       return a == b || p.frames.at(FrameId(a)).name == p.frames.at(FrameId(b)).name;
                                   }),
                       path.end());
        if (tr.inverted)
            std::reverse(path.begin(), path.end());
        uint32_t cur = 0;
        for (uint32_t f : path) {
            const uint64_t key = (uint64_t(cur) << 32) | f;
            auto [it, inserted] = childIndex.try_emplace(key, uint32_t(parent.size()));
            if (inserted) {
                parent.push_back(cur);
                frame.push_back(f);
                self.push_back(0);
            }
            cur = it->second;
        }
        addTo(self[cur], v);
        ++kept;
    }
    if (!live) {
        FlameTree empty;
        empty.nodes.push_back(FlameNode{FrameId(), FrameId::kNone, 0, 1, 0, 0, 0});
        return empty;
    }
    FlameTree t = finishTree(parent, frame, self, m_frameRank);
    t.sampleCount = tr.focusFunction.valid() ? kept : count;
    return t;
}

namespace {

// The one-pass layout of finishTree() for input already in pre-order with
// children sorted by rank. Returns false (t unspecified) when it is not.
bool layoutInOrder(const std::vector<uint32_t> &parent, const std::vector<uint32_t> &frame,
                   const std::vector<int64_t> &self, const std::vector<uint32_t> &frameRank, FlameTree &t) {
    const size_t n = parent.size();
    auto rank = [&](uint32_t node) { return frame[node] < frameRank.size() ? frameRank[frame[node]] : frame[node]; };
    // Nodes are written in order: reserve, no zero-filled resize first.
    t.nodes.reserve(n);
    t.nodes.push_back(FlameNode{FrameId(), FrameId::kNone, 0, 0, self[0], self[0], 0});
    // Open path from the root, path[0..top]; lastRank[d]: rank of the last
    // child seen under path[d] (children must come in strictly increasing rank).
    std::vector<uint32_t> path(64);
    std::vector<int64_t> lastRank(64);
    path[0] = 0;
    lastRank[0] = -1;
    size_t top = 0;
    for (size_t i = 1; i < n; ++i) {
        const uint32_t p = parent[i];
        if (p >= i)
            return false;
        while (path[top] != p) {
            t.nodes[path[top]].end = uint32_t(i);
            if (top == 0)
                return false;
            --top;
        }
        const auto r = int64_t(rank(uint32_t(i)));
        if (r <= lastRank[top])
            return false;
        lastRank[top] = r;
        const auto depth = uint32_t(top + 1);
        t.nodes.push_back(FlameNode{FrameId(frame[i]), p, depth, 0, self[i], self[i], 0});
        t.maxDepth = std::max(t.maxDepth, depth);
        if (++top == path.size()) {
            path.resize(path.size() * 2);
            lastRank.resize(lastRank.size() * 2);
        }
        path[top] = uint32_t(i);
        lastRank[top] = -1;
    }
    for (size_t d = 0; d <= top; ++d)
        t.nodes[path[d]].end = uint32_t(n);
    // Totals bottom-up, then starts top-down: a child starts where its
    // parent's earlier children end. In pre-order a node's next sibling
    // starts right after its subtree, so `end` links the siblings.
    for (size_t i = n; i-- > 1;)
        addTo(t.nodes[t.nodes[i].parent].total, t.nodes[i].total);
    for (size_t i = 0; i < n; ++i) {
        FlameNode &node = t.nodes[i];
        int64_t cursor = node.start;
        for (uint32_t c = uint32_t(i) + 1; c < node.end; c = t.nodes[c].end) {
            t.nodes[c].start = cursor;
            addTo(cursor, t.nodes[c].total);
        }
    }
    return true;
}

} // namespace

FlameTree finishTree(const std::vector<uint32_t> &parent, const std::vector<uint32_t> &frame,
                     const std::vector<int64_t> &self, const std::vector<uint32_t> &frameRank) {
    const size_t n = parent.size();
    FlameTree t;
    if (n == 0) {
        t.nodes.push_back(FlameNode{FrameId(), FrameId::kNone, 0, 1, 0, 0, 0});
        return t;
    }
    if (layoutInOrder(parent, frame, self, frameRank, t))
        return t;
    t = FlameTree();
    std::vector<int64_t> total(self);
    for (size_t i = n; i-- > 1;)
        addTo(total[parent[i]], total[i]);
    // CSR children.
    std::vector<uint32_t> first(n + 1, 0);
    for (size_t i = 1; i < n; ++i)
        ++first[parent[i] + 1];
    for (size_t i = 0; i < n; ++i)
        first[i + 1] += first[i];
    std::vector<uint32_t> kids(n > 0 ? n - 1 : 0);
    {
        std::vector<uint32_t> fill(first.begin(), first.end() - 1);
        for (size_t i = 1; i < n; ++i)
            kids[fill[parent[i]]++] = uint32_t(i);
    }
    auto rank = [&](uint32_t node) { return frame[node] < frameRank.size() ? frameRank[frame[node]] : frame[node]; };
    for (size_t i = 0; i < n; ++i) {
        auto b = kids.begin() + first[i], e = kids.begin() + first[i + 1];
        if (e - b > 1)
            std::sort(b, e, [&](uint32_t a, uint32_t c) {
                const uint32_t ra = rank(a), rc = rank(c);
                return ra != rc ? ra < rc : a < c;
            });
    }
    // Iterative pre-order walk.
    t.nodes.resize(n);
    struct Item {
        uint32_t node;
        uint32_t out;
        uint32_t nextKid;
        int64_t cursor;
    };
    std::vector<Item> stack;
    stack.reserve(64);
    uint32_t next = 0;
    t.nodes[0] = FlameNode{FrameId(), FrameId::kNone, 0, 0, self[0], total[0], 0};
    stack.push_back({0, next++, first[0], 0});
    while (!stack.empty()) {
        Item &top = stack.back();
        if (top.nextKid < first[top.node + 1]) {
            const uint32_t c = kids[top.nextKid++];
            const uint32_t out = next++;
            const FlameNode &pn = t.nodes[top.out];
            t.nodes[out] =
                FlameNode{FrameId(frame[c]), top.out, pn.depth + 1, 0, self[c], total[c], pn.start + top.cursor};
            addTo(top.cursor, total[c]);
            t.maxDepth = std::max(t.maxDepth, pn.depth + 1);
            stack.push_back({c, out, first[c], 0});
        } else {
            t.nodes[top.out].end = next;
            stack.pop_back();
        }
    }
    return t;
}

} // namespace spanfire
