// sniff(): decides the container/format of a byte buffer from its content
// alone (never from a file name). Cheap: it looks at a bounded prefix, except
// for the protobuf check, which walks at most kMaxProbeFields top-level fields.

#include "importers/common/wirereader.h"
#include "importers/importer.h"

#include <cctype>
#include <cstring>

namespace spanfire {

namespace {

constexpr int kMaxProbeFields = 4096;

uint32_t be32(const char *p) {
    const auto *u = reinterpret_cast<const uint8_t *>(p);
    return (uint32_t(u[0]) << 24) | (uint32_t(u[1]) << 16) | (uint32_t(u[2]) << 8) | u[3];
}
uint32_t le32(const char *p) {
    const auto *u = reinterpret_cast<const uint8_t *>(p);
    return (uint32_t(u[3]) << 24) | (uint32_t(u[2]) << 16) | (uint32_t(u[1]) << 8) | u[0];
}

bool startsWith(std::string_view s, std::string_view prefix) {
    return s.substr(0, prefix.size()) == prefix;
}

// gperftools binary CPU profile: header words 0, 3 (32- or 64-bit, either
// byte order). A protobuf can never start with a zero byte.
bool isLegacyBinary(std::string_view b) {
    if (b.size() < 16)
        return false;
    if (le32(b.data()) != 0)
        return false;
    if (le32(b.data() + 4) == 3 || be32(b.data() + 4) == 3)
        return true; // 32-bit words
    return le32(b.data() + 4) == 0 && (le32(b.data() + 8) == 3 || be32(b.data() + 12) == 3);
}

std::string_view firstLine(std::string_view text) {
    const size_t nl = text.find('\n');
    return nl == std::string_view::npos ? text : text.substr(0, nl);
}

bool isLegacyText(std::string_view text) {
    const std::string_view line = firstLine(text);
    return startsWith(line, "heap profile:") || startsWith(line, "--- ") || startsWith(line, "heap_v2/") ||
           startsWith(line, "growth profile") || line.find(" profile: total ") != std::string_view::npos;
}

// u32 big-endian length followed by a protobuf message or a zstd frame,
// repeated (OpenTelemetry Collector file exporter).
bool isLengthPrefixed(std::string_view b) {
    size_t pos = 0;
    int records = 0;
    while (pos + 4 <= b.size() && records < 64) {
        const uint32_t len = be32(b.data() + pos);
        if (len == 0)
            return false;
        if (pos + 4 == b.size())
            return records > 0; // the file ends after a record length
        const auto first = uint8_t(b[pos + 4]);
        const size_t have = b.size() - pos - 4;
        const bool zstd = have >= 4 && std::memcmp(b.data() + pos + 4, "\x28\xb5\x2f\xfd", 4) == 0;
        if (!zstd && first != 0x0a && first != 0x12)
            return false; // TracesData/ExportTraceServiceRequest start with field 1 or 2, LEN
        if (len > have)
            return true; // a record cut short (a file still being written, or truncated): the reader says so
        pos += 4 + len;
        ++records;
    }
    return records > 0; // all whole, 64 good ones, or a cut record length at the end
}

// Field layout of perftools.profiles.Profile: which wire types each field
// number may have. Unknown field numbers are allowed (forward compatible),
// but need at least one typical field to count as a pprof.
bool pprofFieldOk(uint32_t field, WireType t) {
    switch (field) {
    case 1:
    case 2:
    case 3:
    case 4:
    case 5:
    case 6:
    case 11:
        return t == WireType::Len;
    case 7:
    case 8:
    case 9:
    case 10:
    case 12:
    case 14:
    case 15:
        return t == WireType::Varint;
    case 13:
        return t == WireType::Varint || t == WireType::Len;
    default:
        return t != WireType::StartGroup && t != WireType::EndGroup && uint8_t(t) <= 5;
    }
}

// Classifies an OTLP export request: the first resource_* message, its first
// scope_* message (field 2), and that scope's first span/profile (field 2).
// A span starts with trace_id (field 1, 16 bytes).
Format classifyOtlp(std::string_view b) {
    WireReader r(b);
    uint32_t field;
    WireType t;
    bool sawField2 = false;
    std::string_view resource;
    for (int i = 0; i < kMaxProbeFields && r.next(field, t); ++i) {
        if (t != WireType::Len || field > 2)
            return Format::Unknown;
        const std::string_view v = r.bytesView();
        if (field == 1 && resource.empty())
            resource = v;
        sawField2 |= field == 2;
    }
    if (sawField2)
        return Format::OtlpProfilesProto; // ExportProfilesServiceRequest.dictionary
    auto firstField = [](std::string_view msg, uint32_t want) -> std::string_view {
        WireReader in(msg);
        uint32_t f;
        WireType wt;
        while (in.next(f, wt)) {
            if (f == want && wt == WireType::Len)
                return in.bytesView();
            in.skip(wt);
        }
        return {};
    };
    const std::string_view scope = firstField(resource, 2);
    const std::string_view item = firstField(scope, 2);
    if (item.empty())
        return Format::OtlpTracesProto; // no spans at all: an empty traces request
    WireReader in(item);
    if (in.next(field, t) && field == 1 && t == WireType::Len && in.bytesView().size() == 16)
        return Format::OtlpTracesProto;
    return Format::OtlpProfilesProto;
}

Format sniffProtobuf(std::string_view b) {
    WireReader r(b);
    uint32_t field;
    WireType t;
    int known = 0;
    int fields = 0;
    bool onlyLen12 = true;
    bool hasStrings = false;
    bool sawSampleTypeShape = false;
    for (; fields < kMaxProbeFields && r.next(field, t); ++fields) {
        if (!pprofFieldOk(field, t)) {
            onlyLen12 = false;
            break;
        }
        known += field <= 15;
        onlyLen12 = onlyLen12 && (field == 1 || field == 2) && t == WireType::Len;
        hasStrings |= field == 6;
        if (field == 1 && t == WireType::Len) {
            // pprof ValueType {1: varint, 2: varint} vs OTLP ResourceSpans {1: LEN...}
            WireReader in = r.sub();
            uint32_t f2;
            WireType t2;
            bool varintsOnly = true;
            while (in.next(f2, t2)) {
                varintsOnly = varintsOnly && t2 == WireType::Varint && f2 <= 2;
                in.skip(t2);
            }
            sawSampleTypeShape |= varintsOnly && in.ok();
            continue;
        }
        r.skip(t);
    }
    const bool cleanEnd = r.ok() && (r.atEnd() || fields == kMaxProbeFields);
    if (onlyLen12 && fields > 0 && !sawSampleTypeShape && !hasStrings) {
        const Format otlp = classifyOtlp(b);
        if (otlp != Format::Unknown)
            return otlp;
    }
    if (known > 0 && (cleanEnd || (fields >= 2 && (hasStrings || sawSampleTypeShape))))
        return Format::Pprof; // a truncated pprof still sniffs as pprof: the parser names the offset
    return Format::Unknown;
}

// Folded stacks: text lines "frame;frame;... <count>".
bool isFolded(std::string_view b) {
    const std::string_view head = b.substr(0, 64 * 1024);
    if (head.find('\0') != std::string_view::npos)
        return false;
    size_t pos = 0;
    int good = 0, bad = 0;
    while (pos < head.size() && good + bad < 64) {
        size_t nl = head.find('\n', pos);
        const bool complete = nl != std::string_view::npos;
        if (!complete)
            nl = head.size();
        std::string_view line = head.substr(pos, nl - pos);
        pos = nl + 1;
        while (!line.empty() && std::isspace(static_cast<unsigned char>(line.back())))
            line.remove_suffix(1);
        if (line.empty() || line[0] == '#' || startsWith(line, "//"))
            continue;
        if (!complete && head.size() < b.size())
            break; // cut by the probe window
        const size_t sp = line.find_last_of(" \t");
        bool ok = sp != std::string_view::npos && sp > 0 && sp + 1 < line.size();
        for (size_t i = sp + 1; ok && i < line.size(); ++i)
            ok = std::isdigit(static_cast<unsigned char>(line[i])) != 0;
        (ok ? good : bad)++;
    }
    return good > 0 && good >= bad;
}

} // namespace

Format sniff(std::string_view b) {
    if (b.empty())
        return Format::Empty;
    const auto u0 = uint8_t(b[0]);
    if (b.size() >= 2 && u0 == 0x1f && uint8_t(b[1]) == 0x8b)
        return Format::Gzip;
    if (b.size() >= 4 && std::memcmp(b.data(), "\x28\xb5\x2f\xfd", 4) == 0)
        return Format::Zstd;
    if (b.size() >= 2 && ((u0 == 0xff && uint8_t(b[1]) == 0xfe) || (u0 == 0xfe && uint8_t(b[1]) == 0xff)))
        return Format::FoldedStacks; // UTF-16 with BOM: only the folded reader takes it
    // Text: skip a UTF-8 BOM and leading whitespace.
    std::string_view text = b;
    if (startsWith(text, "\xEF\xBB\xBF"))
        text.remove_prefix(3);
    const size_t first = text.find_first_not_of(" \t\r\n");
    if (first != std::string_view::npos) {
        text.remove_prefix(first);
        if (text[0] == '{' || text[0] == '[')
            return Format::Json;
        if (isLegacyText(text))
            return Format::PprofLegacy;
    }
    if (u0 == 0) {
        // Never a protobuf message (field number 0 is illegal).
        if (isLegacyBinary(b))
            return Format::PprofLegacy;
        if (isLengthPrefixed(b))
            return Format::OtlpTracesFramed;
        return Format::Unknown;
    }
    const Format pb = sniffProtobuf(b);
    if (pb != Format::Unknown)
        return pb;
    if (isFolded(text))
        return Format::FoldedStacks;
    return Format::Unknown;
}

} // namespace spanfire
