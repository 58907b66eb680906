#pragma once
// Test helper: builds a finished Profile from folded-stack lines
// ("main;work;leaf 10"), interning strings, frames and trie nodes directly
// into the model (no importer). A frame token may carry a location as
// "name@file:line@module". Extra value columns: "a;b 10 20" with
// `sampleTypes` naming each column as "type/unit".

#include "model/profile.h"

#include <memory>
#include <string>
#include <vector>

namespace spanfire::testing {

std::shared_ptr<Profile> profileFromFolded(const std::vector<std::string> &lines,
                                           const std::vector<std::string> &sampleTypes = {"samples/count"});

// A deterministic synthetic profile whose full aggregation has about `nodes` flame nodes.
std::shared_ptr<Profile> syntheticProfile(size_t nodes, uint32_t seed = 1);

} // namespace spanfire::testing
