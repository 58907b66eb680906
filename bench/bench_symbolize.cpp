// Symbolization throughput: 100 k distinct addresses spread over the code of a
// large binary with DWARF (default: our own spanfire-cli of this build, else
// this benchmark executable; override with SPANFIRE_SYMBOLIZE_BINARY), beside
// `eu-addr2line -f -i -C` resolving the same list in the same run.
//   BM_ResolveCold     a fresh Symbolizer: open, index DWARF, resolve all
//   BM_ResolveWarm     the same Symbolizer again (per (build id, address) cache)
//   BM_SymbolizeProfile  a 100 k-frame address-only Profile -> new Profile
//   BM_EuAddr2line     the elfutils CLI on every 50th of those addresses (one
//                      process; the full 100 k take it over 20 minutes here:
//                      it walks the whole compilation unit per address)
//   BM_ResolveColdSample  ours, cold, on that same 2 k sample
// Figures are addresses per second (items_per_second).
#include "importers/symbolize/elffile.h"
#include "importers/symbolize/symbolizer.h"

#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <unistd.h>
#include <vector>

using namespace spanfire;

namespace {

constexpr size_t kAddresses = 100'000;

struct Subject {
    std::string path;
    std::string buildId;
    std::vector<uint64_t> offsets; // file-relative
    std::vector<uint64_t> vaddrs;
    std::string listFile;   // vaddrs for eu-addr2line, one per line
    std::string sampleFile; // every kSampleStride-th of them
    std::vector<uint64_t> sampleOffsets;
};

constexpr size_t kSampleStride = 50;

void removeLists();

std::string selfPath() {
    char buf[4096];
    const ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
    return n > 0 ? std::string(buf, size_t(n)) : std::string();
}

const Subject &subject() {
    static const Subject s = [] {
        Subject s;
        if (const char *env = std::getenv("SPANFIRE_SYMBOLIZE_BINARY"))
            s.path = env;
        else if (access(SPANFIRE_BENCH_CLI, R_OK) == 0)
            s.path = SPANFIRE_BENCH_CLI;
        else
            s.path = selfPath();
        ElfFile f;
        if (!f.open(s.path, 4ull << 30)) {
            std::fprintf(stderr, "cannot open %s\n", s.path.c_str());
            std::exit(1);
        }
        s.buildId = f.gnuBuildId();
        LoadSegment text;
        for (const LoadSegment &l : f.loads())
            if (l.exec && l.filesz > text.filesz)
                text = l;
        const uint64_t step = text.filesz / kAddresses;
        if (step == 0) {
            std::fprintf(stderr, "%s: code segment too small for %zu addresses\n", s.path.c_str(), kAddresses);
            std::exit(1);
        }
        s.listFile = "/tmp/spanfire-bench-symbolize-" + std::to_string(getpid()) + ".txt";
        s.sampleFile = s.listFile + ".sample";
        std::ofstream out(s.listFile), sample(s.sampleFile);
        for (size_t i = 0; i < kAddresses; ++i) {
            const uint64_t off = text.offset + i * step + (i * 7) % step;
            s.offsets.push_back(off);
            s.vaddrs.push_back(off - text.offset + text.vaddr);
            out << "0x" << std::hex << s.vaddrs.back() << "\n";
            if ((i + 1) % kSampleStride == 0) {
                sample << "0x" << std::hex << s.vaddrs.back() << "\n";
                s.sampleOffsets.push_back(off);
            }
        }
        std::atexit(removeLists);
        std::fprintf(stderr, "subject: %s (%.1f MB, code %.1f MB, build id %s)\n", s.path.c_str(),
                     double(f.size()) / 1e6, double(text.filesz) / 1e6, s.buildId.c_str());
        return s;
    }();
    return s;
}

void BM_ResolveCold(benchmark::State &state) {
    const Subject &s = subject();
    size_t named = 0;
    for (auto _ : state) {
        Symbolizer sym(SymbolizeOptions{});
        std::vector<Symbolizer::Resolved> out;
        named = 0;
        for (uint64_t off : s.offsets) {
            sym.resolve(s.path, s.buildId, off, out);
            named += !out.empty();
        }
        benchmark::DoNotOptimize(named);
    }
    state.SetItemsProcessed(int64_t(state.iterations() * kAddresses));
    state.counters["named"] = double(named);
}
BENCHMARK(BM_ResolveCold)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(2);

void BM_ResolveWarm(benchmark::State &state) {
    const Subject &s = subject();
    Symbolizer sym(SymbolizeOptions{});
    std::vector<Symbolizer::Resolved> out;
    for (uint64_t off : s.offsets)
        sym.resolve(s.path, s.buildId, off, out);
    for (auto _ : state) {
        for (uint64_t off : s.offsets)
            sym.resolve(s.path, s.buildId, off, out);
        benchmark::DoNotOptimize(out);
    }
    state.SetItemsProcessed(int64_t(state.iterations() * kAddresses));
}
BENCHMARK(BM_ResolveWarm)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(3);

void BM_SymbolizeProfile(benchmark::State &state) {
    const Subject &s = subject();
    Profile p;
    p.sampleTypes.push_back({p.strings.intern("samples"), p.strings.intern("count")});
    Mapping m;
    m.file = p.strings.intern(s.path);
    m.buildId = p.strings.intern(s.buildId);
    m.memoryStart = 0x555500000000ull;
    m.memoryLimit = m.memoryStart + (1ull << 32);
    p.mappings.push_back(m);
    p.values.resize(1);
    const size_t slash = s.path.rfind('/');
    const std::string base = s.path.substr(slash == std::string::npos ? 0 : slash + 1);
    for (uint64_t off : s.offsets) {
        Frame f;
        f.kind = FrameKind::Unsymbolized;
        f.module = m.file;
        f.buildId = m.buildId;
        f.address = off;
        char hex[32];
        std::snprintf(hex, sizeof hex, "+0x%llx", static_cast<unsigned long long>(off));
        f.name = f.systemName = p.strings.intern(base + hex);
        p.sampleNode.push_back(p.trie.child(StackTrie::root(), p.frames.intern(f)).v);
        p.values[0].push_back(1);
        p.sampleLabels.push_back(0);
    }
    p.finish();
    uint64_t symbolized = 0;
    for (auto _ : state) {
        const SymbolizeResult r = symbolize(p, SymbolizeOptions{});
        symbolized = r.symbolized;
        benchmark::DoNotOptimize(r.profile);
    }
    state.SetItemsProcessed(int64_t(state.iterations() * kAddresses));
    state.counters["symbolized"] = double(symbolized);
}
BENCHMARK(BM_SymbolizeProfile)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(2);

void removeLists() {
    const Subject &s = subject();
    std::remove(s.listFile.c_str());
    std::remove(s.sampleFile.c_str());
}

void BM_ResolveColdSample(benchmark::State &state) {
    const Subject &s = subject();
    for (auto _ : state) {
        Symbolizer sym(SymbolizeOptions{});
        std::vector<Symbolizer::Resolved> out;
        for (uint64_t off : s.sampleOffsets)
            sym.resolve(s.path, s.buildId, off, out);
        benchmark::DoNotOptimize(out);
    }
    state.SetItemsProcessed(int64_t(state.iterations() * s.sampleOffsets.size()));
}
BENCHMARK(BM_ResolveColdSample)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(2);

void BM_EuAddr2line(benchmark::State &state) {
    const Subject &s = subject();
    const std::string cmd = "eu-addr2line -f -i -C -e '" + s.path + "' < '" + s.sampleFile + "' > /dev/null";
    for (auto _ : state) {
        if (std::system(cmd.c_str()) != 0) {
            state.SkipWithError("eu-addr2line failed");
            return;
        }
    }
    state.SetItemsProcessed(int64_t(state.iterations() * s.sampleOffsets.size()));
}
BENCHMARK(BM_EuAddr2line)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(1);

} // namespace

BENCHMARK_MAIN();
