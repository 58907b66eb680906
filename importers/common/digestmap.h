#pragma once
// DigestMap: open-addressing map from a 128-bit digest of a byte string to a
// 32-bit value, for the importers' hot caches (sample stack -> trie node,
// raw label list -> label set). Keys are not stored: two byte strings are
// taken as equal when their 128-bit digests are (two independent 64-bit
// lanes; a false match needs ~2^64 distinct keys by chance). That keeps a hit
// to one probe of one slot instead of re-reading the first occurrence.
// The map stops growing at maxEntries (inserts are then ignored), so memory
// stays bounded. Thread affinity: none; one owner.

#include "model/hashing.h"

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <vector>

namespace spanfire {

struct Digest {
    uint64_t a = 0, b = 0;
    bool operator==(const Digest &o) const { return a == o.a && b == o.b; }
};

inline Digest digestBytes(const void *data, size_t n) {
    const auto *p = static_cast<const char *>(data);
    uint64_t a = 0x9E3779B97F4A7C15ull ^ n, b = 0xC2B2AE3D27D4EB4Full + n;
    while (n >= 8) {
        uint64_t w;
        std::memcpy(&w, p, 8);
        a = (a ^ w) * 0x87C37B91114253D5ull;
        a = (a << 31) | (a >> 33);
        b = (b + w) * 0x4CF5AD432745937Full;
        b ^= b >> 29;
        p += 8;
        n -= 8;
    }
    uint64_t w = 0;
    if (n > 0) // p may be null for an empty key
        std::memcpy(&w, p, n);
    a = (a ^ w) * 0x87C37B91114253D5ull;
    b = (b + w) * 0x4CF5AD432745937Full;
    return {mix64(a ^ (b >> 17)), mix64(b + a)};
}

class DigestMap {
public:
    static constexpr uint32_t kMissing = ~0u;

    // maxEntries 0: an empty map that holds nothing (to release one).
    explicit DigestMap(size_t maxEntries) : m_maxEntries(maxEntries) { m_slots.assign(maxEntries ? 1024 : 1, Slot{}); }

    uint32_t find(const Digest &d) const {
        const size_t mask = m_slots.size() - 1;
        for (size_t i = size_t(d.a) & mask;; i = (i + 1) & mask) {
            const Slot &s = m_slots[i];
            if (s.value == kMissing)
                return kMissing;
            if (s.key == d)
                return s.value;
        }
    }

    // Brings the slot a find(d) starts at into the cache.
    void prefetch(const Digest &d) const { __builtin_prefetch(&m_slots[size_t(d.a) & (m_slots.size() - 1)]); }

    void insert(const Digest &d, uint32_t value) {
        if (m_used >= m_maxEntries)
            return;
        if ((m_used + 1) * 2 > m_slots.size())
            grow();
        const size_t mask = m_slots.size() - 1;
        size_t i = size_t(d.a) & mask;
        while (m_slots[i].value != kMissing) {
            if (m_slots[i].key == d)
                return;
            i = (i + 1) & mask;
        }
        m_slots[i] = Slot{d, value};
        ++m_used;
    }

    size_t size() const { return m_used; }

private:
    struct Slot {
        Digest key;
        uint32_t value = kMissing;
    };
    void grow() {
        std::vector<Slot> bigger(m_slots.size() * 2, Slot{});
        const size_t mask = bigger.size() - 1;
        for (const Slot &s : m_slots) {
            if (s.value == kMissing)
                continue;
            size_t i = size_t(s.key.a) & mask;
            while (bigger[i].value != kMissing)
                i = (i + 1) & mask;
            bigger[i] = s;
        }
        m_slots.swap(bigger);
    }

    std::vector<Slot> m_slots;
    size_t m_used = 0;
    size_t m_maxEntries;
};

} // namespace spanfire
