// sniff(): content-based format detection.

#include "importers/importer.h"
#include "testutil.h"

#include <gtest/gtest.h>

#include <random>

using namespace spanfire;
using namespace spanfire::test;

namespace {

Format sniffCorpus(const std::string &rel) {
    return sniff(readFile(corpusDir() + "/" + rel));
}

struct SniffRow {
    const char *name;
    std::string bytes;
    Format expected;
};

} // namespace

TEST(Sniff, Magic) {
    const std::vector<SniffRow> rows = {
        {"empty", "", Format::Empty},
        {"gzip", std::string("\x1f\x8b\x08\x00", 4), Format::Gzip},
        {"zstd", std::string("\x28\xb5\x2f\xfd\x00", 5), Format::Zstd},
        {"json object", "{\"resourceSpans\":[]}", Format::Json},
        {"json array", "[{\"traceID\":\"1\"}]", Format::Json},
        {"json after BOM and blanks", "\xEF\xBB\xBF \r\n\t {\"a\":1}", Format::Json},
        {"legacy heap text", "heap profile:    1:  2 [ 3: 4] @ heapz_v2/524288\n", Format::PprofLegacy},
        {"legacy contention", "--- contentionz 1 ---\nformat = java\n", Format::PprofLegacy},
        {"legacy goroutine", "goroutine profile: total 4\n", Format::PprofLegacy},
        {"legacy cpu 64-bit", std::string("\0\0\0\0\0\0\0\0\x03\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0", 24),
         Format::PprofLegacy},
        {"legacy cpu 32-bit", std::string("\0\0\0\0\x03\0\0\0\0\0\0\0\x10\x27\0\0", 16), Format::PprofLegacy},
        {"folded", "main;foo;bar 10\nmain;baz 3\n", Format::FoldedStacks},
        {"folded crlf with comment", "# comment\r\nmain;foo 1\r\n", Format::FoldedStacks},
        {"utf16le bom",
         std::string("\xff\xfe"
                     "a\0;\0b\0 \0"
                     "1\0",
                     12),
         Format::FoldedStacks},
        {"plain text", "hello world\nthis is not a profile\n", Format::Unknown},
        {"leading zero garbage", std::string("\0\x01\x02\x03\x04", 5), Format::Unknown},
    };
    for (const auto &row : rows)
        EXPECT_EQ(sniff(row.bytes), row.expected) << row.name << " got " << formatName(sniff(row.bytes));
}

TEST(Sniff, CorpusPprofFiles) {
    // Content decides, never the name: *.pb.gz files that are raw protobuf
    // and a gzip file without .gz suffix.
    EXPECT_EQ(sniffCorpus("pprof/pyroscope__pyspy-1.pb.gz"), Format::Pprof);
    EXPECT_EQ(sniffCorpus("pprof/pyroscope__dotnet-pprof-3.pb.gz"), Format::Pprof);
    EXPECT_EQ(sniffCorpus("pprof/pyroscope__heap-js.pprof"), Format::Pprof);
    EXPECT_EQ(sniffCorpus("pprof/speedscope__simple.prof"), Format::Gzip);
    for (const auto &name : listDir(corpusDir() + "/pprof")) {
        const std::string bytes = readFile(corpusDir() + "/pprof/" + name);
        const Format f = sniff(bytes);
        if (f == Format::Gzip)
            EXPECT_EQ(sniff(gunzipBytes(bytes)), Format::Pprof) << name;
        else
            EXPECT_EQ(f, Format::Pprof) << name;
    }
}

TEST(Sniff, CorpusLegacyAndOthers) {
    for (const char *name : {"google-pprof__cppbench.cpu", "google-pprof__cppbench.heap", "google-pprof__go.crc32.cpu",
                             "google-pprof__java.contention", "google-pprof__java.cpu"})
        EXPECT_EQ(sniffCorpus(std::string("pprof-legacy/") + name), Format::PprofLegacy) << name;
    EXPECT_EQ(sniffCorpus("otlp-traces/derived/jaeger__memory_otel_traces_01.TracesData.binpb"),
              Format::OtlpTracesProto);
    EXPECT_EQ(sniffCorpus("otlp-traces/derived/fileexporter_proto_uncompressed.bin"), Format::OtlpTracesFramed);
    EXPECT_EQ(sniffCorpus("otlp-traces/derived/fileexporter_proto_zstd_legacy_per_record.bin"),
              Format::OtlpTracesFramed);
    EXPECT_EQ(sniffCorpus("otlp-traces/derived/fileexporter_proto_native.bin.zst"), Format::Zstd);
    EXPECT_EQ(sniffCorpus("otlp-profiles/pyroscope__otel-ebpf-profile.otlp-v1.10.pb.bin"), Format::OtlpProfilesProto);
    EXPECT_EQ(sniffCorpus("otlp-profiles/pyroscope__otel-ebpf-profile.otlp-v1.8.pb.bin"), Format::OtlpProfilesProto);
    EXPECT_EQ(sniffCorpus("otlp-traces/otel-proto__examples_trace.json"), Format::Json);
    EXPECT_EQ(sniffCorpus("otlp-traces/jaeger-ui__otlp2jaeger-multi-in.json.txt"), Format::Json);
    for (const auto &name : listDir(corpusDir() + "/collapsed"))
        EXPECT_EQ(sniffCorpus("collapsed/" + name), Format::FoldedStacks) << name;
}

TEST(Sniff, RandomBytesNeverCrash) {
    std::mt19937 rng(42);
    for (int i = 0; i < 2000; ++i) {
        std::string s(size_t(rng() % 300), '\0');
        for (char &c : s)
            c = char(rng());
        const Format f = sniff(s);
        EXPECT_NE(formatName(f), nullptr);
    }
}

TEST(Sniff, FormatNames) {
    EXPECT_STREQ(formatName(Format::Pprof), "pprof");
    EXPECT_STREQ(formatName(Format::Gzip), "gzip");
    EXPECT_STREQ(formatName(Format::FoldedStacks), "folded stacks");
    EXPECT_STREQ(formatName(Format::PprofLegacy), "legacy pprof");
}
