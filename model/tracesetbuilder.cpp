#include "model/tracesetbuilder.h"

#include "model/parallel.h"

#include <algorithm>
#include <cstring>
#include <set>
#include <type_traits>

namespace spanfire {

namespace {
constexpr uint32_t kNone = TraceSet::kNoRow;

struct SpanKey {
    TraceId trace;
    uint64_t span;
    bool shared;
    bool operator==(const SpanKey &o) const { return span == o.span && shared == o.shared && trace == o.trace; }
};

uint64_t hashTrace(const TraceId &t) {
    uint64_t a, b;
    std::memcpy(&a, t.bytes.data(), 8);
    std::memcpy(&b, t.bytes.data() + 8, 8);
    uint64_t h = a * 0x9e3779b97f4a7c15ull ^ (b + 0x7f4a7c159e3779b9ull + (a << 6));
    h ^= h >> 29;
    return h * 0xbf58476d1ce4e5b9ull;
}

struct SpanKeyHash {
    size_t operator()(const SpanKey &k) const {
        uint64_t h = hashTrace(k.trace) + k.span * 0x9e3779b97f4a7c15ull + (k.shared ? 1 : 0);
        h ^= h >> 30;
        h *= 0xbf58476d1ce4e5b9ull;
        h ^= h >> 27;
        h *= 0x94d049bb133111ebull;
        return size_t(h ^ (h >> 31));
    }
};

struct TraceIdHash {
    size_t operator()(const TraceId &t) const { return size_t(hashTrace(t)); }
};

bool isStringValued(AttrType t) {
    return t == AttrType::String || t == AttrType::Bytes || t == AttrType::Array || t == AttrType::KvList;
}

// Ids of another table's strings interned into a builder, by their id
// there; ids outside that table map to the empty string.
struct StringRemap {
    std::vector<uint32_t> ids;
    StringId operator()(StringId id) const { return id.v < ids.size() ? StringId(ids[id.v]) : StringId(0); }
    Attribute operator()(Attribute a) const {
        a.key = (*this)(a.key);
        if (isStringValued(a.type))
            a.bits = a.bits < ids.size() ? ids[size_t(a.bits)] : 0;
        return a;
    }
};
} // namespace

TraceSetBuilder::TraceSetBuilder() : m_internCache(kInternCacheSize), m_set(std::make_unique<TraceSet>()) {
}
TraceSetBuilder::~TraceSetBuilder() = default;

StringId TraceSetBuilder::intern(std::string_view s) {
    const size_t n = s.size();
    if (n == 0)
        return StringId(0);
    // The first and last 8 bytes (all of a string of up to 16) are the key
    // of a direct-mapped cache: a hit on a short string compares three words
    // and never touches the string table.
    const char *p = s.data();
    uint64_t head, tail;
    if (n >= 8) {
        std::memcpy(&head, p, 8);
        std::memcpy(&tail, p + n - 8, 8);
    } else if (n >= 4) {
        uint32_t h4, t4;
        std::memcpy(&h4, p, 4);
        std::memcpy(&t4, p + n - 4, 4);
        head = h4;
        tail = t4;
    } else {
        head = uint64_t(uint8_t(p[0])) | uint64_t(uint8_t(p[n / 2])) << 8 | uint64_t(uint8_t(p[n - 1])) << 16;
        tail = 0;
    }
    uint64_t h = (head * 0x9e3779b97f4a7c15ull) ^ (tail * 0xc2b2ae3d27d4eb4full) ^ (n * 0x165667b19e3779f9ull);
    h ^= h >> 29;
    InternCacheEntry &e = m_internCache[(h * 0xbf58476d1ce4e5b9ull) >> 51];
    if (e.size == n && e.head == head && e.tail == tail && (n <= 16 || std::memcmp(e.data + 8, p + 8, n - 16) == 0))
        return StringId(e.id);
    const StringId id = m_set->strings.intern(s);
    e.data = m_set->strings.view(id).data();
    e.size = n;
    e.id = id.v;
    e.head = head;
    e.tail = tail;
    return id;
}
StringTable &TraceSetBuilder::strings() {
    return m_set->strings;
}

uint64_t TraceSetBuilder::signature(uint32_t a, uint32_t b, const Attribute *attrs, size_t count) {
    uint64_t h = (uint64_t(a) << 32 | b) * 0x9e3779b97f4a7c15ull;
    for (size_t i = 0; i < count; ++i) {
        h ^= (uint64_t(attrs[i].key.v) << 8 | uint64_t(attrs[i].type)) + 0x632be59bd9b4e019ull + (h << 6) + (h >> 2);
        h ^= attrs[i].bits * 0xbf58476d1ce4e5b9ull + (h << 6) + (h >> 2);
    }
    return h ^ (h >> 31);
}

bool TraceSetBuilder::sameAttrs(uint32_t begin, uint32_t end, const Attribute *attrs, size_t count) const {
    if (end - begin != count)
        return false;
    for (size_t i = 0; i < count; ++i) {
        const Attribute &x = m_set->attributes[begin + i];
        if (x.key != attrs[i].key || x.type != attrs[i].type || x.bits != attrs[i].bits)
            return false;
    }
    return true;
}

uint32_t TraceSetBuilder::internAttrs(const Attribute *attrs, size_t count) {
    const uint32_t begin = uint32_t(m_set->attributes.size());
    m_set->attributes.insert(m_set->attributes.end(), attrs, attrs + count);
    return begin;
}

uint32_t TraceSetBuilder::addResource(StringId service, const Attribute *attrs, size_t count) {
    if (!service.valid() || service.v == 0)
        service = intern("unknown_service");
    const uint64_t sig = signature(service.v, 0, attrs, count);
    auto range = m_resourceIndex.equal_range(sig);
    for (auto it = range.first; it != range.second; ++it) {
        const Resource &r = m_set->resources[it->second];
        if (r.service == service && sameAttrs(r.attrBegin, r.attrEnd, attrs, count))
            return it->second;
    }
    Resource r;
    r.service = service;
    r.attrBegin = internAttrs(attrs, count);
    r.attrEnd = uint32_t(m_set->attributes.size());
    const uint32_t index = uint32_t(m_set->resources.size());
    m_set->resources.push_back(r);
    m_resourceIndex.emplace(sig, index);
    return index;
}

uint32_t TraceSetBuilder::addScope(StringId name, StringId version, const Attribute *attrs, size_t count) {
    const uint64_t sig = signature(name.v, version.v, attrs, count);
    auto range = m_scopeIndex.equal_range(sig);
    for (auto it = range.first; it != range.second; ++it) {
        const Scope &sc = m_set->scopes[it->second];
        if (sc.name == name && sc.version == version && sameAttrs(sc.attrBegin, sc.attrEnd, attrs, count))
            return it->second;
    }
    Scope sc;
    sc.name = name;
    sc.version = version;
    sc.attrBegin = internAttrs(attrs, count);
    sc.attrEnd = uint32_t(m_set->attributes.size());
    const uint32_t index = uint32_t(m_set->scopes.size());
    m_set->scopes.push_back(sc);
    m_scopeIndex.emplace(sig, index);
    return index;
}

void TraceSetBuilder::reserve(size_t spans) {
    const size_t n = m_spanId.size() + spans;
    m_traceId.reserve(n);
    m_spanId.reserve(n);
    m_parentSpanId.reserve(n);
    m_name.reserve(n);
    m_statusMessage.reserve(n);
    m_resource.reserve(n);
    m_scope.reserve(n);
    m_kind.reserve(n);
    m_status.reserve(n);
    m_startNs.reserve(n);
    m_endNs.reserve(n);
    m_flags.reserve(n);
    m_shared.reserve(n);
    m_attrEnd.reserve(n);
    m_eventEnd.reserve(n);
    m_linkEnd.reserve(n);
    m_spanAttrs.reserve(m_spanAttrs.size() + spans * 4);
}

void TraceSetBuilder::beginSpan(const SpanData &span) {
    m_traceId.push_back(span.traceId);
    m_spanId.push_back(span.spanId);
    m_parentSpanId.push_back(span.parentSpanId);
    m_name.push_back(span.name);
    m_statusMessage.push_back(span.statusMessage);
    m_resource.push_back(span.resource);
    m_scope.push_back(span.scope);
    m_kind.push_back(span.kind);
    m_status.push_back(span.status);
    m_startNs.push_back(span.startNs);
    m_endNs.push_back(span.endNs);
    m_flags.push_back(span.flags);
    m_shared.push_back(span.shared ? 1 : 0);
    m_attrEnd.push_back(uint32_t(m_spanAttrs.size()));
    m_eventEnd.push_back(uint32_t(m_events.size()));
    m_linkEnd.push_back(uint32_t(m_links.size()));
}

void TraceSetBuilder::addAttribute(const Attribute &a) {
    if (m_attrEnd.empty())
        return;
    m_spanAttrs.push_back(a);
    m_attrEnd.back() = uint32_t(m_spanAttrs.size());
}

void TraceSetBuilder::addAttributes(const Attribute *a, size_t count) {
    if (m_attrEnd.empty() || count == 0)
        return;
    for (size_t i = 0; i < count; ++i) // a few per span: cheaper than a range insert
        m_spanAttrs.push_back(a[i]);
    m_attrEnd.back() = uint32_t(m_spanAttrs.size());
}

void TraceSetBuilder::addEvent(int64_t timeNs, StringId name) {
    if (m_eventEnd.empty())
        return;
    SpanEvent e;
    e.timeNs = timeNs;
    e.name = name;
    e.attrBegin = e.attrEnd = uint32_t(m_eventAttrs.size());
    m_events.push_back(e);
    m_eventEnd.back() = uint32_t(m_events.size());
}

void TraceSetBuilder::addEventAttribute(const Attribute &a) {
    const size_t n = m_eventEnd.size();
    if (n == 0 || m_eventEnd[n - 1] == (n > 1 ? m_eventEnd[n - 2] : 0))
        return;
    m_eventAttrs.push_back(a);
    m_events.back().attrEnd = uint32_t(m_eventAttrs.size());
}

void TraceSetBuilder::addLink(const TraceId &traceId, uint64_t spanId, StringId traceState) {
    if (m_linkEnd.empty())
        return;
    SpanLink l;
    l.traceId = traceId;
    l.spanId = spanId;
    l.traceState = traceState;
    l.attrBegin = l.attrEnd = uint32_t(m_linkAttrs.size());
    m_links.push_back(l);
    m_linkEnd.back() = uint32_t(m_links.size());
}

void TraceSetBuilder::addLinkAttribute(const Attribute &a) {
    const size_t n = m_linkEnd.size();
    if (n == 0 || m_linkEnd[n - 1] == (n > 1 ? m_linkEnd[n - 2] : 0))
        return;
    m_linkAttrs.push_back(a);
    m_links.back().attrEnd = uint32_t(m_linkAttrs.size());
}

void TraceSetBuilder::addWarning(std::string_view name, uint64_t count) {
    m_set->addWarning(name, count);
}

void TraceSetBuilder::addSource(std::string_view name, std::string_view format) {
    if (!name.empty())
        m_sources.emplace_back(name);
    if (!format.empty() && std::find(m_formats.begin(), m_formats.end(), format) == m_formats.end())
        m_formats.emplace_back(format);
}

size_t TraceSetBuilder::bytesUsed() const {
    const size_t perSpan = sizeof(TraceId) + 4 * sizeof(uint64_t) + 7 * sizeof(uint32_t) + 4;
    return m_spanId.size() * perSpan +
           (m_spanAttrs.size() + m_eventAttrs.size() + m_linkAttrs.size()) * sizeof(Attribute) +
           m_events.size() * sizeof(SpanEvent) + m_links.size() * sizeof(SpanLink) + m_set->strings.bytesUsed();
}

void TraceSetBuilder::append(const TraceSet &o) {
    // Each string of `o` is interned once (in o's table order), then ids are
    // mapped through a table: no hashing per span.
    StringRemap str;
    str.ids.resize(o.strings.size());
    for (uint32_t i = 0; i < str.ids.size(); ++i)
        str.ids[i] = intern(o.strings.view(StringId(i))).v;
    const StringRemap &remap = str;
    std::vector<Attribute> tmp;
    auto remapRange = [&](uint32_t b, uint32_t e) {
        tmp.clear();
        for (uint32_t i = b; i < e; ++i)
            tmp.push_back(remap(o.attributes[i]));
    };
    std::vector<uint32_t> resMap(o.resources.size()), scopeMap(o.scopes.size());
    for (size_t i = 0; i < o.resources.size(); ++i) {
        remapRange(o.resources[i].attrBegin, o.resources[i].attrEnd);
        resMap[i] = addResource(str(o.resources[i].service), tmp.data(), tmp.size());
    }
    for (size_t i = 0; i < o.scopes.size(); ++i) {
        const Scope &s = o.scopes[i];
        remapRange(s.attrBegin, s.attrEnd);
        scopeMap[i] = addScope(str(s.name), str(s.version), tmp.data(), tmp.size());
    }
    reserve(o.spanCount());
    for (uint32_t r = 0; r < o.spanCount(); ++r) {
        SpanData d;
        d.traceId = o.traceId[r];
        d.spanId = o.spanId[r];
        d.parentSpanId = o.parentSpanId[r];
        d.name = str(o.name[r]);
        d.statusMessage = str(o.statusMessage[r]);
        d.resource = resMap[o.resource[r]];
        d.scope = scopeMap[o.scope[r]];
        d.kind = o.kind[r];
        d.status = o.status[r];
        d.startNs = o.startNs[r];
        d.endNs = o.endNs[r];
        d.flags = uint8_t(o.flags[r] & TraceSet::kHasRemoteParent);
        // A child sharing its parent's id is the server half of a Zipkin pair.
        d.shared = o.parent[r] != kNone && o.spanId[o.parent[r]] == o.spanId[r];
        beginSpan(d);
        for (uint32_t i = o.attrBegin[r]; i < o.attrEnd[r]; ++i)
            addAttribute(remap(o.attributes[i]));
        for (uint32_t i = o.eventOffsets[r]; i < o.eventOffsets[r + 1]; ++i) {
            const SpanEvent &e = o.events[i];
            addEvent(e.timeNs, str(e.name));
            for (uint32_t k = e.attrBegin; k < e.attrEnd; ++k)
                addEventAttribute(remap(o.attributes[k]));
        }
        for (uint32_t i = o.linkOffsets[r]; i < o.linkOffsets[r + 1]; ++i) {
            const SpanLink &l = o.links[i];
            addLink(l.traceId, l.spanId, str(l.traceState));
            for (uint32_t k = l.attrBegin; k < l.attrEnd; ++k)
                addLinkAttribute(remap(o.attributes[k]));
        }
    }
    for (const NamedCount &w : o.warnings)
        addWarning(w.name, w.count);
    addSource(o.sourceName, o.format);
}

void TraceSetBuilder::takeStaged(TraceSetBuilder &o) {
    if (&o == this)
        return;
    const TraceSet &os = *o.m_set;
    // String ids of `other` in first-seen order -> ids here.
    StringRemap str;
    str.ids.resize(os.strings.size());
    for (uint32_t i = 0; i < str.ids.size(); ++i)
        str.ids[i] = intern(os.strings.view(StringId(i))).v;
    const StringRemap &remap = str;
    // Resources and scopes in the order they were created in `other` (their
    // attribute ranges follow it), so that the attribute array grows here as
    // it would have.
    std::vector<std::pair<uint32_t, uint32_t>> created; // (attrBegin, resource index | kScopeBit)
    constexpr uint32_t kScopeBit = 0x80000000u;
    for (uint32_t i = 0; i < os.resources.size(); ++i)
        created.push_back({os.resources[i].attrBegin, i});
    for (uint32_t i = 0; i < os.scopes.size(); ++i)
        created.push_back({os.scopes[i].attrBegin, i | kScopeBit});
    // At one offset, one created with no attributes came before one with some.
    auto isEmpty = [&](uint32_t c) {
        return c & kScopeBit ? os.scopes[c & ~kScopeBit].attrEnd == os.scopes[c & ~kScopeBit].attrBegin
                             : os.resources[c].attrEnd == os.resources[c].attrBegin;
    };
    std::stable_sort(created.begin(), created.end(), [&](const auto &a, const auto &b) {
        return a.first != b.first ? a.first < b.first : isEmpty(a.second) && !isEmpty(b.second);
    });
    std::vector<uint32_t> resMap(os.resources.size()), scopeMap(os.scopes.size());
    std::vector<Attribute> tmp;
    for (const auto &c : created) {
        const bool isScope = c.second & kScopeBit;
        const uint32_t i = c.second & ~kScopeBit;
        const uint32_t b = isScope ? os.scopes[i].attrBegin : os.resources[i].attrBegin;
        const uint32_t e = isScope ? os.scopes[i].attrEnd : os.resources[i].attrEnd;
        tmp.clear();
        for (uint32_t k = b; k < e && k < os.attributes.size(); ++k)
            tmp.push_back(remap(os.attributes[k]));
        if (isScope)
            scopeMap[i] = addScope(str(os.scopes[i].name), str(os.scopes[i].version), tmp.data(), tmp.size());
        else
            resMap[i] = addResource(str(os.resources[i].service), tmp.data(), tmp.size());
    }

    // The columns are copied on two threads for large sets (half the spans
    // of a big file come through here); each side frees what it has copied.
    auto release = [](auto &v) { std::decay_t<decltype(v)>().swap(v); };
    auto appendAll = [&](auto &dst, auto &src) {
        dst.insert(dst.end(), src.begin(), src.end());
        release(src);
    };
    auto appendMapped = [&](auto &dst, auto &src, const auto &f) {
        const size_t at = dst.size();
        dst.resize(at + src.size());
        for (size_t i = 0; i < src.size(); ++i)
            dst[at + i] = f(src[i]);
        release(src);
    };
    auto shifted = [](uint32_t by) { return [by](uint32_t v) { return v + by; }; };
    const uint32_t attrBase = uint32_t(m_spanAttrs.size()), eventBase = uint32_t(m_events.size()),
                   linkBase = uint32_t(m_links.size());
    const uint32_t eventAttrBase = uint32_t(m_eventAttrs.size()), linkAttrBase = uint32_t(m_linkAttrs.size());
    auto spanColumns = [&] {
        appendAll(m_traceId, o.m_traceId);
        appendAll(m_spanId, o.m_spanId);
        appendAll(m_parentSpanId, o.m_parentSpanId);
        appendMapped(m_name, o.m_name, str);
        appendMapped(m_statusMessage, o.m_statusMessage, str);
        // Out-of-range indices stay out of range (finish() maps them to the first).
        appendMapped(m_resource, o.m_resource,
                     [&](uint32_t r) { return r < resMap.size() ? resMap[r] : uint32_t(UINT32_MAX); });
        appendMapped(m_scope, o.m_scope,
                     [&](uint32_t r) { return r < scopeMap.size() ? scopeMap[r] : uint32_t(UINT32_MAX); });
        appendAll(m_kind, o.m_kind);
        appendAll(m_status, o.m_status);
        appendAll(m_startNs, o.m_startNs);
        appendAll(m_endNs, o.m_endNs);
        appendAll(m_flags, o.m_flags);
        appendAll(m_shared, o.m_shared);
        appendMapped(m_attrEnd, o.m_attrEnd, shifted(attrBase));
        appendMapped(m_eventEnd, o.m_eventEnd, shifted(eventBase));
        appendMapped(m_linkEnd, o.m_linkEnd, shifted(linkBase));
    };
    auto attributeColumns = [&] {
        appendMapped(m_spanAttrs, o.m_spanAttrs, remap);
        appendMapped(m_events, o.m_events, [&](SpanEvent e) {
            e.name = str(e.name);
            e.attrBegin += eventAttrBase;
            e.attrEnd += eventAttrBase;
            return e;
        });
        appendMapped(m_eventAttrs, o.m_eventAttrs, remap);
        appendMapped(m_links, o.m_links, [&](SpanLink l) {
            l.traceState = str(l.traceState);
            l.attrBegin += linkAttrBase;
            l.attrEnd += linkAttrBase;
            return l;
        });
        appendMapped(m_linkAttrs, o.m_linkAttrs, remap);
    };
    runBoth(o.m_spanId.size() >= m_parallelFrom, spanColumns, attributeColumns);
    for (const NamedCount &w : os.warnings)
        addWarning(w.name, w.count);
    for (const std::string &s : o.m_sources)
        m_sources.push_back(s);
    for (const std::string &f : o.m_formats)
        addSource({}, f);
    o.clearStaged();
    o.m_set = std::make_unique<TraceSet>();
    std::fill(o.m_internCache.begin(), o.m_internCache.end(), InternCacheEntry{});
}

void TraceSetBuilder::clearStaged() {
    m_spanId.clear();
    m_parentSpanId.clear();
    m_traceId.clear();
    m_name.clear();
    m_statusMessage.clear();
    m_resource.clear();
    m_scope.clear();
    m_kind.clear();
    m_status.clear();
    m_startNs.clear();
    m_endNs.clear();
    m_flags.clear();
    m_shared.clear();
    m_attrEnd.clear();
    m_eventEnd.clear();
    m_linkEnd.clear();
    m_spanAttrs.clear();
    m_events.clear();
    m_eventAttrs.clear();
    m_links.clear();
    m_linkAttrs.clear();
    m_resourceIndex.clear();
    m_scopeIndex.clear();
    m_sources.clear();
    m_formats.clear();
}

std::shared_ptr<const TraceSet> TraceSetBuilder::finish(const std::function<bool()> &cancelled) {
    std::unique_ptr<TraceSet> set = std::move(m_set);
    m_set = std::make_unique<TraceSet>();
    std::fill(m_internCache.begin(), m_internCache.end(), InternCacheEntry{});
    if (set->resources.empty()) {
        Resource r;
        r.service = set->strings.intern("unknown_service");
        set->resources.push_back(r);
    }
    if (set->scopes.empty())
        set->scopes.push_back(Scope{});
    const uint32_t n = uint32_t(m_spanId.size());
    const TraceId *tid = m_traceId.data();
    const uint64_t *sid = m_spanId.data();
    const uint64_t *pid = m_parentSpanId.data();
    const uint8_t *shr = m_shared.data();
    const int64_t *start = m_startNs.data();
    const uint32_t nRes = uint32_t(set->resources.size()), nScopes = uint32_t(set->scopes.size());
    for (uint32_t i = 0; i < n; ++i) {
        if (m_resource[i] >= nRes)
            m_resource[i] = 0;
        if (m_scope[i] >= nScopes)
            m_scope[i] = 0;
        m_flags[i] &= uint8_t(~TraceSet::kOrphan);
    }

    // 1. Deduplicate on (trace, span, shared).
    // Open-addressing index (trace, span, shared) -> first staged index. A
    // slot holds the row and 32 bits of the key's hash, so a probe reads the
    // staged columns only on a fingerprint match; inserts and lookups
    // prefetch their slot a few spans ahead (the table outgrows the caches).
    size_t cap = 16;
    while (cap < size_t(n) + n / 2)
        cap <<= 1;
    const size_t mask = cap - 1;
    constexpr uint64_t kEmpty = ~0ull;
    std::vector<uint64_t> slots;
    const SpanKeyHash hasher;
    auto hashOf = [&](const TraceId &t, uint64_t id, bool shared) { return uint64_t(hasher(SpanKey{t, id, shared})); };
    // Slot holding (t, id, shared), or the empty slot where it would go.
    auto probe = [&](uint64_t h, const TraceId &t, uint64_t id, bool shared) {
        const uint64_t fp = h >> 32;
        size_t i = h & mask;
        for (;;) {
            const uint64_t v = slots[i];
            if (v == kEmpty)
                return i;
            const uint32_t j = uint32_t(v);
            if ((v >> 32) == fp && sid[j] == id && bool(shr[j]) == shared && tid[j] == t)
                return i;
            i = (i + 1) & mask;
        }
    };
    auto lookup = [&](const TraceId &t, uint64_t id, bool shared) {
        const uint64_t v = slots[probe(hashOf(t, id, shared), t, id, shared)];
        return v == kEmpty ? kNone : uint32_t(v);
    };
    constexpr uint32_t kAhead = 16;
    std::vector<uint8_t> alive(n, 1);
    uint64_t duplicates = 0;
    std::vector<uint32_t> par(n, kNone);
    struct ParentCounts {
        uint64_t orphans = 0, selfParents = 0;
    };
    ParentCounts counts; // each thread of the run step has its own, added in after
    // Span i's parent is staged span p (kNone: missing).
    auto settle = [&](uint32_t i, uint32_t p, ParentCounts &c) {
        if (p == i) {
            ++c.selfParents;
            m_flags[i] |= TraceSet::kOrphan;
        } else if (p == kNone) {
            ++c.orphans;
            m_flags[i] |= TraceSet::kOrphan;
        } else {
            par[i] = p;
        }
    };
    bool anyShared = false;
    for (uint32_t i = 0; i < n && !anyShared; ++i)
        anyShared = shr[i];
    // Runs of consecutive spans of one trace. When every trace is one run
    // (exporters usually write a trace's spans together) and there are no
    // shared spans, duplicates and parents are all within a run: each run
    // gets a small table of its span ids (it fits the caches) and the hash
    // of all spans is not needed.
    std::vector<uint32_t> runTable;
    // Empties `table` for a run of `count` spans; returns its size in bits.
    auto runTableBuild = [](std::vector<uint32_t> &table, uint32_t count) {
        uint32_t bits = 4;
        while ((1u << bits) < 2 * count)
            ++bits;
        table.assign(size_t(1) << bits, kNone);
        return bits;
    };
    auto runSlot = [](uint64_t id, uint32_t bits) { return uint32_t((id * 0x9e3779b97f4a7c15ull) >> (64 - bits)); };
    // Row of the run's (alive) span with id `want`, kNone if none.
    auto runFind = [&](const std::vector<uint32_t> &table, uint64_t want, uint32_t bits) {
        const uint32_t tmask = (1u << bits) - 1;
        for (uint32_t k = runSlot(want, bits); table[k] != kNone; k = (k + 1) & tmask)
            if (sid[table[k]] == want)
                return table[k];
        return kNone;
    };
    bool oneRunPerTrace = !anyShared;
    std::vector<uint32_t> runStart; // when oneRunPerTrace: first span of each run, then n
    if (oneRunPerTrace) {
        for (uint32_t i = 0; i < n; ++i)
            if (i == 0 || !(tid[i] == tid[i - 1]))
                runStart.push_back(i);
        const uint32_t runs = uint32_t(runStart.size());
        runStart.push_back(n);
        size_t tcap = 16;
        while (tcap < 2 * size_t(runs))
            tcap <<= 1;
        std::vector<uint32_t> seen(tcap, kNone); // trace id -> first span of its run
        for (uint32_t run = 0; run < runs && oneRunPerTrace; ++run) {
            const uint32_t i = runStart[run];
            for (size_t k = hasher(SpanKey{tid[i], 0, false}) & (tcap - 1);; k = (k + 1) & (tcap - 1)) {
                if (seen[k] == kNone) {
                    seen[k] = i;
                    break;
                }
                if (tid[seen[k]] == tid[i]) {
                    oneRunPerTrace = false;
                    break;
                }
            }
        }
    }
    std::vector<uint64_t> hashes; // (trace, span, shared) hashes; later the spanId column
    // Trace of each alive span (index into tIds), trace ids and start times.
    std::vector<uint32_t> tix;
    std::vector<TraceId> tIds;
    std::vector<int64_t> tStart;
    uint32_t midRun = 0; // when oneRunPerTrace: the first run of the second half
    if (oneRunPerTrace) {
        // Runs are independent: on large sets the runs of the first half of
        // the spans and those of the rest are resolved on two threads.
        struct RunCounts {
            uint64_t duplicates = 0;
            ParentCounts parents;
        };
        // Each run is one trace, numbered in arrival order (as the hash of
        // trace ids below would number them).
        const uint32_t runs = uint32_t(runStart.size() - 1);
        tix.assign(n, kNone);
        tIds.resize(runs);
        tStart.resize(runs);
        auto resolveRuns = [&](uint32_t r0, uint32_t r1, RunCounts &c) {
            std::vector<uint32_t> table;
            for (uint32_t run = r0; run < r1; ++run) {
                const uint32_t a = runStart[run], e = runStart[run + 1];
                const uint32_t bits = runTableBuild(table, e - a), tmask = (1u << bits) - 1;
                for (uint32_t i = a; i < e; ++i) {
                    uint32_t k = runSlot(sid[i], bits);
                    while (table[k] != kNone && sid[table[k]] != sid[i])
                        k = (k + 1) & tmask;
                    if (table[k] != kNone) {
                        alive[i] = 0; // the first copy is kept
                        ++c.duplicates;
                    } else {
                        table[k] = i;
                    }
                }
                tIds[run] = tid[a];
                int64_t first = start[a]; // the first span of a run is never a duplicate
                for (uint32_t i = a; i < e; ++i) {
                    if (!alive[i])
                        continue;
                    tix[i] = run;
                    first = std::min(first, start[i]);
                    if (pid[i] != 0)
                        settle(i, runFind(table, pid[i], bits), c.parents); // the trace has no other spans
                }
                tStart[run] = first;
            }
        };
        // The halves: the runs before the one holding the middle span, and the rest.
        midRun = uint32_t(std::upper_bound(runStart.begin(), runStart.end() - 1, n / 2) - runStart.begin()) - 1;
        if (midRun > runs)
            midRun = 0;
        RunCounts first, second;
        runBoth(
            n >= m_parallelFrom, [&] { resolveRuns(0, midRun, first); }, [&] { resolveRuns(midRun, runs, second); });
        duplicates += first.duplicates + second.duplicates;
        counts.orphans += first.parents.orphans + second.parents.orphans;
        counts.selfParents += first.parents.selfParents + second.parents.selfParents;
    } else {
        slots.assign(cap, kEmpty);
        hashes.resize(n);
        for (uint32_t i = 0; i < n; ++i)
            hashes[i] = hashOf(tid[i], sid[i], shr[i]);
        for (uint32_t i = 0; i < n; ++i) {
            if (i + kAhead < n)
                __builtin_prefetch(&slots[hashes[i + kAhead] & mask], 1);
            const size_t slot = probe(hashes[i], tid[i], sid[i], shr[i]);
            if (slots[slot] != kEmpty) {
                alive[i] = 0;
                ++duplicates;
            } else {
                slots[slot] = (hashes[i] >> 32) << 32 | i;
            }
        }
    }
    if (duplicates)
        set->addWarning("duplicate spans dropped", duplicates);

    auto stop = [&]() {
        if (!cancelled || !cancelled())
            return false;
        clearStaged();
        return true;
    };
    if (stop())
        return nullptr;

    // 2. Resolve parents.
    if (oneRunPerTrace) {
        // Done with the duplicates above.
    } else if (!anyShared) {
        // Exporters write a trace's spans close together. In a run of at
        // least kRun consecutive spans of one trace, the parent is looked up
        // in a small table of the run's alive span ids (it fits the caches);
        // elsewhere among the neighbours (a sequential scan of the compact
        // span id column). The rest go through the hash, in a batch so that
        // the probes can be prefetched. At most one alive span of a trace has
        // a given id, so each way finds the same span the hash holds.
        constexpr uint32_t kWindow = 32, kRun = 8;
        std::vector<uint32_t> pending;
        auto windowSearch = [&](uint32_t i, uint64_t want) {
            // Nearest first, before and after.
            const uint32_t back = std::min(i, kWindow), ahead = std::min(n - 1 - i, kWindow);
            for (uint32_t d = 1; d <= std::max(back, ahead); ++d) {
                if (d <= back && sid[i - d] == want && alive[i - d] && tid[i - d] == tid[i])
                    return i - d;
                if (d <= ahead && sid[i + d] == want && alive[i + d] && tid[i + d] == tid[i])
                    return i + d;
            }
            return kNone;
        };
        for (uint32_t a = 0; a < n;) {
            uint32_t e = a + 1;
            while (e < n && tid[e] == tid[a])
                ++e;
            if (e - a >= kRun) {
                const uint32_t bits = runTableBuild(runTable, e - a), tmask = (1u << bits) - 1;
                for (uint32_t i = a; i < e; ++i) {
                    if (!alive[i])
                        continue;
                    uint32_t k = runSlot(sid[i], bits);
                    while (runTable[k] != kNone)
                        k = (k + 1) & tmask;
                    runTable[k] = i;
                }
                for (uint32_t i = a; i < e; ++i) {
                    if (!alive[i] || pid[i] == 0)
                        continue;
                    const uint32_t p = runFind(runTable, pid[i], bits);
                    if (p != kNone && p != i)
                        par[i] = p;
                    else
                        pending.push_back(i);
                }
            } else {
                for (uint32_t i = a; i < e; ++i) {
                    const uint64_t want = pid[i];
                    if (!alive[i] || want == 0)
                        continue;
                    const uint32_t p = windowSearch(i, want);
                    if (p != kNone)
                        par[i] = p;
                    else
                        pending.push_back(i);
                }
            }
            a = e;
        }
        const uint32_t np = uint32_t(pending.size());
        for (uint32_t k = 0; k < np; ++k)
            hashes[k] = hashOf(tid[pending[k]], pid[pending[k]], false);
        for (uint32_t k = 0; k < np; ++k) {
            if (k + kAhead < np)
                __builtin_prefetch(&slots[hashes[k + kAhead] & mask]);
            const uint32_t i = pending[k];
            const uint64_t v = slots[probe(hashes[k], tid[i], pid[i], false)];
            settle(i, v == kEmpty ? kNone : uint32_t(v), counts);
        }
    } else {
        for (uint32_t i = 0; i < n; ++i) {
            if (!alive[i])
                continue;
            if (shr[i]) {
                const uint32_t client = lookup(tid[i], sid[i], false);
                if (client != kNone) {
                    par[i] = client;
                    continue;
                }
            }
            if (pid[i] == 0)
                continue;
            uint32_t p = lookup(tid[i], pid[i], true); // prefer the server side of a shared pair
            if (p == kNone || p == i)
                p = lookup(tid[i], pid[i], false);
            settle(i, p, counts);
        }
    }
    // `hashes` (n entries, already faulted in; only when the hash of all
    // spans was built) becomes the spanId column.
    std::vector<uint64_t>().swap(slots);
    std::vector<uint32_t>().swap(runTable);

    if (stop())
        return nullptr;

    // 3. Traces: index, start time, members.
    std::unordered_map<TraceId, uint32_t, TraceIdHash> traceOf;
    if (!oneRunPerTrace)
        tix.assign(n, kNone);
    uint32_t lastTrace = kNone;
    for (uint32_t i = 0; i < n && !oneRunPerTrace; ++i) {
        if (!alive[i])
            continue;
        // Spans usually arrive grouped by trace: skip the hash lookup then.
        if (lastTrace == kNone || tIds[lastTrace] != tid[i]) {
            auto ins = traceOf.emplace(tid[i], uint32_t(tIds.size()));
            if (ins.second) {
                tIds.push_back(tid[i]);
                tStart.push_back(start[i]);
            }
            lastTrace = ins.first->second;
        }
        tix[i] = lastTrace;
        tStart[lastTrace] = std::min(tStart[lastTrace], start[i]);
    }
    const uint32_t nt = uint32_t(tIds.size());
    std::vector<uint32_t> traceOrder(nt);
    for (uint32_t t = 0; t < nt; ++t)
        traceOrder[t] = t;
    std::sort(traceOrder.begin(), traceOrder.end(), [&](uint32_t a, uint32_t b) {
        return tStart[a] != tStart[b] ? tStart[a] < tStart[b] : tIds[a] < tIds[b];
    });
    auto spanLess = [&](uint32_t a, uint32_t b) {
        if (start[a] != start[b])
            return start[a] < start[b];
        if (sid[a] != sid[b])
            return sid[a] < sid[b];
        return shr[a] < shr[b];
    };
    // Members per trace and children per span as CSR over staged indices.
    // When every trace is one run, a span, its parent and its trace lie in
    // the same half of the runs: counting, filling and sorting then go over
    // the two halves at once on large sets.
    const uint32_t cut = oneRunPerTrace ? runStart[midRun] : n;
    const bool split = oneRunPerTrace && n >= m_parallelFrom;
    auto halves = [&](auto &&work) {
        runBoth(
            split, [&] { work(0, cut); }, [&] { work(cut, n); });
    };
    std::vector<uint32_t> memOff(nt + 1, 0), childOff(n + 1, 0);
    halves([&](uint32_t from, uint32_t to) {
        for (uint32_t i = from; i < to; ++i) {
            if (!alive[i])
                continue;
            ++memOff[tix[i] + 1];
            if (par[i] != kNone)
                ++childOff[par[i] + 1];
        }
    });
    for (uint32_t t = 0; t < nt; ++t)
        memOff[t + 1] += memOff[t];
    for (uint32_t i = 0; i < n; ++i)
        childOff[i + 1] += childOff[i];
    std::vector<uint32_t> members(memOff[nt]), children(childOff[n]);
    {
        std::vector<uint32_t> mpos(memOff.begin(), memOff.end() - 1);
        // childOff[p] serves as the fill position of p; shifted back below.
        halves([&](uint32_t from, uint32_t to) {
            for (uint32_t i = from; i < to; ++i) {
                if (!alive[i])
                    continue;
                members[mpos[tix[i]]++] = i;
                if (par[i] != kNone)
                    children[childOff[par[i]]++] = i;
            }
        });
        for (uint32_t i = n; i > 0; --i)
            childOff[i] = childOff[i - 1];
        childOff[0] = 0;
    }
    auto sortChildren = [&](uint32_t from, uint32_t to) {
        for (uint32_t i = from; i < to; ++i)
            if (childOff[i + 1] - childOff[i] > 1)
                std::sort(children.begin() + childOff[i], children.begin() + childOff[i + 1], spanLess);
    };
    runBoth(
        n >= m_parallelFrom, [&] { sortChildren(0, n / 2); }, [&] { sortChildren(n / 2, n); });

    if (stop())
        return nullptr;

    // 4. Pre-order DFS per trace.
    const uint32_t rows = memOff[nt];
    TraceSet &s = *set;
    std::vector<uint32_t> order(rows);
    s.parent.swap(tix); // reuses the buffer (n >= rows entries, already faulted in)
    s.parent.resize(rows);
    s.depth.resize(rows);
    s.subtreeEnd.resize(rows);
    std::vector<uint8_t> visited(n, 0);
    // Every member of a trace is emitted once (cycles included), and nothing
    // links traces: each trace's rows are known before the walk, so on large
    // sets the traces of the first half of the rows and the rest are walked
    // on two threads.
    std::vector<uint32_t> traceFirst(nt), traceEnd(nt);
    {
        uint32_t next = 0;
        for (uint32_t k = 0; k < nt; ++k) {
            const uint32_t t = traceOrder[k];
            traceFirst[k] = next;
            next += memOff[t + 1] - memOff[t];
            traceEnd[k] = next;
        }
    }
    struct Frame {
        uint32_t node, row, next;
    };
    auto walkTraces = [&](uint32_t k0, uint32_t k1, uint64_t &cycles) {
        std::vector<Frame> stack;
        std::vector<uint32_t> roots;
        uint32_t emitted = k0 < nt ? traceFirst[k0] : rows;
        auto dfs = [&](uint32_t root) {
            auto emit = [&](uint32_t node, uint32_t prow, uint32_t depth) {
                const uint32_t row = emitted++;
                order[row] = node;
                s.parent[row] = prow;
                s.depth[row] = depth;
                visited[node] = 1;
                stack.push_back({node, row, childOff[node]});
            };
            emit(root, kNone, 0);
            while (!stack.empty()) {
                Frame &f = stack.back();
                if (f.next < childOff[f.node + 1]) {
                    const uint32_t c = children[f.next++];
                    if (!visited[c])
                        emit(c, f.row, s.depth[f.row] + 1);
                    continue;
                }
                s.subtreeEnd[f.row] = emitted;
                stack.pop_back();
            }
        };
        for (uint32_t k = k0; k < k1; ++k) {
            const uint32_t t = traceOrder[k];
            roots.clear();
            for (uint32_t m = memOff[t]; m < memOff[t + 1]; ++m)
                if (par[members[m]] == kNone)
                    roots.push_back(members[m]);
            std::sort(roots.begin(), roots.end(), spanLess);
            for (uint32_t r : roots)
                dfs(r);
            if (emitted < traceEnd[k]) {
                // Parent cycles: break each at its earliest span.
                roots.clear();
                for (uint32_t m = memOff[t]; m < memOff[t + 1]; ++m)
                    if (!visited[members[m]])
                        roots.push_back(members[m]);
                std::sort(roots.begin(), roots.end(), spanLess);
                for (uint32_t r : roots) {
                    if (visited[r])
                        continue;
                    ++cycles;
                    m_flags[r] |= TraceSet::kOrphan;
                    dfs(r);
                }
            }
        }
    };
    uint32_t kMid = 0;
    while (kMid < nt && traceEnd[kMid] <= rows / 2)
        ++kMid;
    uint64_t cycles = 0, cyclesSecond = 0;
    runBoth(
        rows >= m_parallelFrom, [&] { walkTraces(0, kMid, cycles); }, [&] { walkTraces(kMid, nt, cyclesSecond); });
    cycles += cyclesSecond;
    if (counts.orphans)
        set->addWarning("spans whose parent is missing (orphans)", counts.orphans);
    if (counts.selfParents)
        set->addWarning("spans that are their own parent", counts.selfParents);
    if (cycles)
        set->addWarning("span parent cycles broken", cycles);
    std::vector<uint32_t>().swap(children);
    std::vector<uint8_t>().swap(visited);
    std::vector<uint8_t>().swap(alive);

    if (stop())
        return nullptr;

    // 5. Columns in row order: each staged column gathered through `order`
    // (pre-order follows arrival order closely, so the reads stay local).
    // Where a temporary of the same element type and at least `rows` entries
    // is free, its (already faulted-in) buffer takes the column.
    auto reuse = [&](auto &dst, auto &spare) {
        if (spare.capacity() >= rows)
            dst.swap(spare);
        std::decay_t<decltype(spare)>().swap(spare);
    };
    reuse(s.spanId, hashes);
    reuse(s.resource, par);
    reuse(s.scope, members);
    reuse(s.trace, childOff);
    auto gather = [&](auto &dst, auto &src) {
        dst.resize(rows);
        for (uint32_t r = 0; r < rows; ++r)
            dst[r] = src[order[r]];
        std::decay_t<decltype(src)>().swap(src);
    };
    // Span attributes are not copied into row order: the staged array, in
    // arrival order, becomes the front of the model's attribute array (rows
    // get [attrBegin, attrEnd) ranges into it), followed by the resource and
    // scope attributes, whose ranges shift by its size here, and then the
    // event and link attributes.
    const uint32_t spanAttrTotal = uint32_t(m_spanAttrs.size());
    for (Resource &r : s.resources) {
        r.attrBegin += spanAttrTotal;
        r.attrEnd += spanAttrTotal;
    }
    for (Scope &sc : s.scopes) {
        sc.attrBegin += spanAttrTotal;
        sc.attrEnd += spanAttrTotal;
    }
    // The rest splits into two halves with disjoint outputs, run at once on
    // large sets: the span ids and their index, the children, the attribute
    // ranges, events and links in row order on one side; the other columns,
    // summaries, services and operations on the other. Both read `order` and the
    // staged columns each gathers; neither interns.
    auto spanSide = [&] {
        gather(s.spanId, m_spanId);
        s.buildSpanIndex();

        // Children CSR: in pre-order, a row's children appear in ascending row
        // order. Counted at [parent + 2] so that after the prefix sum
        // childOffsets[p + 1] is p's fill position, which ends as p + 1's start.
        s.childOffsets.assign(size_t(rows) + 2, 0);
        for (uint32_t r = 0; r < rows; ++r)
            if (s.parent[r] != kNone)
                ++s.childOffsets[s.parent[r] + 2];
        for (uint32_t r = 0; r < rows; ++r)
            s.childOffsets[r + 2] += s.childOffsets[r + 1];
        s.childIds.resize(s.childOffsets[rows + 1]);
        for (uint32_t r = 0; r < rows; ++r)
            if (s.parent[r] != kNone)
                s.childIds[s.childOffsets[s.parent[r] + 1]++] = r;
        s.childOffsets.resize(size_t(rows) + 1);

        // Span attributes stay where they arrived (see above): each row
        // gets its range; the resource and scope attributes follow them.
        auto beginOf = [](const std::vector<uint32_t> &ends, uint32_t i) { return i ? ends[i - 1] : 0u; };
        s.attrBegin.resize(rows);
        s.attrEnd.resize(rows);
        for (uint32_t r = 0; r < rows; ++r) {
            const uint32_t i = order[r];
            s.attrBegin[r] = beginOf(m_attrEnd, i);
            s.attrEnd[r] = m_attrEnd[i];
        }
        {
            std::vector<Attribute> head; // resource and scope attributes
            head.swap(s.attributes);
            s.attributes.swap(m_spanAttrs);
            size_t extra = head.size();
            for (const SpanEvent &e : m_events)
                extra += e.attrEnd - e.attrBegin;
            for (const SpanLink &l : m_links)
                extra += l.attrEnd - l.attrBegin;
            if (s.attributes.capacity() < s.attributes.size() + extra)
                s.attributes.reserve(s.attributes.size() + extra);
            s.attributes.insert(s.attributes.end(), head.begin(), head.end());
        }
        s.eventOffsets.resize(rows + 1);
        s.linkOffsets.resize(rows + 1);
        s.events.reserve(m_events.size());
        s.links.reserve(m_links.size());
        if (m_events.empty() && m_links.empty()) {
            std::fill(s.eventOffsets.begin(), s.eventOffsets.end(), 0u);
            std::fill(s.linkOffsets.begin(), s.linkOffsets.end(), 0u);
        } else {
            std::vector<SpanEvent> evs;
            // An event or link with its attributes appended to the model's
            // array (its range rewritten to point there).
            auto withAttrs = [&](auto item, const std::vector<Attribute> &from) {
                const uint32_t b = uint32_t(s.attributes.size());
                s.attributes.insert(s.attributes.end(), from.begin() + item.attrBegin, from.begin() + item.attrEnd);
                item.attrBegin = b;
                item.attrEnd = uint32_t(s.attributes.size());
                return item;
            };
            for (uint32_t r = 0; r < rows; ++r) {
                const uint32_t i = order[r];
                s.eventOffsets[r] = uint32_t(s.events.size());
                const uint32_t eb = beginOf(m_eventEnd, i), ee = m_eventEnd[i];
                if (ee > eb) {
                    evs.assign(m_events.begin() + eb, m_events.begin() + ee);
                    auto byTime = [](const SpanEvent &a, const SpanEvent &b) { return a.timeNs < b.timeNs; };
                    if (!std::is_sorted(evs.begin(), evs.end(), byTime))
                        std::stable_sort(evs.begin(), evs.end(), byTime);
                    for (const SpanEvent &e : evs)
                        s.events.push_back(withAttrs(e, m_eventAttrs));
                }
                s.linkOffsets[r] = uint32_t(s.links.size());
                for (uint32_t k = beginOf(m_linkEnd, i); k < m_linkEnd[i]; ++k)
                    s.links.push_back(withAttrs(m_links[k], m_linkAttrs));
            }
            s.eventOffsets[rows] = uint32_t(s.events.size());
            s.linkOffsets[rows] = uint32_t(s.links.size());
        }
    };
    auto rowSide = [&] {
        gather(s.traceId, m_traceId);
        gather(s.parentSpanId, m_parentSpanId);
        gather(s.name, m_name);
        gather(s.resource, m_resource);
        gather(s.scope, m_scope);
        gather(s.kind, m_kind);
        gather(s.status, m_status);
        gather(s.statusMessage, m_statusMessage);
        gather(s.startNs, m_startNs);
        gather(s.endNs, m_endNs);
        gather(s.flags, m_flags);
        s.trace.resize(rows);
        for (uint32_t k = 0; k < nt; ++k)
            std::fill(s.trace.begin() + traceFirst[k], s.trace.begin() + traceEnd[k], k);

        // 6. Summaries, services, operations.
        auto byName = [&](StringId a, StringId b) { return s.strings.view(a) < s.strings.view(b); };
        std::set<uint32_t> allServices;
        s.traces.resize(nt);
        std::vector<StringId> svc;
        // Distinct resources of the current trace (stamped with its index), then
        // their services: a trace has few resources but may have many spans.
        std::vector<uint32_t> resStamp(s.resources.size(), kNone), traceRes;
        for (uint32_t k = 0; k < nt; ++k) {
            TraceSummary &t = s.traces[k];
            t.id = tIds[traceOrder[k]];
            t.firstRow = traceFirst[k];
            t.endRow = traceEnd[k];
            // The earliest top-level span that has no parent id at all; orphans
            // (parent missing) only when the trace has no true root.
            t.root = SpanRow(t.firstRow);
            for (uint32_t r = t.firstRow; r < t.endRow; r = s.subtreeEnd[r]) {
                if (!(s.flags[r] & TraceSet::kOrphan)) {
                    t.root = SpanRow(r);
                    break;
                }
            }
            t.startNs = s.startNs[t.firstRow];
            t.endNs = s.endNs[t.firstRow];
            t.spanCount = t.endRow - t.firstRow;
            traceRes.clear();
            for (uint32_t r = t.firstRow; r < t.endRow; ++r) {
                t.startNs = std::min(t.startNs, s.startNs[r]);
                t.endNs = std::max(t.endNs, std::max(s.endNs[r], s.startNs[r]));
                if (s.status[r] == StatusCode::Error)
                    ++t.errorCount;
                if (s.flags[r] & TraceSet::kOrphan)
                    ++t.orphanCount;
                const uint32_t res = s.resource[r];
                if (resStamp[res] != k) {
                    resStamp[res] = k;
                    traceRes.push_back(res);
                }
            }
            svc.clear();
            for (uint32_t res : traceRes)
                svc.push_back(s.resources[res].service);
            std::sort(svc.begin(), svc.end());
            svc.erase(std::unique(svc.begin(), svc.end()), svc.end());
            std::sort(svc.begin(), svc.end(), byName);
            t.services = svc;
            for (StringId id : svc)
                allServices.insert(id.v);
        }
        s.services.clear();
        for (uint32_t v : allServices)
            s.services.push_back(StringId(v));
        std::sort(s.services.begin(), s.services.end(), byName);
        // (service << 32 | name) -> count, open addressing (~0 = empty slot).
        std::vector<std::pair<uint64_t, uint32_t>> ops(64, {~0ull, 0});
        size_t opCount = 0;
        auto opSlot = [&](uint64_t key) -> std::pair<uint64_t, uint32_t> & {
            const size_t m = ops.size() - 1;
            size_t i = size_t((key * 0x9e3779b97f4a7c15ull) >> 40) & m;
            while (ops[i].first != key && ops[i].first != ~0ull)
                i = (i + 1) & m;
            return ops[i];
        };
        uint64_t lastOp = ~0ull;
        uint32_t lastRun = 0;
        auto flushOp = [&]() {
            if (lastOp == ~0ull)
                return;
            auto *slot = &opSlot(lastOp);
            if (slot->first == ~0ull) {
                if (2 * (opCount + 1) > ops.size()) {
                    std::vector<std::pair<uint64_t, uint32_t>> old(ops.size() * 2, {~0ull, 0});
                    old.swap(ops);
                    for (const auto &e : old)
                        if (e.first != ~0ull)
                            opSlot(e.first) = e;
                    slot = &opSlot(lastOp);
                }
                slot->first = lastOp;
                ++opCount;
            }
            slot->second += lastRun;
        };
        for (uint32_t r = 0; r < rows; ++r) {
            const uint64_t key = uint64_t(s.serviceOf(r).v) << 32 | s.name[r].v;
            if (key != lastOp) {
                flushOp();
                lastOp = key;
                lastRun = 0;
            }
            ++lastRun;
        }
        flushOp();
        s.operations.clear();
        for (const auto &e : ops)
            if (e.first != ~0ull)
                s.operations.push_back({StringId(uint32_t(e.first >> 32)), StringId(uint32_t(e.first)), e.second});
        std::sort(s.operations.begin(), s.operations.end(), [&](const Operation &a, const Operation &b) {
            auto as = s.strings.view(a.service), bs = s.strings.view(b.service);
            return as != bs ? as < bs : s.strings.view(a.name) < s.strings.view(b.name);
        });

        for (size_t i = 0; i < m_sources.size(); ++i)
            s.sourceName += (i ? ", " : "") + m_sources[i];
        for (size_t i = 0; i < m_formats.size(); ++i)
            s.format += (i ? ", " : "") + m_formats[i];
    };
    runBoth(rows >= m_parallelFrom, rowSide, spanSide);
    s.buildTraceIndex();
    if (stop())
        return nullptr;

    clearStaged();
    return std::shared_ptr<const TraceSet>(std::move(set));
}

std::shared_ptr<const TraceSet> mergeTraceSets(const std::vector<std::shared_ptr<const TraceSet>> &sets) {
    TraceSetBuilder b;
    for (const auto &s : sets)
        if (s)
            b.append(*s);
    return b.finish();
}

} // namespace spanfire
