#include "importers/common/importcontext.h"

#include <algorithm>

namespace spanfire {

namespace {
constexpr auto kReportInterval = std::chrono::milliseconds(33);
}

ImportContext::ImportContext(std::string name, const ImportOptions &options)
    : m_name(std::move(name)), m_options(options) {
    m_error.file = m_name;
}

void ImportContext::beginStage(const char *stage, int basePermille, int spanPermille) {
    m_stage = stage;
    m_base = std::clamp(basePermille, 0, 1000);
    m_span = std::clamp(spanPermille, 0, 1000 - m_base);
    report(m_base, true);
}

void ImportContext::progress(uint64_t done, uint64_t total) {
    if (!m_options.progress)
        return;
    const uint64_t frac = total == 0 ? 0 : std::min<uint64_t>(1000, done * 1000 / total);
    report(m_base + int(frac * uint64_t(m_span) / 1000), false);
}

void ImportContext::report(int permille, bool force) {
    if (!m_options.progress)
        return;
    permille = std::clamp(permille, 0, 1000);
    if (permille == m_lastPermille && !force)
        return;
    const auto now = std::chrono::steady_clock::now();
    if (!force && now - m_lastReport < kReportInterval)
        return;
    m_lastReport = now;
    m_lastPermille = permille;
    m_options.progress(permille, m_stage);
}

bool ImportContext::fail(std::string message) {
    if (m_failed)
        return false;
    m_failed = true;
    m_error.message = std::move(message);
    return false;
}

bool ImportContext::failAt(std::string message, uint64_t offset) {
    if (m_failed)
        return false;
    if (!m_layers.empty()) {
        // The offset is inside decompressed data, not the file itself.
        message += " (offset in the data decompressed from ";
        for (size_t i = 0; i < m_layers.size(); ++i) {
            message += i ? ", then " : "";
            message += m_layers[i];
        }
        message += ')';
    }
    fail(std::move(message));
    m_error.hasOffset = true;
    m_error.offset = offset;
    return false;
}

void ImportContext::adoptError(const ImportError &error) {
    if (m_failed)
        return;
    m_failed = true;
    m_error = error;
}

bool ImportContext::failCancelled() {
    if (m_failed)
        return false;
    fail("import cancelled");
    m_error.cancelled = true;
    return false;
}

std::string ImportContext::formatLabel(const char *format) const {
    std::string s = format;
    if (m_layers.empty())
        return s;
    s += " (";
    for (size_t i = 0; i < m_layers.size(); ++i) {
        s += i ? ", " : "";
        s += m_layers[i];
    }
    s += ')';
    return s;
}

} // namespace spanfire
