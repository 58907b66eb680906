#pragma once
// Fuzz target bodies, one per entry point that takes bytes. Shared by the
// libFuzzer executables (fuzzmain.cpp, one per target, built with clang and
// -DSPANFIRE_FUZZ=ON) and by the gtest that replays every committed
// regression input (tests/robustness/tst_fuzzregressions.cpp), so a fixed
// crash stays fixed in the normal test suite.
//
// Contract: a target returns normally for any input. It calls std::abort()
// when the importer breaks its own contract (a failed import whose error
// does not name the file or says nothing), which libFuzzer reports as a
// crash. Limits are small (fuzzOptions()) so that a legitimate bomb is a
// clean limit error rather than an out-of-memory report.
// Thread affinity: any thread; targets keep no state between calls.

#include "importers/importer.h"

#include <string_view>
#include <vector>

namespace spanfire::fuzz {

// Options every target uses: 64 MiB decompressed, 4M samples, 64 MiB strings.
ImportOptions fuzzOptions();

struct Target {
    const char *name; // also the folder under tests/fuzz/regressions/
    void (*run)(std::string_view bytes);
};

// All targets, in a fixed order.
const std::vector<Target> &targets();
// nullptr when there is no target of that name.
const Target *findTarget(std::string_view name);

} // namespace spanfire::fuzz
