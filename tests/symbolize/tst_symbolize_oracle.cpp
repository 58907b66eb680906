// Symbolizer vs eu-addr2line: every byte address of the fixture functions
// (C++ PIE, C non-PIE, C shared object), through the low-level resolve() and
// through whole profiles; with the debug info in the binary, in a stripped
// copy's separate debug file found by build id, flat in a debug folder, and
// through .gnu_debuglink.
#include "symtestutil.h"

#include "importers/symbolize/symbolizer.h"

#include <gtest/gtest.h>

#include <set>
#include <sstream>

using namespace spanfire;
using namespace symtest;

namespace {

struct Subject {
    std::string binary;
    std::vector<std::string> symbols;
    uint64_t base;
};

Subject cppSubject() {
    return {fixture("inline_cpp"), {"_ZN7fixture11Accumulator3addERKSt6vectorIjSaIjEE", "main"}, 0x555555554000ull};
}
Subject cSubject() {
    return {fixture("inline_c"), {"worker", "fib", "main"}, 0};
}
Subject soSubject() {
    return {fixture("libshared_fixture.so"), {"lib_checksum", "lib_twice"}, 0x7f1234560000ull};
}

std::vector<uint64_t> subjectAddresses(const Subject &s) {
    std::vector<uint64_t> a = functionAddresses(s.binary, s.symbols);
    // Template instances and lambdas have long mangled names: take every
    // local function of the C++ fixture's namespace too.
    if (s.binary == fixture("inline_cpp")) {
        std::istringstream in(run("nm -S --defined-only '" + s.binary + "' | grep applyAll"));
        std::string line;
        std::vector<std::string> more;
        while (std::getline(in, line))
            more.push_back(line.substr(line.rfind(' ') + 1));
        auto extra = functionAddresses(s.binary, more);
        a.insert(a.end(), extra.begin(), extra.end());
    }
    return a;
}

// Compares every address; returns how many had an inline chain (> 1 frame).
size_t compareWithOracle(Symbolizer &sym, const std::string &mappingPath, const std::string &buildId,
                         const Subject &s) {
    const std::vector<uint64_t> addrs = subjectAddresses(s);
    EXPECT_GT(addrs.size(), 50u) << s.binary;
    const auto expected = oracle(s.binary, addrs);
    EXPECT_EQ(expected.size(), std::set<uint64_t>(addrs.begin(), addrs.end()).size());
    size_t inlined = 0, mismatches = 0;
    std::vector<Symbolizer::Resolved> got;
    for (uint64_t va : addrs) {
        const auto it = expected.find(va);
        if (it == expected.end())
            continue;
        const auto &want = it->second;
        const MappingStatus st = sym.resolve(mappingPath, buildId, fileOffsetOf(s.binary, va), got);
        EXPECT_EQ(st, MappingStatus::Symbolized);
        bool same = got.size() == want.size();
        for (size_t k = 0; same && k < got.size(); ++k)
            same = got[k].name == want[k].name && got[k].file == want[k].file && got[k].line == want[k].line;
        if (!same && ++mismatches <= 5) {
            std::string g, w;
            for (const auto &f : got)
                g += "  " + f.name + " @ " + f.file + ":" + std::to_string(f.line) + "\n";
            for (const auto &f : want)
                w += "  " + f.name + " @ " + f.file + ":" + std::to_string(f.line) + "\n";
            ADD_FAILURE() << s.binary << " 0x" << std::hex << va << "\nours:\n" << g << "eu-addr2line:\n" << w;
        }
        inlined += want.size() > 1;
    }
    EXPECT_EQ(mismatches, 0u) << s.binary;
    return inlined;
}

} // namespace

TEST(SymbolizeOracle, CppPieWithDebugInfo) {
    Symbolizer sym(SymbolizeOptions{});
    const Subject s = cppSubject();
    EXPECT_GT(compareWithOracle(sym, s.binary, gnuBuildId(s.binary), s), 10u) << "no inlining in the C++ fixture";
}

TEST(SymbolizeOracle, CNonPieWithDebugInfo) {
    Symbolizer sym(SymbolizeOptions{});
    const Subject s = cSubject();
    EXPECT_GT(compareWithOracle(sym, s.binary, gnuBuildId(s.binary), s), 10u);
}

TEST(SymbolizeOracle, SharedObject) {
    Symbolizer sym(SymbolizeOptions{});
    const Subject s = soSubject();
    EXPECT_GT(compareWithOracle(sym, s.binary, gnuBuildId(s.binary), s), 0u);
}

TEST(SymbolizeOracle, StrippedCopyWithDebugFileByBuildId) {
    for (const Subject &s : {cppSubject(), cSubject(), soSubject()}) {
        TempDir tmp;
        const std::string id = gnuBuildId(s.binary);
        ASSERT_EQ(id.size(), 40u);
        const std::string stripped = tmp.path() + "/stripped";
        const std::string debugDir = tmp.path() + "/debug";
        run("mkdir -p '" + debugDir + "/.build-id/" + id.substr(0, 2) + "'");
        run(std::string(SYM_OBJCOPY) + " --only-keep-debug '" + s.binary + "' '" + debugDir + "/.build-id/" +
            id.substr(0, 2) + "/" + id.substr(2) + ".debug'");
        run(std::string(SYM_OBJCOPY) + " --strip-all '" + s.binary + "' '" + stripped + "'");
        SymbolizeOptions o;
        o.debugDirs = {debugDir};
        o.systemDebugDir = false;
        Symbolizer sym(o);
        compareWithOracle(sym, stripped, id, s);
        // Without the debug folder the stripped copy has no DWARF.
        Symbolizer bare(SymbolizeOptions{});
        std::vector<Symbolizer::Resolved> got;
        EXPECT_EQ(bare.resolve(stripped, id, fileOffsetOf(s.binary, subjectAddresses(s)[0]), got),
                  MappingStatus::NoDebugInfo);
    }
}

TEST(SymbolizeOracle, FlatDebugFolderAndDebugLink) {
    const Subject s = cppSubject();
    const std::string id = gnuBuildId(s.binary);
    {
        // Flat: DIR/<build id>.debug, binary itself missing (found by build id).
        SCOPED_TRACE("flat");
        TempDir tmp;
        run(std::string(SYM_OBJCOPY) + " --only-keep-debug '" + s.binary + "' '" + tmp.path() + "/" + id + ".debug'");
        SymbolizeOptions o;
        o.debugDirs = {tmp.path()};
        Symbolizer sym(o);
        compareWithOracle(sym, "/nonexistent/inline_cpp", id, s);
    }
    {
        // .gnu_debuglink next to the stripped binary, no build id in the profile (CRC checked).
        SCOPED_TRACE("debuglink");
        TempDir tmp;
        const std::string stripped = tmp.path() + "/app";
        run(std::string(SYM_OBJCOPY) + " --only-keep-debug '" + s.binary + "' '" + tmp.path() + "/app.dbg'");
        run(std::string(SYM_OBJCOPY) + " --strip-all --add-gnu-debuglink='" + tmp.path() + "/app.dbg' '" + s.binary +
            "' '" + stripped + "'");
        Symbolizer sym(SymbolizeOptions{});
        compareWithOracle(sym, stripped, "", s);
    }
}

TEST(SymbolizeOracle, WholeProfileMatchesResolve) {
    // The profile path: pprof bytes -> importer (offsets) -> symbolize ->
    // trie chains (root-first) whose frames equal resolve()'s (innermost first).
    for (const Subject &s : {cppSubject(), soSubject()}) {
        const std::string id = gnuBuildId(s.binary);
        const std::vector<uint64_t> addrs = subjectAddresses(s);
        const ImportResult imported = addressProfile(s.binary, id, s.binary, s.base, addrs);
        ASSERT_TRUE(imported.ok) << imported.error.toString();
        Symbolizer sym(SymbolizeOptions{});
        const SymbolizeResult r = sym.symbolize(*imported.profile);
        ASSERT_TRUE(r.ok);
        ASSERT_EQ(r.mappings.size(), 1u);
        EXPECT_EQ(r.mappings[0].status, MappingStatus::Symbolized);
        EXPECT_EQ(r.mappings[0].addresses, addrs.size());
        EXPECT_EQ(r.mappings[0].symbolized, addrs.size());
        const Profile &p = *r.profile;
        ASSERT_EQ(p.sampleCount(), addrs.size());
        EXPECT_EQ(p.total(0), int64_t(addrs.size()));
        const auto want = oracle(s.binary, addrs);
        for (size_t i = 0; i < addrs.size(); ++i) {
            std::vector<std::string> chain;
            std::vector<uint32_t> lines;
            for (NodeId n(p.sampleNode[i]); n != StackTrie::root(); n = p.trie.parent(n)) {
                chain.push_back(std::string(p.strings.view(p.frameOf(n).name)));
                lines.push_back(r.nodeLine[n.v]);
                EXPECT_NE(p.frameOf(n).kind, FrameKind::Unsymbolized);
                EXPECT_EQ(p.frameOf(n).kind == FrameKind::Inlined, p.trie.parent(n) != StackTrie::root());
            }
            const auto &w = want.at(addrs[i]);
            ASSERT_EQ(chain.size(), w.size()) << std::hex << addrs[i];
            // Lines per node are those of the first address that created
            // it: every node of the first sample's path.
            for (size_t k = 0; k < w.size(); ++k) {
                EXPECT_EQ(chain[k], w[k].name);
                if (i == 0) {
                    EXPECT_EQ(lines[k], w[k].line) << std::hex << addrs[i];
                }
            }
        }
    }
}
