// Truncation and corruption (issue 7): every corpus file truncated at every
// 1/16th of its length and with a few hundred random bit-flip variants (fixed
// seeds) goes through importBytes. Each variant must load or fail with an
// error naming the file, within a time budget: never crash, never hang. For
// gzip/zstd files the same is done to the decompressed payload, so that the
// parsers (not only the CRC checks) see the damage.
#include "importers/common/decompress.h"
#include "importers/common/importcontext.h"
#include "tests/robustness/robustutil.h"

#include <gtest/gtest.h>

#include <random>

namespace spanfire {
namespace {

using robust::BudgetedResult;

constexpr int kFlipVariants = 256;

ImportOptions testOptions() {
    ImportOptions o;
    o.limits.maxDecompressedBytes = 256ull << 20; // corpus files inflate to a few MB at most
    return o;
}

// Checks one variant; returns false (after recording a failure) on a hang or
// a contract violation so that the caller can stop early.
bool checkVariant(const std::string &name, std::string bytes, const std::string &what) {
    auto shared = std::make_shared<const std::string>(std::move(bytes));
    const BudgetedResult r = robust::importWithBudget(name, shared, testOptions(), robust::inputBudget());
    if (!r.finished) {
        ADD_FAILURE() << name << " (" << what << "): import still running after " << r.seconds
                      << " s and a cancel (hang)";
        return false;
    }
    if (r.result.error.cancelled) {
        ADD_FAILURE() << name << " (" << what << "): exceeded the time budget (" << r.seconds << " s)";
        return false;
    }
    if (r.result.ok) {
        if (!r.result.profile && !r.result.traces) {
            ADD_FAILURE() << name << " (" << what << "): ok without a profile or traces";
            return false;
        }
        return true;
    }
    if (r.result.error.file != name || r.result.error.message.empty()) {
        ADD_FAILURE() << name << " (" << what << "): error does not name the file or is empty: \""
                      << r.result.error.toString() << "\"";
        return false;
    }
    return true;
}

std::string shortName(const std::string &path) {
    const std::string root = robust::corpusDir() + "/";
    return path.compare(0, root.size(), root) == 0 ? path.substr(root.size()) : path;
}

// Truncations at k/16 of the length (k = 0..15) and bit-flip variants.
void mutateAndCheck(const std::string &name, const std::string &bytes, uint32_t seed) {
    for (int k = 0; k < 16; ++k) {
        const size_t n = bytes.size() * size_t(k) / 16;
        if (!checkVariant(name, bytes.substr(0, n), "truncated to " + std::to_string(n) + " bytes"))
            return;
    }
    if (bytes.empty())
        return;
    std::mt19937 rng(seed);
    for (int v = 0; v < kFlipVariants; ++v) {
        std::string m = bytes;
        // 1..8 flips; every 4th variant concentrates them in the first 64 bytes (headers).
        const int flips = 1 + int(rng() % 8);
        const size_t span = (v % 4 == 0) ? std::min<size_t>(m.size(), 64) : m.size();
        for (int f = 0; f < flips; ++f)
            m[rng() % span] ^= char(1u << (rng() % 8));
        if (!checkVariant(name, std::move(m),
                          "bit-flip variant " + std::to_string(v) + " (seed " + std::to_string(seed) + ")"))
            return;
    }
}

uint32_t seedFor(const std::string &name) {
    uint32_t h = 2166136261u; // FNV-1a: stable across runs and platforms
    for (unsigned char c : name)
        h = (h ^ c) * 16777619u;
    return h;
}

class Corruption : public ::testing::TestWithParam<std::string> {};

TEST_P(Corruption, TruncatedAndBitFlippedFileNeverCrashesOrHangs) {
    const std::string path = GetParam();
    const std::string name = shortName(path);
    const std::string bytes = robust::readFile(path);
    ASSERT_FALSE(bytes.empty()) << path;
    // The intact file itself: loads or errors cleanly (some corpus formats are not supported).
    ASSERT_TRUE(checkVariant(name, bytes, "intact"));
    mutateAndCheck(name, bytes, seedFor(name));
}

// The gzip/zstd files of the corpus.
std::vector<std::string> compressedCorpusFiles() {
    std::vector<std::string> out;
    for (const std::string &path : robust::corpusFiles()) {
        const Format f = sniff(robust::readFile(path));
        if (f == Format::Gzip || f == Format::Zstd)
            out.push_back(path);
    }
    return out;
}

class CompressedCorruption : public ::testing::TestWithParam<std::string> {};

TEST_P(CompressedCorruption, DamagedDecompressedPayloadNeverCrashesOrHangs) {
    const std::string path = GetParam();
    const std::string name = shortName(path);
    const std::string bytes = robust::readFile(path);
    const Format f = sniff(bytes);
    ASSERT_TRUE(f == Format::Gzip || f == Format::Zstd) << name;
    const ImportOptions options = testOptions();
    ImportContext ctx(name, options);
    ByteBuffer inner;
    ASSERT_TRUE(f == Format::Gzip ? gunzip(ctx, bytes, inner) : unzstd(ctx, bytes, inner)) << ctx.error().toString();
    ASSERT_GT(inner.size(), 0u);
    const std::string payload(inner.view());
    ASSERT_TRUE(checkVariant(name, payload, "decompressed"));
    mutateAndCheck(name, payload, seedFor(name) ^ 0x9e3779b9u);
}

std::string testName(const ::testing::TestParamInfo<std::string> &info) {
    std::string s = shortName(info.param);
    for (char &c : s)
        if (!std::isalnum(static_cast<unsigned char>(c)))
            c = '_';
    return std::to_string(info.index) + "_" + s;
}

INSTANTIATE_TEST_SUITE_P(Corpus, Corruption, ::testing::ValuesIn(robust::corpusFiles()), testName);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(Corruption);
INSTANTIATE_TEST_SUITE_P(Corpus, CompressedCorruption, ::testing::ValuesIn(compressedCorpusFiles()), testName);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(CompressedCorruption);

TEST(CorruptionCorpus, CorpusIsPresent) {
    // Without the corpus the parameterized tests above silently vanish; say so.
    const auto files = robust::corpusFiles();
    if (files.empty())
        GTEST_SKIP() << "no corpus at " << robust::corpusDir();
    EXPECT_GE(files.size(), 10u);
}

} // namespace
} // namespace spanfire
