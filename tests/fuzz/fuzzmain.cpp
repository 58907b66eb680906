// libFuzzer entry: one executable per target, chosen at compile time with
// -DSPANFIRE_FUZZ_TARGET="name" (see tests/fuzz/CMakeLists.txt).
#include "tests/fuzz/fuzztargets.h"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace {
const spanfire::fuzz::Target *target() {
    static const spanfire::fuzz::Target *t = [] {
        const spanfire::fuzz::Target *found = spanfire::fuzz::findTarget(SPANFIRE_FUZZ_TARGET);
        if (!found) {
            std::fprintf(stderr, "unknown fuzz target %s\n", SPANFIRE_FUZZ_TARGET);
            std::abort();
        }
        return found;
    }();
    return t;
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    target()->run(std::string_view(reinterpret_cast<const char *>(data), size));
    return 0;
}
