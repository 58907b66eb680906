#pragma once
// Test fixtures for the trace views: small hand-made traces built through the
// real TraceSetBuilder, and a large random trace for timing.

#include "model/spantable.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace spanfire::testing {

struct FixtureSpan {
    std::string name;
    std::string service;
    int parent = -1; // index in the trace's span list, -1 = root
    int64_t startNs = 0;
    int64_t endNs = 0;
    bool error = false;
    std::vector<int64_t> events;       // event times (absolute ns)
    int linkTrace = -1, linkSpan = -1; // a link to (trace index, span index) of the fixture
    std::vector<std::pair<std::string, std::string>> attributes;
};

struct FixtureTrace {
    std::vector<FixtureSpan> spans;
};

// Trace ids are 0x01.., 0x02..; span ids are (trace + 1) * 1000 + index + 1.
std::shared_ptr<const TraceSet> buildTraceSet(const std::vector<FixtureTrace> &traces);
TraceId fixtureTraceId(int trace);
uint64_t fixtureSpanId(int trace, int span);

// The checkout trace (trace 0) and a small trace with an HTML-like span name
// (trace 1); see tracefixture.cpp for the shape.
std::shared_ptr<const TraceSet> checkoutTraceSet();
// One trace of `spans` spans in a random (seeded) tree, 10 s long.
std::shared_ptr<const TraceSet> bigTraceSet(uint32_t spans, uint32_t seed = 42);

// Row of the first span with this name, or kNoRow.
uint32_t rowByName(const TraceSet &set, const std::string &name);

constexpr int64_t kMs = 1000000;
constexpr int64_t kBase = int64_t(1700000000) * 1000000000; // 2023-11-14, absolute ns

} // namespace spanfire::testing
