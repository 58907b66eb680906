// Replays every committed fuzzer regression input
// (tests/fuzz/regressions/<target>/<file>) through the same target body the
// libFuzzer executable runs (tests/fuzz/fuzztargets.cpp), on a worker thread
// with a time budget. A target aborts on a contract violation, and the
// sanitizer build (asan preset) turns memory errors into failures, so each
// crash the fuzzers found stays fixed.
#include "tests/fuzz/fuzztargets.h"
#include "tests/robustness/robustutil.h"

#include <gtest/gtest.h>

namespace spanfire {
namespace {

std::string regressionsDir() {
    return std::string(SPANFIRE_SOURCE_DIR) + "/tests/fuzz/regressions";
}

struct Case {
    std::string target;
    std::string path;
};

std::vector<Case> cases() {
    std::vector<Case> out;
    std::error_code ec;
    for (const auto &dir : std::filesystem::directory_iterator(regressionsDir(), ec)) {
        if (!dir.is_directory(ec))
            continue;
        for (const auto &f : std::filesystem::directory_iterator(dir.path(), ec))
            if (f.is_regular_file(ec) && f.path().filename().string()[0] != '.')
                out.push_back({dir.path().filename().string(), f.path().string()});
    }
    std::sort(out.begin(), out.end(), [](const Case &a, const Case &b) { return a.path < b.path; });
    return out;
}

TEST(FuzzRegressions, EveryFolderNamesATarget) {
    std::error_code ec;
    ASSERT_TRUE(std::filesystem::is_directory(regressionsDir(), ec)) << regressionsDir();
    for (const auto &dir : std::filesystem::directory_iterator(regressionsDir(), ec)) {
        if (dir.is_directory(ec)) {
            EXPECT_NE(fuzz::findTarget(dir.path().filename().string()), nullptr) << dir.path();
        }
    }
}

TEST(FuzzRegressions, TargetNamesAreUnique) {
    const auto &all = fuzz::targets();
    ASSERT_GE(all.size(), 10u);
    for (size_t i = 0; i < all.size(); ++i)
        for (size_t j = i + 1; j < all.size(); ++j)
            EXPECT_STRNE(all[i].name, all[j].name);
}

TEST(FuzzRegressions, EveryInputRunsCleanThroughItsTarget) {
    const std::vector<Case> all = cases();
    ASSERT_FALSE(all.empty()) << "no regression inputs under " << regressionsDir();
    for (const Case &c : all) {
        const fuzz::Target *t = fuzz::findTarget(c.target);
        ASSERT_NE(t, nullptr) << c.path;
        auto bytes = std::make_shared<const std::string>(robust::readFile(c.path));
        std::packaged_task<void()> task([t, bytes] { t->run(*bytes); });
        std::future<void> done = task.get_future();
        std::thread worker(std::move(task));
        if (done.wait_for(robust::inputBudget()) != std::future_status::ready) {
            worker.detach();
            FAIL() << c.path << ": still running after the time budget (hang)";
        }
        worker.join();
        SCOPED_TRACE(c.path);
    }
}

// The same inputs through the public entry point, which must name the file.
TEST(FuzzRegressions, EveryInputThroughImportBytes) {
    for (const Case &c : cases()) {
        auto bytes = std::make_shared<const std::string>(robust::readFile(c.path));
        const robust::BudgetedResult r =
            robust::importWithBudget(c.path, bytes, fuzz::fuzzOptions(), robust::inputBudget());
        ASSERT_TRUE(r.finished) << c.path << ": hang";
        EXPECT_FALSE(r.result.error.cancelled) << c.path << ": over the time budget";
        if (!r.result.ok) {
            EXPECT_EQ(r.result.error.file, c.path);
            EXPECT_FALSE(r.result.error.message.empty()) << c.path;
        }
    }
}

} // namespace
} // namespace spanfire
