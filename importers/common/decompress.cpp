#include "importers/common/decompress.h"

#include <libdeflate.h>
#include <zlib.h>
#include <zstd.h>

#include <algorithm>
#include <climits>
#include <cstdlib>
#include <cstring>
#include <memory>

namespace spanfire {

ByteBuffer::~ByteBuffer() {
    std::free(m_data);
}

ByteBuffer::ByteBuffer(ByteBuffer &&o) noexcept : m_data(o.m_data), m_size(o.m_size), m_capacity(o.m_capacity) {
    o.m_data = nullptr;
    o.m_size = o.m_capacity = 0;
}

ByteBuffer &ByteBuffer::operator=(ByteBuffer &&o) noexcept {
    if (this != &o) {
        std::free(m_data);
        m_data = o.m_data;
        m_size = o.m_size;
        m_capacity = o.m_capacity;
        o.m_data = nullptr;
        o.m_size = o.m_capacity = 0;
    }
    return *this;
}

bool ByteBuffer::reserve(size_t n) {
    if (n <= m_capacity)
        return true;
    void *p = std::realloc(m_data, n);
    if (!p)
        return false;
    m_data = static_cast<char *>(p);
    m_capacity = n;
    return true;
}

void ByteBuffer::clear() {
    std::free(m_data);
    m_data = nullptr;
    m_size = m_capacity = 0;
}

namespace {

constexpr size_t kInChunk = 1u << 20; // input per streaming call: keeps progress and cancel responsive

std::string limitMessage(uint64_t limit) {
    return "decompressed size exceeds limit of " + std::to_string(limit) + " bytes";
}

// Makes room for at least one more byte of output, doubling the capacity but
// never beyond limit + 1 (one byte past the limit is how overflow is seen).
bool growForOutput(ImportContext &ctx, ByteBuffer &out) {
    const uint64_t limit = ctx.limits().maxDecompressedBytes;
    if (out.size() < out.capacity())
        return true;
    if (out.size() > limit)
        return ctx.fail(limitMessage(limit));
    uint64_t want = std::max<uint64_t>(uint64_t(out.capacity()) * 2, 64 * 1024);
    want = std::min<uint64_t>(want, limit + 1);
    if (want > SIZE_MAX || !out.reserve(size_t(want)))
        return ctx.fail("out of memory while decompressing (" + std::to_string(want) + " bytes)");
    return true;
}

bool isGzipMagic(std::string_view s) {
    return s.size() >= 2 && uint8_t(s[0]) == 0x1f && uint8_t(s[1]) == 0x8b;
}

// Streams `in` through zlib, appending to out. Concatenated members are read
// one after the other.
bool gunzipStream(ImportContext &ctx, std::string_view in, size_t inBase, ByteBuffer &out) {
    z_stream zs;
    std::memset(&zs, 0, sizeof zs);
    if (inflateInit2(&zs, 16 + MAX_WBITS) != Z_OK)
        return ctx.fail("cannot initialise zlib");
    struct Guard {
        z_stream *zs;
        ~Guard() { inflateEnd(zs); }
    } guard{&zs};

    size_t pos = 0;
    size_t memberStart = 0;
    uint64_t calls = 0;
    for (;;) {
        if (!growForOutput(ctx, out))
            return false;
        const size_t inAvail = std::min(in.size() - pos, kInChunk);
        const size_t outAvail = std::min<size_t>(out.capacity() - out.size(), UINT_MAX);
        zs.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(in.data() + pos));
        zs.avail_in = uInt(inAvail);
        zs.next_out = reinterpret_cast<Bytef *>(out.data() + out.size());
        zs.avail_out = uInt(outAvail);
        const int ret = inflate(&zs, Z_NO_FLUSH);
        pos += inAvail - zs.avail_in;
        out.setSize(out.size() + (outAvail - zs.avail_out));
        if ((++calls & 15) == 0) {
            if (ctx.cancelled())
                return ctx.failCancelled();
        }
        ctx.progress(pos, in.size());
        if (ret == Z_STREAM_END) {
            if (pos >= in.size())
                break;
            const std::string_view rest = in.substr(pos);
            if (isGzipMagic(rest)) {
                memberStart = pos;
                inflateReset(&zs);
                continue;
            }
            if (rest.find_first_not_of('\0') == std::string_view::npos)
                break; // zero padding after the last member (tape/block writers)
            return ctx.failAt("unexpected bytes after the end of the gzip stream", inBase + pos);
        }
        if (ret == Z_OK)
            continue;
        if (ret == Z_BUF_ERROR) {
            if (zs.avail_out == 0 || outAvail == 0)
                continue; // needs more room
            if (pos >= in.size())
                return ctx.failAt("truncated gzip stream (the file ends inside compressed data)", inBase + pos);
            continue;
        }
        if (ret == Z_MEM_ERROR)
            return ctx.fail("out of memory in zlib");
        std::string msg = "corrupt gzip data";
        if (zs.msg)
            msg += std::string(" (") + zs.msg + ")";
        if (memberStart > 0)
            msg += " in a concatenated gzip member";
        return ctx.failAt(msg, inBase + pos);
    }
    if (out.size() > ctx.limits().maxDecompressedBytes)
        return ctx.fail(limitMessage(ctx.limits().maxDecompressedBytes));
    return true;
}

struct DeflateFree {
    void operator()(libdeflate_decompressor *d) const { libdeflate_free_decompressor(d); }
};

} // namespace

bool gunzip(ImportContext &ctx, std::string_view in, ByteBuffer &out) {
    out.setSize(0);
    const uint64_t limit = ctx.limits().maxDecompressedBytes;
    // The ISIZE trailer is the size modulo 4 GiB of the LAST member only. Use
    // it for a one-shot libdeflate decode when it is plausible: not smaller
    // than the input could inflate to, not over the limit, and an input small
    // enough that the true size cannot have wrapped past 4 GiB.
    if (in.size() >= 18 && in.size() < (400u << 20)) {
        uint32_t isize = 0;
        std::memcpy(&isize, in.data() + in.size() - 4, 4);
        // Deflate cannot expand more than ~1032:1, so a larger claim is a
        // truncated or corrupt trailer, not a size to allocate.
        const bool plausible = uint64_t(isize) + 64 + in.size() / 512 >= in.size() &&
                               uint64_t(isize) <= uint64_t(in.size()) * 1032 && isize <= limit && isize > 0;
        if (plausible && out.reserve(isize)) {
            std::unique_ptr<libdeflate_decompressor, DeflateFree> d(libdeflate_alloc_decompressor());
            size_t actualIn = 0, actualOut = 0;
            if (d &&
                libdeflate_gzip_decompress_ex(d.get(), in.data(), in.size(), out.data(), isize, &actualIn,
                                              &actualOut) == LIBDEFLATE_SUCCESS &&
                actualOut == isize) {
                out.setSize(actualOut);
                ctx.progress(actualIn, in.size());
                if (actualIn >= in.size())
                    return true;
                // More members follow: continue them with zlib, appending.
                return gunzipStream(ctx, in.substr(actualIn), actualIn, out);
            }
            // Not a single well-formed member of that size: the streaming
            // decoder finds out what is wrong and where.
            out.setSize(0);
        }
    }
    if (!out.reserve(size_t(std::min<uint64_t>(limit + 1, std::max<uint64_t>(uint64_t(in.size()) * 4, 1u << 16)))))
        return ctx.fail("out of memory while decompressing");
    return gunzipStream(ctx, in, 0, out);
}

bool unzstd(ImportContext &ctx, std::string_view in, ByteBuffer &out) {
    out.setSize(0);
    const uint64_t limit = ctx.limits().maxDecompressedBytes;
    uint64_t guess = std::max<uint64_t>(uint64_t(in.size()) * 4, 1u << 16);
    const unsigned long long frameSize = ZSTD_getFrameContentSize(in.data(), in.size());
    if (frameSize != ZSTD_CONTENTSIZE_UNKNOWN && frameSize != ZSTD_CONTENTSIZE_ERROR && frameSize > limit)
        return ctx.fail(limitMessage(limit));
    if (frameSize != ZSTD_CONTENTSIZE_UNKNOWN && frameSize != ZSTD_CONTENTSIZE_ERROR)
        // Trust the header up to a sane ratio; beyond that grow as data comes.
        guess = std::max<uint64_t>(std::min<uint64_t>(frameSize + 1, uint64_t(in.size()) * 64 + (1u << 20)), 1024);
    guess = std::min<uint64_t>(guess, limit + 1);
    if (!out.reserve(size_t(guess)))
        return ctx.fail("out of memory while decompressing");

    std::unique_ptr<ZSTD_DStream, size_t (*)(ZSTD_DStream *)> ds(ZSTD_createDStream(), ZSTD_freeDStream);
    if (!ds)
        return ctx.fail("cannot initialise zstd");
    ZSTD_initDStream(ds.get());
    ZSTD_inBuffer inb{in.data(), 0, 0};
    size_t last = 0;
    uint64_t calls = 0;
    for (;;) {
        if (!growForOutput(ctx, out))
            return false;
        inb.size = std::min(in.size(), inb.pos + kInChunk);
        ZSTD_outBuffer outb{out.data() + out.size(), out.capacity() - out.size(), 0};
        last = ZSTD_decompressStream(ds.get(), &outb, &inb);
        out.setSize(out.size() + outb.pos);
        if (ZSTD_isError(last))
            return ctx.failAt(std::string("corrupt zstd data (") + ZSTD_getErrorName(last) + ")", inb.pos);
        if ((++calls & 15) == 0 && ctx.cancelled())
            return ctx.failCancelled();
        ctx.progress(inb.pos, in.size());
        if (inb.pos >= in.size() && outb.pos < outb.size)
            break; // all input consumed and everything flushed
    }
    if (out.size() > limit)
        return ctx.fail(limitMessage(limit));
    if (last != 0)
        return ctx.failAt("truncated zstd stream (the file ends inside a compressed frame)", in.size());
    return true;
}

} // namespace spanfire
