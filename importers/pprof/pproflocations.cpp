// Pass 1 of the pprof decoder, second half: every location becomes a chain
// of frames (root first), with drop_frames decisions.

#include "importers/pprof/dropframes.h"
#include "importers/pprof/pprofdecoder.h"

#include <algorithm>
#include <cstdio>

namespace spanfire {

namespace {

std::string_view baseName(std::string_view path) {
    const size_t slash = path.find_last_of('/');
    return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

} // namespace

FrameId PprofDecoder::unsymbolizedFrame(const RawLocation &loc, uint32_t mapping) {
    Frame fr;
    fr.kind = FrameKind::Unsymbolized;
    char hex[32];
    std::string name;
    uint64_t address = loc.address;
    if (mapping != IdIndex::kMissing) {
        const RawMapping &m = m_mappings[mapping];
        fr.module = str(m.file);
        fr.buildId = str(m.buildId);
        const std::string_view base = baseName(m_strings[size_t(m.file)]);
        if (!base.empty() && loc.address >= m.start) {
            address = loc.address - m.start + m.fileOffset;
            name = std::string(base) + '+';
        }
    }
    std::snprintf(hex, sizeof hex, "0x%llx", static_cast<unsigned long long>(address));
    name += hex;
    fr.address = address;
    fr.name = m_profile->strings.intern(name);
    fr.systemName = fr.name;
    return m_profile->frames.intern(fr);
}

bool PprofDecoder::buildLocations() {
    Profile &p = *m_profile;
    const DropFrames drop(m_ctx.options().applyDropFrames ? m_strings[size_t(m_drop)] : std::string_view(),
                          m_strings[size_t(m_keep)]);
    if (!drop.error().empty())
        p.addWarning(drop.error());

    // Function index -> frame-relevant strings, interned on first use.
    m_locBegin.assign(m_locations.size() + 1, 0);
    m_locPrune.assign(m_locations.size(), 0);
    m_locFrames.reserve(m_lines.size() + m_locations.size());
    uint64_t unknownMapping = 0;
    std::vector<uint32_t> lineFn; // function index per line of the current location
    std::vector<int8_t> dropDecision(drop.active() ? m_functions.size() : 0, int8_t(-1));
    for (size_t li = 0; li < m_locations.size(); ++li) {
        const RawLocation &loc = m_locations[li];
        m_locBegin[li] = uint32_t(m_locFrames.size());
        uint32_t mapping = IdIndex::kMissing;
        if (loc.mappingId != 0) {
            mapping = m_mappingIndex.find(loc.mappingId);
            unknownMapping += mapping == IdIndex::kMissing;
        }
        lineFn.clear();
        for (uint32_t l = loc.lineBegin; l < loc.lineEnd; ++l) {
            const uint32_t fi = m_lines[l].functionId ? m_functionIndex.find(m_lines[l].functionId) : IdIndex::kMissing;
            if (fi == IdIndex::kMissing)
                return m_ctx.failAt("malformed profile: location id: " + std::to_string(loc.id) +
                                        " has a line with nil function (function id " +
                                        std::to_string(m_lines[l].functionId) + ")",
                                    loc.offset);
            lineFn.push_back(fi);
        }
        // drop_frames: the outermost line that matches decides (pprof Prune).
        size_t keepFrom = 0; // lines [keepFrom, n) survive
        if (drop.active() && !lineFn.empty()) {
            for (size_t i = lineFn.size(); i-- > 0;) {
                // One regex match per function, not per location.
                int8_t &decision = dropDecision[lineFn[i]];
                if (decision < 0)
                    decision = drop.shouldDrop(m_strings[size_t(m_functions[lineFn[i]].name)]) ? 1 : 0;
                if (decision == 1) {
                    if (i == lineFn.size() - 1) {
                        m_locPrune[li] = 1;
                    } else {
                        m_locPrune[li] = 2;
                        keepFrom = i + 1;
                    }
                    break;
                }
            }
        }
        if (lineFn.empty()) {
            m_locFrames.push_back(unsymbolizedFrame(loc, mapping).v);
            continue;
        }
        // Root-first: the last line is the outermost (the real function);
        // earlier lines were inlined into it.
        for (size_t i = lineFn.size(); i-- > keepFrom;) {
            const RawFunction &fn = m_functions[lineFn[i]];
            if (fn.name == 0 && fn.systemName == 0) {
                m_locFrames.push_back(unsymbolizedFrame(loc, mapping).v);
                continue;
            }
            Frame fr;
            fr.name = str(fn.name != 0 ? fn.name : fn.systemName);
            fr.systemName = str(fn.systemName != 0 ? fn.systemName : fn.name);
            fr.file = str(fn.file);
            fr.startLine = uint32_t(std::clamp<int64_t>(fn.startLine, 0, UINT32_MAX));
            fr.kind = i + 1 < lineFn.size() ? FrameKind::Inlined : FrameKind::Normal;
            if (mapping != IdIndex::kMissing) {
                fr.module = str(m_mappings[mapping].file);
                fr.buildId = str(m_mappings[mapping].buildId);
            }
            m_locFrames.push_back(p.frames.intern(fr).v);
        }
    }
    m_locBegin[m_locations.size()] = uint32_t(m_locFrames.size());
    if (unknownMapping)
        p.addWarning("locations with unknown mapping id", unknownMapping);
    return true;
}

} // namespace spanfire
