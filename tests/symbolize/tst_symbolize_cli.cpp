// `spanfire-cli symbolize IN OUT.pb.gz [--debug-dir DIR]`: a stripped binary's
// address-only profile is symbolized from a debug folder; the output loads in
// our importer with names and in `go tool pprof -top`; bad input exits 2 with
// one line naming the file.
#include "symtestutil.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>

using namespace spanfire;
using namespace symtest;

namespace {

std::string cli() {
    return SYM_CLI;
}

} // namespace

TEST(SymbolizeCli, StrippedBinaryWithDebugDir) {
    const std::string binary = fixture("inline_cpp");
    const std::string id = gnuBuildId(binary);
    TempDir tmp;
    const std::string stripped = tmp.path() + "/inline_cpp";
    run("mkdir -p '" + tmp.path() + "/dbg/.build-id/" + id.substr(0, 2) + "'");
    run(std::string(SYM_OBJCOPY) + " --only-keep-debug '" + binary + "' '" + tmp.path() + "/dbg/.build-id/" +
        id.substr(0, 2) + "/" + id.substr(2) + ".debug'");
    run(std::string(SYM_OBJCOPY) + " --strip-all '" + binary + "' '" + stripped + "'");
    const auto addrs = functionAddresses(binary, {"_ZN7fixture11Accumulator3addERKSt6vectorIjSaIjEE", "main"});
    {
        std::ofstream(tmp.path() + "/in.pb.gz", std::ios::binary)
            << addressProfileBytes(stripped, id, binary, 0x555555554000ull, addrs);
    }
    int status = -1;
    // Without the debug folder: nothing to read, frames keep their addresses.
    std::string out = run("'" + cli() + "' symbolize '" + tmp.path() + "/in.pb.gz' '" + tmp.path() +
                              "/plain.pb.gz' --no-system-debug-dir --json",
                          &status);
    EXPECT_EQ(status, 0) << out;
    EXPECT_NE(out.find("\"symbolized\":0,"), std::string::npos) << out;
    EXPECT_NE(out.find("\"status\":\"no debug info\""), std::string::npos) << out;

    out = run("'" + cli() + "' symbolize '" + tmp.path() + "/in.pb.gz' '" + tmp.path() + "/out.pb.gz' --debug-dir '" +
                  tmp.path() + "/dbg'",
              &status);
    EXPECT_EQ(status, 0) << out;
    EXPECT_NE(out.find(std::to_string(addrs.size()) + " of " + std::to_string(addrs.size()) + " addresses symbolized"),
              std::string::npos)
        << out;

    ImportOptions io;
    io.symbolize = false;
    const ImportResult back = importFile(tmp.path() + "/out.pb.gz", io);
    ASSERT_TRUE(back.ok) << back.error.toString();
    bool sawAdd = false;
    for (const Frame &f : back.profile->frames.frames()) {
        EXPECT_NE(f.kind, FrameKind::Unsymbolized);
        sawAdd |= back.profile->strings.view(f.name).find("fixture::Accumulator::add") != std::string_view::npos;
    }
    EXPECT_TRUE(sawAdd);

    const std::string go = SYM_GO;
    if (!go.empty()) {
        const std::string top = run("HOME='" + tmp.path() + "' '" + go + "' tool pprof -top -symbolize=none '" +
                                        tmp.path() + "/out.pb.gz' 2>&1",
                                    &status);
        EXPECT_EQ(status, 0) << top;
        EXPECT_NE(top.find("fixture::Accumulator::add"), std::string::npos) << top;
        EXPECT_NE(top.find("(inline)"), std::string::npos) << top;
    }
}

TEST(SymbolizeCli, BadInput) {
    TempDir tmp;
    int status = -1;
    std::string out = run("'" + cli() + "' symbolize /nonexistent/in.pb.gz '" + tmp.path() + "/o.pb.gz' 2>&1", &status);
    EXPECT_EQ(status, 2);
    EXPECT_NE(out.find("/nonexistent/in.pb.gz"), std::string::npos) << out;
    EXPECT_EQ(std::count(out.begin(), out.end(), '\n'), 1) << out;
    out = run("'" + cli() + "' symbolize only-one-file 2>&1", &status);
    EXPECT_EQ(status, 2) << out;
    out = run("'" + cli() + "' symbolize a b --bogus 2>&1", &status);
    EXPECT_EQ(status, 2) << out;
    EXPECT_NE(out.find("--bogus"), std::string::npos) << out;
    out = run("'" + cli() + "' symbolize --help", &status);
    EXPECT_EQ(status, 0);
    EXPECT_NE(out.find("--debug-dir"), std::string::npos);
}
