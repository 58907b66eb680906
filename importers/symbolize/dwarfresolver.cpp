#include "importers/symbolize/dwarfresolver.h"

#include <dwarf.h>
#include <elfutils/libdw.h>
#include <elfutils/libdwfl.h>
#include <gelf.h>
#include <unistd.h>

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

std::vector<SourceFrame> DwarfResolver::resolve(uint64_t vaddr) const {
    std::vector<SourceFrame> out;
    if (!m_module)
        return out;
    const Dwarf_Addr addr = vaddr + m_bias;

    Dwarf_Addr bias = 0;
    Dwarf_Die *cudie = dwfl_module_addrdie(m_module, addr, &bias);
    Dwarf_Files *files = nullptr;
    if (cudie && dwarf_getsrcfiles(cudie, &files, nullptr) != 0)
        files = nullptr;

    // Innermost function and the line of the address itself.
    SourceFrame inner;
    Dwarf_Die *scopes = nullptr;
    int nscopes = cudie ? dwarf_getscopes(cudie, addr - bias, &scopes) : 0;
    int innerIndex = -1;
    for (int i = 0; i < nscopes; ++i) {
        if (isFunctionTag(dwarf_tag(&scopes[i]))) {
            innerIndex = i;
            break;
        }
    }
    if (innerIndex >= 0) {
        if (const char *n = dieName(&scopes[innerIndex]))
            inner.name = n;
        declOf(&scopes[innerIndex], files, inner);
    }
    if (inner.name.empty()) {
        GElf_Off offset = 0;
        GElf_Sym sym;
        if (const char *n = dwfl_module_addrinfo(m_module, addr, &offset, &sym, nullptr, nullptr, nullptr))
            inner.name = n;
    }
    if (Dwfl_Line *line = dwfl_module_getsrc(m_module, addr)) {
        int lineNo = 0;
        if (const char *src = dwfl_lineinfo(line, nullptr, &lineNo, nullptr, nullptr, nullptr)) {
            inner.file = src;
            inner.line = uint32_t(lineNo > 0 ? lineNo : 0);
        }
    }
    if (inner.name.empty() && inner.file.empty()) {
        free(scopes);
        return out;
    }
    out.push_back(inner);

    // Callers the innermost code was inlined into: walk all enclosing scopes
    // of the innermost DIE; each inlined_subroutine contributes its caller
    // with the call site line.
    if (nscopes > 0 && files) {
        Dwarf_Die sub;
        Dwarf_Addr dwbias = 0;
        Dwarf *dw = dwfl_module_getdwarf(m_module, &dwbias);
        const Dwarf_Off off = dwarf_dieoffset(&scopes[0]);
        free(scopes);
        scopes = nullptr;
        nscopes = dw && dwarf_offdie(dw, off, &sub) ? dwarf_getscopes_die(&sub, &scopes) : 0;
        for (int i = 0; i + 1 < nscopes; ++i) {
            if (dwarf_tag(&scopes[i]) != DW_TAG_inlined_subroutine)
                continue;
            SourceFrame caller;
            for (int j = i + 1; j < nscopes; ++j) {
                if (isFunctionTag(dwarf_tag(&scopes[j]))) {
                    if (const char *n = dieName(&scopes[j]))
                        caller.name = n;
                    declOf(&scopes[j], files, caller);
                    break;
                }
            }
            Dwarf_Attribute attr;
            Dwarf_Word v = 0;
            if (dwarf_formudata(dwarf_attr(&scopes[i], DW_AT_call_file, &attr), &v) == 0)
                caller.file = withCompDir(dwarf_filesrc(files, v, nullptr, nullptr), files);
            if (dwarf_formudata(dwarf_attr(&scopes[i], DW_AT_call_line, &attr), &v) == 0)
                caller.line = uint32_t(v);
            if (caller.name.empty())
                caller.name = "??";
            out.push_back(std::move(caller));
        }
    }
    free(scopes);
    return out;
}

} // namespace spanfire
