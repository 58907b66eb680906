#pragma once
// Small, fast non-cryptographic hashing for the model's build-time indexes
// (string table, label sets). Not a stable on-disk format.

#include <cstddef>
#include <cstdint>
#include <cstring>

namespace spanfire {

inline uint64_t mix64(uint64_t k) {
    k ^= k >> 33;
    k *= 0xFF51AFD7ED558CCDull;
    k ^= k >> 33;
    k *= 0xC4CEB9FE1A85EC53ull;
    k ^= k >> 33;
    return k;
}

// Hash of a byte string, 8 bytes per step.
inline uint64_t hashBytes(const void *data, size_t n) {
    const auto *p = static_cast<const unsigned char *>(data);
    uint64_t h = 0x9E3779B97F4A7C15ull ^ (uint64_t(n) * 0xC2B2AE3D27D4EB4Full);
    while (n >= 8) {
        uint64_t w;
        std::memcpy(&w, p, 8);
        h = (h ^ (w * 0x87C37B91114253D5ull)) * 0x4CF5AD432745937Full;
        h ^= h >> 31;
        p += 8;
        n -= 8;
    }
    if (n > 0) {
        uint64_t w = 0;
        std::memcpy(&w, p, n);
        h = (h ^ (w * 0x87C37B91114253D5ull)) * 0x4CF5AD432745937Full;
    }
    return mix64(h);
}

} // namespace spanfire
