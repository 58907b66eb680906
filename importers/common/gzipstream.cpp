#include "importers/common/gzipstream.h"

#include "importers/common/pages.h"

#include <isa-l/igzip_lib.h>

#include <algorithm>
#include <cstring>
#include <memory>
#include <sys/mman.h>

namespace spanfire {

namespace {
char *pageDown(const char *p) {
    return reinterpret_cast<char *>(uintptr_t(p) & ~uintptr_t(4095));
}
} // namespace

namespace {

// An ISA-L gzip inflater over a whole input, fed in slices (avail_in is
// 32-bit), shared by GzipStream and GzipChunks.
struct IsalGzip {
    std::unique_ptr<inflate_state> st = std::make_unique<inflate_state>();
    std::string_view in;
    size_t fed = 0;
    explicit IsalGzip(std::string_view input) : in(input) {
        isal_inflate_init(st.get());
        st->crc_flag = ISAL_GZIP; // parse the header, check CRC32 (and the size, see callers)
        feed();
    }
    // Tops up the input when the current slice is used up.
    void feed() {
        if (st->avail_in != 0 || fed == in.size()) {
            return;
        }
        const size_t n = std::min(size_t(1) << 30, in.size() - fed);
        st->next_in = reinterpret_cast<uint8_t *>(const_cast<char *>(in.data() + fed));
        st->avail_in = uint32_t(n);
        fed += n;
    }
    size_t consumed() const { return fed - st->avail_in; }
    bool allInputUsed() const { return st->avail_in == 0 && fed == in.size(); }
};

} // namespace

GzipStream::~GzipStream() {
    stop();
    join();
}

bool GzipStream::start(std::string_view in, uint64_t limit, bool releaseInput) {
    // One member: magic, deflate, and an ISIZE that deflate could produce
    // from this input (deflate cannot expand more than ~1032:1). ISIZE is the
    // size modulo 4 GiB: from a big input, where it may have wrapped, it is
    // only taken when it is not smaller than the input (a wrapped size that
    // still passes is found out when the output outgrows it: no success,
    // the ordinary gunzip takes over).
    if (in.size() < 18 || uint8_t(in[0]) != 0x1f || uint8_t(in[1]) != 0x8b || uint8_t(in[2]) != 8)
        return false;
    uint32_t isize = 0;
    std::memcpy(&isize, in.data() + in.size() - 4, 4);
    const bool plausible = uint64_t(isize) + 64 + in.size() / 512 >= in.size() &&
                           uint64_t(isize) <= uint64_t(in.size()) * 1032 && isize <= limit && isize > 0 &&
                           (in.size() < (400u << 20) || uint64_t(isize) >= in.size());
    if (!plausible || !m_out.reserve(isize))
        return false;
    m_expected = isize;
    m_thread = std::thread([this, in, releaseInput] { run(in, releaseInput); });
    return true;
}

void GzipStream::run(std::string_view in, bool releaseInput) {
    IsalGzip z(in);
    inflate_state *st = z.st.get();
    size_t produced = 0, released = 0;
    bool ok = false;
    for (;;) {
        if (m_stop.load(std::memory_order_relaxed))
            break;
        z.feed();
        const size_t room = std::min(kStep, m_expected - produced);
        const uint32_t inBefore = st->avail_in;
        st->next_out = reinterpret_cast<uint8_t *>(m_out.data() + produced);
        st->avail_out = uint32_t(room);
        const int rc = isal_inflate(st);
        produced += room - st->avail_out;
        const size_t consumed = z.consumed();
        m_consumed.store(consumed, std::memory_order_relaxed);
        {
            std::lock_guard<std::mutex> lock(m_mutex);
            m_ready.store(produced, std::memory_order_release);
        }
        m_cv.notify_all();
        if (releaseInput && consumed - released >= (32u << 20)) {
            releasePages(in.data() + released, in.data() + consumed);
            released = consumed;
        }
        if (rc != ISAL_DECOMP_OK)
            break; // corrupt data, bad checksum...: gunzip() will say what
        if (st->block_state == ISAL_BLOCK_FINISH) {
            // Exactly one member, nothing after it, and the announced size.
            ok = z.allInputUsed() && produced == m_expected;
            break;
        }
        if (st->avail_out == room && st->avail_in == inBefore && z.fed == in.size())
            break; // no progress: more output than announced, or the input ran out
    }
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_workerOk = ok;
        m_finished.store(true, std::memory_order_release);
    }
    m_cv.notify_all();
}

size_t GzipStream::waitFor(size_t want) {
    size_t ready = m_ready.load(std::memory_order_acquire);
    if (ready >= want || m_done)
        return ready;
    // The reader has caught up and would sleep: fault in the pages the
    // worker is about to write instead (the kernel zeroes them), which
    // takes ~20 % off the worker's time on a fresh buffer.
    prefault(ready + kPrefaultAhead);
    ready = m_ready.load(std::memory_order_acquire);
    if (ready >= want)
        return ready;
    std::unique_lock<std::mutex> lock(m_mutex);
    m_cv.wait(lock, [&] {
        return m_ready.load(std::memory_order_acquire) >= want || m_finished.load(std::memory_order_acquire);
    });
    return m_ready.load(std::memory_order_acquire);
}

void GzipStream::prefault(size_t upTo) {
#ifdef MADV_POPULATE_WRITE
    upTo = std::min(upTo, m_expected);
    if (!m_prefaultWorks || upTo <= m_prefaulted + (1u << 20))
        return;
    // Start past the worker's current step: it writes at most kStep bytes
    // beyond what it has published. Populating never changes page contents.
    const size_t from = std::max(m_prefaulted, m_ready.load(std::memory_order_acquire) + kStep);
    if (upTo > from && ::madvise(pageDown(m_out.data() + from),
                                 size_t(m_out.data() + upTo - pageDown(m_out.data() + from)), MADV_POPULATE_WRITE) != 0)
        m_prefaultWorks = false; // older kernel: the worker faults them in itself
    m_prefaulted = upTo;
#else
    (void)upTo;
#endif
}

void GzipStream::join() {
    if (m_thread.joinable())
        m_thread.join();
    if (m_expected > 0 && !m_done) {
        m_done = true;
        m_ok = m_workerOk;
        if (m_ok)
            m_out.setSize(m_expected);
    }
}

ByteBuffer GzipStream::takeBuffer() {
    join();
    return std::move(m_out);
}

} // namespace spanfire

namespace spanfire {

GzipChunks::~GzipChunks() {
    stop();
    join();
}

bool GzipChunks::start(std::string_view in, bool releaseInput) {
    if (in.size() < 18 || uint8_t(in[0]) != 0x1f || uint8_t(in[1]) != 0x8b || uint8_t(in[2]) != 8)
        return false;
    uint32_t isize = 0;
    std::memcpy(&isize, in.data() + in.size() - 4, 4);
    m_announced = isize;
    m_inputSize = in.size();
    m_pool.reset(new (std::nothrow) char[kChunkSize * kChunks]);
    if (!m_pool)
        return false;
    for (int i = 0; i < kChunks; ++i)
        m_free.push_back(i);
    m_thread = std::thread([this, in, releaseInput] { run(in, releaseInput); });
    return true;
}

void GzipChunks::run(std::string_view in, bool releaseInput) {
    IsalGzip z(in);
    inflate_state *st = z.st.get();
    size_t released = 0;
    uint64_t produced = 0;
    bool ok = false, done = false;
    while (!done) {
        int slot = -1;
        {
            std::unique_lock<std::mutex> lock(m_mutex);
            m_cv.wait(lock, [&] { return m_stop || !m_free.empty(); });
            if (m_stop)
                break;
            slot = m_free.back();
            m_free.pop_back();
        }
        char *out = m_pool.get() + size_t(slot) * kChunkSize;
        size_t filled = 0;
        // Fill the chunk (or end the stream).
        while (filled < kChunkSize) {
            z.feed();
            const uint32_t inBefore = st->avail_in;
            st->next_out = reinterpret_cast<uint8_t *>(out + filled);
            st->avail_out = uint32_t(kChunkSize - filled);
            const int rc = isal_inflate(st);
            const size_t got = kChunkSize - filled - st->avail_out;
            filled += got;
            if (rc != ISAL_DECOMP_OK) {
                done = true; // corrupt data, bad checksum: the ordinary gunzip says what
                break;
            }
            if (st->block_state == ISAL_BLOCK_FINISH) {
                done = true;
                ok = z.allInputUsed() && uint32_t(produced + filled) == uint32_t(m_announced);
                break;
            }
            if (got == 0 && st->avail_in == inBefore && z.fed == in.size()) {
                done = true; // input ran out inside the stream
                break;
            }
        }
        const size_t consumed = z.consumed();
        m_consumed.store(consumed, std::memory_order_relaxed);
        if (releaseInput && consumed - released >= (32u << 20)) {
            releasePages(in.data() + released, in.data() + consumed);
            released = consumed;
        }
        {
            std::lock_guard<std::mutex> lock(m_mutex);
            if (filled > 0)
                m_filled.push_back(Chunk{out, filled, produced, slot});
            else
                m_free.push_back(slot);
        }
        produced += filled;
        m_cv.notify_all();
    }
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_workerOk = ok;
        m_finished = true;
    }
    m_cv.notify_all();
}

bool GzipChunks::next(Chunk &chunk) {
    std::unique_lock<std::mutex> lock(m_mutex);
    m_cv.wait(lock, [&] { return !m_filled.empty() || m_finished || m_stop; });
    if (m_filled.empty() || m_stop)
        return false;
    chunk = m_filled.front();
    m_filled.pop_front();
    return true;
}

void GzipChunks::release(const Chunk &chunk) {
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_free.push_back(chunk.slot);
    }
    m_cv.notify_all();
}

void GzipChunks::stop() {
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_stop = true;
    }
    m_cv.notify_all();
}

void GzipChunks::join() {
    if (m_thread.joinable()) {
        m_thread.join();
        std::lock_guard<std::mutex> lock(m_mutex);
        m_ok = m_workerOk && !m_stop && m_filled.empty();
    }
}

} // namespace spanfire
