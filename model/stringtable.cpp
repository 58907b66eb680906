#include "model/stringtable.h"

#include <algorithm>
#include <cstring>

namespace spanfire {

namespace {
constexpr size_t kChunkBytes = 256 * 1024;
}

StringTable::StringTable() {
    m_views.emplace_back();
    m_index.emplace(std::string_view(), 0u);
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

StringId StringTable::intern(std::string_view s) {
    auto it = m_index.find(s);
    if (it != m_index.end())
        return StringId(it->second);
    std::string_view stored = store(s);
    const auto id = static_cast<uint32_t>(m_views.size());
    m_views.push_back(stored);
    m_index.emplace(stored, id);
    return StringId(id);
}

StringId StringTable::find(std::string_view s) const {
    auto it = m_index.find(s);
    return it == m_index.end() ? StringId() : StringId(it->second);
}

} // namespace spanfire
