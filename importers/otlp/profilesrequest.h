#pragma once
// OtlpProfilesRequest: one decoded OTLP profiles request (ExportProfilesService
// Request / ProfilesData, profiles/v1development, v1.8 .. v1.11 layouts) in a
// version-neutral, flat form. Filled by the protobuf reader
// (profilesproto.cpp) or the JSON reader (profilesjson.cpp) and turned into
// the columnar model by appendOtlpProfiles() (profilesbuild.cpp).
//
// Indexes are stored exactly as found in the input (int64, unvalidated); the
// builder checks every one against its table. Variable-length members are
// [begin, end) ranges into the shared flat vectors (`ints`, `values`,
// `timestamps`, `lines`), so a request costs a handful of allocations.
// Thread affinity: a value type used by one import thread.

#include "importers/common/importcontext.h"
#include "model/profile.h"

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace spanfire {

struct OtlpRange {
    uint32_t begin = 0, end = 0;
    uint32_t size() const { return end - begin; }
};

// An attribute value reduced to what labels can show.
struct OtlpValue {
    enum Kind : uint8_t { None, String, StringIndex, Int, Other } kind = None;
    std::string str; // String / Other (bool, double, bytes, arrays as text)
    int64_t num = 0; // Int, or the string index for StringIndex
};

struct OtlpAttr { // KeyValueAndUnit (dictionary) or KeyValue (resource, scope)
    int64_t keyIndex = 0;
    std::string key; // set for KeyValue with a literal key
    OtlpValue value;
    int64_t unitIndex = 0;
};

struct OtlpMappingRec {
    uint64_t start = 0, limit = 0, offset = 0;
    int64_t filename = 0;
    OtlpRange attrs; // into ints
};
struct OtlpLineRec {
    int64_t function = 0;
    int64_t line = 0;
};
struct OtlpLocationRec {
    int64_t mapping = 0;
    uint64_t address = 0;
    OtlpRange lines; // into lines
    OtlpRange attrs; // into ints
};
struct OtlpFunctionRec {
    int64_t name = 0, systemName = 0, filename = 0, startLine = 0;
};
struct OtlpLinkRec {
    std::array<uint8_t, 16> traceId{};
    uint64_t spanId = 0; // big-endian bytes as in spantable.h
    bool bad = false;    // wrong id lengths
};
struct OtlpSampleRec {
    int64_t stack = 0;
    int64_t link = 0;
    OtlpRange attrs;      // into ints
    OtlpRange values;     // into values
    OtlpRange timestamps; // into timestamps
    uint64_t offset = 0;  // byte offset in the input, for errors
};
struct OtlpProfileRec {
    int64_t sampleType = 0, sampleUnit = 0;
    int64_t periodType = 0, periodUnit = 0;
    int64_t period = 0;
    uint64_t timeNanos = 0, durationNanos = 0;
    OtlpRange attrs;       // into ints (Profile.attribute_indices)
    uint32_t resource = 0; // index into resources
    std::vector<OtlpSampleRec> samples;
    uint64_t offset = 0;
};

struct OtlpProfilesRequest {
    // Dictionary.
    std::vector<std::string> strings;
    std::vector<OtlpMappingRec> mappings;
    std::vector<OtlpLocationRec> locations;
    std::vector<OtlpFunctionRec> functions;
    std::vector<OtlpLinkRec> links;
    std::vector<OtlpAttr> attributes;
    std::vector<OtlpRange> stacks; // into ints, leaf first
    bool hasDictionary = false;
    // Resource (+ scope) attributes per ResourceProfiles x ScopeProfiles.
    std::vector<std::vector<OtlpAttr>> resources;
    std::vector<OtlpProfileRec> profiles;
    // Flat storage.
    std::vector<int64_t> ints;
    std::vector<int64_t> values;
    std::vector<int64_t> timestamps;
    std::vector<OtlpLineRec> lines;

    // Gives every empty dictionary table its zero entry (index 0 = none), as
    // writers that omit zero-valued data leave them out.
    void ensureZeroEntries() {
        if (strings.empty())
            strings.emplace_back();
        if (mappings.empty())
            mappings.emplace_back();
        if (locations.empty())
            locations.emplace_back();
        if (functions.empty())
            functions.emplace_back();
        if (links.empty())
            links.emplace_back();
        if (attributes.empty())
            attributes.emplace_back();
        if (stacks.empty())
            stacks.emplace_back();
    }

    OtlpRange pushInts(const std::vector<int64_t> &v) {
        OtlpRange r{uint32_t(ints.size()), 0};
        ints.insert(ints.end(), v.begin(), v.end());
        r.end = uint32_t(ints.size());
        return r;
    }
};

// Accumulates one or more requests (file-exporter records, JSON lines) into
// one model Profile. Every Profile of every request lands in the same sample
// columns: one value column per distinct (sample type, unit); a sample has
// its value in its own type's column and 0 in the others, so per-type totals
// are exact and no data is dropped. Resource, profile and sample attributes
// become labels. One model sample per timestamp (values pair up by index;
// timestamps only: each counts 1), or per value when there are no timestamps.
class OtlpProfilesAssembler {
public:
    explicit OtlpProfilesAssembler(ImportContext &ctx);
    // Validates and appends one request; false on error (ctx holds it).
    // Call req.ensureZeroEntries() first.
    bool append(const OtlpProfilesRequest &req);
    // Finishes the model; nullptr when nothing could be built.
    std::shared_ptr<Profile> finish(const std::string &format);

private:
    struct State;
    ImportContext &m_ctx;
    std::shared_ptr<Profile> m_profile;
    std::vector<uint32_t> m_sampleColumn;
    std::vector<int64_t> m_sampleValue;
    std::vector<uint64_t> m_spanIds;
    std::vector<std::array<uint8_t, 16>> m_traceIds;
    bool m_anyTime = false, m_anyLink = false;
    uint64_t m_minTime = 0, m_maxEnd = 0;
};

} // namespace spanfire
