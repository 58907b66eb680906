#pragma once
// ElfFile: one local ELF file opened for symbolization, with the facts the
// symbolizer needs read up front: GNU and Go build ids, PT_LOAD segments,
// whether it carries DWARF, and its .gnu_debuglink. Paths come from untrusted
// profiles, so open() refuses anything that is not a regular file (devices,
// FIFOs, sockets, directories) before opening it, opens non-blocking, checks
// again on the descriptor, and enforces a size limit.
//
// Invariant: when valid(), fd() and elf() stay open until destruction.
// Thread affinity: none; one instance is used by one thread at a time.

#include <cstdint>
#include <string>
#include <vector>

typedef struct Elf Elf;

namespace spanfire {

struct LoadSegment {
    uint64_t offset = 0; // p_offset
    uint64_t vaddr = 0;  // p_vaddr
    uint64_t filesz = 0;
    uint64_t memsz = 0;
    bool exec = false;
};

class ElfFile {
public:
    enum class OpenError { None, Missing, NotRegular, TooLarge, Unreadable, NotElf };

    ElfFile() = default;
    ~ElfFile();
    ElfFile(const ElfFile &) = delete;
    ElfFile &operator=(const ElfFile &) = delete;
    ElfFile(ElfFile &&o) noexcept;
    ElfFile &operator=(ElfFile &&o) noexcept;

    // Opens and inspects `path`; on failure error() says why.
    bool open(const std::string &path, uint64_t maxFileSize);

    bool valid() const { return m_elf != nullptr; }
    OpenError error() const { return m_error; }
    const std::string &path() const { return m_path; }
    int fd() const { return m_fd; }
    Elf *elf() const { return m_elf; }
    uint64_t size() const { return m_size; }

    // Lower-case hex of the NT_GNU_BUILD_ID note, empty when absent.
    const std::string &gnuBuildId() const { return m_gnuBuildId; }
    // The Go build id string (note "Go", type 4), empty when absent.
    const std::string &goBuildId() const { return m_goBuildId; }
    // True when `id` (as found in a profile: hex, any case; or a raw Go
    // build id) names this file.
    bool matchesBuildId(const std::string &id) const;
    bool hasBuildId() const { return !m_gnuBuildId.empty() || !m_goBuildId.empty(); }

    bool hasDwarf() const { return m_hasDwarf; }
    bool hasSymtab() const { return m_hasSymtab; }
    bool isDyn() const { return m_isDyn; }
    const std::vector<LoadSegment> &loads() const { return m_loads; }
    // True for a separate debug file whose segment offsets were inferred
    // (see inspect()): addresses map correctly for the usual linker layouts.
    bool guessedLayout() const { return m_guessedLayout; }
    const std::string &debugLink() const { return m_debugLink; }
    uint32_t debugLinkCrc() const { return m_debugLinkCrc; }

    // File offset -> link-time virtual address through the PT_LOAD segment
    // that holds it; false when no segment covers the offset.
    bool offsetToVaddr(uint64_t offset, uint64_t &vaddr) const;
    // CRC-32 of the whole file (for .gnu_debuglink checks).
    uint32_t crc32() const;

    static std::string normalizeBuildId(const std::string &id);

private:
    void close();
    void inspect();

    std::string m_path;
    int m_fd = -1;
    Elf *m_elf = nullptr;
    uint64_t m_size = 0;
    OpenError m_error = OpenError::None;
    std::string m_gnuBuildId;
    std::string m_goBuildId;
    bool m_hasDwarf = false;
    bool m_hasSymtab = false;
    bool m_isDyn = false;
    bool m_guessedLayout = false;
    std::vector<LoadSegment> m_loads;
    std::string m_debugLink;
    uint32_t m_debugLinkCrc = 0;
};

} // namespace spanfire
