#include "model/spantable.h"

#include <algorithm>

namespace spanfire {

namespace {
constexpr char kHex[] = "0123456789abcdef";

// Hex digit value by byte, -1 for anything else.
struct HexTable {
    int8_t v[256];
    constexpr HexTable() : v() {
        for (int i = 0; i < 256; ++i)
            v[i] = -1;
        for (int i = 0; i < 10; ++i)
            v['0' + i] = int8_t(i);
        for (int i = 0; i < 6; ++i) {
            v['a' + i] = int8_t(10 + i);
            v['A' + i] = int8_t(10 + i);
        }
    }
};
constexpr HexTable kHexTable;

int hexValue(char c) {
    return kHexTable.v[uint8_t(c)];
}

// Parses up to maxDigits hex digits right-aligned into out[0..maxDigits/2).
bool parseHexRightAligned(std::string_view text, uint8_t *out, size_t outBytes) {
    if (text.size() >= 2 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X'))
        text.remove_prefix(2);
    if (text.empty() || text.size() > outBytes * 2)
        return false;
    std::fill(out, out + outBytes, uint8_t(0));
    size_t pos = outBytes * 2 - text.size(); // nibble position of the first digit
    size_t i = 0;
    if (pos % 2 == 1) { // odd digit count: the first digit is a low nibble
        const int v = hexValue(text[0]);
        if (v < 0)
            return false;
        out[pos / 2] = uint8_t(v);
        ++pos;
        i = 1;
    }
    for (; i < text.size(); i += 2, pos += 2) {
        const int hi = hexValue(text[i]), lo = hexValue(text[i + 1]);
        if ((hi | lo) < 0)
            return false;
        out[pos / 2] = uint8_t(hi << 4 | lo);
    }
    return true;
}

uint64_t mixSpanId(uint64_t x) {
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdull;
    x ^= x >> 33;
    return x;
}
} // namespace

bool TraceId::isZero() const {
    for (uint8_t b : bytes)
        if (b)
            return false;
    return true;
}

std::string TraceId::hex() const {
    std::string s(32, '0');
    for (size_t i = 0; i < 16; ++i) {
        s[2 * i] = kHex[bytes[i] >> 4];
        s[2 * i + 1] = kHex[bytes[i] & 15];
    }
    return s;
}

std::string spanIdHex(uint64_t spanId) {
    std::string s(16, '0');
    for (int i = 15; i >= 0; --i) {
        s[size_t(i)] = kHex[spanId & 15];
        spanId >>= 4;
    }
    return s;
}

bool parseTraceIdHex(std::string_view text, TraceId *out) {
    TraceId id;
    if (!parseHexRightAligned(text, id.bytes.data(), 16))
        return false;
    *out = id;
    return true;
}

bool parseSpanIdHex(std::string_view text, uint64_t *out) {
    uint8_t b[8];
    if (!parseHexRightAligned(text, b, 8))
        return false;
    uint64_t v = 0;
    for (uint8_t x : b)
        v = (v << 8) | x;
    *out = v;
    return true;
}

const char *spanKindName(SpanKind k) {
    switch (k) {
    case SpanKind::Unspecified:
        return "unspecified";
    case SpanKind::Internal:
        return "internal";
    case SpanKind::Server:
        return "server";
    case SpanKind::Client:
        return "client";
    case SpanKind::Producer:
        return "producer";
    case SpanKind::Consumer:
        return "consumer";
    }
    return "unspecified";
}

const char *statusCodeName(StatusCode s) {
    switch (s) {
    case StatusCode::Unset:
        return "unset";
    case StatusCode::Ok:
        return "ok";
    case StatusCode::Error:
        return "error";
    }
    return "unset";
}

void TraceSet::addWarning(std::string_view name, uint64_t count) {
    for (auto &w : warnings) {
        if (w.name == name) {
            w.count += count;
            return;
        }
    }
    warnings.push_back({std::string(name), count});
}

namespace {
template <class T> size_t bytesOf(const std::vector<T> &v) {
    return v.capacity() * sizeof(T);
}
} // namespace

size_t TraceSet::memoryBytes() const {
    size_t n = bytesOf(traceId) + bytesOf(spanId) + bytesOf(parent) + bytesOf(parentSpanId) + bytesOf(depth) +
               bytesOf(subtreeEnd) + bytesOf(name) + bytesOf(resource) + bytesOf(scope) + bytesOf(kind) +
               bytesOf(status) + bytesOf(statusMessage) + bytesOf(startNs) + bytesOf(endNs) + bytesOf(flags) +
               bytesOf(trace) + bytesOf(attrBegin) + bytesOf(attrEnd) + bytesOf(eventOffsets) + bytesOf(linkOffsets) +
               bytesOf(childOffsets) + bytesOf(childIds) + bytesOf(attributes) + bytesOf(events) + bytesOf(links) +
               bytesOf(resources) + bytesOf(scopes) + bytesOf(traces) + bytesOf(services) + bytesOf(operations) +
               bytesOf(m_spanSlots) + bytesOf(m_traceIndex);
    for (const TraceSummary &t : traces)
        n += bytesOf(t.services);
    // Interned bytes plus, per string, a view and a hash-map entry (~48 bytes).
    n += strings.bytesUsed() + strings.size() * 64;
    return n;
}

void TraceSet::buildIndexes() {
    buildSpanIndex();
    buildTraceIndex();
}

void TraceSet::buildSpanIndex() {
    size_t cap = 16;
    while (cap < spanId.size() * 2)
        cap <<= 1;
    m_spanSlots.assign(cap, kNoRow);
    const size_t mask = cap - 1;
    const uint32_t n = uint32_t(spanId.size());
    constexpr uint32_t kAhead = 16; // the slot array outgrows the caches: prefetch
    for (uint32_t row = 0; row < n; ++row) {
        if (row + kAhead < n)
            __builtin_prefetch(&m_spanSlots[mixSpanId(spanId[row + kAhead]) & mask], 1);
        size_t i = mixSpanId(spanId[row]) & mask;
        while (m_spanSlots[i] != kNoRow)
            i = (i + 1) & mask;
        m_spanSlots[i] = row;
    }
}

void TraceSet::buildTraceIndex() {
    m_traceIndex.clear();
    m_traceIndex.reserve(traces.size());
    for (uint32_t t = 0; t < traces.size(); ++t)
        m_traceIndex.emplace_back(traces[t].id, t);
    std::sort(m_traceIndex.begin(), m_traceIndex.end());
}

uint32_t TraceSet::find(const TraceId &trace, uint64_t span) const {
    if (m_spanSlots.empty())
        return kNoRow;
    const size_t mask = m_spanSlots.size() - 1;
    for (size_t i = mixSpanId(span) & mask;; i = (i + 1) & mask) {
        uint32_t row = m_spanSlots[i];
        if (row == kNoRow)
            return kNoRow;
        if (spanId[row] == span && traceId[row] == trace)
            return row;
    }
}

uint32_t TraceSet::findSpan(uint64_t span) const {
    if (m_spanSlots.empty())
        return kNoRow;
    const size_t mask = m_spanSlots.size() - 1;
    for (size_t i = mixSpanId(span) & mask;; i = (i + 1) & mask) {
        uint32_t row = m_spanSlots[i];
        if (row == kNoRow || spanId[row] == span)
            return row;
    }
}

int TraceSet::findTrace(const TraceId &id) const {
    auto it = std::lower_bound(m_traceIndex.begin(), m_traceIndex.end(), id,
                               [](const std::pair<TraceId, uint32_t> &e, const TraceId &k) { return e.first < k; });
    if (it == m_traceIndex.end() || it->first != id)
        return -1;
    return int(it->second);
}

int TraceSet::findOperation(StringId svc, StringId op) const {
    std::string_view s = strings.view(svc), n = strings.view(op);
    auto it = std::lower_bound(operations.begin(), operations.end(), std::make_pair(s, n),
                               [this](const Operation &o, const std::pair<std::string_view, std::string_view> &k) {
                                   return std::make_pair(strings.view(o.service), strings.view(o.name)) < k;
                               });
    if (it == operations.end() || it->service != svc || it->name != op)
        return -1;
    return int(it - operations.begin());
}

int64_t TraceSet::selfTimeNs(uint32_t row) const {
    const int64_t s = startNs[row], e = endNs[row];
    if (e <= s)
        return 0;
    int64_t covered = 0;
    int64_t curStart = 0, curEnd = 0;
    bool open = false;
    // Children are sorted by start, and clipping keeps that order.
    for (uint32_t i = childOffsets[row]; i < childOffsets[row + 1]; ++i) {
        const uint32_t c = childIds[i];
        const int64_t cs = std::max(startNs[c], s), ce = std::min(endNs[c], e);
        if (ce <= cs)
            continue;
        if (open && cs <= curEnd) {
            curEnd = std::max(curEnd, ce);
            continue;
        }
        if (open)
            covered += curEnd - curStart;
        curStart = cs;
        curEnd = ce;
        open = true;
    }
    if (open)
        covered += curEnd - curStart;
    return (e - s) - covered;
}

std::vector<uint32_t> TraceSet::rootsOf(uint32_t traceIndex) const {
    std::vector<uint32_t> roots;
    if (traceIndex >= traces.size())
        return roots;
    const TraceSummary &t = traces[traceIndex];
    // Roots are the rows whose subtree starts a new top-level block.
    for (uint32_t r = t.firstRow; r < t.endRow; r = subtreeEnd[r])
        roots.push_back(r);
    return roots;
}

std::vector<CriticalPathSection> TraceSet::criticalPathSections(uint32_t traceIndex) const {
    std::vector<CriticalPathSection> out;
    if (traceIndex >= traces.size())
        return out;
    const TraceSummary &t = traces[traceIndex];
    const uint32_t first = t.firstRow, n = t.endRow - t.firstRow;
    // Clip each span to its (already clipped) parent, dropping children that
    // lie wholly outside it, as jaeger-ui sanitizes "overflowing" children.
    std::vector<int64_t> cs(n), ce(n);
    std::vector<uint8_t> alive(n, 0);
    for (uint32_t i = 0; i < n; ++i) {
        const uint32_t r = first + i;
        const uint32_t p = parent[r];
        cs[i] = startNs[r];
        ce[i] = std::max(endNs[r], startNs[r]);
        if (p == kNoRow) {
            alive[i] = 1;
            continue;
        }
        const uint32_t pi = p - first;
        if (!alive[pi])
            continue;
        if (cs[i] >= cs[pi]) {
            if (cs[i] >= ce[pi])
                continue;
            ce[i] = std::min(ce[i], ce[pi]);
        } else {
            if (ce[i] <= cs[pi])
                continue;
            cs[i] = cs[pi];
            ce[i] = std::min(ce[i], ce[pi]);
        }
        alive[i] = 1;
    }
    for (uint32_t root : rootsOf(traceIndex)) {
        uint32_t cur = root;
        bool hasCutoff = false;
        int64_t cutoff = 0;
        for (;;) {
            const uint32_t ci = cur - first;
            const int64_t sectionEnd = hasCutoff ? cutoff : ce[ci];
            uint32_t lfc = kNoRow;
            int64_t best = 0;
            for (uint32_t k = childOffsets[cur]; k < childOffsets[cur + 1]; ++k) {
                const uint32_t c = childIds[k];
                const uint32_t cci = c - first;
                if (!alive[cci])
                    continue;
                if (hasCutoff && ce[cci] >= cutoff)
                    continue;
                if (lfc == kNoRow || ce[cci] > best) {
                    best = ce[cci];
                    lfc = c;
                }
            }
            if (lfc != kNoRow) {
                if (best != sectionEnd)
                    out.push_back({cur, best, sectionEnd});
                cur = lfc;
                hasCutoff = false;
                continue;
            }
            if (cs[ci] != sectionEnd)
                out.push_back({cur, cs[ci], sectionEnd});
            if (cur == root)
                break;
            cutoff = cs[ci];
            hasCutoff = true;
            cur = parent[cur];
        }
    }
    return out;
}

std::vector<uint32_t> TraceSet::criticalPath(uint32_t traceIndex) const {
    std::vector<uint32_t> rows;
    for (const CriticalPathSection &s : criticalPathSections(traceIndex))
        rows.push_back(s.row);
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    return rows;
}

} // namespace spanfire
