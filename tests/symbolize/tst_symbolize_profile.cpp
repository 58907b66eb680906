// Whole-profile behaviour: corpus profiles without local binaries load and
// keep module+0xoffset frames; the rebuilt model keeps every sample and
// total; cancel; the pprof writer round-trips and `go tool pprof` reads it.
#include "symtestutil.h"

#include "importers/symbolize/pprofwriter.h"
#include "importers/symbolize/symbolizer.h"

#include <gtest/gtest.h>

#include <array>
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

TEST(SymbolizeProfile, ImportSymbolizesOnLoad) {
    // ImportOptions::symbolize (default on): importFile/importBytes hand back
    // the symbolized model; with it off the frames stay module+0xoffset.
    const std::string binary = fixture("inline_c");
    const auto addrs = functionAddresses(binary, {"worker"});
    TempDir tmp;
    const std::string stripped = tmp.path() + "/app";
    const std::string id = gnuBuildId(binary);
    run("mkdir -p '" + tmp.path() + "/dbg/.build-id/" + id.substr(0, 2) + "'");
    run(std::string(SYM_OBJCOPY) + " --only-keep-debug '" + binary + "' '" + tmp.path() + "/dbg/.build-id/" +
        id.substr(0, 2) + "/" + id.substr(2) + ".debug'");
    run(std::string(SYM_OBJCOPY) + " --strip-all '" + binary + "' '" + stripped + "'");
    const std::string bytes = addressProfileBytes(stripped, id, binary, 0, addrs);

    ImportOptions io;
    io.debugDirs = {tmp.path() + "/dbg"};
    int lastProgress = -1;
    std::string stage;
    io.progress = [&](int permille, const char *s) {
        lastProgress = permille;
        stage = s;
    };
    const ImportResult on = importBytes("on.pb.gz", bytes, io);
    ASSERT_TRUE(on.ok) << on.error.toString();
    const Profile &p = *on.profile;
    EXPECT_EQ(stage, "symbolizing");
    EXPECT_EQ(lastProgress, 1000);
    bool sawWorker = false;
    for (size_t i = 0; i < p.sampleCount(); ++i) {
        NodeId n(p.sampleNode[i]);
        while (p.trie.parent(n) != StackTrie::root())
            n = p.trie.parent(n);
        EXPECT_EQ(p.strings.view(p.frameOf(n).name), "worker");
        sawWorker = true;
    }
    EXPECT_TRUE(sawWorker);

    io.symbolize = false;
    const ImportResult off = importBytes("off.pb.gz", bytes, io);
    ASSERT_TRUE(off.ok);
    EXPECT_EQ(off.profile->frameOf(NodeId(off.profile->sampleNode[0])).kind, FrameKind::Unsymbolized);

    // Cancelled while symbolizing: a cancelled import, no crash.
    std::atomic<bool> cancel{true};
    ImportOptions cancelled;
    cancelled.cancel = &cancel;
    const ImportResult c = importBytes("cancel.pb.gz", bytes, cancelled);
    EXPECT_FALSE(c.ok);
    EXPECT_TRUE(c.error.cancelled);

    // The refusal reaches the import's warnings.
    const std::string wrong = addressProfileBytes(binary, std::string(40, 'a'), binary, 0, addrs);
    const ImportResult refused = importBytes("wrong.pb.gz", wrong);
    ASSERT_TRUE(refused.ok);
    bool named = false;
    for (const auto &w : refused.warnings)
        named |= w.name.find("refused " + binary) == 0 && w.count == addrs.size();
    EXPECT_TRUE(named);
}

TEST(SymbolizeProfile, NoBuildIdNeedsAFittingMapping) {
    // No build id: the file at the mapping path is used only when the
    // mapping could be one of its segments.
    const std::string binary = fixture("inline_c");
    const auto addrs = functionAddresses(binary, {"worker"});
    const ImportResult fits = addressProfile(binary, "", binary, 0, addrs);
    const SymbolizeResult a = symbolize(*fits.profile, SymbolizeOptions{});
    ASSERT_EQ(a.mappings.size(), 1u);
    EXPECT_EQ(a.mappings[0].status, MappingStatus::Symbolized);
    EXPECT_EQ(a.symbolized, addrs.size());

    Profile p;
    p.sampleTypes.push_back({p.strings.intern("samples"), p.strings.intern("count")});
    Mapping m;
    m.memoryStart = 0x400000;
    m.memoryLimit = 0x400000 + (1ull << 30); // 1 GiB: not this small file
    m.fileOffset = 0x123000;
    m.file = p.strings.intern(binary);
    p.mappings.push_back(m);
    Frame f;
    f.kind = FrameKind::Unsymbolized;
    f.module = m.file;
    f.address = 0x123456;
    f.name = f.systemName = p.strings.intern("inline_c+0x123456");
    p.sampleNode.push_back(p.trie.child(StackTrie::root(), p.frames.intern(f)).v);
    p.values = {{1}};
    p.sampleLabels.push_back(0);
    p.finish();
    const SymbolizeResult b = symbolize(p, SymbolizeOptions{});
    ASSERT_EQ(b.mappings.size(), 1u);
    EXPECT_EQ(b.mappings[0].status, MappingStatus::BuildIdMismatch);
    EXPECT_NE(b.mappings[0].message.find("no build id"), std::string::npos);
    EXPECT_EQ(b.symbolized, 0u);
}

TEST(SymbolizeProfile, EveryColumnSurvives) {
    // Labels, timestamps and OTLP span links ride along unchanged, on the
    // copying path and in place.
    const std::string binary = fixture("inline_c");
    const auto addrs = functionAddresses(binary, {"worker", "fib"});
    ASSERT_GT(addrs.size(), 4u);
    auto make = [&] {
        const ImportResult in = addressProfile(binary, gnuBuildId(binary), binary, 0, addrs);
        auto p = std::make_shared<Profile>();
        // Rebuild as a mutable profile with the extra columns filled in.
        const Profile &src = *in.profile;
        for (uint32_t i = 1; i < src.strings.size(); ++i)
            p->strings.intern(src.strings.view(StringId(i)));
        p->sampleTypes = src.sampleTypes;
        p->mappings = src.mappings;
        p->values = src.values;
        for (const Frame &f : src.frames.frames())
            p->frames.intern(f);
        for (size_t i = 0; i < src.sampleCount(); ++i) {
            // Frame ids are equal: the frames were interned in the same order.
            p->sampleNode.push_back(p->trie.child(StackTrie::root(), src.trie.frame(NodeId(src.sampleNode[i]))).v);
            p->sampleTime.push_back(int64_t(1000 + i));
            p->sampleSpanId.push_back(0x1122334455667788ull + i);
            std::array<uint8_t, 16> trace{};
            trace[0] = uint8_t(i);
            p->sampleTraceId.push_back(trace);
            p->sampleLabels.push_back(
                p->labelSets
                    .intern(
                        {Label{p->strings.intern("k"), p->strings.intern("v" + std::to_string(i % 3)), StringId(0), 0}})
                    .v);
        }
        p->finish();
        return p;
    };
    auto check = [&](const Profile &orig, const Profile &got) {
        ASSERT_EQ(got.sampleCount(), orig.sampleCount());
        EXPECT_EQ(got.sampleTime, orig.sampleTime);
        EXPECT_EQ(got.sampleSpanId, orig.sampleSpanId);
        EXPECT_EQ(got.sampleTraceId, orig.sampleTraceId);
        EXPECT_EQ(got.values, orig.values);
        for (size_t i = 0; i < got.sampleCount(); ++i) {
            const LabelSetId a(orig.sampleLabels[i]), b(got.sampleLabels[i]);
            ASSERT_EQ(orig.labelSets.end(a) - orig.labelSets.begin(a), got.labelSets.end(b) - got.labelSets.begin(b));
            EXPECT_EQ(got.strings.view(got.labelSets.begin(b)->str), orig.strings.view(orig.labelSets.begin(a)->str));
        }
    };
    const std::shared_ptr<Profile> original = make();
    const SymbolizeResult copied = symbolize(*original, SymbolizeOptions{});
    ASSERT_TRUE(copied.changed);
    check(*original, *copied.profile);

    const std::shared_ptr<Profile> reference = make();
    std::shared_ptr<Profile> inPlace = make();
    Symbolizer sym(SymbolizeOptions{});
    const SymbolizeResult r = sym.symbolizeInPlace(*inPlace);
    ASSERT_TRUE(r.changed);
    EXPECT_FALSE(r.profile);
    check(*reference, *inPlace);
    EXPECT_NE(inPlace->frameOf(NodeId(inPlace->sampleNode[0])).kind, FrameKind::Unsymbolized);
}
