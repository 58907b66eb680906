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
// Decoding: one pass reads every table (strings, functions, mappings,
// locations); one scan decodes every sample straight into the value columns
// and reduces its stack and labels to dense keys (digest maps; no table
// needed, so samples may precede the tables they reference, and for a .pb.gz
// the scan runs while the file is still being inflated); then each distinct
// stack becomes a trie node (the trie built from the sorted distinct paths,
// in flame-graph order) and each distinct label list a label set, on two
// threads. Nothing per sample is heap-allocated.
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
