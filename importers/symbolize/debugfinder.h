#pragma once
// DebugFinder: locates, for one mapping of a profile (its file path and build
// id), the local ELF file to read load segments from and the file carrying
// its DWARF. Search order:
//   1. the mapping path, when absolute, a regular file, an ELF and (if the
//      profile names a build id) of that build id;
//   2. by build id in each debug folder D (user folders first, then
//      /usr/lib/debug): D/.build-id/xx/rest.debug, D/.build-id/xx/rest, and
//      flat D/<id>.debug, D/<id>, D/<basename>, D/<basename>.debug;
//   3. for DWARF when the file found has none: the same build-id places, then
//      .gnu_debuglink next to the file, in its .debug/ folder and under each
//      debug folder (both D/<dir of file>/<link> and D/<link>).
// A candidate whose build id differs is refused and remembered so that the
// caller can warn: never a silently wrong name. Without a build id to check,
// a debug link is accepted only when its CRC matches.
// Thread affinity: none (stateless apart from its configuration).

#include "importers/symbolize/elffile.h"

#include <string>
#include <vector>

namespace spanfire {

enum class LookupStatus {
    Found,           // ELF found (with or without DWARF: see hasDwarf())
    MissingFile,     // nothing on disk for this path / build id
    BuildIdMismatch, // a file exists but its build id differs: refused
};

struct DebugLookup {
    LookupStatus status = LookupStatus::MissingFile;
    ElfFile main;  // load segments come from here
    ElfFile debug; // DWARF comes from here when valid(); else from main
    std::string refusedPath;
    std::string refusedBuildId; // build id of the refused file ("" = it has none)
    bool hasDwarf() const { return main.hasDwarf() || debug.valid(); }
};

class DebugFinder {
public:
    DebugFinder(std::vector<std::string> debugDirs, bool systemDebugDir, uint64_t maxFileSize);

    DebugLookup find(const std::string &mappingPath, const std::string &buildId) const;
    const std::vector<std::string> &dirs() const { return m_dirs; }

private:
    bool tryMain(const std::string &path, const std::string &buildId, DebugLookup &out) const;
    void findDebug(const std::string &mappingPath, const std::string &buildId, DebugLookup &out) const;
    bool tryDebug(const std::string &path, const std::string &buildId, DebugLookup &out, bool checkCrc) const;

    std::vector<std::string> m_dirs;
    uint64_t m_maxFileSize;
};

} // namespace spanfire
