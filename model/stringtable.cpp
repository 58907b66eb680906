#include "model/stringtable.h"

#include "model/hashing.h"

#include <algorithm>
#include <cstring>

namespace spanfire {

namespace {
constexpr size_t kChunkBytes = 256 * 1024;
}

StringTable::StringTable() {
    m_views.emplace_back();
    m_slots.assign(64, Slot{0, kEmpty});
    m_mask = m_slots.size() - 1;
    const uint32_t h = uint32_t(hashBytes("", 0));
    m_slots[findSlot(std::string_view(), h)] = Slot{h, 0};
}

std::string_view StringTable::store(std::string_view s) {
    if (s.empty())
        return {};
    if (s.size() > kChunkBytes / 4) {
        // Big strings get their own allocation so chunks stay dense.
        auto buf = std::make_unique<char[]>(s.size());
        std::memcpy(buf.get(), s.data(), s.size());
        std::string_view v(buf.get(), s.size());
        // Keep the current chunk last so m_chunkUsed stays meaningful.
        m_chunks.insert(m_chunks.empty() ? m_chunks.end() : m_chunks.end() - 1, std::move(buf));
        m_arenaBytes += s.size();
        return v;
    }
    if (m_chunks.empty() || m_chunkUsed + s.size() > m_chunkSize) {
        m_chunks.push_back(std::make_unique<char[]>(kChunkBytes));
        m_chunkSize = kChunkBytes;
        m_chunkUsed = 0;
    }
    char *dst = m_chunks.back().get() + m_chunkUsed;
    std::memcpy(dst, s.data(), s.size());
    m_chunkUsed += s.size();
    m_arenaBytes += s.size();
    return std::string_view(dst, s.size());
}

size_t StringTable::findSlot(std::string_view s, uint32_t hash) const {
    for (size_t i = hash & m_mask;; i = (i + 1) & m_mask) {
        const Slot slot = m_slots[i];
        if (slot.id == kEmpty)
            return i;
        if (slot.hash == hash && m_views[slot.id] == s)
            return i;
    }
}

void StringTable::grow() {
    std::vector<Slot> bigger(m_slots.size() * 2, Slot{0, kEmpty});
    const size_t mask = bigger.size() - 1;
    for (const Slot &slot : m_slots) {
        if (slot.id == kEmpty)
            continue;
        size_t i = slot.hash & mask;
        while (bigger[i].id != kEmpty)
            i = (i + 1) & mask;
        bigger[i] = slot;
    }
    m_slots.swap(bigger);
    m_mask = mask;
}

StringId StringTable::intern(std::string_view s) {
    const auto h = uint32_t(hashBytes(s.data(), s.size()));
    size_t i = findSlot(s, h);
    if (m_slots[i].id != kEmpty)
        return StringId(m_slots[i].id);
    if ((m_views.size() + 1) * 2 > m_slots.size()) {
        grow();
        i = findSlot(s, h);
    }
    std::string_view stored = store(s);
    const auto id = static_cast<uint32_t>(m_views.size());
    m_views.push_back(stored);
    m_slots[i] = Slot{h, id};
    return StringId(id);
}

StringId StringTable::find(std::string_view s) const {
    const Slot slot = m_slots[findSlot(s, uint32_t(hashBytes(s.data(), s.size())))];
    return slot.id == kEmpty ? StringId() : StringId(slot.id);
}

} // namespace spanfire
