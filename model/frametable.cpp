#include "model/frametable.h"

namespace spanfire {

FrameId FrameTable::intern(const Frame &f) {
    // Inlined-ness is shown but does not split a function's box.
    const uint32_t kindKey = f.kind == FrameKind::Inlined ? uint32_t(FrameKind::Normal) : uint32_t(f.kind);
    Key k{f.name.v, f.file.v, f.module.v, kindKey, f.kind == FrameKind::Unsymbolized ? f.address : 0};
    auto it = m_index.find(k);
    if (it != m_index.end())
        return FrameId(it->second);
    const auto id = static_cast<uint32_t>(m_frames.size());
    m_frames.push_back(f);
    m_index.emplace(k, id);
    return FrameId(id);
}

} // namespace spanfire
