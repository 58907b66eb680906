#include "importers/otlp/attrtext.h"

#include <cctype>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace spanfire {

namespace {
constexpr char kB64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

int b64Value(char c) {
    if (c >= 'A' && c <= 'Z')
        return c - 'A';
    if (c >= 'a' && c <= 'z')
        return c - 'a' + 26;
    if (c >= '0' && c <= '9')
        return c - '0' + 52;
    if (c == '+' || c == '-')
        return 62;
    if (c == '/' || c == '_')
        return 63;
    return -1;
}

bool allHex(std::string_view s) {
    if (s.size() >= 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X'))
        s.remove_prefix(2);
    if (s.empty())
        return false;
    for (char c : s)
        if (!std::isxdigit(static_cast<unsigned char>(c)))
            return false;
    return true;
}

bool equalsNoCase(std::string_view a, std::string_view b) {
    if (a.size() != b.size())
        return false;
    for (size_t i = 0; i < a.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i])))
            return false;
    return true;
}

std::string_view stripPrefixNoCase(std::string_view s, std::string_view prefix) {
    if (s.size() > prefix.size() && equalsNoCase(s.substr(0, prefix.size()), prefix))
        return s.substr(prefix.size());
    return s;
}
} // namespace

std::string base64Encode(std::string_view in) {
    std::string out;
    out.reserve((in.size() + 2) / 3 * 4);
    size_t i = 0;
    for (; i + 3 <= in.size(); i += 3) {
        const uint32_t v = (uint32_t(uint8_t(in[i])) << 16) | (uint32_t(uint8_t(in[i + 1])) << 8) | uint8_t(in[i + 2]);
        out.push_back(kB64[(v >> 18) & 63]);
        out.push_back(kB64[(v >> 12) & 63]);
        out.push_back(kB64[(v >> 6) & 63]);
        out.push_back(kB64[v & 63]);
    }
    if (i < in.size()) {
        uint32_t v = uint32_t(uint8_t(in[i])) << 16;
        if (i + 1 < in.size())
            v |= uint32_t(uint8_t(in[i + 1])) << 8;
        out.push_back(kB64[(v >> 18) & 63]);
        out.push_back(kB64[(v >> 12) & 63]);
        out.push_back(i + 1 < in.size() ? kB64[(v >> 6) & 63] : '=');
        out.push_back('=');
    }
    return out;
}

bool base64Decode(std::string_view text, std::string *out) {
    while (!text.empty() && text.back() == '=')
        text.remove_suffix(1);
    if (text.size() % 4 == 1)
        return false;
    out->clear();
    out->reserve(text.size() * 3 / 4);
    uint32_t acc = 0;
    int bits = 0;
    for (char c : text) {
        const int v = b64Value(c);
        if (v < 0)
            return false;
        acc = (acc << 6) | uint32_t(v);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out->push_back(char((acc >> bits) & 0xff));
        }
    }
    return true;
}

bool traceIdFromBytes(std::string_view b, TraceId *out) {
    if (b.size() != 16)
        return false;
    TraceId id;
    std::memcpy(id.bytes.data(), b.data(), 16);
    if (id.isZero())
        return false;
    *out = id;
    return true;
}

bool spanIdFromBytes(std::string_view b, uint64_t *out) {
    if (b.size() != 8)
        return false;
    uint64_t v = 0;
    for (char c : b)
        v = (v << 8) | uint8_t(c);
    if (v == 0)
        return false;
    *out = v;
    return true;
}

bool parseTraceIdText(std::string_view s, TraceId *out) {
    TraceId id;
    if (allHex(s) && s.size() <= 34) {
        if (!parseTraceIdHex(s, &id))
            return false;
    } else {
        std::string raw;
        if (!base64Decode(s, &raw) || raw.size() != 16)
            return false;
        std::memcpy(id.bytes.data(), raw.data(), 16);
    }
    if (id.isZero())
        return false;
    *out = id;
    return true;
}

bool parseSpanIdText(std::string_view s, uint64_t *out) {
    uint64_t v = 0;
    if (allHex(s) && s.size() <= 18) {
        if (!parseSpanIdHex(s, &v))
            return false;
    } else {
        std::string raw;
        if (!base64Decode(s, &raw) || !spanIdFromBytes(raw, &v))
            return false;
    }
    if (v == 0)
        return false;
    *out = v;
    return true;
}

void appendJsonString(std::string &out, std::string_view s) {
    static const char hex[] = "0123456789abcdef";
    out.push_back('"');
    for (char c : s) {
        const auto u = static_cast<unsigned char>(c);
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            if (u < 0x20) {
                out += "\\u00";
                out.push_back(hex[u >> 4]);
                out.push_back(hex[u & 15]);
            } else {
                out.push_back(c);
            }
        }
    }
    out.push_back('"');
}

std::string formatDouble(double d) {
    if (std::isnan(d))
        return "NaN";
    if (std::isinf(d))
        return d > 0 ? "Infinity" : "-Infinity";
    char buf[32];
    for (int prec = 15; prec <= 17; ++prec) {
        std::snprintf(buf, sizeof buf, "%.*g", prec, d);
        if (std::strtod(buf, nullptr) == d)
            break;
    }
    return buf;
}

void appendJsonDouble(std::string &out, double d) {
    if (std::isnan(d) || std::isinf(d)) {
        appendJsonString(out, formatDouble(d));
        return;
    }
    out += formatDouble(d);
}

bool parseInt64Text(std::string_view s, int64_t *out) {
    while (!s.empty() && s.front() == ' ')
        s.remove_prefix(1);
    while (!s.empty() && s.back() == ' ')
        s.remove_suffix(1);
    if (!s.empty() && s.front() == '+')
        s.remove_prefix(1);
    const size_t dot = s.find('.');
    if (dot != std::string_view::npos) {
        for (size_t i = dot + 1; i < s.size(); ++i)
            if (s[i] != '0')
                return false;
        s = s.substr(0, dot);
    }
    if (s.empty())
        return false;
    if (s.front() != '-') {
        uint64_t u = 0;
        auto r = std::from_chars(s.data(), s.data() + s.size(), u);
        if (r.ec != std::errc() || r.ptr != s.data() + s.size())
            return false;
        *out = int64_t(u); // fixed64 nanoseconds beyond INT64_MAX wrap like the wire does
        return true;
    }
    int64_t v = 0;
    auto r = std::from_chars(s.data(), s.data() + s.size(), v);
    if (r.ec != std::errc() || r.ptr != s.data() + s.size())
        return false;
    *out = v;
    return true;
}

bool parseDoubleText(std::string_view s, double *out) {
    if (s == "NaN" || s == "nan") {
        *out = std::nan("");
        return true;
    }
    if (s == "Infinity" || s == "+Infinity" || s == "inf") {
        *out = HUGE_VAL;
        return true;
    }
    if (s == "-Infinity" || s == "-inf") {
        *out = -HUGE_VAL;
        return true;
    }
    std::string tmp(s);
    if (tmp.empty())
        return false;
    char *end = nullptr;
    errno = 0;
    const double d = std::strtod(tmp.c_str(), &end);
    if (end != tmp.c_str() + tmp.size())
        return false;
    *out = d;
    return true;
}

bool parseSpanKindText(std::string_view s, SpanKind *out) {
    int64_t n;
    if (parseInt64Text(s, &n)) {
        if (n < 0 || n > 5)
            return false;
        *out = SpanKind(n);
        return true;
    }
    s = stripPrefixNoCase(s, "SPAN_KIND_");
    static const char *names[] = {"UNSPECIFIED", "INTERNAL", "SERVER", "CLIENT", "PRODUCER", "CONSUMER"};
    for (int i = 0; i < 6; ++i) {
        if (equalsNoCase(s, names[i])) {
            *out = SpanKind(i);
            return true;
        }
    }
    return false;
}

bool parseStatusCodeText(std::string_view s, StatusCode *out) {
    int64_t n;
    if (parseInt64Text(s, &n)) {
        if (n < 0 || n > 2)
            return false;
        *out = StatusCode(n);
        return true;
    }
    s = stripPrefixNoCase(s, "STATUS_CODE_");
    static const char *names[] = {"UNSET", "OK", "ERROR"};
    for (int i = 0; i < 3; ++i) {
        if (equalsNoCase(s, names[i])) {
            *out = StatusCode(i);
            return true;
        }
    }
    return false;
}

} // namespace spanfire
