#include "tracedump.h"

#include <algorithm>
#include <cstring>
#include <sstream>

namespace spanfire {

std::string attrText(const TraceSet &s, const Attribute &a) {
    std::string v = s.strings.str(a.key) + "=";
    switch (a.type) {
    case AttrType::Empty:
        return v + "empty";
    case AttrType::Bool:
        return v + (a.bits ? "bool:true" : "bool:false");
    case AttrType::Int:
        return v + "int:" + std::to_string(int64_t(a.bits));
    case AttrType::Double: {
        double d;
        std::memcpy(&d, &a.bits, sizeof d);
        return v + "double:" + std::to_string(d);
    }
    case AttrType::String:
        return v + "str:" + s.strings.str(StringId(uint32_t(a.bits)));
    case AttrType::Bytes:
        return v + "bytes:" + s.strings.str(StringId(uint32_t(a.bits)));
    case AttrType::Array:
        return v + "array:" + s.strings.str(StringId(uint32_t(a.bits)));
    case AttrType::KvList:
        return v + "kvlist:" + s.strings.str(StringId(uint32_t(a.bits)));
    }
    return v;
}

namespace {
std::string attrs(const TraceSet &s, uint32_t b, uint32_t e) {
    std::vector<std::string> v;
    for (uint32_t i = b; i < e; ++i)
        v.push_back(attrText(s, s.attributes[i]));
    std::sort(v.begin(), v.end());
    std::string out = "{";
    for (const auto &x : v)
        out += x + ";";
    return out + "}";
}
} // namespace

std::vector<std::string> dumpSpans(const TraceSet &s, const DumpOptions &o) {
    std::vector<std::string> lines;
    for (uint32_t r = 0; r < s.spanCount(); ++r) {
        std::string l = s.traceId[r].hex() + " " + spanIdHex(s.spanId[r]) + " parent=" +
                        (s.parent[r] == TraceSet::kNoRow ? std::string("-") : spanIdHex(s.spanId[s.parent[r]])) +
                        " name=" + s.strings.str(s.name[r]) + " service=" + s.strings.str(s.serviceOf(r)) +
                        " kind=" + spanKindName(s.kind[r]) + " status=" + statusCodeName(s.status[r]) + ":" +
                        s.strings.str(s.statusMessage[r]) + " start=" + std::to_string(s.startNs[r]) +
                        " end=" + std::to_string(s.endNs[r]) + " flags=" + std::to_string(s.flags[r]);
        if (o.resources) {
            const Resource &res = s.resources[s.resource[r]];
            const Scope &sc = s.scopes[s.scope[r]];
            l += " resource=" + attrs(s, res.attrBegin, res.attrEnd) + " scope=" + s.strings.str(sc.name) + "@" +
                 s.strings.str(sc.version) + attrs(s, sc.attrBegin, sc.attrEnd);
        }
        if (o.attributes)
            l += " attrs=" + attrs(s, s.attrBegin[r], s.attrEnd[r]);
        l += " events=[";
        for (uint32_t i = s.eventOffsets[r]; i < s.eventOffsets[r + 1]; ++i) {
            const SpanEvent &e = s.events[i];
            l += std::to_string(e.timeNs) + ":" + s.strings.str(e.name);
            if (o.eventAttributes)
                l += attrs(s, e.attrBegin, e.attrEnd);
            l += ",";
        }
        l += "]";
        if (o.links) {
            l += " links=[";
            for (uint32_t i = s.linkOffsets[r]; i < s.linkOffsets[r + 1]; ++i) {
                const SpanLink &k = s.links[i];
                l += k.traceId.hex() + "/" + spanIdHex(k.spanId) + "/" + s.strings.str(k.traceState);
                if (o.attributes)
                    l += attrs(s, k.attrBegin, k.attrEnd);
                l += ",";
            }
            l += "]";
        }
        lines.push_back(l);
    }
    std::sort(lines.begin(), lines.end());
    return lines;
}

std::vector<std::string> expectedStyleLines(const TraceSet &s) {
    std::vector<std::string> lines;
    for (uint32_t r = 0; r < s.spanCount(); ++r) {
        const uint32_t p = s.parent[r];
        const bool shared = p != TraceSet::kNoRow && s.spanId[p] == s.spanId[r];
        std::string parent = p != TraceSet::kNoRow              ? spanIdHex(s.spanId[p])
                             : (s.flags[r] & TraceSet::kOrphan) ? std::string("orphan")
                                                                : std::string("-");
        lines.push_back("span " + s.traceId[r].hex() + " " + spanIdHex(s.spanId[r]) + " " + (shared ? "1" : "0") + " " +
                        parent + " " + std::to_string(s.startNs[r]) + " " + std::to_string(s.endNs[r] - s.startNs[r]));
    }
    std::sort(lines.begin(), lines.end());
    return lines;
}

// Every column, table and index of a set as text, string ids and the
// attribute array's order included: two sets give the same text only when
// they are laid out identically.
std::string exactLayout(const TraceSet &s) {
    std::ostringstream o;
    o << "strings";
    for (uint32_t i = 0; i < s.strings.size(); ++i)
        o << ' ' << i << '=' << s.strings.view(StringId(i));
    auto attrs = [&](uint32_t b, uint32_t e) { o << " [" << b << ',' << e << ')'; };
    o << "\nattributes";
    for (const Attribute &a : s.attributes)
        o << ' ' << a.key.v << ':' << int(a.type) << ':' << a.bits;
    for (uint32_t r = 0; r < s.spanCount(); ++r) {
        o << "\nrow " << r << ' ' << s.traceId[r].hex() << ' ' << s.spanId[r] << ' ' << s.parent[r] << ' '
          << s.parentSpanId[r] << ' ' << s.depth[r] << ' ' << s.subtreeEnd[r] << ' ' << s.name[r].v << ' '
          << s.resource[r] << ' ' << s.scope[r] << ' ' << int(s.kind[r]) << ' ' << int(s.status[r]) << ' '
          << s.statusMessage[r].v << ' ' << s.startNs[r] << ' ' << s.endNs[r] << ' ' << int(s.flags[r]) << ' '
          << s.trace[r];
        attrs(s.attrBegin[r], s.attrEnd[r]);
        o << " children";
        for (uint32_t c = s.childOffsets[r]; c < s.childOffsets[r + 1]; ++c)
            o << ' ' << s.childIds[c];
        for (uint32_t e = s.eventOffsets[r]; e < s.eventOffsets[r + 1]; ++e) {
            o << " event " << s.events[e].timeNs << ' ' << s.events[e].name.v;
            attrs(s.events[e].attrBegin, s.events[e].attrEnd);
        }
        for (uint32_t l = s.linkOffsets[r]; l < s.linkOffsets[r + 1]; ++l) {
            o << " link " << s.links[l].traceId.hex() << ' ' << s.links[l].spanId << ' ' << s.links[l].traceState.v;
            attrs(s.links[l].attrBegin, s.links[l].attrEnd);
        }
        o << " find " << s.find(s.traceId[r], s.spanId[r]) << ' ' << s.findSpan(s.spanId[r]);
    }
    for (const Resource &r : s.resources) {
        o << "\nresource " << r.service.v;
        attrs(r.attrBegin, r.attrEnd);
    }
    for (const Scope &sc : s.scopes) {
        o << "\nscope " << sc.name.v << ' ' << sc.version.v;
        attrs(sc.attrBegin, sc.attrEnd);
    }
    for (uint32_t t = 0; t < s.traces.size(); ++t) {
        const TraceSummary &x = s.traces[t];
        o << "\ntrace " << x.id.hex() << ' ' << x.firstRow << ' ' << x.endRow << ' ' << x.root.v << ' ' << x.startNs
          << ' ' << x.endNs << ' ' << x.spanCount << ' ' << x.errorCount << ' ' << x.orphanCount << " find "
          << s.findTrace(x.id);
        for (StringId v : x.services)
            o << ' ' << v.v;
    }
    o << "\nservices";
    for (StringId v : s.services)
        o << ' ' << v.v;
    for (const Operation &op : s.operations)
        o << "\nop " << op.service.v << ' ' << op.name.v << ' ' << op.count;
    for (const NamedCount &w : s.warnings)
        o << "\nwarning " << w.name << ' ' << w.count;
    o << "\nsource " << s.sourceName << " format " << s.format << '\n';
    return o.str();
}

} // namespace spanfire
