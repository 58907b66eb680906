#include "importers/otlp/jsonlocate.h"

#include <cstring>
#include <vector>

namespace spanfire {

namespace {

bool isWs(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

class Scanner {
public:
    explicit Scanner(std::string_view t) : m_t(t) {}

    bool run(JsonSyntaxProblem *p) {
        skipWs();
        while (m_i < m_t.size()) {
            if (!value())
                return report(p);
            skipWs();
        }
        return false;
    }

private:
    bool report(JsonSyntaxProblem *p) {
        p->offset = m_errAt;
        p->message = m_err;
        return true;
    }
    bool fail(const char *msg, size_t at) {
        m_err = msg;
        m_errAt = at;
        return false;
    }
    void skipWs() {
        while (m_i < m_t.size() && isWs(m_t[m_i]))
            ++m_i;
    }

    bool string() {
        const size_t start = m_i++;
        while (m_i < m_t.size()) {
            const char c = m_t[m_i];
            if (c == '"') {
                ++m_i;
                return true;
            }
            if (c == '\\') {
                if (m_i + 1 >= m_t.size())
                    break;
                const char e = m_t[m_i + 1];
                if (e == 'u') {
                    for (size_t k = 2; k < 6; ++k)
                        if (m_i + k >= m_t.size() || !std::strchr("0123456789abcdefABCDEF", m_t[m_i + k]) ||
                            m_t[m_i + k] == 0)
                            return fail("invalid \\u escape in string", m_i);
                    m_i += 6;
                    continue;
                }
                if (!std::strchr("\"\\/bfnrt", e) || e == 0)
                    return fail("invalid escape in string", m_i);
                m_i += 2;
                continue;
            }
            if (static_cast<unsigned char>(c) < 0x20)
                return fail("control character inside a string", m_i);
            ++m_i;
        }
        return fail("unterminated string (truncated input?)", start);
    }

    bool number() {
        const size_t start = m_i;
        if (m_t[m_i] == '-')
            ++m_i;
        size_t digits = 0;
        while (m_i < m_t.size() && m_t[m_i] >= '0' && m_t[m_i] <= '9')
            ++m_i, ++digits;
        if (!digits)
            return fail("invalid number", start);
        if (m_i < m_t.size() && m_t[m_i] == '.') {
            ++m_i;
            digits = 0;
            while (m_i < m_t.size() && m_t[m_i] >= '0' && m_t[m_i] <= '9')
                ++m_i, ++digits;
            if (!digits)
                return fail("invalid number", start);
        }
        if (m_i < m_t.size() && (m_t[m_i] == 'e' || m_t[m_i] == 'E')) {
            ++m_i;
            if (m_i < m_t.size() && (m_t[m_i] == '+' || m_t[m_i] == '-'))
                ++m_i;
            digits = 0;
            while (m_i < m_t.size() && m_t[m_i] >= '0' && m_t[m_i] <= '9')
                ++m_i, ++digits;
            if (!digits)
                return fail("invalid number", start);
        }
        return true;
    }

    bool literal() {
        for (const char *lit : {"true", "false", "null"}) {
            const size_t n = std::strlen(lit);
            if (m_t.substr(m_i, n) == lit) {
                m_i += n;
                return true;
            }
        }
        return fail("unexpected character", m_i);
    }

    bool scalar() {
        const char c = m_t[m_i];
        if (c == '"')
            return string();
        if (c == '-' || (c >= '0' && c <= '9'))
            return number();
        return literal();
    }

    // One value; containers handled with an explicit stack.
    bool value() {
        struct Open {
            char kind;
            size_t at;
            bool expectKey;
        };
        std::vector<Open> stack;
        for (;;) {
            skipWs();
            if (m_i >= m_t.size())
                return fail(stack.empty() ? "unexpected end of input"
                                          : "unexpected end of input inside an "
                                            "unclosed object or array (truncated?)",
                            stack.empty() ? m_i : stack.back().at);
            char c = m_t[m_i];
            if (!stack.empty() && stack.back().kind == '{' && stack.back().expectKey) {
                if (c != '"')
                    return fail("expected an object key (a string)", m_i);
                if (!string())
                    return false;
                skipWs();
                if (m_i >= m_t.size() || m_t[m_i] != ':')
                    return fail(m_i >= m_t.size() ? "unexpected end of input after an object key"
                                                  : "expected ':' after an object key",
                                m_i);
                ++m_i;
                stack.back().expectKey = false;
                continue;
            }
            if (c == '{' || c == '[') {
                stack.push_back({c, m_i, c == '{'});
                ++m_i;
                skipWs();
                if (m_i < m_t.size() && m_t[m_i] == (c == '{' ? '}' : ']')) {
                    ++m_i;
                    stack.pop_back();
                } else {
                    continue;
                }
            } else if (!scalar()) {
                return false;
            }
            // After a complete value: close containers or expect a comma.
            for (;;) {
                if (stack.empty())
                    return true;
                skipWs();
                if (m_i >= m_t.size())
                    return fail("unexpected end of input inside an unclosed object or array (truncated?)",
                                stack.back().at);
                c = m_t[m_i];
                const char close = stack.back().kind == '{' ? '}' : ']';
                if (c == close) {
                    ++m_i;
                    stack.pop_back();
                    continue;
                }
                if (c == ',') {
                    ++m_i;
                    if (stack.back().kind == '{')
                        stack.back().expectKey = true;
                    break;
                }
                return fail(stack.back().kind == '{' ? "expected ',' or '}' in an object"
                                                     : "expected ',' or ']' in an array",
                            m_i);
            }
        }
    }

    std::string_view m_t;
    size_t m_i = 0;
    const char *m_err = "";
    size_t m_errAt = 0;
};

} // namespace

bool findJsonSyntaxError(std::string_view text, JsonSyntaxProblem *problem) {
    Scanner s(text);
    return s.run(problem);
}

} // namespace spanfire
