#pragma once
// DwarfResolver: address -> source frames for one ELF file (plus its separate
// debug file), through libdwfl. resolve() returns the inline chain innermost
// first, as pprof's Line list and `eu-addr2line -f -i` order it: entry 0 is
// the function (or inlined subroutine) holding the address with the line of
// the address; entry k>0 is the function that entry k-1 was inlined into,
// with the line of that call site. Names are the linkage name when the DWARF
// has one (else DW_AT_name), falling back to the ELF symbol table; the
// caller demangles.
//
// Equivalent to eu-addr2line's dwarf_getscopes / dwarf_getscopes_die walk
// (tests/symbolize compare both), but indexed per compilation unit.
// Thread affinity: one thread at a time (libdwfl handles are not
// thread-safe). Owns its libdwfl session; file descriptors are duplicated.

#include "importers/symbolize/elffile.h"

#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

typedef struct Dwfl Dwfl;
typedef struct Dwfl_Module Dwfl_Module;

namespace spanfire {

struct SourceFrame {
    std::string name;     // linkage (mangled) name or plain name
    std::string file;     // source file of `line` (absolute when the DWARF allows)
    uint32_t line = 0;    // 0 when unknown
    std::string declFile; // file that declares the function, "" when unknown
    uint32_t declLine = 0;
};

class DwarfResolver {
public:
    DwarfResolver();
    ~DwarfResolver();
    DwarfResolver(const DwarfResolver &) = delete;
    DwarfResolver &operator=(const DwarfResolver &) = delete;

    // `debug` may be null or invalid (DWARF, if any, is then read from main).
    bool open(const ElfFile &main, const ElfFile *debug);
    bool valid() const { return m_module != nullptr; }

    // Link-time virtual address -> frames (innermost first). Empty when
    // nothing is known about the address.
    std::vector<SourceFrame> resolve(uint64_t vaddr) const;

private:
    struct CuIndex;
    const CuIndex *cuIndex(void *cudie, uint64_t cuOffset) const;

    Dwfl *m_dwfl = nullptr;
    Dwfl_Module *m_module = nullptr;
    uint64_t m_bias = 0;
    int m_debugFd = -1; // handed (dup'ed) to libdwfl when it asks for debug info
    std::string m_debugPath;
    // Per compilation unit, built on first use: the tree of function and
    // inlined-subroutine scopes with their address ranges, so that an
    // address costs a binary search and a short descent instead of a walk
    // over the whole unit (what dwarf_getscopes does per call).
    mutable std::unordered_map<uint64_t, std::unique_ptr<CuIndex>> m_cus;
    friend struct DwarfResolverAccess;
};

} // namespace spanfire
