// Every file of the pprof corpus against figures from google/pprof's own
// reader (tests/data/pprof-expected, made by scripts/make-pprof-expected.sh):
// accept/reject, sample count, default type, totals per sample type and the
// top-10 flat functions (with their cum).

#include "importers/importer.h"
#include "testutil.h"

#include <gtest/gtest.h>

#include <map>
#include <set>
#include <thread>

using namespace spanfire;
using namespace spanfire::test;

namespace {

struct TopRow {
    size_t type;
    int64_t flat, cum;
    std::string name;
};

struct Expected {
    std::string file;
    bool ok = false;
    std::string error;
    uint64_t samples = 0;
    int defaultType = -1;
    std::vector<std::pair<std::string, int64_t>> totals; // type name, total
    std::vector<TopRow> top;
};

std::string unhex(const std::string &h) {
    std::string out;
    for (size_t i = 0; i + 1 < h.size(); i += 2)
        out += char(std::stoi(h.substr(i, 2), nullptr, 16));
    return out;
}

Expected parseExpected(const std::string &path) {
    Expected e;
    std::istringstream in(readFile(path));
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#')
            continue;
        std::istringstream ls(line);
        std::string key;
        ls >> key;
        if (key == "file")
            ls >> e.file;
        else if (key == "status") {
            std::string s;
            ls >> s;
            e.ok = s == "ok";
        } else if (key == "error")
            e.error = line.substr(6);
        else if (key == "samples")
            ls >> e.samples;
        else if (key == "default_type")
            ls >> e.defaultType;
        else if (key == "type") {
            size_t idx;
            std::string name, word;
            int64_t total;
            ls >> idx >> name >> word >> total;
            e.totals.emplace_back(name, total);
        } else if (key == "top") {
            TopRow r;
            std::string hex;
            ls >> r.type >> r.flat >> r.cum >> hex;
            r.name = unhex(hex);
            e.top.push_back(r);
        }
    }
    return e;
}

// flat and cum per function name (cum counts a name once per sample).
void functionTotals(const Profile &p, size_t type, std::map<std::string, int64_t> &flat,
                    std::map<std::string, int64_t> &cum) {
    std::vector<std::string_view> seen;
    for (size_t i = 0; i < p.sampleCount(); ++i) {
        const int64_t v = p.values[type][i];
        NodeId n(p.sampleNode[i]);
        if (n == StackTrie::root())
            continue;
        flat[std::string(p.strings.view(p.frameOf(n).name))] += v;
        seen.clear();
        for (; n != StackTrie::root(); n = p.trie.parent(n)) {
            const std::string_view name = p.strings.view(p.frameOf(n).name);
            if (std::find(seen.begin(), seen.end(), name) == seen.end()) {
                seen.push_back(name);
                cum[std::string(name)] += v;
            }
        }
    }
}

// The figures are pprof's, for the file as it is: no local symbolization
// (which would depend on the binaries installed on the test machine).
ImportOptions asIs() {
    ImportOptions o;
    o.symbolize = false;
    return o;
}

std::vector<std::string> expectedFiles() {
    std::vector<std::string> out;
    for (const auto &n : listDir(testDataDir() + "/pprof-expected"))
        if (n.size() > 4 && n.substr(n.size() - 4) == ".txt")
            out.push_back(n.substr(0, n.size() - 4));
    return out;
}

void checkFile(const std::string &name) {
    SCOPED_TRACE(name);
    const Expected e = parseExpected(testDataDir() + "/pprof-expected/" + name + ".txt");
    ASSERT_EQ(e.file, name);
    const std::string path = corpusDir() + "/pprof/" + name;
    const ImportResult r = importFile(path, asIs());
    if (!e.ok) {
        ASSERT_FALSE(r.ok) << "pprof rejects it: " << e.error;
        EXPECT_EQ(r.error.file, path);
        // pprof: "malformed profile: found function with reserved ID=0"
        const std::string why = e.error.substr(e.error.find(": ") + 2);
        EXPECT_NE(r.error.message.find(why), std::string::npos) << r.error.message << " vs " << e.error;
        return;
    }
    ASSERT_TRUE(r.ok) << r.error.toString();
    const Profile &p = *r.profile;
    EXPECT_EQ(p.sampleCount(), e.samples);
    EXPECT_EQ(p.defaultSampleType, e.defaultType);
    ASSERT_EQ(p.sampleTypes.size(), e.totals.size());
    for (size_t t = 0; t < e.totals.size(); ++t) {
        EXPECT_EQ(p.sampleTypeName(t), e.totals[t].first);
        EXPECT_EQ(p.total(t), e.totals[t].second) << e.totals[t].first;
        std::map<std::string, int64_t> flat, cum;
        functionTotals(p, t, flat, cum);
        std::vector<int64_t> expectedFlats, ourFlats;
        for (const auto &row : e.top) {
            if (row.type != t)
                continue;
            EXPECT_EQ(flat[row.name], row.flat) << "flat of " << row.name;
            EXPECT_EQ(cum[row.name], row.cum) << "cum of " << row.name;
            expectedFlats.push_back(row.flat);
        }
        for (const auto &[fn, v] : flat)
            ourFlats.push_back(v);
        std::sort(ourFlats.rbegin(), ourFlats.rend());
        ourFlats.resize(std::min(ourFlats.size(), expectedFlats.size()));
        EXPECT_EQ(ourFlats, expectedFlats) << "top flat values";
    }
}

} // namespace

TEST(PprofCorpus, ExpectedFilesCoverTheCorpus) {
    const auto expected = expectedFiles();
    const auto corpus = listDir(corpusDir() + "/pprof");
    EXPECT_EQ(std::set<std::string>(expected.begin(), expected.end()),
              std::set<std::string>(corpus.begin(), corpus.end()))
        << "re-run scripts/make-pprof-expected.sh";
    EXPECT_GE(corpus.size(), 20u);
}

TEST(PprofCorpus, MatchesGoToolPprof) {
    for (const auto &name : expectedFiles())
        checkFile(name);
}

TEST(PprofCorpus, SpecificContent) {
    // Facts from SOURCES.md that pprof's figures do not show.
    const ImportResult labels = importFile(corpusDir() + "/pprof/pyroscope__go.cpu.labels.pprof", asIs());
    ASSERT_TRUE(labels.ok);
    EXPECT_EQ(labels.format, "pprof (gzip)");
    const Profile &p = *labels.profile;
    ASSERT_EQ(p.sampleLabels.size(), p.sampleCount());
    const StringId profileId = p.strings.find("profile_id");
    ASSERT_TRUE(profileId.valid());
    size_t withProfileId = 0;
    for (uint32_t set : p.sampleLabels)
        for (const Label *l = p.labelSets.begin(LabelSetId(set)); l != p.labelSets.end(LabelSetId(set)); ++l)
            withProfileId += l->key == profileId;
    EXPECT_EQ(withProfileId, 475u);

    const ImportResult raw = importFile(corpusDir() + "/pprof/pyroscope__heap-js.pprof", asIs());
    ASSERT_TRUE(raw.ok);
    EXPECT_EQ(raw.format, "pprof");

    const ImportResult utf8 = importFile(corpusDir() + "/pprof/pyroscope__invalid_utf8.pb.gz", asIs());
    ASSERT_TRUE(utf8.ok);
    bool warned = false;
    for (const auto &w : utf8.warnings)
        warned |= w.name.find("not valid UTF-8") != std::string::npos;
    EXPECT_TRUE(warned);

    const ImportResult stripped = importFile(corpusDir() + "/pprof/parca__normal-cpu.stripped.pprof", asIs());
    ASSERT_TRUE(stripped.ok);
    const Profile &s = *stripped.profile;
    const Frame &leaf = s.frameOf(NodeId(s.sampleNode[0]));
    EXPECT_EQ(leaf.kind, FrameKind::Unsymbolized);
    EXPECT_FALSE(s.strings.view(leaf.buildId).empty());

    const ImportResult cpp =
        importFile(corpusDir() + "/pprof/google-pprof__cppbench.cpu_no_samples_type.pb.gz", asIs());
    ASSERT_TRUE(cpp.ok);
    EXPECT_NE(cpp.profile->strings.view(cpp.profile->dropFrames).find("ProfileData::Add"), std::string::npos);
    EXPECT_EQ(cpp.profile->mappings.size(), 12u);
}

TEST(PprofCorpus, SeveralProfilesAtOnce) {
    const auto names = expectedFiles();
    std::vector<ImportResult> sequential;
    for (const auto &n : names)
        sequential.push_back(importFile(corpusDir() + "/pprof/" + n, asIs()));
    std::vector<ImportResult> parallel(names.size());
    std::vector<std::thread> threads;
    for (size_t t = 0; t < 4; ++t)
        threads.emplace_back([&, t] {
            for (size_t i = t; i < names.size(); i += 4)
                parallel[i] = importFile(corpusDir() + "/pprof/" + names[i], asIs());
        });
    for (auto &th : threads)
        th.join();
    for (size_t i = 0; i < names.size(); ++i) {
        ASSERT_EQ(parallel[i].ok, sequential[i].ok) << names[i];
        if (!parallel[i].ok)
            continue;
        EXPECT_NE(parallel[i].profile.get(), sequential[i].profile.get());
        EXPECT_EQ(parallel[i].profile->sampleCount(), sequential[i].profile->sampleCount());
        EXPECT_EQ(parallel[i].profile->trie.size(), sequential[i].profile->trie.size());
        for (size_t t = 0; t < parallel[i].profile->sampleTypes.size(); ++t)
            EXPECT_EQ(parallel[i].profile->total(t), sequential[i].profile->total(t));
    }
}
