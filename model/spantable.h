#pragma once
// TraceSet: the spans of one or more loaded trace files as an immutable,
// columnar span table (ARCHITECTURE.md "SpanTable").
//
// Layout invariants (established by TraceSetBuilder::finish()):
//  * the spans of each trace are contiguous rows, in pre-order of the span
//    tree (children ordered by start time, then span id);
//  * the descendants of row r are exactly rows [r + 1, subtreeEnd[r]);
//  * parent[r] < r for every row with a parent in the table; kNoRow otherwise
//    (roots, and orphans whose parent is missing: flagged kOrphan);
//  * children of row r are childIds[childOffsets[r] .. childOffsets[r + 1]);
//  * per-span variable-length data (attributes, events, links) is stored as
//    CSR ranges into shared arrays.
// Thread affinity: built on one thread, then shared read-only as
// std::shared_ptr<const TraceSet>.

#include "model/ids.h"
#include "model/profile.h" // NamedCount
#include "model/stringtable.h"

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace spanfire {

struct TraceId {
    std::array<uint8_t, 16> bytes{};
    bool isZero() const;
    std::string hex() const; // 32 lowercase hex digits
    bool operator==(const TraceId &o) const { return bytes == o.bytes; }
    bool operator!=(const TraceId &o) const { return bytes != o.bytes; }
    bool operator<(const TraceId &o) const { return bytes < o.bytes; }
};

// Span ids are 8 bytes, held as a big-endian uint64 (so hex() prints the
// bytes in wire order). 0 means "none".
std::string spanIdHex(uint64_t spanId); // 16 lowercase hex digits

// Parse hex ids (any case, optional "0x", shorter ids left-padded with zeros
// as old Jaeger clients write them; a 16-digit trace id fills the low 8
// bytes). Return false on non-hex input, too many digits, or an empty string.
bool parseTraceIdHex(std::string_view text, TraceId *out);
bool parseSpanIdHex(std::string_view text, uint64_t *out);

enum class SpanKind : uint8_t { Unspecified = 0, Internal = 1, Server = 2, Client = 3, Producer = 4, Consumer = 5 };
enum class StatusCode : uint8_t { Unset = 0, Ok = 1, Error = 2 };
const char *spanKindName(SpanKind k);
const char *statusCodeName(StatusCode s);

enum class AttrType : uint8_t { Empty, String, Bool, Int, Double, Bytes, Array, KvList };

// One attribute. For String/Bytes/Array/KvList the value is a StringId in the
// TraceSet's string table (bytes as base64, arrays and kvlists rendered as
// JSON text); Int holds the int64, Double the IEEE bits, Bool 0/1.
struct Attribute {
    StringId key;
    AttrType type = AttrType::Empty;
    uint64_t bits = 0;
};

struct SpanEvent {
    int64_t timeNs = 0;
    StringId name;
    uint32_t attrBegin = 0, attrEnd = 0; // range in TraceSet::attributes
};

struct SpanLink {
    TraceId traceId;
    uint64_t spanId = 0;
    StringId traceState;
    uint32_t attrBegin = 0, attrEnd = 0;
};

struct Resource {
    StringId service;                    // service.name, or "unknown_service"
    uint32_t attrBegin = 0, attrEnd = 0; // all resource attributes
};

struct Scope {
    StringId name;
    StringId version;
    uint32_t attrBegin = 0, attrEnd = 0;
};

struct TraceSummary {
    TraceId id;
    uint32_t firstRow = 0; // rows [firstRow, endRow) belong to this trace
    uint32_t endRow = 0;
    SpanRow root;        // earliest-starting root span (a true root is preferred over orphans)
    int64_t startNs = 0; // min start over spans
    int64_t endNs = 0;   // max end over spans
    uint32_t spanCount = 0;
    uint32_t errorCount = 0;
    uint32_t orphanCount = 0;
    std::vector<StringId> services; // distinct, sorted by name
    int64_t durationNs() const { return endNs - startNs; }
};

// One section of a trace's critical path: span `row` is on the path during
// [startNs, endNs) (times clipped to its ancestors, as Jaeger does).
struct CriticalPathSection {
    uint32_t row = SpanRow::kNone;
    int64_t startNs = 0;
    int64_t endNs = 0;
};

// A distinct (service, span name) pair with its number of spans.
struct Operation {
    StringId service;
    StringId name;
    uint32_t count = 0;
};

class TraceSet {
public:
    static constexpr uint32_t kNoRow = SpanRow::kNone;
    enum SpanFlag : uint8_t { kOrphan = 1, kHasRemoteParent = 2 };

    std::string sourceName; // file(s) it came from
    std::string format;
    StringTable strings;

    // Span columns, one entry per row.
    std::vector<TraceId> traceId;
    std::vector<uint64_t> spanId;
    std::vector<uint32_t> parent;       // row or kNoRow
    std::vector<uint64_t> parentSpanId; // as recorded (0 = root), even when the parent is missing
    std::vector<uint32_t> depth;        // 0 for roots/orphans
    std::vector<uint32_t> subtreeEnd;
    std::vector<StringId> name;
    std::vector<uint32_t> resource; // index into resources
    std::vector<uint32_t> scope;    // index into scopes
    std::vector<SpanKind> kind;
    std::vector<StatusCode> status;
    std::vector<StringId> statusMessage;
    std::vector<int64_t> startNs;
    std::vector<int64_t> endNs;
    std::vector<uint8_t> flags;
    std::vector<uint32_t> trace; // index into traces

    // A row's own attributes: [attrBegin, attrEnd) in attributes. The span
    // attributes are kept in the order the spans arrived (no copy into row
    // order), so the ranges of consecutive rows need not be adjacent.
    std::vector<uint32_t> attrBegin, attrEnd;
    std::vector<uint32_t> eventOffsets; // size rows + 1, into events
    std::vector<uint32_t> linkOffsets;  // size rows + 1, into links
    std::vector<uint32_t> childOffsets; // size rows + 1, into childIds
    std::vector<uint32_t> childIds;

    std::vector<Attribute> attributes;
    std::vector<SpanEvent> events;
    std::vector<SpanLink> links;
    std::vector<Resource> resources;
    std::vector<Scope> scopes;
    std::vector<TraceSummary> traces; // in order of start time

    std::vector<StringId> services;    // distinct service names, sorted
    std::vector<Operation> operations; // distinct (service, name), sorted by service then name

    std::vector<NamedCount> warnings;

    size_t spanCount() const { return spanId.size(); }
    StringId serviceOf(uint32_t row) const { return resources[resource[row]].service; }
    int64_t durationNs(uint32_t row) const { return endNs[row] - startNs[row]; }

    // (trace id, span id) -> row; kNoRow when absent.
    uint32_t find(const TraceId &trace, uint64_t span) const;
    // Any row with this span id (first by row order); kNoRow when absent.
    uint32_t findSpan(uint64_t span) const;
    // Trace index by id; -1 when absent.
    int findTrace(const TraceId &trace) const;

    // Duration of the span not covered by the union of its children's
    // intervals (children clipped to the span).
    int64_t selfTimeNs(uint32_t row) const;
    // Rows on the critical path of trace `traceIndex`, from the root down, as
    // Jaeger defines it: walk back from the end of the root, at each step
    // taking the child that finished last before the current cut-off.
    // The rows are distinct and in ascending row order (pre-order: the root
    // first); every root of the trace (orphans included) contributes, like
    // jaeger-ui does for each of its root spans.
    std::vector<uint32_t> criticalPath(uint32_t traceIndex) const;
    // The same path as time sections, in the order Jaeger finds them (from
    // the end of each root backwards).
    std::vector<CriticalPathSection> criticalPathSections(uint32_t traceIndex) const;
    // Rows of the trace's roots (parent == kNoRow), in row order.
    std::vector<uint32_t> rootsOf(uint32_t traceIndex) const;
    // Operations index of (service, name); -1 when absent.
    int findOperation(StringId service, StringId name) const;

    void addWarning(std::string_view name, uint64_t count = 1);
    // Approximate heap bytes held by the set (columns, tables, strings, indexes).
    size_t memoryBytes() const;

private:
    friend class TraceSetBuilder;
    // Open-addressing hash of span id -> row (linear probing, rows inserted
    // in ascending order so the first match is the lowest row); kNoRow = empty.
    std::vector<uint32_t> m_spanSlots;
    std::vector<std::pair<TraceId, uint32_t>> m_traceIndex; // sorted by id
    // Build m_spanSlots (from spanId) and m_traceIndex (from traces), the
    // finish() steps; they touch disjoint members and may run at once.
    void buildIndexes();
    void buildSpanIndex();
    void buildTraceIndex();
};

} // namespace spanfire
