#include "importers/symbolize/demangle.h"

#include <cxxabi.h>

#include <cstdlib>
#include <cstring>
#include <vector>

namespace spanfire {

namespace {

std::string rustLegacyUnescape(const std::string &in) {
    static const struct {
        const char *from;
        const char *to;
    } kEscapes[] = {{"$SP$", "@"},  {"$BP$", "*"},  {"$RF$", "&"},  {"$LT$", "<"},  {"$GT$", ">"},  {"$LP$", "("},
                    {"$RP$", ")"},  {"$C$", ","},   {"$u7e$", "~"}, {"$u20$", " "}, {"$u27$", "'"}, {"$u5b$", "["},
                    {"$u5d$", "]"}, {"$u7b$", "{"}, {"$u7d$", "}"}, {"$u3b$", ";"}, {"$u2b$", "+"}, {"$u22$", "\""},
                    {"$u21$", "!"}, {"$u23$", "#"}, {"$u25$", "%"}, {"$u2f$", "/"}, {"$u3d$", "="}, {"$u3f$", "?"},
                    {"$u5e$", "^"}, {"$u60$", "`"}, {"$u7c$", "|"}};
    std::string out;
    out.reserve(in.size());
    for (size_t i = 0; i < in.size();) {
        if (in[i] == '$') {
            bool done = false;
            for (const auto &e : kEscapes) {
                const size_t n = std::strlen(e.from);
                if (in.compare(i, n, e.from) == 0) {
                    out += e.to;
                    i += n;
                    done = true;
                    break;
                }
            }
            if (done)
                continue;
        }
        if (in[i] == '.' && i + 1 < in.size() && in[i + 1] == '.') {
            out += "::";
            i += 2;
            continue;
        }
        if (in[i] == '_' && i + 1 < in.size() && in[i + 1] == '$' && (i == 0 || in[i - 1] == ':')) {
            ++i; // "_$LT$" at the start of a segment: the underscore is padding
            continue;
        }
        out += in[i++];
    }
    return out;
}

// Rust legacy symbols are Itanium-shaped (_ZN <len><ident>... E) but their
// identifiers may hold '$' and '.', which __cxa_demangle refuses: parse the
// segments directly. Returns false when `core` is not of that shape.
bool rustLegacy(const std::string &core, std::string &out) {
    if (core.size() < 4 + 20 || core.compare(0, 3, "_ZN") != 0 || core.back() != 'E')
        return false;
    std::vector<std::string> parts;
    size_t i = 3;
    while (i < core.size() && core[i] != 'E') {
        size_t n = 0;
        if (core[i] < '0' || core[i] > '9')
            return false;
        while (i < core.size() && core[i] >= '0' && core[i] <= '9') {
            n = n * 10 + size_t(core[i++] - '0');
            if (n > core.size())
                return false;
        }
        if (i + n > core.size())
            return false;
        parts.push_back(core.substr(i, n));
        i += n;
    }
    if (i + 1 != core.size() || parts.size() < 2)
        return false;
    const std::string &hash = parts.back();
    if (hash.size() != 17 || hash[0] != 'h')
        return false;
    for (size_t k = 1; k < hash.size(); ++k)
        if (!((hash[k] >= '0' && hash[k] <= '9') || (hash[k] >= 'a' && hash[k] <= 'f')))
            return false;
    std::string joined;
    for (size_t k = 0; k + 1 < parts.size(); ++k) {
        if (k)
            joined += "::";
        joined += parts[k];
    }
    out = rustLegacyUnescape(joined);
    return true;
}

} // namespace

std::string demangleSymbol(const std::string &name) {
    if (name.size() > 2 && name[0] == '_' && name[1] == 'R') {
        std::string out;
        if (demangleRustV0(name, out))
            return out;
        return name;
    }
    if (name.size() < 3 || name[0] != '_' || name[1] != 'Z')
        return name;
    // Strip a ".cold" / ".isra.0" / ".llvm.123" suffix for demangling, keep it as a note.
    std::string core = name, suffix;
    const size_t dot = name.find('.');
    if (dot != std::string::npos) {
        core = name.substr(0, dot);
        suffix = name.substr(dot);
    }
    // Rust legacy identifiers may contain "..": try the whole name first,
    // then without an LLVM suffix.
    std::string rust;
    if (rustLegacy(name, rust))
        return rust;
    const size_t llvm = name.rfind(".llvm.");
    if (llvm != std::string::npos && rustLegacy(name.substr(0, llvm), rust))
        return rust;
    int status = 0;
    char *d = abi::__cxa_demangle(core.c_str(), nullptr, nullptr, &status);
    if (status != 0 || !d) {
        std::free(d);
        return name;
    }
    std::string out(d);
    std::free(d);
    if (!suffix.empty())
        out += " [clone " + suffix + "]";
    return out;
}

} // namespace spanfire
