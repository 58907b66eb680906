#include "model/tracesetbuilder.h"

#include <algorithm>
#include <cstring>
#include <set>

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
} // namespace

TraceSetBuilder::TraceSetBuilder() : m_internCache(kInternCacheSize), m_set(std::make_unique<TraceSet>()) {
}
TraceSetBuilder::~TraceSetBuilder() = default;

StringId TraceSetBuilder::intern(std::string_view s) {
    if (s.empty())
        return StringId(0);
    // Cheap hash of length, head and tail: enough to spread repeated strings.
    uint64_t head = 0, tail = 0;
    std::memcpy(&head, s.data(), std::min<size_t>(8, s.size()));
    if (s.size() > 8)
        std::memcpy(&tail, s.data() + s.size() - std::min<size_t>(8, s.size() - 8), std::min<size_t>(8, s.size() - 8));
    uint64_t h = (head * 0x9e3779b97f4a7c15ull) ^ (tail * 0xc2b2ae3d27d4eb4full) ^ (s.size() * 0x165667b19e3779f9ull);
    h ^= h >> 29;
    InternCacheEntry &e = m_internCache[(h * 0xbf58476d1ce4e5b9ull) >> 51];
    if (e.size == s.size() && std::memcmp(e.data, s.data(), s.size()) == 0)
        return StringId(e.id);
    const StringId id = m_set->strings.intern(s);
    e.data = m_set->strings.view(id).data();
    e.size = uint32_t(s.size());
    e.id = id.v;
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
    m_spans.reserve(m_spans.size() + spans);
    m_spanAttrs.reserve(m_spanAttrs.size() + spans * 4);
}

void TraceSetBuilder::beginSpan(const SpanData &span) {
    Staged s;
    s.d = span;
    s.attrBegin = s.attrEnd = uint32_t(m_spanAttrs.size());
    s.eventBegin = s.eventEnd = uint32_t(m_events.size());
    s.linkBegin = s.linkEnd = uint32_t(m_links.size());
    m_spans.push_back(s);
}

void TraceSetBuilder::addAttribute(const Attribute &a) {
    if (m_spans.empty())
        return;
    m_spanAttrs.push_back(a);
    m_spans.back().attrEnd = uint32_t(m_spanAttrs.size());
}

void TraceSetBuilder::addEvent(int64_t timeNs, StringId name) {
    if (m_spans.empty())
        return;
    SpanEvent e;
    e.timeNs = timeNs;
    e.name = name;
    e.attrBegin = e.attrEnd = uint32_t(m_eventAttrs.size());
    m_events.push_back(e);
    m_spans.back().eventEnd = uint32_t(m_events.size());
}

void TraceSetBuilder::addEventAttribute(const Attribute &a) {
    if (m_spans.empty() || m_spans.back().eventEnd == m_spans.back().eventBegin)
        return;
    m_eventAttrs.push_back(a);
    m_events.back().attrEnd = uint32_t(m_eventAttrs.size());
}

void TraceSetBuilder::addLink(const TraceId &traceId, uint64_t spanId, StringId traceState) {
    if (m_spans.empty())
        return;
    SpanLink l;
    l.traceId = traceId;
    l.spanId = spanId;
    l.traceState = traceState;
    l.attrBegin = l.attrEnd = uint32_t(m_linkAttrs.size());
    m_links.push_back(l);
    m_spans.back().linkEnd = uint32_t(m_links.size());
}

void TraceSetBuilder::addLinkAttribute(const Attribute &a) {
    if (m_spans.empty() || m_spans.back().linkEnd == m_spans.back().linkBegin)
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
    return m_spans.size() * sizeof(Staged) +
           (m_spanAttrs.size() + m_eventAttrs.size() + m_linkAttrs.size()) * sizeof(Attribute) +
           m_events.size() * sizeof(SpanEvent) + m_links.size() * sizeof(SpanLink) + m_set->strings.bytesUsed();
}

void TraceSetBuilder::append(const TraceSet &o) {
    auto remap = [&](Attribute a) {
        a.key = intern(o.strings.view(a.key));
        if (isStringValued(a.type))
            a.bits = intern(o.strings.view(StringId(uint32_t(a.bits)))).v;
        return a;
    };
    std::vector<Attribute> tmp;
    auto remapRange = [&](uint32_t b, uint32_t e) {
        tmp.clear();
        for (uint32_t i = b; i < e; ++i)
            tmp.push_back(remap(o.attributes[i]));
    };
    std::vector<uint32_t> resMap(o.resources.size()), scopeMap(o.scopes.size());
    for (size_t i = 0; i < o.resources.size(); ++i) {
        remapRange(o.resources[i].attrBegin, o.resources[i].attrEnd);
        resMap[i] = addResource(intern(o.strings.view(o.resources[i].service)), tmp.data(), tmp.size());
    }
    for (size_t i = 0; i < o.scopes.size(); ++i) {
        const Scope &s = o.scopes[i];
        remapRange(s.attrBegin, s.attrEnd);
        scopeMap[i] =
            addScope(intern(o.strings.view(s.name)), intern(o.strings.view(s.version)), tmp.data(), tmp.size());
    }
    for (uint32_t r = 0; r < o.spanCount(); ++r) {
        SpanData d;
        d.traceId = o.traceId[r];
        d.spanId = o.spanId[r];
        d.parentSpanId = o.parentSpanId[r];
        d.name = intern(o.strings.view(o.name[r]));
        d.statusMessage = intern(o.strings.view(o.statusMessage[r]));
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
        for (uint32_t i = o.attrOffsets[r]; i < o.attrOffsets[r + 1]; ++i)
            addAttribute(remap(o.attributes[i]));
        for (uint32_t i = o.eventOffsets[r]; i < o.eventOffsets[r + 1]; ++i) {
            const SpanEvent &e = o.events[i];
            addEvent(e.timeNs, intern(o.strings.view(e.name)));
            for (uint32_t k = e.attrBegin; k < e.attrEnd; ++k)
                addEventAttribute(remap(o.attributes[k]));
        }
        for (uint32_t i = o.linkOffsets[r]; i < o.linkOffsets[r + 1]; ++i) {
            const SpanLink &l = o.links[i];
            addLink(l.traceId, l.spanId, intern(o.strings.view(l.traceState)));
            for (uint32_t k = l.attrBegin; k < l.attrEnd; ++k)
                addLinkAttribute(remap(o.attributes[k]));
        }
    }
    for (const NamedCount &w : o.warnings)
        addWarning(w.name, w.count);
    addSource(o.sourceName, o.format);
}

std::shared_ptr<const TraceSet> TraceSetBuilder::finish() {
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
    const uint32_t n = uint32_t(m_spans.size());
    std::vector<Staged> &sp = m_spans;
    for (Staged &s : sp) {
        if (s.d.resource >= set->resources.size())
            s.d.resource = 0;
        if (s.d.scope >= set->scopes.size())
            s.d.scope = 0;
        s.d.flags &= uint8_t(~TraceSet::kOrphan);
    }

    // 1. Deduplicate on (trace, span, shared).
    // Open-addressing index (trace, span, shared) -> first staged index:
    // one slot array, no per-entry allocation.
    size_t cap = 16;
    while (cap < size_t(n) * 2)
        cap <<= 1;
    const size_t mask = cap - 1;
    std::vector<uint32_t> slots(cap, kNone);
    SpanKeyHash hasher;
    auto slotOf = [&](const TraceId &t, uint64_t id, bool shared) {
        const SpanKey k{t, id, shared};
        size_t i = hasher(k) & mask;
        while (slots[i] != kNone) {
            const SpanData &d = sp[slots[i]].d;
            if (d.spanId == id && d.shared == shared && d.traceId == t)
                return i;
            i = (i + 1) & mask;
        }
        return i;
    };
    std::vector<uint8_t> alive(n, 1);
    uint64_t duplicates = 0;
    for (uint32_t i = 0; i < n; ++i) {
        const size_t slot = slotOf(sp[i].d.traceId, sp[i].d.spanId, sp[i].d.shared);
        if (slots[slot] != kNone) {
            alive[i] = 0;
            ++duplicates;
        } else {
            slots[slot] = i;
        }
    }
    if (duplicates)
        set->addWarning("duplicate spans dropped", duplicates);

    // 2. Resolve parents.
    auto lookup = [&](const TraceId &t, uint64_t id, bool shared) { return slots[slotOf(t, id, shared)]; };
    bool anyShared = false;
    for (uint32_t i = 0; i < n && !anyShared; ++i)
        anyShared = sp[i].d.shared;
    constexpr uint32_t kWindow = 32;
    std::vector<uint64_t> ids(n);
    for (uint32_t i = 0; i < n; ++i)
        ids[i] = sp[i].d.spanId;
    std::vector<uint32_t> par(n, kNone);
    uint64_t orphans = 0, selfParents = 0;
    for (uint32_t i = 0; i < n; ++i) {
        if (!alive[i])
            continue;
        const SpanData &d = sp[i].d;
        if (d.shared) {
            uint32_t client = lookup(d.traceId, d.spanId, false);
            if (client != kNone) {
                par[i] = client;
                continue;
            }
        }
        if (d.parentSpanId == 0)
            continue;
        uint32_t p = kNone;
        if (!anyShared) {
            // Exporters write a trace's spans close together: look for the
            // parent among the neighbours (a sequential scan of a compact
            // column) before paying the random access of the hash probe. The
            // alive copy found is the same one the hash holds (the first).
            const uint32_t lo = i > kWindow ? i - kWindow : 0, hi = std::min(n, i + kWindow + 1);
            for (uint32_t j = lo; j < hi; ++j) {
                if (ids[j] == d.parentSpanId && j != i && alive[j] && sp[j].d.traceId == d.traceId) {
                    p = j;
                    break;
                }
            }
        } else {
            p = lookup(d.traceId, d.parentSpanId, true); // prefer the server side of a shared pair
        }
        if (p == kNone || p == i)
            p = lookup(d.traceId, d.parentSpanId, false);
        if (p == i) {
            ++selfParents;
            sp[i].d.flags |= TraceSet::kOrphan;
        } else if (p == kNone) {
            ++orphans;
            sp[i].d.flags |= TraceSet::kOrphan;
        } else {
            par[i] = p;
        }
    }

    // 3. Traces: index, start time, members.
    std::unordered_map<TraceId, uint32_t, TraceIdHash> traceOf;
    std::vector<uint32_t> tix(n, kNone);
    std::vector<TraceId> tIds;
    std::vector<int64_t> tStart;
    uint32_t lastTrace = kNone;
    for (uint32_t i = 0; i < n; ++i) {
        if (!alive[i])
            continue;
        // Spans usually arrive grouped by trace: skip the hash lookup then.
        if (lastTrace == kNone || tIds[lastTrace] != sp[i].d.traceId) {
            auto ins = traceOf.emplace(sp[i].d.traceId, uint32_t(tIds.size()));
            if (ins.second) {
                tIds.push_back(sp[i].d.traceId);
                tStart.push_back(sp[i].d.startNs);
            }
            lastTrace = ins.first->second;
        }
        tix[i] = lastTrace;
        tStart[lastTrace] = std::min(tStart[lastTrace], sp[i].d.startNs);
    }
    const uint32_t nt = uint32_t(tIds.size());
    std::vector<uint32_t> traceOrder(nt);
    for (uint32_t t = 0; t < nt; ++t)
        traceOrder[t] = t;
    std::sort(traceOrder.begin(), traceOrder.end(), [&](uint32_t a, uint32_t b) {
        return tStart[a] != tStart[b] ? tStart[a] < tStart[b] : tIds[a] < tIds[b];
    });
    auto spanLess = [&](uint32_t a, uint32_t b) {
        const SpanData &x = sp[a].d, &y = sp[b].d;
        if (x.startNs != y.startNs)
            return x.startNs < y.startNs;
        if (x.spanId != y.spanId)
            return x.spanId < y.spanId;
        return x.shared < y.shared;
    };
    // Members per trace and children per span as CSR over staged indices.
    std::vector<uint32_t> memOff(nt + 1, 0), childOff(n + 1, 0);
    for (uint32_t i = 0; i < n; ++i) {
        if (!alive[i])
            continue;
        ++memOff[tix[i] + 1];
        if (par[i] != kNone)
            ++childOff[par[i] + 1];
    }
    for (uint32_t t = 0; t < nt; ++t)
        memOff[t + 1] += memOff[t];
    for (uint32_t i = 0; i < n; ++i)
        childOff[i + 1] += childOff[i];
    std::vector<uint32_t> members(memOff[nt]), children(childOff[n]);
    {
        std::vector<uint32_t> mpos(memOff.begin(), memOff.end() - 1), cpos(childOff.begin(), childOff.end() - 1);
        for (uint32_t i = 0; i < n; ++i) {
            if (!alive[i])
                continue;
            members[mpos[tix[i]]++] = i;
            if (par[i] != kNone)
                children[cpos[par[i]]++] = i;
        }
    }
    for (uint32_t i = 0; i < n; ++i)
        if (childOff[i + 1] - childOff[i] > 1)
            std::sort(children.begin() + childOff[i], children.begin() + childOff[i + 1], spanLess);

    // 4. Pre-order DFS per trace.
    std::vector<uint32_t> order, rowParent, rowDepth, rowSubEnd;
    order.reserve(memOff[nt]);
    rowParent.reserve(memOff[nt]);
    rowDepth.reserve(memOff[nt]);
    rowSubEnd.reserve(memOff[nt]);
    std::vector<uint8_t> visited(n, 0);
    struct Frame {
        uint32_t node, row, next;
    };
    std::vector<Frame> stack;
    auto dfs = [&](uint32_t root) {
        auto emit = [&](uint32_t node, uint32_t prow, uint32_t depth) {
            const uint32_t row = uint32_t(order.size());
            order.push_back(node);
            rowParent.push_back(prow);
            rowDepth.push_back(depth);
            rowSubEnd.push_back(0);
            visited[node] = 1;
            stack.push_back({node, row, childOff[node]});
        };
        emit(root, kNone, 0);
        while (!stack.empty()) {
            Frame &f = stack.back();
            if (f.next < childOff[f.node + 1]) {
                const uint32_t c = children[f.next++];
                if (!visited[c])
                    emit(c, f.row, rowDepth[f.row] + 1);
                continue;
            }
            rowSubEnd[f.row] = uint32_t(order.size());
            stack.pop_back();
        }
    };
    uint64_t cycles = 0;
    std::vector<uint32_t> traceFirst(nt), traceEnd(nt);
    std::vector<uint32_t> roots;
    for (uint32_t k = 0; k < nt; ++k) {
        const uint32_t t = traceOrder[k];
        traceFirst[k] = uint32_t(order.size());
        roots.clear();
        for (uint32_t m = memOff[t]; m < memOff[t + 1]; ++m)
            if (par[members[m]] == kNone)
                roots.push_back(members[m]);
        std::sort(roots.begin(), roots.end(), spanLess);
        for (uint32_t r : roots)
            dfs(r);
        if (order.size() - traceFirst[k] < memOff[t + 1] - memOff[t]) {
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
                sp[r].d.flags |= TraceSet::kOrphan;
                dfs(r);
            }
        }
        traceEnd[k] = uint32_t(order.size());
    }
    if (orphans)
        set->addWarning("spans whose parent is missing (orphans)", orphans);
    if (selfParents)
        set->addWarning("spans that are their own parent", selfParents);
    if (cycles)
        set->addWarning("span parent cycles broken", cycles);

    // 5. Columns in row order.
    const uint32_t rows = uint32_t(order.size());
    TraceSet &s = *set;
    s.traceId.resize(rows);
    s.spanId.resize(rows);
    s.parent = std::move(rowParent);
    s.parentSpanId.resize(rows);
    s.depth = std::move(rowDepth);
    s.subtreeEnd = std::move(rowSubEnd);
    s.name.resize(rows);
    s.resource.resize(rows);
    s.scope.resize(rows);
    s.kind.resize(rows);
    s.status.resize(rows);
    s.statusMessage.resize(rows);
    s.startNs.resize(rows);
    s.endNs.resize(rows);
    s.flags.resize(rows);
    s.trace.resize(rows);
    s.attrOffsets.assign(rows + 1, 0);
    s.eventOffsets.assign(rows + 1, 0);
    s.linkOffsets.assign(rows + 1, 0);
    s.attributes.reserve(s.attributes.size() + m_spanAttrs.size() + m_eventAttrs.size() + m_linkAttrs.size());
    s.events.reserve(m_events.size());
    s.links.reserve(m_links.size());
    std::vector<SpanEvent> evs;
    for (uint32_t k = 0; k < nt; ++k)
        for (uint32_t r = traceFirst[k]; r < traceEnd[k]; ++r)
            s.trace[r] = k;
    for (uint32_t r = 0; r < rows; ++r) {
        const Staged &st = sp[order[r]];
        const SpanData &d = st.d;
        s.traceId[r] = d.traceId;
        s.spanId[r] = d.spanId;
        s.parentSpanId[r] = d.parentSpanId;
        s.name[r] = d.name;
        s.resource[r] = d.resource;
        s.scope[r] = d.scope;
        s.kind[r] = d.kind;
        s.status[r] = d.status;
        s.statusMessage[r] = d.statusMessage;
        s.startNs[r] = d.startNs;
        s.endNs[r] = d.endNs;
        s.flags[r] = d.flags;
        s.attrOffsets[r] = uint32_t(s.attributes.size());
        s.attributes.insert(s.attributes.end(), m_spanAttrs.begin() + st.attrBegin, m_spanAttrs.begin() + st.attrEnd);
    }
    s.attrOffsets[rows] = uint32_t(s.attributes.size());
    // Event and link attributes go after all span attributes so that
    // attrOffsets stays a plain CSR array.
    for (uint32_t r = 0; r < rows; ++r) {
        const Staged &st = sp[order[r]];
        s.eventOffsets[r] = uint32_t(s.events.size());
        evs.assign(m_events.begin() + st.eventBegin, m_events.begin() + st.eventEnd);
        auto byTime = [](const SpanEvent &a, const SpanEvent &b) { return a.timeNs < b.timeNs; };
        if (!std::is_sorted(evs.begin(), evs.end(), byTime))
            std::stable_sort(evs.begin(), evs.end(), byTime);
        for (SpanEvent e : evs) {
            const uint32_t b = uint32_t(s.attributes.size());
            s.attributes.insert(s.attributes.end(), m_eventAttrs.begin() + e.attrBegin,
                                m_eventAttrs.begin() + e.attrEnd);
            e.attrBegin = b;
            e.attrEnd = uint32_t(s.attributes.size());
            s.events.push_back(e);
        }
        s.linkOffsets[r] = uint32_t(s.links.size());
        for (uint32_t i = st.linkBegin; i < st.linkEnd; ++i) {
            SpanLink l = m_links[i];
            const uint32_t b = uint32_t(s.attributes.size());
            s.attributes.insert(s.attributes.end(), m_linkAttrs.begin() + l.attrBegin, m_linkAttrs.begin() + l.attrEnd);
            l.attrBegin = b;
            l.attrEnd = uint32_t(s.attributes.size());
            s.links.push_back(l);
        }
    }
    s.eventOffsets[rows] = uint32_t(s.events.size());
    s.linkOffsets[rows] = uint32_t(s.links.size());

    // Children CSR: in pre-order, a row's children appear in ascending row order.
    s.childOffsets.assign(rows + 1, 0);
    for (uint32_t r = 0; r < rows; ++r)
        if (s.parent[r] != kNone)
            ++s.childOffsets[s.parent[r] + 1];
    for (uint32_t r = 0; r < rows; ++r)
        s.childOffsets[r + 1] += s.childOffsets[r];
    s.childIds.resize(s.childOffsets[rows]);
    {
        std::vector<uint32_t> pos(s.childOffsets.begin(), s.childOffsets.end() - 1);
        for (uint32_t r = 0; r < rows; ++r)
            if (s.parent[r] != kNone)
                s.childIds[pos[s.parent[r]]++] = r;
    }

    // 6. Summaries, services, operations.
    auto byName = [&](StringId a, StringId b) { return s.strings.view(a) < s.strings.view(b); };
    std::set<uint32_t> allServices;
    s.traces.resize(nt);
    std::vector<StringId> svc;
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
        svc.clear();
        for (uint32_t r = t.firstRow; r < t.endRow; ++r) {
            t.startNs = std::min(t.startNs, s.startNs[r]);
            t.endNs = std::max(t.endNs, std::max(s.endNs[r], s.startNs[r]));
            if (s.status[r] == StatusCode::Error)
                ++t.errorCount;
            if (s.flags[r] & TraceSet::kOrphan)
                ++t.orphanCount;
            svc.push_back(s.serviceOf(r));
        }
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
    std::unordered_map<uint64_t, uint32_t> ops; // (service << 32 | name) -> count
    uint64_t lastOp = ~0ull;
    uint32_t *lastCount = nullptr;
    for (uint32_t r = 0; r < rows; ++r) {
        const uint64_t key = uint64_t(s.serviceOf(r).v) << 32 | s.name[r].v;
        if (key != lastOp) {
            lastCount = &ops[key];
            lastOp = key;
        }
        ++*lastCount;
    }
    s.operations.clear();
    for (const auto &e : ops)
        s.operations.push_back({StringId(uint32_t(e.first >> 32)), StringId(uint32_t(e.first)), e.second});
    std::sort(s.operations.begin(), s.operations.end(), [&](const Operation &a, const Operation &b) {
        auto as = s.strings.view(a.service), bs = s.strings.view(b.service);
        return as != bs ? as < bs : s.strings.view(a.name) < s.strings.view(b.name);
    });

    for (size_t i = 0; i < m_sources.size(); ++i)
        s.sourceName += (i ? ", " : "") + m_sources[i];
    for (size_t i = 0; i < m_formats.size(); ++i)
        s.format += (i ? ", " : "") + m_formats[i];
    s.buildIndexes();

    m_spans.clear();
    m_spanAttrs.clear();
    m_events.clear();
    m_eventAttrs.clear();
    m_links.clear();
    m_linkAttrs.clear();
    m_resourceIndex.clear();
    m_scopeIndex.clear();
    m_sources.clear();
    m_formats.clear();
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
