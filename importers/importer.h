#pragma once
// The importer entry points. Importers are UI-free: bytes in, an immutable
// model out, or an error that names the file and (where known) the byte
// offset. No exception escapes this interface; no input may crash it.
//
// Thread affinity: importFile()/importBytes() run on any thread (the GUI runs
// them on a worker); progress is reported through a callback on that same
// thread, 0..1000 permille with a stage label; cancel is an atomic flag that is
// polled every few thousand records.

#include "model/profile.h"

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace spanfire {

class TraceSet; // model/spantable.h (traces issue)

struct ImportLimits {
    uint64_t maxDecompressedBytes = 16ull << 30; // 16 GiB
    uint64_t maxSamples = 2'000'000'000ull;
    uint64_t maxStringBytes = 4ull << 30;
};

struct ImportOptions {
    const std::atomic<bool> *cancel = nullptr;
    // permille 0..1000 of the current file; stage is a short English label.
    std::function<void(int permille, const char *stage)> progress;
    ImportLimits limits;
    bool applyDropFrames = true;
    // Symbolize address-only frames (module+0xoffset) of a loaded profile from
    // local ELF/DWARF files (importers/symbolize): mapping path when its build
    // id matches, else by build id under debugDirs and /usr/lib/debug.
    bool symbolize = true;
    std::vector<std::string> debugDirs;
    // Trace inputs of at least this many bytes (OTLP protobuf messages, JSON
    // lines, OTLP/JSON documents split by resourceSpans) are read as two
    // parts on two threads, and large trace sets are laid out on two; the
    // result is the same either way. UINT64_MAX keeps all of it on the
    // calling thread.
    uint64_t twoThreadsFromBytes = 8ull << 20;
};

struct ImportError {
    std::string file;
    std::string message;
    bool hasOffset = false;
    uint64_t offset = 0;
    bool cancelled = false;
    // "FILE: at byte N: message" (or "FILE: message").
    std::string toString() const;
};

struct ImportResult {
    bool ok = false;
    std::string format; // detected format, e.g. "pprof (gzip)"
    ImportError error;
    std::shared_ptr<const Profile> profile; // set when a profile was loaded
    std::shared_ptr<const TraceSet> traces; // set when traces were loaded
    std::vector<NamedCount> warnings;
};

// Detected container/format of a byte buffer (content sniffing, never names).
enum class Format {
    Unknown,
    Empty,
    Gzip,
    Zstd,
    Pprof,
    PprofLegacy,
    OtlpTracesProto,
    OtlpTracesFramed, // Collector file exporter: u32-BE length-prefixed records
    OtlpProfilesProto,
    Json,
    FoldedStacks,
};
const char *formatName(Format f);
Format sniff(std::string_view bytes);

ImportResult importFile(const std::string &path, const ImportOptions &options = {});
ImportResult importBytes(const std::string &name, std::string_view bytes, const ImportOptions &options = {});

} // namespace spanfire
