// Hand-built OTLP profiles requests: v1.8 vs v1.10 sample layouts, sample
// shapes, frames (inlined, unsymbolized, build ids), refusal of older and
// mixed layouts, index validation, and explicit span links through LinkIndex.

#include "../importers/testutil.h"
#include "importers/importer.h"
#include "importers/otlp/profilesproto.h"
#include "model/linkindex.h"
#include "model/tracesetbuilder.h"

#include <gtest/gtest.h>

using namespace spanfire;
using namespace spanfire::test;

namespace {

constexpr uint64_t kT0 = 1'700'000'000'000'000'000ull;

std::string le64(uint64_t v) {
    std::string s(8, '\0');
    for (int i = 0; i < 8; ++i)
        s[size_t(i)] = char(v >> (8 * i));
    return s;
}
std::string be64(uint64_t v) {
    std::string s(8, '\0');
    for (int i = 0; i < 8; ++i)
        s[size_t(i)] = char(v >> (8 * (7 - i)));
    return s;
}
std::string traceBytes(uint8_t last) {
    std::string s(16, '\0');
    s[15] = char(last);
    return s;
}

struct SampleSpec {
    uint64_t stack = 0;
    std::vector<uint64_t> attrs;
    uint64_t link = 0;
    std::vector<uint64_t> values;
    std::vector<uint64_t> times;
};

Pb sampleMsg(const SampleSpec &s, bool v18) {
    Pb m;
    m.varint(1, s.stack);
    const uint32_t fv = v18 ? 2 : 4, fa = v18 ? 3 : 2, fl = v18 ? 4 : 3;
    if (!s.attrs.empty())
        m.packed(fa, s.attrs);
    if (s.link)
        m.varint(fl, s.link);
    if (!s.values.empty())
        m.packed(fv, s.values);
    if (!s.times.empty()) {
        std::string raw;
        for (uint64_t t : s.times)
            raw += le64(t);
        m.bytes(5, raw);
    }
    return m;
}

// Strings: 0 "", 1 samples, 2 count, 3 main, 4 work, 5 span_id, 6 thread.id,
// 7 a.out, 8 process.executable.build_id.gnu, 9 abcd1234, 10 cpu, 11 nanoseconds,
// 12 inlinee.
Pb dictionary() {
    Pb d;
    d.bytes(1, "");                                                                              // mapping 0
    d.msg(1, Pb().varint(1, 0x1000).varint(2, 0x2000).varint(3, 0).varint(4, 7).packed(5, {3})); // mapping 1
    d.bytes(2, "");                                                                              // location 0
    d.msg(2, Pb().varint(1, 1).varint(2, 0x1100).msg(3, Pb().varint(1, 1).varint(2, 10)));       // 1: main
    d.msg(2, Pb().varint(1, 1).varint(2, 0x1200).msg(3, Pb().varint(1, 2)));                     // 2: work
    d.msg(2, Pb().varint(1, 1).varint(2, 0x1300));                                               // 3: unsymbolized
    d.msg(2, Pb().varint(1, 1)
                 .varint(2, 0x1400)
                 .msg(3, Pb().varint(1, 3))
                 .msg(3, Pb().varint(1, 1))); // 4: inlinee inlined in main
    d.bytes(3, "");
    d.msg(3, Pb().varint(1, 3));
    d.msg(3, Pb().varint(1, 4));
    d.msg(3, Pb().varint(1, 12)); // 3: inlinee
    d.bytes(4, "");
    d.msg(4, Pb().bytes(1, traceBytes(0x42)).bytes(2, be64(2))); // link 1: span 2 in trace 42
    d.msg(4, Pb().bytes(2, be64(3)));                            // link 2: span 3, no trace
    d.msg(4, Pb().bytes(1, traceBytes(0x99)).bytes(2, be64(2))); // link 3: span 2 of another trace
    for (const char *s : {"", "samples", "count", "main", "work", "span_id", "thread.id", "a.out",
                          "process.executable.build_id.gnu", "abcd1234", "cpu", "nanoseconds", "inlinee"})
        d.bytes(5, s);
    d.msg(6, Pb().bytes(2, ""));
    d.msg(6, Pb().varint(1, 6).msg(2, Pb().varint(3, 7)));                 // 1: thread.id = 7
    d.msg(6, Pb().varint(1, 5).msg(2, Pb().bytes(1, "0000000000000003"))); // 2: span_id label -> span 3
    d.msg(6, Pb().varint(1, 8).msg(2, Pb().bytes(1, "abcd1234")));         // 3: build id
    d.bytes(7, "");
    d.msg(7, Pb().packed(1, {2, 1})); // 1: main -> work
    d.msg(7, Pb().packed(1, {3, 1})); // 2: main -> a.out+0x300
    d.msg(7, Pb().packed(1, {4}));    // 3: main -> work (inlined)
    return d;
}

std::string request(const std::vector<std::vector<SampleSpec>> &profiles, bool v18,
                    const std::vector<std::pair<uint64_t, uint64_t>> &types = {}) {
    Pb scope;
    for (size_t i = 0; i < profiles.size(); ++i) {
        Pb prof;
        const auto type = i < types.size() ? types[i] : std::pair<uint64_t, uint64_t>{1, 2};
        prof.msg(1, Pb().varint(1, type.first).varint(2, type.second));
        for (const SampleSpec &s : profiles[i])
            prof.msg(2, sampleMsg(s, v18));
        prof.append(Pb().str()); // keep field order simple
        prof.varint(4, 1000);
        scope.msg(2, prof);
    }
    Pb resource;
    resource.msg(1, Pb().msg(1, Pb().bytes(1, "process.pid").msg(2, Pb().varint(3, 4242))));
    resource.msg(2, scope);
    Pb req;
    req.msg(1, resource);
    req.msg(2, dictionary());
    return req.str();
}

ImportResult load(const std::string &name, const std::string &bytes) {
    ImportOptions opts;
    opts.symbolize = false;
    return importBytes(name, bytes, opts);
}

std::vector<SampleSpec> linkedSamples() {
    return {
        {1, {1}, 1, {10}, {kT0 + 1}},                 // span 2 (trace 42)
        {2, {1, 2}, 2, {20, 30}, {kT0 + 2, kT0 + 3}}, // span 3, label says 3 too
        {1, {2}, 0, {5}, {kT0 + 4}},                  // no link; span_id label (ignored: explicit links win)
        {3, {}, 3, {7}, {kT0 + 5}},                   // span 2 of trace 99: not in the traces
    };
}

std::shared_ptr<const TraceSet> traces() {
    TraceSetBuilder b;
    const uint32_t res = b.addResource(b.intern("svc"), nullptr, 0);
    const uint32_t scope = b.addScope(b.intern("s"), b.intern("1"), nullptr, 0);
    TraceId tid;
    tid.bytes[15] = 0x42;
    auto span = [&](uint64_t id, uint64_t parent, int64_t s, int64_t e) {
        SpanData d;
        d.traceId = tid;
        d.spanId = id;
        d.parentSpanId = parent;
        d.name = b.intern("op" + std::to_string(id));
        d.resource = res;
        d.scope = scope;
        d.startNs = int64_t(kT0) + s;
        d.endNs = int64_t(kT0) + e;
        b.beginSpan(d);
    };
    span(1, 0, 0, 100);
    span(2, 1, 0, 50);
    span(3, 2, 0, 40);
    return b.finish();
}

void checkLinkedProfile(const Profile &p) {
    ASSERT_EQ(p.sampleCount(), 5u);
    ASSERT_EQ(p.sampleSpanId.size(), 5u);
    ASSERT_EQ(p.sampleTraceId.size(), 5u);
    EXPECT_EQ(p.sampleSpanId[0], 2u);
    EXPECT_EQ(p.sampleTraceId[0][15], 0x42);
    EXPECT_EQ(p.sampleSpanId[1], 3u);
    EXPECT_EQ(p.sampleSpanId[2], 3u);
    EXPECT_EQ(p.sampleSpanId[3], 0u);
    EXPECT_EQ(p.total(0), 10 + 20 + 30 + 5 + 7);
    ASSERT_EQ(p.sampleTime.size(), 5u);
    EXPECT_EQ(p.sampleTime[2], int64_t(kT0 + 3));

    auto ts = traces();
    const LinkIndex li = LinkIndex::build(p, *ts);
    EXPECT_EQ(li.method(), LinkMethod::ExplicitLink);
    EXPECT_EQ(li.samplesWithSpanIds(), 4u); // 3 linked + 1 link to an unknown trace
    EXPECT_EQ(li.linkedSamples(), 3u);
    const uint32_t r2 = ts->findSpan(2), r3 = ts->findSpan(3), r1 = ts->findSpan(1);
    EXPECT_EQ(li.sampleCount(r2), 1u);
    EXPECT_EQ(li.sampleCount(r3), 2u);
    EXPECT_EQ(li.sampleCount(r1), 0u);
    const auto d = li.range(r2, LinkScope::Descendants, *ts);
    EXPECT_EQ(d.second - d.first, 3u);
    EXPECT_EQ(li.spanOfSample(3), TraceSet::kNoRow); // labelled span_id=3 but no link
    EXPECT_EQ(li.spanOfSample(4), TraceSet::kNoRow); // trace 99
}

TEST(OtlpProfilesWire, ExplicitLinksV110) {
    const std::string bytes = request({linkedSamples()}, false);
    EXPECT_EQ(sniffOtlpProfilesLayout(bytes.data(), bytes).layout, OtlpProfilesLayout::V1_10);
    const ImportResult r = load("links.pb", bytes);
    ASSERT_TRUE(r.ok) << r.error.toString();
    EXPECT_NE(r.format.find("v1.10+"), std::string::npos) << r.format;
    checkLinkedProfile(*r.profile);
}

TEST(OtlpProfilesWire, SameSamplesInV18Layout) {
    const std::string bytes = request({linkedSamples()}, true);
    EXPECT_EQ(sniffOtlpProfilesLayout(bytes.data(), bytes).layout, OtlpProfilesLayout::V1_8);
    const ImportResult r = load("links18.pb", bytes);
    ASSERT_TRUE(r.ok) << r.error.toString();
    EXPECT_NE(r.format.find("v1.8/v1.9"), std::string::npos) << r.format;
    checkLinkedProfile(*r.profile);
}

TEST(OtlpProfilesWire, ExplicitLinksFromJson) {
    const std::string json =
        R"({"resourceProfiles":[{"resource":{"attributes":[{"key":"process.pid","value":{"intValue":"7"}}]},
      "scopeProfiles":[{"profiles":[{"sampleType":{"typeStrindex":1,"unitStrindex":2},
      "samples":[{"stackIndex":1,"linkIndex":1,"values":["7"],"timestampsUnixNano":["1700000000000000001"]},
                 {"stackIndex":1,"values":["4"]}]}]}]}],
      "dictionary":{"stringTable":["","samples","count","main"],"functionTable":[{},{"nameStrindex":3}],
      "locationTable":[{},{"lines":[{"functionIndex":1}]}],"stackTable":[{},{"locationIndices":[1]}],
      "linkTable":[{},{"traceId":"00000000000000000000000000000042","spanId":"0000000000000003"}],
      "attributeTable":[{"value":{}}],"mappingTable":[{}]}})";
    const ImportResult r = load("links.json", json);
    ASSERT_TRUE(r.ok) << r.error.toString();
    const Profile &p = *r.profile;
    ASSERT_EQ(p.sampleCount(), 2u);
    ASSERT_EQ(p.sampleSpanId.size(), 2u);
    EXPECT_EQ(p.sampleSpanId[0], 3u);
    EXPECT_EQ(p.sampleSpanId[1], 0u);
    EXPECT_EQ(p.sampleTime[1], 0); // aligned, unknown
    auto ts = traces();
    const LinkIndex li = LinkIndex::build(p, *ts);
    EXPECT_EQ(li.method(), LinkMethod::ExplicitLink);
    EXPECT_EQ(li.sampleCount(ts->findSpan(3)), 1u);
}

TEST(OtlpProfilesWire, ShapesFramesAndLabels) {
    // Profile 0 (samples/count): timestamps only; profile 1 (cpu/ns): values only.
    const std::string bytes =
        request({{{1, {1}, 0, {}, {kT0, kT0 + 1, kT0 + 2}}}, {{2, {}, 0, {4, 5, 6}, {}}, {3, {}, 0, {100}, {}}}}, false,
                {{1, 2}, {10, 11}});
    const ImportResult r = load("shapes.pb", bytes);
    ASSERT_TRUE(r.ok) << r.error.toString();
    const Profile &p = *r.profile;
    ASSERT_EQ(p.sampleTypes.size(), 2u);
    EXPECT_EQ(p.sampleTypeName(0), "samples/count");
    EXPECT_EQ(p.sampleTypeName(1), "cpu/nanoseconds");
    ASSERT_EQ(p.sampleCount(), 7u);
    EXPECT_EQ(p.total(0), 3);
    EXPECT_EQ(p.total(1), 4 + 5 + 6 + 100);
    EXPECT_EQ(p.values[0][3], 0); // value only in its own column
    ASSERT_EQ(p.sampleTime.size(), 7u);
    EXPECT_EQ(p.sampleTime[1], int64_t(kT0 + 1));
    EXPECT_EQ(p.sampleTime[4], 0);
    EXPECT_TRUE(p.sampleSpanId.empty());
    EXPECT_EQ(p.defaultSampleType, 1); // more samples
    // Frames: leaf of sample 3 is the unsymbolized a.out+0x300 with build id.
    const Frame &un = p.frameOf(NodeId(p.sampleNode[3]));
    EXPECT_EQ(p.strings.view(un.name), "a.out+0x300");
    EXPECT_EQ(un.kind, FrameKind::Unsymbolized);
    EXPECT_EQ(p.strings.view(un.buildId), "abcd1234");
    EXPECT_EQ(p.strings.view(p.frameOf(p.trie.parent(NodeId(p.sampleNode[3]))).name), "main");
    // Inlined: stack 3 is one location with lines [inlinee, main]: main -> inlinee (inlined).
    const NodeId leaf(p.sampleNode[6]);
    EXPECT_EQ(p.strings.view(p.frameOf(leaf).name), "inlinee");
    EXPECT_EQ(p.frameOf(leaf).kind, FrameKind::Inlined);
    EXPECT_EQ(p.frameOf(p.trie.parent(leaf)).kind, FrameKind::Normal);
    EXPECT_EQ(p.trie.depth(leaf), 2u);
    // Labels: resource process.pid on every sample, thread.id on the first.
    const StringId pid = p.strings.find("process.pid"), tid = p.strings.find("thread.id");
    ASSERT_TRUE(pid.valid());
    ASSERT_TRUE(tid.valid());
    bool sawTid = false;
    for (const Label *l = p.labelSets.begin(LabelSetId(p.sampleLabels[0]));
         l != p.labelSets.end(LabelSetId(p.sampleLabels[0])); ++l) {
        if (l->key == pid) {
            EXPECT_EQ(l->num, 4242);
        }
        if (l->key == tid) {
            sawTid = true;
            EXPECT_EQ(l->num, 7);
        }
    }
    EXPECT_TRUE(sawTid);
    ASSERT_EQ(p.mappings.size(), 1u);
    EXPECT_EQ(p.strings.view(p.mappings[0].buildId), "abcd1234");
}

TEST(OtlpProfilesWire, MixedLayoutsAreRefused) {
    // One v1.10 sample (field 4 packed values) and one v1.8 sample (field 3
    // packed attribute indices) in the same request.
    std::string a = request({{{1, {1}, 0, {10}, {}}}}, false);
    const std::string b = request({{{1, {1}, 0, {10}, {}}}}, true);
    const std::string mixed = a + b; // concatenated messages merge
    EXPECT_EQ(sniffOtlpProfilesLayout(mixed.data(), mixed).layout, OtlpProfilesLayout::Ambiguous);
    const ImportResult r = load("mixed.pb", mixed);
    ASSERT_FALSE(r.ok);
    EXPECT_NE(r.error.message.find("mixes"), std::string::npos) << r.error.toString();
    EXPECT_TRUE(r.error.hasOffset);
}

TEST(OtlpProfilesWire, OlderLayoutsAreRefused) {
    // v1.6/v1.7: Profile field 3 = location_indices (packed).
    Pb prof;
    prof.msg(1, Pb().varint(1, 1).varint(2, 2));
    prof.packed(3, {1, 2, 3});
    const std::string v17 = Pb().msg(1, Pb().msg(2, Pb().msg(2, prof))).msg(2, Pb().bytes(5, "")).str();
    ImportResult r = load("v17.pb", v17);
    ASSERT_FALSE(r.ok);
    EXPECT_NE(r.error.message.find("unsupported OTLP profiles version"), std::string::npos) << r.error.toString();
    // v1.4..v1.7 Sample with field 6 (timestamps).
    Pb prof2;
    prof2.msg(2, Pb().varint(1, 0).varint(2, 1).unpacked(6, {kT0}));
    const std::string v15 = Pb().msg(1, Pb().msg(2, Pb().msg(2, prof2))).msg(2, Pb().bytes(5, "")).str();
    r = load("v15.pb", v15);
    ASSERT_FALSE(r.ok);
    EXPECT_NE(r.error.message.find("unsupported OTLP profiles version"), std::string::npos) << r.error.toString();
    // JSON with a pre-v1.8 sample.
    r = load("old.json", R"({"resourceProfiles":[{"scopeProfiles":[{"profiles":[{"sampleType":[{"typeStrindex":1}],
        "sample":[{"locationsStartIndex":0,"locationsLength":1,"value":["1"]}]}]}]}],"dictionary":{"stringTable":[""]}})");
    ASSERT_FALSE(r.ok);
    EXPECT_NE(r.error.message.find("unsupported OTLP profiles version"), std::string::npos) << r.error.toString();
    EXPECT_EQ(r.error.file, "old.json");
}

TEST(OtlpProfilesWire, BadIndexesFailWithFileAndOffset) {
    struct Case {
        SampleSpec sample;
        const char *needle;
    };
    const Case cases[] = {
        {{99, {}, 0, {1}, {}}, "stack index 99"},
        {{1, {55}, 0, {1}, {}}, "attribute index 55"},
        {{1, {}, 17, {1}, {}}, "link index 17"},
    };
    for (const Case &c : cases) {
        const ImportResult r = load("bad.pb", request({{c.sample}}, false));
        ASSERT_FALSE(r.ok) << c.needle;
        EXPECT_EQ(r.error.file, "bad.pb");
        EXPECT_NE(r.error.message.find(c.needle), std::string::npos) << r.error.toString();
        EXPECT_TRUE(r.error.hasOffset) << r.error.toString();
        EXPECT_GT(r.error.offset, 0u);
    }
    // A string index out of range in the dictionary.
    Pb d = dictionary();
    d.msg(3, Pb().varint(1, 500));
    const std::string bytes =
        Pb().msg(1,
                 Pb().msg(2, Pb().msg(2, Pb().msg(1, Pb().varint(1, 1)).msg(2, sampleMsg({1, {}, 0, {1}, {}}, false)))))
            .msg(2, d)
            .str();
    const ImportResult r = load("badstr.pb", bytes);
    ASSERT_FALSE(r.ok);
    EXPECT_NE(r.error.message.find("string index 500"), std::string::npos) << r.error.toString();
}

} // namespace

namespace {

// Samples with only field 2 (and timestamps): v1.8 values vs v1.10 attribute
// indices are told apart by the attribute table's size.
TEST(OtlpProfilesWire, FieldTwoOnlySamples) {
    const std::string v18 = request({{{1, {}, 0, {1000, 2000}, {}}}}, true);
    EXPECT_EQ(sniffOtlpProfilesLayout(v18.data(), v18).layout, OtlpProfilesLayout::V1_8);
    ImportResult r = load("v18values.pb", v18);
    ASSERT_TRUE(r.ok) << r.error.toString();
    EXPECT_EQ(r.profile->total(0), 3000);

    const std::string v110 = request({{{1, {1}, 0, {}, {kT0, kT0 + 1}}}}, false);
    EXPECT_EQ(sniffOtlpProfilesLayout(v110.data(), v110).layout, OtlpProfilesLayout::Unknown);
    r = load("v110attrs.pb", v110);
    ASSERT_TRUE(r.ok) << r.error.toString();
    EXPECT_EQ(r.profile->sampleCount(), 2u);
    EXPECT_EQ(r.profile->total(0), 2);
    bool warned = false;
    for (const NamedCount &w : r.warnings)
        warned |= w.name.find("read as v1.10+") != std::string::npos;
    EXPECT_TRUE(warned);
}

} // namespace
