#pragma once
// Text helpers shared by the trace readers (JSON and protobuf), so that the
// same span read from any encoding yields byte-identical interned values:
// ids (hex or base64), base64 (canonical, padded), JSON rendering of array
// and key-value-list attribute values, double formatting.
// Thread affinity: none (pure functions).

#include "model/spantable.h"

#include <cstdint>
#include <string>
#include <string_view>

namespace spanfire {

std::string base64Encode(std::string_view bytes);
// Standard or URL-safe alphabet, padding optional, whitespace not allowed.
bool base64Decode(std::string_view text, std::string *out);

// Lenient id parsing: hex (any case, "0x", left-padded when short) or base64
// of exactly 16 (trace) / 8 (span) bytes. Empty or all-zero -> false.
bool parseTraceIdText(std::string_view text, TraceId *out);
bool parseSpanIdText(std::string_view text, uint64_t *out);
// Raw protobuf id bytes (16 / 8). Wrong length or all-zero -> false.
bool traceIdFromBytes(std::string_view bytes, TraceId *out);
bool spanIdFromBytes(std::string_view bytes, uint64_t *out);

void appendJsonString(std::string &out, std::string_view s);
void appendJsonDouble(std::string &out, double d); // NaN/Infinity as quoted strings
std::string formatDouble(double d);                // shortest round-trip text

// Decimal integer text (optional sign, optionally with a ".0" fraction).
bool parseInt64Text(std::string_view s, int64_t *out);
bool parseDoubleText(std::string_view s, double *out); // also NaN, Infinity, -Infinity

// OTLP enum names or numbers ("SPAN_KIND_SERVER", "SERVER", "server", "2").
bool parseSpanKindText(std::string_view s, SpanKind *out);
bool parseStatusCodeText(std::string_view s, StatusCode *out);

} // namespace spanfire
