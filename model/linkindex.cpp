#include "model/linkindex.h"

#include <algorithm>
#include <cctype>
#include <numeric>
#include <unordered_map>

namespace spanfire {

const char *linkMethodName(LinkMethod m) {
    switch (m) {
    case LinkMethod::None:
        return "none";
    case LinkMethod::ExplicitLink:
        return "profile links";
    case LinkMethod::Label:
        return "label";
    case LinkMethod::Time:
        return "time";
    }
    return "none";
}

bool parseSpanIdLabel(std::string_view v, bool decimal, uint64_t *out) {
    while (!v.empty() && std::isspace(static_cast<unsigned char>(v.front())))
        v.remove_prefix(1);
    while (!v.empty() && std::isspace(static_cast<unsigned char>(v.back())))
        v.remove_suffix(1);
    if (v.empty())
        return false;
    uint64_t x = 0;
    if (decimal && std::all_of(v.begin(), v.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        if (v.size() > 20)
            return false;
        for (char c : v) {
            const uint64_t d = uint64_t(c - '0');
            if (x > (UINT64_MAX - d) / 10)
                return false;
            x = x * 10 + d;
        }
        *out = x;
        return x != 0;
    }
    if (v.size() > 2 && v[0] == '0' && (v[1] == 'x' || v[1] == 'X'))
        v.remove_prefix(2);
    if (v.empty() || v.size() > 16)
        return false;
    for (char c : v) {
        int d;
        if (c >= '0' && c <= '9')
            d = c - '0';
        else if (c >= 'a' && c <= 'f')
            d = c - 'a' + 10;
        else if (c >= 'A' && c <= 'F')
            d = c - 'A' + 10;
        else
            return false;
        x = (x << 4) | uint64_t(d);
    }
    *out = x;
    return x != 0;
}

namespace {

bool isDatadogKey(std::string_view k) {
    return k == "span id" || k == "local root span id";
}

bool isTimestampKey(std::string_view k) {
    std::string s(k);
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    return s == "end_timestamp_ns" || s == "timestamp_ns" || s == "timestamp" || s == "end_timestamp";
}

// Epoch nanoseconds between 2001 and 2100.
bool looksLikeEpochNs(int64_t t) {
    return t > 1'000'000'000'000'000'000ll && t < 4'102'444'800'000'000'000ll;
}

} // namespace

void LinkIndex::finishOrder(size_t spanCount) {
    const size_t n = m_sampleSpan.size();
    m_rowBegin.assign(spanCount + 2, 0);
    for (uint32_t r : m_sampleSpan)
        ++m_rowBegin[(r == TraceSet::kNoRow ? spanCount : r) + 1];
    for (size_t i = 0; i + 1 < m_rowBegin.size(); ++i)
        m_rowBegin[i + 1] += m_rowBegin[i];
    m_order.assign(n, 0);
    std::vector<uint32_t> fill(m_rowBegin.begin(), m_rowBegin.end() - 1);
    for (uint32_t i = 0; i < n; ++i) {
        const uint32_t r = m_sampleSpan[i];
        m_order[fill[r == TraceSet::kNoRow ? spanCount : r]++] = i;
    }
    m_rowBegin.resize(spanCount + 1);
    m_linked = m_rowBegin[spanCount];
}

LinkIndex LinkIndex::build(const Profile &p, const TraceSet &ts, const LinkOptions &opt) {
    LinkIndex li;
    const size_t n = p.sampleCount();
    li.m_sampleSpan.assign(n, TraceSet::kNoRow);
    if (ts.spanCount() == 0 || n == 0) {
        li.finishOrder(ts.spanCount());
        return li;
    }

    // 1. Explicit links (OTLP profiles): span id, and trace id when non-zero.
    if (p.sampleSpanId.size() == n) {
        uint64_t withIds = 0;
        const bool haveTraces = p.sampleTraceId.size() == n;
        for (size_t i = 0; i < n; ++i) {
            const uint64_t span = p.sampleSpanId[i];
            if (span == 0)
                continue;
            ++withIds;
            TraceId trace;
            if (haveTraces)
                trace.bytes = p.sampleTraceId[i];
            li.m_sampleSpan[i] = trace.isZero() ? ts.findSpan(span) : ts.find(trace, span);
        }
        if (withIds > 0) {
            li.m_method = LinkMethod::ExplicitLink;
            li.m_withIds = withIds;
        }
    }

    // 2. Labels: find the first configured key present in the profile.
    StringId traceKey = p.strings.find("trace_id");
    for (const std::string &key : opt.labelKeys) {
        if (li.m_method != LinkMethod::None)
            break; // explicit links win
        const StringId k = p.strings.find(key);
        if (!k.valid())
            continue;
        const bool decimal = isDatadogKey(key);
        // Resolve once per label set.
        std::vector<uint32_t> setRow(p.labelSets.size(), TraceSet::kNoRow);
        std::vector<uint8_t> setHasId(p.labelSets.size(), 0);
        for (uint32_t s = 1; s < p.labelSets.size(); ++s) {
            uint64_t span = 0;
            TraceId trace;
            bool haveTrace = false;
            for (const Label *l = p.labelSets.begin(LabelSetId(s)); l != p.labelSets.end(LabelSetId(s)); ++l) {
                if (l->key == k && !l->isNumeric())
                    parseSpanIdLabel(p.strings.view(l->str), decimal, &span);
                else if (l->key == traceKey && traceKey.valid() && !l->isNumeric())
                    haveTrace = parseTraceIdHex(p.strings.view(l->str), &trace);
            }
            if (span == 0)
                continue;
            setHasId[s] = 1;
            uint32_t row = haveTrace ? ts.find(trace, span) : TraceSet::kNoRow;
            if (row == TraceSet::kNoRow)
                row = ts.findSpan(span);
            setRow[s] = row;
        }
        uint64_t withIds = 0;
        for (size_t i = 0; i < n; ++i) {
            const uint32_t s = p.sampleLabels.empty() ? 0 : p.sampleLabels[i];
            if (s < setRow.size()) {
                li.m_sampleSpan[i] = setRow[s];
                withIds += setHasId[s];
            }
        }
        if (withIds == 0)
            continue;
        li.m_method = LinkMethod::Label;
        li.m_labelKey = key;
        li.m_withIds = withIds;
        break;
    }

    // 3. Time.
    if (li.m_method == LinkMethod::None) {
        std::vector<int64_t> times = p.sampleTime;
        if (times.empty()) {
            // Numeric timestamp labels.
            std::vector<int64_t> setTime(p.labelSets.size(), 0);
            bool any = false;
            for (uint32_t s = 1; s < p.labelSets.size(); ++s)
                for (const Label *l = p.labelSets.begin(LabelSetId(s)); l != p.labelSets.end(LabelSetId(s)); ++l)
                    if (l->isNumeric() && isTimestampKey(p.strings.view(l->key)) && looksLikeEpochNs(l->num)) {
                        setTime[s] = l->num;
                        any = true;
                    }
            if (any) {
                times.assign(n, 0);
                for (size_t i = 0; i < n; ++i)
                    times[i] =
                        p.sampleLabels.empty() || p.sampleLabels[i] >= setTime.size() ? 0 : setTime[p.sampleLabels[i]];
            }
        }
        if (!times.empty()) {
            // Pad by one period when it is a time period.
            const auto unit = p.strings.view(p.periodType.unit);
            const int64_t pad = unit == "nanoseconds" ? std::max<int64_t>(p.period, 0) : 0;
            // Innermost covering span: sweep samples in time order over spans
            // sorted by start; the deepest active span wins (ties: latest start).
            std::vector<uint32_t> spans(ts.spanCount());
            std::iota(spans.begin(), spans.end(), 0u);
            std::sort(spans.begin(), spans.end(),
                      [&](uint32_t a, uint32_t b) { return ts.startNs[a] < ts.startNs[b]; });
            std::vector<uint32_t> samples;
            samples.reserve(n);
            for (uint32_t i = 0; i < n; ++i)
                if (times[i] != 0)
                    samples.push_back(i);
            std::sort(samples.begin(), samples.end(), [&](uint32_t a, uint32_t b) { return times[a] < times[b]; });
            // Active set ordered by (depth, start): a max-heap would need lazy
            // deletion; spans per instant are few, so a small vector suffices.
            std::vector<uint32_t> active;
            size_t next = 0;
            uint64_t linked = 0;
            for (uint32_t i : samples) {
                const int64_t t = times[i];
                while (next < spans.size() && ts.startNs[spans[next]] - pad <= t)
                    active.push_back(spans[next++]);
                active.erase(
                    std::remove_if(active.begin(), active.end(), [&](uint32_t r) { return ts.endNs[r] + pad < t; }),
                    active.end());
                uint32_t best = TraceSet::kNoRow;
                for (uint32_t r : active) {
                    if (ts.startNs[r] - pad > t)
                        continue;
                    if (best == TraceSet::kNoRow || ts.depth[r] > ts.depth[best] ||
                        (ts.depth[r] == ts.depth[best] && ts.startNs[r] > ts.startNs[best]))
                        best = r;
                }
                li.m_sampleSpan[i] = best;
                linked += best != TraceSet::kNoRow;
            }
            if (linked > 0) {
                li.m_method = LinkMethod::Time;
                li.m_withIds = samples.size();
            }
        }
    }

    li.finishOrder(ts.spanCount());
    if (li.m_linked > 0) {
        bool rootsOnly = true;
        for (uint32_t i = 0; i < n && rootsOnly; ++i) {
            const uint32_t r = li.m_sampleSpan[i];
            if (r != TraceSet::kNoRow && ts.parent[r] != TraceSet::kNoRow)
                rootsOnly = false;
        }
        // Meaningful only when the traces have child spans at all.
        bool anyChild = false;
        for (size_t r = 0; r < ts.spanCount() && !anyChild; ++r)
            anyChild = ts.parent[r] != TraceSet::kNoRow;
        li.m_rootsOnly = rootsOnly && anyChild && li.m_method == LinkMethod::Label;
    }
    return li;
}

std::pair<uint32_t, uint32_t> LinkIndex::range(uint32_t row, LinkScope scope, const TraceSet &ts) const {
    if (m_rowBegin.empty() || row >= ts.spanCount())
        return {0, 0};
    switch (scope) {
    case LinkScope::Self:
    case LinkScope::Exclusive:
        return {m_rowBegin[row], m_rowBegin[row + 1]};
    case LinkScope::Descendants:
        return {m_rowBegin[row], m_rowBegin[ts.subtreeEnd[row]]};
    }
    return {0, 0};
}

std::pair<uint32_t, uint32_t> LinkIndex::traceRange(uint32_t traceIndex, const TraceSet &ts) const {
    if (m_rowBegin.empty() || traceIndex >= ts.traces.size())
        return {0, 0};
    const auto &t = ts.traces[traceIndex];
    return {m_rowBegin[t.firstRow], m_rowBegin[t.endRow]};
}

} // namespace spanfire
