#pragma once
// Zipkin v2 JSON reader (FORMATS.md §4.2): an array of spans or a single span
// object. 64- and 128-bit trace ids; shared client/server spans with one id
// (the server side, "shared": true, becomes the client's child); timestamps
// and durations in µs; annotations become events; tags become string
// attributes; the "error" tag marks the status as error; localEndpoint
// serviceName is the service; remoteEndpoint becomes peer.* attributes.
// Throws JsonSchemaError on wrong types.

#include "importers/otlp/tracejson.h"

namespace spanfire {

bool isZipkinJson(simdjson::dom::element root);
void readZipkinJson(JsonTraceReader &r, simdjson::dom::element root);

} // namespace spanfire
