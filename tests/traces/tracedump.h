#pragma once
// Test helper: canonical text dumps of a TraceSet, independent of row order
// and of how strings were interned, for comparing models loaded from
// different encodings of the same spans.
#include "model/spantable.h"

#include <string>
#include <vector>

namespace spanfire {

struct DumpOptions {
    bool attributes = true; // span, event and link attributes
    bool resources = true;  // resource attributes and scope
    bool links = true;
    bool eventAttributes = true;
};

// One line per span, sorted.
std::vector<std::string> dumpSpans(const TraceSet &s, const DumpOptions &o = {});
// "span <trace> <span> <shared> <parent|-|orphan> <start> <duration>" lines as
// written by scripts/make-trace-expected.py, sorted.
std::vector<std::string> expectedStyleLines(const TraceSet &s);
std::string attrText(const TraceSet &s, const Attribute &a);
// Every column, table and index as text, string ids and the attribute
// array's order included: equal only for identically laid out sets.
std::string exactLayout(const TraceSet &s);

} // namespace spanfire
