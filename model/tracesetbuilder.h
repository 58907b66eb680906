#pragma once
// TraceSetBuilder: collects spans in any order (from several files, lines or
// records, any trace format) and finish()es them into the immutable TraceSet
// layout documented in model/spantable.h.
//
// Usage: intern strings with intern(), register resources and scopes, then
// per span beginSpan() followed by addAttribute()/addEvent()/
// addEventAttribute()/addLink()/addLinkAttribute(), which always apply to the
// span begun last (and to its last event / link).
//
// finish() rules:
//  * duplicates (same trace id, span id and `shared` flag) keep the first
//    copy and are counted in the warning "duplicate spans dropped";
//  * a Zipkin shared server span (shared == true) whose id is also used by a
//    non-shared span becomes that span's child; other children of that id
//    attach to the shared (server) side;
//  * a span whose parent is absent is kept as a root flagged kOrphan; parent
//    cycles are broken at their earliest span (also kOrphan, warned);
//  * traces are ordered by start time; spans of a trace in pre-order with
//    children ordered by (start, span id); events of a span by time.
// Complexity: O(n log n) in spans. Not thread-safe; use one builder per thread.

#include "model/spantable.h"

#include <functional>
#include <memory>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace spanfire {

// The fixed-size fields of one span handed to TraceSetBuilder::beginSpan().
struct SpanData {
    TraceId traceId;
    uint64_t spanId = 0;
    uint64_t parentSpanId = 0; // 0 = root
    StringId name{0};
    StringId statusMessage{0};
    uint32_t resource = 0; // from addResource()
    uint32_t scope = 0;    // from addScope()
    SpanKind kind = SpanKind::Unspecified;
    StatusCode status = StatusCode::Unset;
    int64_t startNs = 0;
    int64_t endNs = 0;
    uint8_t flags = 0;   // TraceSet::SpanFlag bits (kHasRemoteParent); kOrphan is computed
    bool shared = false; // Zipkin "shared": server half of a client/server span pair
};

class TraceSetBuilder {
public:
    TraceSetBuilder();
    ~TraceSetBuilder();
    TraceSetBuilder(const TraceSetBuilder &) = delete;
    TraceSetBuilder &operator=(const TraceSetBuilder &) = delete;

    StringId intern(std::string_view s);
    StringTable &strings();

    // Resources and scopes with equal content are shared (deduplicated).
    uint32_t addResource(StringId service, const Attribute *attrs, size_t count);
    uint32_t addScope(StringId name, StringId version, const Attribute *attrs, size_t count);

    // Capacity hint (e.g. estimated from the input size); optional.
    void reserve(size_t spans);

    void beginSpan(const SpanData &span);
    void addAttribute(const Attribute &a);
    void addAttributes(const Attribute *a, size_t count); // same as addAttribute() for each
    void addEvent(int64_t timeNs, StringId name);
    void addEventAttribute(const Attribute &a);
    void addLink(const TraceId &traceId, uint64_t spanId, StringId traceState);
    void addLinkAttribute(const Attribute &a);

    void addWarning(std::string_view name, uint64_t count = 1);
    // Records a source file and its format (joined into sourceName/format).
    void addSource(std::string_view name, std::string_view format);
    // Copies every span of a finished set (strings re-interned).
    void append(const TraceSet &other);
    // Moves the spans staged in `other` (a builder not yet finished, e.g. one
    // that decoded the second half of a file on another thread) behind the
    // spans staged here, with its warnings, sources and formats; `other` is
    // left empty. Strings, resources and scopes are taken over in the order
    // `other` first saw them, so the result - string ids and the attribute
    // array included - is what adding the same spans here, after the ones
    // already staged, would have given.
    void takeStaged(TraceSetBuilder &other);

    // Sets of at least this many spans finish(), and takeStaged() copies, on
    // two threads (default kParallelSpans); 0 always, SIZE_MAX never (tests
    // compare the two).
    static constexpr size_t kParallelSpans = 50000;
    void setParallelFrom(size_t spans) { m_parallelFrom = spans; }

    size_t spanCount() const { return m_spanId.size(); }
    // Approximate bytes held (for limits / progress).
    size_t bytesUsed() const;

    // Builds the set; the builder is empty (reusable) afterwards.
    // `cancelled` (optional) is polled between the steps of the layout; when
    // it returns true, finish() stops and returns null (builder emptied too).
    std::shared_ptr<const TraceSet> finish(const std::function<bool()> &cancelled = {});

private:
    void clearStaged();
    uint32_t internAttrs(const Attribute *attrs, size_t count);
    static uint64_t signature(uint32_t a, uint32_t b, const Attribute *attrs, size_t count);
    bool sameAttrs(uint32_t begin, uint32_t end, const Attribute *attrs, size_t count) const;

    // Direct-mapped cache in front of the string table: span names, attribute
    // keys and common values repeat on nearly every span.
    struct InternCacheEntry {
        const char *data = nullptr;
        size_t size = 0; // 0: empty entry (the empty string never enters)
        uint64_t head = 0, tail = 0;
        uint32_t id = 0;
    };
    static constexpr size_t kInternCacheSize = 8192;
    std::vector<InternCacheEntry> m_internCache;

    std::unique_ptr<TraceSet> m_set; // strings, resources, scopes, their attributes
    // Staged spans, one entry per beginSpan() in arrival order, as columns
    // (finish() reads a few of them per pass and gathers each into its row
    // order). Per-span ranges are CSR ends: span i owns
    // [end[i - 1], end[i]) (0 for the first span).
    std::vector<TraceId> m_traceId;
    std::vector<uint64_t> m_spanId;
    std::vector<uint64_t> m_parentSpanId;
    std::vector<StringId> m_name;
    std::vector<StringId> m_statusMessage;
    std::vector<uint32_t> m_resource;
    std::vector<uint32_t> m_scope;
    std::vector<SpanKind> m_kind;
    std::vector<StatusCode> m_status;
    std::vector<int64_t> m_startNs;
    std::vector<int64_t> m_endNs;
    std::vector<uint8_t> m_flags;
    std::vector<uint8_t> m_shared;
    std::vector<uint32_t> m_attrEnd;
    std::vector<uint32_t> m_eventEnd;
    std::vector<uint32_t> m_linkEnd;
    std::vector<Attribute> m_spanAttrs;
    std::vector<SpanEvent> m_events; // attr ranges into m_eventAttrs
    std::vector<Attribute> m_eventAttrs;
    std::vector<SpanLink> m_links; // attr ranges into m_linkAttrs
    std::vector<Attribute> m_linkAttrs;
    std::unordered_multimap<uint64_t, uint32_t> m_resourceIndex; // content hash -> resource
    std::unordered_multimap<uint64_t, uint32_t> m_scopeIndex;    // content hash -> scope
    size_t m_parallelFrom = kParallelSpans;
    std::vector<std::string> m_sources;
    std::vector<std::string> m_formats;
};

// Merges finished sets (e.g. one per loaded file) into one: spans of a trace
// spread over several files end up in one trace. Null entries are skipped.
std::shared_ptr<const TraceSet> mergeTraceSets(const std::vector<std::shared_ptr<const TraceSet>> &sets);

} // namespace spanfire
