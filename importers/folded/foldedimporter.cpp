#include "importers/folded/foldedimporter.h"

#include <cctype>
#include <string>
#include <unordered_map>

namespace spanfire {

namespace {

void appendUtf8(std::string &out, uint32_t cp) {
    if (cp < 0x80) {
        out += char(cp);
    } else if (cp < 0x800) {
        out += char(0xC0 | (cp >> 6));
        out += char(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += char(0xE0 | (cp >> 12));
        out += char(0x80 | ((cp >> 6) & 0x3F));
        out += char(0x80 | (cp & 0x3F));
    } else {
        out += char(0xF0 | (cp >> 18));
        out += char(0x80 | ((cp >> 12) & 0x3F));
        out += char(0x80 | ((cp >> 6) & 0x3F));
        out += char(0x80 | (cp & 0x3F));
    }
}

// UTF-16 (after the BOM) to UTF-8; unpaired surrogates become U+FFFD.
std::string utf16ToUtf8(std::string_view in, bool bigEndian) {
    std::string out;
    out.reserve(in.size() / 2 + 16);
    auto unit = [&](size_t i) -> uint32_t {
        const auto a = uint8_t(in[i]), b = uint8_t(in[i + 1]);
        return bigEndian ? (uint32_t(a) << 8 | b) : (uint32_t(b) << 8 | a);
    };
    for (size_t i = 0; i + 1 < in.size(); i += 2) {
        uint32_t cp = unit(i);
        if (cp >= 0xD800 && cp <= 0xDBFF && i + 3 < in.size()) {
            const uint32_t lo = unit(i + 2);
            if (lo >= 0xDC00 && lo <= 0xDFFF) {
                cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                i += 2;
            } else {
                cp = 0xFFFD;
            }
        } else if (cp >= 0xD800 && cp <= 0xDFFF) {
            cp = 0xFFFD;
        }
        appendUtf8(out, cp);
    }
    return out;
}

bool isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f';
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && isSpace(s.front()))
        s.remove_prefix(1);
    while (!s.empty() && isSpace(s.back()))
        s.remove_suffix(1);
    return s;
}

// Splits "stack count" at the last blank; false when the tail is not an integer.
bool splitCount(std::string_view line, std::string_view &stack, int64_t &count) {
    const size_t sp = line.find_last_of(" \t");
    if (sp == std::string_view::npos || sp + 1 >= line.size())
        return false;
    const std::string_view num = line.substr(sp + 1);
    uint64_t v = 0;
    for (char c : num) {
        if (c < '0' || c > '9')
            return false;
        if (v > (uint64_t(INT64_MAX) - 9) / 10)
            return false; // overflow: not a count we can represent
        v = v * 10 + uint64_t(c - '0');
    }
    stack = trim(line.substr(0, sp));
    count = int64_t(v);
    return !stack.empty();
}

} // namespace

std::shared_ptr<Profile> importFolded(ImportContext &ctx, std::string_view data) {
    std::string converted;
    if (data.size() >= 2 && uint8_t(data[0]) == 0xFF && uint8_t(data[1]) == 0xFE) {
        converted = utf16ToUtf8(data.substr(2), false);
        data = converted;
        ctx.pushLayer("UTF-16LE");
    } else if (data.size() >= 2 && uint8_t(data[0]) == 0xFE && uint8_t(data[1]) == 0xFF) {
        converted = utf16ToUtf8(data.substr(2), true);
        data = converted;
        ctx.pushLayer("UTF-16BE");
    } else if (data.substr(0, 3) == "\xEF\xBB\xBF") {
        data.remove_prefix(3);
    }
    ctx.beginStage("reading folded stacks", ctx.layers().empty() ? 0 : 400, ctx.layers().empty() ? 1000 : 600);

    auto profile = std::make_shared<Profile>();
    Profile &p = *profile;
    p.sampleTypes.push_back({p.strings.intern("samples"), p.strings.intern("count")});
    p.values.assign(1, {});
    p.defaultSampleType = 0;

    std::unordered_map<std::string_view, uint32_t> frameOf; // views into p.strings
    std::unordered_map<uint32_t, uint32_t> rowOfNode;
    uint64_t comments = 0, invalid = 0, diff = 0, lines = 0;
    size_t pos = 0;
    while (pos < data.size()) {
        size_t nl = data.find('\n', pos);
        if (nl == std::string_view::npos)
            nl = data.size();
        const std::string_view line = trim(data.substr(pos, nl - pos));
        pos = nl + 1;
        if ((++lines & 4095) == 0) {
            if (ctx.cancelled()) {
                ctx.failCancelled();
                return nullptr;
            }
            ctx.progress(pos, data.size());
        }
        if (line.empty())
            continue;
        if (line[0] == '#' || line.substr(0, 2) == "//") {
            ++comments;
            continue;
        }
        std::string_view stack;
        int64_t count = 0;
        if (!splitCount(line, stack, count)) {
            ++invalid;
            continue;
        }
        std::string_view stack2;
        int64_t first = 0;
        if (splitCount(stack, stack2, first)) {
            stack = stack2; // "stack count1 count2": differential, the second count wins
            ++diff;
        }
        NodeId node = StackTrie::root();
        size_t fpos = 0;
        while (fpos <= stack.size()) {
            size_t semi = stack.find(';', fpos);
            if (semi == std::string_view::npos)
                semi = stack.size();
            const std::string_view name = stack.substr(fpos, semi - fpos);
            fpos = semi + 1;
            if (name.empty())
                continue;
            auto it = frameOf.find(name);
            if (it == frameOf.end()) {
                Frame fr;
                fr.name = p.strings.intern(name);
                fr.systemName = fr.name;
                it = frameOf.emplace(p.strings.view(fr.name), p.frames.intern(fr).v).first;
            }
            node = p.trie.child(node, FrameId(it->second));
        }
        auto [row, inserted] = rowOfNode.try_emplace(node.v, uint32_t(p.sampleNode.size()));
        if (inserted) {
            p.sampleNode.push_back(node.v);
            p.values[0].push_back(count);
        } else {
            p.values[0][row->second] += count;
        }
    }
    if (comments)
        p.addWarning("comment lines", comments);
    if (invalid)
        p.addWarning("invalid lines (no trailing count)", invalid);
    if (diff)
        p.addWarning("differential lines (second count used)", diff);
    if (p.sampleNode.empty()) {
        ctx.fail("no folded stack lines found (expected \"frame;frame;... count\")");
        return nullptr;
    }
    p.format = ctx.formatLabel("folded stacks");
    p.sourceName = ctx.name();
    p.finish();
    ctx.endStage();
    return profile;
}

} // namespace spanfire
