// Importer entry points: reading a file, peeling container layers and
// dispatching on the sniffed format. To add a format, add a case to
// dispatch() below.

#include "importers/importer.h"

#include "importers/common/decompress.h"
#include "importers/common/gzipstream.h"
#include "importers/common/importcontext.h"
#include "importers/common/pages.h"
#include "importers/folded/foldedimporter.h"
#include "importers/otlp/profilesimport.h"
#include "importers/otlp/traceimport.h"
#include "importers/pprof/pprofimporter.h"
#include "importers/symbolize/loadhook.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

namespace spanfire {

namespace {

constexpr int kMaxLayers = 4; // gzip inside zstd inside gzip... deeper is an attack, not a profile

ImportResult failure(const ImportContext &ctx) {
    ImportResult r;
    r.ok = false;
    r.error = ctx.error();
    return r;
}

ImportResult profileResult(ImportContext &ctx, std::shared_ptr<Profile> profile) {
    if (!profile || !symbolizeOnLoad(ctx, profile))
        return failure(ctx);
    ImportResult r;
    r.ok = true;
    r.format = profile->format;
    r.warnings = profile->warnings;
    r.profile = std::move(profile);
    return r;
}

// Decodes one uncompressed buffer of a known format.
ImportResult dispatch(ImportContext &ctx, Format format, std::string_view bytes) {
    switch (format) {
    case Format::Pprof:
        return profileResult(ctx, importPprof(ctx, bytes));
    case Format::FoldedStacks:
        return profileResult(ctx, importFolded(ctx, bytes));
    case Format::PprofLegacy:
        ctx.fail("legacy (non-protobuf) pprof format is not supported; convert it with `go tool pprof -proto`");
        return failure(ctx);
    case Format::Json: // OTLP/JSON traces, Jaeger, Zipkin (importers/otlp/traceimport.cpp)
    case Format::OtlpTracesFramed:
        if (looksLikeOtlpProfiles(bytes)) // OTLP profiles JSON / file-exporter records
            return profileResult(ctx, importOtlpProfiles(ctx, bytes));
        return importTraces(ctx, bytes);
    case Format::OtlpTracesProto:
        return importTraces(ctx, bytes);
    case Format::OtlpProfilesProto:
        return profileResult(ctx, importOtlpProfiles(ctx, bytes));
    case Format::Empty:
        ctx.fail(ctx.layers().empty() ? "empty file" : "empty after decompression");
        return failure(ctx);
    case Format::Unknown:
    case Format::Gzip:
    case Format::Zstd:
        break;
    }
    ctx.fail("unrecognized file format (not pprof, folded stacks, OTLP, Jaeger, Zipkin or JSON)");
    return failure(ctx);
}

std::string errnoText(int err) {
    return std::strerror(err);
}

} // namespace

const char *formatName(Format f) {
    switch (f) {
    case Format::Unknown:
        return "unknown";
    case Format::Empty:
        return "empty";
    case Format::Gzip:
        return "gzip";
    case Format::Zstd:
        return "zstd";
    case Format::Pprof:
        return "pprof";
    case Format::PprofLegacy:
        return "legacy pprof";
    case Format::OtlpTracesProto:
        return "OTLP traces (protobuf)";
    case Format::OtlpTracesFramed:
        return "OTLP traces (length-prefixed records)";
    case Format::OtlpProfilesProto:
        return "OTLP profiles (protobuf)";
    case Format::Json:
        return "JSON";
    case Format::FoldedStacks:
        return "folded stacks";
    }
    return "unknown";
}

std::string ImportError::toString() const {
    std::string s = file.empty() ? std::string("<input>") : file;
    s += ": ";
    if (hasOffset)
        s += "at byte " + std::to_string(offset) + ": ";
    s += message;
    return s;
}

namespace {

// Inflates a gzip layer on a worker thread (Intel ISA-L). A pprof inside is
// decoded from small chunks while the rest is still being inflated
// (importPprofChunked); anything else is inflated into one buffer. Returns
// true with `decided` when the import is done or failed (`result`), true with
// `out` filled when the caller continues with the inflated layer, false when
// the ordinary gunzip() must run (the stream is not one clean member, or the
// chunked decoder met a malformed profile: gunzip() and the ordinary decoder
// then say what is wrong and where).
bool followGzip(ImportContext &ctx, std::string_view in, bool fileBacked, ByteBuffer &out, ImportResult &result,
                bool &decided) {
    decided = false;
    const bool releaseInput = fileBacked && ctx.inputDisposable();
    {
        // A pprof is decoded from small chunks as they are inflated.
        GzipChunks chunks;
        GzipChunks::Chunk first;
        if (chunks.start(in, releaseInput) && chunks.next(first)) {
            if (sniff(std::string_view(first.data, first.size)) == Format::Pprof) {
                // A scratch context: when the chunked decoder gives up, the
                // ordinary path decodes again and reports what is wrong.
                ImportContext scratch(ctx.name(), ctx.options());
                for (const char *layer : ctx.layers())
                    scratch.pushLayer(layer);
                scratch.pushLayer("gzip");
                bool retry = true;
                std::shared_ptr<Profile> profile = importPprofChunked(scratch, chunks, first, retry);
                if (profile || !retry) {
                    ctx.pushLayer("gzip");
                    if (!profile)
                        ctx.adoptError(scratch.error());
                    result = profileResult(ctx, std::move(profile));
                    decided = true;
                    return true;
                }
                return false;
            }
            chunks.release(first);
        }
    }
    GzipStream gz;
    // The input may be given back while inflating only when it can be read
    // again (a file mapping) should gunzip() have to take over.
    if (!gz.start(in, ctx.limits().maxDecompressedBytes, releaseInput))
        return false;
    // Anything else needs the whole buffer: wait, reporting progress and
    // honouring Cancel as the ordinary gunzip does.
    for (size_t ready = 0; !gz.workerFinished();) {
        ready = gz.waitFor(ready + (4u << 20));
        if (ctx.cancelled()) {
            gz.stop();
            gz.join();
            ctx.failCancelled();
            result = failure(ctx);
            decided = true;
            return true;
        }
        ctx.progress(gz.inputConsumed(), in.size());
    }
    gz.join();
    if (!gz.succeeded())
        return false;
    out = gz.takeBuffer();
    return true;
}

// `owned`: the bytes belong to this import (importFile's private mapping) and
// may be released page by page once parsed. `fileBacked`: they are a file
// mapping, so released pages read back from the file.
ImportResult importView(const std::string &name, std::string_view bytes, const ImportOptions &options, bool owned,
                        bool fileBacked = false) {
    ImportContext ctx(name, options);
    ctx.setInputDisposable(owned);
    ctx.setInputRereadable(owned && fileBacked);
    // Peel container layers; each decompressed buffer lives until the end.
    ByteBuffer layers[kMaxLayers];
    std::string_view current = bytes;
    for (int depth = 0;; ++depth) {
        const Format f = sniff(current);
        if (f != Format::Gzip && f != Format::Zstd)
            return dispatch(ctx, f, current);
        if (depth == kMaxLayers) {
            ctx.fail("too many nested compression layers");
            return failure(ctx);
        }
        if (ctx.cancelled()) {
            ctx.failCancelled();
            return failure(ctx);
        }
        ctx.beginStage(f == Format::Gzip ? "decompressing gzip" : "decompressing zstd", depth == 0 ? 0 : 350,
                       depth == 0 ? 350 : 50);
        bool inflated = false;
        if (f == Format::Gzip) {
            ImportResult result;
            bool decided = false;
            inflated = followGzip(ctx, current, fileBacked && depth == 0, layers[depth], result, decided);
            if (decided)
                return result;
        }
        if (!inflated) {
            const bool ok =
                f == Format::Gzip ? gunzip(ctx, current, layers[depth]) : unzstd(ctx, current, layers[depth]);
            if (!ok)
                return failure(ctx);
        }
        ctx.pushLayer(formatName(f));
        if (ctx.inputDisposable())
            releasePages(current.data(), current.data() + current.size());
        ctx.setInputDisposable(true); // decompressed buffers are ours
        ctx.setInputRereadable(false);
        current = layers[depth].view();
        // The compressed input of an outer layer is no longer needed.
        if (depth > 0)
            layers[depth - 1].clear();
    }
}

} // namespace

ImportResult importBytes(const std::string &name, std::string_view bytes, const ImportOptions &options) {
    return importView(name, bytes, options, false);
}

ImportResult importFile(const std::string &path, const ImportOptions &options) {
    ImportContext ctx(path, options);
    struct stat st;
    if (::stat(path.c_str(), &st) != 0) {
        ctx.fail("cannot open: " + errnoText(errno));
        return failure(ctx);
    }
    if (!S_ISREG(st.st_mode)) {
        const char *what = S_ISDIR(st.st_mode)    ? "a directory"
                           : S_ISFIFO(st.st_mode) ? "a FIFO (named pipe)"
                           : S_ISCHR(st.st_mode)  ? "a character device"
                           : S_ISBLK(st.st_mode)  ? "a block device"
                           : S_ISSOCK(st.st_mode) ? "a socket"
                                                  : "an unsupported file type";
        ctx.fail(std::string("not a regular file: it is ") + what);
        return failure(ctx);
    }
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0) {
        ctx.fail("cannot open: " + errnoText(errno));
        return failure(ctx);
    }
    struct stat fst;
    if (::fstat(fd, &fst) != 0 || !S_ISREG(fst.st_mode)) {
        ::close(fd);
        ctx.fail("not a regular file (it changed while opening)");
        return failure(ctx);
    }
    const auto size = size_t(fst.st_size);
    if (size == 0) {
        ::close(fd);
        return importView(path, std::string_view(), options, false);
    }
    void *map = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
    if (map == MAP_FAILED) {
        // Some file systems cannot map files: read it instead.
        ByteBuffer buf;
        if (!buf.reserve(size)) {
            ::close(fd);
            ctx.fail("out of memory reading " + std::to_string(size) + " bytes");
            return failure(ctx);
        }
        size_t got = 0;
        while (got < size) {
            const ssize_t n = ::read(fd, buf.data() + got, size - got);
            if (n < 0 && errno == EINTR)
                continue;
            if (n < 0) {
                const int err = errno;
                ::close(fd);
                ctx.failAt("read error: " + errnoText(err), got);
                return failure(ctx);
            }
            if (n == 0)
                break; // shrank while reading: parse what is there
            got += size_t(n);
        }
        ::close(fd);
        buf.setSize(got);
        return importView(path, buf.view(), options, true);
    }
    ::close(fd);
    ::madvise(map, size, MADV_SEQUENTIAL);
    ImportResult r = importView(path, std::string_view(static_cast<const char *>(map), size), options, true, true);
    ::munmap(map, size);
    return r;
}

} // namespace spanfire
