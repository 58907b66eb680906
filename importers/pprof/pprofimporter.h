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

#include "importers/common/gzipstream.h"
#include "importers/common/importcontext.h"

#include <memory>
#include <string_view>

namespace spanfire {

// Returns nullptr on error (details in ctx.error()).
std::shared_ptr<Profile> importPprof(ImportContext &ctx, std::string_view data);

// The same for a .pb.gz, from `gz`'s chunks as they are inflated on its worker
// thread (the samples are decoded meanwhile on this one), starting with `first` (which the caller
// sniffed): only what the model keeps is copied out, so no buffer of the whole
// decompressed size exists. nullptr with retry: decode the file the ordinary
// way (not one clean gzip member, or a malformed profile whose error the
// ordinary decoder reports); nullptr without retry: the error in ctx.
std::shared_ptr<Profile> importPprofChunked(ImportContext &ctx, GzipChunks &gz, const GzipChunks::Chunk &first,
                                            bool &retry);

} // namespace spanfire
