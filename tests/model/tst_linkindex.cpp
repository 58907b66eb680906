#include "model/aggregator.h"
#include "model/linkindex.h"
#include "model/tracesetbuilder.h"
#include "testprofile.h"

#include <gtest/gtest.h>

using namespace spanfire;
using spanfire::test::profileFromFolded;

namespace {

constexpr int64_t kT0 = 1'700'000'000'000'000'000ll;

// root(1) [0,100): b(2) [10,50) -> c(3) [20,30); d(4) [60,90). Times in ms from kT0.
std::shared_ptr<const TraceSet> makeTrace() {
    TraceSetBuilder b;
    const uint32_t res = b.addResource(b.intern("shop"), nullptr, 0);
    const uint32_t scope = b.addScope(b.intern("demo"), b.intern("1"), nullptr, 0);
    TraceId tid;
    tid.bytes[15] = 0x42;
    auto span = [&](uint64_t id, uint64_t parent, const char *name, int64_t s, int64_t e) {
        SpanData d;
        d.traceId = tid;
        d.spanId = id;
        d.parentSpanId = parent;
        d.name = b.intern(name);
        d.resource = res;
        d.scope = scope;
        d.startNs = kT0 + s * 1'000'000;
        d.endNs = kT0 + e * 1'000'000;
        b.beginSpan(d);
    };
    span(4, 1, "d", 60, 90); // out of order on purpose
    span(1, 0, "root", 0, 100);
    span(3, 2, "c", 20, 30);
    span(2, 1, "b", 10, 50);
    return b.finish();
}

uint32_t rowOf(const TraceSet &ts, uint64_t span) {
    return ts.findSpan(span);
}

int64_t totalOf(const std::shared_ptr<const Profile> &p, const LinkIndex &li, std::pair<uint32_t, uint32_t> r) {
    Aggregator agg(p);
    return agg.build(SampleSelection::indices({r}, &li.order()), 0).total();
}

} // namespace

TEST(LinkIndex, SpanIdLabelsGiveContiguousRanges) {
    auto ts = makeTrace();
    ASSERT_EQ(ts->spanCount(), 4u);
    std::shared_ptr<const Profile> p = profileFromFolded({
        "main;work 1 span_id=0000000000000001", "main;auth 2 span_id=0000000000000002",
        "main;db 4 span_id=0x0000000000000003", "main;render 8 span_id=0000000000000004",
        "main;db 16 span_id=0000000000000003", "main;gc 32",
        "main;x 64 span_id=00000000000000ff", // unknown span
    });
    LinkIndex li = LinkIndex::build(*p, *ts);
    EXPECT_EQ(li.method(), LinkMethod::Label);
    EXPECT_EQ(li.labelKey(), "span_id");
    EXPECT_EQ(li.linkedSamples(), 5u);
    EXPECT_EQ(li.samplesWithSpanIds(), 6u);
    EXPECT_FALSE(li.rootsOnly());
    const uint32_t root = rowOf(*ts, 1), b = rowOf(*ts, 2), c = rowOf(*ts, 3), d = rowOf(*ts, 4);
    EXPECT_EQ(totalOf(p, li, li.range(c, LinkScope::Self, *ts)), 20);
    EXPECT_EQ(totalOf(p, li, li.range(b, LinkScope::Self, *ts)), 2);
    EXPECT_EQ(totalOf(p, li, li.range(b, LinkScope::Descendants, *ts)), 22);
    EXPECT_EQ(totalOf(p, li, li.range(root, LinkScope::Descendants, *ts)), 31);
    EXPECT_EQ(totalOf(p, li, li.range(d, LinkScope::Self, *ts)), 8);
    EXPECT_EQ(totalOf(p, li, li.traceRange(0, *ts)), 31);
    EXPECT_EQ(li.sampleCount(c), 2u);
    EXPECT_EQ(li.spanOfSample(5), TraceSet::kNoRow);
    EXPECT_EQ(li.spanOfSample(2), c);
}

TEST(LinkIndex, DatadogDecimalLabels) {
    auto ts = makeTrace();
    // '+' stands for a space in the helper's label keys: "span id".
    std::shared_ptr<const Profile> p =
        profileFromFolded({"main;a 3 span+id=2", "main;b 5 span+id=4", "main;c 7 span+id=16"});
    LinkIndex li = LinkIndex::build(*p, *ts);
    EXPECT_EQ(li.method(), LinkMethod::Label);
    EXPECT_EQ(li.labelKey(), "span id");
    EXPECT_EQ(li.linkedSamples(), 2u); // "16" is decimal 16 = 0x10: no such span
    EXPECT_EQ(li.spanOfSample(0), rowOf(*ts, 2));
    EXPECT_EQ(li.spanOfSample(1), rowOf(*ts, 4));
}

TEST(LinkIndex, ParseSpanIdLabel) {
    uint64_t v = 0;
    EXPECT_TRUE(parseSpanIdLabel("18446744073709551615", true, &v));
    EXPECT_EQ(v, UINT64_MAX);
    EXPECT_TRUE(parseSpanIdLabel("255", true, &v));
    EXPECT_EQ(v, 255u);
    EXPECT_TRUE(parseSpanIdLabel("255", false, &v));
    EXPECT_EQ(v, 0x255u);
    EXPECT_TRUE(parseSpanIdLabel("0XABCDEF", false, &v));
    EXPECT_EQ(v, 0xabcdefu);
    EXPECT_FALSE(parseSpanIdLabel("18446744073709551616", true, &v)); // overflow
    EXPECT_FALSE(parseSpanIdLabel("xyz", false, &v));
    EXPECT_FALSE(parseSpanIdLabel("", false, &v));
    EXPECT_FALSE(parseSpanIdLabel("00000000000000000", false, &v)); // 17 digits
    EXPECT_FALSE(parseSpanIdLabel("0000000000000000", false, &v));  // zero id is "none"
}

TEST(LinkIndex, RootOnlyLabellingIsDetected) {
    auto ts = makeTrace();
    std::shared_ptr<const Profile> p =
        profileFromFolded({"main;a 3 span_id=0000000000000001", "main;b 5 span_id=0000000000000001"});
    LinkIndex li = LinkIndex::build(*p, *ts);
    EXPECT_TRUE(li.rootsOnly());
    EXPECT_EQ(li.sampleCount(rowOf(*ts, 2)), 0u);
}

TEST(LinkIndex, TimestampLabelsLinkToInnermostSpan) {
    auto ts = makeTrace();
    auto at = [](int64_t ms) { return std::to_string(kT0 + ms * 1'000'000); };
    std::shared_ptr<const Profile> p = profileFromFolded({
        "main;a 1 #end_timestamp_ns=" + at(25),   // c
        "main;b 2 #end_timestamp_ns=" + at(45),   // b
        "main;c 4 #end_timestamp_ns=" + at(55),   // root only
        "main;d 8 #end_timestamp_ns=" + at(70),   // d
        "main;e 16 #end_timestamp_ns=" + at(500), // outside
    });
    LinkIndex li = LinkIndex::build(*p, *ts);
    EXPECT_EQ(li.method(), LinkMethod::Time);
    EXPECT_EQ(li.linkedSamples(), 4u);
    EXPECT_EQ(li.spanOfSample(0), rowOf(*ts, 3));
    EXPECT_EQ(li.spanOfSample(1), rowOf(*ts, 2));
    EXPECT_EQ(li.spanOfSample(2), rowOf(*ts, 1));
    EXPECT_EQ(li.spanOfSample(3), rowOf(*ts, 4));
    EXPECT_EQ(li.spanOfSample(4), TraceSet::kNoRow);
    EXPECT_EQ(totalOf(p, li, li.range(rowOf(*ts, 1), LinkScope::Descendants, *ts)), 15);
}

TEST(LinkIndex, UnlinkedProfile) {
    auto ts = makeTrace();
    std::shared_ptr<const Profile> p = profileFromFolded({"main;a 1", "main;b 2"});
    LinkIndex li = LinkIndex::build(*p, *ts);
    EXPECT_EQ(li.method(), LinkMethod::None);
    EXPECT_EQ(li.linkedSamples(), 0u);
    EXPECT_EQ(li.range(0, LinkScope::Descendants, *ts), std::make_pair(0u, 0u));
}
