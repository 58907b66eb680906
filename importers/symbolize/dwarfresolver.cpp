#include "importers/symbolize/dwarfresolver.h"

#include <dwarf.h>
#include <elfutils/libdw.h>
#include <elfutils/libdwfl.h>
#include <gelf.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>

namespace spanfire {

struct DwarfResolverAccess {
    // libdwfl asks for the separate debug file through this callback; the
    // module's userdata points at the resolver that knows the file we chose.
    static int findDebuginfo(Dwfl_Module *mod, void **userdata, const char *, Dwarf_Addr, const char *, const char *,
                             GElf_Word, char **debuginfoFileName) {
        (void)mod;
        const auto *self = static_cast<const DwarfResolver *>(*userdata);
        if (!self || self->m_debugFd < 0)
            return -1;
        const int fd = ::dup(self->m_debugFd);
        if (fd >= 0 && debuginfoFileName)
            *debuginfoFileName = ::strdup(self->m_debugPath.c_str());
        return fd;
    }
};

namespace {

const Dwfl_Callbacks kCallbacks = {
    nullptr, // find_elf: never used, modules are reported with a descriptor
    &DwarfResolverAccess::findDebuginfo,
    nullptr, // section_address: only for ET_REL
    nullptr,
};

const char *dieName(Dwarf_Die *die) {
    Dwarf_Attribute attr;
    const char *name = dwarf_formstring(dwarf_attr_integrate(die, DW_AT_MIPS_linkage_name, &attr));
    if (!name)
        name = dwarf_formstring(dwarf_attr_integrate(die, DW_AT_linkage_name, &attr));
    if (!name)
        name = dwarf_formstring(dwarf_attr_integrate(die, DW_AT_name, &attr));
    return name;
}

bool isFunctionTag(int tag) {
    return tag == DW_TAG_subprogram || tag == DW_TAG_inlined_subroutine || tag == DW_TAG_entry_point;
}

// Absolute file name the way eu-addr2line -A prints it.
std::string withCompDir(const char *src, Dwarf_Files *files) {
    if (!src)
        return std::string();
    if (src[0] == '/' || !files)
        return src;
    const char *const *dirs = nullptr;
    size_t ndirs = 0;
    if (dwarf_getsrcdirs(files, &dirs, &ndirs) == 0 && ndirs > 0 && dirs[0])
        return std::string(dirs[0]) + "/" + src;
    return src;
}

void declOf(Dwarf_Die *die, Dwarf_Files *files, SourceFrame &f) {
    Dwarf_Attribute attr;
    Dwarf_Word v = 0;
    if (files && dwarf_formudata(dwarf_attr_integrate(die, DW_AT_decl_file, &attr), &v) == 0)
        f.declFile = withCompDir(dwarf_filesrc(files, v, nullptr, nullptr), files);
    if (dwarf_formudata(dwarf_attr_integrate(die, DW_AT_decl_line, &attr), &v) == 0)
        f.declLine = uint32_t(v);
}

} // namespace

DwarfResolver::DwarfResolver() = default;

DwarfResolver::~DwarfResolver() {
    if (m_dwfl)
        dwfl_end(m_dwfl);
    if (m_debugFd >= 0)
        ::close(m_debugFd);
}

bool DwarfResolver::open(const ElfFile &main, const ElfFile *debug) {
    if (!main.valid() || m_dwfl)
        return false;
    if (debug && debug->valid()) {
        m_debugFd = ::dup(debug->fd());
        m_debugPath = debug->path();
    }
    m_dwfl = dwfl_begin(&kCallbacks);
    if (!m_dwfl)
        return false;
    dwfl_report_begin(m_dwfl);
    const int fd = ::dup(main.fd());
    if (fd < 0)
        return false;
    m_module = dwfl_report_elf(m_dwfl, "module", main.path().c_str(), fd, 0, false);
    if (!m_module) {
        ::close(fd);
        return false;
    }
    dwfl_report_end(m_dwfl, nullptr, nullptr);
    void **userdata = nullptr;
    dwfl_module_info(m_module, &userdata, nullptr, nullptr, nullptr, nullptr, nullptr, nullptr);
    if (userdata)
        *userdata = this;
    Dwarf_Addr bias = 0;
    if (!dwfl_module_getelf(m_module, &bias)) {
        m_module = nullptr;
        return false;
    }
    m_bias = bias;
    return true;
}

struct DwarfResolver::CuIndex {
    static constexpr uint32_t kNone = ~0u;
    struct Scope {
        Dwarf_Off die = 0;
        uint32_t parent = kNone;
        uint32_t rangeBegin = 0, rangeEnd = 0;
        bool inlined = false;
        bool function = false; // subprogram / inlined subroutine / entry point (else a block)
        // Filled on first use.
        bool resolved = false;
        std::string name, declFile, callFile;
        uint32_t declLine = 0, callLine = 0;
    };
    struct Range {
        Dwarf_Addr lo, hi;
        uint32_t scope;
    };
    Dwarf_Files *files = nullptr;
    std::vector<Scope> scopes;
    std::vector<Range> ranges;                   // per scope, [rangeBegin, rangeEnd)
    std::vector<std::vector<uint32_t>> children; // per scope
    std::vector<Range> top;                      // top-level scopes' ranges, sorted by lo

    // Mirrors libdw's scope walk (dwarf_getscopes): DIEs that may carry
    // addresses are matched by their ranges and pruned when they have none;
    // namespaces, classes and structures are walked through; nothing else is
    // descended into.
    void visit(Dwarf_Die *die, uint32_t parent, int depth) {
        if (depth > 256)
            return;
        Dwarf_Die child;
        if (dwarf_child(die, &child) != 0)
            return;
        do {
            const int tag = dwarf_tag(&child);
            switch (tag) {
            case DW_TAG_namespace:
            case DW_TAG_class_type:
            case DW_TAG_structure_type:
                visit(&child, parent, depth + 1);
                continue;
            case DW_TAG_subprogram:
            case DW_TAG_inlined_subroutine:
            case DW_TAG_entry_point:
            case DW_TAG_lexical_block:
            case DW_TAG_module:
            case DW_TAG_with_stmt:
            case DW_TAG_catch_block:
            case DW_TAG_try_block:
                break;
            default:
                continue;
            }
            Scope sc;
            sc.die = dwarf_dieoffset(&child);
            sc.parent = parent;
            sc.inlined = tag == DW_TAG_inlined_subroutine;
            sc.function = isFunctionTag(tag);
            sc.rangeBegin = uint32_t(ranges.size());
            const uint32_t index = uint32_t(scopes.size());
            Dwarf_Addr base = 0, lo = 0, hi = 0;
            ptrdiff_t off = 0;
            int guard = 0;
            while ((off = dwarf_ranges(&child, off, &base, &lo, &hi)) > 0 && ++guard < 100000)
                if (hi > lo)
                    ranges.push_back({lo, hi, index});
            sc.rangeEnd = uint32_t(ranges.size());
            if (sc.rangeEnd == sc.rangeBegin)
                continue; // no code here (declaration, abstract instance): pruned
            scopes.push_back(sc);
            children.emplace_back();
            if (parent == kNone)
                for (uint32_t r = sc.rangeBegin; r < sc.rangeEnd; ++r)
                    top.push_back(ranges[r]);
            else
                children[parent].push_back(index);
            visit(&child, index, depth + 1);
        } while (dwarf_siblingof(&child, &child) == 0);
    }

    bool contains(uint32_t scope, Dwarf_Addr a) const {
        for (uint32_t r = scopes[scope].rangeBegin; r < scopes[scope].rangeEnd; ++r)
            if (a >= ranges[r].lo && a < ranges[r].hi)
                return true;
        return false;
    }

    // Innermost scope holding `a`, or kNone.
    uint32_t innermost(Dwarf_Addr a) const {
        auto it = std::upper_bound(top.begin(), top.end(), a, [](Dwarf_Addr x, const Range &r) { return x < r.lo; });
        // Top-level ranges may overlap (a function and its .cold part, or
        // duplicated instances): the first in DIE order wins, as in libdw.
        uint32_t cur = kNone;
        for (int back = 0; it != top.begin() && back < 64; ++back) {
            --it;
            if (a < it->hi && it->scope < cur)
                cur = it->scope;
        }
        if (cur == kNone)
            return kNone;
        for (int depth = 0; depth < 256; ++depth) {
            uint32_t next = kNone;
            for (uint32_t c : children[cur])
                if (contains(c, a)) {
                    next = c;
                    break;
                }
            if (next == kNone)
                break;
            cur = next;
        }
        return cur;
    }

    Scope &resolved(Dwarf *dw, uint32_t index) {
        Scope &sc = scopes[index];
        if (sc.resolved)
            return sc;
        sc.resolved = true;
        Dwarf_Die die;
        if (!dw || !dwarf_offdie(dw, sc.die, &die))
            return sc;
        if (const char *n = dieName(&die))
            sc.name = n;
        SourceFrame decl;
        declOf(&die, files, decl);
        sc.declFile = std::move(decl.declFile);
        sc.declLine = decl.declLine;
        if (sc.inlined) {
            Dwarf_Attribute attr;
            Dwarf_Word v = 0;
            if (files && dwarf_formudata(dwarf_attr(&die, DW_AT_call_file, &attr), &v) == 0)
                sc.callFile = withCompDir(dwarf_filesrc(files, v, nullptr, nullptr), files);
            if (dwarf_formudata(dwarf_attr(&die, DW_AT_call_line, &attr), &v) == 0)
                sc.callLine = uint32_t(v);
        }
        return sc;
    }
};

const DwarfResolver::CuIndex *DwarfResolver::cuIndex(void *cudiePtr, uint64_t cuOffset) const {
    auto it = m_cus.find(cuOffset);
    if (it != m_cus.end())
        return it->second.get();
    auto idx = std::make_unique<CuIndex>();
    auto *cudie = static_cast<Dwarf_Die *>(cudiePtr);
    if (dwarf_getsrcfiles(cudie, &idx->files, nullptr) != 0)
        idx->files = nullptr;
    idx->visit(cudie, CuIndex::kNone, 0);
    std::sort(idx->top.begin(), idx->top.end(), [](const auto &a, const auto &b) { return a.lo < b.lo; });
    return m_cus.emplace(cuOffset, std::move(idx)).first->second.get();
}

std::vector<SourceFrame> DwarfResolver::resolve(uint64_t vaddr) const {
    std::vector<SourceFrame> out;
    if (!m_module)
        return out;
    const Dwarf_Addr addr = vaddr + m_bias;

    Dwarf_Addr bias = 0;
    Dwarf_Die *cudie = dwfl_module_addrdie(m_module, addr, &bias);
    CuIndex *cu = cudie ? const_cast<CuIndex *>(cuIndex(cudie, dwarf_dieoffset(cudie))) : nullptr;
    Dwarf_Addr dwbias = 0;
    Dwarf *dw = cu ? dwfl_module_getdwarf(m_module, &dwbias) : nullptr;
    uint32_t inner = cu ? cu->innermost(addr - bias) : CuIndex::kNone;
    while (inner != CuIndex::kNone && !cu->scopes[inner].function)
        inner = cu->scopes[inner].parent;

    // Innermost function and the line of the address itself.
    SourceFrame first;
    if (inner != CuIndex::kNone) {
        const CuIndex::Scope &sc = cu->resolved(dw, inner);
        first.name = sc.name;
        first.declFile = sc.declFile;
        first.declLine = sc.declLine;
    }
    if (first.name.empty()) {
        GElf_Off offset = 0;
        GElf_Sym sym;
        if (const char *n = dwfl_module_addrinfo(m_module, addr, &offset, &sym, nullptr, nullptr, nullptr))
            first.name = n;
    }
    if (Dwfl_Line *line = dwfl_module_getsrc(m_module, addr)) {
        int lineNo = 0;
        if (const char *src = dwfl_lineinfo(line, nullptr, &lineNo, nullptr, nullptr, nullptr)) {
            first.file = src;
            first.line = uint32_t(lineNo > 0 ? lineNo : 0);
        }
    }
    if (first.name.empty() && first.file.empty())
        return out;
    out.push_back(std::move(first));

    // Each inlined scope on the way out contributes the function it was
    // inlined into, with the call site.
    for (uint32_t s = inner; s != CuIndex::kNone && cu->scopes[s].inlined;) {
        uint32_t parent = cu->scopes[s].parent;
        while (parent != CuIndex::kNone && !cu->scopes[parent].function)
            parent = cu->scopes[parent].parent;
        const CuIndex::Scope &callee = cu->resolved(dw, s);
        SourceFrame caller;
        caller.file = callee.callFile;
        caller.line = callee.callLine;
        if (parent != CuIndex::kNone) {
            const CuIndex::Scope &ps = cu->resolved(dw, parent);
            caller.name = ps.name;
            caller.declFile = ps.declFile;
            caller.declLine = ps.declLine;
        }
        if (caller.name.empty())
            caller.name = "??";
        out.push_back(std::move(caller));
        s = parent;
    }
    return out;
}

} // namespace spanfire
