// Malformed input of every kind gives an error naming the file, never a
// crash: truncated corpus files (compressed and decompressed), random and
// mutated bytes, empty files, wrong formats, directories, FIFOs.

#include "importers/importer.h"
#include "testutil.h"

#include <gtest/gtest.h>

#include <random>
#include <sys/stat.h>
#include <unistd.h>

using namespace spanfire;
using namespace spanfire::test;

namespace {

class TempDir {
public:
    TempDir() {
        char tmpl[] = "/tmp/spanfire-importers-XXXXXX";
        m_path = mkdtemp(tmpl);
    }
    ~TempDir() {
        for (const auto &n : listDir(m_path)) {
            const std::string p = m_path + "/" + n;
            if (::rmdir(p.c_str()) != 0)
                ::unlink(p.c_str());
        }
        ::rmdir(m_path.c_str());
    }
    std::string file(const std::string &name) const { return m_path + "/" + name; }

private:
    std::string m_path;
};

std::string raw(const std::string &bytes) {
    return sniff(bytes) == Format::Gzip ? gunzipBytes(bytes) : bytes;
}

void expectError(const ImportResult &r, const std::string &file, const std::string &what) {
    EXPECT_FALSE(r.ok) << what;
    EXPECT_EQ(r.error.file, file) << what;
    EXPECT_FALSE(r.error.message.empty()) << what;
    EXPECT_EQ(r.error.toString().rfind(file + ": ", 0), 0u) << what;
}

} // namespace

TEST(Malformed, TruncatedCompressedCorpus) {
    for (const auto &name : listDir(corpusDir() + "/pprof")) {
        const std::string bytes = readFile(corpusDir() + "/pprof/" + name);
        if (sniff(bytes) != Format::Gzip)
            continue;
        for (size_t cut : {size_t(1), size_t(2), size_t(10), bytes.size() / 4, bytes.size() / 2, bytes.size() * 3 / 4,
                           bytes.size() - 8, bytes.size() - 1}) {
            const ImportResult r = importBytes(name, bytes.substr(0, cut));
            expectError(r, name, name + " cut at " + std::to_string(cut));
            if (cut > 10) {
                EXPECT_TRUE(r.error.hasOffset) << name << " " << r.error.message;
            }
        }
    }
}

TEST(Malformed, TruncatedDecompressedCorpus) {
    for (const auto &name : listDir(corpusDir() + "/pprof")) {
        const std::string full = raw(readFile(corpusDir() + "/pprof/" + name));
        const ImportResult whole = importBytes(name, full);
        int errors = 0, cuts = 0;
        for (int k = 1; k < 16; ++k) {
            const size_t cut = full.size() * size_t(k) / 16 + size_t(k % 3); // not only on field boundaries
            for (const std::string &bytes : {full.substr(0, cut), gzipBytes(full.substr(0, cut))}) {
                const ImportResult r = importBytes(name, bytes);
                ++cuts;
                if (!r.ok) {
                    ++errors;
                    EXPECT_EQ(r.error.file, name);
                    EXPECT_FALSE(r.error.message.empty());
                } else if (whole.ok) {
                    // Cut exactly between two top-level fields: a smaller valid profile.
                    EXPECT_LE(r.profile->sampleCount(), whole.profile->sampleCount());
                }
            }
        }
        EXPECT_GT(errors, cuts / 2) << name;
    }
}

TEST(Malformed, ErrorOffsetsLieInsideTheData) {
    const std::string full = raw(readFile(corpusDir() + "/pprof/parca__alloc_space_delta.pb.gz"));
    const std::string cut = full.substr(0, full.size() / 2 + 3);
    const ImportResult r = importBytes("half.pb", cut);
    ASSERT_FALSE(r.ok);
    ASSERT_TRUE(r.error.hasOffset);
    EXPECT_LE(r.error.offset, cut.size());
    EXPECT_NE(r.error.toString().find("half.pb: at byte "), std::string::npos) << r.error.toString();
}

TEST(Malformed, RandomAndMutatedBytes) {
    std::mt19937 rng(1234);
    auto randomBytes = [&](size_t n) {
        std::string s(n, '\0');
        for (char &c : s)
            c = char(rng());
        return s;
    };
    for (int i = 0; i < 300; ++i) {
        const std::string r = randomBytes(size_t(rng() % 2000));
        const ImportResult res = importBytes("random.bin", r);
        if (!res.ok) {
            EXPECT_EQ(res.error.file, "random.bin");
        }
        // Magic numbers in front of garbage.
        expectError(importBytes("fake.gz", std::string("\x1f\x8b") + r), "fake.gz", "gzip magic");
        expectError(importBytes("fake.zst", std::string("\x28\xb5\x2f\xfd") + r), "fake.zst", "zstd magic");
    }
    // Mutated real profiles: decode or fail cleanly.
    for (const char *name : {"google-pprof__sample.cpu.pb.gz", "parca__profile-with-labels.pb.gz",
                             "pyroscope__cpu-unknown.pb.gz", "pyroscope__nodejs-wall.pb.gz"}) {
        const std::string full = raw(readFile(corpusDir() + "/pprof/" + name));
        // SPANFIRE_FUZZ_ROUNDS raises the count for a longer (e.g. ASan) run.
        const char *rounds = std::getenv("SPANFIRE_FUZZ_ROUNDS");
        const int n = rounds ? std::max(1, std::atoi(rounds)) : 150;
        for (int i = 0; i < n; ++i) {
            std::string m = full;
            const int flips = 1 + int(rng() % 8);
            for (int k = 0; k < flips; ++k)
                m[rng() % m.size()] = char(rng());
            const ImportResult res = importBytes(name, m);
            if (res.ok) {
                ASSERT_TRUE(res.profile);
                EXPECT_EQ(res.profile->sampleNode.size(),
                          res.profile->values.empty() ? res.profile->sampleNode.size() : res.profile->values[0].size());
            } else {
                EXPECT_EQ(res.error.file, name);
            }
        }
    }
}

TEST(Malformed, FilesOfTheWrongKind) {
    TempDir dir;
    const std::string empty = dir.file("empty.pb.gz");
    writeFile(empty, "");
    const ImportResult e = importFile(empty);
    expectError(e, empty, "empty");
    EXPECT_NE(e.error.message.find("empty"), std::string::npos);

    // JSON that is neither a profile nor a trace, named like a pprof.
    const std::string jsonAsPprof = dir.file("config.pb.gz");
    writeFile(jsonAsPprof, "{\"name\": \"not a profile\", \"values\": [1, 2, 3]}\n");
    expectError(importFile(jsonAsPprof), jsonAsPprof, "json named .pb.gz");
    // A real trace named like a pprof: content decides, so it loads as traces.
    const std::string traceAsPprof = dir.file("trace.pb.gz");
    writeFile(traceAsPprof, readFile(corpusDir() + "/otlp-traces/otel-proto__examples_trace.json"));
    const ImportResult tr = importFile(traceAsPprof);
    EXPECT_TRUE(tr.ok ? tr.traces && !tr.profile : !tr.error.message.empty()) << tr.error.toString();

    const std::string text = dir.file("notes.pprof");
    writeFile(text, "this is just a note, not a profile\n");
    const ImportResult t = importFile(text);
    expectError(t, text, "text");
    EXPECT_NE(t.error.message.find("unrecognized"), std::string::npos);

    const ImportResult d = importFile(corpusDir() + "/pprof");
    expectError(d, corpusDir() + "/pprof", "directory");
    EXPECT_NE(d.error.message.find("directory"), std::string::npos);

    const std::string fifo = dir.file("pipe");
    ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
    const ImportResult f = importFile(fifo); // must not block
    expectError(f, fifo, "fifo");
    EXPECT_NE(f.error.message.find("FIFO"), std::string::npos);

    const ImportResult dev = importFile("/dev/null");
    expectError(dev, "/dev/null", "device");

    const ImportResult missing = importFile(dir.file("does-not-exist.pb"));
    expectError(missing, dir.file("does-not-exist.pb"), "missing");
    EXPECT_NE(missing.error.message.find("No such file"), std::string::npos);
}

TEST(Malformed, LegacyPprofIsRefusedClearly) {
    for (const char *name : {"google-pprof__cppbench.cpu", "google-pprof__cppbench.heap", "google-pprof__go.crc32.cpu",
                             "google-pprof__java.contention", "google-pprof__java.cpu"}) {
        const std::string path = corpusDir() + "/pprof-legacy/" + name;
        const ImportResult r = importFile(path);
        expectError(r, path, name);
        EXPECT_NE(r.error.message.find("legacy (non-protobuf) pprof format is not supported"), std::string::npos)
            << name << ": " << r.error.message;
        EXPECT_NE(r.error.message.find("go tool pprof -proto"), std::string::npos);
        // Also when compressed.
        const ImportResult gz = importBytes(name, gzipBytes(readFile(path)));
        EXPECT_NE(gz.error.message.find("legacy"), std::string::npos) << name;
    }
}

TEST(Malformed, TraceFilesGoToTheTraceImporter) {
    const std::string path = corpusDir() + "/otlp-traces/derived/jaeger__memory_otel_traces_01.TracesData.binpb";
    const ImportResult r = importFile(path);
    // Either the traces importer takes it (then there are traces) or a clear error.
    EXPECT_TRUE(r.ok ? bool(r.traces) : !r.error.message.empty());
}

TEST(Malformed, ConcatenatedProfilesAreRefusedLikePprof) {
    // `cat a.pb.gz b.pb.gz`: gzip reads both members as one stream, the
    // decoded message then has time_nanos twice.
    const std::string gz = readFile(corpusDir() + "/pprof/google-pprof__sample.cpu.pb.gz");
    const ImportResult r = importBytes("cat.pb.gz", gz + gz);
    ASSERT_FALSE(r.ok);
    EXPECT_NE(r.error.message.find("concatenated profiles detected"), std::string::npos) << r.error.message;
    EXPECT_TRUE(r.error.hasOffset);
    EXPECT_GT(r.error.offset, gunzipBytes(gz).size() - 1); // inside the second profile
}

TEST(Malformed, FixtureFiles) {
    // tests/data/malformed: made-up broken profiles with the error text each must give.
    const std::string dir = testDataDir() + "/malformed";
    std::istringstream in(readFile(dir + "/expected.txt"));
    std::string line;
    int checked = 0;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#')
            continue;
        const size_t tab = line.find('\t');
        ASSERT_NE(tab, std::string::npos) << line;
        const std::string path = dir + "/" + line.substr(0, tab);
        const std::string want = line.substr(tab + 1);
        const ImportResult r = importFile(path);
        expectError(r, path, path);
        EXPECT_NE(r.error.message.find(want), std::string::npos) << path << ": " << r.error.message;
        ++checked;
    }
    EXPECT_EQ(checked, 7);
}
