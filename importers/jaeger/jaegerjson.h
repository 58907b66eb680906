#pragma once
// Jaeger JSON reader (query API / UI "Download JSON", FORMATS.md §4.1): the
// {"data": [trace...]} envelope, a bare trace object, an array of traces, or
// a bare array of spans with inline "process" objects. Times are µs; tags are
// typed; logs become events (field "event" -> name); the parent is the first
// CHILD_OF reference (else the first reference), other references become
// links. OTLP conventions are mapped back: tags span.kind, otel.status_code,
// otel.status_description, error, otel.scope.* / otel.library.*.
// Throws JsonSchemaError on wrong types.

#include "importers/otlp/tracejson.h"

namespace spanfire {

bool isJaegerJson(simdjson::dom::element root);
void readJaegerJson(JsonTraceReader &r, simdjson::dom::element root);

} // namespace spanfire
