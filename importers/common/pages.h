#pragma once
// releasePages(): tells the kernel that the whole pages inside [begin, end)
// will not be read again (MADV_DONTNEED), so a big input buffer stops
// counting towards the resident set while the rest of it is still being
// parsed. Only for memory the importer owns (its decompressed buffers, its
// private read-only file mapping): anonymous pages read back as zeros.

#include <cstddef>

namespace spanfire {

void releasePages(const char *begin, const char *end);

} // namespace spanfire
