#pragma once
// `spanfire-cli symbolize IN OUT.pb.gz [--debug-dir DIR]... [--no-system-debug-dir]
// [--json]`: loads a profile, symbolizes its address-only frames from local
// ELF/DWARF files (importers/symbolize) and writes a gzip'ed pprof that
// `go tool pprof` reads. Prints one line per mapping (status, addresses
// symbolized) to stdout. Exit status as every command (commands.h).
// Thread affinity: main thread.

#include <string>
#include <vector>

namespace spanfire::cli {

// `args` is the whole argument list after the program name ("symbolize" first).
int runSymbolize(const std::vector<std::string> &args);

} // namespace spanfire::cli
