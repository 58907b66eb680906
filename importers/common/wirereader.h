#pragma once
// WireReader: a small, fast, bounds-checked protobuf wire-format reader over
// one contiguous byte range. It never reads outside [begin, end); the first
// failure latches an error message and the absolute byte offset (relative to
// the base given at construction, i.e. the start of the decoded buffer) and
// every later call returns a neutral value. Callers check ok() at record
// boundaries instead of after every read, which keeps the hot loops tight.
//
// Thread affinity: none (a value type over borrowed bytes).

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace spanfire {

enum class WireType : uint8_t { Varint = 0, Fixed64 = 1, Len = 2, StartGroup = 3, EndGroup = 4, Fixed32 = 5 };

class WireReader {
public:
    WireReader() = default;
    // base: start of the whole buffer, for absolute error offsets.
    WireReader(const char *base, const char *begin, const char *end)
        : m_base(reinterpret_cast<const uint8_t *>(base)), m_p(reinterpret_cast<const uint8_t *>(begin)),
          m_end(reinterpret_cast<const uint8_t *>(end)) {}
    explicit WireReader(std::string_view whole) : WireReader(whole.data(), whole.data(), whole.data() + whole.size()) {}
    explicit WireReader(std::string &&) = delete; // would dangle: the reader borrows its bytes

    bool ok() const { return m_error == nullptr; }
    bool atEnd() const { return m_p >= m_end; }
    const char *error() const { return m_error; }
    uint64_t errorOffset() const { return m_errorOffset; }
    uint64_t offset() const { return uint64_t(m_p - m_base); }
    const char *position() const { return reinterpret_cast<const char *>(m_p); }
    const char *base() const { return reinterpret_cast<const char *>(m_base); }

    uint64_t varint() {
        if (m_p < m_end && *m_p < 0x80)
            return *m_p++;
        if (m_end - m_p >= 10) {
            // Enough bytes for the longest varint: no bounds checks needed.
            uint64_t v = *m_p++ & 0x7F;
            for (int shift = 7; shift < 70; shift += 7) {
                const uint8_t b = *m_p++;
                v |= uint64_t(b & 0x7F) << (shift & 63);
                if (b < 0x80)
                    return v;
            }
            m_p -= 10;
        }
        return varintSlow();
    }

    // Reads a field key. Returns false at the end of the range or on error.
    bool next(uint32_t &field, WireType &type) {
        if (m_p >= m_end || m_error)
            return false;
        m_fieldStart = m_p;
        const uint64_t key = varint();
        if (m_error)
            return false;
        field = uint32_t(key >> 3);
        type = WireType(key & 7);
        if (field == 0 || (key >> 3) > 0x1FFFFFFFu) {
            fail("invalid field number 0 in protobuf field key", m_fieldStart);
            return false;
        }
        return true;
    }
    uint64_t fieldOffset() const { return uint64_t(m_fieldStart - m_base); }

    // Length-delimited payload as a sub-range (bounds-checked).
    bool bytes(const char *&begin, const char *&end) {
        const uint64_t len = varint();
        if (m_error)
            return false;
        if (len > uint64_t(m_end - m_p)) {
            fail("length-delimited field runs past the end of its message (truncated data?)", m_fieldStart);
            return false;
        }
        begin = reinterpret_cast<const char *>(m_p);
        m_p += len;
        end = reinterpret_cast<const char *>(m_p);
        return true;
    }
    std::string_view bytesView() {
        const char *b = nullptr, *e = nullptr;
        if (!bytes(b, e))
            return {};
        return std::string_view(b, size_t(e - b));
    }
    WireReader sub() {
        const char *b = nullptr, *e = nullptr;
        if (!bytes(b, e))
            return WireReader(base(), position(), position());
        return WireReader(base(), b, e);
    }

    uint64_t fixed64() {
        if (m_end - m_p < 8) {
            fail("truncated fixed64 field", m_p);
            return 0;
        }
        uint64_t v;
        std::memcpy(&v, m_p, 8);
        m_p += 8;
        return v; // little-endian hosts only (checked in wirereader.cpp)
    }
    uint32_t fixed32() {
        if (m_end - m_p < 4) {
            fail("truncated fixed32 field", m_p);
            return 0;
        }
        uint32_t v;
        std::memcpy(&v, m_p, 4);
        m_p += 4;
        return v;
    }

    // Skips a field of the given wire type (groups are rejected: proto3 data
    // never contains them).
    void skip(WireType type);

    // Marks the reader failed (keeps the first error).
    void fail(const char *message, const uint8_t *at);
    void fail(const char *message) { fail(message, m_p); }
    // Adopts the error of a sub-reader.
    void adopt(const WireReader &inner) {
        if (!inner.ok() && ok()) {
            m_error = inner.m_error;
            m_errorOffset = inner.m_errorOffset;
        }
    }

private:
    uint64_t varintSlow();

    const uint8_t *m_base = nullptr;
    const uint8_t *m_p = nullptr;
    const uint8_t *m_end = nullptr;
    const uint8_t *m_fieldStart = nullptr;
    const char *m_error = nullptr;
    uint64_t m_errorOffset = 0;
};

// Decodes the items of a repeated varint field that may be packed (LEN) or
// unpacked (VARINT); calls f(uint64_t) per item. Returns false on error (the
// reader holds the message).
template <class F> inline bool readRepeatedVarint(WireReader &r, WireType type, F &&f) {
    if (type == WireType::Varint) {
        const uint64_t v = r.varint();
        if (!r.ok())
            return false;
        f(v);
        return true;
    }
    if (type != WireType::Len) {
        r.fail("repeated integer field has an unexpected wire type");
        return false;
    }
    WireReader in = r.sub();
    while (in.ok() && !in.atEnd())
        f(in.varint());
    r.adopt(in);
    return r.ok();
}

} // namespace spanfire
