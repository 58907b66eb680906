#include "importers/common/wirereader.h"

namespace spanfire {

#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ != __ORDER_LITTLE_ENDIAN__
#error "WireReader::fixed64/fixed32 assume a little-endian host"
#endif

uint64_t WireReader::varintSlow() {
    if (m_error)
        return 0;
    uint64_t v = 0;
    const uint8_t *start = m_p;
    for (int shift = 0; shift < 64; shift += 7) {
        if (m_p >= m_end) {
            fail("truncated varint", start);
            return 0;
        }
        const uint8_t b = *m_p++;
        v |= uint64_t(b & 0x7F) << shift;
        if (b < 0x80)
            return v;
    }
    fail("varint longer than 10 bytes", start);
    return 0;
}

void WireReader::skip(WireType type) {
    switch (type) {
    case WireType::Varint:
        varint();
        return;
    case WireType::Fixed64:
        fixed64();
        return;
    case WireType::Fixed32:
        fixed32();
        return;
    case WireType::Len: {
        const char *b = nullptr, *e = nullptr;
        bytes(b, e);
        return;
    }
    case WireType::StartGroup:
    case WireType::EndGroup:
        fail("protobuf groups are not supported (not a proto3 message?)", m_fieldStart);
        return;
    }
    fail("unknown protobuf wire type", m_fieldStart);
}

void WireReader::fail(const char *message, const uint8_t *at) {
    if (m_error)
        return;
    m_error = message;
    m_errorOffset = at ? uint64_t(at - m_base) : 0;
    m_p = m_end; // stop every loop
}

} // namespace spanfire
