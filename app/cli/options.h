#pragma once
// CliOptions: the parsed command line of spanfire-cli (see usage()).
// parseOptions() never exits; it returns false with a one-line message.

#include "model/linkindex.h"

#include <string>
#include <vector>

namespace spanfire::cli {

struct CliOptions {
    std::string command; // info | top | folded | spans | render | help
    std::vector<std::string> files;
    bool json = false;
    std::string sampleType; // "type/unit" or "type"; empty = default
    long long limit = -1;   // -1 = command default
    std::string focus;      // regex; empty = none
    std::string view;       // render: flame | icicle | top | window | timeline
    std::string out;        // render: output PNG
    int width = 1600;
    int height = 1000;
    bool sizeGiven = false; // --size given (else flame/icicle grow to show every level)
    std::string traceId;    // spans / render timeline: 32 hex digits (prefix allowed); top/folded: filter
    // Span filters for top/folded/render (trace files given beside the profiles).
    std::string spanId;         // 16 hex digits
    std::string scope = "self"; // self | descendants | exclusive
    std::string operation;      // span name
    bool hasTimeRange = false;
    long long timeBegin = 0, timeEnd = 0; // ns since epoch, half-open
    bool withSamples = false;             // spans: linked sample counts per span
    std::vector<std::string> spanLabels;  // --span-label KEY (repeatable): label keys holding span ids
    std::string diffBase;                 // top: baseline profile file (before/after)

    // Link options: the --span-label keys first, then the default keys.
    LinkOptions linkOptions() const;

    bool hasSpanFilter() const { return !spanId.empty() || !traceId.empty() || !operation.empty(); }
};

const char *usage();
bool parseOptions(const std::vector<std::string> &args, CliOptions &options, std::string &error);

} // namespace spanfire::cli
