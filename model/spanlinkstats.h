#pragma once
// Span/sample link statistics on top of a LinkIndex (issue 4 §3/§4):
//  * explainSpan(): how many samples a span has in a scope, how many were
//    expected from its duration x the profile's sampling rate, and -- when it
//    has none -- why (not linked, shorter than the sampling interval, only
//    root spans labelled, profile does not cover the span's time);
//  * operationStats(): per operation (service, span name) the span count,
//    p50/p95/max durations (nearest rank) and linked samples, with the rows;
//  * selfRanges(): the merged `order` ranges of a set of rows (self scope),
//    so an operation's samples are one SampleSelection;
//  * functionSamples(): per span row, linked samples whose stack contains a
//    function, and their sums per trace (the reverse link).
// Pure functions over immutable inputs; any thread. No Qt.

#include "model/linkindex.h"
#include "model/profile.h"
#include "model/spantable.h"

#include <cstdint>
#include <utility>
#include <vector>

namespace spanfire {

enum class NoSampleReason : uint8_t {
    None,               // the span has samples
    NotLinked,          // profile and traces are not linked at all
    RootsOnly,          // only root spans carry span ids; `rootRow` has the samples
    OutsideProfileTime, // the profile was recorded at another time
    ShorterThanPeriod,  // expected < 1 sample at the profile's rate
    NoneRecorded,       // covered, long enough, yet no sample (e.g. off-CPU)
};

struct SpanSampleInfo {
    uint64_t samples = 0;
    double expected = -1; // duration x rate; < 0 when the rate is unknown
    NoSampleReason reason = NoSampleReason::None;
    uint32_t rootRow = TraceSet::kNoRow; // for RootsOnly: the span's root
};

// Samples per second from period / period type (time units only); 0 when unknown.
double samplingRatePerSecond(const Profile &profile);

SpanSampleInfo explainSpan(const Profile &profile, const TraceSet &set, const LinkIndex *link, uint32_t row,
                           LinkScope scope);

struct OperationStat {
    StringId service;
    StringId name;
    uint32_t count = 0;
    int64_t p50Ns = 0;
    int64_t p95Ns = 0;
    int64_t maxNs = 0;
    uint64_t linkedSamples = 0; // self scope, summed over the spans
    std::vector<uint32_t> rows; // ascending
};

// One entry per TraceSet::operations entry, in the same order. `link` may be null.
std::vector<OperationStat> operationStats(const TraceSet &set, const LinkIndex *link);

// Nearest-rank percentile (0 < p <= 100) of sorted values; 0 when empty.
int64_t nearestRank(const std::vector<int64_t> &sorted, double p);

// Merged half-open ranges of `order` holding the self samples of `rows`.
std::vector<std::pair<uint32_t, uint32_t>> selfRanges(const LinkIndex &link, const TraceSet &set,
                                                      const std::vector<uint32_t> &rows);

struct FunctionSamples {
    std::vector<uint64_t> perRow;   // size spanCount
    std::vector<uint64_t> perTrace; // size traces
    std::vector<uint64_t> rowTotal; // all linked samples of the row (self), for shares
};
// Counts samples whose stack contains a frame named `function`.
FunctionSamples functionSamples(const Profile &profile, const TraceSet &set, const LinkIndex &link, StringId function);

} // namespace spanfire
