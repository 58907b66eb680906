// Demangling: C++, Rust legacy (hash dropped, escapes undone), Rust v0, and
// names that are left alone.
#include "importers/symbolize/demangle.h"

#include <gtest/gtest.h>

using spanfire::demangleRustV0;
using spanfire::demangleSymbol;

TEST(Demangle, Cpp) {
    EXPECT_EQ(demangleSymbol("_Z5outeri"), "outer(int)");
    EXPECT_EQ(demangleSymbol("_ZN2ns3midEi"), "ns::mid(int)");
    EXPECT_EQ(demangleSymbol("_ZNSt6vectorIiSaIiEE9push_backERKi"),
              "std::vector<int, std::allocator<int> >::push_back(int const&)");
    EXPECT_EQ(demangleSymbol("_Z5outeri.cold"), "outer(int) [clone .cold]");
}

TEST(Demangle, PlainAndInvalidNamesUnchanged) {
    EXPECT_EQ(demangleSymbol("main"), "main");
    EXPECT_EQ(demangleSymbol("_Zfoo"), "_Zfoo");
    EXPECT_EQ(demangleSymbol(""), "");
    EXPECT_EQ(demangleSymbol("_R"), "_R");
    EXPECT_EQ(demangleSymbol("_RNvC"), "_RNvC");
}

TEST(Demangle, RustLegacy) {
    EXPECT_EQ(demangleSymbol("_ZN4core3ptr13drop_in_place17h0123456789abcdefE"), "core::ptr::drop_in_place");
    EXPECT_EQ(
        demangleSymbol(
            "_ZN71_$LT$Test$u20$$u2b$$u20$$u27$static$u20$as$u20$foo..Bar$LT$Test$GT$$GT$3bar17h930b740aa94f1d3aE"),
        "<Test + 'static as foo::Bar<Test>>::bar");
    EXPECT_EQ(demangleSymbol("_ZN3std2rt10lang_start28_$u7b$$u7b$closure$u7d$$u7d$17h1111111111111111E"),
              "std::rt::lang_start::{{closure}}");
}

TEST(Demangle, RustV0) {
    std::string out;
    ASSERT_TRUE(demangleRustV0("_RNvCs15kBYyAo9fc_7mycrate7example", out));
    EXPECT_EQ(out, "mycrate::example");
    EXPECT_EQ(demangleSymbol("_RNvNtCs1234_7mycrate3foo3bar"), "mycrate::foo::bar");
    // Closure inside a function.
    EXPECT_EQ(demangleSymbol("_RNCNvCs1234_7mycrate4main0"), "mycrate::main::{closure#0}");
    // Generic instance: mycrate::id::<u32>
    EXPECT_EQ(demangleSymbol("_RINvCs1234_7mycrate2idmE"), "mycrate::id::<u32>");
    // Inherent impl: <mycrate::Foo>::new
    EXPECT_EQ(demangleSymbol("_RNvMCs1234_7mycrateNtB2_3Foo3new"), "<mycrate::Foo>::new");
    // Trait impl with a reference type and a backref.
    EXPECT_EQ(demangleSymbol("_RNvXCs1234_7mycrateRNtB2_3FooNtB2_5Trait4call"),
              "<&mycrate::Foo as mycrate::Trait>::call");
    // Vendor suffix ignored; punycode not decoded.
    EXPECT_EQ(demangleSymbol("_RNvCs1234_7mycrate7example.llvm.123"), "mycrate::example");
    EXPECT_FALSE(demangleRustV0("_RNvCs1234_u7mycrate7example", out));
}

TEST(Demangle, MutatedSymbolsNeverCrash) {
    // Symbol names come from untrusted binaries: truncations and random byte
    // flips of valid names must give some string back, never a crash (run
    // under ASan in the asan preset).
    const std::string seeds[] = {
        "_RNvXCs1234_7mycrateRNtB2_3FooNtB2_5Trait4call",
        "_RINvCs1234_7mycrate2idmE",
        "_RNCNvCs1234_7mycrate4main0",
        "_RNvMCs1234_7mycrateNtB2_3Foo3new",
        "_RINvCs1234_7mycrate1fTAmj3_SRhFEuDNtB2_5TraitEL_EE",
        "_ZN71_$LT$Test$u20$$u2b$$u20$$u27$static$u20$as$u20$foo..Bar$LT$Test$GT$$GT$3bar17h930b740aa94f1d3aE",
        "_ZNSt6vectorIiSaIiEE9push_backERKi",
    };
    uint64_t state = 0x9E3779B97F4A7C15ull;
    auto next = [&state] {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        return state;
    };
    size_t produced = 0;
    for (const std::string &seed : seeds) {
        for (size_t cut = 0; cut <= seed.size(); ++cut)
            produced += !demangleSymbol(seed.substr(0, cut)).empty() || cut == 0;
        for (int i = 0; i < 3000; ++i) {
            std::string s = seed;
            const int flips = 1 + int(next() % 4);
            for (int f = 0; f < flips; ++f) {
                const size_t at = 2 + size_t(next() % (s.size() - 2));
                const uint64_t r = next();
                if (r % 3 == 0)
                    s[at] = char(r >> 8);
                else if (r % 3 == 1)
                    s[at] = "0123456789_BCEIKLMNRSTXYZpsuv"[(r >> 8) % 29];
                else
                    s.erase(at, 1 + (r >> 8) % 3);
                if (s.size() < 3)
                    break;
            }
            produced += !demangleSymbol(s).empty();
        }
    }
    EXPECT_GT(produced, 20000u);
}
