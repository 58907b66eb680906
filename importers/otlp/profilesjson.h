#pragma once
// OTLP/JSON profiles (FORMATS.md §3.3) -> OtlpProfilesRequest. Lenient as the
// traces reader: camelCase or snake_case keys, int64 as strings or numbers,
// hex link ids; v1.8 key names (`sample`, `line`) as well as v1.9+ ones
// (`samples`, `lines`). JSON names fields, so the v1.9/v1.10 Sample
// renumbering does not matter here; pre-v1.8 documents (location_indices,
// locationsStartIndex, repeated sampleType) are refused as unsupported.
// Thread affinity: none.

#include "importers/otlp/profilesrequest.h"

#include <simdjson.h>

namespace spanfire {

// True when `root` is an object with a resourceProfiles (resource_profiles) key.
bool isOtlpProfilesJson(simdjson::dom::element root);

// Returns false with ctx failed (message names the JSON path) on bad input.
bool readOtlpProfilesJson(ImportContext &ctx, simdjson::dom::element root, OtlpProfilesRequest &out);

} // namespace spanfire
