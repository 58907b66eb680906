#include "app/cli/cmd_symbolize.h"

#include "app/cli/commands.h"
#include "importers/importer.h"
#include "importers/symbolize/pprofwriter.h"
#include "importers/symbolize/symbolizer.h"

#include <cstdio>

namespace spanfire::cli {

namespace {

const char kUsage[] =
    "usage: spanfire-cli symbolize IN OUT.pb.gz [--debug-dir DIR]... [--no-system-debug-dir] [--json]\n"
    "  Resolves address-only frames (module+0xoffset) of the profile IN from local\n"
    "  binaries and debug files: the mapping path when its build id matches, else\n"
    "  DIR/.build-id/xx/rest.debug, DIR/<build id>.debug and .gnu_debuglink in each\n"
    "  --debug-dir DIR (repeatable) and /usr/lib/debug. Writes a gzip'ed pprof with\n"
    "  functions, lines and inline frames to OUT. Files whose build id differs from\n"
    "  the profile's are refused (the frames keep their addresses).\n";

std::string jsonString(const std::string &s) {
    std::string out = "\"";
    for (unsigned char c : s) {
        if (c == '"' || c == '\\') {
            out += '\\';
            out += char(c);
        } else if (c < 0x20) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\u%04x", c);
            out += buf;
        } else {
            out += char(c);
        }
    }
    return out + "\"";
}

} // namespace

int runSymbolize(const std::vector<std::string> &args) {
    std::vector<std::string> files;
    SymbolizeOptions options;
    bool json = false;
    for (size_t i = 1; i < args.size(); ++i) {
        const std::string &a = args[i];
        if (a == "--help" || a == "-h") {
            std::fputs(kUsage, stdout);
            return kExitOk;
        }
        if (a == "--debug-dir") {
            if (i + 1 >= args.size())
                return fail("symbolize: --debug-dir needs a folder (see spanfire-cli symbolize --help)");
            options.debugDirs.push_back(args[++i]);
        } else if (a.rfind("--debug-dir=", 0) == 0) {
            options.debugDirs.push_back(a.substr(12));
        } else if (a == "--no-system-debug-dir") {
            options.systemDebugDir = false;
        } else if (a == "--json") {
            json = true;
        } else if (a.size() > 1 && a[0] == '-') {
            return fail("symbolize: unknown option " + a + " (see spanfire-cli symbolize --help)");
        } else {
            files.push_back(a);
        }
    }
    if (files.size() != 2)
        return fail("symbolize: expected IN and OUT files (see spanfire-cli symbolize --help)");

    ImportOptions io;
    io.symbolize = false; // done below, with the debug folders and the per-node lines the writer needs
    const ImportResult in = importFile(files[0], io);
    if (!in.ok)
        return fail(in.error.toString());
    if (!in.profile)
        return fail(files[0] + ": not a profile (" + in.format + ")");

    const SymbolizeResult r = symbolize(*in.profile, options);
    if (!r.ok)
        return fail(files[0] + ": symbolization was cancelled");
    PprofWriteOptions wo;
    wo.nodeLine = &r.nodeLine;
    wo.nodeAddress = &r.nodeAddress;
    std::string error;
    if (!writePprofFile(files[1], *r.profile, wo, error))
        return fail(error);

    if (json) {
        std::printf("{\"input\":%s,\"output\":%s,\"addresses\":%llu,\"symbolized\":%llu,\"mappings\":[",
                    jsonString(files[0]).c_str(), jsonString(files[1]).c_str(),
                    static_cast<unsigned long long>(r.addresses), static_cast<unsigned long long>(r.symbolized));
        for (size_t i = 0; i < r.mappings.size(); ++i) {
            const MappingReport &m = r.mappings[i];
            std::printf("%s{\"file\":%s,\"buildId\":%s,\"status\":%s,\"addresses\":%llu,\"symbolized\":%llu,"
                        "\"elf\":%s,\"debug\":%s,\"message\":%s}",
                        i ? "," : "", jsonString(m.file).c_str(), jsonString(m.buildId).c_str(),
                        jsonString(mappingStatusName(m.status)).c_str(), static_cast<unsigned long long>(m.addresses),
                        static_cast<unsigned long long>(m.symbolized), jsonString(m.elfPath).c_str(),
                        jsonString(m.debugPath).c_str(), jsonString(m.message).c_str());
        }
        std::printf("]}\n");
        return kExitOk;
    }
    std::printf("%s: %llu of %llu addresses symbolized -> %s\n", files[0].c_str(),
                static_cast<unsigned long long>(r.symbolized), static_cast<unsigned long long>(r.addresses),
                files[1].c_str());
    for (const MappingReport &m : r.mappings) {
        std::printf("  %-13s %llu/%llu  %s%s%s%s%s\n", mappingStatusName(m.status),
                    static_cast<unsigned long long>(m.symbolized), static_cast<unsigned long long>(m.addresses),
                    m.file.empty() ? "(no mapping)" : m.file.c_str(), m.buildId.empty() ? "" : " [", m.buildId.c_str(),
                    m.buildId.empty() ? "" : "]", m.debugPath.empty() ? "" : (" <- " + m.debugPath).c_str());
        if (!m.message.empty())
            std::printf("    warning: %s\n", m.message.c_str());
    }
    return kExitOk;
}

} // namespace spanfire::cli
