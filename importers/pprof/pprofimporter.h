#pragma once
// pprof importer: decodes an uncompressed perftools.profiles.Profile message
// straight into the columnar model (no libprotobuf message objects for
// samples, no 2 GiB limit).
//
// Contract: accepts and rejects what `go tool pprof` (google/pprof
// profile.ParseData + CheckValid) accepts and rejects, with the same wording
// where it has one, plus the byte offset of the offending record. Problems
// pprof tolerates become named warning counts on the Profile. drop_frames /
// keep_frames are applied as pprof's RemoveUninteresting() does when
// ImportOptions::applyDropFrames is set.
//
// Decoding is two passes over the same buffer: the first reads every table
// (strings, functions, mappings, locations) and skips samples; the second
// streams samples into the columns. So samples may precede the tables they
// reference, and nothing per sample is copied or heap-allocated.
//
// Thread affinity: runs on the calling thread; the result is immutable.

#include "importers/common/importcontext.h"

#include <memory>
#include <string_view>

namespace spanfire {

// Returns nullptr on error (details in ctx.error()).
std::shared_ptr<Profile> importPprof(ImportContext &ctx, std::string_view data);

class GzipStream;
// The same, for a profile that `gz` is still inflating: samples are decoded
// on this thread right behind the inflater on its own (a .pb.gz then loads
// in about the time it takes to inflate). Returns nullptr with ctx.failed()
// on an error; nullptr with !ctx.failed() when the gzip stream was not one
// clean member, and the caller must decompress and decode the ordinary way.
std::shared_ptr<Profile> importPprofFollowing(ImportContext &ctx, GzipStream &gz);

} // namespace spanfire
