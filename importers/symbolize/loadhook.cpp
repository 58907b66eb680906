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
    SymbolizeResult r = symbolize(*profile, so);
    if (r.cancelled)
        return ctx.failCancelled();
    if (r.changed && r.profile)
        profile = std::const_pointer_cast<Profile>(r.profile); // freshly built, not shared yet
    else
        for (const auto &w : r.profile ? r.profile->warnings : std::vector<NamedCount>())
            if (w.name.rfind("addresses not symbolized", 0) == 0 || w.name.rfind("refused ", 0) == 0)
                profile->addWarning(w.name, w.count);
    return true;
}

} // namespace spanfire
