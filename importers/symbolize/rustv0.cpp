// Rust v0 symbol demangling (RFC 2603), best effort: crate roots, nested
// paths with closures and shims, inherent and trait impls, generic
// arguments, backrefs, basic/reference/pointer/array/slice/tuple/fn/dyn types
// and integer/bool/char constants. Punycode identifiers are not decoded (the
// symbol is then returned unchanged by demangleSymbol()).
#include "importers/symbolize/demangle.h"

#include <cstdint>
#include <string>

namespace spanfire {

namespace {

class V0Parser {
public:
    explicit V0Parser(const std::string &s) : m_s(s) {}

    bool run(std::string &out) {
        m_pos = 2; // "_R"
        while (m_pos < m_s.size() && isDigit(m_s[m_pos]))
            ++m_pos; // encoding version
        if (!path(out, true))
            return false;
        return true; // instantiating crate and vendor suffix are not shown
    }

private:
    static bool isDigit(char c) { return c >= '0' && c <= '9'; }
    static bool isLower(char c) { return c >= 'a' && c <= 'z'; }
    static bool isUpper(char c) { return c >= 'A' && c <= 'Z'; }
    char peek() const { return m_pos < m_s.size() ? m_s[m_pos] : '\0'; }
    bool eat(char c) {
        if (peek() != c)
            return false;
        ++m_pos;
        return true;
    }

    bool base62(uint64_t &v) {
        if (eat('_')) {
            v = 0;
            return true;
        }
        uint64_t x = 0;
        for (;;) {
            const char c = peek();
            if (c == '_')
                break;
            int d;
            if (isDigit(c))
                d = c - '0';
            else if (isLower(c))
                d = 10 + (c - 'a');
            else if (isUpper(c))
                d = 36 + (c - 'A');
            else
                return false;
            if (x > (UINT64_MAX - 61) / 62)
                return false;
            x = x * 62 + uint64_t(d);
            ++m_pos;
        }
        ++m_pos;
        v = x + 1;
        return true;
    }
    bool optDisambiguator(uint64_t &v) {
        v = 0;
        if (!eat('s'))
            return true;
        return base62(v);
    }
    bool decimal(uint64_t &v) {
        if (!isDigit(peek()))
            return false;
        v = 0;
        while (isDigit(peek())) {
            if (v > 1'000'000)
                return false;
            v = v * 10 + uint64_t(m_s[m_pos++] - '0');
        }
        return true;
    }
    bool identifier(std::string &out) {
        if (peek() == 'u')
            return false; // punycode
        uint64_t n = 0;
        if (!decimal(n))
            return false;
        eat('_');
        if (m_pos + n > m_s.size())
            return false;
        out.assign(m_s, m_pos, n);
        m_pos += n;
        return true;
    }

    // Runs `f` at a backref target and comes back.
    template <class F> bool backref(F f) {
        uint64_t target = 0;
        if (!base62(target) || target + 2 >= m_pos || ++m_depth > 64)
            return false;
        const size_t saved = m_pos;
        m_pos = size_t(target) + 2;
        const bool ok = f();
        m_pos = saved;
        --m_depth;
        return ok;
    }

    bool genericArgs(std::string &out) {
        bool first = true;
        while (!eat('E')) {
            if (m_pos >= m_s.size())
                return false;
            if (!first)
                out += ", ";
            first = false;
            if (eat('L')) {
                uint64_t lt = 0;
                if (!base62(lt))
                    return false;
                out += "'_";
            } else if (eat('K')) {
                if (!constant(out))
                    return false;
            } else if (!type(out)) {
                return false;
            }
        }
        return true;
    }

    bool path(std::string &out, bool valueContext) {
        if (++m_depth > 200)
            return false;
        bool ok = pathInner(out, valueContext);
        --m_depth;
        return ok;
    }

    bool pathInner(std::string &out, bool valueContext) {
        const char tag = peek();
        ++m_pos;
        uint64_t dis = 0;
        switch (tag) {
        case 'C': {
            std::string id;
            if (!optDisambiguator(dis) || !identifier(id))
                return false;
            out += id;
            return true;
        }
        case 'N': {
            const char ns = peek();
            ++m_pos;
            if (!path(out, valueContext))
                return false;
            std::string id;
            if (!optDisambiguator(dis) || !identifier(id))
                return false;
            if (isUpper(ns)) {
                out += "::{";
                out += ns == 'C' ? "closure" : ns == 'S' ? "shim" : std::string(1, ns);
                if (!id.empty())
                    out += ":" + id;
                out += "#" + std::to_string(dis) + "}";
            } else if (isLower(ns)) {
                if (!id.empty())
                    out += "::" + id;
            } else {
                return false;
            }
            return true;
        }
        case 'M': {
            std::string ignored;
            if (!optDisambiguator(dis) || !path(ignored, false))
                return false;
            out += '<';
            if (!type(out))
                return false;
            out += '>';
            return true;
        }
        case 'X': {
            std::string ignored;
            if (!optDisambiguator(dis) || !path(ignored, false))
                return false;
            out += '<';
            if (!type(out))
                return false;
            out += " as ";
            if (!path(out, false))
                return false;
            out += '>';
            return true;
        }
        case 'Y':
            out += '<';
            if (!type(out))
                return false;
            out += " as ";
            if (!path(out, false))
                return false;
            out += '>';
            return true;
        case 'I':
            if (!path(out, valueContext))
                return false;
            out += valueContext ? "::<" : "<";
            if (!genericArgs(out))
                return false;
            out += '>';
            return true;
        case 'B':
            return backref([&] { return path(out, valueContext); });
        default:
            return false;
        }
    }

    bool constant(std::string &out) {
        if (eat('p')) {
            out += '_';
            return true;
        }
        if (eat('B'))
            return backref([&] { return constant(out); });
        const char ty = peek();
        std::string ignored;
        if (!type(ignored))
            return false;
        const bool neg = eat('n');
        uint64_t v = 0;
        size_t digits = 0;
        while (peek() != '_') {
            const char c = peek();
            int d = isDigit(c) ? c - '0' : (c >= 'a' && c <= 'f') ? 10 + c - 'a' : -1;
            if (d < 0 || ++digits > 16)
                return false;
            v = v * 16 + uint64_t(d);
            ++m_pos;
        }
        ++m_pos;
        if (ty == 'b')
            out += v ? "true" : "false";
        else if (ty == 'c' && v >= 0x20 && v < 0x7f)
            out += "'" + std::string(1, char(v)) + "'";
        else
            out += (neg ? "-" : "") + std::to_string(v);
        return true;
    }

    bool type(std::string &out) {
        if (++m_depth > 200)
            return false;
        bool ok = typeInner(out);
        --m_depth;
        return ok;
    }

    bool typeInner(std::string &out) {
        static const char *const kBasic[26] = {
            "i8",   "bool", "char", "f64",   "str",   "f32", nullptr, "u8", "isize", "usize", nullptr, "i32", "u32",
            "i128", "u128", "_",    nullptr, nullptr, "i16", "u16",   "()", "...",   nullptr, "i64",   "u64", "!"};
        const char c = peek();
        if (isLower(c) && kBasic[c - 'a']) {
            ++m_pos;
            out += kBasic[c - 'a'];
            return true;
        }
        uint64_t lt = 0;
        switch (c) {
        case 'R':
        case 'Q':
            ++m_pos;
            if (eat('L') && !base62(lt))
                return false;
            out += c == 'R' ? "&" : "&mut ";
            return type(out);
        case 'P':
            ++m_pos;
            out += "*const ";
            return type(out);
        case 'O':
            ++m_pos;
            out += "*mut ";
            return type(out);
        case 'A':
            ++m_pos;
            out += '[';
            if (!type(out))
                return false;
            out += "; ";
            if (!constant(out))
                return false;
            out += ']';
            return true;
        case 'S':
            ++m_pos;
            out += '[';
            if (!type(out))
                return false;
            out += ']';
            return true;
        case 'T': {
            ++m_pos;
            out += '(';
            size_t n = 0;
            while (!eat('E')) {
                if (m_pos >= m_s.size())
                    return false;
                if (n++)
                    out += ", ";
                if (!type(out))
                    return false;
            }
            if (n == 1)
                out += ',';
            out += ')';
            return true;
        }
        case 'F': {
            ++m_pos;
            if (eat('G') && !base62(lt))
                return false;
            std::string prefix;
            if (eat('U'))
                prefix = "unsafe ";
            if (eat('K')) {
                if (eat('C')) {
                    prefix += "extern \"C\" ";
                } else {
                    std::string abi;
                    if (!identifier(abi))
                        return false;
                    prefix += "extern \"" + abi + "\" ";
                }
            }
            out += prefix + "fn(";
            size_t n = 0;
            while (!eat('E')) {
                if (m_pos >= m_s.size())
                    return false;
                if (n++)
                    out += ", ";
                if (!type(out))
                    return false;
            }
            out += ')';
            std::string ret;
            if (!type(ret))
                return false;
            if (ret != "()")
                out += " -> " + ret;
            return true;
        }
        case 'D': {
            ++m_pos;
            if (eat('G') && !base62(lt))
                return false;
            out += "dyn ";
            size_t n = 0;
            while (!eat('E')) {
                if (m_pos >= m_s.size())
                    return false;
                if (n++)
                    out += " + ";
                if (!path(out, false))
                    return false;
                while (eat('p')) {
                    std::string name;
                    if (!identifier(name))
                        return false;
                    out += "<" + name + " = ";
                    if (!type(out))
                        return false;
                    out += '>';
                }
            }
            return eat('L') && base62(lt);
        }
        case 'B':
            ++m_pos;
            return backref([&] { return type(out); });
        default:
            return path(out, false);
        }
    }

    const std::string &m_s;
    size_t m_pos = 0;
    int m_depth = 0;
};

} // namespace

bool demangleRustV0(const std::string &name, std::string &out) {
    if (name.size() < 3 || name.compare(0, 2, "_R") != 0)
        return false;
    // Vendor suffixes (".llvm.123") are not part of the grammar.
    const std::string core = name.substr(0, name.find('.'));
    V0Parser p(core);
    std::string s;
    if (!p.run(s))
        return false;
    out = std::move(s);
    return true;
}

} // namespace spanfire
