#pragma once
// Helpers for the symbolization tests: fixture paths, shell commands, a
// temporary folder, the eu-addr2line oracle, ELF facts read with binutils
// (readelf/nm, independent of the code under test) and address-only pprof
// profiles built through the model and our writer, then imported back.

#include "importers/importer.h"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace symtest {

std::string fixture(const std::string &name); // SYM_FIXTURE_DIR/name
std::string run(const std::string &command, int *status = nullptr);

class TempDir {
public:
    TempDir();
    ~TempDir();
    const std::string &path() const { return m_path; }

private:
    std::string m_path;
};

struct OracleFrame {
    std::string name; // demangled, " inlined at ..." removed
    std::string file;
    uint32_t line = 0;
};
// vaddr -> frames innermost first, from `eu-addr2line -a -f -i -C -e binary`.
std::map<uint64_t, std::vector<OracleFrame>> oracle(const std::string &binary, const std::vector<uint64_t> &vaddrs);

struct Segment {
    uint64_t offset = 0, vaddr = 0, filesz = 0;
    bool exec = false;
};
std::vector<Segment> loadSegments(const std::string &binary); // readelf -lW
std::string gnuBuildId(const std::string &binary);            // readelf -n
// Every byte address of the named functions (nm -S, mangled names).
std::vector<uint64_t> functionAddresses(const std::string &binary, const std::vector<std::string> &symbols);
void copyFile(const std::string &from, const std::string &to);

// A profile with one sample per address, as a process would record it with
// the executable segment of `binary` mapped at `base` (0 for ET_EXEC).
// Goes model -> writePprof -> importBytes, so the importer derives the
// file-relative offsets. `vaddrs` are link-time addresses.
spanfire::ImportResult addressProfile(const std::string &mappingPath, const std::string &buildId,
                                      const std::string &binary, uint64_t base, const std::vector<uint64_t> &vaddrs);
// The same profile as gzip'ed pprof bytes.
std::string addressProfileBytes(const std::string &mappingPath, const std::string &buildId, const std::string &binary,
                                uint64_t base, const std::vector<uint64_t> &vaddrs);
// File-relative offset of a link-time address (through readelf's segments).
uint64_t fileOffsetOf(const std::string &binary, uint64_t vaddr);

} // namespace symtest
