// Folded stacks: the corpus against awk-computed figures
// (tests/importers/data/folded-expected.txt) and edge cases.

#include "importers/importer.h"
#include "testutil.h"

#include <gtest/gtest.h>

using namespace spanfire;
using namespace spanfire::test;

namespace {

uint64_t warningCount(const ImportResult &r, const std::string &prefix) {
    for (const auto &w : r.warnings)
        if (w.name.rfind(prefix, 0) == 0)
            return w.count;
    return 0;
}

std::vector<std::string> pathOf(const Profile &p, size_t i) {
    std::vector<std::string> out;
    for (NodeId n(p.sampleNode[i]); n != StackTrie::root(); n = p.trie.parent(n))
        out.insert(out.begin(), std::string(p.strings.view(p.frameOf(n).name)));
    return out;
}

std::string utf16(const std::string &ascii, bool bigEndian) {
    std::string out = bigEndian ? "\xfe\xff" : "\xff\xfe";
    for (char c : ascii) {
        if (bigEndian)
            out += '\0';
        out += c;
        if (!bigEndian)
            out += '\0';
    }
    return out;
}

} // namespace

TEST(Folded, CorpusMatchesAwk) {
    std::istringstream in(readFile(std::string(SPANFIRE_TESTDATA_DIR) + "/../importers/data/folded-expected.txt"));
    std::string line;
    int files = 0;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#')
            continue;
        std::istringstream ls(line);
        std::string name;
        uint64_t valid, comments, invalid, distinct;
        int64_t total;
        ls >> name >> valid >> comments >> invalid >> distinct >> total;
        SCOPED_TRACE(name);
        const ImportResult r = importFile(corpusDir() + "/collapsed/" + name);
        ASSERT_TRUE(r.ok) << r.error.toString();
        EXPECT_EQ(r.profile->sampleCount(), distinct);
        EXPECT_EQ(r.profile->total(0), total);
        EXPECT_EQ(r.profile->sampleTypeName(0), "samples/count");
        EXPECT_EQ(warningCount(r, "comment lines"), comments);
        EXPECT_EQ(warningCount(r, "invalid lines"), invalid);
        ++files;
    }
    EXPECT_EQ(files, 8);
}

TEST(Folded, RootFirstAndSummed) {
    const ImportResult r = importBytes("s.txt", "main;foo;bar 3\nmain;foo 2\nmain;foo;bar 4\n");
    ASSERT_TRUE(r.ok) << r.error.toString();
    const Profile &p = *r.profile;
    EXPECT_EQ(r.format, "folded stacks");
    ASSERT_EQ(p.sampleCount(), 2u);
    EXPECT_EQ(pathOf(p, 0), (std::vector<std::string>{"main", "foo", "bar"}));
    EXPECT_EQ(p.values[0][0], 7);
    EXPECT_EQ(p.values[0][1], 2);
}

TEST(Folded, SpacesInFramesAndCrlfAndBom) {
    const ImportResult r = importBytes("s.txt", "\xEF\xBB\xBF"
                                                "java;Foo.bar (Foo.java:12);baz_[j] 10\r\nperl;main 5\r\n");
    ASSERT_TRUE(r.ok) << r.error.toString();
    EXPECT_EQ(pathOf(*r.profile, 0), (std::vector<std::string>{"java", "Foo.bar (Foo.java:12)", "baz_[j]"}));
    EXPECT_EQ(r.profile->total(0), 15);
}

TEST(Folded, Utf16BothEndians) {
    for (bool be : {false, true}) {
        const ImportResult r = importBytes("u16.txt", utf16("a;b;c 1\r\na;b 2\r\n", be));
        ASSERT_TRUE(r.ok) << r.error.toString();
        EXPECT_EQ(r.format, be ? "folded stacks (UTF-16BE)" : "folded stacks (UTF-16LE)");
        EXPECT_EQ(r.profile->total(0), 3);
        EXPECT_EQ(pathOf(*r.profile, 0), (std::vector<std::string>{"a", "b", "c"}));
    }
}

TEST(Folded, DifferentialUsesSecondCount) {
    const ImportResult r = importBytes("d.txt", "a;b 5 7\na;c 1 2\n");
    ASSERT_TRUE(r.ok);
    EXPECT_EQ(r.profile->total(0), 9);
    EXPECT_EQ(warningCount(r, "differential lines"), 2u);
}

TEST(Folded, NothingUsable) {
    for (const char *text : {"# only a comment\n", "a;b;c\nno counts here\n"}) {
        const ImportResult r = importBytes("bad.txt", text);
        ASSERT_FALSE(r.ok) << text;
        EXPECT_EQ(r.error.file, "bad.txt");
    }
}
