#include "importers/symbolize/loadhook.h"

#include "importers/symbolize/symbolizer.h"

namespace spanfire {

bool symbolizeOnLoad(ImportContext &ctx, std::shared_ptr<Profile> &profile) {
    const ImportOptions &io = ctx.options();
    if (!profile || !io.symbolize)
        return true;
    bool any = false;
    for (const Frame &f : profile->frames.frames())
        if (f.kind == FrameKind::Unsymbolized && (f.module.v != 0 || f.buildId.v != 0)) {
            any = true;
            break;
        }
    if (!any)
        return true;
    SymbolizeOptions so;
    so.debugDirs = io.debugDirs;
    so.cancel = io.cancel;
    so.progress = io.progress;
    Symbolizer symbolizer(so);
    const SymbolizeResult r = symbolizer.symbolizeInPlace(*profile); // fresh import: nobody shares it yet
    if (r.cancelled)
        return ctx.failCancelled();
    return true;
}

} // namespace spanfire
