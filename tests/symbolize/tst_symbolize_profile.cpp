// Whole-profile behaviour: corpus profiles without local binaries load and
// keep module+0xoffset frames; the rebuilt model keeps every sample and
// total; cancel; the pprof writer round-trips and `go tool pprof` reads it.
#include "symtestutil.h"

#include "importers/symbolize/pprofwriter.h"
#include "importers/symbolize/symbolizer.h"

#include <gtest/gtest.h>

#include <atomic>
#include <fstream>

using namespace spanfire;
using namespace symtest;

namespace {

std::string corpus(const std::string &name) {
    return std::string(SPANFIRE_CORPUS_DIR) + "/pprof/" + name;
}

int64_t sumColumn(const Profile &p, size_t k) {
    int64_t s = 0;
    for (int64_t v : p.values[k])
        s += v;
    return s;
}

} // namespace

TEST(SymbolizeProfile, UnsymbolizedCorpusWithoutBinariesKeepsModuleOffsets) {
    for (const char *name : {"parca__normal-cpu.stripped.pprof", "google-pprof__cppbench.cpu_no_samples_type.pb.gz",
                             "google-pprof__go.nomappings.crash.pb.gz"}) {
        SCOPED_TRACE(name);
        const ImportResult in = importFile(corpus(name));
        ASSERT_TRUE(in.ok) << in.error.toString();
        SymbolizeOptions o;
        TempDir empty;
        o.debugDirs = {empty.path()};
        const SymbolizeResult r = symbolize(*in.profile, o);
        ASSERT_TRUE(r.ok);
        EXPECT_FALSE(r.changed);
        EXPECT_GT(r.addresses, 0u);
        EXPECT_EQ(r.symbolized, 0u);
        const Profile &a = *in.profile, &b = *r.profile;
        EXPECT_EQ(a.sampleCount(), b.sampleCount());
        EXPECT_EQ(a.trie.size(), b.trie.size());
        for (size_t k = 0; k < a.values.size(); ++k)
            EXPECT_EQ(sumColumn(a, k), sumColumn(b, k));
        size_t unsym = 0;
        for (size_t i = 0; i < b.sampleCount(); ++i) {
            const Frame &fa = a.frameOf(NodeId(a.sampleNode[i])), &fb = b.frameOf(NodeId(b.sampleNode[i]));
            EXPECT_EQ(a.strings.view(fa.name), b.strings.view(fb.name));
            if (fb.kind == FrameKind::Unsymbolized) {
                ++unsym;
                if (std::string(name) != "google-pprof__go.nomappings.crash.pb.gz") {
                    EXPECT_NE(b.strings.view(fb.name).find("+0x"), std::string_view::npos);
                }
            }
        }
        EXPECT_GT(unsym, 0u);
        for (const MappingReport &m : r.mappings)
            EXPECT_NE(m.status, MappingStatus::Symbolized) << m.file;
    }
}

TEST(SymbolizeProfile, SymbolizedCorpusProfilesAreLeftAlone) {
    const ImportResult in = importFile(corpus("pyroscope__go.cpu.labels.pprof"));
    ASSERT_TRUE(in.ok);
    const SymbolizeResult r = symbolize(*in.profile, SymbolizeOptions{});
    ASSERT_TRUE(r.ok);
    EXPECT_EQ(r.addresses, 0u);
    EXPECT_EQ(r.profile->trie.size(), in.profile->trie.size());
    EXPECT_EQ(r.profile->frames.size(), in.profile->frames.size());
    EXPECT_EQ(r.profile->labelSets.size(), in.profile->labelSets.size());
    EXPECT_EQ(r.profile->sampleLabels, in.profile->sampleLabels);
}

TEST(SymbolizeProfile, DeeperStacksKeepTotalsAndShareCallers) {
    // Two-level stacks: main -> worker-address; every sample's leaf chain ends
    // in the same root frame so the rebuilt trie must merge them.
    const std::string binary = fixture("inline_cpp");
    std::vector<uint64_t> addrs = functionAddresses(binary, {"_ZN7fixture11Accumulator3addERKSt6vectorIjSaIjEE"});
    ASSERT_GT(addrs.size(), 10u);
    const ImportResult in = addressProfile(binary, gnuBuildId(binary), binary, 0x555555554000ull, addrs);
    ASSERT_TRUE(in.ok);
    std::atomic<bool> cancel{false};
    int lastProgress = -1;
    SymbolizeOptions o;
    o.cancel = &cancel;
    o.progress = [&](int permille, const char *) { lastProgress = permille; };
    const SymbolizeResult r = symbolize(*in.profile, o);
    ASSERT_TRUE(r.ok);
    EXPECT_EQ(lastProgress, 1000);
    const Profile &p = *r.profile;
    EXPECT_EQ(sumColumn(p, 0), int64_t(addrs.size()));
    // All addresses are in one function: one root child.
    size_t rootChildren = 0;
    for (uint32_t n = 1; n < p.trie.size(); ++n)
        rootChildren += p.trie.parent(NodeId(n)) == StackTrie::root();
    EXPECT_EQ(rootChildren, 1u);
    EXPECT_LT(p.trie.size(), addrs.size());
    EXPECT_GT(p.trie.maxDepth(), 1u);

    cancel = true;
    const SymbolizeResult cancelled = symbolize(*in.profile, o);
    EXPECT_FALSE(cancelled.ok);
    EXPECT_TRUE(cancelled.cancelled);
    EXPECT_FALSE(cancelled.profile);
}

TEST(SymbolizeProfile, WriterRoundTripsThroughTheImporter) {
    const std::string binary = fixture("inline_cpp");
    const auto addrs = functionAddresses(binary, {"_ZN7fixture11Accumulator3addERKSt6vectorIjSaIjEE", "main"});
    const ImportResult in = addressProfile(binary, gnuBuildId(binary), binary, 0x555555554000ull, addrs);
    ASSERT_TRUE(in.ok);
    const SymbolizeResult r = symbolize(*in.profile, SymbolizeOptions{});
    ASSERT_TRUE(r.ok && r.changed);
    PprofWriteOptions wo;
    wo.nodeLine = &r.nodeLine;
    wo.nodeAddress = &r.nodeAddress;
    const std::string bytes = writePprof(*r.profile, wo);
    ASSERT_FALSE(bytes.empty());
    EXPECT_EQ(uint8_t(bytes[0]), 0x1f); // gzip
    const ImportResult back = importBytes("roundtrip.pb.gz", bytes);
    ASSERT_TRUE(back.ok) << back.error.toString();
    const Profile &a = *r.profile, &b = *back.profile;
    ASSERT_EQ(a.sampleCount(), b.sampleCount());
    EXPECT_EQ(a.trie.size(), b.trie.size());
    EXPECT_EQ(sumColumn(a, 0), sumColumn(b, 0));
    for (size_t i = 0; i < a.sampleCount(); ++i) {
        NodeId na(a.sampleNode[i]), nb(b.sampleNode[i]);
        while (na != StackTrie::root() && nb != StackTrie::root()) {
            const Frame &fa = a.frameOf(na), &fb = b.frameOf(nb);
            ASSERT_EQ(a.strings.view(fa.name), b.strings.view(fb.name));
            EXPECT_EQ(a.strings.view(fa.file), b.strings.view(fb.file));
            EXPECT_EQ(fa.kind, fb.kind);
            EXPECT_EQ(fa.startLine, fb.startLine);
            na = a.trie.parent(na);
            nb = b.trie.parent(nb);
        }
        EXPECT_EQ(na, nb);
    }
    ASSERT_EQ(b.mappings.size(), 1u);
    EXPECT_TRUE(b.mappings[0].hasFunctions);
    EXPECT_EQ(b.strings.view(b.mappings[0].buildId), gnuBuildId(binary));
}

TEST(SymbolizeProfile, GoToolPprofReadsTheOutput) {
    const std::string go = SYM_GO;
    if (go.empty())
        GTEST_SKIP() << "go not installed";
    const std::string binary = fixture("inline_c");
    const auto addrs = functionAddresses(binary, {"worker", "fib"});
    const ImportResult in = addressProfile(binary, gnuBuildId(binary), binary, 0, addrs);
    ASSERT_TRUE(in.ok);
    const SymbolizeResult r = symbolize(*in.profile, SymbolizeOptions{});
    ASSERT_TRUE(r.changed);
    TempDir tmp;
    const std::string out = tmp.path() + "/out.pb.gz";
    std::string error;
    PprofWriteOptions wo;
    wo.nodeLine = &r.nodeLine;
    wo.nodeAddress = &r.nodeAddress;
    ASSERT_TRUE(writePprofFile(out, *r.profile, wo, error)) << error;
    int status = -1;
    const std::string top = run("HOME='" + tmp.path() + "' PPROF_BINARY_PATH=/nonexistent '" + go +
                                    "' tool pprof -top -symbolize=none '" + out + "' 2>&1",
                                &status);
    EXPECT_EQ(status, 0) << top;
    EXPECT_NE(top.find("worker"), std::string::npos) << top;
    EXPECT_NE(top.find("fib"), std::string::npos) << top;
    EXPECT_EQ(top.find("+0x"), std::string::npos) << top;
}
