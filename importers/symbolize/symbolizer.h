#pragma once
// Symbolizer: turns the unsymbolized frames of a Profile (`module+0xoffset`,
// FrameKind::Unsymbolized, see importers/pprof) into functions with file,
// line and inline frames, read from local ELF/DWARF files found by mapping
// path or build id (DebugFinder). The model is immutable, so symbolize()
// builds a NEW Profile (symbolizeInPlace() rebuilds a not-yet-shared one):
// same strings (ids kept), a frame table holding only
// the frames in use, a trie where each resolved node is replaced by its inline
// chain (outermost function first, innermost inlined frame last, as a call
// stack reads root to leaf), and the sample columns with remapped leaves.
//
// Per mapping (file + build id) the result says what happened: symbolized,
// missing file, no debug info, build id mismatch (the file is refused and the
// frames stay module+0xoffset, never a silently wrong name).
//
// Caches: per (build id or file, address) the resolved chain, and per mapping
// the opened files; both live as long as the Symbolizer, so symbolizing
// several profiles of the same binaries reuses them.
// Thread affinity: one thread at a time; run it on the loader's worker.
// Cancel is polled every few hundred addresses; progress is 0..1000.

#include "model/profile.h"

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

namespace spanfire {

struct SymbolizeOptions {
    std::vector<std::string> debugDirs; // user folders, searched before /usr/lib/debug
    bool systemDebugDir = true;         // also search /usr/lib/debug
    const std::atomic<bool> *cancel = nullptr;
    std::function<void(int permille, const char *stage)> progress;
    uint64_t maxFileSize = 4ull << 30; // refuse larger ELF/debug files
};

enum class MappingStatus {
    Symbolized,      // DWARF (or symbols) read; see symbolized/addresses
    MissingFile,     // no file for the path or build id
    NoDebugInfo,     // file found, no DWARF: names from the symbol table at best
    BuildIdMismatch, // a file exists but has another build id: refused
};
const char *mappingStatusName(MappingStatus s);

struct MappingReport {
    std::string file;    // mapping path as in the profile
    std::string buildId; // as in the profile
    MappingStatus status = MappingStatus::MissingFile;
    std::string elfPath;     // file used for load segments (empty when none)
    std::string debugPath;   // file the DWARF came from (may equal elfPath)
    std::string message;     // e.g. the refused file and its build id
    uint64_t addresses = 0;  // distinct unsymbolized addresses of this mapping
    uint64_t symbolized = 0; // of which got a name
};

struct SymbolizeResult {
    bool ok = false; // false only when cancelled
    bool cancelled = false;
    bool changed = false;                   // at least one frame was symbolized
    std::shared_ptr<const Profile> profile; // null after symbolizeInPlace()
    std::vector<MappingReport> mappings;
    // Per node of the new trie: source line of the node's frame (the line of
    // the address for the innermost frame, the call site for the others),
    // and the file-relative address it came from; 0 when unknown. For the
    // pprof writer.
    std::vector<uint32_t> nodeLine;
    std::vector<uint64_t> nodeAddress;
    uint64_t addresses = 0;
    uint64_t symbolized = 0;
    std::vector<std::string> warnings; // human-readable, one per refused file etc.
};

class Symbolizer {
public:
    explicit Symbolizer(SymbolizeOptions options);
    ~Symbolizer();
    Symbolizer(const Symbolizer &) = delete;
    Symbolizer &operator=(const Symbolizer &) = delete;

    SymbolizeResult symbolize(const Profile &profile);
    // The same on a profile nobody shares yet (the loader's fresh import):
    // rebuilds its frames, trie and sample leaves in place, leaving every
    // other column as it is; untouched unless some frame got a name.
    // result.profile stays null.
    SymbolizeResult symbolizeInPlace(Profile &profile);

    // One resolved address: frames innermost first, names demangled.
    struct Resolved {
        std::string name, systemName, file, declFile;
        uint32_t line = 0, declLine = 0;
    };
    // Low-level: resolves file-relative `offset` in the mapping (path, build
    // id); fills `out` (innermost first) and returns the mapping's status.
    // Used by the benchmark and tests; symbolize() goes through it too.
    // `geometry` (optional) is the profile's mapping, used to sanity-check a
    // file found by path when the profile has no build id.
    MappingStatus resolve(const std::string &path, const std::string &buildId, uint64_t offset,
                          std::vector<Resolved> &out, const Mapping *geometry = nullptr);
    size_t cacheSize() const { return m_cacheSize; }

private:
    struct Module;
    SymbolizeResult run(const Profile &in, Profile *inPlace);
    Module &module(const std::string &path, const std::string &buildId, const Mapping *geometry);

    SymbolizeOptions m_options;
    std::unordered_map<std::string, std::unique_ptr<Module>> m_modules; // key: build id + '\n' + path
    size_t m_cacheSize = 0;
};

// Convenience: a one-shot Symbolizer.
SymbolizeResult symbolize(const Profile &profile, const SymbolizeOptions &options);

} // namespace spanfire
