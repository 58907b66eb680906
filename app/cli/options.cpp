#include "app/cli/options.h"

#include <algorithm>
#include <cstdlib>

namespace spanfire::cli {

const char *usage() {
    return "usage: spanfire-cli COMMAND FILE... [options]\n"
           "\n"
           "commands:\n"
           "  info FILE... [--json]\n"
           "      per file: detected format, sample types, sample count, totals, duration,\n"
           "      warnings; for trace files: trace count, span count, services\n"
           "  top FILE... [--sample-type TYPE] [--limit N] [--focus REGEX] [--json]\n"
           "      functions by flat (self) value, as `go tool pprof -top`; TYPE is type/unit or\n"
           "      type (default: the file's default sample type); --focus keeps only samples\n"
           "      with a frame whose function, file or module matches REGEX (total stays the\n"
           "      whole profile's, as in pprof); several files are summed by function name.\n"
           "      Text output shows 25 rows unless --limit is given; JSON shows all.\n"
           "      --diff-base BASE: compare with the profile BASE (before/after; functions\n"
           "      matched by name, same sample type): adds each function's cum share in BASE\n"
           "      and the change in percentage points, sorted by the change, largest growth\n"
           "      first (functions only in BASE are listed too)\n"
           "  span filters for top, folded and render (give trace files beside the profiles):\n"
           "      --span ID [--scope self|descendants|exclusive]   samples linked to one span\n"
           "      --trace ID   samples of one trace      --operation NAME   spans of that name\n"
           "      --time-range START_NS:END_NS   samples with timestamps in that range\n"
           "      --span-label KEY   pprof label holding span ids (repeatable; tried before the\n"
           "                         defaults span_id, span id, local root span id, profile_id)\n"
           "  folded FILE... [--sample-type TYPE]\n"
           "      `root;caller;leaf value` lines (several files are summed by stack)\n"
           "  spans FILE... [--trace ID] [--with-samples] [--json]\n"
           "      one row per trace; with --trace, one row per span of that trace;\n"
           "      --with-samples (profiles given too) adds linked sample counts\n"
           "  render FILE... --view flame|icicle|top|window|timeline --out OUT.png [--size WxH]\n"
           "      [--sample-type TYPE] [--trace ID]   renders the real widgets offscreen;\n"
           "      without --size, flame/icicle images grow taller to show every stack level\n"
           "  symbolize IN OUT.pb.gz [--debug-dir DIR]... [--no-system-debug-dir] [--json]\n"
           "      resolves address-only frames from local ELF/DWARF files; writes gzip pprof\n"
           "\n"
           "exit status: 0 on success, 2 on bad input (one line on stderr naming the file)\n";
}

namespace {
bool parseSize(const std::string &s, int &w, int &h) {
    const auto x = s.find('x');
    if (x == std::string::npos)
        return false;
    char *end = nullptr;
    const long lw = std::strtol(s.c_str(), &end, 10);
    if (end != s.c_str() + x)
        return false;
    const long lh = std::strtol(s.c_str() + x + 1, &end, 10);
    if (*end != '\0' || lw < 16 || lh < 16 || lw > 16384 || lh > 16384)
        return false;
    w = static_cast<int>(lw);
    h = static_cast<int>(lh);
    return true;
}
} // namespace

bool parseOptions(const std::vector<std::string> &args, CliOptions &o, std::string &error) {
    if (args.empty()) {
        error = "missing command";
        return false;
    }
    o.command = args[0];
    if (o.command == "-h" || o.command == "--help" || o.command == "help") {
        o.command = "help";
        return true;
    }
    if (o.command != "info" && o.command != "top" && o.command != "folded" && o.command != "spans" &&
        o.command != "render") {
        error = "unknown command '" + o.command + "'";
        return false;
    }
    for (size_t i = 1; i < args.size(); ++i) {
        const std::string &a = args[i];
        auto needValue = [&](std::string &dst) {
            if (i + 1 >= args.size()) {
                error = "option " + a + " needs a value";
                return false;
            }
            dst = args[++i];
            return true;
        };
        std::string v;
        if (a == "--json") {
            o.json = true;
        } else if (a == "--sample-type") {
            if (!needValue(o.sampleType))
                return false;
        } else if (a == "--focus") {
            if (!needValue(o.focus))
                return false;
        } else if (a == "--view") {
            if (!needValue(o.view))
                return false;
        } else if (a == "--out" || a == "-o") {
            if (!needValue(o.out))
                return false;
        } else if (a == "--trace") {
            if (!needValue(o.traceId))
                return false;
        } else if (a == "--span") {
            if (!needValue(o.spanId))
                return false;
        } else if (a == "--scope") {
            if (!needValue(o.scope))
                return false;
            if (o.scope != "self" && o.scope != "descendants" && o.scope != "exclusive") {
                error = "--scope must be self, descendants or exclusive";
                return false;
            }
        } else if (a == "--operation") {
            if (!needValue(o.operation))
                return false;
        } else if (a == "--span-label") {
            if (!needValue(v))
                return false;
            if (v.empty()) {
                error = "--span-label needs a label key";
                return false;
            }
            o.spanLabels.push_back(v);
        } else if (a == "--diff-base") {
            if (!needValue(o.diffBase))
                return false;
            if (o.diffBase.empty()) {
                error = "--diff-base needs a profile file";
                return false;
            }
        } else if (a == "--with-samples") {
            o.withSamples = true;
        } else if (a == "--time-range") {
            if (!needValue(v))
                return false;
            const auto colon = v.find(':');
            char *end = nullptr;
            bool ok = colon != std::string::npos && colon > 0;
            if (ok) {
                o.timeBegin = std::strtoll(v.c_str(), &end, 10);
                ok = end == v.c_str() + colon;
            }
            if (ok) {
                o.timeEnd = std::strtoll(v.c_str() + colon + 1, &end, 10);
                ok = *end == '\0' && colon + 1 < v.size() && o.timeEnd > o.timeBegin;
            }
            if (!ok) {
                error = "--time-range needs START_NS:END_NS with START < END, got '" + v + "'";
                return false;
            }
            o.hasTimeRange = true;
        } else if (a == "--limit") {
            if (!needValue(v))
                return false;
            char *end = nullptr;
            o.limit = std::strtoll(v.c_str(), &end, 10);
            if (v.empty() || *end != '\0' || o.limit < 0) {
                error = "--limit needs a non-negative number, got '" + v + "'";
                return false;
            }
        } else if (a == "--size") {
            if (!needValue(v))
                return false;
            o.sizeGiven = true;
            if (!parseSize(v, o.width, o.height)) {
                error = "--size needs WxH (16..16384), got '" + v + "'";
                return false;
            }
        } else if (a == "--") {
            for (++i; i < args.size(); ++i)
                o.files.push_back(args[i]);
        } else if (a.size() > 1 && a[0] == '-') {
            error = "unknown option '" + a + "'";
            return false;
        } else {
            o.files.push_back(a);
        }
    }
    if (o.files.empty()) {
        error = o.command + ": no input file given";
        return false;
    }
    if (o.command == "render") {
        if (o.view != "flame" && o.view != "icicle" && o.view != "top" && o.view != "window" && o.view != "timeline") {
            error = "render: --view must be flame, icicle, top, window or timeline";
            return false;
        }
        if (o.out.empty()) {
            error = "render: --out OUT.png is required";
            return false;
        }
    }
    return true;
}

LinkOptions CliOptions::linkOptions() const {
    LinkOptions lo;
    std::vector<std::string> keys = spanLabels;
    for (const std::string &k : lo.labelKeys)
        if (std::find(keys.begin(), keys.end(), k) == keys.end())
            keys.push_back(k);
    lo.labelKeys = keys;
    return lo;
}

} // namespace spanfire::cli
