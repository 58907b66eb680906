#pragma once
// GzipStream and GzipChunks: gzip inflate on a worker thread with Intel
// ISA-L's streaming decoder (about as fast here as libdeflate's one-shot
// decode, but it can hand out output as it goes).
//
// GzipStream inflates into one buffer sized from the gzip ISIZE trailer and
// publishes how many bytes are ready, so the caller can report progress and
// honour Cancel while it waits (and faults in the pages ahead of the worker
// meanwhile). GzipChunks inflates into a small pool of chunks for a parser
// that keeps only what it extracts (the pprof decoder): no buffer of the
// whole size at all.
//
// Both are accelerators, not validators: whenever the input is not exactly
// one well-formed member whose size and CRC match its trailer (several
// members, trailing bytes, corrupt data, a trailer that cannot be trusted),
// succeeded() is false and the caller decodes the input again with gunzip(),
// which reports what is wrong and where.
//
// Thread affinity: the public functions are called by one owner thread; the
// worker only writes memory the owner is not reading.

#include "importers/common/decompress.h"

#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <memory>
#include <mutex>
#include <string_view>
#include <thread>
#include <vector>

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

namespace spanfire {

// GzipChunks: the same worker-thread inflate, into a small pool of fixed-size
// chunks the reader hands back after use, for a parser that keeps only what
// it extracts: no buffer of the whole decompressed size is ever allocated
// (pages are reused, none is zeroed by the kernel twice), any size works.
// Same contract as GzipStream: succeeded() only for exactly one member whose
// CRC and size match its trailer; the caller starts over otherwise.
class GzipChunks {
public:
    struct Chunk {
        const char *data = nullptr;
        size_t size = 0;
        uint64_t offset = 0; // of data[0] in the decompressed stream
        int slot = -1;
    };
    GzipChunks() = default;
    GzipChunks(const GzipChunks &) = delete;
    GzipChunks &operator=(const GzipChunks &) = delete;
    ~GzipChunks(); // stops the worker and joins it

    bool start(std::string_view in, bool releaseInput);
    // The decompressed size the trailer announces (modulo 4 GiB), for progress.
    uint64_t announcedSize() const { return m_announced; }
    size_t inputConsumed() const { return m_consumed.load(std::memory_order_relaxed); }
    size_t inputSize() const { return m_inputSize; }
    // Blocks for the next chunk in stream order; false once the stream ended
    // (or stopped). Each chunk must be given back with release().
    bool next(Chunk &chunk);
    void release(const Chunk &chunk);
    void stop();
    void join();
    bool succeeded() const { return m_ok; }

private:
    void run(std::string_view in, bool releaseInput);

    static constexpr size_t kChunkSize = 1u << 20;
    static constexpr int kChunks = 6;
    std::unique_ptr<char[]> m_pool;
    uint64_t m_announced = 0;
    size_t m_inputSize = 0;
    std::thread m_thread;
    std::mutex m_mutex;
    std::condition_variable m_cv;
    std::vector<int> m_free;    // slots the worker may fill
    std::deque<Chunk> m_filled; // in stream order
    bool m_finished = false;    // worker done (guarded by m_mutex)
    bool m_stop = false;        // guarded by m_mutex
    bool m_workerOk = false;
    bool m_ok = false;
    std::atomic<size_t> m_consumed{0};
};

} // namespace spanfire
