// The pprof decoder on hand-built messages: field order, packed/unpacked,
// inlining, unsymbolized frames, sparse ids, labels, header fields, and every
// rejection go tool pprof makes.

#include "importers/importer.h"
#include "pprofbuilder.h"

#include <gtest/gtest.h>

#include <atomic>
#include <random>

using namespace spanfire;
using namespace spanfire::test;

namespace {

// Frame names of sample i, root first.
std::vector<std::string> pathOf(const Profile &p, size_t i) {
    std::vector<std::string> out;
    for (NodeId n(p.sampleNode[i]); n != StackTrie::root(); n = p.trie.parent(n))
        out.insert(out.begin(), std::string(p.strings.view(p.frameOf(n).name)));
    return out;
}

const Frame &leafFrame(const Profile &p, size_t i) {
    return p.frameOf(NodeId(p.sampleNode[i]));
}

// The decoder as such: no local symbolization of the made-up mappings.
ImportOptions plain() {
    ImportOptions o;
    o.symbolize = false;
    return o;
}

ImportResult load(const std::string &bytes, const ImportOptions &opts = plain()) {
    return importBytes("test.pb", bytes, opts);
}

PprofBuilder basicProfile(bool packed) {
    PprofBuilder b;
    b.sampleType("samples", "count").sampleType("cpu", "nanoseconds");
    // Samples before the tables they reference.
    b.sample({3, 2, 1}, {1, 10}, {}, packed);
    b.sample({2, 1}, {2, 20}, {}, packed);
    b.sample({3, 2, 1}, {4, 40}, {}, packed);
    b.function(1, "main.main", "main.go", 10).function(2, "main.work", "work.go", 20);
    b.function(3, "runtime.mallocgc", "malloc.go", 30);
    b.location(1, 0, 0x100, {{1, 11}}).location(2, 0, 0x200, {{2, 21}}).location(3, 0, 0x300, {{3, 31}});
    return b;
}

} // namespace

TEST(PprofDecoder, SamplesBeforeTablesPackedAndUnpacked) {
    for (bool packed : {true, false}) {
        const ImportResult r = load(basicProfile(packed).build());
        ASSERT_TRUE(r.ok) << r.error.toString();
        const Profile &p = *r.profile;
        EXPECT_EQ(r.format, "pprof");
        ASSERT_EQ(p.sampleCount(), 3u);
        ASSERT_EQ(p.sampleTypes.size(), 2u);
        EXPECT_EQ(p.sampleTypeName(1), "cpu/nanoseconds");
        EXPECT_EQ(p.defaultSampleType, 1); // unset: the last column
        EXPECT_EQ(p.total(0), 7);
        EXPECT_EQ(p.total(1), 70);
        EXPECT_EQ(pathOf(p, 0), (std::vector<std::string>{"main.main", "main.work", "runtime.mallocgc"}));
        EXPECT_EQ(pathOf(p, 1), (std::vector<std::string>{"main.main", "main.work"}));
        EXPECT_EQ(p.sampleNode[0], p.sampleNode[2]); // same stack, same leaf node
        const Frame &leaf = leafFrame(p, 0);
        EXPECT_EQ(p.strings.view(leaf.file), "malloc.go");
        EXPECT_EQ(leaf.startLine, 30u);
        EXPECT_EQ(leaf.kind, FrameKind::Normal);
        EXPECT_TRUE(p.sampleLabels.empty());
    }
}

TEST(PprofDecoder, DefaultSampleType) {
    PprofBuilder b = basicProfile(true);
    b.stringField(14, "samples");
    const ImportResult r = load(b.build());
    ASSERT_TRUE(r.ok) << r.error.toString();
    EXPECT_EQ(r.profile->defaultSampleType, 0);
}

TEST(PprofDecoder, InlinedFramesRootFirst) {
    PprofBuilder b;
    b.sampleType("cpu", "nanoseconds");
    b.function(1, "outer").function(2, "middle").function(3, "inner").function(4, "caller");
    // line[0] is the innermost; the last line is the real (outermost) function.
    b.location(10, 0, 0x10, {{3, 3}, {2, 2}, {1, 1}}).location(11, 0, 0x20, {{4, 9}});
    b.sample({10, 11}, {5});
    const ImportResult r = load(b.build());
    ASSERT_TRUE(r.ok) << r.error.toString();
    const Profile &p = *r.profile;
    EXPECT_EQ(pathOf(p, 0), (std::vector<std::string>{"caller", "outer", "middle", "inner"}));
    NodeId n(p.sampleNode[0]);
    EXPECT_EQ(p.frameOf(n).kind, FrameKind::Inlined);                // inner
    EXPECT_EQ(p.frameOf(p.trie.parent(n)).kind, FrameKind::Inlined); // middle
    EXPECT_EQ(p.frameOf(p.trie.parent(p.trie.parent(n))).kind, FrameKind::Normal);
}

TEST(PprofDecoder, UnsymbolizedFrames) {
    PprofBuilder b;
    b.sampleType("samples", "count");
    b.mapping(1, 0x400000, 0x500000, 0, "/usr/bin/server", "abcdef0123");
    b.mapping(2, 0x7f0000001000, 0x7f0000009000, 0x2000, "/lib/x86_64-linux-gnu/libc.so.6");
    b.location(1, 1, 0x401234, {}).location(2, 2, 0x7f0000001500, {}).location(3, 0, 0xdead, {});
    b.location(4, 7, 0xbeef, {}); // unknown mapping: accepted by pprof, counted here
    b.sample({2, 1}, {1}).sample({3}, {1}).sample({4}, {1});
    const ImportResult r = load(b.build());
    ASSERT_TRUE(r.ok) << r.error.toString();
    const Profile &p = *r.profile;
    EXPECT_EQ(pathOf(p, 0), (std::vector<std::string>{"server+0x1234", "libc.so.6+0x2500"}));
    EXPECT_EQ(pathOf(p, 1), (std::vector<std::string>{"0xdead"}));
    EXPECT_EQ(pathOf(p, 2), (std::vector<std::string>{"0xbeef"}));
    const Frame &libc = leafFrame(p, 0);
    EXPECT_EQ(libc.kind, FrameKind::Unsymbolized);
    EXPECT_EQ(libc.address, 0x2500u);
    EXPECT_EQ(p.strings.view(libc.module), "/lib/x86_64-linux-gnu/libc.so.6");
    const Frame &server = p.frameOf(p.trie.parent(NodeId(p.sampleNode[0])));
    EXPECT_EQ(p.strings.view(server.buildId), "abcdef0123");
    ASSERT_EQ(p.mappings.size(), 2u);
    EXPECT_EQ(p.mappings[1].fileOffset, 0x2000u);
    EXPECT_TRUE(p.mappings[0].hasFunctions);
    bool warned = false;
    for (const auto &w : r.warnings)
        warned |= w.name == "locations with unknown mapping id" && w.count == 1;
    EXPECT_TRUE(warned);
}

TEST(PprofDecoder, SparseHugeIds) {
    PprofBuilder b;
    b.sampleType("samples", "count");
    const uint64_t f1 = 1ull << 40, f2 = 0xFFFFFFFFFFFFFFF0ull;
    const uint64_t l1 = 0x7fff12345678ull, l2 = 3;
    b.function(f1, "a").function(f2, "b");
    b.location(l1, 0, 0x7fff12345678ull, {{f1, 1}}).location(l2, 0, 0, {{f2, 1}});
    b.sample({l2, l1}, {9});
    const ImportResult r = load(b.build());
    ASSERT_TRUE(r.ok) << r.error.toString();
    EXPECT_EQ(pathOf(*r.profile, 0), (std::vector<std::string>{"a", "b"}));
}

TEST(PprofDecoder, Labels) {
    PprofBuilder b;
    b.sampleType("samples", "count");
    b.function(1, "f").location(1, 0, 0, {{1, 1}});
    b.sample({1}, {1}, {{"span_id", "00f067aa0ba902b7", 0, ""}, {"bytes", "", 512, ""}});
    b.sample({1}, {1}, {{"bytes", "", 512, ""}, {"span_id", "00f067aa0ba902b7", 0, ""}}); // same set, other order
    b.sample({1}, {1});
    b.sample({1}, {1}, {{"request", "", 64, ""}, {"size", "", 3, ""}, {"t", "", 7, "seconds"}, {"empty", "", 0, ""}});
    const ImportResult r = load(b.build());
    ASSERT_TRUE(r.ok) << r.error.toString();
    const Profile &p = *r.profile;
    ASSERT_EQ(p.sampleLabels.size(), 4u);
    EXPECT_EQ(p.sampleLabels[0], p.sampleLabels[1]);
    EXPECT_EQ(p.sampleLabels[2], 0u);
    std::map<std::string, std::string> first, last;
    auto collect = [&](uint32_t set, std::map<std::string, std::string> &out) {
        for (const Label *l = p.labelSets.begin(LabelSetId(set)); l != p.labelSets.end(LabelSetId(set)); ++l)
            out[std::string(p.strings.view(l->key))] =
                l->isNumeric() ? std::to_string(l->num) + " " + std::string(p.strings.view(l->unit))
                               : std::string(p.strings.view(l->str));
    };
    collect(p.sampleLabels[0], first);
    collect(p.sampleLabels[3], last);
    EXPECT_EQ(first, (std::map<std::string, std::string>{{"bytes", "512 bytes"}, {"span_id", "00f067aa0ba902b7"}}));
    // pprof default units: bytes for request/alignment, the key otherwise;
    // a label with neither str nor num is dropped.
    EXPECT_EQ(last,
              (std::map<std::string, std::string>{{"request", "64 bytes"}, {"size", "3 size"}, {"t", "7 seconds"}}));
}

TEST(PprofDecoder, HeaderFields) {
    PprofBuilder b = basicProfile(true);
    b.field(9, 1700000000123456789ull).field(10, 30000000000ull).field(12, 10000000);
    b.raw(Pb().msg(11, Pb().varint(1, uint64_t(b.s("cpu"))).varint(2, uint64_t(b.s("nanoseconds")))).str());
    b.stringField(13, "first comment").stringField(13, "second").stringField(15, "https://example.com/doc");
    b.stringField(8, "keep.*");
    const ImportResult r = load(b.build());
    ASSERT_TRUE(r.ok) << r.error.toString();
    const Profile &p = *r.profile;
    EXPECT_EQ(p.timeNanos, 1700000000123456789ll);
    EXPECT_EQ(p.durationNanos, 30000000000ll);
    EXPECT_EQ(p.period, 10000000);
    EXPECT_EQ(p.strings.view(p.periodType.type), "cpu");
    EXPECT_EQ(p.strings.view(p.periodType.unit), "nanoseconds");
    ASSERT_EQ(p.comments.size(), 2u);
    EXPECT_EQ(p.strings.view(p.comments[1]), "second");
    EXPECT_EQ(p.strings.view(p.docUrl), "https://example.com/doc");
    EXPECT_EQ(p.strings.view(p.keepFrames), "keep.*");
}

TEST(PprofDecoder, UnknownFieldsAreSkipped) {
    PprofBuilder b = basicProfile(true);
    b.raw(Pb().varint(99, 5).bytes(100, "future").str());
    b.raw(std::string("\xa5\x06\x01\x02\x03\x04", 6)); // field 100, fixed32
    const ImportResult r = load(b.build());
    ASSERT_TRUE(r.ok) << r.error.toString();
    EXPECT_EQ(r.profile->sampleCount(), 3u);
}

struct RejectRow {
    const char *name;
    std::string bytes;
    const char *message;
};

TEST(PprofDecoder, RejectsWhatPprofRejects) {
    std::vector<RejectRow> rows;
    {
        PprofBuilder b = basicProfile(true);
        b.strings()[0] = "oops";
        rows.push_back({"string_table[0]", b.build(), "string_table[0] must be ''"});
    }
    {
        PprofBuilder b = basicProfile(true);
        b.raw(Pb().msg(5, Pb().varint(1, 9).varint(2, 999)).str());
        rows.push_back({"string index", b.build(), "string index 999"});
    }
    {
        PprofBuilder b = basicProfile(true);
        b.function(0, "zero");
        rows.push_back({"function id 0", b.build(), "found function with reserved ID=0"});
    }
    {
        PprofBuilder b = basicProfile(true);
        b.location(2, 0, 0x999, {{1, 1}});
        rows.push_back({"duplicate location", b.build(), "multiple locations with same id: 2"});
    }
    {
        PprofBuilder b = basicProfile(true);
        b.mapping(5, 0, 1, 0, "a").mapping(5, 0, 1, 0, "b");
        rows.push_back({"duplicate mapping", b.build(), "multiple mappings with same id: 5"});
    }
    {
        PprofBuilder b = basicProfile(true);
        b.sample({1}, {1, 2, 3});
        rows.push_back({"value count", b.build(), "mismatch: sample has 3 values vs. 2 types"});
    }
    {
        PprofBuilder b = basicProfile(true);
        b.sample({1, 42}, {1, 2});
        rows.push_back({"unknown location", b.build(), "unknown location id 42"});
    }
    {
        PprofBuilder b = basicProfile(true);
        b.location(50, 0, 0, {{77, 1}});
        rows.push_back({"unknown function", b.build(), "location id: 50 has a line with nil function"});
    }
    {
        PprofBuilder b = basicProfile(true);
        b.field(9, 1).field(9, 2);
        rows.push_back({"concatenated", b.build(), "concatenated profiles detected"});
    }
    {
        PprofBuilder b;
        b.function(1, "f").location(1, 0, 0, {{1, 1}}).sample({1}, {1});
        rows.push_back({"no sample types", b.build(), "missing sample type information"});
    }
    {
        PprofBuilder b = basicProfile(true);
        b.raw(std::string("\x10\x05", 2)); // field 2 (sample) as a varint
        rows.push_back({"wrong wire type", b.build(), "wrong wire type"});
    }
    for (const auto &row : rows) {
        const ImportResult r = load(row.bytes);
        ASSERT_FALSE(r.ok) << row.name;
        EXPECT_EQ(r.error.file, "test.pb") << row.name;
        EXPECT_NE(r.error.message.find(row.message), std::string::npos) << row.name << ": " << r.error.message;
        EXPECT_NE(r.error.toString().find("test.pb: "), std::string::npos);
    }
}

TEST(PprofDecoder, ErrorOffsetPointsAtRecord) {
    PprofBuilder b;
    b.sampleType("samples", "count");
    b.function(1, "f").location(1, 0, 0, {{1, 1}});
    const std::string prefix = b.build();
    const std::string bad = Pb().msg(2, Pb().packed(1, {1}).packed(2, {1, 2})).str();
    const ImportResult r = load(prefix + bad);
    ASSERT_FALSE(r.ok);
    EXPECT_TRUE(r.error.hasOffset);
    EXPECT_EQ(r.error.offset, prefix.size());
    EXPECT_NE(r.error.toString().find("at byte " + std::to_string(prefix.size())), std::string::npos);
}

TEST(PprofDecoder, CancelAndProgress) {
    PprofBuilder b;
    b.sampleType("samples", "count");
    b.function(1, "f").location(1, 0, 0, {{1, 1}});
    for (int i = 0; i < 20000; ++i)
        b.sample({1}, {1});
    const std::string bytes = b.build();

    std::vector<int> reports;
    ImportOptions opts = plain();
    opts.progress = [&](int permille, const char *stage) {
        EXPECT_NE(stage, nullptr);
        reports.push_back(permille);
    };
    const ImportResult ok = load(bytes, opts);
    ASSERT_TRUE(ok.ok);
    EXPECT_EQ(ok.profile->total(0), 20000);
    ASSERT_FALSE(reports.empty());
    EXPECT_TRUE(std::is_sorted(reports.begin(), reports.end()));
    EXPECT_EQ(reports.back(), 1000);
    EXPECT_LT(reports.size(), 200u); // throttled

    std::atomic<bool> cancel{true};
    ImportOptions copts = plain();
    copts.cancel = &cancel;
    const ImportResult c = load(bytes, copts);
    ASSERT_FALSE(c.ok);
    EXPECT_TRUE(c.error.cancelled);
}

TEST(PprofDecoder, SampleLimit) {
    ImportOptions opts = plain();
    opts.limits.maxSamples = 2;
    const ImportResult r = load(basicProfile(true).build(), opts);
    ASSERT_FALSE(r.ok);
    EXPECT_NE(r.error.message.find("more than the limit"), std::string::npos);
}

TEST(PprofDecoder, LargeInputReleasedWhileParsing) {
    // > 32 MiB decompressed, strings first: the decoder releases pages behind
    // it (owned buffers only) and must give exactly what a plain parse gives.
    PprofBuilder b;
    b.sampleType("samples", "count").sampleType("cpu", "nanoseconds");
    for (uint64_t f = 1; f <= 400; ++f)
        b.function(f, "pkg.function_" + std::to_string(f), "file" + std::to_string(f % 7) + ".go");
    for (uint64_t l = 1; l <= 400; ++l)
        b.location(l, 0, 0x1000 + l, {{l, int64_t(l)}});
    std::mt19937 rng(5);
    std::vector<std::vector<uint64_t>> pool(2000); // a pool of stacks, as real profiles repeat them
    for (auto &stack : pool) {
        stack.resize(20 + rng() % 40);
        for (auto &id : stack)
            id = 1 + rng() % 400;
    }
    for (int i = 0; i < 480000; ++i)
        b.sample(pool[rng() % pool.size()], {1, 10000000},
                 {{"span_id", "span" + std::to_string(i / 8), 0, ""}, {"n", "", i % 5 + 1, ""}});
    const std::string raw = b.buildStringsFirst();
    ASSERT_GT(raw.size(), 40u << 20); // more than one 32 MiB release step
    const ImportResult plainResult = load(raw);
    const ImportResult released = load(gzipBytes(raw, 1));
    ASSERT_TRUE(plainResult.ok) << plainResult.error.toString();
    ASSERT_TRUE(released.ok) << released.error.toString();
    const Profile &a = *plainResult.profile, &c = *released.profile;
    ASSERT_EQ(a.sampleCount(), 480000u);
    ASSERT_EQ(c.sampleCount(), a.sampleCount());
    EXPECT_EQ(c.trie.size(), a.trie.size());
    EXPECT_EQ(c.total(1), a.total(1));
    EXPECT_EQ(c.labelSets.size(), a.labelSets.size());
    for (size_t i = 0; i < a.sampleCount(); i += 997) {
        EXPECT_EQ(pathOf(c, i), pathOf(a, i)) << i;
        std::string la, lc;
        for (const Label *l = a.labelSets.begin(LabelSetId(a.sampleLabels[i]));
             l != a.labelSets.end(LabelSetId(a.sampleLabels[i])); ++l)
            la += std::string(a.strings.view(l->key)) + "=" + std::string(a.strings.view(l->str)) +
                  std::to_string(l->num) + ";";
        for (const Label *l = c.labelSets.begin(LabelSetId(c.sampleLabels[i]));
             l != c.labelSets.end(LabelSetId(c.sampleLabels[i])); ++l)
            lc += std::string(c.strings.view(l->key)) + "=" + std::string(c.strings.view(l->str)) +
                  std::to_string(l->num) + ";";
        EXPECT_EQ(lc, la) << i;
        EXPECT_NE(la.find("span_id=span" + std::to_string(i / 8)), std::string::npos) << la;
    }
}
