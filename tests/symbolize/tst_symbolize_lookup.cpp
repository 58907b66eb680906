// File lookup rules: wrong build id (refused with a warning, frames stay
// module+0xoffset), missing files, devices/FIFOs never opened, size limit,
// build id formats.
#include "symtestutil.h"

#include "importers/symbolize/debugfinder.h"
#include "importers/symbolize/elffile.h"
#include "importers/symbolize/symbolizer.h"

#include <gtest/gtest.h>

#include <chrono>
#include <sys/stat.h>

using namespace spanfire;
using namespace symtest;

namespace {

std::vector<uint64_t> someAddresses() {
    auto a = functionAddresses(fixture("inline_c"), {"worker"});
    if (a.size() > 40)
        a.resize(40);
    return a;
}

void expectUnsymbolized(const Profile &p) {
    for (uint32_t n = 1; n < p.trie.size(); ++n) {
        const Frame &f = p.frameOf(NodeId(n));
        EXPECT_EQ(f.kind, FrameKind::Unsymbolized);
        EXPECT_NE(p.strings.view(f.name).find("+0x"), std::string_view::npos) << p.strings.view(f.name);
    }
}

} // namespace

TEST(SymbolizeLookup, ElfFileFacts) {
    ElfFile f;
    ASSERT_TRUE(f.open(fixture("inline_cpp"), 1ull << 30));
    EXPECT_EQ(f.gnuBuildId(), gnuBuildId(fixture("inline_cpp")));
    EXPECT_TRUE(f.hasDwarf());
    EXPECT_TRUE(f.isDyn());
    EXPECT_TRUE(f.matchesBuildId(gnuBuildId(fixture("inline_cpp"))));
    std::string upper = gnuBuildId(fixture("inline_cpp"));
    for (char &c : upper)
        c = char(toupper(c));
    EXPECT_TRUE(f.matchesBuildId(" " + upper + "\n"));
    EXPECT_FALSE(f.matchesBuildId("deadbeef"));
    EXPECT_EQ(f.loads().size(), loadSegments(fixture("inline_cpp")).size());

    ElfFile c;
    ASSERT_TRUE(c.open(fixture("inline_c"), 1ull << 30));
    EXPECT_FALSE(c.isDyn());
    uint64_t va = 0;
    const uint64_t worker = functionAddresses(fixture("inline_c"), {"worker"}).at(0);
    ASSERT_TRUE(c.offsetToVaddr(fileOffsetOf(fixture("inline_c"), worker), va));
    EXPECT_EQ(va, worker);
}

TEST(SymbolizeLookup, RefusesNonRegularAndLargeFiles) {
    ElfFile f;
    EXPECT_FALSE(f.open("/dev/zero", 1ull << 30));
    EXPECT_EQ(f.error(), ElfFile::OpenError::NotRegular);
    EXPECT_FALSE(f.open("/nonexistent/file", 1ull << 30));
    EXPECT_EQ(f.error(), ElfFile::OpenError::Missing);
    EXPECT_FALSE(f.open(fixture("inline_c"), 100));
    EXPECT_EQ(f.error(), ElfFile::OpenError::TooLarge);
    EXPECT_FALSE(f.open(std::string(SYM_FIXTURE_DIR), 1ull << 30));
    EXPECT_EQ(f.error(), ElfFile::OpenError::NotRegular);
    TempDir tmp;
    const std::string fifo = tmp.path() + "/fifo";
    ASSERT_EQ(mkfifo(fifo.c_str(), 0600), 0);
    const auto t0 = std::chrono::steady_clock::now();
    EXPECT_FALSE(f.open(fifo, 1ull << 30)); // must not block
    EXPECT_EQ(f.error(), ElfFile::OpenError::NotRegular);
    EXPECT_LT(std::chrono::steady_clock::now() - t0, std::chrono::seconds(2));
    const std::string text = tmp.path() + "/text";
    run("echo not an elf file > '" + text + "'");
    EXPECT_FALSE(f.open(text, 1ull << 30));
    EXPECT_EQ(f.error(), ElfFile::OpenError::NotElf);

    // A profile naming a FIFO as its binary: loads, nothing opened, reported missing.
    const ImportResult imported = addressProfile(fifo, "", fixture("inline_c"), 0, someAddresses());
    ASSERT_TRUE(imported.ok) << imported.error.toString();
    const SymbolizeResult r = symbolize(*imported.profile, SymbolizeOptions{});
    ASSERT_TRUE(r.ok);
    ASSERT_EQ(r.mappings.size(), 1u);
    EXPECT_EQ(r.mappings[0].status, MappingStatus::MissingFile);
    EXPECT_EQ(r.symbolized, 0u);
    expectUnsymbolized(*r.profile);
}

TEST(SymbolizeLookup, WrongBuildIdIsRefused) {
    const std::string binary = fixture("inline_c");
    const std::string wrong = "0123456789abcdef0123456789abcdef01234567";
    const ImportResult imported = addressProfile(binary, wrong, binary, 0, someAddresses());
    ASSERT_TRUE(imported.ok);
    const SymbolizeResult r = symbolize(*imported.profile, SymbolizeOptions{});
    ASSERT_TRUE(r.ok);
    ASSERT_EQ(r.mappings.size(), 1u);
    EXPECT_EQ(r.mappings[0].status, MappingStatus::BuildIdMismatch);
    EXPECT_EQ(r.mappings[0].symbolized, 0u);
    EXPECT_EQ(r.mappings[0].addresses, someAddresses().size());
    ASSERT_EQ(r.warnings.size(), 1u);
    EXPECT_NE(r.warnings[0].find(binary), std::string::npos);
    EXPECT_NE(r.warnings[0].find(gnuBuildId(binary)), std::string::npos);
    EXPECT_FALSE(r.changed);
    expectUnsymbolized(*r.profile);
    bool warned = false;
    for (const auto &w : r.profile->warnings)
        warned |= w.name.find("build id mismatch") != std::string::npos && w.count == someAddresses().size();
    EXPECT_TRUE(warned);

    // A debug file of another build id in the debug folder is refused too.
    TempDir tmp;
    const std::string other = fixture("inline_cpp");
    run("mkdir -p '" + tmp.path() + "/.build-id/01'");
    run(std::string(SYM_OBJCOPY) + " --only-keep-debug '" + other + "' '" + tmp.path() +
        "/.build-id/01/23456789abcdef0123456789abcdef01234567.debug'");
    SymbolizeOptions o;
    o.debugDirs = {tmp.path()};
    const ImportResult missingMain = addressProfile("/nonexistent/app", wrong, binary, 0, someAddresses());
    const SymbolizeResult r2 = symbolize(*missingMain.profile, o);
    ASSERT_EQ(r2.mappings.size(), 1u);
    EXPECT_EQ(r2.mappings[0].status, MappingStatus::BuildIdMismatch);
    expectUnsymbolized(*r2.profile);
}

TEST(SymbolizeLookup, MissingFile) {
    const ImportResult imported = addressProfile("/nonexistent/dir/app", "", fixture("inline_c"), 0, someAddresses());
    ASSERT_TRUE(imported.ok);
    const SymbolizeResult r = symbolize(*imported.profile, SymbolizeOptions{});
    ASSERT_TRUE(r.ok);
    ASSERT_EQ(r.mappings.size(), 1u);
    EXPECT_EQ(r.mappings[0].status, MappingStatus::MissingFile);
    EXPECT_EQ(r.mappings[0].file, "/nonexistent/dir/app");
    EXPECT_EQ(r.symbolized, 0u);
    EXPECT_EQ(r.profile->sampleCount(), someAddresses().size());
    expectUnsymbolized(*r.profile);
}

TEST(SymbolizeLookup, MissingDebugFileMeansNoDebugInfo) {
    TempDir tmp;
    const std::string stripped = tmp.path() + "/app";
    run(std::string(SYM_OBJCOPY) + " --strip-debug '" + fixture("inline_c") + "' '" + stripped + "'");
    const ImportResult imported =
        addressProfile(stripped, gnuBuildId(fixture("inline_c")), fixture("inline_c"), 0, someAddresses());
    SymbolizeOptions o;
    o.systemDebugDir = false;
    const SymbolizeResult r = symbolize(*imported.profile, o);
    ASSERT_EQ(r.mappings.size(), 1u);
    EXPECT_EQ(r.mappings[0].status, MappingStatus::NoDebugInfo);
    // The symbol table still names the function, without a line.
    EXPECT_GT(r.symbolized, 0u);
    const Profile &p = *r.profile;
    EXPECT_EQ(p.strings.view(p.frameOf(NodeId(p.sampleNode[0])).name), "worker");
}

TEST(SymbolizeLookup, DebugFinderOrder) {
    // The mapping path wins when its build id matches; a user folder is
    // searched before /usr/lib/debug.
    const std::string binary = fixture("inline_cpp");
    const std::string id = gnuBuildId(binary);
    DebugFinder finder({"/nonexistent-debug-dir"}, true, 1ull << 30);
    ASSERT_EQ(finder.dirs().size(), 2u);
    EXPECT_EQ(finder.dirs()[1], "/usr/lib/debug");
    DebugLookup l = finder.find(binary, id);
    EXPECT_EQ(l.status, LookupStatus::Found);
    EXPECT_EQ(l.main.path(), binary);
    EXPECT_FALSE(l.debug.valid());
    EXPECT_TRUE(l.hasDwarf());
    l = finder.find("relative/path", "");
    EXPECT_EQ(l.status, LookupStatus::MissingFile);
    l = finder.find("[vdso]", "");
    EXPECT_EQ(l.status, LookupStatus::MissingFile);
}
