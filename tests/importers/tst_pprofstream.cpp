// A gzip-compressed pprof is decoded while it is still being inflated (the
// inflater on a worker thread, the sample scan right behind it, see
// importers/common/gzipstream.h and PprofDecoder::runFollowing). These tests
// hold that path to the ordinary one: the same model from the .pb.gz as
// from the raw bytes (every corpus file and big hand-built profiles), the
// same errors at the same offsets, and the ordinary gunzip taking over when
// the gzip stream is not one clean member.

#include "importers/importer.h"
#include "pprofbuilder.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <random>
#include <thread>
#include <unistd.h>

using namespace spanfire;
using namespace spanfire::test;

namespace {

ImportOptions plain() {
    ImportOptions o;
    o.symbolize = false;
    return o;
}

// Everything a view can see of the samples, in sample order: path of frame
// names, values, labels as text.
std::string fingerprint(const Profile &p) {
    std::string out;
    out += "types:" + std::to_string(p.sampleTypes.size()) + " default:" + std::to_string(p.defaultSampleType) +
           " period:" + std::to_string(p.period) + " nodes:" + std::to_string(p.trie.size()) + "\n";
    for (const auto &w : p.warnings)
        out += "warning:" + w.name + "=" + std::to_string(w.count) + "\n";
    for (size_t i = 0; i < p.sampleCount(); ++i) {
        std::vector<std::string> path;
        for (NodeId n(p.sampleNode[i]); n != StackTrie::root(); n = p.trie.parent(n))
            path.emplace_back(p.strings.view(p.frameOf(n).name));
        std::reverse(path.begin(), path.end());
        for (const auto &f : path)
            out += f + ";";
        for (const auto &col : p.values)
            out += " " + std::to_string(col[i]);
        if (!p.sampleLabels.empty()) {
            const LabelSetId ls(p.sampleLabels[i]);
            for (const Label *l = p.labelSets.begin(ls); l != p.labelSets.end(ls); ++l)
                out += " " + std::string(p.strings.view(l->key)) + "=" +
                       (l->isNumeric() ? std::to_string(l->num) + std::string(p.strings.view(l->unit))
                                       : std::string(p.strings.view(l->str)));
        }
        out += "\n";
    }
    return out;
}

// A Go-shaped profile: sample types first, then every sample, then the
// tables. `stacks` distinct stacks over `funcs` functions, one label set per
// `spanLen` consecutive samples (span ids), a thread label.
std::string bigProfile(size_t samples, size_t stacks, size_t funcs, size_t spanLen, uint32_t seed = 7) {
    PprofBuilder b;
    b.sampleType("samples", "count").sampleType("cpu", "nanoseconds");
    std::mt19937 rng(seed);
    std::vector<std::vector<uint64_t>> pool(stacks);
    for (auto &st : pool) {
        const size_t depth = 3 + rng() % 30;
        for (size_t d = 0; d < depth; ++d)
            st.push_back(1 + rng() % funcs); // location id == function id
    }
    for (size_t i = 0; i < samples; ++i) {
        const auto &st = pool[std::min<size_t>(rng() % stacks, rng() % stacks)]; // skewed
        std::vector<PprofBuilder::LabelSpec> labels{{"span_id", "span-" + std::to_string(i / spanLen), 0, ""},
                                                    {"thread", "", int64_t(i % 7 + 1), ""}};
        b.sample(st, {1 + i % 3, 10000000 * (1 + i % 3)}, labels, /*packed=*/i % 97 != 0);
    }
    b.mapping(1, 0x400000, 0x800000, 0, "/bin/app");
    for (size_t f = 1; f <= funcs; ++f)
        b.location(f, 1, 0x400000 + f * 16, {{f, int64_t(f)}});
    for (size_t f = 1; f <= funcs; ++f)
        b.function(f, "pkg.fn" + std::to_string(f), "pkg/file.go", 1);
    b.field(12, 10000000); // period
    return b.build();
}

struct Both {
    ImportResult raw, gz;
};

Both loadBoth(const std::string &raw, const std::string &gz) {
    return {importBytes("x.pb", raw, plain()), importBytes("x.pb.gz", gz, plain())};
}

std::string errorOf(const ImportResult &r) {
    return r.ok ? std::string("(loaded)") : r.error.message + " @" + std::to_string(r.error.offset);
}

} // namespace

TEST(PprofStream, EveryCorpusGzipFileGivesTheSameModelAsItsRawBytes) {
    size_t checked = 0;
    for (const auto &name : listDir(corpusDir() + "/pprof")) {
        const std::string bytes = readFile(corpusDir() + "/pprof/" + name);
        if (bytes.size() < 2 || uint8_t(bytes[0]) != 0x1f || uint8_t(bytes[1]) != 0x8b)
            continue;
        const std::string raw = gunzipBytes(bytes);
        const Both b = loadBoth(raw, bytes);
        ASSERT_EQ(b.raw.ok, b.gz.ok) << name << ": " << errorOf(b.raw) << " vs " << errorOf(b.gz);
        if (!b.raw.ok) {
            EXPECT_EQ(b.raw.error.message, b.gz.error.message.substr(0, b.raw.error.message.size())) << name;
            continue;
        }
        EXPECT_EQ(b.gz.profile->format, "pprof (gzip)") << name;
        EXPECT_EQ(fingerprint(*b.raw.profile), fingerprint(*b.gz.profile)) << name;
        ++checked;
    }
    EXPECT_GE(checked, 10u);
}

TEST(PprofStream, BigProfileThroughAFileAndThroughBytes) {
    // > 65,536 samples (column sizes are estimated from the first ones) and
    // > 4,096 distinct stacks and label sets (labels resolve on a 2nd thread).
    const std::string raw = bigProfile(150000, 20000, 3000, 4);
    const std::string gz = gzipBytes(raw, 1);
    const Both b = loadBoth(raw, gz);
    ASSERT_TRUE(b.raw.ok) << errorOf(b.raw);
    ASSERT_TRUE(b.gz.ok) << errorOf(b.gz);
    const Profile &p = *b.gz.profile;
    ASSERT_EQ(p.sampleCount(), 150000u);
    int64_t expectCount = 0;
    for (size_t i = 0; i < 150000; ++i)
        expectCount += int64_t(1 + i % 3);
    EXPECT_EQ(p.total(0), expectCount);
    EXPECT_EQ(p.total(1), expectCount * 10000000);
    EXPECT_GE(p.labelSets.size(), 150000u / 4); // at least one set per span
    ASSERT_EQ(p.sampleLabels.size(), p.sampleCount());
    EXPECT_EQ(fingerprint(*b.raw.profile), fingerprint(p));

    // The same through importFile (a file mapping the inflater may release).
    char path[] = "/tmp/spanfire-streamXXXXXX";
    const int fd = mkstemp(path);
    ASSERT_GE(fd, 0);
    ::close(fd);
    writeFile(path, gz);
    const ImportResult f = importFile(path, plain());
    std::remove(path);
    ASSERT_TRUE(f.ok) << errorOf(f);
    EXPECT_EQ(fingerprint(*f.profile), fingerprint(p));
}

TEST(PprofStream, SamplesInterleavedWithTables) {
    PprofBuilder b;
    b.sampleType("samples", "count");
    b.function(1, "main").function(2, "work");
    b.sample({2, 1}, {1}, {{"k", "a", 0, ""}});
    b.location(1, 0, 0x10, {{1, 1}});
    b.sample({1}, {2});
    b.location(2, 0, 0x20, {{2, 2}});
    b.sample({2, 1}, {4}, {{"k", "a", 0, ""}});
    const std::string raw = b.build();
    const Both both = loadBoth(raw, gzipBytes(raw));
    ASSERT_TRUE(both.gz.ok) << errorOf(both.gz);
    EXPECT_EQ(both.gz.profile->sampleCount(), 3u);
    EXPECT_EQ(both.gz.profile->total(0), 7);
    EXPECT_EQ(fingerprint(*both.raw.profile), fingerprint(*both.gz.profile));
}

TEST(PprofStream, TheEarliestBadSampleIsReportedWhicheverStepFindsIt) {
    // Ten samples; one may have an unknown location, one a value too many,
    // one a label whose value is outside the string table.
    auto build = [](int badStackAt, int mismatchAt, int badLabelAt) {
        PprofBuilder b;
        b.sampleType("samples", "count");
        for (int i = 0; i < 10; ++i) {
            std::vector<uint64_t> values{1};
            if (i == mismatchAt)
                values.push_back(2);
            if (i == badLabelAt) {
                b.raw(Pb().msg(2, Pb().packed(1, {1}).packed(2, values).msg(
                                      3, Pb().varint(1, uint64_t(b.s("k"))).varint(2, 9999)))
                          .str());
                continue;
            }
            b.sample({i == badStackAt ? 99u : 1u}, values, {{"k", "v" + std::to_string(i % 3), 0, ""}});
        }
        b.location(1, 0, 0x10, {{1, 1}}).function(1, "main");
        return b.build();
    };
    struct Case {
        int stack, mismatch, label;
        const char *expect;
    } cases[] = {{3, 6, 8, "unknown location id 99"},
                 {7, 2, 9, "mismatch: sample has 2 values vs. 1 types"},
                 {-1, 0, -1, "mismatch: sample has 2 values vs. 1 types"},
                 {5, -1, -1, "unknown location id 99"},
                 {6, 8, 4, "string index 9999 is outside the string table"}};
    for (const Case &c : cases) {
        const std::string raw = build(c.stack, c.mismatch, c.label);
        const Both b = loadBoth(raw, gzipBytes(raw));
        ASSERT_FALSE(b.raw.ok);
        ASSERT_FALSE(b.gz.ok);
        EXPECT_NE(b.raw.error.message.find(c.expect), std::string::npos) << b.raw.error.message;
        EXPECT_EQ(b.raw.error.offset, b.gz.error.offset) << c.expect;
        EXPECT_EQ(b.raw.error.message, b.gz.error.message.substr(0, b.raw.error.message.size()));
        EXPECT_NE(b.gz.error.message.find("decompressed from gzip"), std::string::npos) << b.gz.error.message;
    }
}

TEST(PprofStream, NotOneCleanMemberFallsBackToTheOrdinaryGunzip) {
    const std::string raw = bigProfile(3000, 200, 50, 3);
    // Two members: the worker stops after the first; gunzip() reads both.
    const std::string two = gzipBytes(raw.substr(0, raw.size() / 2)) + gzipBytes(raw.substr(raw.size() / 2));
    const Both b = loadBoth(raw, two);
    ASSERT_TRUE(b.gz.ok) << errorOf(b.gz);
    EXPECT_EQ(b.gz.profile->format, "pprof (gzip)");
    EXPECT_EQ(fingerprint(*b.raw.profile), fingerprint(*b.gz.profile));

    // Bytes after the member: the ordinary path's error, unchanged.
    const ImportResult trailing = importBytes("x.pb.gz", gzipBytes(raw) + "garbage!", plain());
    ASSERT_FALSE(trailing.ok);
    EXPECT_NE(trailing.error.message.find("unexpected bytes after the end of the gzip stream"), std::string::npos)
        << trailing.error.message;

    // Corrupt deflate data past the sniffed head.
    std::string corrupt = gzipBytes(raw, 1);
    for (size_t i = corrupt.size() / 2; i < corrupt.size() / 2 + 64; ++i)
        corrupt[i] = char(corrupt[i] ^ 0x5A);
    const ImportResult bad = importBytes("x.pb.gz", corrupt, plain());
    ASSERT_FALSE(bad.ok);
    EXPECT_NE(bad.error.message.find("gzip"), std::string::npos) << bad.error.message;
}

TEST(PprofStream, TruncatedProfileInsideACleanGzipNamesTheSameOffset) {
    const std::string raw = bigProfile(2000, 100, 40, 2);
    for (size_t cut : {raw.size() / 3, raw.size() - 7}) {
        const std::string part = raw.substr(0, cut);
        const Both b = loadBoth(part, gzipBytes(part));
        ASSERT_FALSE(b.raw.ok) << cut;
        ASSERT_FALSE(b.gz.ok) << cut;
        EXPECT_EQ(b.raw.error.offset, b.gz.error.offset) << cut;
        EXPECT_EQ(b.raw.error.message, b.gz.error.message.substr(0, b.raw.error.message.size())) << cut;
    }
}

TEST(PprofStream, CancelWhileInflating) {
    const std::string gz = gzipBytes(bigProfile(200000, 5000, 500, 8), 1);
    std::atomic<bool> cancel{true}; // already set: the first check stops it
    ImportOptions o = plain();
    o.cancel = &cancel;
    const ImportResult r = importBytes("x.pb.gz", gz, o);
    ASSERT_FALSE(r.ok);
    EXPECT_TRUE(r.error.cancelled) << r.error.message;
}

TEST(PprofStream, OtherFormatsWaitForTheWholeBufferAndHonourCancel) {
    std::string folded;
    int64_t sum = 0;
    for (int i = 0; folded.size() < (12u << 20); ++i) {
        folded += "main;serve;handler" + std::to_string(i % 5000) + ";work " + std::to_string(1 + i % 9) + "\n";
        sum += 1 + i % 9;
    }
    const std::string gz = gzipBytes(folded, 1);
    const ImportResult ok = importBytes("x.folded.gz", gz, plain());
    ASSERT_TRUE(ok.ok) << errorOf(ok);
    EXPECT_EQ(ok.profile->format, "folded stacks (gzip)");
    EXPECT_EQ(ok.profile->total(0), sum); // the whole 12 MB arrived (identical stacks are merged)

    std::atomic<bool> cancel{true};
    ImportOptions o = plain();
    o.cancel = &cancel;
    const ImportResult r = importBytes("x.folded.gz", gz, o);
    ASSERT_FALSE(r.ok);
    EXPECT_TRUE(r.error.cancelled) << r.error.message;
}

TEST(PprofStream, ReleasingParsedInputNeverLosesSamplesStillInABatch) {
    // zstd takes the ordinary path: the whole profile inflated into one
    // buffer that the decoder gives back behind it every 32 MB. Samples
    // scanned but not yet committed must not be in what it gives back.
    const std::string raw = bigProfile(720000, 500000, 3000, 5, 11); // most stacks new
    ASSERT_GT(raw.size(), 40u << 20);
    const Both b = loadBoth(raw, zstdBytes(raw, 1));
    ASSERT_TRUE(b.raw.ok) << errorOf(b.raw);
    ASSERT_TRUE(b.gz.ok) << errorOf(b.gz);
    EXPECT_EQ(b.gz.profile->format, "pprof (zstd)");
    EXPECT_EQ(fingerprint(*b.raw.profile), fingerprint(*b.gz.profile));
}

TEST(PprofStream, ALabelErrorIsReportedInsideTheLabel) {
    // Labels are decoded once per distinct list after the scan; an error in
    // one still names the byte where it is, not just its sample.
    PprofBuilder b;
    b.sampleType("samples", "count");
    for (int i = 0; i < 5; ++i)
        b.sample({1}, {1}, {{"k", "v", 0, ""}});
    const Pb badLabel = Pb().varint(1, uint64_t(b.s("k"))).bytes(2, "oops"); // str index as bytes
    b.raw(Pb().msg(2, Pb().packed(1, {1}).packed(2, {1}).msg(3, badLabel)).str());
    b.location(1, 0, 0x10, {{1, 1}}).function(1, "main");
    const std::string raw = b.build();
    const size_t labelAt = raw.find(badLabel.str());
    ASSERT_NE(labelAt, std::string::npos);
    const Both both = loadBoth(raw, gzipBytes(raw));
    for (const ImportResult *r : {&both.raw, &both.gz}) {
        ASSERT_FALSE(r->ok);
        EXPECT_NE(r->error.message.find("Label field has the wrong wire type"), std::string::npos) << r->error.message;
        EXPECT_GE(r->error.offset, labelAt);
        EXPECT_LT(r->error.offset, labelAt + badLabel.str().size());
    }
}
