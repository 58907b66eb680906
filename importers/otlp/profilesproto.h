#pragma once
// Binary OTLP profiles (profiles/v1development ExportProfilesServiceRequest or
// ProfilesData) -> OtlpProfilesRequest, by a bounds-checked wire walk.
//
// Layouts (FORMATS.md §3.2): v1.8/v1.9 and v1.10/v1.11 share every field but
// the Sample numbering (v1.8/v1.9: 2 values, 3 attribute_indices, 4
// link_index; v1.10+: 2 attribute_indices, 3 link_index, 4 values), which
// decodes "successfully" but wrongly under the neighbouring version. The
// layout is therefore sniffed over all samples from wire types before
// decoding; conflicting evidence is an error, never a guess. v1.3..v1.7
// layouts are recognised and refused ("unsupported OTLP profiles version").
// Thread affinity: none (functions over borrowed bytes).

#include "importers/otlp/profilesrequest.h"

#include <string>
#include <string_view>

namespace spanfire {

enum class OtlpProfilesLayout : uint8_t {
    Unknown,   // no sample tells (e.g. no samples): read as v1.10+
    V1_8,      // v1.8 / v1.9 Sample numbering
    V1_10,     // v1.10 / v1.11
    Older,     // v1.3 .. v1.7: refused
    Ambiguous, // contradicting evidence: refused
};
const char *otlpProfilesLayoutName(OtlpProfilesLayout layout);

struct OtlpLayoutSniff {
    OtlpProfilesLayout layout = OtlpProfilesLayout::Unknown;
    std::string why;     // human-readable evidence
    uint64_t offset = 0; // byte of the deciding field (absolute)
};

// `base` is the start of the whole input (for absolute offsets); `msg` one
// request inside it.
OtlpLayoutSniff sniffOtlpProfilesLayout(const char *base, std::string_view msg);

// Decodes one request with the given layout (V1_8 or V1_10; Unknown reads as
// V1_10). Returns false on malformed input (ctx holds file + offset).
bool readOtlpProfilesProto(ImportContext &ctx, const char *base, std::string_view msg, OtlpProfilesLayout layout,
                           OtlpProfilesRequest &out);

} // namespace spanfire
