#include "importers/symbolize/symbolizer.h"

#include "importers/symbolize/debugfinder.h"
#include "importers/symbolize/demangle.h"
#include "importers/symbolize/dwarfresolver.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <map>

namespace spanfire {

const char *mappingStatusName(MappingStatus s) {
    switch (s) {
    case MappingStatus::Symbolized:
        return "symbolized";
    case MappingStatus::MissingFile:
        return "missing file";
    case MappingStatus::NoDebugInfo:
        return "no debug info";
    case MappingStatus::BuildIdMismatch:
        return "build id mismatch";
    }
    return "?";
}

// One mapping's files and its address cache.
struct Symbolizer::Module {
    MappingStatus status = MappingStatus::MissingFile;
    DebugLookup lookup;
    DwarfResolver resolver;
    std::string message;
    std::unordered_map<uint64_t, std::vector<Resolved>> cache; // vaddr -> chain
};

Symbolizer::Symbolizer(SymbolizeOptions options) : m_options(std::move(options)) {
}
Symbolizer::~Symbolizer() = default;

namespace {

// Without a build id nothing proves that the file at the mapping path is the
// one that ran; refuse it at least when the mapping cannot be one of its
// segments (file offset not at a segment's page, or larger than the file's
// whole address range).
bool plausibleWithoutBuildId(const ElfFile &f, const Mapping &m, std::string &why) {
    uint64_t lo = UINT64_MAX, hi = 0;
    bool offsetOk = false;
    for (const LoadSegment &l : f.loads()) {
        offsetOk |= (l.offset & ~uint64_t(0xfff)) == (m.fileOffset & ~uint64_t(0xfff));
        lo = std::min(lo, l.vaddr);
        hi = std::max(hi, l.vaddr + l.memsz);
    }
    const uint64_t size = m.memoryLimit > m.memoryStart ? m.memoryLimit - m.memoryStart : 0;
    if (offsetOk && (hi <= lo || size <= (hi - lo) + 0x10000))
        return true;
    char buf[160];
    std::snprintf(buf, sizeof buf,
                  "the profile has no build id and its mapping (offset 0x%llx, size 0x%llx) does not fit",
                  static_cast<unsigned long long>(m.fileOffset), static_cast<unsigned long long>(size));
    why = buf;
    return false;
}

} // namespace

Symbolizer::Module &Symbolizer::module(const std::string &path, const std::string &buildId, const Mapping *geometry) {
    const std::string norm = ElfFile::normalizeBuildId(buildId);
    const std::string key = norm.empty() ? "\n" + path : norm;
    auto it = m_modules.find(key);
    if (it != m_modules.end())
        return *it->second;
    auto m = std::make_unique<Module>();
    const DebugFinder finder(m_options.debugDirs, m_options.systemDebugDir, m_options.maxFileSize);
    m->lookup = finder.find(path, norm);
    switch (m->lookup.status) {
    case LookupStatus::MissingFile:
        m->status = MappingStatus::MissingFile;
        break;
    case LookupStatus::BuildIdMismatch:
        m->status = MappingStatus::BuildIdMismatch;
        m->message = "refused " + m->lookup.refusedPath + ": its build id is " +
                     (m->lookup.refusedBuildId.empty() ? std::string("missing") : m->lookup.refusedBuildId) +
                     ", the profile expects " + norm;
        break;
    case LookupStatus::Found:
        if (norm.empty() && geometry && !plausibleWithoutBuildId(m->lookup.main, *geometry, m->message)) {
            m->status = MappingStatus::BuildIdMismatch;
            m->message = "refused " + m->lookup.main.path() + ": " + m->message;
            break;
        }
        m->status = m->lookup.hasDwarf() ? MappingStatus::Symbolized : MappingStatus::NoDebugInfo;
        if (!m->resolver.open(m->lookup.main, &m->lookup.debug)) {
            m->status = MappingStatus::NoDebugInfo;
            m->message = "cannot read " + m->lookup.main.path();
        }
        break;
    }
    return *m_modules.emplace(key, std::move(m)).first->second;
}

MappingStatus Symbolizer::resolve(const std::string &path, const std::string &buildId, uint64_t offset,
                                  std::vector<Resolved> &out, const Mapping *geometry) {
    out.clear();
    Module &m = module(path, buildId, geometry);
    if (!m.resolver.valid())
        return m.status;
    uint64_t vaddr = 0;
    if (!m.lookup.main.offsetToVaddr(offset, vaddr))
        return m.status;
    auto it = m.cache.find(vaddr);
    if (it == m.cache.end()) {
        std::vector<Resolved> chain;
        for (SourceFrame &f : m.resolver.resolve(vaddr)) {
            Resolved r;
            r.systemName = std::move(f.name);
            r.name = demangleSymbol(r.systemName);
            r.file = std::move(f.file);
            r.line = f.line;
            r.declFile = std::move(f.declFile);
            r.declLine = f.declLine;
            chain.push_back(std::move(r));
        }
        // A chain whose innermost frame has no name is no better than the hex.
        if (!chain.empty() && (chain.front().systemName.empty() || chain.front().systemName == "??"))
            chain.clear();
        it = m.cache.emplace(vaddr, std::move(chain)).first;
        ++m_cacheSize;
    }
    out = it->second;
    return m.status;
}

namespace {

// Copies everything of `in` except frames, trie and sample leaves. Keep in
// step with model/profile.h: a new Profile column must be copied here (the
// in-place path used on load needs no copy).
std::shared_ptr<Profile> cloneHeader(const Profile &in) {
    auto out = std::make_shared<Profile>();
    out->sourceName = in.sourceName;
    out->format = in.format;
    for (uint32_t i = 1; i < in.strings.size(); ++i)
        out->strings.intern(in.strings.view(StringId(i)));
    out->sampleTypes = in.sampleTypes;
    out->defaultSampleType = in.defaultSampleType;
    out->periodType = in.periodType;
    out->period = in.period;
    out->timeNanos = in.timeNanos;
    out->durationNanos = in.durationNanos;
    out->comments = in.comments;
    out->dropFrames = in.dropFrames;
    out->keepFrames = in.keepFrames;
    out->docUrl = in.docUrl;
    out->mappings = in.mappings;
    out->values = in.values;
    out->sampleLabels = in.sampleLabels;
    out->sampleTime = in.sampleTime;
    out->sampleSpanId = in.sampleSpanId;
    out->sampleTraceId = in.sampleTraceId;
    out->labelSets = in.labelSets;
    out->warnings = in.warnings;
    return out;
}

void addOutcomeWarnings(Profile &p, const SymbolizeResult &result) {
    for (const MappingReport &rep : result.mappings)
        if (rep.status == MappingStatus::BuildIdMismatch && !rep.message.empty())
            p.addWarning(rep.message, rep.addresses);
    uint64_t byStatus[4] = {0, 0, 0, 0};
    for (const MappingReport &rep : result.mappings)
        byStatus[int(rep.status)] += rep.addresses - rep.symbolized;
    if (byStatus[int(MappingStatus::Symbolized)] + byStatus[int(MappingStatus::NoDebugInfo)])
        p.addWarning("addresses not symbolized: no symbol at the address",
                     byStatus[int(MappingStatus::Symbolized)] + byStatus[int(MappingStatus::NoDebugInfo)]);
    if (byStatus[int(MappingStatus::MissingFile)])
        p.addWarning("addresses not symbolized: binary or debug file not found",
                     byStatus[int(MappingStatus::MissingFile)]);
    if (byStatus[int(MappingStatus::BuildIdMismatch)])
        p.addWarning("addresses not symbolized: build id mismatch (file refused)",
                     byStatus[int(MappingStatus::BuildIdMismatch)]);
}

} // namespace

SymbolizeResult Symbolizer::symbolize(const Profile &in) {
    return run(in, nullptr);
}

SymbolizeResult Symbolizer::symbolizeInPlace(Profile &profile) {
    return run(profile, &profile);
}

SymbolizeResult Symbolizer::run(const Profile &in, Profile *inPlace) {
    SymbolizeResult result;
    const auto &frames = in.frames.frames();

    // Which mapping each unsymbolized frame belongs to, and its file offset.
    struct Work {
        uint32_t frame;
        size_t report;
        uint64_t offset;
        bool known; // offset could be derived
        const Mapping *mapping;
    };
    std::vector<Work> work;
    std::map<std::pair<uint32_t, uint32_t>, size_t> reportOf; // (module, buildId) -> report index
    for (uint32_t f = 0; f < frames.size(); ++f) {
        const Frame &fr = frames[f];
        if (fr.kind != FrameKind::Unsymbolized)
            continue;
        const auto key = std::make_pair(fr.module.valid() ? fr.module.v : 0u, fr.buildId.valid() ? fr.buildId.v : 0u);
        auto it = reportOf.find(key);
        if (it == reportOf.end()) {
            MappingReport rep;
            rep.file = in.strings.str(fr.module);
            rep.buildId = in.strings.str(fr.buildId);
            it = reportOf.emplace(key, result.mappings.size()).first;
            result.mappings.push_back(std::move(rep));
        }
        Work w{f, it->second, fr.address, true, nullptr};
        for (const Mapping &m : in.mappings)
            if (m.file == fr.module && m.buildId == fr.buildId) {
                w.mapping = &m;
                break;
            }
        // "module+0x..." names carry a file-relative offset; a bare "0x..."
        // is the raw address, made relative through the mapping here.
        if (in.strings.view(fr.name).find("+0x") == std::string_view::npos) {
            w.known = false;
            for (const Mapping &m : in.mappings) {
                if (m.file == fr.module && m.buildId == fr.buildId && fr.address >= m.memoryStart &&
                    fr.address < m.memoryLimit) {
                    w.offset = fr.address - m.memoryStart + m.fileOffset;
                    w.known = true;
                    break;
                }
            }
        }
        work.push_back(w);
    }

    // Resolve, mapping by mapping (the file lookups happen once per mapping).
    std::stable_sort(work.begin(), work.end(), [](const Work &a, const Work &b) { return a.report < b.report; });
    std::vector<std::vector<Resolved>> resolved(frames.size());
    auto lastReport = std::chrono::steady_clock::now();
    for (size_t i = 0; i < work.size(); ++i) {
        if ((i & 255) == 0) {
            if (m_options.cancel && m_options.cancel->load(std::memory_order_relaxed)) {
                result.cancelled = true;
                return result;
            }
            const auto now = std::chrono::steady_clock::now();
            if (m_options.progress && now - lastReport > std::chrono::milliseconds(33)) {
                lastReport = now;
                m_options.progress(int(900 * i / work.size()), "symbolizing");
            }
        }
        const Work &w = work[i];
        MappingReport &rep = result.mappings[w.report];
        ++rep.addresses;
        if (rep.file.empty() && rep.buildId.empty())
            continue; // no mapping at all: nothing to look for
        if (!w.known) {
            rep.status = module(rep.file, rep.buildId, w.mapping).status;
            continue;
        }
        std::vector<Resolved> chain;
        rep.status = resolve(rep.file, rep.buildId, w.offset, chain, w.mapping);
        if (!chain.empty()) {
            ++rep.symbolized;
            resolved[w.frame] = std::move(chain);
        }
    }
    for (MappingReport &rep : result.mappings) {
        const std::string norm = ElfFile::normalizeBuildId(rep.buildId);
        auto it = m_modules.find(norm.empty() ? "\n" + rep.file : norm);
        if (it != m_modules.end()) {
            const Module &m = *it->second;
            rep.elfPath = m.lookup.main.path();
            rep.debugPath = m.lookup.debug.valid() ? m.lookup.debug.path() : m.lookup.hasDwarf() ? rep.elfPath : "";
            rep.message = m.message;
            if (m.status == MappingStatus::BuildIdMismatch && !m.message.empty())
                result.warnings.push_back(m.message);
        }
        result.addresses += rep.addresses;
        result.symbolized += rep.symbolized;
    }

    // Rebuild: frames in use, trie with inline chains, sample leaves. In
    // place, nothing is touched unless some frame got a name.
    std::shared_ptr<Profile> out;
    if (inPlace && result.symbolized == 0) {
        addOutcomeWarnings(*inPlace, result);
        result.ok = true;
        return result;
    }
    if (!inPlace)
        out = cloneHeader(in);
    Profile &p = inPlace ? *inPlace : *out;
    FrameTable newFrames;
    StackTrie newTrie;
    std::vector<uint32_t> newSampleNode;
    std::vector<uint32_t> newFrame(frames.size(), FrameId::kNone);                 // unresolved: old -> new
    std::vector<std::vector<std::pair<uint32_t, uint32_t>>> chains(frames.size()); // resolved: (frame, line) root-first
    auto chainOf = [&](uint32_t f) -> const std::vector<std::pair<uint32_t, uint32_t>> & {
        auto &c = chains[f];
        if (!c.empty())
            return c;
        const Frame &old = frames[f];
        if (resolved[f].empty()) {
            if (newFrame[f] == FrameId::kNone)
                newFrame[f] = newFrames.intern(old).v;
            c.emplace_back(newFrame[f], 0u);
            return c;
        }
        const auto &r = resolved[f];
        for (size_t k = r.size(); k-- > 0;) {
            Frame fr;
            fr.name = p.strings.intern(r[k].name);
            fr.systemName = p.strings.intern(r[k].systemName);
            fr.file = p.strings.intern(!r[k].declFile.empty() ? r[k].declFile : r[k].file);
            fr.startLine = r[k].declLine;
            fr.module = old.module;
            fr.buildId = old.buildId;
            fr.kind = k + 1 == r.size() ? FrameKind::Normal : FrameKind::Inlined;
            c.emplace_back(newFrames.intern(fr).v, r[k].line);
        }
        return c;
    };
    const StackTrie &t = in.trie;
    std::vector<uint32_t> nodeMap(t.size(), 0);
    result.nodeLine.assign(1, 0);
    result.nodeAddress.assign(1, 0);
    for (uint32_t n = 1; n < t.size(); ++n) {
        NodeId cur(nodeMap[t.parent(NodeId(n)).v]);
        const uint32_t f = t.frame(NodeId(n)).v;
        for (const auto &[fid, line] : chainOf(f)) {
            cur = newTrie.child(cur, FrameId(fid));
            if (result.nodeLine.size() < newTrie.size()) {
                result.nodeLine.resize(newTrie.size(), 0);
                result.nodeAddress.resize(newTrie.size(), 0);
                result.nodeLine[cur.v] = line;
                result.nodeAddress[cur.v] = frames[f].address;
            }
        }
        nodeMap[n] = cur.v;
    }
    newSampleNode.resize(in.sampleNode.size());
    for (size_t i = 0; i < in.sampleNode.size(); ++i)
        newSampleNode[i] = nodeMap[in.sampleNode[i]];
    // `in` may be `p`: its old columns are not read past this point.
    p.frames = std::move(newFrames);
    p.trie = std::move(newTrie);
    p.sampleNode = std::move(newSampleNode);

    for (Mapping &m : p.mappings) {
        for (const MappingReport &rep : result.mappings) {
            if (rep.symbolized > 0 && p.strings.view(m.file) == rep.file && p.strings.view(m.buildId) == rep.buildId) {
                m.hasFunctions = m.hasFilenames = m.hasLineNumbers = true;
                m.hasInlineFrames = rep.status == MappingStatus::Symbolized;
            }
        }
    }
    addOutcomeWarnings(p, result);
    p.finish();
    result.changed = result.symbolized > 0;
    result.profile = std::move(out); // null in place
    result.ok = true;
    if (m_options.progress)
        m_options.progress(1000, "symbolizing");
    return result;
}

SymbolizeResult symbolize(const Profile &profile, const SymbolizeOptions &options) {
    Symbolizer s(options);
    return s.symbolize(profile);
}

} // namespace spanfire
