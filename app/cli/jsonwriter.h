#pragma once
// JsonWriter: a small streaming JSON writer for spanfire-cli output.
// Strings are untrusted bytes (profile names may be invalid UTF-8): valid UTF-8
// passes through, control characters are \u-escaped, and every byte that is not
// part of a well-formed UTF-8 sequence becomes U+FFFD, so the output is always
// valid JSON and valid UTF-8. Commas are inserted automatically.
// Thread affinity: none (plain value type).

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace spanfire::cli {

class JsonWriter {
public:
    JsonWriter &beginObject();
    JsonWriter &endObject();
    JsonWriter &beginArray();
    JsonWriter &endArray();
    JsonWriter &key(std::string_view k);
    JsonWriter &value(std::string_view s);
    JsonWriter &value(const char *s) { return value(std::string_view(s)); }
    JsonWriter &value(int64_t v);
    JsonWriter &value(uint64_t v);
    JsonWriter &value(int v) { return value(static_cast<int64_t>(v)); }
    JsonWriter &value(double v);
    JsonWriter &value(bool v);
    JsonWriter &null();

    const std::string &str() const { return m_out; }

    // Appends s as a quoted, escaped JSON string to out.
    static void appendString(std::string &out, std::string_view s);

private:
    void separate();
    std::string m_out;
    std::vector<bool> m_first; // per open container: nothing written yet
    bool m_afterKey = false;
};

// Replaces invalid UTF-8 bytes by U+FFFD (for text output of untrusted names).
std::string sanitizeUtf8(std::string_view s);

} // namespace spanfire::cli
