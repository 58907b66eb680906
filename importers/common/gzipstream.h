#pragma once
// GzipStream: decodes a one-member gzip stream on a worker thread (Intel
// ISA-L's streaming inflate, about as fast here as libdeflate's one-shot
// decode) into a buffer sized from the gzip ISIZE trailer, and publishes how
// many bytes are ready, so a parser can follow right behind it on the calling
// thread instead of waiting for the whole file (a 290 MB .pb.gz takes ~1 s to
// inflate on this machine class; the pprof scan fits in that second).
//
// It is an accelerator, not a validator: whenever the input is not exactly
// one well-formed member whose size and CRC match its trailer (several
// members, trailing bytes, corrupt data, a trailer that cannot be trusted),
// succeeded() is false and the caller decodes the input again with gunzip(),
// which reports what is wrong and where.
//
// Thread affinity: start(), waitFor(), join() and the accessors are called by
// one owner thread; the worker only writes the buffer ahead of ready().

#include "importers/common/decompress.h"

#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <mutex>
#include <string_view>
#include <thread>

namespace spanfire {

class GzipStream {
public:
    GzipStream() = default;
    GzipStream(const GzipStream &) = delete;
    GzipStream &operator=(const GzipStream &) = delete;
    ~GzipStream(); // stops the worker (if running) and joins it

    // Starts decoding `in` when it looks like one member of a plausible size
    // within `limit`; returns false (and starts nothing) otherwise.
    // `releaseInput`: the input's pages may be given back as they are read.
    bool start(std::string_view in, uint64_t limit, bool releaseInput);
    bool started() const { return m_thread.joinable() || m_done; }

    // The size the trailer announces: the buffer's size once complete.
    size_t expectedSize() const { return m_expected; }
    const char *data() const { return m_out.data(); }
    // Blocks until at least `want` bytes are ready or the worker stopped;
    // returns the number of bytes ready (reading below it is safe).
    size_t waitFor(size_t want);
    // True once the worker stopped (ready() will not grow any more).
    bool workerFinished() const { return m_finished.load(std::memory_order_acquire); }
    // Input bytes consumed so far (for progress).
    size_t inputConsumed() const { return m_consumed.load(std::memory_order_relaxed); }

    // Waits for the worker. Afterwards: whole member decoded and verified?
    void join();
    bool succeeded() const { return m_ok; }
    // Asks the worker to stop early (the result then does not succeed).
    void stop() { m_stop.store(true, std::memory_order_relaxed); }
    // The decoded bytes (after join() with succeeded()).
    ByteBuffer takeBuffer();

private:
    void run(std::string_view in, bool releaseInput);
    void prefault(size_t upTo);

    static constexpr size_t kStep = 1u << 20;           // output published per step
    static constexpr size_t kPrefaultAhead = 16u << 20; // pages faulted in ahead of the worker
    size_t m_prefaulted = 0;
    bool m_prefaultWorks = true;

    ByteBuffer m_out;
    size_t m_expected = 0;
    std::thread m_thread;
    std::mutex m_mutex;
    std::condition_variable m_cv;
    std::atomic<size_t> m_ready{0};
    std::atomic<size_t> m_consumed{0};
    std::atomic<bool> m_finished{false};
    std::atomic<bool> m_stop{false};
    bool m_done = false;
    bool m_ok = false;
    bool m_workerOk = false;
};

} // namespace spanfire
