#pragma once
// Internal entry for importers/importer.cpp's dispatch: imports trace bytes
// (already stripped of the outer compression layers recorded in `ctx`) into
// a finished TraceSet. Public callers use importers/traces.h.

#include "importers/common/importcontext.h"

#include <string_view>

namespace spanfire {

ImportResult importTraces(ImportContext &ctx, std::string_view bytes);

} // namespace spanfire
