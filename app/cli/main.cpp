// spanfire-cli: headless access to what Spanfire loads (see options.cpp usage()).
// info/top/folded/spans/symbolize run here, without any widget library loaded;
// render becomes the GUI binary next to this one (`spanfire --cli-render ARGS`,
// same arguments, exit code and messages), which creates a QApplication
// (offscreen when there is no display).
#include "app/cli/cmd_symbolize.h"
#include "app/cli/commands.h"
#include "app/cli/options.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>
#include <unistd.h>
#include <vector>

namespace {

// Replaces this process with `spanfire --cli-render ARGS...` from the same
// directory. Returns only on failure.
int execRender(int argc, char **argv) {
    std::string self(4096, '\0');
    const ssize_t n = ::readlink("/proc/self/exe", self.data(), self.size() - 1);
    self.resize(n > 0 ? size_t(n) : 0);
    const size_t slash = self.rfind('/');
    const std::string gui = (slash == std::string::npos ? std::string(".") : self.substr(0, slash)) + "/spanfire";
    std::vector<char *> args;
    std::string flag = "--cli-render";
    args.push_back(const_cast<char *>(gui.c_str()));
    args.push_back(flag.data());
    for (int i = 1; i < argc; ++i)
        args.push_back(argv[i]);
    args.push_back(nullptr);
    std::fflush(nullptr);
    ::execv(gui.c_str(), args.data());
    return spanfire::cli::fail("render needs the spanfire program next to spanfire-cli (" + gui +
                               "): " + std::strerror(errno));
}

} // namespace

int main(int argc, char **argv) {
    using namespace spanfire::cli;
    std::vector<std::string> args(argv + 1, argv + argc);
    if (!args.empty() && args[0] == "symbolize") // own arguments (cmd_symbolize.h)
        return runSymbolize(args);
    CliOptions options;
    std::string error;
    if (!parseOptions(args, options, error)) {
        fail(error + " (see spanfire-cli --help)");
        return kExitBadInput;
    }
    if (options.command == "help") {
        std::fputs(usage(), stdout);
        return kExitOk;
    }
    if (options.command == "info")
        return runInfo(options);
    if (options.command == "top")
        return runTop(options);
    if (options.command == "folded")
        return runFolded(options);
    if (options.command == "spans")
        return runSpans(options);
    return execRender(argc, argv);
}
