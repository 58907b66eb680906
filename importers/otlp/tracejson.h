#pragma once
// JsonTraceReader: the part shared by the JSON trace readers (OTLP/JSON,
// Jaeger, Zipkin) over a simdjson DOM document: lenient typed accessors that
// throw JsonSchemaError carrying the JSON path of the offending value, key
// matching that accepts camelCase and snake_case, and attribute decoding.
// The readers feed a TraceSetBuilder. Exceptions never leave the importers:
// traceimport.cpp catches them and turns them into an ImportError.
// Thread affinity: one reader per import thread.

#include "importers/otlp/attrtext.h"
#include "model/tracesetbuilder.h"

#include <simdjson.h>

#include <functional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace spanfire {

struct JsonSchemaError : std::runtime_error {
    using std::runtime_error::runtime_error;
};
// Thrown when the checkpoint callback asks to stop.
struct JsonCancelled : std::runtime_error {
    JsonCancelled() : std::runtime_error("import cancelled") {}
};

// Lower-cases and drops '_' so that "trace_id", "traceId" and "TraceID"
// compare equal to "traceid". Keys longer than the buffer never match.
class NormKey {
public:
    explicit NormKey(std::string_view key);
    bool operator==(std::string_view normalized) const { return std::string_view(m_buf, m_len) == normalized; }
    std::string_view view() const { return std::string_view(m_buf, m_len); }

private:
    char m_buf[48];
    size_t m_len = 0;
};

// True when JSON object `e` has a key that normalises (NormKey) to `normalized`.
bool hasNormKey(simdjson::dom::element e, std::string_view normalized);

// Microseconds (Jaeger, Zipkin) to nanoseconds and ns + ns, saturating:
// hostile files carry any int64 (UBSan found the overflow; issue 7).
int64_t microsToNs(int64_t us);
int64_t addNs(int64_t a, int64_t b);

class JsonTraceReader {
public:
    using element = simdjson::dom::element;
    using object = simdjson::dom::object;
    using array = simdjson::dom::array;

    explicit JsonTraceReader(TraceSetBuilder &builder) : m_b(builder) {}

    TraceSetBuilder &builder() { return m_b; }

    // Path bookkeeping for error messages ("resourceSpans[0].scopeSpans[1]...").
    class Scope {
    public:
        Scope(JsonTraceReader &r, const char *key, int64_t index = -1) : m_r(r) { r.m_path.push_back({key, index}); }
        ~Scope() { m_r.m_path.pop_back(); }
        Scope(const Scope &) = delete;
        Scope &operator=(const Scope &) = delete;

    private:
        JsonTraceReader &m_r;
    };
    std::string pathString() const;
    [[noreturn]] void fail(const std::string &what) const;

    object asObject(element e) const;
    array asArray(element e) const;
    // Null is accepted as "absent" (empty array / object) where noted.
    bool isNull(element e) const { return e.is_null(); }
    std::string_view asString(element e) const;
    int64_t asInt64(element e) const; // number or decimal string
    double asDouble(element e) const; // number or "NaN"/"Infinity"/numeric string
    bool asBool(element e) const;     // bool or "true"/"false"
    // String, number or bool rendered as text (Zipkin tags, string-typed Jaeger tags).
    std::string scalarText(element e) const;

    // OTLP: `{"key": ..., "value": AnyValue}` -> builder attribute.
    Attribute otlpKeyValue(element kv);
    Attribute otlpAnyValue(StringId key, element anyValue);
    void appendAnyValueJson(std::string &out, element anyValue);
    // OTLP attribute list (array of KeyValue, null allowed) into m_attrs.
    const std::vector<Attribute> &otlpAttributes(element list);

    // Jaeger: `{"key", "type", "value"}`.
    Attribute jaegerTag(element kv);

    Attribute stringAttr(std::string_view key, std::string_view value);
    Attribute intAttr(std::string_view key, int64_t value);

    void warn(const char *what, uint64_t n = 1) { m_b.addWarning(what, n); }

    // Progress and cancel: called by the readers every few hundred spans
    // with (items done, items total) of the current list; throws
    // JsonCancelled when the callback returns false.
    void setCheckpoint(std::function<bool(uint64_t, uint64_t)> f) { m_checkpoint = std::move(f); }
    void checkpoint(uint64_t done, uint64_t total) {
        if (m_checkpoint && !m_checkpoint(done, total))
            throw JsonCancelled();
    }

private:
    struct PathItem {
        const char *key;
        int64_t index;
    };
    TraceSetBuilder &m_b;
    std::vector<PathItem> m_path;
    std::vector<Attribute> m_attrs;
    std::string m_scratch;
    std::function<bool(uint64_t, uint64_t)> m_checkpoint;
};

} // namespace spanfire
