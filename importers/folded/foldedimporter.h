#pragma once
// Folded ("collapsed") stacks importer, Brendan Gregg's format: one stack per
// line, frames root first separated by ';', the count after the LAST space.
// Accepts LF or CRLF, UTF-8 (optional BOM) or UTF-16LE/BE with a BOM. Blank
// lines are ignored; '#' and '//' comment lines and lines without a trailing
// integer count are skipped and counted as named warnings. Lines with two
// trailing counts (difffolded.pl) use the second one. Identical stacks on
// several lines are summed into one sample row. One sample type,
// "samples/count".
//
// Thread affinity: runs on the calling thread; the result is immutable.

#include "importers/common/importcontext.h"

#include <memory>
#include <string_view>

namespace spanfire {

// Returns nullptr on error (details in ctx.error()).
std::shared_ptr<Profile> importFolded(ImportContext &ctx, std::string_view data);

} // namespace spanfire
