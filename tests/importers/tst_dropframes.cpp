// drop_frames / keep_frames as pprof's RemoveUninteresting() applies them.

#include "importers/importer.h"
#include "importers/pprof/dropframes.h"
#include "pprofbuilder.h"

#include <gtest/gtest.h>

using namespace spanfire;
using namespace spanfire::test;

namespace {

std::vector<std::string> pathOf(const Profile &p, size_t i) {
    std::vector<std::string> out;
    for (NodeId n(p.sampleNode[i]); n != StackTrie::root(); n = p.trie.parent(n))
        out.insert(out.begin(), std::string(p.strings.view(p.frameOf(n).name)));
    return out;
}

PprofBuilder dropProfile(const std::string &drop, const std::string &keep) {
    PprofBuilder b;
    b.sampleType("samples", "count");
    b.function(1, "main").function(2, "runtime.mallocgc(size uintptr)").function(3, "runtime.memclr");
    b.function(4, "user.helper").function(5, "runtime.goexit");
    b.location(1, 0, 0, {{1, 1}}).location(2, 0, 0, {{2, 1}}).location(3, 0, 0, {{3, 1}});
    b.location(5, 0, 0, {{5, 1}});
    b.location(10, 0, 0, {{3, 1}, {4, 1}}); // memclr inlined into user.helper
    b.sample({3, 2, 1}, {1});               // A: main -> mallocgc -> memclr
    b.sample({2, 1, 5}, {2});               // B: goexit -> main -> mallocgc
    b.sample({3, 2}, {4});                  // C: runtime only
    b.sample({10, 1}, {8});                 // D: main -> user.helper -> (inlined) memclr
    if (!drop.empty())
        b.stringField(7, drop);
    if (!keep.empty())
        b.stringField(8, keep);
    return b;
}

Profile loadDrop(const std::string &drop, const std::string &keep, bool apply, std::vector<NamedCount> *warnings) {
    ImportOptions opts;
    opts.applyDropFrames = apply;
    opts.symbolize = false;
    ImportResult r = importBytes("drop.pb", dropProfile(drop, keep).build(), opts);
    EXPECT_TRUE(r.ok) << r.error.toString();
    if (warnings)
        *warnings = r.warnings;
    return std::move(*std::const_pointer_cast<Profile>(r.profile));
}

using Path = std::vector<std::string>;

} // namespace

TEST(DropFrames, Simplify) {
    EXPECT_EQ(DropFrames::simplify("foo(int, char)"), "foo");
    EXPECT_EQ(DropFrames::simplify("(anonymous namespace)::bar(int)"), "(anonymous namespace)::bar");
    EXPECT_EQ(DropFrames::simplify("Foo::operator()(int)"), "Foo::operator()");
    EXPECT_EQ(DropFrames::simplify(".baz"), "baz");
    EXPECT_EQ(DropFrames::simplify("a(b)(c)"), "a");
    EXPECT_EQ(DropFrames::simplify("plain"), "plain");
}

TEST(DropFrames, FullMatchOnSimplifiedName) {
    DropFrames d("mallocgc|runtime\\.memclr", "");
    EXPECT_TRUE(d.active());
    EXPECT_TRUE(d.shouldDrop("mallocgc(x int)"));
    EXPECT_TRUE(d.shouldDrop("runtime.memclr"));
    EXPECT_FALSE(d.shouldDrop("runtime.mallocgc")); // anchored: ^(re)$
    EXPECT_FALSE(d.shouldDrop("runtime.memclrNoHeap"));
    DropFrames withKeep("runtime\\..*", "runtime\\.keepme");
    EXPECT_TRUE(withKeep.shouldDrop("runtime.x"));
    EXPECT_FALSE(withKeep.shouldDrop("runtime.keepme(int)"));
}

TEST(DropFrames, PrunesLikePprof) {
    const Profile p = loadDrop("runtime\\..*", "", true, nullptr);
    ASSERT_EQ(p.sampleCount(), 4u);
    EXPECT_EQ(pathOf(p, 0), (Path{"main"}));                   // cut at the first dropped frame
    EXPECT_EQ(pathOf(p, 1), (Path{"runtime.goexit", "main"})); // frames before a user frame stay
    EXPECT_EQ(pathOf(p, 2), (Path{"runtime.mallocgc(size uintptr)", "runtime.memclr"})); // no user frame
    EXPECT_EQ(pathOf(p, 3), (Path{"main", "user.helper"}));                              // inlined line dropped only
    EXPECT_EQ(p.total(0), 15);                                                           // values are kept
}

TEST(DropFrames, KeepFramesProtect) {
    const Profile p = loadDrop("runtime\\..*", "runtime\\.mallocgc", true, nullptr);
    EXPECT_EQ(pathOf(p, 0), (Path{"main", "runtime.mallocgc(size uintptr)"}));
}

TEST(DropFrames, DisabledByOption) {
    const Profile p = loadDrop("runtime\\..*", "", false, nullptr);
    EXPECT_EQ(pathOf(p, 0), (Path{"main", "runtime.mallocgc(size uintptr)", "runtime.memclr"}));
    EXPECT_EQ(p.strings.view(p.dropFrames), "runtime\\..*"); // still recorded
}

TEST(DropFrames, BadRegexIsAWarning) {
    std::vector<NamedCount> warnings;
    const Profile p = loadDrop("runtime\\.(", "", true, &warnings);
    EXPECT_EQ(pathOf(p, 0), (Path{"main", "runtime.mallocgc(size uintptr)", "runtime.memclr"}));
    bool found = false;
    for (const auto &w : warnings)
        found |= w.name.find("drop_frames regex") != std::string::npos &&
                 w.name.find("does not compile") != std::string::npos;
    EXPECT_TRUE(found);
}
