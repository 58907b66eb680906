#include "importers/zipkin/zipkinjson.h"

#include <algorithm>
#include <cstdint>
#include <map>

namespace spanfire {

using simdjson::dom::element;

namespace {

bool hasKey(element e, std::string_view normalized) {
    return hasNormKey(e, normalized);
}

// Earliest timestamp (µs) of each trace in the document: the fallback start
// of spans that carry no timestamp.
void collectTraceStarts(JsonTraceReader &r, element root, std::map<TraceId, int64_t> &starts) {
    auto visit = [&](element span) {
        simdjson::dom::object o;
        if (span.get_object().get(o))
            return;
        TraceId id;
        int64_t ts = 0;
        bool haveId = false, haveTs = false;
        for (auto f : o) {
            NormKey k(f.key);
            if (k == "traceid" && f.value.is_string())
                haveId = parseTraceIdText(f.value.get_string().value_unsafe(), &id);
            else if (k == "timestamp" && (f.value.is_int64() || f.value.is_uint64())) {
                ts = r.asInt64(f.value);
                haveTs = true;
            }
        }
        if (haveId && haveTs) {
            auto it = starts.find(id);
            if (it == starts.end())
                starts.emplace(id, ts);
            else
                it->second = std::min(it->second, ts);
        }
    };
    simdjson::dom::array a;
    if (!root.get_array().get(a)) {
        for (element e : a)
            visit(e);
    } else {
        visit(root);
    }
}

struct Endpoint {
    std::string_view service, ipv4, ipv6;
    int64_t port = -1;
};

Endpoint readEndpoint(JsonTraceReader &r, element e) {
    Endpoint ep;
    for (auto f : r.asObject(e)) {
        NormKey k(f.key);
        if (f.value.is_null())
            continue;
        if (k == "servicename")
            ep.service = r.asString(f.value);
        else if (k == "ipv4")
            ep.ipv4 = r.asString(f.value);
        else if (k == "ipv6")
            ep.ipv6 = r.asString(f.value);
        else if (k == "port")
            ep.port = r.asInt64(f.value);
    }
    return ep;
}

void readSpan(JsonTraceReader &r, element e, const std::map<TraceId, int64_t> &starts) {
    TraceSetBuilder &b = r.builder();
    SpanData d;
    d.kind = SpanKind::Internal;
    bool traceOk = false, spanOk = false, hasTs = false;
    int64_t tsUs = 0, durUs = 0;
    Endpoint local, remote;
    bool hasRemote = false;
    element annotations, tags;
    bool hasAnnotations = false, hasTags = false;
    for (auto f : r.asObject(e)) {
        NormKey k(f.key);
        element v = f.value;
        if (v.is_null())
            continue;
        const std::string_view kv = k.view();
        if (kv == "traceid") {
            traceOk = parseTraceIdText(r.asString(v), &d.traceId);
        } else if (kv == "id") {
            spanOk = parseSpanIdText(r.asString(v), &d.spanId);
        } else if (kv == "parentid") {
            if (!parseSpanIdText(r.asString(v), &d.parentSpanId))
                d.parentSpanId = 0;
        } else if (kv == "name") {
            d.name = b.intern(r.asString(v));
        } else if (kv == "kind") {
            JsonTraceReader::Scope s(r, "kind");
            if (!parseSpanKindText(r.asString(v), &d.kind))
                r.fail("unknown span kind");
        } else if (kv == "timestamp") {
            JsonTraceReader::Scope s(r, "timestamp");
            tsUs = r.asInt64(v);
            hasTs = true;
        } else if (kv == "duration") {
            JsonTraceReader::Scope s(r, "duration");
            durUs = r.asInt64(v);
        } else if (kv == "shared") {
            JsonTraceReader::Scope s(r, "shared");
            d.shared = r.asBool(v);
        } else if (kv == "localendpoint") {
            JsonTraceReader::Scope s(r, "localEndpoint");
            local = readEndpoint(r, v);
        } else if (kv == "remoteendpoint") {
            JsonTraceReader::Scope s(r, "remoteEndpoint");
            remote = readEndpoint(r, v);
            hasRemote = true;
        } else if (kv == "annotations") {
            annotations = v;
            hasAnnotations = true;
        } else if (kv == "tags") {
            tags = v;
            hasTags = true;
        }
    }
    if (!traceOk || !spanOk) {
        r.warn(!traceOk ? "spans with an invalid trace id dropped" : "spans with an invalid span id dropped");
        return;
    }
    if (!hasTs) {
        r.warn("Zipkin spans without a timestamp (placed at their trace's start)");
        auto it = starts.find(d.traceId);
        tsUs = it == starts.end() ? 0 : it->second;
    }
    d.startNs = microsToNs(tsUs);
    d.endNs = addNs(d.startNs, microsToNs(std::max<int64_t>(durUs, 0)));
    const std::string_view service = local.service.empty() ? std::string_view("unknown_service") : local.service;
    const Attribute svcAttr = r.stringAttr("service.name", service);
    d.resource = b.addResource(b.intern(service), &svcAttr, 1);
    d.scope = b.addScope(StringId(0), StringId(0), nullptr, 0);

    std::vector<Attribute> attrs;
    if (hasTags) {
        JsonTraceReader::Scope s(r, "tags");
        for (auto t : r.asObject(tags)) {
            const std::string text = r.scalarText(t.value);
            if (t.key == "error") {
                d.status = StatusCode::Error;
                d.statusMessage = b.intern(text);
            }
            attrs.push_back(r.stringAttr(t.key, text));
        }
    }
    if (hasRemote) {
        if (!remote.service.empty())
            attrs.push_back(r.stringAttr("peer.service", remote.service));
        if (!remote.ipv4.empty())
            attrs.push_back(r.stringAttr("net.peer.ip", remote.ipv4));
        else if (!remote.ipv6.empty())
            attrs.push_back(r.stringAttr("net.peer.ip", remote.ipv6));
        if (remote.port >= 0)
            attrs.push_back(r.intAttr("net.peer.port", remote.port));
    }
    b.beginSpan(d);
    for (const Attribute &a : attrs)
        b.addAttribute(a);
    if (hasAnnotations) {
        JsonTraceReader::Scope s(r, "annotations");
        int64_t i = 0;
        for (element an : r.asArray(annotations)) {
            JsonTraceReader::Scope s2(r, "", i++);
            int64_t ts = 0;
            StringId value{0};
            for (auto f : r.asObject(an)) {
                NormKey k(f.key);
                if (f.value.is_null())
                    continue;
                if (k == "timestamp")
                    ts = microsToNs(r.asInt64(f.value));
                else if (k == "value")
                    value = b.intern(r.asString(f.value));
            }
            b.addEvent(ts, value);
        }
    }
}

} // namespace

bool isZipkinJson(element root) {
    simdjson::dom::array a;
    if (!root.get_array().get(a)) {
        for (element first : a)
            return hasKey(first, "traceid") && hasKey(first, "id") && !hasKey(first, "spanid");
        return false;
    }
    return hasKey(root, "traceid") && hasKey(root, "id") && !hasKey(root, "spanid");
}

void readZipkinJson(JsonTraceReader &r, element root) {
    std::map<TraceId, int64_t> starts;
    collectTraceStarts(r, root, starts);
    simdjson::dom::array a;
    if (!root.get_array().get(a)) {
        int64_t i = 0;
        for (element span : a) {
            JsonTraceReader::Scope s(r, "", i++);
            readSpan(r, span, starts);
            if ((i & 1023) == 0)
                r.checkpoint(uint64_t(i), a.size());
        }
        return;
    }
    readSpan(r, root, starts);
}

} // namespace spanfire
