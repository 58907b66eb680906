// OTLP profiles entry point (profilesimport.h): tells the framings apart and
// feeds each request through the protobuf or JSON reader into one
// OtlpProfilesAssembler.

#include "importers/otlp/profilesimport.h"

#include "importers/common/decompress.h"
#include "importers/otlp/jsonlocate.h"
#include "importers/otlp/profilesjson.h"
#include "importers/otlp/profilesproto.h"

#include <simdjson.h>

#include <cstring>

namespace spanfire {

namespace {

bool isZstd(std::string_view b) {
    return b.size() >= 4 && std::memcmp(b.data(), "\x28\xb5\x2f\xfd", 4) == 0;
}

std::string_view skipSpace(std::string_view b) {
    if (b.size() >= 3 && std::memcmp(b.data(), "\xEF\xBB\xBF", 3) == 0)
        b.remove_prefix(3);
    while (!b.empty() && (b[0] == ' ' || b[0] == '\t' || b[0] == '\r' || b[0] == '\n'))
        b.remove_prefix(1);
    return b;
}

bool isJsonStart(std::string_view b) {
    b = skipSpace(b);
    return !b.empty() && b[0] == '{';
}

bool jsonHasProfiles(std::string_view b) {
    const std::string_view head = b.substr(0, 64 * 1024);
    auto has = [&](const char *s) { return head.find(s) != std::string_view::npos; };
    if (has("\"resourceProfiles\"") || has("\"resource_profiles\""))
        return true;
    // A ProfilesData whose dictionary comes first (and may be long).
    const size_t dict = head.find("\"dictionary\"");
    if (dict == std::string_view::npos || dict > 256)
        return false;
    return has("\"stackTable\"") || has("\"stack_table\"") || has("\"stringTable\"") || has("\"string_table\"") ||
           has("\"locationTable\"") || has("\"location_table\"");
}

uint32_t be32(const char *p) {
    return (uint32_t(uint8_t(p[0])) << 24) | (uint32_t(uint8_t(p[1])) << 16) | (uint32_t(uint8_t(p[2])) << 8) |
           uint32_t(uint8_t(p[3]));
}

// Collector file exporter: [u32 BE length][payload] records covering the buffer.
bool isFramed(std::string_view b) {
    if (b.size() < 5 || b[0] != 0)
        return false;
    size_t off = 0;
    while (off + 4 <= b.size()) {
        const uint64_t len = be32(b.data() + off);
        if (len == 0 || len > b.size() - off - 4)
            return false;
        off += 4 + len;
    }
    return off == b.size();
}

bool protoLooksLikeProfiles(std::string_view payload) {
    return sniff(payload) == Format::OtlpProfilesProto;
}

class ProfilesImport {
public:
    explicit ProfilesImport(ImportContext &ctx) : m_ctx(ctx), m_asm(ctx) {}

    std::shared_ptr<Profile> run(std::string_view bytes) {
        m_base = bytes.data();
        m_ctx.beginStage("reading OTLP profiles", m_ctx.layers().empty() ? 0 : 400, m_ctx.layers().empty() ? 900 : 500);
        bool ok;
        if (isJsonStart(bytes)) {
            ok = json(bytes, 0);
        } else if (isFramed(bytes)) {
            ok = framed(bytes);
        } else {
            m_what = "protobuf";
            ok = proto(bytes);
        }
        if (!ok)
            return nullptr;
        m_ctx.endStage();
        std::string label = "OTLP profiles";
        if (!m_layout.empty())
            label += " " + m_layout;
        label += " (" + m_what + ")";
        std::shared_ptr<Profile> p = m_asm.finish(m_ctx.formatLabel(label.c_str()));
        if (p && m_layoutGuessed)
            p->addWarning("OTLP profiles layout not told apart by the samples (v1.8/v1.9 vs v1.10+): read as v1.10+");
        return p;
    }

private:
    void noteLayout(const std::string &layout) {
        if (m_layout.empty())
            m_layout = layout;
        else if (m_layout.find(layout) == std::string::npos)
            m_layout += "+" + layout;
    }

    bool proto(std::string_view msg) {
        const OtlpLayoutSniff sn = sniffOtlpProfilesLayout(m_base, msg);
        switch (sn.layout) {
        case OtlpProfilesLayout::Older:
            return m_ctx.failAt("unsupported OTLP profiles version: " + sn.why +
                                    "; only v1.8 and newer (profiles/v1development with a stack table) are read",
                                sn.offset);
        case OtlpProfilesLayout::Ambiguous:
            return m_ctx.failAt("OTLP profiles protobuf mixes the v1.8/v1.9 and v1.10+ sample layouts (" + sn.why +
                                    "); refusing to guess",
                                sn.offset);
        case OtlpProfilesLayout::Unknown:
        case OtlpProfilesLayout::V1_8:
        case OtlpProfilesLayout::V1_10:
            break;
        }
        noteLayout(sn.layout == OtlpProfilesLayout::V1_8 ? "v1.8/v1.9" : "v1.10+");
        m_layoutGuessed |= sn.layout == OtlpProfilesLayout::Unknown;
        OtlpProfilesRequest req;
        if (!readOtlpProfilesProto(m_ctx, m_base, msg, sn.layout, req))
            return false;
        return append(req);
    }

    bool append(OtlpProfilesRequest &req) {
        if (m_ctx.cancelled())
            return m_ctx.failCancelled();
        req.ensureZeroEntries();
        return m_asm.append(req);
    }

    bool json(std::string_view text, uint64_t base) {
        if (m_what.empty())
            m_what = "JSON";
        const simdjson::padded_string padded(text);
        simdjson::dom::parser parser;
        auto syntaxFail = [&](size_t at, size_t len, simdjson::error_code e) {
            JsonSyntaxProblem p;
            if (findJsonSyntaxError(text.substr(at, len), &p))
                return m_ctx.failAt("invalid JSON: " + p.message, base + at + p.offset);
            return m_ctx.failAt(std::string("invalid JSON: ") + simdjson::error_message(e), base + at);
        };
        auto process = [&](simdjson::dom::element root, size_t at) {
            if (!isOtlpProfilesJson(root))
                return m_ctx.failAt("JSON document without resourceProfiles (not OTLP profiles)", base + at);
            OtlpProfilesRequest req;
            if (!readOtlpProfilesJson(m_ctx, root, req))
                return false;
            // JSON names its fields: the v1.8 key names tell that version apart.
            noteLayout(m_jsonV18 ? "v1.8" : "v1.9+");
            return append(req);
        };
        m_jsonV18 =
            text.find("\"sample\"") != std::string_view::npos && text.find("\"samples\"") == std::string_view::npos;
        // JSON lines when the first line is a complete document and more follows.
        const size_t nl = text.find('\n');
        bool lines = false;
        if (nl != std::string_view::npos && !skipSpace(text.substr(nl + 1)).empty()) {
            simdjson::dom::element root;
            if (!parser.parse(padded.data(), nl, false).get(root)) {
                lines = true;
                m_what = "JSON lines";
                if (!process(root, 0))
                    return false;
            }
        }
        if (!lines) {
            simdjson::dom::element root;
            const auto e = parser.parse(padded.data(), text.size(), false).get(root);
            if (e)
                return syntaxFail(0, text.size(), e);
            return process(root, 0);
        }
        for (size_t pos = nl + 1; pos < text.size();) {
            size_t end = text.find('\n', pos);
            if (end == std::string_view::npos)
                end = text.size();
            if (!skipSpace(text.substr(pos, end - pos)).empty()) {
                simdjson::dom::element root;
                const auto e = parser.parse(padded.data() + pos, end - pos, false).get(root);
                if (e)
                    return syntaxFail(pos, end - pos, e);
                if (!process(root, pos))
                    return false;
            }
            pos = end + 1;
            m_ctx.progress(pos, text.size());
        }
        return true;
    }

    bool framed(std::string_view b) {
        m_what = "file-exporter records";
        size_t off = 0;
        while (off + 4 <= b.size()) {
            const size_t len = be32(b.data() + off);
            std::string_view payload = b.substr(off + 4, len);
            const uint64_t at = off + 4;
            ByteBuffer buf;
            if (isZstd(payload)) {
                ImportContext inner(m_ctx.name(), m_ctx.options());
                if (!unzstd(inner, payload, buf))
                    return m_ctx.failAt("record " + std::to_string(at) + ": " + inner.error().message, at);
                payload = buf.view();
                const char *saved = m_base;
                m_base = payload.data(); // offsets inside a decompressed record are record-relative
                const bool ok = isJsonStart(payload) ? json(payload, 0) : proto(payload);
                m_base = saved;
                if (!ok)
                    return false;
            } else if (isJsonStart(payload)) {
                if (!json(payload, at))
                    return false;
            } else if (!proto(payload)) {
                return false;
            }
            off += 4 + len;
            m_ctx.progress(off, b.size());
        }
        return true;
    }

    ImportContext &m_ctx;
    OtlpProfilesAssembler m_asm;
    const char *m_base = nullptr;
    std::string m_what, m_layout;
    bool m_jsonV18 = false;
    bool m_layoutGuessed = false;
};

} // namespace

bool looksLikeOtlpProfiles(std::string_view bytes) {
    if (isJsonStart(bytes))
        return jsonHasProfiles(bytes);
    if (isFramed(bytes)) {
        std::string_view payload = bytes.substr(4, be32(bytes.data()));
        if (isJsonStart(payload))
            return jsonHasProfiles(payload);
        if (isZstd(payload)) {
            ImportOptions opts;
            opts.limits.maxDecompressedBytes = 64ull << 20;
            ImportContext ctx("", opts);
            ByteBuffer out;
            if (!unzstd(ctx, payload, out))
                return false;
            return isJsonStart(out.view()) ? jsonHasProfiles(out.view()) : protoLooksLikeProfiles(out.view());
        }
        return protoLooksLikeProfiles(payload);
    }
    return false;
}

std::shared_ptr<Profile> importOtlpProfiles(ImportContext &ctx, std::string_view bytes) {
    try {
        ProfilesImport imp(ctx);
        return imp.run(bytes);
    } catch (const std::bad_alloc &) {
        ctx.fail("out of memory");
    } catch (const std::exception &e) {
        ctx.fail(std::string("internal error: ") + e.what());
    }
    return nullptr;
}

} // namespace spanfire
