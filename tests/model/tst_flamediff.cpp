// Differential flame trees (model/flamediff.h): nodes matched by frame path,
// shares compared, baseline-only paths counted; materialized selections hold
// the same samples as the ordered ones they come from.
#include "model/flamediff.h"
#include "testprofile.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>

using namespace spanfire;

namespace {

// Node index of a frame path ("a;b") in `t`, or -1.
int nodeOf(const Profile &p, const FlameTree &t, const std::string &path) {
    uint32_t at = 0;
    size_t pos = 0;
    while (pos <= path.size()) {
        const size_t semi = std::min(path.find(';', pos), path.size());
        const std::string name = path.substr(pos, semi - pos);
        int found = -1;
        for (uint32_t c = at + 1; c < t.nodes[at].end; c = t.nodes[c].end)
            if (p.strings.view(p.frames.at(t.nodes[c].frame).name) == name)
                found = int(c);
        if (found < 0)
            return -1;
        at = uint32_t(found);
        pos = semi + 1;
    }
    return int(at);
}

} // namespace

TEST(FlameDiff, MatchesByFramePathAndComparesShares) {
    // Samples 0-3 are the target, 4-7 the baseline.
    auto p = test::profileFromFolded({"main;work;hash 30", "main;work 10", "main;io 40", "main;new 20", //
                                      "main;work;hash 10", "main;work 10", "main;io 60", "main;old 20"});
    Aggregator agg(p);
    const FlameTree target = agg.build(SampleSelection::indices({{0, 4}}), 0);
    const FlameTree base = agg.build(SampleSelection::indices({{4, 8}}), 0);
    const FlameDiff d = diffFlameTrees(target, base);
    ASSERT_TRUE(d.active());
    ASSERT_EQ(d.baseTotal.size(), target.nodes.size());
    EXPECT_EQ(d.targetRoot, 100);
    EXPECT_EQ(d.baseRoot, 100);
    EXPECT_EQ(d.baseSamples, 4u);
    const int hash = nodeOf(*p, target, "main;work;hash"), work = nodeOf(*p, target, "main;work"),
              io = nodeOf(*p, target, "main;io"), fresh = nodeOf(*p, target, "main;new");
    ASSERT_GT(hash, 0);
    ASSERT_GT(fresh, 0);
    EXPECT_EQ(d.baseTotal[size_t(hash)], 10);
    EXPECT_EQ(d.baseSelf[size_t(work)], 10);
    EXPECT_EQ(d.baseTotal[size_t(work)], 20);
    EXPECT_EQ(d.baseTotal[size_t(fresh)], 0); // the baseline never called it
    EXPECT_NEAR(d.shareDelta(target, uint32_t(hash)), 0.30 - 0.10, 1e-12);
    EXPECT_NEAR(d.shareDelta(target, uint32_t(io)), 0.40 - 0.60, 1e-12);
    EXPECT_NEAR(d.shareDelta(target, uint32_t(fresh)), 0.20, 1e-12);
    EXPECT_NEAR(d.shareDelta(target, 0), 0, 1e-12);
    EXPECT_NEAR(d.maxAbsDelta, 0.20, 1e-12);
    EXPECT_EQ(d.baseOnly, 20); // main;old
    EXPECT_EQ(nodeOf(*p, target, "main;old"), -1);
}

TEST(FlameDiff, SameFrameUnderDifferentParentsIsNotMatched) {
    auto p = test::profileFromFolded({"a;x 5", "b;x 5"});
    Aggregator agg(p);
    const FlameTree target = agg.build(SampleSelection::indices({{0, 1}}), 0);
    const FlameTree base = agg.build(SampleSelection::indices({{1, 2}}), 0);
    const FlameDiff d = diffFlameTrees(target, base);
    const int ax = nodeOf(*p, target, "a;x");
    ASSERT_GT(ax, 0);
    EXPECT_EQ(d.baseTotal[size_t(ax)], 0);
    EXPECT_EQ(d.baseOnly, 5);
    EXPECT_NEAR(d.shareDelta(target, uint32_t(ax)), 1.0, 1e-12);
}

TEST(FlameDiff, EmptySidesGiveNoDelta) {
    auto p = test::profileFromFolded({"a 5"});
    Aggregator agg(p);
    const FlameTree target = agg.build(SampleSelection::indices({{0, 1}}), 0);
    const FlameTree none = agg.build(SampleSelection::indices({{0, 0}}), 0);
    const FlameDiff d = diffFlameTrees(target, none);
    ASSERT_TRUE(d.active());
    EXPECT_EQ(d.baseRoot, 0);
    EXPECT_EQ(d.shareDelta(target, 1), 0);
    EXPECT_EQ(d.maxAbsDelta, 0);
    const FlameDiff reverse = diffFlameTrees(none, target);
    EXPECT_EQ(reverse.baseOnly, 5);
}

TEST(FlameDiff, InvertedTreesMatchToo) {
    auto p = test::profileFromFolded({"a;c 10", "b;c 10", "a;c 30", "b;c 10"});
    Aggregator agg(p);
    Transforms inv;
    inv.inverted = true;
    const FlameTree target = agg.build(SampleSelection::indices({{2, 4}}), 0, inv);
    const FlameTree base = agg.build(SampleSelection::indices({{0, 2}}), 0, inv);
    const FlameDiff d = diffFlameTrees(target, base);
    const int ca = nodeOf(*p, target, "c;a");
    ASSERT_GT(ca, 0);
    EXPECT_EQ(d.baseTotal[size_t(ca)], 10);
    EXPECT_NEAR(d.shareDelta(target, uint32_t(ca)), 0.75 - 0.5, 1e-12);
}

TEST(FlameDiff, MaterializedSelectionHoldsTheSameSamples) {
    auto p = test::profileFromFolded({"a 1", "b 2", "c 4", "d 8", "e 16", "f 32"});
    const std::vector<uint32_t> order = {5, 3, 4, 0, 2, 1};
    SampleSelection sel = SampleSelection::indices({{0, 3}, {4, 5}, {5, 9}}, &order); // 5,3,4 + 2 + 1 (9 clamps)
    const SampleSelection m = materializeSelection(sel, p->sampleCount());
    EXPECT_FALSE(m.all);
    EXPECT_EQ(m.order, nullptr);
    EXPECT_EQ(m.ranges, (std::vector<std::pair<uint32_t, uint32_t>>{{1, 6}}));
    Aggregator agg(p);
    EXPECT_EQ(agg.build(m, 0).total(), agg.build(sel, 0).total());
    EXPECT_EQ(agg.build(m, 0).total(), 2 + 4 + 8 + 16 + 32);
    // Time ranges survive; an empty ordered selection stays empty, not "everything".
    sel.hasTimeRange = true;
    sel.timeBegin = 7;
    sel.timeEnd = 9;
    const SampleSelection timed = materializeSelection(sel, p->sampleCount());
    EXPECT_TRUE(timed.hasTimeRange);
    EXPECT_EQ(timed.timeBegin, 7);
    EXPECT_EQ(timed.timeEnd, 9);
    const SampleSelection empty = materializeSelection(SampleSelection::indices({{2, 2}}, &order), 6);
    EXPECT_FALSE(empty.all);
    EXPECT_EQ(agg.build(empty, 0).total(), 0);
    EXPECT_TRUE(materializeSelection(SampleSelection::everything(), 6).all);
}

TEST(FlameDiff, AnotherProfileMatchesByFunctionName) {
    // Interned in different orders: frame and string ids differ between the two.
    auto after = test::profileFromFolded({"main;parse;lex 60", "main;write 30", "main;fresh 10"});
    auto before = test::profileFromFolded({"zzz 1", "main;write 70", "main;old 10", "main;parse;lex 19"});
    Aggregator a(after), b(before);
    const FlameTree target = a.build(SampleSelection::everything(), 0);
    const FlameBaseline base(b.build(SampleSelection::indices({{1, 4}}), 0), before);
    ASSERT_TRUE(base.byNameOf);
    const FlameDiff d = diffFlameTrees(target, base, after.get());
    EXPECT_EQ(d.baseRoot, 99);
    EXPECT_EQ(d.baseTotal[size_t(nodeOf(*after, target, "main"))], 99);
    EXPECT_EQ(d.baseTotal[size_t(nodeOf(*after, target, "main;parse;lex"))], 19);
    EXPECT_EQ(d.baseSelf[size_t(nodeOf(*after, target, "main;write"))], 70);
    EXPECT_EQ(d.baseTotal[size_t(nodeOf(*after, target, "main;fresh"))], 0);
    EXPECT_EQ(d.baseOnly, 10);
    // Without the target's profile the ids are compared as they are: nothing matches by accident
    // beyond the root and whatever ids happen to coincide, so the by-name path is required.
    const FlameDiff sameIds = diffFlameTrees(target, FlameBaseline(b.build(SampleSelection::indices({{1, 4}}), 0)));
    EXPECT_NE(sameIds.baseTotal[size_t(nodeOf(*after, target, "main;parse;lex"))], 19);
}
