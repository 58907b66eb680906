#include "importers/otlp/tracejson.h"

#include <cctype>
#include <cmath>
#include <cstring>

namespace spanfire {

bool hasNormKey(simdjson::dom::element e, std::string_view normalized) {
    simdjson::dom::object o;
    if (e.get_object().get(o))
        return false;
    for (auto f : o)
        if (NormKey(f.key) == normalized)
            return true;
    return false;
}

int64_t microsToNs(int64_t us) {
    constexpr int64_t kMicros = 1000;
    constexpr int64_t kMax = INT64_MAX / kMicros;
    return us > kMax ? INT64_MAX : us < -kMax ? INT64_MIN : us * kMicros;
}

int64_t addNs(int64_t a, int64_t b) {
    int64_t sum = 0;
    return __builtin_add_overflow(a, b, &sum) ? (b > 0 ? INT64_MAX : INT64_MIN) : sum;
}

using namespace simdjson;

NormKey::NormKey(std::string_view key) {
    if (key.size() <= sizeof m_buf) {
        // Branch-free: every character is written, '_' is overwritten by the next.
        for (char c : key) {
            m_buf[m_len] = char(c + (unsigned(c - 'A') < 26u ? 'a' - 'A' : 0));
            m_len += c != '_';
        }
        return;
    }
    for (char c : key) {
        if (c == '_')
            continue;
        if (m_len == sizeof m_buf) {
            m_len = 0; // too long: matches nothing we look for
            m_buf[0] = '\x01';
            m_len = 1;
            return;
        }
        m_buf[m_len++] = (c >= 'A' && c <= 'Z') ? char(c + ('a' - 'A')) : c;
    }
}

std::string JsonTraceReader::pathString() const {
    std::string s;
    for (const PathItem &p : m_path) {
        if (p.key && *p.key) {
            if (!s.empty())
                s.push_back('.');
            s += p.key;
        }
        if (p.index >= 0)
            s += "[" + std::to_string(p.index) + "]";
    }
    return s.empty() ? std::string("(document)") : s;
}

void JsonTraceReader::fail(const std::string &what) const {
    throw JsonSchemaError(pathString() + ": " + what);
}

JsonTraceReader::object JsonTraceReader::asObject(element e) const {
    object o;
    if (e.get_object().get(o))
        fail("expected a JSON object");
    return o;
}

JsonTraceReader::array JsonTraceReader::asArray(element e) const {
    array a;
    if (e.get_array().get(a))
        fail("expected a JSON array");
    return a;
}

std::string_view JsonTraceReader::asString(element e) const {
    std::string_view s;
    if (e.get_string().get(s))
        fail("expected a string");
    return s;
}

int64_t JsonTraceReader::asInt64(element e) const {
    switch (e.type()) {
    case dom::element_type::INT64:
        return e.get_int64().value_unsafe();
    case dom::element_type::UINT64:
        return int64_t(e.get_uint64().value_unsafe());
    case dom::element_type::DOUBLE: {
        const double d = e.get_double().value_unsafe();
        if (d != std::floor(d))
            fail("expected an integer, got a fractional number");
        // [-2^63, 2^63): every double in it converts; 2^63 itself does not.
        if (d >= -9223372036854775808.0 && d < 9223372036854775808.0)
            return int64_t(d);
        fail("integer out of range: " + formatDouble(d));
    }
    case dom::element_type::STRING: {
        const std::string_view text = e.get_string().value_unsafe();
        // Plain decimal digits (how OTLP/JSON writes int64), at most 19 so no
        // overflow: what parseInt64Text() returns for them, without its trimming.
        if (!text.empty() && text.size() <= 19) {
            uint64_t u = 0;
            bool digits = true;
            for (char c : text) {
                const unsigned d = unsigned(c - '0');
                digits = digits && d < 10;
                u = u * 10 + d;
            }
            if (digits)
                return int64_t(u);
        }
        int64_t v;
        if (parseInt64Text(text, &v))
            return v;
        fail("expected an integer, got the string \"" + std::string(text.substr(0, 40)) + "\"");
    }
    default:
        fail("expected an integer");
    }
}

double JsonTraceReader::asDouble(element e) const {
    switch (e.type()) {
    case dom::element_type::INT64:
        return double(e.get_int64().value_unsafe());
    case dom::element_type::UINT64:
        return double(e.get_uint64().value_unsafe());
    case dom::element_type::DOUBLE:
        return e.get_double().value_unsafe();
    case dom::element_type::STRING: {
        double d;
        if (parseDoubleText(e.get_string().value_unsafe(), &d))
            return d;
        fail("expected a number");
    }
    default:
        fail("expected a number");
    }
}

bool JsonTraceReader::asBool(element e) const {
    if (e.is_bool())
        return e.get_bool().value_unsafe();
    if (e.is_string()) {
        std::string_view s = e.get_string().value_unsafe();
        if (s == "true" || s == "True" || s == "TRUE" || s == "1")
            return true;
        if (s == "false" || s == "False" || s == "FALSE" || s == "0" || s.empty())
            return false;
    }
    if (e.is_int64())
        return e.get_int64().value_unsafe() != 0;
    fail("expected a boolean");
}

std::string JsonTraceReader::scalarText(element e) const {
    switch (e.type()) {
    case dom::element_type::STRING:
        return std::string(e.get_string().value_unsafe());
    case dom::element_type::INT64:
        return std::to_string(e.get_int64().value_unsafe());
    case dom::element_type::UINT64:
        return std::to_string(e.get_uint64().value_unsafe());
    case dom::element_type::DOUBLE:
        return formatDouble(e.get_double().value_unsafe());
    case dom::element_type::BOOL:
        return e.get_bool().value_unsafe() ? "true" : "false";
    case dom::element_type::NULL_VALUE:
        return std::string();
    default:
        return simdjson::minify(e);
    }
}

Attribute JsonTraceReader::stringAttr(std::string_view key, std::string_view value) {
    Attribute a;
    a.key = m_b.intern(key);
    a.type = AttrType::String;
    a.bits = m_b.intern(value).v;
    return a;
}

Attribute JsonTraceReader::intAttr(std::string_view key, int64_t value) {
    Attribute a;
    a.key = m_b.intern(key);
    a.type = AttrType::Int;
    a.bits = uint64_t(value);
    return a;
}

Attribute JsonTraceReader::otlpKeyValue(element kv) {
    object o = asObject(kv);
    std::string_view key;
    element value;
    bool hasValue = false;
    for (auto field : o) {
        // "key" and "value" as written by exporters first; other spellings through NormKey.
        int which = field.key == "key" ? 1 : field.key == "value" ? 2 : 0;
        if (!which) {
            NormKey k(field.key);
            which = k == "key" ? 1 : k == "value" ? 2 : 0;
        }
        if (which == 1)
            key = asString(field.value);
        else if (which == 2) {
            value = field.value;
            hasValue = true;
        }
    }
    const StringId keyId = m_b.intern(key);
    if (!hasValue || value.is_null()) {
        Attribute a;
        a.key = keyId;
        return a;
    }
    Scope s(*this, "value");
    return otlpAnyValue(keyId, value);
}

Attribute JsonTraceReader::otlpAnyValue(StringId key, element v) {
    Attribute a;
    a.key = key;
    object o = asObject(v);
    for (auto field : o) {
        element e = field.value;
        if (e.is_null())
            continue;
        // The four scalar kinds as exporters spell them first.
        const std::string_view fk = field.key;
        if (fk == "stringValue") {
            a.type = AttrType::String;
            a.bits = m_b.intern(asString(e)).v;
            continue;
        }
        if (fk == "intValue") {
            a.type = AttrType::Int;
            a.bits = uint64_t(asInt64(e));
            continue;
        }
        if (fk == "boolValue") {
            a.type = AttrType::Bool;
            a.bits = asBool(e) ? 1 : 0;
            continue;
        }
        if (fk == "doubleValue") {
            const double d = asDouble(e);
            a.type = AttrType::Double;
            std::memcpy(&a.bits, &d, sizeof d);
            continue;
        }
        NormKey k(fk);
        if (k == "stringvalue") {
            a.type = AttrType::String;
            a.bits = m_b.intern(asString(e)).v;
        } else if (k == "boolvalue") {
            a.type = AttrType::Bool;
            a.bits = asBool(e) ? 1 : 0;
        } else if (k == "intvalue") {
            a.type = AttrType::Int;
            a.bits = uint64_t(asInt64(e));
        } else if (k == "doublevalue") {
            const double d = asDouble(e);
            a.type = AttrType::Double;
            std::memcpy(&a.bits, &d, sizeof d);
        } else if (k == "bytesvalue") {
            std::string raw;
            if (!base64Decode(asString(e), &raw))
                fail("bytesValue is not base64");
            a.type = AttrType::Bytes;
            a.bits = m_b.intern(base64Encode(raw)).v;
        } else if (k == "arrayvalue" || k == "kvlistvalue") {
            std::string text;
            appendAnyValueJson(text, v);
            a.type = k == "arrayvalue" ? AttrType::Array : AttrType::KvList;
            a.bits = m_b.intern(text).v;
        } else {
            continue; // unknown member (e.g. profiles-only string_value_strindex)
        }
    }
    return a;
}

void JsonTraceReader::appendAnyValueJson(std::string &out, element v) {
    object o = asObject(v);
    for (auto field : o) {
        NormKey k(field.key);
        element e = field.value;
        if (e.is_null())
            continue;
        if (k == "stringvalue") {
            appendJsonString(out, asString(e));
        } else if (k == "boolvalue") {
            out += asBool(e) ? "true" : "false";
        } else if (k == "intvalue") {
            out += std::to_string(asInt64(e));
        } else if (k == "doublevalue") {
            appendJsonDouble(out, asDouble(e));
        } else if (k == "bytesvalue") {
            std::string raw;
            if (!base64Decode(asString(e), &raw))
                fail("bytesValue is not base64");
            appendJsonString(out, base64Encode(raw));
        } else if (k == "arrayvalue" || k == "kvlistvalue") {
            const bool isArray = k == "arrayvalue";
            out.push_back(isArray ? '[' : '{');
            bool first = true;
            for (auto inner : asObject(e)) {
                if (!(NormKey(inner.key) == "values") || inner.value.is_null())
                    continue;
                for (element item : asArray(inner.value)) {
                    if (!first)
                        out.push_back(',');
                    first = false;
                    if (isArray) {
                        appendAnyValueJson(out, item);
                        continue;
                    }
                    std::string_view key;
                    element value;
                    bool hasValue = false;
                    for (auto kv : asObject(item)) {
                        NormKey kk(kv.key);
                        if (kk == "key")
                            key = asString(kv.value);
                        else if (kk == "value" && !kv.value.is_null()) {
                            value = kv.value;
                            hasValue = true;
                        }
                    }
                    appendJsonString(out, key);
                    out.push_back(':');
                    if (hasValue)
                        appendAnyValueJson(out, value);
                    else
                        out += "null";
                }
            }
            out.push_back(isArray ? ']' : '}');
        } else {
            continue;
        }
        return;
    }
    out += "null"; // empty AnyValue
}

const std::vector<Attribute> &JsonTraceReader::otlpAttributes(element list) {
    m_attrs.clear();
    if (list.is_null())
        return m_attrs;
    int64_t i = 0;
    for (element kv : asArray(list)) {
        Scope s(*this, "", i++);
        const Attribute a = otlpKeyValue(kv); // never re-enters otlpAttributes()
        m_attrs.push_back(a);
    }
    return m_attrs;
}

Attribute JsonTraceReader::jaegerTag(element kv) {
    std::string_view key, type;
    element value;
    bool hasValue = false;
    for (auto field : asObject(kv)) {
        NormKey k(field.key);
        if (k == "key")
            key = asString(field.value);
        else if (k == "type" || k == "vtype")
            type = field.value.is_string() ? field.value.get_string().value_unsafe() : std::string_view();
        else if (k == "value") {
            value = field.value;
            hasValue = true;
        }
    }
    Attribute a;
    a.key = m_b.intern(key);
    if (!hasValue || value.is_null())
        return a;
    Scope s(*this, "value");
    NormKey t(type);
    if (t == "bool") {
        a.type = AttrType::Bool;
        a.bits = asBool(value) ? 1 : 0;
    } else if (t == "int64" || t == "int") {
        a.type = AttrType::Int;
        a.bits = uint64_t(asInt64(value));
    } else if (t == "float64" || t == "double") {
        const double d = asDouble(value);
        a.type = AttrType::Double;
        std::memcpy(&a.bits, &d, sizeof d);
    } else if (t == "binary") {
        std::string raw;
        if (!base64Decode(asString(value), &raw))
            fail("binary tag is not base64");
        a.type = AttrType::Bytes;
        a.bits = m_b.intern(base64Encode(raw)).v;
    } else {
        // "string" or missing type: keep the scalar as text; numbers and
        // bools without a type keep their JSON kind.
        switch (value.type()) {
        case dom::element_type::BOOL:
            a.type = AttrType::Bool;
            a.bits = value.get_bool().value_unsafe() ? 1 : 0;
            break;
        case dom::element_type::INT64:
        case dom::element_type::UINT64:
            if (type.empty()) {
                a.type = AttrType::Int;
                a.bits = uint64_t(asInt64(value));
                break;
            }
            [[fallthrough]];
        default:
            a.type = AttrType::String;
            a.bits = m_b.intern(scalarText(value)).v;
        }
    }
    return a;
}

} // namespace spanfire
