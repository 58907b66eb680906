#pragma once
// FrameTable: unique frames of one document. A frame is what one box of a
// flame graph stands for: a function (or, when unsymbolized, a module+offset
// pseudo-name) in a file and a module. Line numbers are deliberately not part of
// the identity (pprof's default "functions" granularity); the function's start
// line is kept for display.
// Invariant: ids are dense; equal keys give equal ids. Immutable after build.

#include "model/ids.h"

#include <cstdint>
#include <unordered_map>
#include <vector>

namespace spanfire {

enum class FrameKind : uint8_t {
    Normal = 0,
    Inlined = 1,      // this frame was inlined into its caller
    Unsymbolized = 2, // name is module+0xoffset; address is meaningful
    Root = 3,         // synthetic root
};

struct Frame {
    StringId name;       // human-readable function name (or module+0xoffset)
    StringId systemName; // mangled / system name, may equal name
    StringId file;       // source file, 0 when unknown
    StringId module;     // mapping file name (binary/library), 0 when unknown
    StringId buildId;    // mapping build id, 0 when unknown
    uint32_t startLine = 0;
    FrameKind kind = FrameKind::Normal;
    uint64_t address = 0; // file-relative address for unsymbolized frames
};

class FrameTable {
public:
    FrameId intern(const Frame &f);
    const Frame &at(FrameId id) const { return m_frames[id.v]; }
    size_t size() const { return m_frames.size(); }
    const std::vector<Frame> &frames() const { return m_frames; }

private:
    struct Key {
        uint32_t name, file, module, kind;
        uint64_t address;
        bool operator==(const Key &o) const {
            return name == o.name && file == o.file && module == o.module && kind == o.kind && address == o.address;
        }
    };
    struct KeyHash {
        size_t operator()(const Key &k) const noexcept {
            uint64_t h = k.name * 0x9E3779B97F4A7C15ull;
            h ^= (k.file + 0x632BE59BD9B4E019ull + (h << 6) + (h >> 2));
            h ^= (k.module * 0x94D049BB133111EBull + (h << 6) + (h >> 2));
            h ^= (k.kind + (k.address * 0xBF58476D1CE4E5B9ull) + (h << 6) + (h >> 2));
            return static_cast<size_t>(h);
        }
    };
    std::vector<Frame> m_frames;
    std::unordered_map<Key, uint32_t, KeyHash> m_index;
};

} // namespace spanfire
