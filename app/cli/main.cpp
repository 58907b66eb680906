// spanfire-cli: headless access to what Spanfire loads (see options.cpp usage()).
// info/top/folded/spans run without any Q(Core)Application; render creates a
// QApplication (offscreen when there is no display).
#include "app/cli/cmd_symbolize.h"
#include "app/cli/commands.h"
#include "app/cli/options.h"

#include <cstdio>
#include <string>
#include <vector>

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
    return runRender(options, argc, argv);
}
