#include "importers/otlp/otlpjson.h"

namespace spanfire {

using simdjson::dom::element;

namespace {

StringId serviceFrom(JsonTraceReader &r, const std::vector<Attribute> &attrs) {
    const StringId key = r.builder().strings().find("service.name");
    for (const Attribute &a : attrs)
        if (a.key == key && a.type == AttrType::String)
            return StringId(uint32_t(a.bits));
    return StringId();
}

uint32_t readResource(JsonTraceReader &r, element e) {
    std::vector<Attribute> attrs;
    if (!e.is_null()) {
        for (auto f : r.asObject(e)) {
            if (NormKey(f.key) == "attributes") {
                JsonTraceReader::Scope s(r, "attributes");
                attrs = r.otlpAttributes(f.value);
            }
        }
    }
    return r.builder().addResource(serviceFrom(r, attrs), attrs.data(), attrs.size());
}

uint32_t readScope(JsonTraceReader &r, element e) {
    std::vector<Attribute> attrs;
    StringId name{0}, version{0};
    if (!e.is_null()) {
        for (auto f : r.asObject(e)) {
            NormKey k(f.key);
            if (f.value.is_null())
                continue;
            if (k == "name")
                name = r.builder().intern(r.asString(f.value));
            else if (k == "version")
                version = r.builder().intern(r.asString(f.value));
            else if (k == "attributes") {
                JsonTraceReader::Scope s(r, "attributes");
                attrs = r.otlpAttributes(f.value);
            }
        }
    }
    return r.builder().addScope(name, version, attrs.data(), attrs.size());
}

bool isZeroHex(std::string_view s) {
    if (s.empty())
        return true;
    for (char c : s)
        if (c != '0')
            return false;
    return true;
}

void readEvents(JsonTraceReader &r, element list) {
    TraceSetBuilder &b = r.builder();
    int64_t i = 0;
    for (element ev : r.asArray(list)) {
        JsonTraceReader::Scope s(r, "", i++);
        int64_t time = 0;
        StringId name{0};
        element attrs;
        bool hasAttrs = false;
        for (auto f : r.asObject(ev)) {
            NormKey k(f.key);
            if (f.value.is_null())
                continue;
            if (k == "timeunixnano") {
                JsonTraceReader::Scope s2(r, "timeUnixNano");
                time = r.asInt64(f.value);
            } else if (k == "name") {
                name = b.intern(r.asString(f.value));
            } else if (k == "attributes") {
                attrs = f.value;
                hasAttrs = true;
            }
        }
        b.addEvent(time, name);
        if (hasAttrs) {
            JsonTraceReader::Scope s2(r, "attributes");
            for (const Attribute &a : r.otlpAttributes(attrs))
                b.addEventAttribute(a);
        }
    }
}

void readLinks(JsonTraceReader &r, element list) {
    TraceSetBuilder &b = r.builder();
    int64_t i = 0;
    for (element ln : r.asArray(list)) {
        JsonTraceReader::Scope s(r, "", i++);
        TraceId trace;
        uint64_t span = 0;
        StringId state{0};
        element attrs;
        bool hasAttrs = false, ok = true;
        for (auto f : r.asObject(ln)) {
            NormKey k(f.key);
            if (f.value.is_null())
                continue;
            if (k == "traceid")
                ok = parseTraceIdText(r.asString(f.value), &trace) && ok;
            else if (k == "spanid")
                ok = parseSpanIdText(r.asString(f.value), &span) && ok;
            else if (k == "tracestate")
                state = b.intern(r.asString(f.value));
            else if (k == "attributes") {
                attrs = f.value;
                hasAttrs = true;
            }
        }
        if (!ok) {
            r.warn("links with an invalid id dropped");
            continue;
        }
        b.addLink(trace, span, state);
        if (hasAttrs) {
            JsonTraceReader::Scope s2(r, "attributes");
            for (const Attribute &a : r.otlpAttributes(attrs))
                b.addLinkAttribute(a);
        }
    }
}

void readSpan(JsonTraceReader &r, element e, uint32_t resource, uint32_t scope) {
    TraceSetBuilder &b = r.builder();
    SpanData d;
    d.resource = resource;
    d.scope = scope;
    bool traceOk = false, spanOk = false;
    element attrs, events, links;
    bool hasAttrs = false, hasEvents = false, hasLinks = false;
    for (auto f : r.asObject(e)) {
        NormKey k(f.key);
        element v = f.value;
        if (v.is_null())
            continue;
        const std::string_view kv = k.view();
        if (kv == "traceid") {
            traceOk = parseTraceIdText(r.asString(v), &d.traceId);
        } else if (kv == "spanid") {
            spanOk = parseSpanIdText(r.asString(v), &d.spanId);
        } else if (kv == "parentspanid") {
            const std::string_view p = r.asString(v);
            if (!parseSpanIdText(p, &d.parentSpanId)) {
                d.parentSpanId = 0;
                if (!isZeroHex(p))
                    r.warn("spans with an unreadable parent span id (treated as roots)");
            }
        } else if (kv == "name") {
            d.name = b.intern(r.asString(v));
        } else if (kv == "kind") {
            JsonTraceReader::Scope s(r, "kind");
            if (v.is_string()) {
                if (!parseSpanKindText(v.get_string().value_unsafe(), &d.kind))
                    r.fail("unknown span kind");
            } else {
                const int64_t n = r.asInt64(v);
                d.kind = n >= 0 && n <= 5 ? SpanKind(n) : SpanKind::Unspecified;
            }
        } else if (kv == "starttimeunixnano") {
            JsonTraceReader::Scope s(r, "startTimeUnixNano");
            d.startNs = r.asInt64(v);
        } else if (kv == "endtimeunixnano") {
            JsonTraceReader::Scope s(r, "endTimeUnixNano");
            d.endNs = r.asInt64(v);
        } else if (kv == "flags") {
            JsonTraceReader::Scope s(r, "flags");
            const int64_t flags = r.asInt64(v);
            if ((flags & 0x300) == 0x300)
                d.flags |= TraceSet::kHasRemoteParent;
        } else if (kv == "attributes") {
            attrs = v;
            hasAttrs = true;
        } else if (kv == "events") {
            events = v;
            hasEvents = true;
        } else if (kv == "links") {
            links = v;
            hasLinks = true;
        } else if (kv == "status") {
            JsonTraceReader::Scope s(r, "status");
            for (auto sf : r.asObject(v)) {
                NormKey sk(sf.key);
                if (sf.value.is_null())
                    continue;
                if (sk == "code") {
                    if (sf.value.is_string()) {
                        if (!parseStatusCodeText(sf.value.get_string().value_unsafe(), &d.status))
                            r.fail("unknown status code");
                    } else {
                        const int64_t n = r.asInt64(sf.value);
                        d.status = n >= 0 && n <= 2 ? StatusCode(n) : StatusCode::Unset;
                    }
                } else if (sk == "message") {
                    d.statusMessage = b.intern(r.asString(sf.value));
                }
            }
        }
    }
    if (!traceOk || !spanOk) {
        r.warn(!traceOk ? "spans with an invalid trace id dropped" : "spans with an invalid span id dropped");
        return;
    }
    b.beginSpan(d);
    if (hasAttrs) {
        JsonTraceReader::Scope s(r, "attributes");
        for (const Attribute &a : r.otlpAttributes(attrs))
            b.addAttribute(a);
    }
    if (hasEvents) {
        JsonTraceReader::Scope s(r, "events");
        readEvents(r, events);
    }
    if (hasLinks) {
        JsonTraceReader::Scope s(r, "links");
        readLinks(r, links);
    }
}

void readScopeSpans(JsonTraceReader &r, element e, uint32_t resource) {
    element scopeEl, spans;
    bool hasScope = false, hasSpans = false;
    for (auto f : r.asObject(e)) {
        NormKey k(f.key);
        if (k == "scope" || k == "instrumentationlibrary") {
            scopeEl = f.value;
            hasScope = true;
        } else if (k == "spans") {
            spans = f.value;
            hasSpans = true;
        }
    }
    uint32_t scope;
    {
        JsonTraceReader::Scope s(r, "scope");
        scope = hasScope ? readScope(r, scopeEl) : r.builder().addScope(StringId(0), StringId(0), nullptr, 0);
    }
    if (!hasSpans || spans.is_null())
        return;
    JsonTraceReader::Scope s(r, "spans");
    int64_t i = 0;
    for (element span : r.asArray(spans)) {
        JsonTraceReader::Scope s2(r, "", i++);
        readSpan(r, span, resource, scope);
    }
}

void readResourceSpans(JsonTraceReader &r, element e) {
    element resEl;
    bool hasRes = false;
    std::vector<element> scopeLists;
    for (auto f : r.asObject(e)) {
        NormKey k(f.key);
        if (k == "resource") {
            resEl = f.value;
            hasRes = true;
        } else if ((k == "scopespans" || k == "instrumentationlibraryspans") && !f.value.is_null()) {
            scopeLists.push_back(f.value);
        }
    }
    uint32_t resource;
    {
        JsonTraceReader::Scope s(r, "resource");
        resource = hasRes ? readResource(r, resEl) : r.builder().addResource(StringId(), nullptr, 0);
    }
    for (element list : scopeLists) {
        JsonTraceReader::Scope s(r, "scopeSpans");
        int64_t i = 0;
        for (element ss : r.asArray(list)) {
            JsonTraceReader::Scope s2(r, "", i++);
            readScopeSpans(r, ss, resource);
        }
    }
}

} // namespace

bool isOtlpTracesJson(element root) {
    simdjson::dom::object o;
    if (root.get_object().get(o))
        return false;
    for (auto f : o) {
        NormKey k(f.key);
        if (k == "resourcespans")
            return true;
    }
    return false;
}

void readOtlpTracesJson(JsonTraceReader &r, element root) {
    for (auto f : r.asObject(root)) {
        if (!(NormKey(f.key) == "resourcespans") || f.value.is_null())
            continue;
        JsonTraceReader::Scope s(r, "resourceSpans");
        const simdjson::dom::array list = r.asArray(f.value);
        const uint64_t total = list.size();
        int64_t i = 0;
        for (element rs : list) {
            JsonTraceReader::Scope s2(r, "", i++);
            readResourceSpans(r, rs);
            r.checkpoint(uint64_t(i), total);
        }
    }
}

void readOtlpResourceSpansJson(JsonTraceReader &r, element resourceSpans, int64_t index) {
    JsonTraceReader::Scope s(r, "resourceSpans");
    JsonTraceReader::Scope s2(r, "", index);
    readResourceSpans(r, resourceSpans);
}

} // namespace spanfire
