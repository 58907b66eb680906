#include "symtestutil.h"

#include "importers/symbolize/pprofwriter.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <sys/wait.h>

namespace symtest {

std::string fixture(const std::string &name) {
    return std::string(SYM_FIXTURE_DIR) + "/" + name;
}

std::string run(const std::string &command, int *status) {
    std::string out;
    FILE *p = popen(command.c_str(), "r");
    if (!p) {
        if (status)
            *status = -1;
        return out;
    }
    char buf[65536];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, p)) > 0)
        out.append(buf, n);
    const int rc = pclose(p);
    if (status)
        *status = WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
    return out;
}

TempDir::TempDir() {
    char tmpl[] = "/tmp/spanfire-symtest-XXXXXX";
    if (mkdtemp(tmpl))
        m_path = tmpl;
}

TempDir::~TempDir() {
    if (m_path.rfind("/tmp/spanfire-symtest-", 0) == 0)
        run("rm -rf '" + m_path + "'");
}

std::map<uint64_t, std::vector<OracleFrame>> oracle(const std::string &binary, const std::vector<uint64_t> &vaddrs) {
    TempDir tmp;
    const std::string list = tmp.path() + "/addresses";
    {
        std::ofstream f(list);
        for (uint64_t a : vaddrs)
            f << "0x" << std::hex << a << "\n";
    }
    const std::string out = run(std::string(SYM_EU_ADDR2LINE) + " -a -f -i -C -e '" + binary + "' < '" + list + "'");
    std::map<uint64_t, std::vector<OracleFrame>> result;
    std::istringstream in(out);
    std::string nameLine, fileLine;
    std::vector<OracleFrame> *cur = nullptr;
    while (std::getline(in, nameLine)) {
        if (nameLine.rfind("0x", 0) == 0 && nameLine.find(' ') == std::string::npos) {
            cur = &result[std::stoull(nameLine, nullptr, 16)];
            continue;
        }
        if (!cur || !std::getline(in, fileLine))
            break;
        OracleFrame f;
        f.name = nameLine.substr(0, nameLine.find(" inlined at "));
        // "file:line:column" or "file:line" or "??:0"
        size_t c1 = fileLine.rfind(':');
        size_t c2 = c1 == std::string::npos || c1 == 0 ? std::string::npos : fileLine.rfind(':', c1 - 1);
        std::string fileName = fileLine, lineText = "0";
        if (c2 != std::string::npos && fileLine.find_first_not_of("0123456789", c2 + 1) == c1) {
            fileName = fileLine.substr(0, c2);
            lineText = fileLine.substr(c2 + 1, c1 - c2 - 1);
        } else if (c1 != std::string::npos) {
            fileName = fileLine.substr(0, c1);
            lineText = fileLine.substr(c1 + 1);
        }
        f.file = fileName == "??" ? "" : fileName;
        f.line = uint32_t(std::strtoul(lineText.c_str(), nullptr, 10));
        cur->push_back(f);
    }
    return result;
}

std::vector<Segment> loadSegments(const std::string &binary) {
    std::vector<Segment> segs;
    std::istringstream in(run("readelf -lW '" + binary + "'"));
    std::string line;
    while (std::getline(in, line)) {
        std::istringstream l(line);
        std::string type, off, vaddr, paddr, filesz;
        if (!(l >> type) || type != "LOAD")
            continue;
        l >> off >> vaddr >> paddr >> filesz;
        Segment s;
        s.offset = std::stoull(off, nullptr, 16);
        s.vaddr = std::stoull(vaddr, nullptr, 16);
        s.filesz = std::stoull(filesz, nullptr, 16);
        s.exec = line.find(" E ") != std::string::npos || line.find("R E") != std::string::npos;
        segs.push_back(s);
    }
    return segs;
}

std::string gnuBuildId(const std::string &binary) {
    const std::string out = run("readelf -n '" + binary + "'");
    const size_t at = out.find("Build ID: ");
    if (at == std::string::npos)
        return std::string();
    const size_t b = at + 10;
    return out.substr(b, out.find_first_of(" \n", b) - b);
}

std::vector<uint64_t> functionAddresses(const std::string &binary, const std::vector<std::string> &symbols) {
    std::vector<uint64_t> addrs;
    std::istringstream in(run("nm -S --defined-only '" + binary + "'"));
    std::string line;
    while (std::getline(in, line)) {
        std::istringstream l(line);
        std::string addr, size, type, name;
        if (!(l >> addr >> size >> type >> name))
            continue;
        for (const auto &s : symbols) {
            if (name == s) {
                const uint64_t a = std::stoull(addr, nullptr, 16), n = std::stoull(size, nullptr, 16);
                for (uint64_t i = 0; i < n; ++i)
                    addrs.push_back(a + i);
            }
        }
    }
    return addrs;
}

void copyFile(const std::string &from, const std::string &to) {
    std::ifstream in(from, std::ios::binary);
    std::ofstream out(to, std::ios::binary);
    out << in.rdbuf();
}

uint64_t fileOffsetOf(const std::string &binary, uint64_t vaddr) {
    for (const Segment &s : loadSegments(binary))
        if (vaddr >= s.vaddr && vaddr < s.vaddr + s.filesz)
            return vaddr - s.vaddr + s.offset;
    ADD_FAILURE() << "no segment holds 0x" << std::hex << vaddr << " in " << binary;
    return 0;
}

std::string addressProfileBytes(const std::string &mappingPath, const std::string &buildId, const std::string &binary,
                                uint64_t base, const std::vector<uint64_t> &vaddrs) {
    using namespace spanfire;
    Segment text;
    for (const Segment &s : loadSegments(binary))
        if (s.exec)
            text = s;
    Profile p;
    p.sampleTypes.push_back({p.strings.intern("samples"), p.strings.intern("count")});
    Mapping m;
    const uint64_t pageOffset = text.offset & ~uint64_t(0xfff);
    const uint64_t pageVaddr = text.vaddr & ~uint64_t(0xfff);
    m.memoryStart = base + pageVaddr;
    m.memoryLimit = base + text.vaddr + text.filesz;
    m.fileOffset = pageOffset;
    m.file = p.strings.intern(mappingPath);
    m.buildId = p.strings.intern(buildId);
    p.mappings.push_back(m);
    p.values.resize(1);
    for (uint64_t va : vaddrs) {
        Frame f;
        f.kind = FrameKind::Unsymbolized;
        f.module = m.file;
        f.buildId = m.buildId;
        f.address = va - pageVaddr + pageOffset;
        char name[64];
        std::snprintf(name, sizeof name, "x+0x%llx", static_cast<unsigned long long>(f.address));
        f.name = f.systemName = p.strings.intern(name);
        const NodeId leaf = p.trie.child(StackTrie::root(), p.frames.intern(f));
        p.sampleNode.push_back(leaf.v);
        p.values[0].push_back(1);
        p.sampleLabels.push_back(0);
    }
    p.finish();
    return writePprof(p);
}

spanfire::ImportResult addressProfile(const std::string &mappingPath, const std::string &buildId,
                                      const std::string &binary, uint64_t base, const std::vector<uint64_t> &vaddrs) {
    using namespace spanfire;
    const std::string bytes = addressProfileBytes(mappingPath, buildId, binary, base, vaddrs);
    ImportOptions io;
    io.symbolize = false; // the tests call the Symbolizer themselves
    return importBytes("address-profile.pb.gz", bytes, io);
}

} // namespace symtest
