#include "tracedump.h"

#include <algorithm>
#include <cstring>

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
            l += " attrs=" + attrs(s, s.attrOffsets[r], s.attrOffsets[r + 1]);
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

} // namespace spanfire
