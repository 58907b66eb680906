// bench_spanclick (issue 4 §8): span click -> flame tree ready, median and
// p95 over 1,000 random spans at 10 M samples, and the LinkIndex build time.
// Synthetic, in memory: 100,000 traces x 12 spans (1.2 M spans, nested two
// levels) and 10 M samples labelled span_id over a ~200k-node call tree.
// Each click = LinkIndex::range (with descendants) + Aggregator::build; then
// the same with a differential graph against the whole profile.
// Prints plain figures (not a Google Benchmark run: one fixed workload).
#include "model/aggregator.h"
#include "model/flamediff.h"
#include "model/linkindex.h"
#include "model/tracesetbuilder.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <random>
#include <string>

using namespace spanfire;
using Clock = std::chrono::steady_clock;

namespace {

double msSince(Clock::time_point t0) {
    return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
}

constexpr uint32_t kTraces = 100'000;
constexpr uint32_t kSpansPerTrace = 12;
constexpr size_t kSamples = 10'000'000;

uint64_t spanIdOf(uint32_t trace, uint32_t k) {
    return (uint64_t(trace) << 8) + k + 1;
}

std::shared_ptr<const TraceSet> makeTraces() {
    TraceSetBuilder b;
    const uint32_t res = b.addResource(b.intern("shop"), nullptr, 0);
    const uint32_t scope = b.addScope(b.intern("bench"), b.intern("1"), nullptr, 0);
    StringId names[kSpansPerTrace];
    for (uint32_t k = 0; k < kSpansPerTrace; ++k)
        names[k] = b.intern("op" + std::to_string(k));
    const int64_t t0 = 1'700'000'000'000'000'000LL;
    for (uint32_t t = 0; t < kTraces; ++t) {
        for (uint32_t k = 0; k < kSpansPerTrace; ++k) {
            SpanData d;
            d.traceId.bytes[12] = uint8_t(t >> 24);
            d.traceId.bytes[13] = uint8_t(t >> 16);
            d.traceId.bytes[14] = uint8_t(t >> 8);
            d.traceId.bytes[15] = uint8_t(t);
            d.traceId.bytes[0] = 1;
            d.spanId = spanIdOf(t, k);
            // 0 = root; 1..3 children of the root; others children of 1..3.
            d.parentSpanId = k == 0 ? 0 : k <= 3 ? spanIdOf(t, 0) : spanIdOf(t, 1 + k % 3);
            d.name = names[k];
            d.resource = res;
            d.scope = scope;
            d.startNs = t0 + int64_t(t) * 1'000'000'000 + k * 1'000'000;
            d.endNs = d.startNs + (k == 0 ? 500'000'000 : 100'000'000 - k * 1'000'000);
            b.beginSpan(d);
        }
    }
    return b.finish();
}

std::shared_ptr<const Profile> makeProfile() {
    auto p = std::make_shared<Profile>();
    std::mt19937_64 rng(7);
    p->sampleTypes.push_back({p->strings.intern("cpu"), p->strings.intern("nanoseconds")});
    p->periodType = {p->strings.intern("cpu"), p->strings.intern("nanoseconds")};
    p->period = 10'000'000;
    std::vector<FrameId> frames;
    for (int f = 0; f < 8000; ++f) {
        Frame fr;
        fr.name =
            p->strings.intern("github.com/example/pkg" + std::to_string(f % 97) + ".Function" + std::to_string(f));
        fr.systemName = fr.name;
        frames.push_back(p->frames.intern(fr));
    }
    std::vector<NodeId> all{StackTrie::root()};
    while (p->trie.size() < 200'000) {
        const NodeId parent = all[rng() % all.size()];
        if (p->trie.depth(parent) >= 60)
            continue;
        all.push_back(p->trie.child(parent, frames[rng() % frames.size()]));
    }
    // One label set per span id.
    const StringId key = p->strings.intern("span_id");
    std::vector<uint32_t> sets(size_t(kTraces) * kSpansPerTrace);
    char hex[17];
    for (uint32_t t = 0; t < kTraces; ++t)
        for (uint32_t k = 0; k < kSpansPerTrace; ++k) {
            std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(spanIdOf(t, k)));
            Label l;
            l.key = key;
            l.str = p->strings.intern(hex);
            sets[size_t(t) * kSpansPerTrace + k] = p->labelSets.intern({l}).v;
        }
    p->values.resize(1);
    std::geometric_distribution<size_t> hot(0.0005);
    for (size_t i = 0; i < kSamples; ++i) {
        p->sampleNode.push_back(all[1 + hot(rng) % (all.size() - 1)].v);
        p->values[0].push_back(10'000'000);
        p->sampleLabels.push_back(sets[rng() % sets.size()]);
    }
    p->finish();
    return p;
}

double percentile(std::vector<double> v, double q) {
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, size_t(q * double(v.size())))];
}

} // namespace

int main() {
    auto t = Clock::now();
    auto traces = makeTraces();
    std::printf("traces: %zu spans built in %.0f ms\n", traces->spanCount(), msSince(t));
    t = Clock::now();
    auto profile = makeProfile();
    std::printf("profile: %zu samples built in %.0f ms\n", profile->sampleCount(), msSince(t));

    t = Clock::now();
    const LinkIndex link = LinkIndex::build(*profile, *traces);
    const double buildMs = msSince(t);
    std::printf("LinkIndex::build: %.0f ms (method %s, %llu samples linked)\n", buildMs, linkMethodName(link.method()),
                static_cast<unsigned long long>(link.linkedSamples()));
    if (link.linkedSamples() != kSamples) {
        std::fprintf(stderr, "error: expected every sample linked\n");
        return 1;
    }

    Aggregator agg(profile);
    std::mt19937_64 rng(42);
    std::vector<double> clicks;
    std::vector<double> rootClicks;
    int64_t checksum = 0;
    for (int i = 0; i < 1000; ++i) {
        const uint32_t row = uint32_t(rng() % traces->spanCount());
        const auto c0 = Clock::now();
        const auto range = link.range(row, LinkScope::Descendants, *traces);
        const FlameTree tree = agg.build(SampleSelection::indices({range}, &link.order()), 0);
        const double ms = msSince(c0);
        (traces->parent[row] == TraceSet::kNoRow ? rootClicks : clicks).push_back(ms);
        checksum += tree.total();
    }
    std::vector<double> all = clicks;
    all.insert(all.end(), rootClicks.begin(), rootClicks.end());
    std::printf("span click -> flame tree (1000 random spans, with descendants): median %.3f ms, p95 %.3f ms, max "
                "%.3f ms\n",
                percentile(all, 0.5), percentile(all, 0.95), percentile(all, 1.0));
    if (!rootClicks.empty())
        std::printf("  of which %zu root spans: median %.3f ms\n", rootClicks.size(), percentile(rootClicks, 0.5));
    // Differential flame graph: the same clicks against a baseline that is
    // built and indexed once (the whole profile, ~200k nodes), then diffed per click.
    t = Clock::now();
    const FlameBaseline whole(agg.build(SampleSelection::everything(), 0));
    std::printf("baseline (whole profile, %zu nodes) built and indexed once: %.0f ms\n", whole.size(), msSince(t));
    std::vector<double> diffClicks;
    for (int i = 0; i < 1000; ++i) {
        const uint32_t row = uint32_t(rng() % traces->spanCount());
        const auto c0 = Clock::now();
        const auto range = link.range(row, LinkScope::Descendants, *traces);
        const FlameTree tree = agg.build(SampleSelection::indices({range}, &link.order()), 0);
        const FlameDiff d = diffFlameTrees(tree, whole);
        diffClicks.push_back(msSince(c0));
        checksum += d.baseOnly;
    }
    std::printf("span click -> flame tree + diff against it (1000 random spans): median %.3f ms, p95 %.3f ms, max "
                "%.3f ms\n",
                percentile(diffClicks, 0.5), percentile(diffClicks, 0.95), percentile(diffClicks, 1.0));
    std::printf("checksum %lld\n", static_cast<long long>(checksum));
    return 0;
}
