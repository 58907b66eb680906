#pragma once
// Sums of sample values wrap around on overflow, as Go's int64 arithmetic in
// pprof does: hostile or absurd values give absurd totals, never undefined
// behaviour.

#include <cstdint>

namespace spanfire {

inline int64_t wrapAdd(int64_t a, int64_t b) {
    return static_cast<int64_t>(static_cast<uint64_t>(a) + static_cast<uint64_t>(b));
}
inline void addTo(int64_t &sum, int64_t v) {
    sum = wrapAdd(sum, v);
}

} // namespace spanfire
