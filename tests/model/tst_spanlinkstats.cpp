// spanlinkstats: expected samples, no-sample reasons (each case), operation
// percentiles on hand-made traces, merged ranges and the reverse link.
#include "model/aggregator.h"
#include "model/spanlinkstats.h"
#include "model/tracesetbuilder.h"
#include "testprofile.h"

#include <gtest/gtest.h>

using namespace spanfire;
using spanfire::test::profileFromFolded;

namespace {

constexpr int64_t kT0 = 1'700'000'000'000'000'000ll;
constexpr int64_t kMs = 1'000'000;

struct SpanSpec {
    uint8_t trace;
    uint64_t id, parent;
    const char *name;
    int64_t startMs, endMs;
};

std::shared_ptr<const TraceSet> makeSet(const std::vector<SpanSpec> &spans) {
    TraceSetBuilder b;
    const uint32_t res = b.addResource(b.intern("shop"), nullptr, 0);
    const uint32_t scope = b.addScope(b.intern("demo"), b.intern("1"), nullptr, 0);
    for (const SpanSpec &s : spans) {
        SpanData d;
        d.traceId.bytes[15] = s.trace;
        d.spanId = s.id;
        d.parentSpanId = s.parent;
        d.name = b.intern(s.name);
        d.resource = res;
        d.scope = scope;
        d.startNs = kT0 + s.startMs * kMs;
        d.endNs = kT0 + s.endMs * kMs;
        b.beginSpan(d);
    }
    return b.finish();
}

// Trace 1: root(1) [0,100) -> b(2) [10,50) -> c(3) [20,20.5); d(4) [60,90).
std::shared_ptr<const TraceSet> demoSet() {
    return makeSet({{1, 1, 0, "root", 0, 100}, {1, 2, 1, "b", 10, 50}, {1, 3, 2, "c", 20, 20}, {1, 4, 1, "d", 60, 90}});
}

void setCpuPeriod(Profile &p, int64_t periodNs) {
    p.periodType = {p.strings.intern("cpu"), p.strings.intern("nanoseconds")};
    p.period = periodNs;
}

} // namespace

TEST(SpanLinkStats, SamplingRate) {
    auto p = profileFromFolded({"a 1"});
    EXPECT_EQ(samplingRatePerSecond(*p), 0.0);
    setCpuPeriod(*p, 10 * kMs);
    EXPECT_DOUBLE_EQ(samplingRatePerSecond(*p), 100.0);
    p->periodType.unit = p->strings.intern("milliseconds");
    p->period = 1;
    EXPECT_DOUBLE_EQ(samplingRatePerSecond(*p), 1000.0);
    p->periodType.unit = p->strings.intern("bytes");
    EXPECT_EQ(samplingRatePerSecond(*p), 0.0);
}

TEST(SpanLinkStats, SamplesAndExpected) {
    auto ts = demoSet();
    auto p =
        profileFromFolded({"main;a 1 span_id=1", "main;b 1 span_id=2", "main;b 1 span_id=2", "main;d 1 span_id=4"});
    setCpuPeriod(*p, 10 * kMs);
    const LinkIndex li = LinkIndex::build(*p, *ts);
    const uint32_t root = ts->findSpan(1), b = ts->findSpan(2), d = ts->findSpan(4);
    SpanSampleInfo info = explainSpan(*p, *ts, &li, b, LinkScope::Self);
    EXPECT_EQ(info.samples, 2u);
    EXPECT_EQ(info.reason, NoSampleReason::None);
    EXPECT_NEAR(info.expected, 4.0, 1e-9); // 40 ms at 100 Hz
    info = explainSpan(*p, *ts, &li, root, LinkScope::Descendants);
    EXPECT_EQ(info.samples, 4u);
    EXPECT_NEAR(info.expected, 10.0, 1e-9);
    info = explainSpan(*p, *ts, &li, d, LinkScope::Self);
    EXPECT_EQ(info.samples, 1u);
}

TEST(SpanLinkStats, ReasonNotLinked) {
    auto ts = demoSet();
    auto p = profileFromFolded({"main;a 1", "main;b 2"});
    const LinkIndex li = LinkIndex::build(*p, *ts);
    EXPECT_EQ(explainSpan(*p, *ts, &li, ts->findSpan(2), LinkScope::Self).reason, NoSampleReason::NotLinked);
    EXPECT_EQ(explainSpan(*p, *ts, nullptr, ts->findSpan(2), LinkScope::Self).reason, NoSampleReason::NotLinked);
}

TEST(SpanLinkStats, ReasonShorterThanPeriod) {
    auto ts = makeSet({{1, 1, 0, "root", 0, 100}, {1, 2, 1, "quick", 10, 12}});
    auto p = profileFromFolded({"main;a 1 span_id=1"});
    setCpuPeriod(*p, 10 * kMs);
    const LinkIndex li = LinkIndex::build(*p, *ts);
    const SpanSampleInfo info = explainSpan(*p, *ts, &li, ts->findSpan(2), LinkScope::Self);
    EXPECT_EQ(info.samples, 0u);
    EXPECT_NEAR(info.expected, 0.2, 1e-9);
    // Only the root is labelled here, so rootsOnly wins: check with a labelled child elsewhere.
    auto ts2 = makeSet({{1, 1, 0, "root", 0, 100}, {1, 2, 1, "quick", 10, 12}, {1, 3, 1, "slow", 20, 90}});
    auto p2 = profileFromFolded({"main;a 1 span_id=3"});
    setCpuPeriod(*p2, 10 * kMs);
    const LinkIndex li2 = LinkIndex::build(*p2, *ts2);
    EXPECT_FALSE(li2.rootsOnly());
    EXPECT_EQ(explainSpan(*p2, *ts2, &li2, ts2->findSpan(2), LinkScope::Self).reason,
              NoSampleReason::ShorterThanPeriod);
    // 70 ms at 100 Hz = 7 expected, none seen: covered but not recorded.
    EXPECT_EQ(explainSpan(*p2, *ts2, &li2, ts2->findSpan(1), LinkScope::Self).reason, NoSampleReason::NoneRecorded);
}

TEST(SpanLinkStats, ReasonRootsOnly) {
    auto ts = demoSet();
    auto p = profileFromFolded({"main;a 3 span_id=1"});
    const LinkIndex li = LinkIndex::build(*p, *ts);
    EXPECT_TRUE(li.rootsOnly());
    const SpanSampleInfo info = explainSpan(*p, *ts, &li, ts->findSpan(3), LinkScope::Self);
    EXPECT_EQ(info.reason, NoSampleReason::RootsOnly);
    EXPECT_EQ(info.rootRow, ts->findSpan(1));
}

TEST(SpanLinkStats, ReasonOutsideProfileTime) {
    auto ts = makeSet({{1, 1, 0, "root", 0, 100}, {1, 2, 1, "b", 10, 90}, {1, 3, 1, "c", 20, 50}});
    auto p = profileFromFolded({"main;a 1 span_id=3"});
    setCpuPeriod(*p, 10 * kMs);
    p->timeNanos = kT0 + 1000 * kMs; // recorded one second after the trace
    p->durationNanos = 5000 * kMs;
    LinkIndex li = LinkIndex::build(*p, *ts);
    EXPECT_EQ(explainSpan(*p, *ts, &li, ts->findSpan(2), LinkScope::Self).reason, NoSampleReason::OutsideProfileTime);
    // Implausible (non-epoch) profile times are not compared.
    p->timeNanos = 5;
    EXPECT_EQ(explainSpan(*p, *ts, &li, ts->findSpan(2), LinkScope::Self).reason, NoSampleReason::NoneRecorded);
    // Covering times: not this reason.
    p->timeNanos = kT0 - 1000 * kMs;
    EXPECT_EQ(explainSpan(*p, *ts, &li, ts->findSpan(2), LinkScope::Self).reason, NoSampleReason::NoneRecorded);
}

TEST(SpanLinkStats, OperationPercentiles) {
    // "GET" durations 1..20 ms over 20 traces, "db" twice per trace.
    std::vector<SpanSpec> spans;
    for (uint8_t t = 1; t <= 20; ++t) {
        spans.push_back({t, uint64_t(t) * 10, 0, "GET", 0, t});
        spans.push_back({t, uint64_t(t) * 10 + 1, uint64_t(t) * 10, "db", 0, 1});
        spans.push_back({t, uint64_t(t) * 10 + 2, uint64_t(t) * 10, "db", 0, 0});
    }
    auto ts = makeSet(spans);
    auto p = profileFromFolded({"main;q 1 span_id=b", "main;q 1 span_id=15", "main;h 1 span_id=14"});
    const LinkIndex li = LinkIndex::build(*p, *ts);
    const auto stats = operationStats(*ts, &li);
    ASSERT_EQ(stats.size(), 2u);
    const OperationStat &get = ts->strings.view(stats[0].name) == "GET" ? stats[0] : stats[1];
    const OperationStat &db = &get == &stats[0] ? stats[1] : stats[0];
    EXPECT_EQ(get.count, 20u);
    EXPECT_EQ(get.p50Ns, 10 * kMs);
    EXPECT_EQ(get.p95Ns, 19 * kMs);
    EXPECT_EQ(get.maxNs, 20 * kMs);
    EXPECT_EQ(get.linkedSamples, 1u); // span 0x14 = trace 2 GET
    EXPECT_EQ(db.count, 40u);
    EXPECT_EQ(db.p50Ns, 0);
    EXPECT_EQ(db.p95Ns, 1 * kMs);
    EXPECT_EQ(db.linkedSamples, 2u);
    // The merged ranges of all db spans hold exactly their samples.
    const auto ranges = selfRanges(li, *ts, db.rows);
    Aggregator agg(p);
    EXPECT_EQ(agg.build(SampleSelection::indices(ranges, &li.order()), 0).total(), 2);
    EXPECT_EQ(nearestRank({}, 50), 0);
    EXPECT_EQ(nearestRank({7}, 95), 7);
}

TEST(SpanLinkStats, FunctionSamplesPerSpanAndTrace) {
    auto ts = makeSet({{1, 1, 0, "r1", 0, 100}, {1, 2, 1, "a", 0, 50}, {2, 3, 0, "r2", 0, 100}});
    auto p = profileFromFolded({"main;fraud;x 1 span_id=2", "main;fraud 1 span_id=2", "main;other 1 span_id=2",
                                "main;fraud 1 span_id=3", "main;y 1 span_id=1", "main;fraud 1"});
    const LinkIndex li = LinkIndex::build(*p, *ts);
    const FunctionSamples fs = functionSamples(*p, *ts, li, p->strings.intern("fraud"));
    EXPECT_EQ(fs.perRow[ts->findSpan(2)], 2u);
    EXPECT_EQ(fs.rowTotal[ts->findSpan(2)], 3u);
    EXPECT_EQ(fs.perRow[ts->findSpan(1)], 0u);
    EXPECT_EQ(fs.perRow[ts->findSpan(3)], 1u);
    EXPECT_EQ(fs.perTrace[size_t(ts->trace[ts->findSpan(2)])], 2u);
    EXPECT_EQ(fs.perTrace[size_t(ts->trace[ts->findSpan(3)])], 1u);
}
