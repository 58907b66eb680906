#pragma once
// DropFrames: pprof's drop_frames / keep_frames matcher (RemoveUninteresting).
// Both regexes are anchored as "^(re)$" and matched against the simplified
// function name: a leading '.' removed (PPC ELF v1) and the argument list cut
// at the first '(' that does not start "(anonymous namespace)" or
// "operator()". pprof uses Go RE2; std::regex ECMAScript is the closest
// standard engine (RE2-only syntax fails to compile and is reported as a
// warning, never as an error).
//
// Thread affinity: none; const after construction.

#include <optional>
#include <regex>
#include <string>
#include <string_view>

namespace spanfire {

class DropFrames {
public:
    // An empty drop pattern disables dropping (keep alone has no effect).
    DropFrames(std::string_view drop, std::string_view keep);

    bool active() const { return m_drop.has_value(); }
    // Non-empty when a pattern could not be compiled.
    const std::string &error() const { return m_error; }
    // True when `functionName` matches drop and not keep.
    bool shouldDrop(std::string_view functionName) const;

    static std::string_view simplify(std::string_view name);

private:
    std::optional<std::regex> m_drop;
    std::optional<std::regex> m_keep;
    std::string m_error;
};

} // namespace spanfire
