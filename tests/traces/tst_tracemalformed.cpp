// Malformed trace inputs: truncated corpus files, wrong JSON types, empty and
// random bytes. Each must give an error naming the file (and an offset where
// one is known), never a crash or a hang.
#include "importers/traces.h"

#include <gtest/gtest.h>

#include <fstream>
#include <random>
#include <sstream>

using namespace spanfire;

namespace {

std::string readFile(const std::string &path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

const std::string kCorpus = SPANFIRE_CORPUS_DIR;

void expectFailureNamingFile(const ImportResult &r, const std::string &name) {
    EXPECT_FALSE(r.ok);
    EXPECT_EQ(r.error.file, name);
    EXPECT_FALSE(r.error.message.empty());
    EXPECT_NE(r.error.toString().find(name), std::string::npos);
}

} // namespace

TEST(TraceMalformed, Empty) {
    expectFailureNamingFile(importTraceBytes("empty.json", ""), "empty.json");
    expectFailureNamingFile(importTraceBytes("blank.json", "   \n"), "blank.json");
}

TEST(TraceMalformed, TruncatedSingleDocumentsFailWithOffset) {
    const char *files[] = {
        "otlp-traces/jaeger__memory_otel_traces_01.json",
        "otlp-traces/otel-proto__examples_trace.json",
        "jaeger/jaeger__uimodel_ui_01.json",
        "zipkin/zipkin__lens_yelp.json",
    };
    for (const char *rel : files) {
        const std::string bytes = readFile(kCorpus + "/" + rel);
        ASSERT_FALSE(bytes.empty());
        for (double frac : {0.05, 0.3, 0.5, 0.77, 0.99}) {
            const size_t cut = size_t(double(bytes.size()) * frac);
            const std::string name = std::string(rel) + "@" + std::to_string(cut);
            const ImportResult r = importTraceBytes(name, std::string_view(bytes).substr(0, cut));
            SCOPED_TRACE(name);
            expectFailureNamingFile(r, name);
            EXPECT_TRUE(r.error.hasOffset);
            EXPECT_LE(r.error.offset, cut);
        }
    }
}

TEST(TraceMalformed, TruncatedBinaryAndFramedFilesNeverCrash) {
    const char *files[] = {
        "otlp-traces/derived/jaeger__memory_otel_traces_01.TracesData.binpb",
        "otlp-traces/derived/fileexporter_proto_uncompressed.bin",
        "otlp-traces/derived/fileexporter_proto_zstd_legacy_per_record.bin",
        "otlp-traces/derived/fileexporter_json_zstd_legacy_per_record.bin",
        "otlp-traces/derived/fileexporter_proto_native.bin.zst",
        "otlp-traces/derived/fileexporter_json_lines_native.jsonl.zst",
        "otlp-traces/derived/fileexporter_json_lines.jsonl",
    };
    for (const char *rel : files) {
        const std::string bytes = readFile(kCorpus + "/" + rel);
        ASSERT_FALSE(bytes.empty());
        const ImportResult whole = importTraceBytes(rel, bytes);
        ASSERT_TRUE(whole.ok) << whole.error.toString();
        size_t reported = 0, cuts = 0;
        for (size_t cut = 1; cut < bytes.size(); cut += std::max<size_t>(1, bytes.size() / 37)) {
            const std::string name = std::string(rel) + "@" + std::to_string(cut);
            const ImportResult r = importTraceBytes(name, std::string_view(bytes).substr(0, cut));
            ++cuts;
            if (!r.ok) {
                ++reported;
                EXPECT_EQ(r.error.file, name);
                EXPECT_FALSE(r.error.message.empty());
                continue;
            }
            // File-exporter records cut inside a record after whole ones:
            // the whole records load, and a warning says the file ends early.
            bool warned = false;
            for (const NamedCount &w : r.warnings)
                warned = warned || w.name.rfind("file exporter records: the file ends inside a record", 0) == 0;
            if (warned) {
                ++reported;
                EXPECT_LT(r.traces->spanCount(), whole.traces->spanCount()) << name;
            }
        }
        // Most cuts land inside a record or message and must be reported.
        EXPECT_GT(reported * 2, cuts) << rel;
    }
    // A cut in the middle of the one-message protobuf file is always an error.
    const std::string pb = readFile(kCorpus + "/otlp-traces/derived/jaeger__memory_otel_traces_01.TracesData.binpb");
    const ImportResult r = importTraceBytes("half.binpb", std::string_view(pb).substr(0, pb.size() / 2));
    expectFailureNamingFile(r, "half.binpb");
    EXPECT_TRUE(r.error.hasOffset);
}

TEST(TraceMalformed, WrongJsonTypesNameThePath) {
    struct Case {
        const char *json;
        const char *mentions;
    };
    const std::string ids = R"("traceId":"5b8efff798038103d269b633813fc60c","spanId":"eee19b7ec3c1b174")";
    const std::vector<Case> cases = {
        {R"({"resourceSpans": 5})", "resourceSpans"},
        {R"({"resourceSpans": [{"scopeSpans": {"spans": []}}]})", "scopeSpans"},
        {R"({"resourceSpans": [{"scopeSpans": [{"spans": [7]}]}]})", "spans[0]"},
        {nullptr, "startTimeUnixNano"},
        {R"({"data": [{"spans": [{"traceID": "1", "spanID": "2", "startTime": true}]}]})", "startTime"},
        {R"([{"traceId": "1", "id": "2", "duration": "ten"}])", "duration"},
        {R"({"foo": 1})", "not a trace document"},
        {R"([1, 2, 3])", "not a trace document"},
    };
    for (const Case &c : cases) {
        const std::string json =
            c.json ? std::string(c.json)
                   : R"({"resourceSpans":[{"scopeSpans":[{"spans":[{)" + ids + R"(,"startTimeUnixNano":{}}]}]}]})";
        const ImportResult r = importTraceBytes("bad.json", json);
        SCOPED_TRACE(json);
        expectFailureNamingFile(r, "bad.json");
        EXPECT_NE(r.error.message.find(c.mentions), std::string::npos) << r.error.message;
    }
}

// Integers written as JSON doubles convert only inside [-2^63, 2^63): below or
// at the edge the conversion was undefined (the fuzzer found -9.2234e18).
TEST(TraceMalformed, IntegersOutsideInt64AsDoublesAreRejected) {
    const auto jaeger = [](const std::string &start, const std::string &duration) {
        return R"({"data":[{"traceID":"1","spans":[{"traceID":"1","spanID":"2","operationName":"x","startTime":)" +
               start + R"(,"duration":)" + duration +
               R"(,"processID":"p1"}],"processes":{"p1":{"serviceName":"s"}}}]})";
    };
    for (const char *bad : {"-9.2233720368547779e18", "9.2233720368547758e18", "1e19", "-1e300"}) {
        const ImportResult r = importTraceBytes("range.json", jaeger(bad, "1"));
        SCOPED_TRACE(bad);
        expectFailureNamingFile(r, "range.json");
        EXPECT_NE(r.error.message.find("startTime: integer out of range"), std::string::npos) << r.error.message;
    }
    const ImportResult frac = importTraceBytes("range.json", jaeger("1.5", "1"));
    EXPECT_NE(frac.error.message.find("fractional"), std::string::npos) << frac.error.message;
    // The edges themselves and ordinary exponent forms still load.
    for (const char *good : {"-9.223372036854775808e18", "1.6e15", "0.0"}) {
        const ImportResult r = importTraceBytes("range.json", jaeger(good, "2e3"));
        SCOPED_TRACE(good);
        ASSERT_TRUE(r.ok) << r.error.toString();
        ASSERT_EQ(r.traces->spanCount(), 1u);
    }
}

TEST(TraceMalformed, JsonSyntaxErrorsGiveExactOffsets) {
    const std::string doc = "{\"resourceSpans\": [}\n";
    const ImportResult r = importTraceBytes("syntax.json", doc);
    expectFailureNamingFile(r, "syntax.json");
    ASSERT_TRUE(r.error.hasOffset);
    EXPECT_EQ(r.error.offset, doc.find('}'));

    // Second line of a JSON lines file broken: the offset points into that line.
    const std::string good = R"({"resourceSpans":[]})";
    const std::string lines = good + "\n" + R"({"resourceSpans":[{"resource":{"attributes":[}}]})" + "\n";
    const ImportResult r2 = importTraceBytes("lines.jsonl", lines);
    expectFailureNamingFile(r2, "lines.jsonl");
    ASSERT_TRUE(r2.error.hasOffset);
    EXPECT_GT(r2.error.offset, good.size());
}

TEST(TraceMalformed, RandomBytesNeverCrash) {
    std::mt19937 rng(1234);
    for (int i = 0; i < 300; ++i) {
        std::string bytes(1 + rng() % 400, '\0');
        for (char &c : bytes)
            c = char(rng());
        if (i % 3 == 0)
            bytes[0] = '{';
        if (i % 5 == 0) {
            bytes[0] = 0; // looks like a framed record
            bytes[1] = 0;
            bytes[2] = 0;
        }
        const std::string name = "random" + std::to_string(i);
        const ImportResult r = importTraceBytes(name, bytes);
        if (!r.ok) {
            EXPECT_EQ(r.error.file, name);
        }
    }
}

TEST(TraceMalformed, CorruptedBytesInsideValidFilesNeverCrash) {
    const char *files[] = {
        "otlp-traces/derived/jaeger__memory_otel_traces_01.TracesData.binpb",
        "otlp-traces/jaeger__memory_otel_traces_01.json",
        "zipkin/zipkin__lens_ascend.json",
        "jaeger/jaeger__otlp2jaeger-out.json",
    };
    std::mt19937 rng(99);
    for (const char *rel : files) {
        const std::string original = readFile(kCorpus + "/" + rel);
        for (int i = 0; i < 200; ++i) {
            std::string bytes = original;
            for (int k = 0; k < 3; ++k)
                bytes[rng() % bytes.size()] = char(rng());
            const ImportResult r = importTraceBytes(rel, bytes);
            if (!r.ok) {
                EXPECT_EQ(r.error.file, rel);
            } else {
                EXPECT_TRUE(r.traces);
            }
        }
    }
}

TEST(TraceMalformed, LenientInputsAreAccepted) {
    // snake_case keys, enum names, base64 ids, numbers for int64, old
    // instrumentationLibrarySpans, NaN doubles, unknown keys.
    const std::string json =
        R"({"resource_spans":[{"resource":{"attributes":[{"key":"service.name","value":{"string_value":"svc"}}]},
      "instrumentationLibrarySpans":[{"instrumentationLibrary":{"name":"old"},"spans":[
        {"trace_id":"W47/95gDgQPSabYzgT/GDA==","span_id":"7uGbfsPBsXQ=","kind":"SPAN_KIND_CLIENT",
         "start_time_unix_nano":1000,"end_time_unix_nano":"3000","unknownKey":{"x":[1,2]},
         "status":{"code":"STATUS_CODE_ERROR","message":"boom"},
         "attributes":[{"key":"d","value":{"doubleValue":"NaN"}},{"key":"i","value":{"intValue":42}},
                       {"key":"a","value":{"arrayValue":{"values":[{"stringValue":"x"},{"intValue":"1"}]}}},
                       {"key":"k","value":{"kvlistValue":{"values":[{"key":"z","value":{"boolValue":true}}]}}},
                       {"key":"b","value":{"bytesValue":"AQID"}}]}]}]}]})";
    const ImportResult r = importTraceBytes("lenient.json", json);
    ASSERT_TRUE(r.ok) << r.error.toString();
    const TraceSet &s = *r.traces;
    ASSERT_EQ(s.spanCount(), 1u);
    EXPECT_EQ(s.traceId[0].hex(), "5b8efff798038103d269b633813fc60c");
    EXPECT_EQ(spanIdHex(s.spanId[0]), "eee19b7ec3c1b174");
    EXPECT_EQ(s.kind[0], SpanKind::Client);
    EXPECT_EQ(s.status[0], StatusCode::Error);
    EXPECT_EQ(s.durationNs(0), 2000);
    EXPECT_EQ(s.strings.view(s.scopes[s.scope[0]].name), "old");
    EXPECT_EQ(s.strings.view(s.serviceOf(0)), "svc");
    ASSERT_EQ(s.attrEnd[0] - s.attrBegin[0], 5u);
    EXPECT_EQ(s.strings.view(StringId(uint32_t(s.attributes[s.attrBegin[0] + 2].bits))), R"(["x",1])");
    EXPECT_EQ(s.strings.view(StringId(uint32_t(s.attributes[s.attrBegin[0] + 3].bits))), R"({"z":true})");
    EXPECT_EQ(s.strings.view(StringId(uint32_t(s.attributes[s.attrBegin[0] + 4].bits))), "AQID");
}

TEST(TraceMalformed, DeeplyNestedAttributeValuesAreRejected) {
    // AnyValue{array_value: ArrayValue{values: AnyValue{array_value: ...}}} nested 1000 times (the limit is 128).
    std::string value;
    for (int i = 0; i < 1000; ++i) {
        std::string arr;
        arr.push_back(0x0a); // ArrayValue.values (1, LEN)
        auto putLen = [](std::string &o, size_t n) {
            while (n >= 0x80) {
                o.push_back(char(n | 0x80));
                n >>= 7;
            }
            o.push_back(char(n));
        };
        putLen(arr, value.size());
        arr += value;
        std::string any;
        any.push_back(0x2a); // AnyValue.array_value (5, LEN)
        putLen(any, arr.size());
        any += arr;
        value.swap(any);
        if (value.size() > (1u << 22))
            break;
    }
    auto lenField = [](uint8_t key, const std::string &payload) {
        std::string o;
        o.push_back(char(key));
        size_t n = payload.size();
        while (n >= 0x80) {
            o.push_back(char(n | 0x80));
            n >>= 7;
        }
        o.push_back(char(n));
        return o + payload;
    };
    const std::string kv = lenField(0x0a, "k") + lenField(0x12, value);
    const std::string span = lenField(0x0a, std::string(16, '\1')) + lenField(0x12, std::string(8, '\2')) +
                             lenField(0x4a, kv); // Span.attributes (9, LEN)
    const std::string scopeSpans = lenField(0x12, span);
    const std::string resourceSpans = lenField(0x12, scopeSpans);
    const std::string data = lenField(0x0a, resourceSpans);
    const ImportResult r = importTraceBytes("nested.binpb", data);
    expectFailureNamingFile(r, "nested.binpb");
    EXPECT_NE(r.error.message.find("nested too deeply"), std::string::npos) << r.error.message;

    // The JSON reader relies on simdjson's depth limit.
    std::string json =
        R"({"resourceSpans":[{"scopeSpans":[{"spans":[{"traceId":"01","spanId":"02","attributes":[{"key":"k","value":)";
    for (int i = 0; i < 5000; ++i)
        json += R"({"arrayValue":{"values":[)";
    json += "{}";
    for (int i = 0; i < 5000; ++i)
        json += "]}}";
    json += "}]}]}]}]}";
    expectFailureNamingFile(importTraceBytes("nested.json", json), "nested.json");
}

// The Collector's file exporter appends records: a file cut inside its last
// record (still being written, or the collector killed) loads its whole
// records with a warning; cut inside the first record it is an error.
TEST(TraceMalformed, FileExporterRecordsCutInTheLastRecordLoadTheWholeOnes) {
    const std::string bytes = readFile(kCorpus + "/otlp-traces/derived/fileexporter_proto_uncompressed.bin");
    std::vector<size_t> starts;
    for (size_t off = 0; off + 4 <= bytes.size();) {
        starts.push_back(off);
        const auto *p = reinterpret_cast<const unsigned char *>(bytes.data() + off);
        off += 4 + (size_t(p[0]) << 24 | size_t(p[1]) << 16 | size_t(p[2]) << 8 | size_t(p[3]));
    }
    ASSERT_GE(starts.size(), 2u);
    const size_t last = starts.back();
    const ImportResult whole = importTraceBytes("before.bin", std::string_view(bytes).substr(0, last));
    ASSERT_TRUE(whole.ok) << whole.error.toString();
    const ImportResult cut = importTraceBytes("cut.bin", std::string_view(bytes).substr(0, last + 4 + 10));
    ASSERT_TRUE(cut.ok) << cut.error.toString();
    EXPECT_EQ(cut.traces->spanCount(), whole.traces->spanCount());
    bool warned = false;
    for (const NamedCount &w : cut.warnings)
        warned = warned || w.name.find("the file ends inside a record") != std::string::npos;
    EXPECT_TRUE(warned);
    const ImportResult first = importTraceBytes("first.bin", std::string_view(bytes).substr(0, starts[1] - 3));
    expectFailureNamingFile(first, "first.bin");
    EXPECT_NE(first.error.message.find("record 0 claims"), std::string::npos) << first.error.message;
    EXPECT_EQ(first.error.offset, 0u);
}
