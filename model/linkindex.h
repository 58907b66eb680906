#pragma once
// LinkIndex: which samples of one profile belong to which span of a TraceSet
// (ARCHITECTURE.md "How samples find their span"), decided once at load.
//
// Samples are ordered by a permutation (`order`) by the pre-order row of their
// span, so the samples of one span are the contiguous range
// order[rowBegin[r] .. rowBegin[r + 1]) and -- because a span's descendants
// are the rows [r + 1, subtreeEnd[r]) -- the samples of a span with all its
// descendants are one contiguous range too: a span click is O(1) to find and
// O(samples in span) to aggregate. Unlinked samples sort last.
//
// Methods, in order of preference:
//  1. Explicit links (OTLP profiles: per-sample trace id + span id) -- given
//     by the importer in Profile::sampleSpanId / sampleTraceId when present.
//  2. String labels holding a span id: keys `span_id` (Pyroscope), `span id`
//     and `local root span id` (Datadog, decimal), `profile_id` (older
//     Pyroscope); values normalised (hex case, 0x, decimal -> hex). An extra
//     `trace_id` label narrows the match to that trace.
//  3. Time: samples with timestamps (Profile::sampleTime, or numeric labels
//     `end_timestamp_ns` / `timestamp_ns` with epoch-like magnitudes) are given
//     to the innermost span whose [start - period, end + period] covers them.
//     This is an approximation and is reported as such.
// Immutable after build(); O(samples + spans log spans) to build.

#include "model/profile.h"
#include "model/spantable.h"

#include <cstdint>
#include <string>
#include <vector>

namespace spanfire {

enum class LinkMethod : uint8_t { None, ExplicitLink, Label, Time };
const char *linkMethodName(LinkMethod m);

struct LinkOptions {
    // Label keys tried in order; the first key present on any sample wins.
    std::vector<std::string> labelKeys{"span_id", "span id", "local root span id", "profile_id"};
};

enum class LinkScope : uint8_t {
    Self,        // samples attributed to this span
    Descendants, // this span and every span below it
    Exclusive,   // this span while none of its children ran (== Self for label/time links)
};

class LinkIndex {
public:
    static LinkIndex build(const Profile &profile, const TraceSet &traces, const LinkOptions &options = {});

    LinkMethod method() const { return m_method; }
    const std::string &labelKey() const { return m_labelKey; } // key used for Label links
    uint64_t linkedSamples() const { return m_linked; }
    uint64_t samplesWithSpanIds() const { return m_withIds; } // labelled samples, linked or not
    // True when every linked sample points at a root span: the producer only
    // labels local roots (otel-profiling-go's default), so child spans have
    // no samples of their own.
    bool rootsOnly() const { return m_rootsOnly; }

    const std::vector<uint32_t> &order() const { return m_order; }
    // Half-open range of `order` holding the samples of `row` in `scope`.
    std::pair<uint32_t, uint32_t> range(uint32_t row, LinkScope scope, const TraceSet &traces) const;
    // Range for all spans of a trace.
    std::pair<uint32_t, uint32_t> traceRange(uint32_t traceIndex, const TraceSet &traces) const;
    uint32_t sampleCount(uint32_t row) const { return m_rowBegin.empty() ? 0 : m_rowBegin[row + 1] - m_rowBegin[row]; }
    // Span row of sample i, or TraceSet::kNoRow.
    uint32_t spanOfSample(uint32_t sample) const {
        return m_sampleSpan.empty() ? TraceSet::kNoRow : m_sampleSpan[sample];
    }

private:
    void finishOrder(size_t spanCount);

    LinkMethod m_method = LinkMethod::None;
    std::string m_labelKey;
    uint64_t m_linked = 0;
    uint64_t m_withIds = 0;
    bool m_rootsOnly = false;
    std::vector<uint32_t> m_sampleSpan; // per sample: row or kNoRow
    std::vector<uint32_t> m_order;      // samples sorted by span row
    std::vector<uint32_t> m_rowBegin;   // size spans + 1
};

// Parses a span id label value: hex (any case, optional 0x, up to 16 digits)
// or, when `decimal` is set (Datadog keys), a decimal uint64.
bool parseSpanIdLabel(std::string_view value, bool decimal, uint64_t *out);

} // namespace spanfire
