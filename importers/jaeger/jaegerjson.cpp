#include "importers/jaeger/jaegerjson.h"

#include <cstdint>
#include <unordered_map>

namespace spanfire {

using simdjson::dom::element;

namespace {

bool hasKey(element e, std::string_view normalized) {
    return hasNormKey(e, normalized);
}

// A Jaeger process {serviceName, tags} -> resource index.
uint32_t readProcess(JsonTraceReader &r, element e) {
    TraceSetBuilder &b = r.builder();
    std::string_view service;
    std::vector<Attribute> attrs;
    attrs.push_back(Attribute{}); // service.name, filled below
    for (auto f : r.asObject(e)) {
        NormKey k(f.key);
        if (f.value.is_null())
            continue;
        if (k == "servicename") {
            service = r.asString(f.value);
        } else if (k == "tags") {
            JsonTraceReader::Scope s(r, "tags");
            int64_t i = 0;
            for (element t : r.asArray(f.value)) {
                JsonTraceReader::Scope s2(r, "", i++);
                attrs.push_back(r.jaegerTag(t));
            }
        }
    }
    if (service.empty())
        service = "unknown_service";
    attrs[0] = r.stringAttr("service.name", service);
    return b.addResource(b.intern(service), attrs.data(), attrs.size());
}

struct SpanCtx {
    const std::unordered_map<std::string, uint32_t> *processes = nullptr;
    uint32_t unknownResource = 0;
};

void readSpan(JsonTraceReader &r, element e, const SpanCtx &ctx) {
    TraceSetBuilder &b = r.builder();
    SpanData d;
    bool traceOk = false, spanOk = false, hasResource = false;
    int64_t durationUs = 0;
    element tags, logs, refs;
    bool hasTags = false, hasLogs = false, hasRefs = false;
    uint64_t legacyParent = 0;
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
            if (!parseSpanIdText(r.asString(v), &legacyParent))
                legacyParent = 0;
        } else if (kv == "operationname") {
            d.name = b.intern(r.asString(v));
        } else if (kv == "starttime") {
            JsonTraceReader::Scope s(r, "startTime");
            d.startNs = microsToNs(r.asInt64(v));
        } else if (kv == "duration") {
            JsonTraceReader::Scope s(r, "duration");
            durationUs = r.asInt64(v);
        } else if (kv == "tags") {
            tags = v;
            hasTags = true;
        } else if (kv == "logs") {
            logs = v;
            hasLogs = true;
        } else if (kv == "references") {
            refs = v;
            hasRefs = true;
        } else if (kv == "processid") {
            JsonTraceReader::Scope s(r, "processID");
            const std::string pid(r.asString(v));
            if (ctx.processes) {
                auto it = ctx.processes->find(pid);
                if (it != ctx.processes->end()) {
                    d.resource = it->second;
                    hasResource = true;
                }
            }
        } else if (kv == "process") {
            JsonTraceReader::Scope s(r, "process");
            d.resource = readProcess(r, v);
            hasResource = true;
        }
    }
    if (!traceOk || !spanOk) {
        r.warn(!traceOk ? "spans with an invalid trace id dropped" : "spans with an invalid span id dropped");
        return;
    }
    if (!hasResource) {
        r.warn("Jaeger spans without a known process");
        d.resource = ctx.unknownResource;
    }
    d.endNs = addNs(d.startNs, microsToNs(durationUs));

    // References: parent = first CHILD_OF (else the first reference); the
    // rest become links.
    struct Ref {
        TraceId trace;
        uint64_t span;
        bool childOf;
    };
    std::vector<Ref> refList;
    if (hasRefs) {
        JsonTraceReader::Scope s(r, "references");
        int64_t i = 0;
        for (element ref : r.asArray(refs)) {
            JsonTraceReader::Scope s2(r, "", i++);
            Ref x{d.traceId, 0, true};
            bool ok = true;
            for (auto f : r.asObject(ref)) {
                NormKey k(f.key);
                if (f.value.is_null())
                    continue;
                if (k == "reftype")
                    x.childOf = r.asString(f.value) != "FOLLOWS_FROM";
                else if (k == "traceid")
                    ok = parseTraceIdText(r.asString(f.value), &x.trace) && ok;
                else if (k == "spanid")
                    ok = parseSpanIdText(r.asString(f.value), &x.span) && ok;
            }
            if (ok && x.span)
                refList.push_back(x);
            else
                r.warn("Jaeger references with an invalid id dropped");
        }
    }
    int parentRef = -1;
    for (size_t i = 0; i < refList.size() && parentRef < 0; ++i)
        if (refList[i].childOf)
            parentRef = int(i);
    if (parentRef < 0 && !refList.empty())
        parentRef = 0;
    d.parentSpanId = parentRef >= 0 ? refList[size_t(parentRef)].span : legacyParent;

    // Tags, with the OTLP -> Jaeger conventions mapped back.
    std::vector<Attribute> attrs;
    StringId scopeName{0}, scopeVersion{0};
    bool errorTag = false;
    if (hasTags) {
        JsonTraceReader::Scope s(r, "tags");
        int64_t i = 0;
        for (element t : r.asArray(tags)) {
            JsonTraceReader::Scope s2(r, "", i++);
            const Attribute a = r.jaegerTag(t);
            const std::string_view key = b.strings().view(a.key);
            const std::string_view text =
                a.type == AttrType::String ? b.strings().view(StringId(uint32_t(a.bits))) : std::string_view();
            if (key == "span.kind" && a.type == AttrType::String && parseSpanKindText(text, &d.kind))
                continue;
            if (key == "otel.status_code" && a.type == AttrType::String && parseStatusCodeText(text, &d.status))
                continue;
            if (key == "otel.status_description" && a.type == AttrType::String) {
                d.statusMessage = StringId(uint32_t(a.bits));
                continue;
            }
            if (key == "error" && ((a.type == AttrType::Bool && a.bits) || text == "true")) {
                errorTag = true;
                continue;
            }
            if ((key == "otel.scope.name" || key == "otel.library.name") && a.type == AttrType::String) {
                scopeName = StringId(uint32_t(a.bits));
                continue;
            }
            if ((key == "otel.scope.version" || key == "otel.library.version") && a.type == AttrType::String) {
                scopeVersion = StringId(uint32_t(a.bits));
                continue;
            }
            attrs.push_back(a);
        }
    }
    if (errorTag && d.status == StatusCode::Unset)
        d.status = StatusCode::Error;
    d.scope = b.addScope(scopeName, scopeVersion, nullptr, 0);
    b.beginSpan(d);
    for (const Attribute &a : attrs)
        b.addAttribute(a);
    if (hasLogs) {
        JsonTraceReader::Scope s(r, "logs");
        int64_t i = 0;
        std::vector<Attribute> fields;
        for (element log : r.asArray(logs)) {
            JsonTraceReader::Scope s2(r, "", i++);
            int64_t ts = 0;
            StringId name{0};
            fields.clear();
            for (auto f : r.asObject(log)) {
                NormKey k(f.key);
                if (f.value.is_null())
                    continue;
                if (k == "timestamp") {
                    ts = microsToNs(r.asInt64(f.value));
                } else if (k == "fields") {
                    JsonTraceReader::Scope s3(r, "fields");
                    int64_t j = 0;
                    for (element fe : r.asArray(f.value)) {
                        JsonTraceReader::Scope s4(r, "", j++);
                        const Attribute a = r.jaegerTag(fe);
                        if (!name.v && b.strings().view(a.key) == "event" && a.type == AttrType::String)
                            name = StringId(uint32_t(a.bits));
                        else
                            fields.push_back(a);
                    }
                }
            }
            b.addEvent(ts, name);
            for (const Attribute &a : fields)
                b.addEventAttribute(a);
        }
    }
    for (size_t i = 0; i < refList.size(); ++i)
        if (int(i) != parentRef)
            b.addLink(refList[i].trace, refList[i].span, StringId(0));
}

void readTrace(JsonTraceReader &r, element e, uint32_t unknownResource) {
    std::unordered_map<std::string, uint32_t> processes;
    element spans;
    bool hasSpans = false;
    for (auto f : r.asObject(e)) {
        NormKey k(f.key);
        if (f.value.is_null())
            continue;
        if (k == "processes") {
            JsonTraceReader::Scope s(r, "processes");
            for (auto p : r.asObject(f.value)) {
                JsonTraceReader::Scope s2(r, "");
                processes[std::string(p.key)] = readProcess(r, p.value);
            }
        } else if (k == "spans") {
            spans = f.value;
            hasSpans = true;
        }
    }
    if (!hasSpans)
        return;
    SpanCtx ctx;
    ctx.processes = &processes;
    ctx.unknownResource = unknownResource;
    JsonTraceReader::Scope s(r, "spans");
    const simdjson::dom::array list = r.asArray(spans);
    int64_t i = 0;
    for (element span : list) {
        JsonTraceReader::Scope s2(r, "", i++);
        readSpan(r, span, ctx);
        if ((i & 1023) == 0)
            r.checkpoint(uint64_t(i), list.size());
    }
}

} // namespace

bool isJaegerJson(element root) {
    simdjson::dom::array a;
    if (!root.get_array().get(a)) {
        for (element first : a)
            return hasKey(first, "spanid") || hasKey(first, "operationname") || hasKey(first, "spans");
        return false;
    }
    if (hasKey(root, "data")) {
        simdjson::dom::element data;
        return !root["data"].get(data) && (data.is_array() || data.is_null());
    }
    return hasKey(root, "spans") || (hasKey(root, "spanid") && hasKey(root, "operationname"));
}

void readJaegerJson(JsonTraceReader &r, element root) {
    TraceSetBuilder &b = r.builder();
    const uint32_t unknown = b.addResource(StringId(), nullptr, 0);
    simdjson::dom::array arr;
    if (!root.get_array().get(arr)) {
        SpanCtx ctx;
        ctx.unknownResource = unknown;
        int64_t i = 0;
        for (element item : arr) {
            JsonTraceReader::Scope s(r, "", i++);
            if (hasKey(item, "spans"))
                readTrace(r, item, unknown);
            else
                readSpan(r, item, ctx);
        }
        return;
    }
    if (hasKey(root, "data")) {
        element data = root["data"].value_unsafe();
        if (data.is_null())
            return;
        JsonTraceReader::Scope s(r, "data");
        int64_t i = 0;
        for (element trace : r.asArray(data)) {
            JsonTraceReader::Scope s2(r, "", i++);
            readTrace(r, trace, unknown);
        }
        return;
    }
    if (hasKey(root, "spans")) {
        readTrace(r, root, unknown);
        return;
    }
    SpanCtx ctx;
    ctx.unknownResource = unknown;
    readSpan(r, root, ctx);
}

} // namespace spanfire
