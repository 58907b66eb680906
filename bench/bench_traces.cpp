// Trace import benchmarks (issue 3 §6). Generates ~1.1 M spans in memory
// (20 000 traces of 50 spans plus one trace of 100 000 spans, 10 services,
// 4 attributes per span, an event on every 5th span) and encodes them as one
// OTLP/JSON document, OTLP/JSON lines (2 000 spans per line, as the Collector
// writes) and one OTLP protobuf TracesData. Each import (bytes -> ready
// TraceSet) is measured beside its baseline in the same run: a bare simdjson
// DOM parse of the same bytes for JSON, a bare protobuf wire walk (every tag,
// varint and length of every nested message) for protobuf.
//
// Times are wall-clock (UseRealTime) and CPU is the whole process's
// (MeasureProcessCPUTime): imports of 8 MiB+ use two threads. The
// ...OneThread variants keep the import on one thread
// (ImportOptions::twoThreadsFromBytes = UINT64_MAX) for comparison.
//
// Run: bench_traces --benchmark_counters_tabular=true
//      bench_traces --write-dir=DIR   (also writes the generated files there)
#include "importers/common/wirereader.h"
#include "importers/otlp/otlpproto.h"
#include "importers/traces.h"
#include "model/spantable.h"
#include "proto/otlp_trace.pb.h"

#include <benchmark/benchmark.h>
#include <simdjson.h>

#include <cstdio>
#include <cstring>
#include <fstream>
#include <random>
#include <string>
#include <vector>

using namespace spanfire;

namespace {

struct GenSpan {
    uint8_t trace[16];
    uint64_t id, parent;
    int64_t start, end;
    int service, name, kind;
    bool error, event;
    int64_t attrInt;
    double attrDouble;
};

constexpr int kServices = 10;
const char *kNames[] = {"GET /api/items", "SELECT items",  "cache.get",     "POST /checkout", "render",
                        "auth.verify",    "queue.publish", "queue.consume", "grpc.Call",      "http.client"};

std::vector<GenSpan> generate() {
    std::vector<GenSpan> spans;
    std::mt19937_64 rng(42);
    auto makeTrace = [&](uint64_t traceNo, int count, int64_t t0) {
        const size_t first = spans.size();
        for (int i = 0; i < count; ++i) {
            GenSpan s{};
            std::memset(s.trace, 0, 16);
            for (int b = 0; b < 8; ++b)
                s.trace[8 + b] = uint8_t(traceNo >> (8 * (7 - b)));
            s.trace[0] = 0x5f;
            s.id = (traceNo << 20) + uint64_t(i) + 1;
            if (i == 0) {
                s.parent = 0;
                s.start = t0;
                s.end = t0 + 50'000'000 + int64_t(rng() % 50'000'000);
            } else {
                // Parent among the previous 1..8 spans: deep and wide trees.
                const size_t p = first + size_t(i) - 1 - size_t(rng() % std::min<uint64_t>(uint64_t(i), 8));
                const GenSpan &ps = spans[p];
                s.parent = ps.id;
                const int64_t len = std::max<int64_t>(1, ps.end - ps.start);
                s.start = ps.start + int64_t(rng() % uint64_t(len));
                s.end = s.start + int64_t(rng() % uint64_t(std::max<int64_t>(1, ps.end - s.start)));
            }
            s.service = int(rng() % kServices);
            s.name = int(rng() % 10);
            s.kind = int(rng() % 6);
            s.error = rng() % 100 == 0;
            s.event = i % 5 == 0;
            s.attrInt = int64_t(rng() % 100000);
            s.attrDouble = double(rng() % 1000) / 7.0;
            spans.push_back(s);
        }
    };
    // Exporters batch spans by resource: emit each trace's spans grouped by service.
    auto groupByService = [&](size_t first) {
        std::stable_sort(spans.begin() + long(first), spans.end(),
                         [](const GenSpan &a, const GenSpan &b) { return a.service < b.service; });
    };
    for (uint64_t t = 0; t < 20000; ++t) {
        const size_t first = spans.size();
        makeTrace(t + 1, 50, 1'700'000'000'000'000'000 + int64_t(t) * 1'000'000);
        groupByService(first);
    }
    const size_t first = spans.size();
    makeTrace(999999, 100000, 1'700'000'000'000'000'000);
    groupByService(first);
    return spans;
}

// ---- OTLP/JSON ------------------------------------------------------------------

void hex(std::string &out, const uint8_t *b, size_t n) {
    static const char d[] = "0123456789abcdef";
    for (size_t i = 0; i < n; ++i) {
        out.push_back(d[b[i] >> 4]);
        out.push_back(d[b[i] & 15]);
    }
}
void hex64(std::string &out, uint64_t v) {
    uint8_t b[8];
    for (int i = 0; i < 8; ++i)
        b[i] = uint8_t(v >> (8 * (7 - i)));
    hex(out, b, 8);
}

void jsonSpan(std::string &o, const GenSpan &s) {
    o += "{\"traceId\":\"";
    hex(o, s.trace, 16);
    o += "\",\"spanId\":\"";
    hex64(o, s.id);
    o += "\"";
    if (s.parent) {
        o += ",\"parentSpanId\":\"";
        hex64(o, s.parent);
        o += "\"";
    }
    o += ",\"name\":\"";
    o += kNames[s.name];
    o += "\",\"kind\":" + std::to_string(s.kind);
    o += ",\"startTimeUnixNano\":\"" + std::to_string(s.start) + "\",\"endTimeUnixNano\":\"" + std::to_string(s.end) +
         "\"";
    o += ",\"attributes\":[{\"key\":\"http.method\",\"value\":{\"stringValue\":\"GET\"}},"
         "{\"key\":\"http.status_code\",\"value\":{\"intValue\":\"" +
         std::to_string(s.attrInt) +
         "\"}},{\"key\":\"cache.hit\",\"value\":{\"boolValue\":" + (s.attrInt % 2 ? "true" : "false") +
         "}},{\"key\":\"ratio\",\"value\":{\"doubleValue\":" + std::to_string(s.attrDouble) + "}}]";
    if (s.event)
        o += ",\"events\":[{\"timeUnixNano\":\"" + std::to_string(s.start) +
             "\",\"name\":\"checkpoint\",\"attributes\":[{\"key\":\"n\",\"value\":{\"intValue\":\"1\"}}]}]";
    o += ",\"status\":{";
    if (s.error)
        o += "\"code\":2,\"message\":\"failed\"";
    o += "}}";
}

// One TracesData document for spans[b, e): one resourceSpans per service run.
void jsonDocument(std::string &o, const std::vector<GenSpan> &spans, size_t b, size_t e) {
    o += "{\"resourceSpans\":[";
    size_t i = b;
    bool firstRs = true;
    while (i < e) {
        const int svc = spans[i].service;
        if (!firstRs)
            o += ",";
        firstRs = false;
        o += "{\"resource\":{\"attributes\":[{\"key\":\"service.name\",\"value\":{\"stringValue\":\"service-" +
             std::to_string(svc) +
             "\"}}]},\"scopeSpans\":[{\"scope\":{\"name\":\"bench\",\"version\":\"1.0\"},\"spans\":[";
        bool first = true;
        for (; i < e && spans[i].service == svc; ++i) {
            if (!first)
                o += ",";
            first = false;
            jsonSpan(o, spans[i]);
        }
        o += "]}]}";
    }
    o += "]}";
}

// ---- OTLP protobuf -----------------------------------------------------------------

void varint(std::string &o, uint64_t v) {
    while (v >= 0x80) {
        o.push_back(char(v | 0x80));
        v >>= 7;
    }
    o.push_back(char(v));
}
void tag(std::string &o, uint32_t field, int type) {
    varint(o, (uint64_t(field) << 3) | uint64_t(type));
}
void lenField(std::string &o, uint32_t field, const std::string &payload) {
    tag(o, field, 2);
    varint(o, payload.size());
    o += payload;
}
void fixed64(std::string &o, uint32_t field, uint64_t v) {
    tag(o, field, 1);
    for (int i = 0; i < 8; ++i)
        o.push_back(char(v >> (8 * i)));
}
std::string kv(const std::string &key, const std::string &anyValue) {
    std::string k;
    lenField(k, 1, key);
    lenField(k, 2, anyValue);
    return k;
}
std::string anyString(const std::string &s) {
    std::string a;
    lenField(a, 1, s);
    return a;
}
std::string anyInt(int64_t v) {
    std::string a;
    tag(a, 3, 0);
    varint(a, uint64_t(v));
    return a;
}

std::string protoSpan(const GenSpan &s) {
    std::string o;
    lenField(o, 1, std::string(reinterpret_cast<const char *>(s.trace), 16));
    std::string id(8, '\0'), parent(8, '\0');
    for (int i = 0; i < 8; ++i) {
        id[size_t(i)] = char(s.id >> (8 * (7 - i)));
        parent[size_t(i)] = char(s.parent >> (8 * (7 - i)));
    }
    lenField(o, 2, id);
    if (s.parent)
        lenField(o, 4, parent);
    lenField(o, 5, kNames[s.name]);
    tag(o, 6, 0);
    varint(o, uint64_t(s.kind));
    fixed64(o, 7, uint64_t(s.start));
    fixed64(o, 8, uint64_t(s.end));
    lenField(o, 9, kv("http.method", anyString("GET")));
    lenField(o, 9, kv("http.status_code", anyInt(s.attrInt)));
    std::string b;
    tag(b, 2, 0);
    varint(b, uint64_t(s.attrInt % 2));
    lenField(o, 9, kv("cache.hit", b));
    std::string d;
    uint64_t bits;
    std::memcpy(&bits, &s.attrDouble, 8);
    fixed64(d, 4, bits);
    lenField(o, 9, kv("ratio", d));
    if (s.event) {
        std::string ev;
        fixed64(ev, 1, uint64_t(s.start));
        lenField(ev, 2, "checkpoint");
        lenField(ev, 3, kv("n", anyInt(1)));
        lenField(o, 11, ev);
    }
    std::string st;
    if (s.error) {
        lenField(st, 2, "failed");
        tag(st, 3, 0);
        varint(st, 2);
    }
    lenField(o, 15, st);
    return o;
}

std::string protoDocument(const std::vector<GenSpan> &spans) {
    std::string o;
    size_t i = 0;
    while (i < spans.size()) {
        const int svc = spans[i].service;
        std::string scopeSpans, scope;
        lenField(scope, 1, "bench");
        lenField(scope, 2, "1.0");
        lenField(scopeSpans, 1, scope);
        for (; i < spans.size() && spans[i].service == svc; ++i)
            lenField(scopeSpans, 2, protoSpan(spans[i]));
        std::string resource, rs;
        lenField(resource, 1, kv("service.name", anyString("service-" + std::to_string(svc))));
        lenField(rs, 1, resource);
        lenField(rs, 2, scopeSpans);
        lenField(o, 1, rs);
    }
    return o;
}

struct Data {
    size_t spans = 0;
    std::string json, jsonLines, proto;
};

const Data &data() {
    static const Data d = [] {
        Data x;
        const std::vector<GenSpan> spans = generate();
        x.spans = spans.size();
        jsonDocument(x.json, spans, 0, spans.size());
        for (size_t b = 0; b < spans.size(); b += 2000) {
            jsonDocument(x.jsonLines, spans, b, std::min(spans.size(), b + 2000));
            x.jsonLines += "\n";
        }
        x.proto = protoDocument(spans);
        return x;
    }();
    return d;
}

// ---- baselines -----------------------------------------------------------------

// Message kinds of the OTLP traces schema, to descend into every nested message.
enum Msg {
    kTracesData,
    kResourceSpans,
    kResource,
    kScopeSpans,
    kScope,
    kSpan,
    kKeyValue,
    kAnyValue,
    kEvent,
    kLink,
    kStatus,
    kList,
    kNone
};

Msg child(Msg m, uint32_t f) {
    switch (m) {
    case kTracesData:
        return f == 1 ? kResourceSpans : kNone;
    case kResourceSpans:
        return f == 1 ? kResource : f == 2 ? kScopeSpans : kNone;
    case kResource:
        return f == 1 ? kKeyValue : kNone;
    case kScopeSpans:
        return f == 1 ? kScope : f == 2 ? kSpan : kNone;
    case kScope:
        return f == 3 ? kKeyValue : kNone;
    case kSpan:
        return f == 9 ? kKeyValue : f == 11 ? kEvent : f == 13 ? kLink : f == 15 ? kStatus : kNone;
    case kKeyValue:
        return f == 2 ? kAnyValue : kNone;
    case kAnyValue:
        return f == 5 || f == 6 ? kList : kNone;
    case kList:
        return kAnyValue; // good enough for a walk: visits every byte
    case kEvent:
        return f == 3 ? kKeyValue : kNone;
    case kLink:
        return f == 4 ? kKeyValue : kNone;
    default:
        return kNone;
    }
}

uint64_t walk(WireReader r, Msg m) {
    uint64_t acc = 0;
    uint32_t f;
    WireType t;
    while (r.next(f, t)) {
        acc += f;
        if (t == WireType::Len) {
            const Msg c = child(m, f);
            if (c != kNone)
                acc += walk(r.sub(), c);
            else
                acc += r.bytesView().size();
        } else if (t == WireType::Varint) {
            acc += r.varint();
        } else {
            r.skip(t);
        }
    }
    return acc;
}

void reportModel(benchmark::State &state, const ImportResult &r, size_t inputBytes) {
    if (!r.ok || !r.traces) {
        state.SkipWithError(r.error.toString().c_str());
        return;
    }
    state.counters["spans"] = double(r.traces->spanCount());
    state.counters["model_MB"] = double(r.traces->memoryBytes()) / 1e6;
    state.counters["model/input"] = double(r.traces->memoryBytes()) / double(inputBytes);
}

void BM_JsonBareDomParse(benchmark::State &state) {
    const std::string &json = data().json;
    const simdjson::padded_string padded(json);
    simdjson::dom::parser parser;
    for (auto _ : state) {
        simdjson::dom::element root;
        if (parser.parse(padded).get(root))
            state.SkipWithError("parse failed");
        benchmark::DoNotOptimize(root);
    }
    state.SetBytesProcessed(int64_t(state.iterations() * json.size()));
    state.counters["input_MB"] = double(json.size()) / 1e6;
}

// The same parse as a one-off load pays it: a fresh parser (its buffers are
// allocated and first touched) and the padded copy of the input.
void BM_JsonBareDomParseFresh(benchmark::State &state) {
    const std::string &json = data().json;
    for (auto _ : state) {
        const simdjson::padded_string padded(json);
        simdjson::dom::parser parser;
        simdjson::dom::element root;
        if (parser.parse(padded).get(root))
            state.SkipWithError("parse failed");
        benchmark::DoNotOptimize(root);
    }
    state.SetBytesProcessed(int64_t(state.iterations() * json.size()));
}

// Bytes -> ready TraceSet, with the model's size as counters.
void importBench(benchmark::State &state, const std::string &bytes, const char *name, const ImportOptions &options) {
    ImportResult r;
    for (auto _ : state)
        r = importTraceBytes(name, bytes, options);
    state.SetBytesProcessed(int64_t(state.iterations() * bytes.size()));
    reportModel(state, r, bytes.size());
}

ImportOptions oneThread() {
    ImportOptions o;
    o.twoThreadsFromBytes = UINT64_MAX;
    return o;
}

void BM_JsonImport(benchmark::State &state) {
    importBench(state, data().json, "bench.json", ImportOptions());
}

void BM_JsonImportOneThread(benchmark::State &state) {
    importBench(state, data().json, "bench.json", oneThread());
}

void BM_JsonLinesBareParse(benchmark::State &state) {
    const std::string &text = data().jsonLines;
    const simdjson::padded_string padded(text);
    simdjson::dom::parser parser;
    for (auto _ : state) {
        simdjson::dom::document_stream stream;
        if (parser.parse_many(padded.data(), padded.size(), padded.size() + 64).get(stream))
            state.SkipWithError("parse failed");
        size_t docs = 0;
        for (auto doc : stream) {
            simdjson::dom::element root;
            if (doc.get(root))
                state.SkipWithError("parse failed");
            ++docs;
        }
        benchmark::DoNotOptimize(docs);
    }
    state.SetBytesProcessed(int64_t(state.iterations() * text.size()));
    state.counters["input_MB"] = double(text.size()) / 1e6;
}

void BM_JsonLinesImport(benchmark::State &state) {
    importBench(state, data().jsonLines, "bench.jsonl", ImportOptions());
}

void BM_JsonLinesImportOneThread(benchmark::State &state) {
    importBench(state, data().jsonLines, "bench.jsonl", oneThread());
}

void BM_ProtoWireWalk(benchmark::State &state) {
    const std::string &pb = data().proto;
    for (auto _ : state)
        benchmark::DoNotOptimize(walk(WireReader(pb), kTracesData));
    state.SetBytesProcessed(int64_t(state.iterations() * pb.size()));
    state.counters["input_MB"] = double(pb.size()) / 1e6;
}

void BM_ProtoImport(benchmark::State &state) {
    importBench(state, data().proto, "bench.binpb", ImportOptions());
}

void BM_ProtoImportOneThread(benchmark::State &state) {
    importBench(state, data().proto, "bench.binpb", oneThread());
}

// The alternative the wire walk was chosen over: libprotobuf generated
// classes parsing the same bytes (objects only, no model built).
void BM_ProtoGeneratedClassesParse(benchmark::State &state) {
    const std::string &pb = data().proto;
    for (auto _ : state) {
        opentelemetry::proto::trace::v1::TracesData msg;
        if (!msg.ParseFromString(pb))
            state.SkipWithError("parse failed");
        benchmark::DoNotOptimize(msg.resource_spans_size());
    }
    state.SetBytesProcessed(int64_t(state.iterations() * pb.size()));
}

// Stage split of BM_ProtoImport: decoding into the builder, then finish().
void BM_ProtoDecodeOnly(benchmark::State &state) {
    const std::string &pb = data().proto;
    for (auto _ : state) {
        TraceSetBuilder b;
        ProtoTraceError err;
        if (!readOtlpTracesProto(b, pb, &err))
            state.SkipWithError(err.message.c_str());
        state.PauseTiming();
        b.finish(); // not measured here
        state.ResumeTiming();
    }
    state.SetBytesProcessed(int64_t(state.iterations() * pb.size()));
}

void BM_ProtoFinishOnly(benchmark::State &state) {
    const std::string &pb = data().proto;
    for (auto _ : state) {
        state.PauseTiming();
        TraceSetBuilder b;
        ProtoTraceError err;
        if (!readOtlpTracesProto(b, pb, &err))
            state.SkipWithError(err.message.c_str());
        state.ResumeTiming();
        benchmark::DoNotOptimize(b.finish());
    }
    state.counters["spans"] = double(data().spans);
}

BENCHMARK(BM_JsonBareDomParse)->Unit(benchmark::kMillisecond)->Iterations(3)->UseRealTime()->MeasureProcessCPUTime();
BENCHMARK(BM_JsonBareDomParseFresh)
    ->Unit(benchmark::kMillisecond)
    ->Iterations(3)
    ->UseRealTime()
    ->MeasureProcessCPUTime();
BENCHMARK(BM_JsonImport)->Unit(benchmark::kMillisecond)->Iterations(3)->UseRealTime()->MeasureProcessCPUTime();
BENCHMARK(BM_JsonImportOneThread)->Unit(benchmark::kMillisecond)->Iterations(3)->UseRealTime()->MeasureProcessCPUTime();
BENCHMARK(BM_JsonLinesBareParse)->Unit(benchmark::kMillisecond)->Iterations(3)->UseRealTime()->MeasureProcessCPUTime();
BENCHMARK(BM_JsonLinesImport)->Unit(benchmark::kMillisecond)->Iterations(3)->UseRealTime()->MeasureProcessCPUTime();
BENCHMARK(BM_JsonLinesImportOneThread)
    ->Unit(benchmark::kMillisecond)
    ->Iterations(3)
    ->UseRealTime()
    ->MeasureProcessCPUTime();
BENCHMARK(BM_ProtoWireWalk)->Unit(benchmark::kMillisecond)->Iterations(3)->UseRealTime()->MeasureProcessCPUTime();
BENCHMARK(BM_ProtoImport)->Unit(benchmark::kMillisecond)->Iterations(3)->UseRealTime()->MeasureProcessCPUTime();
BENCHMARK(BM_ProtoImportOneThread)
    ->Unit(benchmark::kMillisecond)
    ->Iterations(3)
    ->UseRealTime()
    ->MeasureProcessCPUTime();
BENCHMARK(BM_ProtoGeneratedClassesParse)
    ->Unit(benchmark::kMillisecond)
    ->Iterations(3)
    ->UseRealTime()
    ->MeasureProcessCPUTime();
BENCHMARK(BM_ProtoDecodeOnly)->Unit(benchmark::kMillisecond)->Iterations(3)->UseRealTime()->MeasureProcessCPUTime();
BENCHMARK(BM_ProtoFinishOnly)->Unit(benchmark::kMillisecond)->Iterations(3)->UseRealTime()->MeasureProcessCPUTime();

} // namespace

int main(int argc, char **argv) {
    std::string writeDir;
    std::vector<char *> args;
    for (int i = 0; i < argc; ++i) {
        if (std::strncmp(argv[i], "--write-dir=", 12) == 0)
            writeDir = argv[i] + 12;
        else
            args.push_back(argv[i]);
    }
    if (!writeDir.empty()) {
        const Data &d = data();
        std::ofstream(writeDir + "/traces-1m.json", std::ios::binary) << d.json;
        std::ofstream(writeDir + "/traces-1m.jsonl", std::ios::binary) << d.jsonLines;
        std::ofstream(writeDir + "/traces-1m.binpb", std::ios::binary) << d.proto;
        std::printf("wrote %zu spans to %s/traces-1m.{json,jsonl,binpb}\n", d.spans, writeDir.c_str());
    }
    int n = int(args.size());
    benchmark::Initialize(&n, args.data());
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
