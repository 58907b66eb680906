#pragma once
// Trace importers: OTLP traces (protobuf TracesData / ExportTraceServiceRequest,
// the Collector file exporter's u32-BE length-prefixed records with or
// without per-record zstd, whole-file zstd or gzip, OTLP/JSON as one
// document, JSON lines or an array of documents), Jaeger JSON and Zipkin v2
// JSON. The functions sniff the variant themselves.
//
// Errors name the file and, where known, the byte offset (in the file, or in
// the decompressed data when a compression layer was peeled off, which the
// message then says). Nothing throws; no input may crash.
// Thread affinity: any thread; one call works on the calling thread.

#include "importers/importer.h"
#include "model/tracesetbuilder.h"

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace spanfire {

// True when the bytes (after peeling gzip/zstd) look like trace data this
// module reads: OTLP traces JSON, Jaeger or Zipkin JSON (by their keys), or
// OTLP traces protobuf / file-exporter records. Cheap: looks at the start.
bool looksLikeTraces(std::string_view bytes);

// Imports one file's bytes into a finished TraceSet (result.traces).
ImportResult importTraceBytes(const std::string &name, std::string_view bytes, const ImportOptions &options = {});

// Adds one file's spans to `builder` (to merge several files into one set:
// call it per file, then builder.finish()). On failure returns false with
// *error set; spans read before the error remain in the builder. *format
// receives the detected format label.
bool importTracesInto(TraceSetBuilder &builder, const std::string &name, std::string_view bytes,
                      const ImportOptions &options, ImportError *error, std::string *format = nullptr);

// Reads and merges several files (spans of one trace may be spread over
// them). Fails on the first unreadable file.
ImportResult importTraceFiles(const std::vector<std::string> &paths, const ImportOptions &options = {});

} // namespace spanfire
