// In-process pprof import benchmarks on real files given at run time:
//   SPANFIRE_BENCH_FILES=a.pb.gz:b.pb bench_import
// For each file: import to a ready model + full flame tree (what the window
// pays before the first paint), beside an in-process zlib gunzip of the same
// bytes (the floor for reading a .gz at all). bench/run-import-bench.sh runs
// the end-to-end comparison with gzip -dc and `go tool pprof -top` in fresh
// processes (peak RSS included).
#include "importers/importer.h"
#include "model/aggregator.h"

#include <benchmark/benchmark.h>
#include <zlib.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

using namespace spanfire;

namespace {

std::string readAll(const std::string &path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

void BM_ImportToFlameTree(benchmark::State &state, std::string path) {
    int64_t rawBytes = 0;
    for (auto _ : state) {
        ImportOptions opt;
        opt.symbolize = false;
        ImportResult r = importFile(path, opt);
        if (!r.ok || !r.profile) {
            state.SkipWithError(r.error.toString().c_str());
            return;
        }
        Aggregator agg(r.profile);
        FlameTree t = agg.build(SampleSelection::everything(), r.profile->defaultSampleType);
        benchmark::DoNotOptimize(t.nodes.data());
        state.counters["samples"] = double(r.profile->sampleCount());
        state.counters["nodes"] = double(t.nodes.size());
    }
    (void)rawBytes;
}

void BM_ZlibGunzip(benchmark::State &state, std::string path) {
    const std::string gz = readAll(path);
    std::vector<unsigned char> out(1 << 20);
    int64_t produced = 0;
    for (auto _ : state) {
        z_stream zs{};
        inflateInit2(&zs, 16 + MAX_WBITS);
        zs.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(gz.data()));
        zs.avail_in = uInt(gz.size());
        produced = 0;
        int rc = Z_OK;
        while (rc != Z_STREAM_END) {
            zs.next_out = out.data();
            zs.avail_out = uInt(out.size());
            rc = inflate(&zs, Z_NO_FLUSH);
            if (rc != Z_OK && rc != Z_STREAM_END)
                break;
            produced += int64_t(out.size() - zs.avail_out);
        }
        inflateEnd(&zs);
        benchmark::DoNotOptimize(produced);
    }
    state.SetBytesProcessed(state.iterations() * produced);
}

} // namespace

int main(int argc, char **argv) {
    const char *files = std::getenv("SPANFIRE_BENCH_FILES");
    std::stringstream ss(files ? files : "");
    std::string f;
    while (std::getline(ss, f, ':')) {
        if (f.empty())
            continue;
        const std::string base = f.substr(f.find_last_of('/') + 1);
        benchmark::RegisterBenchmark(("ImportToFlameTree/" + base).c_str(), BM_ImportToFlameTree, f)
            ->Unit(benchmark::kMillisecond)
            ->Iterations(3);
        if (f.size() > 3 && f.compare(f.size() - 3, 3, ".gz") == 0)
            benchmark::RegisterBenchmark(("ZlibGunzip/" + base).c_str(), BM_ZlibGunzip, f)
                ->Unit(benchmark::kMillisecond)
                ->Iterations(3);
    }
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
