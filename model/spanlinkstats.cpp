#include "model/spanlinkstats.h"

#include <algorithm>
#include <cmath>
#include <string_view>

namespace spanfire {

namespace {

// Epoch-like nanosecond timestamps (after 2001-09-09): both sides must look
// like wall-clock time before their ranges are compared.
constexpr int64_t kPlausibleEpochNs = 1'000'000'000'000'000'000LL;

double nanosPerUnit(std::string_view unit) {
    if (unit == "nanoseconds" || unit == "ns")
        return 1;
    if (unit == "microseconds" || unit == "us")
        return 1e3;
    if (unit == "milliseconds" || unit == "ms")
        return 1e6;
    if (unit == "seconds" || unit == "s")
        return 1e9;
    return 0;
}

} // namespace

double samplingRatePerSecond(const Profile &profile) {
    if (profile.period <= 0)
        return 0;
    const double ns = nanosPerUnit(profile.strings.view(profile.periodType.unit));
    if (ns <= 0)
        return 0;
    return 1e9 / (double(profile.period) * ns);
}

SpanSampleInfo explainSpan(const Profile &profile, const TraceSet &set, const LinkIndex *link, uint32_t row,
                           LinkScope scope) {
    SpanSampleInfo info;
    if (row >= set.spanCount())
        return info;
    const double rate = samplingRatePerSecond(profile);
    const int64_t duration = scope == LinkScope::Exclusive ? set.selfTimeNs(row) : set.durationNs(row);
    if (rate > 0)
        info.expected = double(std::max<int64_t>(duration, 0)) * 1e-9 * rate;
    if (!link || link->method() == LinkMethod::None || link->linkedSamples() == 0) {
        info.reason = NoSampleReason::NotLinked;
        return info;
    }
    const auto range = link->range(row, scope, set);
    info.samples = range.second - range.first;
    if (info.samples > 0)
        return info;
    if (link->rootsOnly() && set.parent[row] != TraceSet::kNoRow) {
        uint32_t root = row;
        while (set.parent[root] != TraceSet::kNoRow)
            root = set.parent[root];
        info.reason = NoSampleReason::RootsOnly;
        info.rootRow = root;
        return info;
    }
    const int64_t pBegin = profile.timeNanos;
    const int64_t pEnd = profile.timeNanos + std::max<int64_t>(profile.durationNanos, 0);
    if (pBegin >= kPlausibleEpochNs && profile.durationNanos > 0 && set.startNs[row] >= kPlausibleEpochNs &&
        (set.endNs[row] < pBegin || set.startNs[row] > pEnd)) {
        info.reason = NoSampleReason::OutsideProfileTime;
        return info;
    }
    if (info.expected >= 0 && info.expected < 1) {
        info.reason = NoSampleReason::ShorterThanPeriod;
        return info;
    }
    info.reason = NoSampleReason::NoneRecorded;
    return info;
}

int64_t nearestRank(const std::vector<int64_t> &sorted, double p) {
    if (sorted.empty())
        return 0;
    const double rank = std::ceil(p / 100.0 * double(sorted.size()));
    const size_t i = rank < 1 ? 0 : std::min(sorted.size(), size_t(rank)) - 1;
    return sorted[i];
}

std::vector<OperationStat> operationStats(const TraceSet &set, const LinkIndex *link) {
    std::vector<OperationStat> out(set.operations.size());
    for (size_t i = 0; i < out.size(); ++i) {
        out[i].service = set.operations[i].service;
        out[i].name = set.operations[i].name;
    }
    for (uint32_t r = 0; r < set.spanCount(); ++r) {
        const int op = set.findOperation(set.serviceOf(r), set.name[r]);
        if (op < 0)
            continue;
        OperationStat &s = out[size_t(op)];
        s.rows.push_back(r);
        if (link)
            s.linkedSamples += link->sampleCount(r);
    }
    std::vector<int64_t> d;
    for (OperationStat &s : out) {
        s.count = uint32_t(s.rows.size());
        d.clear();
        for (uint32_t r : s.rows)
            d.push_back(set.durationNs(r));
        std::sort(d.begin(), d.end());
        s.p50Ns = nearestRank(d, 50);
        s.p95Ns = nearestRank(d, 95);
        s.maxNs = d.empty() ? 0 : d.back();
    }
    return out;
}

std::vector<std::pair<uint32_t, uint32_t>> selfRanges(const LinkIndex &link, const TraceSet &set,
                                                      const std::vector<uint32_t> &rows) {
    std::vector<std::pair<uint32_t, uint32_t>> out;
    for (uint32_t r : rows) {
        if (link.sampleCount(r) == 0)
            continue;
        const auto range = link.range(r, LinkScope::Self, set);
        if (!out.empty() && out.back().second == range.first)
            out.back().second = range.second;
        else
            out.push_back(range);
    }
    return out;
}

FunctionSamples functionSamples(const Profile &p, const TraceSet &set, const LinkIndex &link, StringId function) {
    FunctionSamples out;
    out.perRow.assign(set.spanCount(), 0);
    out.rowTotal.assign(set.spanCount(), 0);
    out.perTrace.assign(set.traces.size(), 0);
    const auto &parents = p.trie.parents();
    const auto &frames = p.trie.frames();
    std::vector<uint8_t> has(p.trie.size());
    for (size_t n = 1; n < has.size(); ++n)
        has[n] = has[parents[n]] || p.frames.at(FrameId(frames[n])).name == function;
    for (uint32_t i = 0; i < p.sampleNode.size(); ++i) {
        const uint32_t span = link.spanOfSample(i);
        if (span == TraceSet::kNoRow || span >= out.perRow.size())
            continue;
        ++out.rowTotal[span];
        if (has[p.sampleNode[i]]) {
            ++out.perRow[span];
            ++out.perTrace[set.trace[span]];
        }
    }
    return out;
}

} // namespace spanfire
