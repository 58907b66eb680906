#pragma once
// The spanfire-cli commands. Each returns the process exit status: 0 on
// success, 2 on bad input after printing exactly one line to stderr that names
// the file and the reason. Output goes to stdout.
// Thread affinity: main thread. Only `render` needs a Q(Gui)Application.

#include "app/cli/options.h"
#include "importers/importer.h"

#include <memory>
#include <string>
#include <vector>

namespace spanfire::cli {

constexpr int kExitOk = 0;
constexpr int kExitBadInput = 2;

struct LoadedFile {
    std::string path;
    ImportResult result;
};

// Prints "spanfire-cli: <message>" as one line to stderr and returns kExitBadInput.
int fail(const std::string &message);

// Loads every file; on the first failure prints its error and returns false.
bool loadFiles(const std::vector<std::string> &files, std::vector<LoadedFile> &out);
// Profiles (in order) and the merged traces of the trace files among `files`;
// at least one profile is required. False after fail()ing.
bool loadProfilesAndTraces(const std::vector<std::string> &files, std::vector<LoadedFile> &profiles,
                           std::shared_ptr<const TraceSet> &traces);
// Column of `spec` (or the default) in each profile; false after fail()ing.
bool resolveSampleTypes(const std::vector<LoadedFile> &files, const std::string &spec, std::vector<int> &columns);

// Human-readable value in the sample type's unit ("1.27s", "3.2MB", "512").
std::string formatValue(int64_t v, std::string_view unit);

int runInfo(const CliOptions &o);
int runTop(const CliOptions &o);
int runFolded(const CliOptions &o);
int runSpans(const CliOptions &o);
int runRender(const CliOptions &o, int argc, char **argv);

} // namespace spanfire::cli
