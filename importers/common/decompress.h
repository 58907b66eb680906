#pragma once
// Decompression layers: gzip (libdeflate in one shot when the gzip ISIZE
// trailer can be trusted, zlib streaming otherwise; several concatenated
// members are read as one stream, as Go's gzip reader does) and zstd
// (streaming, several frames). Output never grows beyond
// ImportLimits::maxDecompressedBytes. Errors go to the ImportContext with the
// offset in the compressed input where the problem was found.
//
// ByteBuffer: a growable malloc'd byte buffer that, unlike std::string, does
// not zero-fill on growth (decompressed profiles are hundreds of MB).
//
// Thread affinity: none; one call decodes one buffer on the calling thread.

#include "importers/common/importcontext.h"

#include <cstddef>
#include <string_view>

namespace spanfire {

class ByteBuffer {
public:
    ByteBuffer() = default;
    ~ByteBuffer();
    ByteBuffer(const ByteBuffer &) = delete;
    ByteBuffer &operator=(const ByteBuffer &) = delete;
    ByteBuffer(ByteBuffer &&o) noexcept;
    ByteBuffer &operator=(ByteBuffer &&o) noexcept;

    // Grows capacity to at least n bytes; false when out of memory.
    bool reserve(size_t n);
    char *data() { return m_data; }
    const char *data() const { return m_data; }
    size_t size() const { return m_size; }
    size_t capacity() const { return m_capacity; }
    void setSize(size_t n) { m_size = n; }
    std::string_view view() const { return std::string_view(m_data, m_size); }
    void clear();

private:
    char *m_data = nullptr;
    size_t m_size = 0;
    size_t m_capacity = 0;
};

// Decompresses `in` (a whole gzip stream, maybe several members) into `out`.
bool gunzip(ImportContext &ctx, std::string_view in, ByteBuffer &out);
// Decompresses `in` (one or more zstd frames) into `out`.
bool unzstd(ImportContext &ctx, std::string_view in, ByteBuffer &out);

} // namespace spanfire
