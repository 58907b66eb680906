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

// parseTraceIdText()/parseSpanIdText() with the common case (exactly 32 or 16
// hex digits) first; anything else, or a failure there, takes the lenient path.
bool traceIdText(std::string_view s, TraceId *out) {
    TraceId id;
    if (s.size() == 32 && parseTraceIdHex(s, &id)) {
        if (id.isZero())
            return false;
        *out = id;
        return true;
    }
    return parseTraceIdText(s, out);
}

bool spanIdText(std::string_view s, uint64_t *out) {
    uint64_t v = 0;
    if (s.size() == 16 && parseSpanIdHex(s, &v)) {
        if (v == 0)
            return false;
        *out = v;
        return true;
    }
    return parseSpanIdText(s, out);
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
                ok = traceIdText(r.asString(f.value), &trace) && ok;
            else if (k == "spanid")
                ok = spanIdText(r.asString(f.value), &span) && ok;
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

// Span members. The spellings OTLP/JSON exporters write are matched as they
// are; any other spelling goes through NormKey (same result, slower).
enum class SpanKey : uint8_t {
    Other,
    TraceId,
    SpanId,
    ParentSpanId,
    Name,
    Kind,
    Start,
    End,
    Flags,
    Attributes,
    Events,
    Links,
    Status
};

SpanKey spanKeyNormalized(std::string_view kv) {
    if (kv == "traceid")
        return SpanKey::TraceId;
    if (kv == "spanid")
        return SpanKey::SpanId;
    if (kv == "parentspanid")
        return SpanKey::ParentSpanId;
    if (kv == "name")
        return SpanKey::Name;
    if (kv == "kind")
        return SpanKey::Kind;
    if (kv == "starttimeunixnano")
        return SpanKey::Start;
    if (kv == "endtimeunixnano")
        return SpanKey::End;
    if (kv == "flags")
        return SpanKey::Flags;
    if (kv == "attributes")
        return SpanKey::Attributes;
    if (kv == "events")
        return SpanKey::Events;
    if (kv == "links")
        return SpanKey::Links;
    if (kv == "status")
        return SpanKey::Status;
    return SpanKey::Other;
}

SpanKey spanKey(std::string_view key) {
    switch (key.size()) {
    case 4:
        if (key == "name")
            return SpanKey::Name;
        if (key == "kind")
            return SpanKey::Kind;
        break;
    case 5:
        if (key == "flags")
            return SpanKey::Flags;
        if (key == "links")
            return SpanKey::Links;
        break;
    case 6:
        if (key == "spanId")
            return SpanKey::SpanId;
        if (key == "events")
            return SpanKey::Events;
        if (key == "status")
            return SpanKey::Status;
        break;
    case 7:
        if (key == "traceId")
            return SpanKey::TraceId;
        break;
    case 10:
        if (key == "attributes")
            return SpanKey::Attributes;
        break;
    case 12:
        if (key == "parentSpanId")
            return SpanKey::ParentSpanId;
        break;
    case 15:
        if (key == "endTimeUnixNano")
            return SpanKey::End;
        break;
    case 17:
        if (key == "startTimeUnixNano")
            return SpanKey::Start;
        break;
    default:
        break;
    }
    return spanKeyNormalized(NormKey(key).view());
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
        element v = f.value;
        if (v.is_null())
            continue;
        switch (spanKey(f.key)) {
        case SpanKey::TraceId:
            traceOk = traceIdText(r.asString(v), &d.traceId);
            break;
        case SpanKey::SpanId:
            spanOk = spanIdText(r.asString(v), &d.spanId);
            break;
        case SpanKey::ParentSpanId: {
            const std::string_view p = r.asString(v);
            if (!spanIdText(p, &d.parentSpanId)) {
                d.parentSpanId = 0;
                if (!isZeroHex(p))
                    r.warn("spans with an unreadable parent span id (treated as roots)");
            }
            break;
        }
        case SpanKey::Name:
            d.name = b.intern(r.asString(v));
            break;
        case SpanKey::Kind: {
            JsonTraceReader::Scope s(r, "kind");
            if (v.is_string()) {
                if (!parseSpanKindText(v.get_string().value_unsafe(), &d.kind))
                    r.fail("unknown span kind");
            } else {
                const int64_t n = r.asInt64(v);
                d.kind = n >= 0 && n <= 5 ? SpanKind(n) : SpanKind::Unspecified;
            }
            break;
        }
        case SpanKey::Start: {
            JsonTraceReader::Scope s(r, "startTimeUnixNano");
            d.startNs = r.asInt64(v);
            break;
        }
        case SpanKey::End: {
            JsonTraceReader::Scope s(r, "endTimeUnixNano");
            d.endNs = r.asInt64(v);
            break;
        }
        case SpanKey::Flags: {
            JsonTraceReader::Scope s(r, "flags");
            const int64_t flags = r.asInt64(v);
            if ((flags & 0x300) == 0x300)
                d.flags |= TraceSet::kHasRemoteParent;
            break;
        }
        case SpanKey::Attributes:
            attrs = v;
            hasAttrs = true;
            break;
        case SpanKey::Events:
            events = v;
            hasEvents = true;
            break;
        case SpanKey::Links:
            links = v;
            hasLinks = true;
            break;
        case SpanKey::Status: {
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
            break;
        }
        case SpanKey::Other:
            break;
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

namespace {

// Which list of ResourceSpans a top-level key of a traces document is:
// OTLP's resourceSpans, or Tempo's name for it in /api/traces responses.
bool isResourceSpansList(const NormKey &k, element value) {
    return k == "resourcespans" || (k == "batches" && value.is_array());
}

// The response envelopes around a whole OTLP document (one level, no deeper).
bool isEnvelope(const NormKey &k) {
    return k == "result" || k == "trace";
}

bool isPlainOtlpTracesJson(element root) {
    simdjson::dom::object o;
    if (root.get_object().get(o))
        return false;
    for (auto f : o)
        if (isResourceSpansList(NormKey(f.key), f.value))
            return true;
    return false;
}

} // namespace

const char *otlpTracesJsonLabel(element root) {
    simdjson::dom::object o;
    if (root.get_object().get(o))
        return nullptr;
    for (auto f : o) {
        const NormKey k(f.key);
        if (k == "resourcespans")
            return "OTLP/JSON";
        if (k == "batches" && f.value.is_array())
            return "OTLP/JSON (Tempo API response)";
        if (isEnvelope(k) && isPlainOtlpTracesJson(f.value))
            return k == "result" ? "OTLP/JSON (Jaeger API v3 response)" : "OTLP/JSON (Tempo API v2 response)";
    }
    return nullptr;
}

bool isOtlpTracesJson(element root) {
    return otlpTracesJsonLabel(root) != nullptr;
}

void readOtlpTracesJson(JsonTraceReader &r, element root) {
    for (auto f : r.asObject(root)) {
        const NormKey k(f.key);
        if (isEnvelope(k) && isPlainOtlpTracesJson(f.value)) {
            JsonTraceReader::Scope s(r, k == "result" ? "result" : "trace");
            readOtlpTracesJson(r, f.value); // one level: the inner document has a list, no envelope
            continue;
        }
        if (!isResourceSpansList(k, f.value) || f.value.is_null())
            continue;
        JsonTraceReader::Scope s(r, k == "batches" ? "batches" : "resourceSpans");
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
