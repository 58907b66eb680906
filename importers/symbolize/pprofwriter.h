#pragma once
// pprof writer: a model Profile -> perftools.profiles.Profile bytes (optionally
// gzip'ed), readable by `go tool pprof`. Used by `spanfire-cli symbolize` and
// meant for exports.
//
// Mapping of the model onto pprof: each trie node whose frame is not an
// inlined frame ends a Location; inlined frames join the Location of the
// frame they were inlined into as extra Lines (innermost first). A frame is a
// Function (id = frame id + 1); an unsymbolized frame is a Location with an
// address and no lines. A sample keeps its values, labels and the location
// chain of its leaf node; timestamps, which pprof has no field for, are
// dropped. Optional per-node side tables give line numbers and file-relative
// addresses (SymbolizeResult::nodeLine / nodeAddress); addresses are turned
// back into memory addresses through the frame's mapping.
// Thread affinity: none; reads the immutable profile.

#include "model/profile.h"

#include <cstdint>
#include <string>
#include <vector>

namespace spanfire {

struct PprofWriteOptions {
    const std::vector<uint32_t> *nodeLine = nullptr;
    const std::vector<uint64_t> *nodeAddress = nullptr;
    bool gzip = true;
};

std::string writePprof(const Profile &profile, const PprofWriteOptions &options = {});
// Writes to `path` (replacing it); on failure returns false with a message.
bool writePprofFile(const std::string &path, const Profile &profile, const PprofWriteOptions &options,
                    std::string &error);

} // namespace spanfire
