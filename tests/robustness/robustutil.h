#pragma once
// Helpers for the robustness tests: corpus listing, file I/O, compressors,
// a tiny protobuf encoder, and importWithBudget(), which runs one import on a
// worker thread and reports a hang instead of hanging the test suite.
// Thread affinity: call from the test thread.

#include "importers/importer.h"

#include <zlib.h>
#include <zstd.h>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <future>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace spanfire::robust {

inline std::string corpusDir() {
    const char *env = std::getenv("SPANFIRE_CORPUS");
    return env && *env ? env : SPANFIRE_CORPUS_DIR;
}

// Every file under the corpus (recursively), sorted, without SOURCES.md.
inline std::vector<std::string> corpusFiles() {
    std::vector<std::string> files;
    std::error_code ec;
    const std::string root = corpusDir();
    if (!std::filesystem::is_directory(root, ec))
        return files;
    for (auto it = std::filesystem::recursive_directory_iterator(root, ec);
         !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
        if (it->is_regular_file(ec) && it->path().filename() != "SOURCES.md")
            files.push_back(it->path().string());
    }
    std::sort(files.begin(), files.end());
    return files;
}

inline std::string readFile(const std::string &path) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw std::runtime_error("cannot read " + path);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

inline std::string gzipBytes(const std::string &in, int level = 9) {
    z_stream zs{};
    deflateInit2(&zs, level, Z_DEFLATED, 16 + MAX_WBITS, 9, Z_DEFAULT_STRATEGY);
    std::string out(deflateBound(&zs, uLong(in.size())) + 64, '\0');
    zs.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(in.data()));
    zs.avail_in = uInt(in.size());
    zs.next_out = reinterpret_cast<Bytef *>(out.data());
    zs.avail_out = uInt(out.size());
    deflate(&zs, Z_FINISH);
    out.resize(zs.total_out);
    deflateEnd(&zs);
    return out;
}

// withContentSize = false writes frames without a declared size, so the
// decoder can only find the size by decompressing.
inline std::string zstdBytes(const std::string &in, bool withContentSize) {
    std::unique_ptr<ZSTD_CCtx, size_t (*)(ZSTD_CCtx *)> cctx(ZSTD_createCCtx(), ZSTD_freeCCtx);
    ZSTD_CCtx_setParameter(cctx.get(), ZSTD_c_compressionLevel, 3);
    ZSTD_CCtx_setParameter(cctx.get(), ZSTD_c_contentSizeFlag, withContentSize ? 1 : 0);
    std::string out(ZSTD_compressBound(in.size()), '\0');
    const size_t n = ZSTD_compress2(cctx.get(), out.data(), out.size(), in.data(), in.size());
    if (ZSTD_isError(n))
        throw std::runtime_error("zstd compression failed");
    out.resize(n);
    return out;
}

// Protobuf wire encoding, enough to hand-build hostile messages.
struct Proto {
    std::string bytes;
    Proto &varint(uint64_t v) {
        while (v >= 0x80) {
            bytes.push_back(char(uint8_t(v) | 0x80));
            v >>= 7;
        }
        bytes.push_back(char(v));
        return *this;
    }
    Proto &key(uint32_t field, uint32_t wireType) { return varint((uint64_t(field) << 3) | wireType); }
    Proto &u(uint32_t field, uint64_t v) { return key(field, 0).varint(v); }
    Proto &len(uint32_t field, const std::string &payload) {
        key(field, 2).varint(payload.size());
        bytes += payload;
        return *this;
    }
    Proto &msg(uint32_t field, const Proto &m) { return len(field, m.bytes); }
    Proto &packed(uint32_t field, const std::vector<uint64_t> &vals) {
        Proto p;
        for (uint64_t v : vals)
            p.varint(v);
        return len(field, p.bytes);
    }
};

struct BudgetedResult {
    bool finished = false; // false: still running after the budget and a cancel
    double seconds = 0;
    ImportResult result;
};

// Runs importBytes on a worker thread. When it has not returned after
// `budget`, sets the cancel flag and waits 2 s more; a worker that is still
// running then is abandoned (detached, its inputs kept alive) and reported as
// a hang. `options.cancel` is replaced by the watchdog's flag.
inline BudgetedResult importWithBudget(const std::string &name, std::shared_ptr<const std::string> bytes,
                                       ImportOptions options, std::chrono::milliseconds budget) {
    auto cancel = std::make_shared<std::atomic<bool>>(false);
    options.cancel = cancel.get();
    std::packaged_task<ImportResult()> task(
        [name, bytes, options, cancel]() { return importBytes(name, *bytes, options); });
    std::future<ImportResult> fut = task.get_future();
    const auto t0 = std::chrono::steady_clock::now();
    std::thread worker(std::move(task));
    BudgetedResult out;
    if (fut.wait_for(budget) != std::future_status::ready) {
        cancel->store(true);
        if (fut.wait_for(std::chrono::seconds(2)) != std::future_status::ready) {
            worker.detach();
            out.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
            return out;
        }
    }
    worker.join();
    out.finished = true;
    out.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    out.result = fut.get();
    return out;
}

// Per-input time budget: SPANFIRE_ROBUSTNESS_BUDGET_MS, default 10 s (one
// import of a corpus-sized file takes milliseconds; sanitizer builds ~10x).
inline std::chrono::milliseconds inputBudget() {
    const char *env = std::getenv("SPANFIRE_ROBUSTNESS_BUDGET_MS");
    const long ms = env && *env ? std::atol(env) : 10000;
    return std::chrono::milliseconds(ms > 0 ? ms : 10000);
}

} // namespace spanfire::robust
