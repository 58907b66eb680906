// The hand-written OTLP wire walk checked against libprotobuf's generated
// classes (importers/proto/otlp_trace.proto): messages built and serialized by
// libprotobuf decode to the expected model, every attribute kind included,
// and the equivalent OTLP/JSON loads into the identical model.
#include "importers/otlp/otlpproto.h"
#include "importers/traces.h"
#include "proto/otlp_trace.pb.h"
#include "tracedump.h"

#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <random>
#include <sstream>

using namespace spanfire;
namespace pb = opentelemetry::proto;

namespace {

std::string bytesOf(std::initializer_list<int> v) {
    std::string s;
    for (int b : v)
        s.push_back(char(b));
    return s;
}

void kvString(pb::common::v1::KeyValue *kv, const std::string &k, const std::string &v) {
    kv->set_key(k);
    kv->mutable_value()->set_string_value(v);
}

pb::trace::v1::TracesData sample() {
    pb::trace::v1::TracesData data;
    auto *rs = data.add_resource_spans();
    kvString(rs->mutable_resource()->add_attributes(), "service.name", "checkout");
    auto *host = rs->mutable_resource()->add_attributes();
    host->set_key("host.cores");
    host->mutable_value()->set_int_value(8);
    auto *ss = rs->add_scope_spans();
    ss->mutable_scope()->set_name("io.lib");
    ss->mutable_scope()->set_version("2.1");
    kvString(ss->mutable_scope()->add_attributes(), "scope.k", "v");

    const std::string trace = bytesOf({1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16});
    auto *root = ss->add_spans();
    root->set_trace_id(trace);
    root->set_span_id(bytesOf({0, 0, 0, 0, 0, 0, 0, 1}));
    root->set_name("POST /pay");
    root->set_kind(pb::trace::v1::Span::SPAN_KIND_SERVER);
    root->set_start_time_unix_nano(1'000'000'000);
    root->set_end_time_unix_nano(1'500'000'000);
    root->set_flags(0x301); // sampled, parent is remote
    root->mutable_status()->set_code(pb::trace::v1::Status::STATUS_CODE_ERROR);
    root->mutable_status()->set_message("card declined");
    auto *a = root->add_attributes();
    a->set_key("b");
    a->mutable_value()->set_bool_value(true);
    a = root->add_attributes();
    a->set_key("d");
    a->mutable_value()->set_double_value(-2.5);
    a = root->add_attributes();
    a->set_key("nan");
    a->mutable_value()->set_double_value(std::nan(""));
    a = root->add_attributes();
    a->set_key("neg");
    a->mutable_value()->set_int_value(-42);
    a = root->add_attributes();
    a->set_key("raw");
    a->mutable_value()->set_bytes_value(bytesOf({0, 255, 16}));
    a = root->add_attributes();
    a->set_key("list");
    auto *arr = a->mutable_value()->mutable_array_value();
    arr->add_values()->set_string_value("x\"y");
    arr->add_values()->set_int_value(7);
    auto *inner = arr->add_values()->mutable_kvlist_value()->add_values();
    inner->set_key("deep");
    inner->mutable_value()->set_bool_value(false);
    arr->add_values(); // empty AnyValue
    a = root->add_attributes();
    a->set_key("empty");
    a->mutable_value();

    auto *ev = root->add_events();
    ev->set_time_unix_nano(1'200'000'000);
    ev->set_name("exception");
    kvString(ev->add_attributes(), "exception.type", "IOError");
    auto *ln = root->add_links();
    ln->set_trace_id(bytesOf({16, 15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1}));
    ln->set_span_id(bytesOf({0, 0, 0, 0, 0, 0, 0, 9}));
    ln->set_trace_state("k=v");
    kvString(ln->add_attributes(), "link.reason", "retry");

    auto *child = ss->add_spans();
    child->set_trace_id(trace);
    child->set_span_id(bytesOf({0, 0, 0, 0, 0, 0, 0, 2}));
    child->set_parent_span_id(bytesOf({0, 0, 0, 0, 0, 0, 0, 1}));
    child->set_name("SELECT");
    child->set_kind(pb::trace::v1::Span::SPAN_KIND_CLIENT);
    child->set_start_time_unix_nano(1'100'000'000);
    child->set_end_time_unix_nano(1'300'000'000);
    return data;
}

const char *kSampleJson = R"({"resourceSpans":[{"resource":{"attributes":[
  {"key":"service.name","value":{"stringValue":"checkout"}},{"key":"host.cores","value":{"intValue":"8"}}]},
 "scopeSpans":[{"scope":{"name":"io.lib","version":"2.1","attributes":[{"key":"scope.k","value":{"stringValue":"v"}}]},
  "spans":[{"traceId":"0102030405060708090A0B0C0D0E0F10","spanId":"0000000000000001","name":"POST /pay","kind":2,
    "startTimeUnixNano":"1000000000","endTimeUnixNano":"1500000000","flags":769,
    "status":{"code":2,"message":"card declined"},
    "attributes":[{"key":"b","value":{"boolValue":true}},{"key":"d","value":{"doubleValue":-2.5}},
      {"key":"nan","value":{"doubleValue":"NaN"}},{"key":"neg","value":{"intValue":"-42"}},
      {"key":"raw","value":{"bytesValue":"AP8Q"}},
      {"key":"list","value":{"arrayValue":{"values":[{"stringValue":"x\"y"},{"intValue":"7"},
         {"kvlistValue":{"values":[{"key":"deep","value":{"boolValue":false}}]}},{}]}}},
      {"key":"empty","value":{}}],
    "events":[{"timeUnixNano":"1200000000","name":"exception",
      "attributes":[{"key":"exception.type","value":{"stringValue":"IOError"}}]}],
    "links":[{"traceId":"100f0e0d0c0b0a090807060504030201","spanId":"0000000000000009","traceState":"k=v",
      "attributes":[{"key":"link.reason","value":{"stringValue":"retry"}}]}]},
   {"traceId":"0102030405060708090a0b0c0d0e0f10","spanId":"0000000000000002","parentSpanId":"0000000000000001",
    "name":"SELECT","kind":"SPAN_KIND_CLIENT","startTimeUnixNano":1100000000,"endTimeUnixNano":1300000000}]}]}]})";

std::string attrOf(const TraceSet &s, uint32_t row, const std::string &key) {
    for (uint32_t i = s.attrBegin[row]; i < s.attrEnd[row]; ++i)
        if (s.strings.view(s.attributes[i].key) == key)
            return attrText(s, s.attributes[i]);
    return "(missing)";
}

} // namespace

TEST(TraceProto, WireWalkDecodesWhatLibprotobufEncodes) {
    std::string bytes;
    ASSERT_TRUE(sample().SerializeToString(&bytes));
    const ImportResult r = importTraceBytes("sample.binpb", bytes);
    ASSERT_TRUE(r.ok) << r.error.toString();
    EXPECT_EQ(r.format, "OTLP protobuf");
    const TraceSet &s = *r.traces;
    ASSERT_EQ(s.spanCount(), 2u);
    EXPECT_EQ(s.traceId[0].hex(), "0102030405060708090a0b0c0d0e0f10");
    EXPECT_EQ(s.strings.view(s.name[0]), "POST /pay");
    EXPECT_EQ(s.kind[0], SpanKind::Server);
    EXPECT_EQ(s.status[0], StatusCode::Error);
    EXPECT_EQ(s.strings.view(s.statusMessage[0]), "card declined");
    EXPECT_TRUE(s.flags[0] & TraceSet::kHasRemoteParent);
    EXPECT_EQ(s.parent[1], 0u);
    EXPECT_EQ(s.durationNs(1), 200'000'000);
    EXPECT_EQ(attrOf(s, 0, "b"), "b=bool:true");
    EXPECT_EQ(attrOf(s, 0, "d"), "d=double:-2.500000");
    EXPECT_EQ(attrOf(s, 0, "neg"), "neg=int:-42");
    EXPECT_EQ(attrOf(s, 0, "raw"), "raw=bytes:AP8Q");
    EXPECT_EQ(attrOf(s, 0, "list"), R"(list=array:["x\"y",7,{"deep":false},null])");
    EXPECT_EQ(attrOf(s, 0, "empty"), "empty=empty");
    ASSERT_EQ(s.events.size(), 1u);
    EXPECT_EQ(s.strings.view(s.events[0].name), "exception");
    ASSERT_EQ(s.links.size(), 1u);
    EXPECT_EQ(spanIdHex(s.links[0].spanId), "0000000000000009");
    EXPECT_EQ(s.strings.view(s.links[0].traceState), "k=v");
    const Resource &res = s.resources[s.resource[0]];
    EXPECT_EQ(s.strings.view(res.service), "checkout");
    EXPECT_EQ(res.attrEnd - res.attrBegin, 2u);
}

TEST(TraceProto, JsonAndProtobufOfEveryAttributeKindAreIdentical) {
    std::string bytes;
    ASSERT_TRUE(sample().SerializeToString(&bytes));
    const ImportResult proto = importTraceBytes("sample.binpb", bytes);
    const ImportResult json = importTraceBytes("sample.json", kSampleJson);
    ASSERT_TRUE(proto.ok && json.ok) << proto.error.toString() << json.error.toString();
    EXPECT_EQ(dumpSpans(*json.traces), dumpSpans(*proto.traces));
}

TEST(TraceProto, CorpusProtobufAgreesWithLibprotobuf) {
    std::ifstream in(std::string(SPANFIRE_CORPUS_DIR) +
                         "/otlp-traces/derived/jaeger__memory_otel_traces_01.TracesData.binpb",
                     std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    const std::string bytes = ss.str();
    pb::trace::v1::TracesData data;
    ASSERT_TRUE(data.ParseFromString(bytes));
    const ImportResult r = importTraceBytes("corpus.binpb", bytes);
    ASSERT_TRUE(r.ok) << r.error.toString();
    const TraceSet &s = *r.traces;
    size_t spans = 0;
    for (const auto &rs : data.resource_spans())
        for (const auto &sc : rs.scope_spans())
            for (const auto &sp : sc.spans()) {
                ++spans;
                TraceId t;
                std::memcpy(t.bytes.data(), sp.trace_id().data(), 16);
                uint64_t id = 0;
                for (char c : sp.span_id())
                    id = id << 8 | uint8_t(c);
                const uint32_t row = s.find(t, id);
                ASSERT_NE(row, TraceSet::kNoRow);
                EXPECT_EQ(s.strings.view(s.name[row]), sp.name());
                EXPECT_EQ(uint64_t(s.startNs[row]), sp.start_time_unix_nano());
                EXPECT_EQ(uint64_t(s.endNs[row]), sp.end_time_unix_nano());
                EXPECT_EQ(int(s.kind[row]), int(sp.kind()));
                EXPECT_EQ(int(s.status[row]), int(sp.status().code()));
                EXPECT_EQ(s.attrEnd[row] - s.attrBegin[row], uint32_t(sp.attributes_size()));
                EXPECT_EQ(s.eventOffsets[row + 1] - s.eventOffsets[row], uint32_t(sp.events_size()));
                EXPECT_EQ(s.linkOffsets[row + 1] - s.linkOffsets[row], uint32_t(sp.links_size()));
            }
    EXPECT_EQ(s.spanCount(), spans);
}

namespace {

// A TracesData of many ResourceSpans (6 services; traces spread over
// several of them, so spans of one trace fall on both sides of a split),
// with every kind of attribute, events and links, as an SDK exporting in
// batches writes it.
std::string manyResourceSpans() {
    std::mt19937_64 rng(3);
    pb::trace::v1::TracesData data;
    uint64_t nextId = 1;
    for (int batch = 0; batch < 400; ++batch) {
        auto *rs = data.add_resource_spans();
        kvString(rs->mutable_resource()->add_attributes(), "service.name", "svc-" + std::to_string(batch % 6));
        auto *ss = rs->add_scope_spans();
        ss->mutable_scope()->set_name(batch % 2 ? "lib.a" : "lib.b");
        for (int k = 0; k < 12; ++k) {
            const uint64_t id = nextId++;
            auto *sp = ss->add_spans();
            std::string trace(16, '\0');
            trace[15] = char(1 + (batch / 10) % 200);
            trace[0] = 7;
            sp->set_trace_id(trace);
            std::string sid(8, '\0');
            for (int b = 0; b < 8; ++b)
                sid[size_t(b)] = char(id >> (8 * (7 - b)));
            sp->set_span_id(sid);
            if (k > 0) {
                std::string parent = sid;
                parent[7] = char(uint8_t(parent[7]) - 1 - rng() % 2);
                sp->set_parent_span_id(parent);
            }
            sp->set_name("op" + std::to_string(rng() % 9));
            sp->set_start_time_unix_nano(1'000'000'000 + rng() % 1'000'000);
            sp->set_end_time_unix_nano(1'002'000'000 + rng() % 1'000'000);
            kvString(sp->add_attributes(), "request.id", "r" + std::to_string(id)); // unique strings
            auto *a = sp->add_attributes();
            a->set_key("n");
            a->mutable_value()->set_int_value(int64_t(rng() % 100));
            if (id % 7 == 0) {
                auto *list = sp->add_attributes();
                list->set_key("list");
                list->mutable_value()->mutable_array_value()->add_values()->set_string_value("x" + std::to_string(id));
                auto *ev = sp->add_events();
                ev->set_time_unix_nano(1'001'000'000);
                ev->set_name("ev");
                kvString(ev->add_attributes(), "e", std::to_string(id % 3));
                auto *ln = sp->add_links();
                ln->set_trace_id(trace);
                ln->set_span_id(sid);
            }
        }
    }
    std::string bytes;
    data.SerializeToString(&bytes);
    return bytes;
}

struct Decoded {
    bool ok = false;
    ProtoTraceError error;
    size_t staged = 0;
    std::string layout;
};

Decoded decode(std::string_view bytes, size_t parallelFrom, const std::function<bool(uint64_t)> &checkpoint = {}) {
    TraceSetBuilder b;
    Decoded d;
    d.ok = readOtlpTracesProto(b, bytes, &d.error, checkpoint, parallelFrom);
    d.staged = b.spanCount();
    d.layout = exactLayout(*b.finish());
    return d;
}

} // namespace

// Large messages are decoded as two parts on two threads (the second part
// into its own builder, joined afterwards): the model, string ids included,
// is the one a single pass makes.
TEST(TraceProto, TwoPartDecodeGivesTheOnePassModel) {
    const std::string bytes = manyResourceSpans();
    const Decoded one = decode(bytes, SIZE_MAX), two = decode(bytes, 0);
    ASSERT_TRUE(one.ok) << one.error.message;
    ASSERT_TRUE(two.ok) << two.error.message;
    EXPECT_EQ(one.staged, 4800u);
    EXPECT_EQ(two.staged, one.staged);
    EXPECT_TRUE(one.layout == two.layout) << "the two-part decode laid out a different model";
    // One big ResourceSpans does not split: decoded whole, the same.
    std::string single;
    ASSERT_TRUE(sample().SerializeToString(&single));
    EXPECT_TRUE(decode(single, SIZE_MAX).layout == decode(single, 0).layout);
}

// Broken input decoded in two parts reports the first error in message
// order, at the same offset, with the same spans kept before it, as one pass.
TEST(TraceProto, TwoPartDecodeReportsTheOnePassError) {
    const std::string bytes = manyResourceSpans();
    std::mt19937_64 rng(9);
    int errors = 0, secondPart = 0;
    for (int trial = 0; trial < 60; ++trial) {
        std::string bad = bytes;
        if (trial % 3 == 0) {
            bad.resize(size_t(rng() % bad.size())); // truncated
        } else {
            for (int k = 0; k < 1 + trial % 4; ++k) // damaged bytes anywhere
                bad[size_t(rng() % bad.size())] = char(rng());
        }
        const Decoded one = decode(bad, SIZE_MAX), two = decode(bad, 0);
        ASSERT_EQ(one.ok, two.ok) << "trial " << trial;
        EXPECT_EQ(one.error.message, two.error.message) << "trial " << trial;
        EXPECT_EQ(one.error.offset, two.error.offset) << "trial " << trial;
        EXPECT_EQ(one.staged, two.staged) << "trial " << trial;
        EXPECT_TRUE(one.layout == two.layout) << "trial " << trial;
        errors += !one.ok;
        secondPart += !one.ok && one.error.offset > bytes.size() / 2;
    }
    EXPECT_GT(errors, 20);    // most damage is caught as malformed
    EXPECT_GT(secondPart, 5); // in either part
}

// Progress covers both parts and only grows; Cancel stops both.
TEST(TraceProto, TwoPartDecodeReportsProgressAndCancels) {
    const std::string bytes = manyResourceSpans();
    std::vector<uint64_t> seen;
    const Decoded all = decode(bytes, 0, [&](uint64_t done) {
        seen.push_back(done);
        return true;
    });
    ASSERT_TRUE(all.ok);
    ASSERT_FALSE(seen.empty());
    EXPECT_TRUE(std::is_sorted(seen.begin(), seen.end()));
    EXPECT_EQ(seen.back(), bytes.size());
    int calls = 0;
    const Decoded stopped = decode(bytes, 0, [&](uint64_t) { return ++calls < 5; });
    EXPECT_FALSE(stopped.ok);
    EXPECT_TRUE(stopped.error.cancelled);
    EXPECT_EQ(stopped.error.message, "import cancelled");
    EXPECT_LT(stopped.staged, all.staged);
}
