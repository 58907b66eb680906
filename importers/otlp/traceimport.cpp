// Entry points of importers/traces.h: peels compression layers, tells the
// framings apart (JSON / JSON lines, file-exporter records, raw protobuf)
// and dispatches JSON documents to the OTLP, Jaeger or Zipkin reader.
#include "importers/traces.h"

#include "importers/common/decompress.h"
#include "importers/common/importcontext.h"
#include "importers/jaeger/jaegerjson.h"
#include "importers/otlp/jsonlocate.h"
#include "importers/otlp/otlpjson.h"
#include "importers/otlp/otlpproto.h"
#include "importers/otlp/traceimport.h"
#include "importers/zipkin/zipkinjson.h"

#include <simdjson.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <algorithm>
#include <atomic>
#include <cstring>
#include <exception>
#include <fstream>
#include <sstream>
#include <thread>

namespace spanfire {

namespace {

constexpr int kMaxLayers = 4;
const char kZstdMagic[] = "\x28\xb5\x2f\xfd";

bool isGzip(std::string_view b) {
    return b.size() >= 2 && uint8_t(b[0]) == 0x1f && uint8_t(b[1]) == 0x8b;
}
bool isZstd(std::string_view b) {
    return b.size() >= 4 && std::memcmp(b.data(), kZstdMagic, 4) == 0;
}

std::string_view skipBomAndSpace(std::string_view b, size_t *skipped = nullptr) {
    size_t i = 0;
    if (b.size() >= 3 && std::memcmp(b.data(), "\xEF\xBB\xBF", 3) == 0)
        i = 3;
    while (i < b.size() && (b[i] == ' ' || b[i] == '\t' || b[i] == '\r' || b[i] == '\n'))
        ++i;
    if (skipped)
        *skipped = i;
    return b.substr(i);
}

bool isJsonStart(std::string_view b) {
    b = skipBomAndSpace(b);
    return !b.empty() && (b[0] == '{' || b[0] == '[');
}

uint32_t be32(const char *p) {
    return (uint32_t(uint8_t(p[0])) << 24) | (uint32_t(uint8_t(p[1])) << 16) | (uint32_t(uint8_t(p[2])) << 8) |
           uint32_t(uint8_t(p[3]));
}

// File-exporter framing: [u32 BE length][payload] records.
bool isFramed(std::string_view b) {
    if (b.size() < 5)
        return false;
    const uint64_t first = be32(b.data());
    if (first == 0)
        return false;
    if (b[0] == 0)
        return true; // a raw protobuf message never starts with a 0 byte (field 0); a cut record is reported
    if (first > b.size() - 4)
        return false;
    size_t off = 0;
    int records = 0;
    while (off + 4 <= b.size()) {
        const uint64_t len = be32(b.data() + off);
        if (len == 0 || len > b.size() - off - 4)
            return false;
        off += 4 + len;
        ++records;
    }
    return off == b.size() && records > 0;
}

// Single JSON documents from this size on are read element by element when
// they are plain OTLP (see otlpElements()).
constexpr size_t kSplitDocumentBytes = size_t(16) << 20;

// When `padded` holds exactly one object whose only key is OTLP's
// resourceSpans (any spelling NormKey accepts) with an array of objects,
// collects the raw text of each array element (inside `padded`) and returns
// true. Anything else - syntax errors included - returns false with nothing
// read, and the caller parses the whole document as usual (which reports
// errors exactly). A DOM of a whole document of several hundred MB costs
// more in fresh memory than its parse; the elements through one reused
// parser stay in the caches.
bool otlpElements(const simdjson::padded_string &padded, std::vector<std::string_view> *elements) {
    namespace od = simdjson::ondemand;
    od::parser parser;
    od::document doc;
    od::object root;
    if (parser.iterate(padded).get(doc) || doc.get_object().get(root))
        return false;
    bool seen = false;
    for (auto field : root) {
        std::string_view key;
        od::value value;
        od::array list;
        if (seen || field.unescaped_key().get(key) || !(NormKey(key) == "resourcespans") || field.value().get(value) ||
            value.get_array().get(list))
            return false;
        seen = true;
        for (auto item : list) {
            od::object element;
            std::string_view raw;
            if (item.get_object().get(element) || element.raw_json().get(raw))
                return false;
            elements->push_back(raw);
        }
    }
    const char *rest = nullptr;
    return seen && doc.is_alive() && doc.current_location().get(rest) == simdjson::OUT_OF_BOUNDS; // no trailing text
}

// Structure scan for splitting a large OTLP/JSON document into its
// resourceSpans elements without parsing it: where an object that starts at
// text[pos] == '{' ends (one past its closing brace), tracking strings and
// escapes the way a JSON tokenizer does, 64 bytes at a time; npos when it
// does not end. The result is only a candidate: each element is then parsed
// (a parse of text[pos, end) that succeeds can only end at the object's own
// closing brace, since a JSON value is never a proper prefix of another).
class ObjectEndScanner {
public:
    static size_t objectEnd(std::string_view text, size_t pos) {
        ObjectEndScanner sc;
        const char *p = text.data();
        size_t i = pos;
        for (; i + 64 <= text.size(); i += 64)
            if (sc.block(p + i))
                return i + sc.m_end;
        if (i < text.size()) {
            char tail[64];
            std::memset(tail, ' ', sizeof tail);
            std::memcpy(tail, p + i, text.size() - i);
            if (sc.block(tail) && i + sc.m_end <= text.size())
                return i + sc.m_end;
        }
        return std::string_view::npos;
    }

private:
    // 64-bit masks of the bytes equal to a, or (after | 0x20) to b.
    static void classify(const char *p, uint64_t *quote, uint64_t *backslash, uint64_t *open, uint64_t *close) {
#if defined(__SSE2__)
        uint64_t q = 0, bs = 0, o = 0, c = 0;
        for (int k = 0; k < 4; ++k) {
            const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p + 16 * k));
            const __m128i lower = _mm_or_si128(v, _mm_set1_epi8(0x20));
            q |= uint64_t(uint16_t(_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8('"'))))) << (16 * k);
            bs |= uint64_t(uint16_t(_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8('\\'))))) << (16 * k);
            o |= uint64_t(uint16_t(_mm_movemask_epi8(_mm_cmpeq_epi8(lower, _mm_set1_epi8('{'))))) << (16 * k);
            c |= uint64_t(uint16_t(_mm_movemask_epi8(_mm_cmpeq_epi8(lower, _mm_set1_epi8('}'))))) << (16 * k);
        }
        *quote = q;
        *backslash = bs;
        *open = o;
        *close = c;
#else
        uint64_t q = 0, bs = 0, o = 0, c = 0;
        for (int k = 0; k < 64; ++k) {
            const char ch = p[k], lower = char(ch | 0x20);
            q |= uint64_t(ch == '"') << k;
            bs |= uint64_t(ch == '\\') << k;
            o |= uint64_t(lower == '{') << k;
            c |= uint64_t(lower == '}') << k;
        }
        *quote = q;
        *backslash = bs;
        *open = o;
        *close = c;
#endif
    }

    // Scans one block; true when the object closed in it (at m_end).
    bool block(const char *p) {
        uint64_t quote, backslash, open, close;
        classify(p, &quote, &backslash, &open, &close);
        if (backslash || m_escaped) {
            // Escapes are rare in trace data: byte by byte.
            for (int k = 0; k < 64; ++k) {
                const char ch = p[k];
                if (m_inString) {
                    if (m_escaped)
                        m_escaped = false;
                    else if (ch == '\\')
                        m_escaped = true;
                    else if (ch == '"')
                        m_inString = false;
                    continue;
                }
                if (ch == '"') {
                    m_inString = true;
                } else if ((ch | 0x20) == '{') {
                    ++m_depth;
                } else if ((ch | 0x20) == '}') {
                    if (--m_depth == 0) {
                        m_end = size_t(k) + 1;
                        return true;
                    }
                }
            }
            return false;
        }
        // Inside-string mask: prefix XOR of the quotes, carried across blocks
        // (an opening quote is inside, a closing one outside).
        uint64_t in = quote;
        in ^= in << 1;
        in ^= in << 2;
        in ^= in << 4;
        in ^= in << 8;
        in ^= in << 16;
        in ^= in << 32;
        if (m_inString)
            in = ~in;
        m_inString = (in >> 63) != 0;
        uint64_t structural = (open | close) & ~in;
        while (structural) {
            const int k = __builtin_ctzll(structural);
            structural &= structural - 1;
            if (open >> k & 1) {
                ++m_depth;
            } else if (--m_depth == 0) {
                m_end = size_t(k) + 1;
                return true;
            }
        }
        return false;
    }

    bool m_inString = false, m_escaped = false;
    int64_t m_depth = 0;
    size_t m_end = 0;
};

bool isJsonSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// The fast form of otlpElements() for `text` (not padded): accepts
// `{"resourceSpans": [ {...}, ... ]}` with whitespace anywhere JSON allows
// it and a key without escapes (any spelling NormKey accepts); returns false
// for anything else, and the caller takes the On-Demand path.
bool otlpElementsScan(std::string_view text, std::vector<std::string_view> *elements) {
    size_t i = 0;
    auto skipSpace = [&]() {
        while (i < text.size() && isJsonSpace(text[i]))
            ++i;
    };
    auto expect = [&](char c) {
        skipSpace();
        if (i >= text.size() || text[i] != c)
            return false;
        ++i;
        return true;
    };
    if (!expect('{') || !expect('"'))
        return false;
    const size_t keyBegin = i;
    while (i < text.size() && text[i] != '"' && text[i] != '\\' && uint8_t(text[i]) >= 0x20 && uint8_t(text[i]) < 0x80)
        ++i;
    if (i >= text.size() || text[i] != '"' || !(NormKey(text.substr(keyBegin, i - keyBegin)) == "resourcespans"))
        return false;
    ++i;
    if (!expect(':') || !expect('['))
        return false;
    skipSpace();
    std::vector<std::string_view> found;
    if (i < text.size() && text[i] == ']') {
        ++i;
    } else {
        for (;;) {
            skipSpace();
            if (i >= text.size() || text[i] != '{')
                return false;
            const size_t end = ObjectEndScanner::objectEnd(text, i);
            if (end == std::string_view::npos)
                return false;
            found.push_back(text.substr(i, end - i));
            i = end;
            skipSpace();
            if (i < text.size() && text[i] == ',') {
                ++i;
                continue;
            }
            if (i < text.size() && text[i] == ']') {
                ++i;
                break;
            }
            return false;
        }
    }
    if (!expect('}'))
        return false;
    skipSpace();
    if (i != text.size())
        return false;
    *elements = std::move(found);
    return true;
}

// simdjson reads up to SIMDJSON_PADDING bytes past what it parses:
// text[pos, pos + len) is parsed in place when that much of `text` follows
// it, else through a padded copy held in `tail`.
const char *parsable(std::string_view text, size_t pos, size_t len, simdjson::padded_string &tail) {
    if (pos + len + simdjson::SIMDJSON_PADDING <= text.size())
        return text.data() + pos;
    tail = simdjson::padded_string(text.data() + pos, len);
    return tail.data();
}

// Profile and timeline JSON formats of other tools that users drop by
// mistake (or hope for): named in the error instead of a bare "not a trace
// document". nullptr for anything else.
const char *otherJsonFormat(simdjson::dom::element root) {
    simdjson::dom::object o;
    if (root.get_object().get(o)) {
        simdjson::dom::array a;
        simdjson::dom::object first;
        if (!root.get_array().get(a) && a.size() > 0 && !a.at(0).get_object().get(first) &&
            first.at_key("ph").is_string() &&
            (first.at_key("ts").error() == simdjson::SUCCESS || first.at_key("pid").error() == simdjson::SUCCESS))
            return "a Chrome trace event file (JSON array format)";
        return nullptr;
    }
    const auto has = [&](const char *key) { return o.at_key(key).error() == simdjson::SUCCESS; };
    if (has("traceEvents"))
        return "a Chrome/Perfetto trace event file (traceEvents)";
    if (has("samples") && (has("nodes") || has("head")))
        return "a V8 CPU profile (.cpuprofile, from Chrome DevTools or node --cpu-prof)";
    std::string_view schema;
    if (!o.at_key("$schema").get(schema) && schema.find("speedscope") != std::string_view::npos)
        return "a speedscope profile";
    if (has("meta") && has("threads"))
        return "a Firefox Profiler profile";
    return nullptr;
}

class TraceImport {
public:
    TraceImport(TraceSetBuilder &b, ImportContext &ctx) : m_b(b), m_ctx(ctx) {}

    bool run(std::string_view bytes) {
        if (bytes.empty())
            return m_ctx.fail("empty file");
        if (m_ctx.layers().empty())
            m_ctx.beginStage("reading traces", 0, 1000);
        else
            m_ctx.beginStage("reading traces", 400, 600);
        std::vector<ByteBuffer> buffers;
        for (int layer = 0; layer < kMaxLayers && (isGzip(bytes) || isZstd(bytes)); ++layer) {
            ByteBuffer out;
            const bool gz = isGzip(bytes);
            if (!(gz ? gunzip(m_ctx, bytes, out) : unzstd(m_ctx, bytes, out)))
                return false;
            m_ctx.pushLayer(gz ? "gzip" : "zstd");
            buffers.push_back(std::move(out));
            bytes = buffers.back().view();
            if (bytes.empty())
                return m_ctx.fail("the decompressed data is empty");
        }
        if (skipBomAndSpace(bytes).empty())
            return m_ctx.fail("the file contains only whitespace");
        m_total = bytes.size();
        // Encoded sizes are ~500 bytes per span in JSON and ~180 in protobuf
        // for spans with a few attributes. Reserve on the generous side: a
        // regrowth copies every staged column, while room reserved and never
        // written costs address space only.
        m_b.reserve(bytes.size() / (isJsonStart(bytes) ? 400 : 140));
        bool ok;
        if (isJsonStart(bytes))
            ok = json(bytes, 0);
        else if (isFramed(bytes))
            ok = framed(bytes);
        else
            ok = proto(bytes, 0, "OTLP protobuf");
        m_ctx.endStage();
        return ok;
    }

    std::string format() const {
        std::string f;
        for (size_t i = 0; i < m_formats.size(); ++i)
            f += (i ? " + " : "") + m_formats[i];
        return m_ctx.formatLabel(f.empty() ? "traces" : f.c_str());
    }

private:
    void noteFormat(const std::string &f) {
        if (std::find(m_formats.begin(), m_formats.end(), f) == m_formats.end())
            m_formats.push_back(f);
    }

    bool proto(std::string_view msg, uint64_t base, const char *label) {
        ProtoTraceError err;
        auto checkpoint = [&](uint64_t done) {
            m_ctx.progress(base + done, m_total);
            return !m_ctx.cancelled();
        };
        if (!readOtlpTracesProto(m_b, msg, &err, checkpoint, protoTwoFrom()))
            return err.cancelled ? m_ctx.failCancelled() : m_ctx.failAt(err.message, base + err.offset);
        noteFormat(label);
        return true;
    }

    // Size from which a protobuf message is decoded in two parts; not inside
    // a part of a two-part read (two threads are busy already).
    size_t protoTwoFrom() const {
        const uint64_t from = m_ctx.options().twoThreadsFromBytes;
        return m_stop || m_partEnd || from > SIZE_MAX ? SIZE_MAX : size_t(from);
    }

    bool framed(std::string_view b) {
        // A large file: the records from the first one that starts past the
        // middle are read on another thread (when the framing up to there
        // is sound; the one-thread read reports it otherwise).
        size_t cutOff = b.size();
        uint64_t cutRecord = 0;
        if (b.size() >= m_ctx.options().twoThreadsFromBytes) {
            size_t off = 0;
            uint64_t record = 0;
            while (b.size() - off >= 4) {
                if (off >= b.size() / 2) {
                    if (record > 0) {
                        cutOff = off;
                        cutRecord = record;
                    }
                    break;
                }
                const uint64_t len = be32(b.data() + off);
                if (len > b.size() - off - 4)
                    break;
                off += 4 + len;
                ++record;
            }
        }
        if (cutOff < b.size())
            return inTwoParts(
                0, cutOff, [&](TraceImport &me) { return me.framedRange(b, 0, cutOff, 0); },
                [&](TraceImport &other) { return other.framedRange(b, cutOff, b.size(), cutRecord); });
        return framedRange(b, 0, b.size(), 0);
    }

    // Records of b[from, to) (`from` starts record number `record`).
    bool framedRange(std::string_view b, size_t from, size_t to, uint64_t record) {
        size_t off = from;
        while (off < to) {
            if (stopped())
                return failStopped();
            // A file cut inside its last record (the Collector still writing
            // it, or killed): the whole records are kept and the cut one is
            // reported as a warning; with none whole, it is an error.
            const bool cut = b.size() - off < 4 || be32(b.data() + off) > b.size() - off - 4;
            if (cut && record > 0) {
                m_b.addWarning("file exporter records: the file ends inside a record (truncated, or still being "
                               "written); the records before it are loaded");
                break;
            }
            if (b.size() - off < 4)
                return m_ctx.failAt("truncated record length (file exporter framing)", off);
            const uint64_t len = be32(b.data() + off);
            if (len > b.size() - off - 4)
                return m_ctx.failAt("record " + std::to_string(record) + " claims " + std::to_string(len) +
                                        " bytes but only " + std::to_string(b.size() - off - 4) +
                                        " remain (truncated file?)",
                                    off);
            std::string_view payload = b.substr(off + 4, len);
            const uint64_t payloadAt = off + 4;
            ByteBuffer inflated;
            bool perRecordZstd = false;
            if (isZstd(payload)) {
                ImportContext sub(m_ctx.name(), m_ctx.options());
                if (!unzstd(sub, payload, inflated))
                    return m_ctx.failAt("record " + std::to_string(record) + ": " + sub.error().message, payloadAt);
                payload = inflated.view();
                perRecordZstd = true;
            }
            const std::string suffix = perRecordZstd ? ", records of zstd" : ", records";
            if (isJsonStart(payload)) {
                if (!json(payload, perRecordZstd ? 0 : payloadAt, ("OTLP/JSON" + suffix + ")").c_str(), record,
                          perRecordZstd))
                    return false;
            } else {
                ProtoTraceError err;
                if (!readOtlpTracesProto(m_b, payload, &err, {}, protoTwoFrom())) {
                    if (perRecordZstd)
                        return m_ctx.failAt("record " + std::to_string(record) + " (zstd, at byte " +
                                                std::to_string(err.offset) +
                                                " of its decompressed data): " + err.message,
                                            payloadAt);
                    return m_ctx.failAt(err.message, payloadAt + err.offset);
                }
                noteFormat("OTLP protobuf (file exporter" + suffix + ")");
            }
            off += 4 + len;
            ++record;
            progressAt(off);
        }
        return true;
    }

    // Reports a JSON problem. `base` is where `text` starts in the buffer the
    // offsets refer to; for records decompressed on their own the offset is
    // the record's and the message says where inside it.
    bool jsonFail(const std::string &msg, std::string_view text, size_t docAt, uint64_t base, int64_t record,
                  bool inner) {
        (void)text;
        if (inner)
            return m_ctx.failAt("record " + std::to_string(record) + " (zstd, at byte " + std::to_string(docAt) +
                                    " of its decompressed JSON): " + msg,
                                base);
        return m_ctx.failAt(msg, base + docAt);
    }

    // True when the user cancelled or (in the second part of a two-part
    // import) the first part failed.
    bool stopped() const { return m_ctx.cancelled() || (m_stop && m_stop->load(std::memory_order_relaxed)); }
    bool failStopped() { return m_ctx.failCancelled(); }

    // Progress at byte `at` of the input (JSON documents and lines, outside
    // records). In the first part of a two-part import, positions are
    // stretched over both parts (the second runs alongside at about the
    // same pace).
    void progressAt(uint64_t at) {
        if (m_partEnd > m_partBegin && m_partEnd < m_total && at >= m_partBegin)
            at = m_partBegin + uint64_t(double(at - m_partBegin) * double(m_total - m_partBegin) /
                                        double(m_partEnd - m_partBegin)); // no 64-bit overflow on huge files
        m_ctx.progress(std::min(at, m_total), m_total);
    }

    // A JSON syntax error in text[at, at + len).
    bool jsonSyntaxFail(std::string_view text, size_t at, size_t len, simdjson::error_code e, uint64_t base,
                        int64_t record, bool inner) {
        JsonSyntaxProblem p;
        if (findJsonSyntaxError(text.substr(at, len), &p))
            return jsonFail("invalid JSON: " + p.message, text, at + p.offset, base, record, inner);
        return jsonFail(std::string("invalid JSON: ") + simdjson::error_message(e), text, at, base, record, inner);
    }

    // One parsed document (starting at text[at]) into the builder.
    bool jsonProcess(JsonTraceReader &reader, simdjson::dom::element root, std::string_view text, size_t at,
                     uint64_t base, const char *labelOverride, int64_t record, bool inner) {
        try {
            if (!document(reader, root, labelOverride)) {
                if (const char *other = otherJsonFormat(root))
                    return jsonFail(std::string("not a trace document: this is ") + other +
                                        ", which Spanfire does not read (it reads OTLP, Jaeger and Zipkin traces "
                                        "and pprof, OTLP and folded-stack profiles)",
                                    text, at, base, record, inner);
                return jsonFail("not a trace document: no OTLP resourceSpans, Jaeger trace/spans or Zipkin "
                                "spans found",
                                text, at, base, record, inner);
            }
        } catch (const JsonSchemaError &ex) {
            return jsonFail(std::string("in the JSON document starting here: ") + ex.what(), text, at, base, record,
                            inner);
        } catch (const JsonCancelled &) {
            return failStopped();
        }
        if (stopped())
            return failStopped();
        if (record < 0)
            progressAt(base + at);
        return true;
    }

    // The JSON lines of text[from, to) (`from` starts a line, `to` ends
    // one), each parsed in place when simdjson's padding fits after it.
    bool jsonLineRange(std::string_view text, size_t from, size_t to, uint64_t base, const char *labelOverride,
                       int64_t record, bool inner, size_t *docs) {
        simdjson::dom::parser parser;
        simdjson::padded_string tail;
        JsonTraceReader reader(m_b);
        reader.setCheckpoint([&](uint64_t, uint64_t) { return !stopped(); });
        for (size_t pos = from; pos < to;) {
            size_t end = text.find('\n', pos);
            if (end == std::string_view::npos || end > to)
                end = to;
            if (!skipBomAndSpace(text.substr(pos, end - pos)).empty()) {
                simdjson::dom::element root;
                const auto e = parser.parse(parsable(text, pos, end - pos, tail), end - pos, false).get(root);
                if (e)
                    return jsonSyntaxFail(text, pos, end - pos, e, base, record, inner);
                ++*docs;
                if (!jsonProcess(reader, root, text, pos, base, labelOverride, record, inner))
                    return false;
            }
            pos = end + 1;
        }
        return true;
    }

    // resourceSpans elements [from, to) of a split single document, each
    // through a reused DOM parser. An element that does not parse sets
    // *badElement (the caller reports the whole document's syntax error).
    bool jsonElementRange(const std::vector<std::string_view> &elements, size_t from, size_t to, std::string_view text,
                          bool inText, uint64_t base, int64_t record, bool inner, size_t *badElement,
                          simdjson::error_code *badError) {
        simdjson::dom::parser parser;
        simdjson::padded_string tail;
        JsonTraceReader reader(m_b);
        const uint64_t total = elements.size();
        reader.setCheckpoint([&](uint64_t done, uint64_t all) {
            if (record < 0 && all)
                progressAt(base + text.size() * done / all);
            return !stopped();
        });
        for (size_t i = from; i < to; ++i) {
            simdjson::dom::element rs;
            const char *in = inText ? parsable(text, size_t(elements[i].data() - text.data()), elements[i].size(), tail)
                                    : elements[i].data();
            if (const auto e = parser.parse(in, elements[i].size(), false).get(rs)) {
                *badElement = i;
                *badError = e;
                return false;
            }
            try {
                readOtlpResourceSpansJson(reader, rs, int64_t(i));
                reader.checkpoint(i + 1, total);
            } catch (const JsonSchemaError &ex) {
                return jsonFail(std::string("in the JSON document starting here: ") + ex.what(), text, 0, base, record,
                                inner);
            } catch (const JsonCancelled &) {
                return failStopped();
            }
        }
        return true;
    }

    // Runs first(*this) here and second(other) on another thread, where
    // `other` is a TraceImport of its own builder and context (same file
    // name, layers and Cancel flag; no progress reports), then joins its
    // spans, formats and error behind this part's: the first error in input
    // order wins, with the spans before it, as in one pass (takeStaged()
    // keeps string ids and the rest as one builder makes them). Progress
    // stays on this thread; [partBegin, partEnd) is this part of the input.
    template <class First, class Second>
    bool inTwoParts(uint64_t partBegin, uint64_t partEnd, First &&first, Second &&second) {
        ImportOptions subOptions = m_ctx.options();
        subOptions.progress = {};
        ImportContext sub(m_ctx.name(), subOptions);
        for (const char *layer : m_ctx.layers())
            sub.pushLayer(layer);
        TraceSetBuilder otherBuilder;
        std::atomic<bool> stop{false};
        TraceImport other(otherBuilder, sub);
        other.m_total = m_total;
        other.m_stop = &stop;
        bool otherOk = false;
        std::exception_ptr otherException;
        std::thread thread([&] {
            try {
                otherOk = second(other);
            } catch (...) {
                otherException = std::current_exception();
            }
        });
        m_partBegin = partBegin;
        m_partEnd = partEnd;
        bool ok = false;
        std::exception_ptr firstException;
        try {
            ok = first(*this);
        } catch (...) {
            firstException = std::current_exception();
        }
        m_partBegin = m_partEnd = 0;
        if (!ok || firstException)
            stop = true;
        thread.join();
        if (firstException)
            std::rethrow_exception(firstException);
        if (!ok)
            return false;
        if (otherException)
            std::rethrow_exception(otherException);
        m_b.takeStaged(otherBuilder);
        for (const std::string &f : other.m_formats)
            noteFormat(f);
        if (!otherOk) {
            if (sub.failed()) // else the second part left its problem to the caller
                m_ctx.adoptError(sub.error());
            return false;
        }
        return true;
    }

    bool json(std::string_view text, uint64_t base, const char *labelOverride = nullptr, int64_t record = -1,
              bool inner = false) {
        if (text.size() >= 3 && std::memcmp(text.data(), "\xEF\xBB\xBF", 3) == 0) {
            text.remove_prefix(3);
            base += 3;
        }
        // Lines and split elements are parsed in place (parsable()); a
        // single document through a padded copy of the whole text.
        simdjson::padded_string padded, tail;
        auto padWhole = [&]() {
            if (padded.size() != text.size() || !padded.data())
                padded = simdjson::padded_string(text);
        };
        simdjson::dom::parser parser;
        JsonTraceReader reader(m_b);
        size_t docs = 0;
        reader.setCheckpoint([&](uint64_t done, uint64_t total) {
            if (record < 0 && total)
                progressAt(base + text.size() * done / total);
            return !stopped();
        });
        // JSON lines (as the Collector and SDK exporters write) when the first
        // line is a complete document and more text follows; otherwise one
        // document.
        const size_t nl = text.find('\n');
        if (nl != std::string_view::npos && !skipBomAndSpace(text.substr(nl + 1)).empty()) {
            simdjson::dom::element root;
            if (!parser.parse(parsable(text, 0, nl, tail), nl, false).get(root)) {
                ++docs;
                if (!jsonProcess(reader, root, text, 0, base, labelOverride, record, inner))
                    return false;
                // The other lines; a large rest in two parts at once, cut at
                // a line end past its middle.
                const size_t from = nl + 1;
                size_t cut = text.size(), secondDocs = 0;
                if (record < 0 && text.size() - from >= m_ctx.options().twoThreadsFromBytes) {
                    cut = text.find('\n', from + (text.size() - from) / 2);
                    cut = cut == std::string_view::npos ? text.size() : cut + 1;
                }
                bool ok;
                if (cut < text.size())
                    ok = inTwoParts(
                        base + from, base + cut,
                        [&](TraceImport &me) {
                            return me.jsonLineRange(text, from, cut, base, labelOverride, record, inner, &docs);
                        },
                        [&](TraceImport &other) {
                            return other.jsonLineRange(text, cut, text.size(), base, labelOverride, record, inner,
                                                       &secondDocs);
                        });
                else
                    ok = jsonLineRange(text, from, text.size(), base, labelOverride, record, inner, &docs);
                docs += secondDocs;
                if (!ok)
                    return false;
                if (docs > 1 && !labelOverride && m_formats.size() == 1 && m_formats[0] == "OTLP/JSON")
                    m_formats[0] = "OTLP/JSON lines";
                return true;
            }
        }
        std::vector<std::string_view> elements;
        // Elements found by the structure scan lie in `text` (parsed in
        // place like lines); those found by the On-Demand pass in `padded`.
        bool split = false, inText = false;
        if (text.size() >= kSplitDocumentBytes) {
            split = inText = otlpElementsScan(text, &elements);
            if (!split) {
                elements.clear();
                padWhole();
                split = otlpElements(padded, &elements);
            }
        }
        if (split) {
            // Each element on its own through a reused DOM parser; many
            // elements in two parts at once.
            size_t bad = SIZE_MAX, secondBad = SIZE_MAX;
            simdjson::error_code badError = simdjson::SUCCESS, secondBadError = simdjson::SUCCESS;
            const size_t n = elements.size();
            size_t cut = n;
            if (record < 0 && text.size() >= m_ctx.options().twoThreadsFromBytes && n >= 2) {
                // The element nearest the middle of the bytes.
                const char *middle = elements.front().data() +
                                     (elements.back().data() + elements.back().size() - elements.front().data()) / 2;
                cut = size_t(std::lower_bound(elements.begin(), elements.end(), middle,
                                              [](std::string_view e, const char *m) { return e.data() < m; }) -
                             elements.begin());
                cut = std::clamp<size_t>(cut, 1, n - 1);
            }
            bool ok;
            if (cut < n) {
                const uint64_t cutAt = inText ? uint64_t(elements[cut].data() - text.data()) : text.size() / 2;
                ok = inTwoParts(
                    base, base + cutAt,
                    [&](TraceImport &me) {
                        return me.jsonElementRange(elements, 0, cut, text, inText, base, record, inner, &bad,
                                                   &badError);
                    },
                    [&](TraceImport &other) {
                        return other.jsonElementRange(elements, cut, n, text, inText, base, record, inner, &secondBad,
                                                      &secondBadError);
                    });
                // An element of the second part that does not parse counts
                // only when the first part went through.
                if (!ok && !m_ctx.failed() && bad == SIZE_MAX) {
                    bad = secondBad;
                    badError = secondBadError;
                }
            } else {
                ok = jsonElementRange(elements, 0, n, text, inText, base, record, inner, &bad, &badError);
            }
            if (!ok && !m_ctx.failed() && bad != SIZE_MAX) {
                // An element that does not parse means the document is not
                // valid JSON: report it as the whole-document parse does.
                padWhole();
                simdjson::dom::element root;
                const auto whole = parser.parse(padded.data(), text.size(), false).get(root);
                return jsonSyntaxFail(text, 0, text.size(), whole ? whole : badError, base, record, inner);
            }
            if (!ok)
                return false;
            noteFormat(labelOverride ? labelOverride : "OTLP/JSON");
            if (stopped())
                return failStopped();
            if (record < 0)
                progressAt(base + text.size());
            return true;
        }
        padWhole();
        simdjson::dom::element root;
        const auto e = parser.parse(padded.data(), text.size(), false).get(root);
        if (e)
            return jsonSyntaxFail(text, 0, text.size(), e, base, record, inner);
        ++docs;
        return jsonProcess(reader, root, text, 0, base, labelOverride, record, inner);
    }

    // Returns false when the document is not a trace document at all.
    bool document(JsonTraceReader &r, simdjson::dom::element root, const char *labelOverride) {
        if (const char *label = otlpTracesJsonLabel(root)) {
            readOtlpTracesJson(r, root);
            noteFormat(labelOverride ? labelOverride : label);
            return true;
        }
        simdjson::dom::array arr;
        if (!root.get_array().get(arr)) {
            if (arr.size() == 0) {
                noteFormat("JSON (empty array)");
                return true;
            }
            bool allOtlp = true;
            for (simdjson::dom::element item : arr)
                allOtlp = allOtlp && isOtlpTracesJson(item);
            if (allOtlp) {
                int64_t i = 0;
                for (simdjson::dom::element item : arr) {
                    JsonTraceReader::Scope s(r, "", i++);
                    readOtlpTracesJson(r, item);
                }
                noteFormat("OTLP/JSON (array of documents)");
                return true;
            }
        }
        if (isZipkinJson(root)) {
            readZipkinJson(r, root);
            noteFormat("Zipkin v2 JSON");
            return true;
        }
        if (isJaegerJson(root)) {
            readJaegerJson(r, root);
            noteFormat("Jaeger JSON");
            return true;
        }
        return false;
    }

    TraceSetBuilder &m_b;
    ImportContext &m_ctx;
    std::vector<std::string> m_formats;
    uint64_t m_total = 0;
    const std::atomic<bool> *m_stop = nullptr; // second part of a two-part read: the first part failed
    uint64_t m_partBegin = 0, m_partEnd = 0;   // first part of a two-part read: its input range
};

bool readWholeFile(const std::string &path, std::string *out, std::string *error) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        *error = "cannot open file";
        return false;
    }
    std::ostringstream ss;
    ss << in.rdbuf();
    if (in.bad()) {
        *error = "read error";
        return false;
    }
    *out = std::move(ss).str();
    return true;
}

} // namespace

bool looksLikeTraces(std::string_view bytes) {
    if (isGzip(bytes) || isZstd(bytes)) {
        ImportOptions opts;
        opts.limits.maxDecompressedBytes = 1 << 20;
        ImportContext ctx("", opts);
        ByteBuffer out;
        // A prefix is enough to look at; errors from the cut are expected.
        const std::string_view head = bytes.substr(0, 256 * 1024);
        if (isGzip(bytes))
            gunzip(ctx, head, out);
        else
            unzstd(ctx, head, out);
        if (out.size() == 0)
            return false;
        return looksLikeTraces(std::string_view(out.data(), std::min<size_t>(out.size(), 1 << 20)));
    }
    if (isJsonStart(bytes)) {
        const std::string_view head = bytes.substr(0, 64 * 1024);
        auto has = [&](const char *s) { return head.find(s) != std::string_view::npos; };
        if (has("\"resourceProfiles\"") || has("\"resource_profiles\"") || has("\"traceEvents\""))
            return false;
        return has("\"resourceSpans\"") || has("\"resource_spans\"") || has("\"batches\"") ||
               has("\"operationName\"") || has("\"spanID\"") || (has("\"traceId\"") && has("\"id\""));
    }
    if (isFramed(bytes)) {
        std::string_view payload = bytes.substr(4, be32(bytes.data()));
        if (isZstd(payload) || isJsonStart(payload))
            return true; // OTLP profiles records would need a look inside; traces are the common case
        return sniff(payload) == Format::OtlpTracesProto;
    }
    return sniff(bytes) == Format::OtlpTracesProto;
}

namespace {
// A local builder lays out on one thread when the options keep the import there.
void useThreadsOf(TraceSetBuilder &b, const ImportOptions &options) {
    if (options.twoThreadsFromBytes == UINT64_MAX)
        b.setParallelFrom(SIZE_MAX);
}

bool cancelRequested(const ImportOptions &options) {
    return options.cancel && options.cancel->load(std::memory_order_relaxed);
}

bool importWithContext(TraceSetBuilder &builder, ImportContext &ctx, std::string_view bytes, ImportError *error,
                       std::string *format) {
    const std::string &name = ctx.name();
    TraceImport imp(builder, ctx);
    bool ok = false;
    try {
        ok = imp.run(bytes);
    } catch (const std::bad_alloc &) {
        ctx.fail("out of memory");
        ok = false;
    } catch (const std::exception &e) {
        ctx.fail(std::string("internal error: ") + e.what());
        ok = false;
    }
    if (format)
        *format = imp.format();
    if (!ok) {
        if (error)
            *error = ctx.error();
        return false;
    }
    builder.addSource(name, imp.format());
    return true;
}
} // namespace

bool importTracesInto(TraceSetBuilder &builder, const std::string &name, std::string_view bytes,
                      const ImportOptions &options, ImportError *error, std::string *format) {
    ImportContext ctx(name, options);
    return importWithContext(builder, ctx, bytes, error, format);
}

ImportResult importTraces(ImportContext &ctx, std::string_view bytes) {
    ImportResult result;
    TraceSetBuilder builder;
    useThreadsOf(builder, ctx.options());
    std::string format;
    if (!importWithContext(builder, ctx, bytes, &result.error, &format)) {
        result.format = format;
        return result;
    }
    try {
        // The layout of a large load takes a while too: it polls cancel.
        auto set = builder.finish([&ctx] { return ctx.cancelled(); });
        if (!set) {
            ctx.failCancelled();
            result.error = ctx.error();
            return result;
        }
        result.ok = true;
        result.format = format;
        result.warnings = set->warnings;
        result.traces = std::move(set);
    } catch (const std::bad_alloc &) {
        result.error = ctx.error();
        result.error.message = "out of memory";
    }
    return result;
}

ImportResult importTraceBytes(const std::string &name, std::string_view bytes, const ImportOptions &options) {
    ImportResult result;
    TraceSetBuilder builder;
    useThreadsOf(builder, options);
    std::string format;
    if (!importTracesInto(builder, name, bytes, options, &result.error, &format)) {
        result.format = format;
        return result;
    }
    try {
        auto set = builder.finish([&options] { return cancelRequested(options); });
        if (!set) {
            result.error.file = name;
            result.error.message = "import cancelled";
            result.error.cancelled = true;
            return result;
        }
        result.ok = true;
        result.format = format;
        result.warnings = set->warnings;
        result.traces = std::move(set);
    } catch (const std::bad_alloc &) {
        result.error.file = name;
        result.error.message = "out of memory";
    }
    return result;
}

ImportResult importTraceFiles(const std::vector<std::string> &paths, const ImportOptions &options) {
    ImportResult result;
    TraceSetBuilder builder;
    useThreadsOf(builder, options);
    std::vector<std::string> formats;
    for (const std::string &path : paths) {
        std::string bytes, error, format;
        if (!readWholeFile(path, &bytes, &error)) {
            result.error.file = path;
            result.error.message = error;
            return result;
        }
        if (!importTracesInto(builder, path, bytes, options, &result.error, &format))
            return result;
        if (std::find(formats.begin(), formats.end(), format) == formats.end())
            formats.push_back(format);
    }
    for (size_t i = 0; i < formats.size(); ++i)
        result.format += (i ? ", " : "") + formats[i];
    try {
        auto set = builder.finish([&options] { return cancelRequested(options); });
        if (!set) {
            result.error.message = "import cancelled";
            result.error.cancelled = true;
            return result;
        }
        result.ok = true;
        result.warnings = set->warnings;
        result.traces = std::move(set);
    } catch (const std::bad_alloc &) {
        result.error.message = "out of memory";
    }
    return result;
}

} // namespace spanfire
