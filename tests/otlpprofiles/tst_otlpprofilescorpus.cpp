// The four OTLP profiles corpus files (v1.8 and v1.10, protobuf and JSON)
// against figures computed independently by
// scripts/make-otlpprofiles-expected.py (tests/data/otlpprofiles-expected).

#include "../importers/testutil.h"
#include "importers/importer.h"
#include "importers/otlp/profilesproto.h"

#include <gtest/gtest.h>

#include <map>
#include <set>

using namespace spanfire;
using namespace spanfire::test;

namespace {

const char *const kDir = "/otlp-profiles/";

struct Expected {
    std::map<std::string, std::string> scalars; // samples, timestamps, paths, columns, default, layout
    std::map<std::string, int64_t> totals;      // column -> total
    // (kind "self"/"incl", column) -> ordered (value, function) list
    std::map<std::pair<std::string, std::string>, std::vector<std::pair<int64_t, std::string>>> tops;
};

Expected readExpected(const std::string &file) {
    Expected e;
    std::istringstream in(readFile(testDataDir() + "/otlpprofiles-expected/" + file + ".txt"));
    std::string line;
    while (std::getline(in, line)) {
        std::istringstream ls(line);
        std::string key;
        ls >> key;
        if (key == "total") {
            std::string col;
            int64_t v;
            ls >> col >> v;
            e.totals[col] = v;
        } else if (key == "self" || key == "incl") {
            std::string col, name;
            int64_t v;
            ls >> col >> v;
            ls.get();
            std::getline(ls, name);
            e.tops[{key, col}].push_back({v, name});
        } else {
            std::string v;
            ls >> v;
            e.scalars[key] = v;
        }
    }
    return e;
}

std::vector<std::string> namePath(const Profile &p, uint32_t node) {
    std::vector<std::string> names;
    for (NodeId n(node); n.v != 0; n = p.trie.parent(n))
        names.emplace_back(p.strings.view(p.frameOf(n).name));
    return names; // leaf first
}

class OtlpCorpus : public ::testing::TestWithParam<std::string> {};

TEST_P(OtlpCorpus, LoadsWithIndependentTotals) {
    const std::string file = GetParam();
    const std::string path = corpusDir() + kDir + file;
    ImportOptions opts;
    opts.symbolize = false;
    const ImportResult r = importFile(path, opts);
    ASSERT_TRUE(r.ok) << r.error.toString();
    ASSERT_TRUE(r.profile);
    const Profile &p = *r.profile;
    const Expected e = readExpected(file);

    EXPECT_NE(r.format.find("OTLP profiles"), std::string::npos) << r.format;
    if (e.scalars.at("layout") == "v1.8") {
        EXPECT_NE(r.format.find("v1.8/v1.9"), std::string::npos) << r.format;
    }
    if (e.scalars.at("layout") == "v1.10") {
        EXPECT_NE(r.format.find("v1.10+"), std::string::npos) << r.format;
    }

    EXPECT_EQ(std::to_string(p.sampleCount()), e.scalars.at("samples"));
    size_t withTime = 0;
    ASSERT_TRUE(p.sampleTime.empty() || p.sampleTime.size() == p.sampleCount());
    for (int64_t t : p.sampleTime)
        withTime += t != 0;
    EXPECT_EQ(std::to_string(withTime), e.scalars.at("timestamps"));
    std::set<std::vector<std::string>> paths;
    for (uint32_t n : p.sampleNode)
        paths.insert(namePath(p, n));
    EXPECT_EQ(std::to_string(paths.size()), e.scalars.at("paths"));
    ASSERT_EQ(std::to_string(p.sampleTypes.size()), e.scalars.at("columns"));
    EXPECT_EQ(p.sampleTypeName(size_t(p.defaultSampleType)), e.scalars.at("default"));
    for (const auto &[col, total] : e.totals) {
        const int k = p.findSampleType(col);
        ASSERT_GE(k, 0) << col;
        EXPECT_EQ(p.total(size_t(k)), total) << col;
    }
    // Top functions by self and inclusive value per column.
    for (const auto &[key, list] : e.tops) {
        const int k = p.findSampleType(key.second);
        ASSERT_GE(k, 0);
        std::map<std::string, int64_t> acc;
        for (size_t i = 0; i < p.sampleCount(); ++i) {
            const int64_t v = p.values[size_t(k)][i];
            const auto names = namePath(p, p.sampleNode[i]);
            if (key.first == "self") {
                acc[names.empty() ? std::string() : names.front()] += v;
            } else {
                for (const std::string &n : std::set<std::string>(names.begin(), names.end()))
                    acc[n] += v;
            }
        }
        std::set<std::string> listed;
        for (const auto &[value, name] : list) {
            EXPECT_EQ(acc[name], value) << key.first << " " << key.second << " " << name;
            listed.insert(name);
        }
        for (const auto &[name, value] : acc)
            if (!listed.count(name)) {
                EXPECT_LE(value, list.back().first) << name << " should be in the top list";
            }
    }
    // Attributes became labels: every sample of the eBPF profiler has a thread id.
    const StringId tid = p.strings.find("thread.id");
    ASSERT_TRUE(tid.valid());
    size_t withTid = 0;
    for (uint32_t s : p.sampleLabels)
        for (const Label *l = p.labelSets.begin(LabelSetId(s)); l != p.labelSets.end(LabelSetId(s)); ++l)
            if (l->key == tid) {
                ++withTid;
                break;
            }
    EXPECT_EQ(withTid, p.sampleCount());
    EXPECT_TRUE(p.sampleSpanId.empty()); // both captures have an empty link table
}

INSTANTIATE_TEST_SUITE_P(Files, OtlpCorpus,
                         ::testing::Values("pyroscope__otel-ebpf-profile.otlp-v1.10.json",
                                           "pyroscope__otel-ebpf-profile.otlp-v1.10.pb.bin",
                                           "pyroscope__otel-ebpf-profile.otlp-v1.8.json",
                                           "pyroscope__otel-ebpf-profile.otlp-v1.8.pb.bin"),
                         [](const auto &info) {
                             std::string n = info.param.substr(info.param.find("otlp-") + 5);
                             for (char &c : n)
                                 if (!isalnum(static_cast<unsigned char>(c)))
                                     c = '_';
                             return n;
                         });

std::string corpusFile(const char *name) {
    return readFile(corpusDir() + kDir + name);
}

TEST(OtlpProfilesVersion, CorpusLayoutsAreSniffed) {
    const std::string v110 = corpusFile("pyroscope__otel-ebpf-profile.otlp-v1.10.pb.bin");
    const std::string v18 = corpusFile("pyroscope__otel-ebpf-profile.otlp-v1.8.pb.bin");
    EXPECT_EQ(sniffOtlpProfilesLayout(v110.data(), v110).layout, OtlpProfilesLayout::V1_10);
    EXPECT_EQ(sniffOtlpProfilesLayout(v18.data(), v18).layout, OtlpProfilesLayout::V1_8);
}

// Decoding with the wrong layout gives different (wrong) figures: the sniffing
// is what keeps them apart.
TEST(OtlpProfilesVersion, WrongLayoutWouldMisread) {
    for (const char *name :
         {"pyroscope__otel-ebpf-profile.otlp-v1.10.pb.bin", "pyroscope__otel-ebpf-profile.otlp-v1.8.pb.bin"}) {
        const std::string bytes = corpusFile(name);
        const OtlpProfilesLayout right = sniffOtlpProfilesLayout(bytes.data(), bytes).layout;
        const OtlpProfilesLayout wrong =
            right == OtlpProfilesLayout::V1_8 ? OtlpProfilesLayout::V1_10 : OtlpProfilesLayout::V1_8;
        ImportOptions opts;
        ImportContext c1(name, opts), c2(name, opts);
        OtlpProfilesRequest good, bad;
        ASSERT_TRUE(readOtlpProfilesProto(c1, bytes.data(), bytes, right, good));
        readOtlpProfilesProto(c2, bytes.data(), bytes, wrong, bad);
        uint64_t goodValues = good.values.size(), badValues = bad.values.size();
        EXPECT_NE(goodValues, badValues) << name;
        // The right layout references only existing attributes.
        for (const OtlpProfileRec &pr : good.profiles)
            for (const OtlpSampleRec &s : pr.samples)
                for (uint32_t k = s.attrs.begin; k < s.attrs.end; ++k)
                    ASSERT_LT(size_t(good.ints[k]), good.attributes.size());
    }
}

TEST(OtlpProfilesFraming, CompressedAndFramedGiveTheSameProfile) {
    const std::string pb = corpusFile("pyroscope__otel-ebpf-profile.otlp-v1.10.pb.bin");
    const std::string js = corpusFile("pyroscope__otel-ebpf-profile.otlp-v1.10.json");
    ImportOptions opts;
    opts.symbolize = false;
    const ImportResult plain = importBytes("plain.pb", pb, opts);
    ASSERT_TRUE(plain.ok) << plain.error.toString();
    auto framed = [](const std::string &payload) {
        std::string out;
        const uint32_t n = uint32_t(payload.size());
        out += char(n >> 24);
        out += char(n >> 16);
        out += char(n >> 8);
        out += char(n);
        return out + payload;
    };
    const std::vector<std::pair<std::string, std::string>> variants = {
        {"pb.gz", gzipBytes(pb)},
        {"pb.zst", zstdBytes(pb)},
        {"json.gz", gzipBytes(js)},
        {"framed two records", framed(pb) + framed(pb)},
        {"framed zstd records", framed(zstdBytes(pb))},
        {"json lines", js.substr(0, js.find_last_not_of("\n") + 1) + "\n" + js},
    };
    for (const auto &[label, bytes] : variants) {
        const ImportResult r = importBytes(label, bytes, opts);
        ASSERT_TRUE(r.ok) << label << ": " << r.error.toString();
        const size_t copies = label == "framed two records" || label == "json lines" ? 2 : 1;
        EXPECT_EQ(r.profile->sampleCount(), copies * plain.profile->sampleCount()) << label;
        ASSERT_EQ(r.profile->sampleTypes.size(), plain.profile->sampleTypes.size()) << label;
        for (size_t k = 0; k < plain.profile->sampleTypes.size(); ++k)
            EXPECT_EQ(r.profile->total(k), int64_t(copies) * plain.profile->total(k)) << label;
    }
}

TEST(OtlpProfilesMalformed, TruncatedCorpusFilesFailNamingTheFile) {
    ImportOptions opts;
    opts.symbolize = false;
    for (const char *name :
         {"pyroscope__otel-ebpf-profile.otlp-v1.10.pb.bin", "pyroscope__otel-ebpf-profile.otlp-v1.8.pb.bin",
          "pyroscope__otel-ebpf-profile.otlp-v1.10.json", "pyroscope__otel-ebpf-profile.otlp-v1.8.json"}) {
        const std::string bytes = corpusFile(name);
        for (size_t cut : {bytes.size() / 3, bytes.size() / 2, bytes.size() - 7}) {
            const std::string label = std::string(name) + ".cut";
            const ImportResult r = importBytes(label, bytes.substr(0, cut), opts);
            EXPECT_FALSE(r.ok) << name << " cut at " << cut;
            EXPECT_EQ(r.error.file, label);
            EXPECT_NE(r.error.toString().find(label), std::string::npos);
        }
        // Bit flips: never a crash; a failure always names the file.
        std::string flipped = bytes;
        for (size_t i = 64; i < flipped.size(); i += 997) {
            flipped[i] = char(flipped[i] ^ 0x5A);
            const ImportResult r = importBytes("flipped", flipped, opts);
            if (!r.ok) {
                EXPECT_EQ(r.error.file, "flipped");
            }
        }
    }
}

} // namespace
