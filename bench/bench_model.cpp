// Aggregation benchmarks on a synthetic in-memory profile (no I/O): the
// full-profile re-aggregation target (< 100 ms at 5 M samples) and the
// "span click" shape (a contiguous range of the link permutation).
#include "model/aggregator.h"
#include "model/functionstats.h"

#include <benchmark/benchmark.h>

#include <memory>
#include <random>

using namespace spanfire;

namespace {

// A profile with `samples` samples over a call tree of ~`nodes` trie nodes,
// depth up to 60, leaves picked with a skewed (hot path) distribution.
std::shared_ptr<const Profile> makeProfile(size_t samples, size_t nodes) {
    auto p = std::make_shared<Profile>();
    std::mt19937_64 rng(7);
    p->sampleTypes.push_back({p->strings.intern("samples"), p->strings.intern("count")});
    p->sampleTypes.push_back({p->strings.intern("cpu"), p->strings.intern("nanoseconds")});
    std::vector<FrameId> frames;
    for (int f = 0; f < 8000; ++f) {
        Frame fr;
        fr.name =
            p->strings.intern("github.com/example/pkg" + std::to_string(f % 97) + ".Function" + std::to_string(f));
        fr.systemName = fr.name;
        fr.file = StringId(0);
        fr.module = StringId(0);
        fr.buildId = StringId(0);
        frames.push_back(p->frames.intern(fr));
    }
    std::vector<NodeId> all{StackTrie::root()};
    while (p->trie.size() < nodes) {
        const NodeId parent = all[rng() % all.size()];
        if (p->trie.depth(parent) >= 60)
            continue;
        all.push_back(p->trie.child(parent, frames[rng() % frames.size()]));
    }
    p->values.resize(2);
    std::geometric_distribution<size_t> hot(0.0005);
    for (size_t i = 0; i < samples; ++i) {
        const NodeId n = all[1 + hot(rng) % (all.size() - 1)];
        p->sampleNode.push_back(n.v);
        p->values[0].push_back(1);
        p->values[1].push_back(10'000'000);
        p->sampleLabels.push_back(0);
    }
    p->finish();
    return p;
}

const std::shared_ptr<const Profile> &profile5M() {
    static auto p = makeProfile(5'000'000, 1'000'000);
    return p;
}

void BM_FullAggregation5M(benchmark::State &state) {
    Aggregator agg(profile5M());
    for (auto _ : state) {
        FlameTree t = agg.build(SampleSelection::everything(), 1);
        benchmark::DoNotOptimize(t.nodes.data());
    }
    state.counters["samples"] = double(profile5M()->sampleCount());
}
BENCHMARK(BM_FullAggregation5M)->Unit(benchmark::kMillisecond)->Iterations(5);

void BM_RangeAggregation(benchmark::State &state) {
    Aggregator agg(profile5M());
    std::mt19937 rng(1);
    const auto n = uint32_t(profile5M()->sampleCount());
    const auto len = uint32_t(state.range(0));
    for (auto _ : state) {
        const uint32_t b = rng() % (n - len);
        FlameTree t = agg.build(SampleSelection::indices({{b, b + len}}), 1);
        benchmark::DoNotOptimize(t.nodes.data());
    }
}
BENCHMARK(BM_RangeAggregation)->Arg(100)->Arg(10'000)->Arg(1'000'000)->Unit(benchmark::kMillisecond);

void BM_TopFunctions5M(benchmark::State &state) {
    Aggregator agg(profile5M());
    FlameTree t = agg.build(SampleSelection::everything(), 1);
    for (auto _ : state) {
        auto top = topFunctions(t, *profile5M());
        benchmark::DoNotOptimize(top.data());
    }
}
BENCHMARK(BM_TopFunctions5M)->Unit(benchmark::kMillisecond);

void BM_InvertedAggregation5M(benchmark::State &state) {
    Aggregator agg(profile5M());
    Transforms tr;
    tr.inverted = true;
    for (auto _ : state) {
        FlameTree t = agg.build(SampleSelection::everything(), 1, tr);
        benchmark::DoNotOptimize(t.nodes.data());
    }
}
BENCHMARK(BM_InvertedAggregation5M)->Unit(benchmark::kMillisecond)->Iterations(3);

} // namespace

BENCHMARK_MAIN();
