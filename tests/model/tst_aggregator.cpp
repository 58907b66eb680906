#include "model/aggregator.h"
#include "model/functionstats.h"
#include "testprofile.h"

#include <gtest/gtest.h>

#include <map>
#include <random>

using namespace spanfire;
using spanfire::test::profileFromFolded;

namespace {

// Dumps a tree as "depth:name self/total" lines in pre-order: a golden format.
std::string dump(const FlameTree &t, const Profile &p) {
    std::string out;
    for (size_t i = 1; i < t.nodes.size(); ++i) {
        const auto &n = t.nodes[i];
        out += std::string(2 * (n.depth - 1), ' ');
        out += p.strings.view(p.frames.at(n.frame).name);
        out += ' ' + std::to_string(n.self) + '/' + std::to_string(n.total) + '\n';
    }
    return out;
}

StringId sid(const Profile &p, const char *s) {
    return p.strings.find(s);
}

} // namespace

TEST(Aggregator, FullTreeTotalsAndOrder) {
    auto p = profileFromFolded({"main;work;b 5", "main;work;a 3", "main;idle 2", "main;work 1", "main;work;a 4"});
    Aggregator agg(p);
    FlameTree t = agg.build(SampleSelection::everything(), 0);
    EXPECT_EQ(t.total(), 15);
    EXPECT_EQ(t.sampleCount, 5u);
    EXPECT_EQ(dump(t, *p), "main 0/15\n"
                           "  idle 2/2\n"
                           "  work 1/13\n"
                           "    a 7/7\n"
                           "    b 5/5\n");
    // Pre-order invariants: subtree ranges and start offsets.
    EXPECT_EQ(t.nodes[0].end, t.nodes.size());
    EXPECT_EQ(t.nodes[1].end, t.nodes.size());
    EXPECT_EQ(t.nodes[2].start, 0); // idle
    EXPECT_EQ(t.nodes[3].start, 2); // work after idle
    EXPECT_EQ(t.nodes[5].start, 9); // b after a
    EXPECT_EQ(t.maxDepth, 3u);
}

TEST(Aggregator, SelectionTouchesOnlySelectedSamplesAndScratchIsReset) {
    auto p = profileFromFolded({"main;a 1", "main;b 2", "main;c 4", "x;y 8"});
    Aggregator agg(p);
    FlameTree t1 = agg.build(SampleSelection::indices({{1, 3}}), 0);
    EXPECT_EQ(dump(t1, *p), "main 0/6\n  b 2/2\n  c 4/4\n");
    // A second query must not see leftovers from the first.
    FlameTree t2 = agg.build(SampleSelection::indices({{3, 4}}), 0);
    EXPECT_EQ(dump(t2, *p), "x 0/8\n  y 8/8\n");
    std::vector<uint32_t> order{3, 2, 1, 0};
    FlameTree t3 = agg.build(SampleSelection::indices({{0, 2}}, &order), 0);
    EXPECT_EQ(t3.total(), 12);
    FlameTree all = agg.build(SampleSelection::everything(), 0);
    EXPECT_EQ(all.total(), 15);
}

TEST(Aggregator, EmptySelectionAndBadColumn) {
    auto p = profileFromFolded({"main;a 1"});
    Aggregator agg(p);
    FlameTree t = agg.build(SampleSelection::indices({}), 0);
    EXPECT_TRUE(t.empty());
    EXPECT_EQ(t.total(), 0);
    FlameTree bad = agg.build(SampleSelection::everything(), 7);
    EXPECT_TRUE(bad.empty());
}

TEST(Aggregator, TimeRangeWithoutTimestampsSelectsNothing) {
    auto p = profileFromFolded({"main;a 1"});
    Aggregator agg(p);
    SampleSelection s;
    s.hasTimeRange = true;
    s.timeBegin = 0;
    s.timeEnd = 100;
    EXPECT_EQ(agg.build(s, 0).total(), 0);
}

TEST(Aggregator, TimeRangeFiltersTimedSamples) {
    auto p = profileFromFolded({"main;a 1", "main;b 2", "main;c 4"});
    p->sampleTime = {10, 20, 30};
    Aggregator agg(p);
    SampleSelection s;
    s.hasTimeRange = true;
    s.timeBegin = 15;
    s.timeEnd = 31;
    EXPECT_EQ(agg.build(s, 0).total(), 6);
}

TEST(Aggregator, Inverted) {
    auto p = profileFromFolded({"main;work;a 3", "main;idle;a 2", "main;work 1"});
    Aggregator agg(p);
    Transforms tr;
    tr.inverted = true;
    FlameTree t = agg.build(SampleSelection::everything(), 0, tr);
    EXPECT_TRUE(t.inverted);
    EXPECT_EQ(dump(t, *p), "a 0/5\n"
                           "  idle 0/2\n"
                           "    main 2/2\n"
                           "  work 0/3\n"
                           "    main 3/3\n"
                           "work 0/1\n"
                           "  main 1/1\n");
}

TEST(Aggregator, FocusReRootsAtOutermostCall) {
    auto p = profileFromFolded({"main;x;f;g 3", "main;y;f 2", "main;z 7", "main;f;f;h 1"});
    Aggregator agg(p);
    Transforms tr;
    tr.focusFunction = sid(*p, "f");
    FlameTree t = agg.build(SampleSelection::everything(), 0, tr);
    EXPECT_EQ(t.total(), 6);
    EXPECT_EQ(t.sampleCount, 3u);
    EXPECT_EQ(dump(t, *p), "f 2/6\n  f 0/1\n    h 1/1\n  g 3/3\n");
}

TEST(Aggregator, HideMergesIntoCaller) {
    auto p = profileFromFolded({"main;mid;leaf 3", "main;mid 2", "main;other 1"});
    Aggregator agg(p);
    Transforms tr;
    tr.hiddenFunctions = {sid(*p, "mid")};
    FlameTree t = agg.build(SampleSelection::everything(), 0, tr);
    EXPECT_EQ(dump(t, *p), "main 2/6\n  leaf 3/3\n  other 1/1\n");
}

TEST(Aggregator, CollapseDirectRecursion) {
    auto p = profileFromFolded({"main;r;r;r;x 3", "main;r;x 1", "main;r;s;r 2"});
    Aggregator agg(p);
    Transforms tr;
    tr.collapseRecursion = true;
    FlameTree t = agg.build(SampleSelection::everything(), 0, tr);
    EXPECT_EQ(dump(t, *p), "main 0/6\n  r 0/6\n    s 0/2\n      r 2/2\n    x 4/4\n");
}

TEST(FunctionStats, FlatAndCumCountRecursionOnce) {
    auto p = profileFromFolded({"main;r;r;x 3", "main;r 2", "main;x 1"});
    Aggregator agg(p);
    FlameTree t = agg.build(SampleSelection::everything(), 0);
    auto top = topFunctions(t, *p);
    std::map<std::string, std::pair<int64_t, int64_t>> m;
    for (const auto &s : top)
        m[std::string(p->strings.view(s.name))] = {s.flat, s.cum};
    EXPECT_EQ(m["x"], std::make_pair(int64_t(4), int64_t(4)));
    EXPECT_EQ(m["r"], std::make_pair(int64_t(2), int64_t(5))); // not 8: counted once per path
    EXPECT_EQ(m["main"], std::make_pair(int64_t(0), int64_t(6)));
    ASSERT_FALSE(top.empty());
    EXPECT_EQ(p->strings.view(top[0].name), "x"); // sorted by flat
}

TEST(FunctionStats, MatchedTotalDoesNotDoubleCount) {
    auto p = profileFromFolded({"a;b;a;b 5", "a;c 3", "d;b 2"});
    Aggregator agg(p);
    FlameTree t = agg.build(SampleSelection::everything(), 0);
    std::vector<uint8_t> match(p->frames.size(), 0);
    for (size_t f = 0; f < p->frames.size(); ++f)
        match[f] = p->strings.view(p->frames.at(FrameId(uint32_t(f))).name) == "b";
    EXPECT_EQ(matchedTotal(t, match), 7);
    for (size_t f = 0; f < p->frames.size(); ++f)
        match[f] = 1;
    EXPECT_EQ(matchedTotal(t, match), 10);
}

TEST(FunctionStats, CallersAndCallees) {
    auto p = profileFromFolded({"main;f;g 3", "x;f 2", "main;f;h 1", "main;f;f;g 4"});
    Aggregator agg(p);
    FlameTree t = agg.build(SampleSelection::everything(), 0);
    auto nb = functionNeighbors(t, *p, sid(*p, "f"));
    EXPECT_EQ(nb.self.cum, 10);
    EXPECT_EQ(nb.self.flat, 2);
    ASSERT_EQ(nb.callers.size(), 2u);
    EXPECT_EQ(p->strings.view(nb.callers[0].name), "main");
    EXPECT_EQ(nb.callers[0].cum, 8);
    EXPECT_EQ(nb.callers[1].cum, 2);
    ASSERT_EQ(nb.callees.size(), 3u); // g, h, and the recursive f
}

// Randomised check of the fast path against a naive per-sample walk.
TEST(Aggregator, MatchesNaiveAggregationOnRandomProfiles) {
    std::mt19937 rng(42);
    std::vector<std::string> lines;
    for (int i = 0; i < 2000; ++i) {
        std::string s = "root";
        const int depth = 1 + int(rng() % 8);
        for (int d = 0; d < depth; ++d)
            s += ";f" + std::to_string(rng() % 6);
        lines.push_back(s + " " + std::to_string(1 + rng() % 100));
    }
    auto p = profileFromFolded(lines);
    Aggregator agg(p);
    for (int round = 0; round < 20; ++round) {
        const uint32_t a = rng() % 2000, b = rng() % 2000;
        const uint32_t lo = std::min(a, b), hi = std::max(a, b);
        FlameTree t = agg.build(SampleSelection::indices({{lo, hi}}), 0);
        // Naive: total per trie node by walking each sample up.
        std::map<uint32_t, int64_t> naive;
        int64_t sum = 0;
        for (uint32_t i = lo; i < hi; ++i) {
            sum += p->values[0][i];
            for (uint32_t n = p->sampleNode[i]; n != 0; n = p->trie.parents()[n])
                naive[n] += p->values[0][i];
        }
        EXPECT_EQ(t.total(), sum);
        EXPECT_EQ(t.nodes.size(), naive.size() + 1);
        for (size_t i = 1; i < t.nodes.size(); ++i) {
            int64_t childSum = 0;
            for (size_t c = i + 1; c < t.nodes[i].end; c = t.nodes[c].end)
                childSum += t.nodes[c].total;
            EXPECT_EQ(t.nodes[i].total, t.nodes[i].self + childSum);
        }
    }
}

namespace {

// Every field of every node, in order: two layouts of the same tree must
// agree on all of it.
std::string dumpAll(const FlameTree &t, const Profile &p) {
    std::string out;
    for (const FlameNode &n : t.nodes)
        out += std::string(n.frame.valid() ? p.strings.view(p.frames.at(n.frame).name) : "<root>") + " p" +
               std::to_string(n.parent) + " d" + std::to_string(n.depth) + " e" + std::to_string(n.end) + " s" +
               std::to_string(n.self) + " t" + std::to_string(n.total) + " @" + std::to_string(n.start) + "\n";
    return out;
}

} // namespace

TEST(Aggregator, TrieFromSortedPathsGivesTheSameTreesInOnePass) {
    // Reference: a profile whose trie grew by child() in sample order (not
    // pre-order: finishTree() gathers and sorts). Same samples through
    // StackTrie::insertPaths() with the flame graph's frame order: the trie
    // is the layout (finishTree()'s one-pass path), full and partial.
    std::mt19937 rng(7);
    std::vector<std::string> lines;
    for (int i = 0; i < 3000; ++i) {
        std::string s = "main";
        const int depth = int(rng() % 9);
        for (int d = 0; d < depth; ++d)
            s += ";f" + std::to_string(rng() % 7);
        lines.push_back(s + " " + std::to_string(1 + rng() % 50));
    }
    lines.push_back("main 5"); // a sample on the root frame itself
    auto ref = profileFromFolded(lines);

    auto bulk = std::make_shared<Profile>();
    bulk->sampleTypes = ref->sampleTypes;
    bulk->values = ref->values;
    std::vector<uint32_t> frames;
    std::vector<size_t> offsets{0};
    // Frames interned in reverse name order, so frame ids disagree with the
    // name order the layout must follow.
    for (int f = 6; f >= 0; --f) {
        Frame fr;
        fr.name = bulk->strings.intern("f" + std::to_string(f));
        fr.systemName = fr.name;
        bulk->frames.intern(fr);
    }
    for (size_t i = 0; i < ref->sampleCount(); ++i) {
        std::vector<uint32_t> path;
        for (NodeId n(ref->sampleNode[i]); n != StackTrie::root(); n = ref->trie.parent(n)) {
            Frame fr;
            fr.name = bulk->strings.intern(ref->strings.view(ref->frameOf(n).name));
            fr.systemName = fr.name;
            path.push_back(bulk->frames.intern(fr).v);
        }
        frames.insert(frames.end(), path.rbegin(), path.rend());
        offsets.push_back(frames.size());
    }
    std::vector<uint32_t> leaves;
    bulk->trie.insertPaths(frames.data(), offsets.data(), ref->sampleCount(), frameNameRanks(*bulk), leaves);
    bulk->sampleNode = leaves;
    bulk->samplesCoverTrie = true; // every path came from a sample: full builds skip the bookkeeping
    bulk->finish();
    ASSERT_EQ(bulk->trie.size(), ref->trie.size());
    // Pre-order with children in name order: a node's parent is on the
    // current root path, and siblings come by increasing name.
    const std::vector<uint32_t> rank = frameNameRanks(*bulk);
    std::vector<uint32_t> lastChildRank(bulk->trie.size(), 0), open{0};
    for (uint32_t n = 1; n < bulk->trie.size(); ++n) {
        const uint32_t parent = bulk->trie.parent(NodeId(n)).v;
        while (!open.empty() && open.back() != parent)
            open.pop_back();
        ASSERT_FALSE(open.empty()) << "node " << n << " is not in pre-order";
        const uint32_t r = rank[bulk->trie.frame(NodeId(n)).v] + 1;
        ASSERT_GT(r, lastChildRank[parent]) << "children of " << parent << " out of name order";
        lastChildRank[parent] = r;
        open.push_back(n);
    }

    Aggregator a(ref), b(bulk);
    EXPECT_EQ(dumpAll(a.build(SampleSelection::everything(), 0), *ref),
              dumpAll(b.build(SampleSelection::everything(), 0), *bulk));
    for (int round = 0; round < 10; ++round) {
        const uint32_t x = rng() % 3001, y = rng() % 3001;
        const auto sel = SampleSelection::indices({{std::min(x, y), std::max(x, y)}});
        EXPECT_EQ(dumpAll(a.build(sel, 0), *ref), dumpAll(b.build(sel, 0), *bulk)) << round;
    }
    Transforms inverted;
    inverted.inverted = true;
    EXPECT_EQ(dumpAll(a.build(SampleSelection::everything(), 0, inverted), *ref),
              dumpAll(b.build(SampleSelection::everything(), 0, inverted), *bulk));
}
