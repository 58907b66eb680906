// Trace importers over the shared corpus: every file loads with the trace and
// span counts, parent links and durations derived independently by
// scripts/make-trace-expected.py (stored in tests/data/traces-expected), and
// the same spans in different encodings load into identical models.
#include "importers/traces.h"
#include "tracedump.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstring>
#include <dirent.h>
#include <fstream>
#include <sstream>

using namespace spanfire;

namespace {

std::string readFile(const std::string &path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

std::vector<std::string> listDir(const std::string &dir) {
    std::vector<std::string> names;
    if (DIR *d = opendir(dir.c_str())) {
        while (dirent *e = readdir(d))
            if (e->d_name[0] != '.')
                names.push_back(e->d_name);
        closedir(d);
    }
    std::sort(names.begin(), names.end());
    return names;
}

const char *kCorpus = SPANFIRE_CORPUS_DIR;
const std::string kExpected = std::string(SPANFIRE_TESTDATA_DIR) + "/traces-expected";

ImportResult load(const std::string &rel) {
    const std::string path = std::string(kCorpus) + "/" + rel;
    const std::string bytes = readFile(path);
    EXPECT_FALSE(bytes.empty()) << path;
    return importTraceBytes(path, bytes);
}

std::vector<std::string> corpusFiles() {
    std::vector<std::string> files;
    for (const char *sub : {"otlp-traces", "otlp-traces/derived", "jaeger", "zipkin"})
        for (const std::string &n : listDir(std::string(kCorpus) + "/" + sub))
            if (n != "derived")
                files.push_back(std::string(sub) + "/" + n);
    return files;
}

std::string baseName(const std::string &rel) {
    return rel.substr(rel.rfind('/') + 1);
}

uint64_t warningCount(const ImportResult &r, const std::string &prefix) {
    for (const NamedCount &w : r.warnings)
        if (w.name.rfind(prefix, 0) == 0)
            return w.count;
    return 0;
}

} // namespace

TEST(TraceImport, CorpusIsPresent) {
    const auto files = corpusFiles();
    EXPECT_GE(files.size(), 22u);
    size_t expected = 0;
    for (const std::string &n : listDir(kExpected))
        expected += n.size() > 4 && n.compare(n.size() - 4, 4, ".txt") == 0;
    EXPECT_EQ(expected, files.size()) << "regenerate with scripts/make-trace-expected.py";
}

TEST(TraceImport, CorpusMatchesIndependentlyDerivedExpectations) {
    for (const std::string &rel : corpusFiles()) {
        SCOPED_TRACE(rel);
        const std::string expectedText = readFile(kExpected + "/" + baseName(rel) + ".txt");
        ASSERT_FALSE(expectedText.empty()) << "no expected data for " << rel;
        std::istringstream in(expectedText);
        std::string line;
        std::vector<std::string> expectedSpans;
        uint64_t traces = 0, spans = 0, duplicates = 0, orphans = 0;
        while (std::getline(in, line)) {
            if (line.empty() || line[0] == '#')
                continue;
            std::istringstream ls(line);
            std::string word;
            ls >> word;
            if (word == "traces")
                ls >> traces;
            else if (word == "spans")
                ls >> spans;
            else if (word == "duplicates")
                ls >> duplicates;
            else if (word == "orphans")
                ls >> orphans;
            else if (word == "span")
                expectedSpans.push_back(line);
        }
        const ImportResult r = load(rel);
        ASSERT_TRUE(r.ok) << r.error.toString();
        ASSERT_TRUE(r.traces);
        const TraceSet &s = *r.traces;
        EXPECT_EQ(s.traces.size(), traces);
        EXPECT_EQ(s.spanCount(), spans);
        EXPECT_EQ(warningCount(r, "duplicate spans dropped"), duplicates);
        EXPECT_EQ(warningCount(r, "spans whose parent is missing"), orphans);
        EXPECT_EQ(expectedStyleLines(s), expectedSpans);
        EXPECT_FALSE(r.format.empty());
        EXPECT_NE(s.sourceName.find(baseName(rel)), std::string::npos);
    }
}

TEST(TraceImport, FormatsAreDetected) {
    struct Row {
        const char *file;
        const char *format;
    };
    const Row rows[] = {
        {"otlp-traces/otel-proto__examples_trace.json", "OTLP/JSON"},
        {"otlp-traces/jaeger-ui__otlp2jaeger-multi-in.json.txt", "OTLP/JSON lines"},
        {"otlp-traces/derived/jaeger__memory_otel_traces_01.TracesData.binpb", "OTLP protobuf"},
        {"otlp-traces/derived/fileexporter_proto_uncompressed.bin", "OTLP protobuf (file exporter, records)"},
        {"otlp-traces/derived/fileexporter_proto_zstd_legacy_per_record.bin",
         "OTLP protobuf (file exporter, records of zstd)"},
        {"otlp-traces/derived/fileexporter_proto_native.bin.zst", "OTLP protobuf (file exporter, records) (zstd)"},
        {"otlp-traces/derived/fileexporter_json_lines_native.jsonl.zst", "OTLP/JSON lines (zstd)"},
        {"jaeger/jaeger__otlp2jaeger-out.json", "Jaeger JSON"},
        {"zipkin/zipkin__lens_skew.json", "Zipkin v2 JSON"},
    };
    for (const Row &row : rows) {
        const ImportResult r = load(row.file);
        ASSERT_TRUE(r.ok) << r.error.toString();
        EXPECT_EQ(r.format, row.format) << row.file;
    }
}

TEST(TraceImport, OtlpJsonAndProtobufLoadIdentically) {
    const ImportResult json = load("otlp-traces/jaeger__memory_otel_traces_01.json");
    const ImportResult pb = load("otlp-traces/derived/jaeger__memory_otel_traces_01.TracesData.binpb");
    ASSERT_TRUE(json.ok && pb.ok) << json.error.toString() << pb.error.toString();
    EXPECT_EQ(dumpSpans(*json.traces), dumpSpans(*pb.traces));
    // The fixture has typed attributes, events and links: make sure they came through.
    EXPECT_GT(json.traces->attributes.size(), 4u);
    EXPECT_GT(json.traces->events.size(), 0u);
    EXPECT_GT(json.traces->links.size(), 0u);
}

// The same OTLP document as the query APIs return it: Tempo's /api/traces
// ("batches"), Tempo's /api/v2/traces ({"trace": ..., "status": ...}) and
// Jaeger's /api/v3/traces ({"result": ...}, one object per line when the
// trace comes in chunks). Each loads into the model of the plain file.
TEST(TraceImport, QueryApiResponsesLoadLikeThePlainDocument) {
    const std::string plain = readFile(std::string(kCorpus) + "/otlp-traces/jaeger__memory_otel_traces_01.json");
    const ImportResult base = importTraceBytes("plain.json", plain);
    ASSERT_TRUE(base.ok) << base.error.toString();
    ASSERT_GT(base.traces->spanCount(), 1u);
    std::string batches = plain;
    const size_t key = batches.find("\"resourceSpans\"");
    ASSERT_NE(key, std::string::npos);
    batches.replace(key, std::strlen("\"resourceSpans\""), "\"batches\"");
    std::string oneLine = plain;
    oneLine.erase(std::remove(oneLine.begin(), oneLine.end(), '\n'), oneLine.end());
    // Everything but the file name and format line.
    const auto withoutSource = [](const std::string &layout) {
        const size_t at = layout.find("\nsource ");
        return at == std::string::npos ? layout : layout.substr(0, at);
    };
    struct Case {
        std::string name, bytes, format;
    };
    const std::vector<Case> cases = {
        {"tempo.json", batches, "OTLP/JSON (Tempo API response)"},
        {"tempo-v2.json", "{\"trace\": " + plain + ", \"status\": \"COMPLETE\"}", "OTLP/JSON (Tempo API v2 response)"},
        {"jaeger-v3.json", "{\"result\":" + plain + "}", "OTLP/JSON (Jaeger API v3 response)"},
        {"jaeger-v3-chunks.json", "{\"result\":" + oneLine + "}\n{\"result\":{\"resourceSpans\":[]}}\n",
         "OTLP/JSON (Jaeger API v3 response)"},
    };
    for (const Case &c : cases) {
        SCOPED_TRACE(c.name);
        const ImportResult r = importTraceBytes(c.name, c.bytes);
        ASSERT_TRUE(r.ok) << r.error.toString();
        EXPECT_EQ(r.format, c.format);
        EXPECT_EQ(withoutSource(exactLayout(*r.traces)), withoutSource(exactLayout(*base.traces)));
    }
    // Errors inside an envelope name the path through it.
    const ImportResult bad = importTraceBytes(
        "bad.json",
        R"({"result":{"resourceSpans":[{"scopeSpans":[{"spans":[{"traceId":"5b8efff798038103d269b633813fc60c",)"
        R"("spanId":"eee19b7ec3c1b174","startTimeUnixNano":true}]}]}]}})");
    ASSERT_FALSE(bad.ok);
    EXPECT_NE(bad.error.message.find("result.resourceSpans[0]"), std::string::npos) << bad.error.message;
    // Envelopes around something else, and "batches" that is no list, are not traces.
    for (const char *other : {R"({"result": {"foo": 1}})", R"({"trace": [1, 2]})", R"({"batches": 5})"}) {
        const ImportResult r = importTraceBytes("other.json", other);
        SCOPED_TRACE(other);
        ASSERT_FALSE(r.ok);
        EXPECT_NE(r.error.message.find("not a trace document"), std::string::npos) << r.error.message;
    }
}

TEST(TraceImport, FileExporterVariantsLoadIdentically) {
    const std::vector<std::string> files = {
        "otlp-traces/derived/fileexporter_json_lines.jsonl",
        "otlp-traces/derived/fileexporter_json_lines_native.jsonl.zst",
        "otlp-traces/derived/fileexporter_json_zstd_legacy_per_record.bin",
        "otlp-traces/derived/fileexporter_proto_native.bin.zst",
        "otlp-traces/derived/fileexporter_proto_uncompressed.bin",
        "otlp-traces/derived/fileexporter_proto_zstd_legacy_per_record.bin",
    };
    const ImportResult first = load(files[0]);
    ASSERT_TRUE(first.ok) << first.error.toString();
    const auto reference = dumpSpans(*first.traces);
    EXPECT_EQ(reference.size(), 6u);
    for (size_t i = 1; i < files.size(); ++i) {
        const ImportResult r = load(files[i]);
        ASSERT_TRUE(r.ok) << r.error.toString();
        EXPECT_EQ(dumpSpans(*r.traces), reference) << files[i];
    }
    // The records are the three source fixtures: merging those files gives the same spans.
    const ImportResult merged =
        importTraceFiles({std::string(kCorpus) + "/otlp-traces/jaeger__memory_otel_traces_01.json",
                          std::string(kCorpus) + "/otlp-traces/otel-proto__examples_trace.json",
                          std::string(kCorpus) + "/otlp-traces/jaeger__link_attributes_trace.json"});
    ASSERT_TRUE(merged.ok) << merged.error.toString();
    EXPECT_EQ(dumpSpans(*merged.traces), reference);
}

TEST(TraceImport, OtlpJsonAndJaegerJsonLoadIdentically) {
    // The Jaeger fixture is Jaeger's own conversion of the OTLP one.
    const ImportResult otlp = load("otlp-traces/jaeger__otlp2jaeger-in.json");
    const ImportResult jaeger = load("jaeger/jaeger__otlp2jaeger-out.json");
    ASSERT_TRUE(otlp.ok && jaeger.ok) << otlp.error.toString() << jaeger.error.toString();
    DumpOptions o;
    o.resources = false; // Jaeger keeps only service name + process tags
    EXPECT_EQ(dumpSpans(*otlp.traces, o), dumpSpans(*jaeger.traces, o));
    const TraceSet &j = *jaeger.traces;
    ASSERT_EQ(j.spanCount(), 1u);
    EXPECT_EQ(j.kind[0], SpanKind::Server);
    EXPECT_EQ(j.strings.view(j.scopes[j.scope[0]].name), "telemetrygen");
    EXPECT_EQ(j.strings.view(j.serviceOf(0)), "telemetrygen");
}

TEST(TraceImport, OtlpDetails) {
    const ImportResult r = load("otlp-traces/otel-proto__examples_trace.json");
    ASSERT_TRUE(r.ok) << r.error.toString();
    const TraceSet &s = *r.traces;
    ASSERT_EQ(s.spanCount(), 1u);
    EXPECT_EQ(s.traceId[0].hex(), "5b8efff798038103d269b633813fc60c"); // uppercase in the file
    EXPECT_EQ(spanIdHex(s.spanId[0]), "eee19b7ec3c1b174");
    EXPECT_EQ(s.kind[0], SpanKind::Server);
    EXPECT_EQ(s.strings.view(s.serviceOf(0)), "my.service");
    EXPECT_EQ(s.strings.view(s.scopes[s.scope[0]].name), "my.library");
    EXPECT_EQ(s.durationNs(0), 1000000000);
    EXPECT_EQ(s.attrEnd[0] - s.attrBegin[0], 1u);
    const Scope &scope = s.scopes[s.scope[0]];
    EXPECT_EQ(s.strings.view(scope.version), "1.0.0");
    EXPECT_EQ(scope.attrEnd - scope.attrBegin, 1u);
    const Resource &res = s.resources[s.resource[0]];
    EXPECT_EQ(res.attrEnd - res.attrBegin, 1u);
}

TEST(TraceImport, ZipkinSharedSpansAndUnits) {
    const ImportResult r = load("zipkin/zipkin__lens_ascend.json");
    ASSERT_TRUE(r.ok) << r.error.toString();
    const TraceSet &s = *r.traces;
    EXPECT_EQ(s.spanCount(), 8u); // 8 spans, only 6 distinct ids
    uint32_t sharedPairs = 0;
    for (uint32_t row = 0; row < s.spanCount(); ++row)
        if (s.parent[row] != TraceSet::kNoRow && s.spanId[s.parent[row]] == s.spanId[row]) {
            ++sharedPairs;
            EXPECT_EQ(s.kind[row], SpanKind::Server);
            EXPECT_EQ(s.kind[s.parent[row]], SpanKind::Client);
        }
    EXPECT_EQ(sharedPairs, 2u);
    const ImportResult single = load("zipkin/zipkin__zipkin2-client.single-span.json");
    ASSERT_TRUE(single.ok) << single.error.toString();
    EXPECT_EQ(single.traces->kind[0], SpanKind::Client);
    EXPECT_EQ(single.traces->events.size(), 2u);
}

TEST(TraceImport, JaegerTagsLogsAndProcesses) {
    const ImportResult r = load("jaeger/jaeger__uimodel_ui_01.json");
    ASSERT_TRUE(r.ok) << r.error.toString();
    const TraceSet &s = *r.traces;
    EXPECT_EQ(s.services.size(), 2u);
    // Two different spans share id 2 in this fixture: the second is dropped.
    EXPECT_EQ(s.spanCount(), 4u);
    EXPECT_EQ(warningCount(r, "duplicate spans dropped"), 1u);
    const uint32_t row = s.find(s.traces[0].id, 2);
    ASSERT_NE(row, TraceSet::kNoRow);
    ASSERT_EQ(s.eventOffsets[row + 1] - s.eventOffsets[row], 2u);
    EXPECT_EQ(s.strings.view(s.events[s.eventOffsets[row]].name), "some-event");

    const ImportResult bare = load("jaeger/jaeger__anonymizer_trace_success.json");
    ASSERT_TRUE(bare.ok) << bare.error.toString();
    EXPECT_EQ(bare.traces->traces[0].errorCount, 1u); // error tag given as the string "true"
}

TEST(TraceImport, JaegerTypedTags) {
    const std::string json = R"({"traceID":"abc","spans":[{"traceID":"abc","spanID":"1","operationName":"op",
      "startTime":10,"duration":5,"processID":"p1","tags":[
        {"key":"i","type":"int64","value":23456},{"key":"big","type":"int64","value":"9223372036854775222"},
        {"key":"b","type":"bool","value":true},{"key":"f","type":"float64","value":72.5},
        {"key":"bin","type":"binary","value":"AAAwOQ=="},{"key":"span.kind","type":"string","value":"client"},
        {"key":"otel.status_code","type":"string","value":"ERROR"},{"key":"otel.status_description","type":"string","value":"bad"}],
      "logs":[{"timestamp":12,"fields":[{"key":"event","type":"string","value":"e1"},{"key":"x","type":"int64","value":1}]}]}],
      "processes":{"p1":{"serviceName":"svc","tags":[{"key":"host","type":"string","value":"h"}]}}})";
    const ImportResult r = importTraceBytes("typed.json", json);
    ASSERT_TRUE(r.ok) << r.error.toString();
    const TraceSet &s = *r.traces;
    ASSERT_EQ(s.spanCount(), 1u);
    EXPECT_EQ(s.traceId[0].hex(), "00000000000000000000000000000abc");
    EXPECT_EQ(s.startNs[0], 10000);
    EXPECT_EQ(s.endNs[0], 15000);
    EXPECT_EQ(s.kind[0], SpanKind::Client);
    EXPECT_EQ(s.status[0], StatusCode::Error);
    EXPECT_EQ(s.strings.view(s.statusMessage[0]), "bad");
    std::vector<std::string> attrs;
    for (uint32_t i = s.attrBegin[0]; i < s.attrEnd[0]; ++i)
        attrs.push_back(attrText(s, s.attributes[i]));
    EXPECT_EQ(attrs, (std::vector<std::string>{"i=int:23456", "big=int:9223372036854775222", "b=bool:true",
                                               "f=double:72.500000", "bin=bytes:AAAwOQ=="}));
    ASSERT_EQ(s.events.size(), 1u);
    EXPECT_EQ(s.events[0].timeNs, 12000);
    EXPECT_EQ(s.strings.view(s.events[0].name), "e1");
    EXPECT_EQ(s.events[0].attrEnd - s.events[0].attrBegin, 1u);
    const Resource &res = s.resources[s.resource[0]];
    EXPECT_EQ(s.strings.view(res.service), "svc");
    EXPECT_EQ(res.attrEnd - res.attrBegin, 2u); // service.name + host
}

TEST(TraceImport, LooksLikeTraces) {
    for (const std::string &rel : corpusFiles())
        EXPECT_TRUE(looksLikeTraces(readFile(std::string(kCorpus) + "/" + rel))) << rel;
    EXPECT_FALSE(looksLikeTraces(readFile(std::string(kCorpus) + "/chrome/speedscope__trace-event_simple.json")));
    EXPECT_FALSE(looksLikeTraces(readFile(std::string(kCorpus) + "/pprof/google-pprof__sample.cpu.pb.gz")));
    EXPECT_FALSE(looksLikeTraces(
        readFile(std::string(kCorpus) + "/otlp-profiles/pyroscope__otel-ebpf-profile.otlp-v1.10.json")));
}

TEST(TraceImport, GenericImporterDispatchesTraces) {
    const std::string dir = std::string(SPANFIRE_TESTDATA_DIR) + "/../traces/data/";
    const ImportResult gz = importFile(dir + "handmade_otlp.json.gz");
    ASSERT_TRUE(gz.ok) << gz.error.toString();
    EXPECT_EQ(gz.format, "OTLP/JSON (gzip)");
    ASSERT_TRUE(gz.traces);
    EXPECT_FALSE(gz.profile);
    const TraceSet &s = *gz.traces;
    ASSERT_EQ(s.spanCount(), 3u);
    EXPECT_EQ(s.services.size(), 2u);
    EXPECT_EQ(s.traces[0].errorCount, 1u);
    EXPECT_EQ(s.traces[0].durationNs(), 100000000);
    EXPECT_EQ(s.depth[2], 2u);
    EXPECT_EQ(s.strings.view(s.serviceOf(2)), "db");
    // 100 ms root, child query 30 ms: self time 70 ms; critical path root -> query -> SELECT.
    EXPECT_EQ(s.selfTimeNs(0), 70000000);
    EXPECT_EQ(s.criticalPath(0), (std::vector<uint32_t>{0, 1, 2}));

    for (const std::string &rel : corpusFiles()) {
        const ImportResult r = importFile(std::string(kCorpus) + "/" + rel);
        ASSERT_TRUE(r.ok) << r.error.toString();
        EXPECT_TRUE(r.traces) << rel;
    }
    const ImportResult bad = importBytes("bad.zst.json", "{\"resourceSpans\": [1");
    EXPECT_FALSE(bad.ok);
    EXPECT_EQ(bad.error.file, "bad.zst.json");
}

// Other tools' JSON formats, dropped on the window by mistake or in hope,
// fail with what they are rather than a bare "not a trace document".
TEST(TraceImport, OtherToolsJsonFormatsAreNamed) {
    const std::vector<std::pair<std::string, std::string>> files = {
        {"chrome/speedscope__Chrome116_Trace-20230603T221323.json", "Chrome/Perfetto trace event file"},
        {"chrome/speedscope__trace-event_simple-object.json", "Chrome/Perfetto trace event file"},
        {"chrome/speedscope__trace-event_simple.json", "Chrome trace event file (JSON array format)"},
        {"chrome/speedscope__trace-event_multiprocess.json", "Chrome trace event file (JSON array format)"},
        {"chrome/speedscope__Chrome65_simple.cpuprofile", "V8 CPU profile"},
        {"chrome/speedscope__node10_example.cpuprofile", "V8 CPU profile"},
    };
    for (const auto &[rel, what] : files) {
        const std::string path = std::string(kCorpus) + "/" + rel;
        const ImportResult r = importFile(path);
        SCOPED_TRACE(rel);
        ASSERT_FALSE(r.ok);
        EXPECT_EQ(r.error.file, path);
        EXPECT_NE(r.error.message.find("this is a " + what), std::string::npos) << r.error.message;
        EXPECT_NE(r.error.message.find("does not read"), std::string::npos) << r.error.message;
    }
    const ImportResult speedscope =
        importBytes("s.json", R"({"$schema": "https://www.speedscope.app/file-format-schema.json", "profiles": []})");
    EXPECT_NE(speedscope.error.message.find("a speedscope profile"), std::string::npos) << speedscope.error.message;
    const ImportResult firefox = importBytes("f.json", R"({"meta": {"version": 24}, "threads": []})");
    EXPECT_NE(firefox.error.message.find("a Firefox Profiler profile"), std::string::npos) << firefox.error.message;
    // Unknown JSON keeps the general message.
    const ImportResult other = importBytes("o.json", R"({"hello": [1, 2]})");
    EXPECT_NE(other.error.message.find("no OTLP resourceSpans"), std::string::npos) << other.error.message;
}

TEST(TraceImport, ProgressAndCancel) {
    const std::vector<std::string> files = {
        "otlp-traces/jaeger__memory_otel_traces_01.json",
        "otlp-traces/derived/jaeger__memory_otel_traces_01.TracesData.binpb",
        "otlp-traces/derived/fileexporter_proto_uncompressed.bin",
        "otlp-traces/derived/fileexporter_json_lines.jsonl",
    };
    for (const std::string &rel : files) {
        SCOPED_TRACE(rel);
        const std::string bytes = readFile(std::string(kCorpus) + "/" + rel);
        std::vector<int> seen;
        ImportOptions options;
        options.progress = [&](int permille, const char *stage) {
            EXPECT_NE(stage, nullptr);
            seen.push_back(permille);
        };
        const ImportResult r = importTraceBytes(rel, bytes, options);
        ASSERT_TRUE(r.ok) << r.error.toString();
        ASSERT_FALSE(seen.empty());
        EXPECT_TRUE(std::is_sorted(seen.begin(), seen.end()));
        EXPECT_EQ(seen.back(), 1000);

        std::atomic<bool> cancel{true};
        ImportOptions cancelling;
        cancelling.cancel = &cancel;
        const ImportResult c = importTraceBytes(rel, bytes, cancelling);
        EXPECT_FALSE(c.ok);
        EXPECT_TRUE(c.error.cancelled);
        EXPECT_EQ(c.error.file, rel);
    }
}

// Single OTLP/JSON documents of 16 MiB and more are read one resourceSpans
// element at a time (traceimport.cpp, otlpElements()); smaller ones and JSON
// lines as whole DOM documents. Both paths give the same model, the same
// warnings and the same errors.
namespace {
std::string bigOtlpElement(size_t e, size_t spans) {
    char ids[96];
    std::string s = R"({"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"svc)" +
                    std::to_string(e % 7) + R"("}}]},"scopeSpans":[{"scope":{"name":"lib","version":"1"},"spans":[)";
    const std::string filler(300, 'x');
    for (size_t k = 0; k < spans; ++k) {
        const size_t trace = e / 3 + 1; // a trace spread over three elements
        const size_t id = e * spans + k + 1;
        // Parent: the previous span of the trace; every 97th points at a missing span.
        const size_t parent = (e % 3 == 0 && k == 0) ? 0 : (id % 97 == 0 ? 0xdead0000 + id : id - 1);
        std::snprintf(ids, sizeof ids, R"("traceId":"%032zx","spanId":"%016zx")", trace, id);
        if (k)
            s += ',';
        s += '{';
        s += ids;
        if (parent) {
            std::snprintf(ids, sizeof ids, R"(,"parentSpanId":"%016zx")", parent);
            s += ids;
        }
        s += R"(,"name":"op)" + std::to_string(id % 11) + R"(","kind":)" + std::to_string(id % 6) +
             R"(,"startTimeUnixNano":")" + std::to_string(1000000 + id) + R"(","endTimeUnixNano":)" +
             std::to_string(2000000 + id) + R"(,"attributes":[{"key":"pad","value":{"stringValue":")" + filler +
             R"("}},{"key":"n","value":{"intValue":")" + std::to_string(id) +
             R"("}},{"key":"ok","value":{"boolValue":true}}],"status":{"code":)" + std::to_string(id % 3) + "}}";
    }
    return s + "]}]}";
}
} // namespace

// The large-document split finds element ends by scanning strings and
// brackets: braces, brackets, escaped quotes and runs of backslashes inside
// strings (across 64-byte blocks), whitespace between the elements and
// another spelling of the key must not move them.
TEST(TraceImport, LargeSingleDocumentSplitIgnoresBracketsInStrings) {
    const std::string filler(300, 'x');
    std::string tricky;
    for (int k = 0; k < 12; ++k)
        tricky += std::string(size_t(k * 5 + 1), '\\') + std::string(size_t(k * 5 + 1), '\\') + R"(\"}]{[,)";
    const size_t elements = 1400, spans = 30;
    std::string doc = "\n{ \"resource_spans\" :\n [\n", lines;
    for (size_t e = 0; e < elements; ++e) {
        std::string el = bigOtlpElement(e, spans);
        for (size_t p = el.find(filler); p != std::string::npos; p = el.find(filler, p + tricky.size()))
            el.replace(p, filler.size(), tricky);
        doc += e ? "\n ,\t" : "  ";
        doc += el;
        lines += R"({"resourceSpans":[)" + el + "]}\n";
    }
    doc += "\r\n ]\n}\n";
    ASSERT_GT(doc.size(), size_t(16) << 20);
    const ImportResult whole = importTraceBytes("tricky.json", doc);
    const ImportResult perLine = importTraceBytes("tricky.jsonl", lines);
    ASSERT_TRUE(whole.ok) << whole.error.toString();
    ASSERT_TRUE(perLine.ok) << perLine.error.toString();
    EXPECT_EQ(whole.format, "OTLP/JSON");
    EXPECT_EQ(whole.traces->spanCount(), elements * spans);
    EXPECT_EQ(dumpSpans(*whole.traces), dumpSpans(*perLine.traces));
    const Attribute *pad = nullptr;
    for (uint32_t a = whole.traces->attrBegin[0]; a < whole.traces->attrEnd[0]; ++a)
        if (whole.traces->strings.view(whole.traces->attributes[a].key) == "pad")
            pad = &whole.traces->attributes[a];
    ASSERT_NE(pad, nullptr);
    std::string unescaped;
    for (int k = 0; k < 12; ++k)
        unescaped += std::string(size_t(k * 5 + 1), '\\') + R"("}]{[,)";
    EXPECT_EQ(whole.traces->strings.view(StringId(uint32_t(pad->bits))), unescaped);

    // An unterminated string in the last element: no split, the error of
    // the whole-document parse.
    std::string bad = doc;
    bad.insert(bad.rfind("\"pad\""), "\"");
    const ImportResult r = importTraceBytes("tricky-bad.json", bad);
    ASSERT_FALSE(r.ok);
    EXPECT_NE(r.error.message.find("invalid JSON"), std::string::npos) << r.error.message;
}

TEST(TraceImport, LargeSingleDocumentsLoadLikeJsonLines) {
    const size_t elements = 1800, spans = 30;
    std::string doc = R"({"resourceSpans":[)", lines;
    std::vector<size_t> starts; // of each element in doc
    for (size_t e = 0; e < elements; ++e) {
        const std::string el = bigOtlpElement(e, spans);
        doc += e ? "," : "";
        starts.push_back(doc.size());
        doc += el;
        lines += R"({"resourceSpans":[)" + el + "]}\n";
    }
    // A duplicate of the first element's first span, at the end.
    const std::string dup = bigOtlpElement(0, 1);
    doc += "," + dup + "]}";
    lines += R"({"resourceSpans":[)" + dup + "]}\n";
    ASSERT_GT(doc.size(), size_t(16) << 20);

    const ImportResult whole = importTraceBytes("big.json", doc);
    const ImportResult perLine = importTraceBytes("big.jsonl", lines);
    ASSERT_TRUE(whole.ok) << whole.error.toString();
    ASSERT_TRUE(perLine.ok) << perLine.error.toString();
    EXPECT_EQ(whole.format, "OTLP/JSON");
    EXPECT_EQ(whole.traces->spanCount(), elements * spans);
    EXPECT_EQ(whole.traces->traces.size(), elements / 3);
    EXPECT_EQ(dumpSpans(*whole.traces), dumpSpans(*perLine.traces));
    ASSERT_EQ(whole.warnings.size(), perLine.warnings.size());
    for (size_t i = 0; i < whole.warnings.size(); ++i) {
        EXPECT_EQ(whole.warnings[i].name, perLine.warnings[i].name);
        EXPECT_EQ(whole.warnings[i].count, perLine.warnings[i].count);
    }

    // A wrong type deep inside: the error names the element's JSON path.
    std::string badType = doc;
    const size_t at = badType.find(R"("name":"op)", badType.size() / 2);
    ASSERT_NE(at, std::string::npos);
    badType.replace(at, 10, R"("name":7,"x":"op)");
    const ImportResult r1 = importTraceBytes("badtype.json", badType);
    ASSERT_FALSE(r1.ok);
    EXPECT_EQ(r1.error.file, "badtype.json");
    const size_t element = size_t(std::upper_bound(starts.begin(), starts.end(), at) - starts.begin()) - 1;
    size_t span = 0;
    for (size_t p = doc.find(R"({"traceId")", starts[element]); p < at; p = doc.find(R"({"traceId")", p + 1))
        ++span;
    const std::string path =
        "resourceSpans[" + std::to_string(element) + "].scopeSpans[0].spans[" + std::to_string(span - 1) + "]";
    EXPECT_NE(r1.error.message.find(path), std::string::npos) << r1.error.message << " / " << path;
    EXPECT_NE(r1.error.message.find("]: expected a string"), std::string::npos) << r1.error.message;

    // A syntax error inside a late element, and one between elements: the
    // offset is the exact byte, as for a whole-document parse.
    for (const size_t from : {doc.size() * 9 / 10, size_t(0)}) {
        std::string bad = doc;
        size_t pos;
        if (from) {
            pos = bad.find("true", from);
            ASSERT_NE(pos, std::string::npos);
            bad.replace(pos, 4, "tru ");
            pos += 3;
        } else {
            pos = bad.find("]}]},{") + 4; // the comma between two elements
            bad[pos] = ';';
        }
        const ImportResult r2 = importTraceBytes("syntax.json", bad);
        ASSERT_FALSE(r2.ok);
        EXPECT_EQ(r2.error.file, "syntax.json");
        EXPECT_NE(r2.error.message.find("invalid JSON"), std::string::npos) << r2.error.message;
        ASSERT_TRUE(r2.error.hasOffset);
        EXPECT_LE(r2.error.offset, pos);
        EXPECT_GE(r2.error.offset + 8, pos) << r2.error.message;
    }
}
