#pragma once
// OTLP profiles import (profiles/v1development, FORMATS.md §3): entry point
// used by importers/importer.cpp's dispatch. Accepts, after the outer
// compression layers were peeled:
//  * one binary ExportProfilesServiceRequest / ProfilesData (v1.8..v1.11;
//    the v1.8/v1.9 vs v1.10+ Sample layout is sniffed, older layouts are
//    refused with "unsupported OTLP profiles version"),
//  * OTLP/JSON (one document or JSON lines, each with resourceProfiles),
//  * Collector file-exporter framing: [u32 big-endian length][record]...,
//    each record protobuf, JSON or zstd-compressed.
// Every request of a file lands in one model Profile (see
// OtlpProfilesAssembler in profilesrequest.h for how several Profiles /
// sample types are merged). Never throws; errors name the file and offset.
// Thread affinity: runs on the calling (import) thread.

#include "importers/common/importcontext.h"

#include <memory>
#include <string_view>

namespace spanfire {

// True when uncompressed bytes sniffed as JSON or length-prefixed records
// hold OTLP profiles rather than traces.
bool looksLikeOtlpProfiles(std::string_view bytes);

// nullptr on error (ctx.error() says why).
std::shared_ptr<Profile> importOtlpProfiles(ImportContext &ctx, std::string_view bytes);

} // namespace spanfire
