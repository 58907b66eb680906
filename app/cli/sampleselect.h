#pragma once
// Sample selection for top / folded / render: turns the filter options
// (--focus REGEX, --span ID --scope, --trace ID, --operation NAME,
// --time-range) into a SampleSelection over one profile's sample indices.
// Span filters link the profile to the trace files given beside it through
// LinkIndex (labels, explicit links or time). Cost: O(samples + trie nodes).

#include "app/cli/options.h"
#include "model/aggregator.h"

#include <memory>
#include <string>

namespace spanfire {
class Profile;
class TraceSet;
} // namespace spanfire

namespace spanfire::cli {

struct SelectionResult {
    SampleSelection selection = SampleSelection::everything();
    bool filtered = false; // any filter given
};

// Returns false after printing the one-line error (naming `path`).
bool selectSamples(const CliOptions &o, const Profile &profile, const std::string &path, const TraceSet *traces,
                   SelectionResult &out);

} // namespace spanfire::cli
