#include "importers/common/pages.h"

#include <cstdint>
#include <sys/mman.h>
#include <unistd.h>

namespace spanfire {

void releasePages(const char *begin, const char *end) {
    static const uintptr_t page = uintptr_t(sysconf(_SC_PAGESIZE) > 0 ? sysconf(_SC_PAGESIZE) : 4096);
    const uintptr_t b = (uintptr_t(begin) + page - 1) & ~(page - 1);
    const uintptr_t e = uintptr_t(end) & ~(page - 1);
    if (e > b)
        ::madvise(reinterpret_cast<void *>(b), e - b, MADV_DONTNEED);
}

} // namespace spanfire
