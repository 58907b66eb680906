// Large trace inputs are read as two parts on two threads (JSON lines cut at
// a line end, OTLP/JSON documents split by resourceSpans, file-exporter
// records cut at a record, protobuf messages cut at a ResourceSpans) into
// two builders joined afterwards. Every test here reads the same bytes with
// twoThreadsFromBytes = 0 (two parts whatever the size) and UINT64_MAX (one
// thread) and requires the same outcome: the model laid out identically
// (string ids included), or the same error at the same offset with the same
// spans kept before it.
#include "importers/traces.h"
#include "proto/otlp_trace.pb.h"
#include "tracedump.h"

#include <gtest/gtest.h>

#include <atomic>
#include <random>
#include <string>

using namespace spanfire;
namespace pb = opentelemetry::proto;

namespace {

std::string hexOf(uint64_t v, int digits) {
    static const char d[] = "0123456789abcdef";
    std::string s(size_t(digits), '0');
    for (int i = digits - 1; i >= 0; --i, v >>= 4)
        s[size_t(i)] = d[v & 15];
    return s;
}

// One OTLP/JSON TracesData of `resources` resourceSpans with `spans` spans
// each; trace ids repeat across documents, so traces span lines and parts.
std::string jsonDoc(std::mt19937_64 &rng, uint64_t &nextId, int resources, int spans) {
    std::string o = "{\"resourceSpans\":[";
    for (int r = 0; r < resources; ++r) {
        const int svc = int(rng() % 5);
        o += r ? "," : "";
        o += "{\"resource\":{\"attributes\":[{\"key\":\"service.name\",\"value\":{\"stringValue\":\"svc-" +
             std::to_string(svc) + "\"}}]},\"scopeSpans\":[{\"scope\":{\"name\":\"lib\"},\"spans\":[";
        for (int k = 0; k < spans; ++k) {
            const uint64_t id = nextId++;
            const uint64_t trace = 1 + (id / 40) % 97;
            o += k ? "," : "";
            o += "{\"traceId\":\"" + hexOf(trace, 32) + "\",\"spanId\":\"" + hexOf(id, 16) + "\"";
            if (id % 40 != 0)
                o += ",\"parentSpanId\":\"" + hexOf(id - 1 - rng() % std::min<uint64_t>(id % 40, 3), 16) + "\"";
            o += ",\"name\":\"op" + std::to_string(rng() % 7) + "\",\"kind\":" + std::to_string(rng() % 6) +
                 ",\"startTimeUnixNano\":\"" + std::to_string(1'000'000'000 + rng() % 1'000'000) +
                 "\",\"endTimeUnixNano\":\"" + std::to_string(1'002'000'000 + rng() % 1'000'000) +
                 "\",\"attributes\":[{\"key\":\"request.id\",\"value\":{\"stringValue\":\"r" + std::to_string(id) +
                 "\"}},{\"key\":\"n\",\"value\":{\"intValue\":\"" + std::to_string(rng() % 50) + "\"}}]";
            if (id % 9 == 0)
                o += ",\"events\":[{\"timeUnixNano\":\"1001000000\",\"name\":\"ev\"}]";
            if (id % 13 == 0)
                o += ",\"status\":{\"code\":2,\"message\":\"failed\"}";
            o += "}";
        }
        o += "]}]}";
    }
    o += "]}";
    return o;
}

std::string jsonLines(int lines) {
    std::mt19937_64 rng(21);
    uint64_t nextId = 1;
    std::string text;
    for (int i = 0; i < lines; ++i)
        text += jsonDoc(rng, nextId, 3, 8) + "\n";
    return text;
}

struct Outcome {
    bool ok = false;
    std::string error;
    std::string format;
    size_t staged = 0;
    std::string layout;
};

Outcome load(const std::string &name, std::string_view bytes, bool twoParts, const std::atomic<bool> *cancel = nullptr,
             std::function<void(int, const char *)> progress = {}) {
    ImportOptions o;
    o.twoThreadsFromBytes = twoParts ? 0 : UINT64_MAX;
    o.cancel = cancel;
    o.progress = std::move(progress);
    TraceSetBuilder b;
    b.setParallelFrom(twoParts ? 0 : SIZE_MAX);
    ImportError e;
    Outcome out;
    out.ok = importTracesInto(b, name, bytes, o, &e, &out.format);
    out.error = out.ok ? "" : e.toString();
    out.staged = b.spanCount();
    out.layout = exactLayout(*b.finish());
    return out;
}

void expectSame(const Outcome &one, const Outcome &two, const std::string &what) {
    EXPECT_EQ(one.ok, two.ok) << what;
    EXPECT_EQ(one.error, two.error) << what;
    EXPECT_EQ(one.format, two.format) << what;
    EXPECT_EQ(one.staged, two.staged) << what;
    EXPECT_TRUE(one.layout == two.layout) << what << ": the models are laid out differently";
}

// Damaged copies: truncated, bytes overwritten, and (JSON) values of the
// wrong type, anywhere in the input.
std::vector<std::string> damaged(const std::string &bytes, bool json, int count) {
    std::mt19937_64 rng(77);
    std::vector<std::string> out;
    for (int t = 0; t < count; ++t) {
        std::string b = bytes;
        const size_t at = size_t(rng() % b.size());
        switch (t % 4) {
        case 0:
            b.resize(at);
            break;
        case 1:
            for (int k = 0; k <= t % 3; ++k)
                b[size_t(rng() % b.size())] = char(rng());
            break;
        case 2:
            if (json) {
                const size_t q = b.find("\"startTimeUnixNano\":\"", at);
                if (q != std::string::npos)
                    b.replace(q + 20, 1, "true,\"x\":\""); // a bool where an integer belongs
                break;
            }
            [[fallthrough]];
        default:
            b[at] = char(b[at] ^ 0x80);
        }
        out.push_back(std::move(b));
    }
    return out;
}

} // namespace

TEST(TraceTwoParts, JsonLinesGiveTheOneThreadModel) {
    const std::string text = jsonLines(300);
    const Outcome one = load("a.jsonl", text, false), two = load("a.jsonl", text, true);
    ASSERT_TRUE(one.ok) << one.error;
    EXPECT_EQ(one.staged, 300u * 24u);
    EXPECT_EQ(one.format, "OTLP/JSON lines");
    expectSame(one, two, "clean JSON lines");
    int failures = 0;
    for (const std::string &bad : damaged(text, true, 40)) {
        const Outcome a = load("a.jsonl", bad, false), b = load("a.jsonl", bad, true);
        expectSame(a, b, "damaged JSON lines of " + std::to_string(bad.size()) + " bytes: " + a.error);
        failures += !a.ok;
    }
    EXPECT_GT(failures, 25);
}

// Documents of 16 MiB and more are split into their resourceSpans elements.
TEST(TraceTwoParts, LargeJsonDocumentGivesTheOneThreadModel) {
    std::mt19937_64 rng(4);
    uint64_t nextId = 1;
    std::string doc = jsonDoc(rng, nextId, 9000, 6);
    ASSERT_GE(doc.size(), size_t(16) << 20);
    const Outcome one = load("big.json", doc, false), two = load("big.json", doc, true);
    ASSERT_TRUE(one.ok) << one.error;
    EXPECT_EQ(one.staged, 54000u);
    expectSame(one, two, "clean document");
    int failures = 0;
    for (const std::string &bad : damaged(doc, true, 8)) {
        const Outcome a = load("big.json", bad, false), b = load("big.json", bad, true);
        expectSame(a, b, "damaged document: " + a.error);
        failures += !a.ok;
    }
    EXPECT_GT(failures, 4);
}

// The Collector file exporter's records: a 4-byte big-endian length, then a
// TracesData.
TEST(TraceTwoParts, FileExporterRecordsGiveTheOneThreadModel) {
    std::mt19937_64 rng(8);
    std::string file;
    for (int record = 0; record < 120; ++record) {
        pb::trace::v1::TracesData data;
        for (int r = 0; r < 3; ++r) {
            auto *rs = data.add_resource_spans();
            auto *kv = rs->mutable_resource()->add_attributes();
            kv->set_key("service.name");
            kv->mutable_value()->set_string_value("svc-" + std::to_string(rng() % 4));
            auto *ss = rs->add_scope_spans();
            for (int k = 0; k < 10; ++k) {
                auto *sp = ss->add_spans();
                const uint64_t id = uint64_t(record) * 100 + uint64_t(r) * 10 + uint64_t(k) + 1;
                std::string trace(16, '\0'), sid(8, '\0');
                trace[15] = char(1 + record / 7);
                for (int b = 0; b < 8; ++b)
                    sid[size_t(b)] = char(id >> (8 * (7 - b)));
                sp->set_trace_id(trace);
                sp->set_span_id(sid);
                sp->set_name("op" + std::to_string(rng() % 5));
                sp->set_start_time_unix_nano(1000 + rng() % 100);
                sp->set_end_time_unix_nano(2000 + rng() % 100);
            }
        }
        std::string payload;
        ASSERT_TRUE(data.SerializeToString(&payload));
        for (int b = 3; b >= 0; --b)
            file.push_back(char(payload.size() >> (8 * b)));
        file += payload;
    }
    const Outcome one = load("a.pb", file, false), two = load("a.pb", file, true);
    ASSERT_TRUE(one.ok) << one.error;
    EXPECT_EQ(one.staged, 3600u);
    EXPECT_EQ(one.format, "OTLP protobuf (file exporter, records)");
    expectSame(one, two, "clean records");
    int failures = 0;
    for (const std::string &bad : damaged(file, false, 40)) {
        const Outcome a = load("a.pb", bad, false), b = load("a.pb", bad, true);
        expectSame(a, b, "damaged records: " + a.error);
        failures += !a.ok;
    }
    EXPECT_GT(failures, 10);
}

// Cancel during a two-part read stops both parts and reports cancellation;
// progress only grows. (Reports come at most ~30 times a second: the input,
// ~80 MB, is large enough to be read for a while.)
TEST(TraceTwoParts, CancelStopsBothParts) {
    const std::string text = jsonLines(10000);
    std::vector<int> seen;
    std::atomic<bool> cancel{false};
    const Outcome stopped = load("a.jsonl", text, true, &cancel, [&](int permille, const char *) {
        seen.push_back(permille);
        if (permille > 0)
            cancel = true;
    });
    EXPECT_FALSE(stopped.ok);
    EXPECT_NE(stopped.error.find("import cancelled"), std::string::npos) << stopped.error;
    EXPECT_LT(stopped.staged, 10000u * 24u);
    EXPECT_TRUE(std::is_sorted(seen.begin(), seen.end()));
}
