#pragma once
// ImportContext: the per-file state every importer stage shares: the file
// name for error messages, the caller's options (limits, cancel flag,
// progress callback), the first error, and the stack of container layers
// (gzip, zstd...) peeled off so far. Progress is reported 0..1000 over the
// whole file: each stage gets a sub-range [base, base+span) and reports
// bytes done / bytes total inside it; reports are throttled to ~30 per second
// (and always when a stage ends). Cancel is an atomic flag polled by callers
// every few thousand records via cancelled().
//
// Thread affinity: used by the one thread that runs the import.

#include "importers/importer.h"

#include <chrono>
#include <string>
#include <vector>

namespace spanfire {

class ImportContext {
public:
    ImportContext(std::string name, const ImportOptions &options);

    const std::string &name() const { return m_name; }
    const ImportOptions &options() const { return m_options; }
    const ImportLimits &limits() const { return m_options.limits; }

    // Progress: stage label (static string) and its permille sub-range.
    void beginStage(const char *stage, int basePermille, int spanPermille);
    void progress(uint64_t done, uint64_t total);
    void endStage() { report(m_base + m_span, true); }

    bool cancelled() const { return m_options.cancel && m_options.cancel->load(std::memory_order_relaxed); }

    // Errors: the first one wins; all return false so callers can
    // `return ctx.fail(...)`.
    bool fail(std::string message);
    bool failAt(std::string message, uint64_t offset);
    bool failCancelled();
    // Takes over an error found through another context (the first error
    // still wins).
    void adoptError(const ImportError &error);
    bool failed() const { return m_failed; }
    const ImportError &error() const { return m_error; }

    // True when the bytes being parsed belong to the import (a decompressed
    // buffer or importFile's private mapping): parsers may then release the
    // pages they are done with (releasePages()).
    bool inputDisposable() const { return m_inputDisposable; }
    void setInputDisposable(bool disposable) { m_inputDisposable = disposable; }
    // True when released pages of the input read back their contents (the
    // file mapping of importFile(), not a decompressed buffer): a parser may
    // then release behind one cursor while another still reads behind it.
    bool inputRereadable() const { return m_inputRereadable; }
    void setInputRereadable(bool rereadable) { m_inputRereadable = rereadable; }

    // Container layers, outermost first ("gzip", "zstd").
    void pushLayer(const char *layer) { m_layers.push_back(layer); }
    const std::vector<const char *> &layers() const { return m_layers; }
    // "pprof (gzip)", "pprof (zstd, gzip)", "pprof".
    std::string formatLabel(const char *format) const;

private:
    void report(int permille, bool force);

    std::string m_name;
    const ImportOptions &m_options;
    ImportError m_error;
    bool m_failed = false;
    bool m_inputDisposable = false;
    bool m_inputRereadable = false;
    std::vector<const char *> m_layers;
    const char *m_stage = "";
    int m_base = 0;
    int m_span = 1000;
    int m_lastPermille = -1;
    std::chrono::steady_clock::time_point m_lastReport{};
};

} // namespace spanfire
