#pragma once
// OTLP traces protobuf reader: one serialized TracesData /
// ExportTraceServiceRequest (wire-identical) decoded by a bounds-checked wire
// walk (importers/common/wirereader.h) straight into a TraceSetBuilder: no
// per-message objects, no 2 GiB limit. Field numbers: FORMATS.md §2.1
// (opentelemetry-proto v1.11.0); pre-v0.15 InstrumentationLibrarySpans data
// decodes the same way. Unknown fields are skipped.
// Thread affinity: the calling thread.

#include "model/tracesetbuilder.h"

#include <functional>
#include <string>
#include <string_view>

namespace spanfire {

struct ProtoTraceError {
    std::string message;
    uint64_t offset = 0; // relative to the start of `message`
    bool cancelled = false;
};

// Returns false (with *error set) on malformed data; spans decoded before
// the error stay in the builder.
// `checkpoint` (optional) is called after each ResourceSpans with the bytes
// consumed so far; returning false cancels (error->cancelled is set).
// Messages of at least `parallelFrom` bytes are decoded as two parts (split
// at a ResourceSpans boundary past the middle, when there is one) on two
// threads; the builder ends up as one pass would leave it: the same spans,
// string ids, errors and offsets. Tests lower the threshold.
constexpr size_t kProtoParallelBytes = size_t(8) << 20;
bool readOtlpTracesProto(TraceSetBuilder &b, std::string_view message, ProtoTraceError *error,
                         const std::function<bool(uint64_t)> &checkpoint = {},
                         size_t parallelFrom = kProtoParallelBytes);

} // namespace spanfire
