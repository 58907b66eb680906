#pragma once
// symbolizeOnLoad(): the importer's hook (importers/importer.cpp) that runs
// the Symbolizer on a freshly imported profile when ImportOptions::symbolize
// is set, on the loading thread, with the import's progress callback (stage
// "symbolizing") and cancel flag. The profile is rebuilt in place (every
// column the symbolizer does not know about stays as it is) only when at
// least one frame got a name; the per-mapping outcome lands in the profile's
// named warnings. Returns false (after ctx.failCancelled()) when cancelled.

#include "importers/common/importcontext.h"

#include <memory>

namespace spanfire {

bool symbolizeOnLoad(ImportContext &ctx, std::shared_ptr<Profile> &profile);

} // namespace spanfire
