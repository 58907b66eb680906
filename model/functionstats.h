#pragma once
// Queries over a FlameTree that views and the CLI share: the top-functions
// table, callers/callees of one function, and search-match totals.
// All are O(nodes of the tree) and need a non-inverted tree. Functions are
// keyed by name, as pprof's default "functions" granularity does. "cum" counts
// a function once per sample path even when it recurses (pprof semantics).

#include "model/flametree.h"
#include "model/profile.h"

#include <vector>

namespace spanfire {

struct FunctionStat {
    StringId name;
    int64_t flat = 0;
    int64_t cum = 0;
};

// Sorted by flat descending, then cum descending, then name.
std::vector<FunctionStat> topFunctions(const FlameTree &tree, const Profile &profile);

struct FunctionNeighbors {
    FunctionStat self;                 // the function itself (flat, cum)
    std::vector<FunctionStat> callers; // cum = time of `name` reached from this caller
    std::vector<FunctionStat> callees; // cum = time in this callee under `name`
};
FunctionNeighbors functionNeighbors(const FlameTree &tree, const Profile &profile, StringId name);

// `stats` of profile `from` with `to`'s name ids (functions matched by name;
// those `to` lacks are dropped), to compare the functions of two profiles.
std::vector<FunctionStat> renameFunctions(std::vector<FunctionStat> stats, const Profile &from, const Profile &to);

// Total of the samples whose path contains at least one frame with
// frameMatches[frame] != 0, counting each sample once (no double counting of
// recursion or of several matching functions on one path).
int64_t matchedTotal(const FlameTree &tree, const std::vector<uint8_t> &frameMatches);

} // namespace spanfire
