#include "importers/pprof/dropframes.h"

namespace spanfire {

namespace {
// std::regex matches recursively; very long names could exhaust the stack.
constexpr size_t kMaxMatchedName = 4096;

std::optional<std::regex> compile(std::string_view pattern, const char *what, std::string &error) {
    try {
        return std::regex("^(" + std::string(pattern) + ")$", std::regex::ECMAScript | std::regex::optimize);
    } catch (const std::regex_error &e) {
        if (error.empty())
            error = std::string(what) + " regex /" + std::string(pattern) + "/ does not compile: " + e.what();
        return std::nullopt;
    }
}
} // namespace

DropFrames::DropFrames(std::string_view drop, std::string_view keep) {
    if (drop.empty())
        return;
    m_drop = compile(drop, "drop_frames", m_error);
    if (!m_drop)
        return;
    if (!keep.empty()) {
        m_keep = compile(keep, "keep_frames", m_error);
        if (!m_keep)
            m_drop.reset(); // pprof gives up on RemoveUninteresting entirely
    }
}

std::string_view DropFrames::simplify(std::string_view name) {
    if (!name.empty() && name[0] == '.')
        name.remove_prefix(1);
    static constexpr std::string_view kReserved[] = {"(anonymous namespace)", "operator()"};
    size_t pos = 0;
    while (pos < name.size()) {
        // Leftmost match of "(anonymous namespace)|operator()|(".
        size_t best = std::string_view::npos;
        size_t bestLen = 0;
        bool reserved = false;
        for (std::string_view r : kReserved) {
            const size_t at = name.find(r, pos);
            if (at < best) {
                best = at;
                bestLen = r.size();
                reserved = true;
            }
        }
        const size_t paren = name.find('(', pos);
        if (paren < best) {
            best = paren;
            bestLen = 1;
            reserved = false;
        }
        if (best == std::string_view::npos)
            break;
        if (!reserved)
            return name.substr(0, best);
        pos = best + bestLen;
    }
    return name;
}

bool DropFrames::shouldDrop(std::string_view functionName) const {
    if (!m_drop || functionName.empty())
        return false;
    const std::string_view simple = simplify(functionName);
    if (simple.size() > kMaxMatchedName)
        return false;
    try {
        if (!std::regex_match(simple.begin(), simple.end(), *m_drop))
            return false;
        return !(m_keep && std::regex_match(simple.begin(), simple.end(), *m_keep));
    } catch (const std::regex_error &) {
        return false; // complexity/stack limits: treat as no match
    }
}

} // namespace spanfire
