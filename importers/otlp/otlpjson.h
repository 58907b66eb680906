#pragma once
// OTLP/JSON traces reader: one TracesData / ExportTraceServiceRequest JSON
// document (already parsed by simdjson) into a TraceSetBuilder. Lenient as
// real files need (FORMATS.md §2.2): hex ids in any case or base64, int64 as
// strings or numbers, enums as numbers or names, camelCase or snake_case
// keys, the pre-v0.15 instrumentationLibrarySpans / instrumentationLibrary
// keys; unknown keys are ignored. Throws JsonSchemaError on wrong types.

#include "importers/otlp/tracejson.h"

namespace spanfire {

// True when `root` is an object with a resourceSpans (or resource_spans) key,
// or one of the query-API responses that carry the same document:
// - Grafana Tempo's /api/traces/<id>: the list is called "batches";
// - Tempo's /api/v2/traces/<id>: {"trace": {"resourceSpans": ...}, "status": ...};
// - Jaeger's /api/v3/traces/<id> (grpc-gateway): {"result": {"resourceSpans": ...}}.
bool isOtlpTracesJson(simdjson::dom::element root);
void readOtlpTracesJson(JsonTraceReader &r, simdjson::dom::element root);
// The format label of such a document: "OTLP/JSON", or which API response it
// is; nullptr when it is none of them.
const char *otlpTracesJsonLabel(simdjson::dom::element root);
// One element of a document's resourceSpans list (index `index`), read as
// readOtlpTracesJson() reads it (same JSON paths in errors): for callers that
// parse the elements of a large document one at a time.
void readOtlpResourceSpansJson(JsonTraceReader &r, simdjson::dom::element resourceSpans, int64_t index);

} // namespace spanfire
