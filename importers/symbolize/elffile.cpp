#include "importers/symbolize/elffile.h"

#include <elfutils/libdwelf.h>
#include <fcntl.h>
#include <gelf.h>
#include <libelf.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstring>
#include <utility>

namespace spanfire {

namespace {

std::string toHex(const unsigned char *p, size_t n) {
    static const char kDigits[] = "0123456789abcdef";
    std::string s;
    s.reserve(n * 2);
    for (size_t i = 0; i < n; ++i) {
        s += kDigits[p[i] >> 4];
        s += kDigits[p[i] & 15];
    }
    return s;
}

bool libelfReady() {
    static const bool ok = elf_version(EV_CURRENT) != EV_NONE;
    return ok;
}

} // namespace

ElfFile::~ElfFile() {
    close();
}

ElfFile::ElfFile(ElfFile &&o) noexcept {
    *this = std::move(o);
}

ElfFile &ElfFile::operator=(ElfFile &&o) noexcept {
    if (this != &o) {
        close();
        m_path = std::move(o.m_path);
        m_fd = std::exchange(o.m_fd, -1);
        m_elf = std::exchange(o.m_elf, nullptr);
        m_size = o.m_size;
        m_error = o.m_error;
        m_gnuBuildId = std::move(o.m_gnuBuildId);
        m_goBuildId = std::move(o.m_goBuildId);
        m_hasDwarf = o.m_hasDwarf;
        m_hasSymtab = o.m_hasSymtab;
        m_isDyn = o.m_isDyn;
        m_guessedLayout = o.m_guessedLayout;
        m_loads = std::move(o.m_loads);
        m_debugLink = std::move(o.m_debugLink);
        m_debugLinkCrc = o.m_debugLinkCrc;
    }
    return *this;
}

void ElfFile::close() {
    if (m_elf)
        elf_end(m_elf);
    m_elf = nullptr;
    if (m_fd >= 0)
        ::close(m_fd);
    m_fd = -1;
}

bool ElfFile::open(const std::string &path, uint64_t maxFileSize) {
    close();
    m_path = path;
    m_error = OpenError::None;
    struct stat st {};
    // stat() first: never open() a device or FIFO named by a profile.
    if (path.empty() || ::stat(path.c_str(), &st) != 0) {
        m_error = OpenError::Missing;
        return false;
    }
    if (!S_ISREG(st.st_mode)) {
        m_error = OpenError::NotRegular;
        return false;
    }
    if (uint64_t(st.st_size) > maxFileSize) {
        m_error = OpenError::TooLarge;
        return false;
    }
    const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
    if (fd < 0) {
        m_error = OpenError::Unreadable;
        return false;
    }
    // The name may have been swapped between stat() and open(): check again.
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || uint64_t(st.st_size) > maxFileSize) {
        ::close(fd);
        m_error = OpenError::NotRegular;
        return false;
    }
    m_fd = fd;
    m_size = uint64_t(st.st_size);
    if (!libelfReady() || m_size < sizeof(Elf32_Ehdr)) {
        close();
        m_error = OpenError::NotElf;
        return false;
    }
    m_elf = elf_begin(m_fd, ELF_C_READ_MMAP, nullptr);
    if (!m_elf || elf_kind(m_elf) != ELF_K_ELF) {
        close();
        m_error = OpenError::NotElf;
        return false;
    }
    GElf_Ehdr eh;
    if (!gelf_getehdr(m_elf, &eh)) {
        close();
        m_error = OpenError::NotElf;
        return false;
    }
    m_isDyn = eh.e_type == ET_DYN;
    inspect();
    return true;
}

void ElfFile::inspect() {
    m_gnuBuildId.clear();
    m_goBuildId.clear();
    m_loads.clear();
    m_hasDwarf = m_hasSymtab = m_guessedLayout = false;
    m_debugLink.clear();
    m_debugLinkCrc = 0;

    const void *idBytes = nullptr;
    const ssize_t idLen = dwelf_elf_gnu_build_id(m_elf, &idBytes);
    if (idLen > 0 && idLen <= 64)
        m_gnuBuildId = toHex(static_cast<const unsigned char *>(idBytes), size_t(idLen));

    size_t phnum = 0;
    if (elf_getphdrnum(m_elf, &phnum) == 0) {
        for (size_t i = 0; i < phnum && i < 4096; ++i) {
            GElf_Phdr ph;
            if (!gelf_getphdr(m_elf, int(i), &ph) || ph.p_type != PT_LOAD)
                continue;
            m_loads.push_back({ph.p_offset, ph.p_vaddr, ph.p_filesz, ph.p_memsz, (ph.p_flags & PF_X) != 0});
        }
    }
    // A separate debug file (objcopy --only-keep-debug) keeps the program
    // headers but not the code: its executable segments have p_filesz 0 and
    // meaningless offsets. When such a file stands in for a missing binary,
    // assume the usual linker layout: the lowest segment at file offset 0 and
    // the others at the same distance in the file as in memory.
    bool debugOnly = false;
    uint64_t first = UINT64_MAX;
    for (const LoadSegment &s : m_loads) {
        debugOnly |= s.exec && s.filesz == 0 && s.memsz > 0;
        first = std::min(first, s.vaddr);
    }
    if (debugOnly) {
        for (LoadSegment &s : m_loads) {
            if (s.filesz == 0) {
                s.offset = s.vaddr - first;
                s.filesz = s.memsz;
            }
        }
        m_guessedLayout = true;
    }

    size_t shstrndx = 0;
    if (elf_getshdrstrndx(m_elf, &shstrndx) != 0)
        return;
    for (Elf_Scn *scn = elf_nextscn(m_elf, nullptr); scn; scn = elf_nextscn(m_elf, scn)) {
        GElf_Shdr sh;
        if (!gelf_getshdr(scn, &sh))
            continue;
        const char *name = elf_strptr(m_elf, shstrndx, sh.sh_name);
        if (!name)
            continue;
        if (sh.sh_type == SHT_SYMTAB)
            m_hasSymtab = true;
        if (sh.sh_type != SHT_NOBITS && (!std::strcmp(name, ".debug_info") || !std::strcmp(name, ".zdebug_info")))
            m_hasDwarf = true;
        if (sh.sh_type == SHT_NOTE && !std::strcmp(name, ".note.go.buildid")) {
            Elf_Data *data = elf_getdata(scn, nullptr);
            size_t off = 0, nameOff = 0, descOff = 0;
            GElf_Nhdr nh;
            while (data && (off = gelf_getnote(data, off, &nh, &nameOff, &descOff)) > 0) {
                if (nh.n_type == 4 && nh.n_namesz == 3 &&
                    !std::memcmp(static_cast<const char *>(data->d_buf) + nameOff, "Go", 3)) {
                    m_goBuildId.assign(static_cast<const char *>(data->d_buf) + descOff, nh.n_descsz);
                    break;
                }
            }
        }
    }
    GElf_Word crc = 0;
    if (const char *link = dwelf_elf_gnu_debuglink(m_elf, &crc)) {
        // A debug link is a plain file name; anything with a slash is not.
        if (std::strchr(link, '/') == nullptr && std::strlen(link) < 256) {
            m_debugLink = link;
            m_debugLinkCrc = crc;
        }
    }
}

std::string ElfFile::normalizeBuildId(const std::string &id) {
    size_t b = 0, e = id.size();
    while (b < e && std::isspace(static_cast<unsigned char>(id[b])))
        ++b;
    while (e > b && std::isspace(static_cast<unsigned char>(id[e - 1])))
        --e;
    std::string s = id.substr(b, e - b);
    bool hex = !s.empty();
    for (char c : s)
        hex &= std::isxdigit(static_cast<unsigned char>(c)) != 0;
    if (hex)
        for (char &c : s)
            c = char(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

bool ElfFile::matchesBuildId(const std::string &id) const {
    const std::string want = normalizeBuildId(id);
    if (want.empty())
        return false;
    if (!m_gnuBuildId.empty() && want == m_gnuBuildId)
        return true;
    if (!m_goBuildId.empty()) {
        if (want == m_goBuildId)
            return true;
        if (want == toHex(reinterpret_cast<const unsigned char *>(m_goBuildId.data()), m_goBuildId.size()))
            return true;
    }
    return false;
}

bool ElfFile::offsetToVaddr(uint64_t offset, uint64_t &vaddr) const {
    for (const LoadSegment &s : m_loads) {
        if (offset >= s.offset && offset - s.offset < std::max(s.filesz, uint64_t(1))) {
            vaddr = offset - s.offset + s.vaddr;
            return true;
        }
    }
    return false;
}

uint32_t ElfFile::crc32() const {
    if (m_fd < 0 || m_size == 0)
        return 0;
    void *p = ::mmap(nullptr, m_size, PROT_READ, MAP_PRIVATE, m_fd, 0);
    if (p == MAP_FAILED)
        return 0;
    uLong crc = ::crc32(0L, Z_NULL, 0);
    const auto *bytes = static_cast<const Bytef *>(p);
    for (uint64_t done = 0; done < m_size;) {
        const uInt chunk = uInt(std::min<uint64_t>(m_size - done, 1u << 30));
        crc = ::crc32(crc, bytes + done, chunk);
        done += chunk;
    }
    ::munmap(p, m_size);
    return uint32_t(crc);
}

} // namespace spanfire
