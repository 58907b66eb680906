#include "importers/symbolize/debugfinder.h"

#include <utility>

namespace spanfire {

namespace {

std::string dirName(const std::string &path) {
    const size_t slash = path.rfind('/');
    return slash == std::string::npos ? std::string() : path.substr(0, slash);
}

std::string baseName(const std::string &path) {
    const size_t slash = path.rfind('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

bool hexId(const std::string &id) {
    if (id.size() < 4)
        return false;
    for (char c : id)
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
            return false;
    return true;
}

} // namespace

DebugFinder::DebugFinder(std::vector<std::string> debugDirs, bool systemDebugDir, uint64_t maxFileSize)
    : m_maxFileSize(maxFileSize) {
    for (auto &d : debugDirs) {
        while (d.size() > 1 && d.back() == '/')
            d.pop_back();
        if (!d.empty())
            m_dirs.push_back(std::move(d));
    }
    if (systemDebugDir)
        m_dirs.push_back("/usr/lib/debug");
}

bool DebugFinder::tryMain(const std::string &path, const std::string &buildId, DebugLookup &out) const {
    ElfFile f;
    if (!f.open(path, m_maxFileSize))
        return false;
    if (!buildId.empty() && !f.matchesBuildId(buildId)) {
        if (out.refusedPath.empty()) {
            out.refusedPath = path;
            out.refusedBuildId = !f.gnuBuildId().empty() ? f.gnuBuildId() : f.goBuildId();
        }
        return false;
    }
    out.main = std::move(f);
    return true;
}

bool DebugFinder::tryDebug(const std::string &path, const std::string &buildId, DebugLookup &out, bool checkCrc) const {
    if (path == out.main.path())
        return false;
    ElfFile f;
    if (!f.open(path, m_maxFileSize) || !f.hasDwarf())
        return false;
    if (!buildId.empty()) {
        if (!f.matchesBuildId(buildId)) {
            if (out.refusedPath.empty()) {
                out.refusedPath = path;
                out.refusedBuildId = f.gnuBuildId();
            }
            return false;
        }
    } else if (checkCrc && f.crc32() != out.main.debugLinkCrc()) {
        return false;
    }
    out.debug = std::move(f);
    return true;
}

void DebugFinder::findDebug(const std::string &mappingPath, const std::string &buildId, DebugLookup &out) const {
    // The id that the debug file must carry: the one of the file we found.
    std::string id = out.main.gnuBuildId();
    if (id.empty() && out.main.goBuildId().empty())
        id = buildId;
    if (hexId(id)) {
        const std::string rel = id.substr(0, 2) + "/" + id.substr(2);
        for (const auto &d : m_dirs) {
            if (tryDebug(d + "/.build-id/" + rel + ".debug", id, out, false) ||
                tryDebug(d + "/" + id + ".debug", id, out, false))
                return;
        }
    }
    const std::string &link = out.main.debugLink();
    if (link.empty())
        return;
    const std::string dir = dirName(out.main.path());
    std::vector<std::string> candidates = {dir + "/" + link, dir + "/.debug/" + link};
    for (const auto &d : m_dirs) {
        candidates.push_back(d + dir + "/" + link);
        candidates.push_back(d + "/" + link);
    }
    if (!mappingPath.empty() && dirName(mappingPath) != dir)
        candidates.push_back(dirName(mappingPath) + "/" + link);
    for (const auto &c : candidates)
        if (tryDebug(c, id, out, true))
            return;
}

DebugLookup DebugFinder::find(const std::string &mappingPath, const std::string &rawBuildId) const {
    DebugLookup out;
    const std::string buildId = ElfFile::normalizeBuildId(rawBuildId);
    bool found = false;
    if (!mappingPath.empty() && mappingPath[0] == '/')
        found = tryMain(mappingPath, buildId, out);
    if (!found && !buildId.empty()) {
        const std::string base = baseName(mappingPath);
        for (const auto &d : m_dirs) {
            std::vector<std::string> candidates;
            if (hexId(buildId)) {
                const std::string rel = d + "/.build-id/" + buildId.substr(0, 2) + "/" + buildId.substr(2);
                candidates = {rel, rel + ".debug", d + "/" + buildId, d + "/" + buildId + ".debug"};
            }
            if (!base.empty() && base[0] != '[' && base != "." && base != "..") {
                candidates.push_back(d + "/" + base);
                candidates.push_back(d + "/" + base + ".debug");
            }
            for (const auto &c : candidates)
                if ((found = tryMain(c, buildId, out)))
                    break;
            if (found)
                break;
        }
    }
    if (!found) {
        out.status = out.refusedPath.empty() ? LookupStatus::MissingFile : LookupStatus::BuildIdMismatch;
        return out;
    }
    out.status = LookupStatus::Found;
    if (!out.main.hasDwarf())
        findDebug(mappingPath, buildId, out);
    return out;
}

} // namespace spanfire
