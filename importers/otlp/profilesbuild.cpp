// OtlpProfilesAssembler (profilesrequest.h): validates one decoded OTLP
// profiles request against its dictionary and appends its samples to the
// columnar model, mirroring the pprof importer's frame rules (inlined lines,
// module+0xoffset for unsymbolized locations, build ids on frames).

#include "importers/otlp/profilesrequest.h"

#include <algorithm>
#include <cstdio>
#include <map>

namespace spanfire {

namespace {

std::string_view baseName(std::string_view path) {
    const size_t slash = path.find_last_of('/');
    return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

bool inRange(int64_t i, size_t n) {
    return i >= 0 && uint64_t(i) < n;
}

} // namespace

// Per-request build state: caches from dictionary indexes to model ids.
struct OtlpProfilesAssembler::State {
    const OtlpProfilesRequest &req;
    Profile &p;
    ImportContext &ctx;
    std::vector<uint32_t> str;       // dictionary string -> StringId (+1, 0 = not yet)
    std::vector<int32_t> locBegin;   // location -> first frame in locFrames, -1 = not built
    std::vector<uint32_t> locFrames; // root-first frames per location
    std::vector<uint32_t> locCount;
    std::vector<uint32_t> stackNode; // stack -> trie node (+1, 0 = not built)
    std::vector<uint32_t> mappingBuildId;

    StringId s(int64_t i) {
        if (str[size_t(i)] == 0)
            str[size_t(i)] = p.strings.intern(req.strings[size_t(i)]).v + 1;
        return StringId(str[size_t(i)] - 1);
    }
    bool checkStr(int64_t i, const char *what, uint64_t offset) {
        if (inRange(i, req.strings.size()))
            return true;
        return ctx.failAt(std::string("OTLP profiles: ") + what + " string index " + std::to_string(i) +
                              " is outside the string table (" + std::to_string(req.strings.size()) + " entries)",
                          offset);
    }
};

OtlpProfilesAssembler::OtlpProfilesAssembler(ImportContext &ctx) : m_ctx(ctx), m_profile(std::make_shared<Profile>()) {
    m_profile->sourceName = ctx.name();
}

namespace {

// Label for one attribute; false when it has no showable value.
bool attrLabel(Profile &p, const OtlpProfilesRequest &req, const OtlpAttr &a, Label &out) {
    std::string_view key = a.key;
    if (key.empty()) {
        if (!inRange(a.keyIndex, req.strings.size()))
            return false;
        key = req.strings[size_t(a.keyIndex)];
    }
    if (key.empty())
        return false;
    out = Label{};
    out.key = p.strings.intern(key);
    switch (a.value.kind) {
    case OtlpValue::String:
    case OtlpValue::Other:
        if (a.value.str.empty())
            return false;
        out.str = p.strings.intern(a.value.str);
        return true;
    case OtlpValue::StringIndex:
        if (!inRange(a.value.num, req.strings.size()) || req.strings[size_t(a.value.num)].empty())
            return false;
        out.str = p.strings.intern(req.strings[size_t(a.value.num)]);
        return true;
    case OtlpValue::Int:
        out.num = a.value.num;
        if (inRange(a.unitIndex, req.strings.size()) && a.unitIndex != 0)
            out.unit = p.strings.intern(req.strings[size_t(a.unitIndex)]);
        else
            out.unit = out.key; // pprof's convention: unit defaults to the key
        return true;
    case OtlpValue::None:
        break;
    }
    return false;
}

} // namespace

bool OtlpProfilesAssembler::append(const OtlpProfilesRequest &req) {
    Profile &p = *m_profile;
    ImportContext &ctx = m_ctx;
    if (req.profiles.empty())
        return true;
    // Index 0 of every table is the zero entry; tables may be missing in
    // requests without samples only.
    if (req.strings.empty())
        return ctx.fail("OTLP profiles: the dictionary has no string table (index 0 must be \"\")");
    State st{req, p, ctx, {}, {}, {}, {}, {}, {}};
    st.str.assign(req.strings.size(), 0);
    st.locBegin.assign(req.locations.size(), -1);
    st.locCount.assign(req.locations.size(), 0);
    st.stackNode.assign(req.stacks.size(), 0);

    // Mappings: build ids come from attributes (gnu > go > htlhash).
    st.mappingBuildId.assign(req.mappings.size(), 0);
    for (size_t mi = 0; mi < req.mappings.size(); ++mi) {
        const OtlpMappingRec &m = req.mappings[mi];
        if (!st.checkStr(m.filename, "mapping file name", 0))
            return false;
        int best = 99;
        for (uint32_t k = m.attrs.begin; k < m.attrs.end; ++k) {
            const int64_t ai = req.ints[k];
            if (!inRange(ai, req.attributes.size()))
                return ctx.fail("OTLP profiles: mapping " + std::to_string(mi) + " has attribute index " +
                                std::to_string(ai) + " outside the attribute table");
            const OtlpAttr &a = req.attributes[size_t(ai)];
            const std::string_view key = inRange(a.keyIndex, req.strings.size())
                                             ? std::string_view(req.strings[size_t(a.keyIndex)])
                                             : std::string_view();
            const int rank = key == "process.executable.build_id.gnu"       ? 0
                             : key == "process.executable.build_id.go"      ? 1
                             : key == "process.executable.build_id.htlhash" ? 2
                                                                            : 99;
            if (rank >= best)
                continue;
            std::string_view v;
            if (a.value.kind == OtlpValue::String)
                v = a.value.str;
            else if (a.value.kind == OtlpValue::StringIndex && inRange(a.value.num, req.strings.size()))
                v = req.strings[size_t(a.value.num)];
            if (v.empty())
                continue;
            best = rank;
            st.mappingBuildId[mi] = p.strings.intern(v).v;
        }
        if (mi == 0)
            continue; // the zero entry
        Mapping mm;
        mm.memoryStart = m.start;
        mm.memoryLimit = m.limit;
        mm.fileOffset = m.offset;
        mm.file = st.s(m.filename);
        mm.buildId = StringId(st.mappingBuildId[mi]);
        p.mappings.push_back(mm);
    }
    for (size_t fi = 0; fi < req.functions.size(); ++fi) {
        const OtlpFunctionRec &f = req.functions[fi];
        if (!st.checkStr(f.name, "function name", 0) || !st.checkStr(f.systemName, "function system name", 0) ||
            !st.checkStr(f.filename, "function file name", 0))
            return false;
    }

    // Location -> root-first frames.
    auto buildLocation = [&](size_t li) -> bool {
        const OtlpLocationRec &loc = req.locations[li];
        if (!inRange(loc.mapping, req.mappings.size()))
            return ctx.fail("OTLP profiles: location " + std::to_string(li) + " has mapping index " +
                            std::to_string(loc.mapping) + " outside the mapping table (" +
                            std::to_string(req.mappings.size()) + " entries)");
        const size_t mi = size_t(loc.mapping);
        const OtlpMappingRec *mapping = mi != 0 ? &req.mappings[mi] : nullptr;
        st.locBegin[li] = int32_t(st.locFrames.size());
        auto unsymbolized = [&]() {
            Frame fr;
            fr.kind = FrameKind::Unsymbolized;
            std::string name;
            uint64_t address = loc.address;
            if (mapping) {
                fr.module = st.s(mapping->filename);
                fr.buildId = StringId(st.mappingBuildId[mi]);
                const std::string_view base = baseName(req.strings[size_t(mapping->filename)]);
                if (!base.empty() && loc.address >= mapping->start) {
                    address = loc.address - mapping->start + mapping->offset;
                    name = std::string(base) + '+';
                }
            }
            char hex[32];
            std::snprintf(hex, sizeof hex, "0x%llx", static_cast<unsigned long long>(address));
            name += hex;
            fr.address = address;
            fr.name = p.strings.intern(name);
            fr.systemName = fr.name;
            st.locFrames.push_back(p.frames.intern(fr).v);
        };
        if (loc.lines.size() == 0) {
            unsymbolized();
        } else {
            for (uint32_t l = loc.lines.end; l-- > loc.lines.begin;) {
                const int64_t fi = req.lines[l].function;
                if (!inRange(fi, req.functions.size()))
                    return ctx.fail("OTLP profiles: location " + std::to_string(li) + " has function index " +
                                    std::to_string(fi) + " outside the function table (" +
                                    std::to_string(req.functions.size()) + " entries)");
                const OtlpFunctionRec &fn = req.functions[size_t(fi)];
                if (fn.name == 0 && fn.systemName == 0) {
                    unsymbolized();
                    continue;
                }
                Frame fr;
                fr.name = st.s(fn.name != 0 ? fn.name : fn.systemName);
                fr.systemName = st.s(fn.systemName != 0 ? fn.systemName : fn.name);
                fr.file = st.s(fn.filename);
                fr.startLine = uint32_t(std::clamp<int64_t>(fn.startLine, 0, UINT32_MAX));
                fr.kind = l + 1 < loc.lines.end ? FrameKind::Inlined : FrameKind::Normal;
                if (mapping) {
                    fr.module = st.s(mapping->filename);
                    fr.buildId = StringId(st.mappingBuildId[mi]);
                }
                st.locFrames.push_back(p.frames.intern(fr).v);
            }
        }
        st.locCount[li] = uint32_t(st.locFrames.size() - size_t(st.locBegin[li]));
        return true;
    };

    auto stackNode = [&](int64_t si, uint64_t offset, NodeId &out) -> bool {
        if (!inRange(si, req.stacks.size()))
            return ctx.failAt("OTLP profiles: sample stack index " + std::to_string(si) +
                                  " is outside the stack table (" + std::to_string(req.stacks.size()) + " entries)",
                              offset);
        if (st.stackNode[size_t(si)] != 0) {
            out = NodeId(st.stackNode[size_t(si)] - 1);
            return true;
        }
        const OtlpRange r = req.stacks[size_t(si)];
        NodeId node = StackTrie::root();
        for (uint32_t k = r.end; k-- > r.begin;) { // leaf first: walk from the root end
            const int64_t li = req.ints[k];
            if (!inRange(li, req.locations.size()))
                return ctx.failAt("OTLP profiles: stack " + std::to_string(si) + " has location index " +
                                      std::to_string(li) + " outside the location table (" +
                                      std::to_string(req.locations.size()) + " entries)",
                                  offset);
            if (st.locBegin[size_t(li)] < 0 && !buildLocation(size_t(li)))
                return false;
            const uint32_t b = uint32_t(st.locBegin[size_t(li)]);
            for (uint32_t f = b; f < b + st.locCount[size_t(li)]; ++f)
                node = p.trie.child(node, FrameId(st.locFrames[f]));
        }
        st.stackNode[size_t(si)] = node.v + 1;
        out = node;
        return true;
    };

    std::vector<Label> labels, base;
    std::map<std::vector<int64_t>, uint32_t> setCache;
    uint64_t mismatched = 0, badLinks = 0, noValues = 0;
    for (const OtlpProfileRec &prof : req.profiles) {
        if (!st.checkStr(prof.sampleType, "sample type", prof.offset) ||
            !st.checkStr(prof.sampleUnit, "sample unit", prof.offset) ||
            !st.checkStr(prof.periodType, "period type", prof.offset) ||
            !st.checkStr(prof.periodUnit, "period unit", prof.offset))
            return false;
        // Value column for this profile's sample type.
        const StringId type = st.s(prof.sampleType), unit = st.s(prof.sampleUnit);
        uint32_t column = 0;
        while (column < p.sampleTypes.size() &&
               !(p.sampleTypes[column].type == type && p.sampleTypes[column].unit == unit))
            ++column;
        if (column == p.sampleTypes.size())
            p.sampleTypes.push_back(ValueType{type, unit});
        if (prof.period != 0 && p.period == 0) {
            p.period = prof.period;
            p.periodType = ValueType{st.s(prof.periodType), st.s(prof.periodUnit)};
        }
        if (prof.timeNanos != 0) {
            m_minTime = m_minTime == 0 ? prof.timeNanos : std::min(m_minTime, prof.timeNanos);
            m_maxEnd = std::max(m_maxEnd, prof.timeNanos + prof.durationNanos);
        }
        // Labels shared by every sample: resource/scope and profile attributes.
        base.clear();
        if (prof.resource < req.resources.size())
            for (const OtlpAttr &a : req.resources[prof.resource]) {
                Label l;
                if (attrLabel(p, req, a, l))
                    base.push_back(l);
            }
        for (uint32_t k = prof.attrs.begin; k < prof.attrs.end; ++k) {
            const int64_t ai = req.ints[k];
            if (!inRange(ai, req.attributes.size()))
                return ctx.failAt("OTLP profiles: profile attribute index " + std::to_string(ai) +
                                      " is outside the attribute table",
                                  prof.offset);
            Label l;
            if (attrLabel(p, req, req.attributes[size_t(ai)], l))
                base.push_back(l);
        }
        setCache.clear();
        std::vector<int64_t> key;
        for (const OtlpSampleRec &s : prof.samples) {
            if (ctx.cancelled())
                return ctx.failCancelled();
            if (s.values.end < s.values.begin || s.values.end > req.values.size() ||
                s.timestamps.end < s.timestamps.begin || s.timestamps.end > req.timestamps.size() ||
                s.attrs.end < s.attrs.begin || s.attrs.end > req.ints.size())
                return ctx.failAt("OTLP profiles: sample too large", s.offset);
            NodeId node;
            if (!stackNode(s.stack, s.offset, node))
                return false;
            if (!inRange(s.link, req.links.size()))
                return ctx.failAt("OTLP profiles: sample link index " + std::to_string(s.link) +
                                      " is outside the link table (" + std::to_string(req.links.size()) + " entries)",
                                  s.offset);
            key.assign(req.ints.begin() + s.attrs.begin, req.ints.begin() + s.attrs.end);
            uint32_t set = 0;
            auto it = setCache.find(key);
            if (it != setCache.end()) {
                set = it->second;
            } else {
                labels = base;
                for (int64_t ai : key) {
                    if (!inRange(ai, req.attributes.size()))
                        return ctx.failAt("OTLP profiles: sample attribute index " + std::to_string(ai) +
                                              " is outside the attribute table (" +
                                              std::to_string(req.attributes.size()) + " entries)",
                                          s.offset);
                    Label l;
                    if (attrLabel(p, req, req.attributes[size_t(ai)], l))
                        labels.push_back(l);
                }
                sortLabels(labels);
                set = p.labelSets.intern(labels).v;
                setCache.emplace(key, set);
            }
            const OtlpLinkRec &link = req.links[size_t(s.link)];
            badLinks += link.bad && s.link != 0;
            const uint64_t span = s.link != 0 && !link.bad ? link.spanId : 0;
            // Shapes: values+timestamps pair up; timestamps only count 1 each;
            // values only: one model sample per value.
            const uint32_t nv = s.values.size(), nt = s.timestamps.size();
            if (nv != 0 && nt != 0 && nv != nt)
                ++mismatched;
            const uint32_t n = nt != 0 ? nt : nv;
            if (n == 0)
                ++noValues;
            for (uint32_t i = 0; i < n; ++i) {
                p.sampleNode.push_back(node.v);
                p.sampleLabels.push_back(set);
                m_sampleColumn.push_back(column);
                m_sampleValue.push_back(nt == 0   ? req.values[s.values.begin + i]
                                        : nv == 0 ? 1
                                        : i < nv  ? req.values[s.values.begin + i]
                                                  : 0);
                const int64_t t = nt != 0 ? req.timestamps[s.timestamps.begin + i] : 0;
                if (t != 0 && !m_anyTime) {
                    m_anyTime = true;
                    p.sampleTime.assign(p.sampleNode.size() - 1, 0);
                }
                if (m_anyTime)
                    p.sampleTime.push_back(t);
                if (span != 0 && !m_anyLink) {
                    m_anyLink = true;
                    m_spanIds.assign(p.sampleNode.size() - 1, 0);
                    m_traceIds.assign(p.sampleNode.size() - 1, {});
                }
                if (m_anyLink) {
                    m_spanIds.push_back(span);
                    m_traceIds.push_back(span != 0 ? link.traceId : std::array<uint8_t, 16>{});
                }
            }
            if (p.sampleNode.size() > ctx.limits().maxSamples)
                return ctx.failAt("too many samples (limit " + std::to_string(ctx.limits().maxSamples) + ")", s.offset);
        }
    }
    if (mismatched)
        p.addWarning("OTLP samples whose values and timestamps differ in length (unpaired values dropped, unpaired "
                     "timestamps count 0)",
                     mismatched);
    if (noValues)
        p.addWarning("OTLP samples with neither values nor timestamps (ignored)", noValues);
    if (badLinks)
        p.addWarning("OTLP links with malformed trace/span ids (ignored)", badLinks);
    return true;
}

std::shared_ptr<Profile> OtlpProfilesAssembler::finish(const std::string &format) {
    Profile &p = *m_profile;
    p.format = format;
    if (p.sampleTypes.empty()) {
        m_ctx.fail("OTLP profiles request holds no profiles");
        return nullptr;
    }
    const size_t n = p.sampleNode.size();
    p.values.assign(p.sampleTypes.size(), std::vector<int64_t>(n, 0));
    for (size_t i = 0; i < n; ++i)
        p.values[m_sampleColumn[i]][i] = m_sampleValue[i];
    // Default: the column with the most samples (first on ties).
    std::vector<size_t> count(p.sampleTypes.size(), 0);
    for (uint32_t c : m_sampleColumn)
        ++count[c];
    p.defaultSampleType = int(std::max_element(count.begin(), count.end()) - count.begin());
    if (p.sampleTypes.size() > 1)
        p.addWarning("OTLP profiles of different sample types merged: each sample has a value only in its own "
                     "type's column",
                     p.sampleTypes.size());
    if (m_anyLink) {
        p.sampleSpanId = std::move(m_spanIds);
        p.sampleTraceId = std::move(m_traceIds);
    }
    p.timeNanos = int64_t(m_minTime);
    p.durationNanos = m_maxEnd > m_minTime ? int64_t(m_maxEnd - m_minTime) : 0;
    p.finish();
    return m_profile;
}

} // namespace spanfire
