#include "importers/symbolize/pprofwriter.h"

#include <zlib.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <unordered_map>

namespace spanfire {

namespace {

// Minimal protobuf encoder: tags, varints, length-delimited fields.
class Encoder {
public:
    std::string &bytes() { return m_out; }
    void varint(uint64_t v) {
        while (v >= 0x80) {
            m_out += char(uint8_t(v) | 0x80);
            v >>= 7;
        }
        m_out += char(uint8_t(v));
    }
    void tag(uint32_t field, uint32_t wireType) { varint(uint64_t(field) << 3 | wireType); }
    void u64(uint32_t field, uint64_t v) {
        if (v == 0)
            return;
        tag(field, 0);
        varint(v);
    }
    void i64(uint32_t field, int64_t v) { u64(field, uint64_t(v)); }
    void boolean(uint32_t field, bool v) { u64(field, v ? 1 : 0); }
    void bytes(uint32_t field, std::string_view s) {
        tag(field, 2);
        varint(s.size());
        m_out.append(s.data(), s.size());
    }
    void message(uint32_t field, const Encoder &m) { bytes(field, m.m_out); }
    void packed(uint32_t field, const std::vector<uint64_t> &v) {
        if (v.empty())
            return;
        Encoder inner;
        for (uint64_t x : v)
            inner.varint(x);
        message(field, inner);
    }
    void clear() { m_out.clear(); }

private:
    std::string m_out;
};

class Writer {
public:
    Writer(const Profile &p, const PprofWriteOptions &o) : m_p(p), m_o(o) { m_strings.push_back(std::string_view()); }

    std::string run();

private:
    uint64_t str(StringId id) {
        const std::string_view s = m_p.strings.view(id);
        if (s.empty())
            return 0;
        auto [it, inserted] = m_stringIndex.emplace(id.v, m_strings.size());
        if (inserted)
            m_strings.push_back(s);
        return it->second;
    }
    uint64_t mappingOf(const Frame &f) const {
        for (size_t i = 0; i < m_p.mappings.size(); ++i)
            if (m_p.mappings[i].file == f.module && m_p.mappings[i].buildId == f.buildId)
                return i + 1;
        return 0;
    }

    const Profile &m_p;
    const PprofWriteOptions &m_o;
    std::vector<std::string_view> m_strings;
    std::unordered_map<uint32_t, uint64_t> m_stringIndex;
};

std::string Writer::run() {
    Encoder out, m;
    const StackTrie &t = m_p.trie;
    const auto &frames = m_p.frames.frames();

    for (const ValueType &vt : m_p.sampleTypes) {
        m.clear();
        m.u64(1, str(vt.type));
        m.u64(2, str(vt.unit));
        out.message(1, m);
    }

    // Location of each node: the node ends a location unless only inlined
    // frames hang below it; groupTop[n] is the non-inlined node the run of
    // inlined frames ending at n belongs to.
    std::vector<uint32_t> groupTop(t.size(), 0);
    for (uint32_t n = 1; n < t.size(); ++n) {
        const uint32_t parent = t.parent(NodeId(n)).v;
        groupTop[n] = frames[t.frame(NodeId(n)).v].kind == FrameKind::Inlined && parent != 0 ? groupTop[parent] : n;
    }
    std::vector<uint8_t> locationWritten(t.size(), 0);
    std::vector<uint8_t> functionWritten(frames.size(), 0);
    std::vector<uint64_t> stack;
    Encoder locations, functions, lineMsg;

    auto writeLocation = [&](uint32_t leaf) {
        if (locationWritten[leaf])
            return;
        locationWritten[leaf] = 1;
        const Frame &top = frames[t.frame(NodeId(groupTop[leaf])).v];
        const uint64_t mapping = mappingOf(top);
        uint64_t address = top.kind == FrameKind::Unsymbolized ? top.address : 0;
        if (m_o.nodeAddress && leaf < m_o.nodeAddress->size() && (*m_o.nodeAddress)[leaf])
            address = (*m_o.nodeAddress)[leaf];
        if (address && mapping) {
            const Mapping &mm = m_p.mappings[mapping - 1];
            if (address >= mm.fileOffset)
                address = address - mm.fileOffset + mm.memoryStart;
        }
        m.clear();
        m.u64(1, leaf);
        m.u64(2, mapping);
        m.u64(3, address);
        for (uint32_t n = leaf;; n = t.parent(NodeId(n)).v) {
            const uint32_t f = t.frame(NodeId(n)).v;
            if (frames[f].kind != FrameKind::Unsymbolized) {
                if (!functionWritten[f]) {
                    functionWritten[f] = 1;
                    const Frame &fr = frames[f];
                    lineMsg.clear();
                    lineMsg.u64(1, uint64_t(f) + 1);
                    lineMsg.u64(2, str(fr.name));
                    lineMsg.u64(3, str(fr.systemName.valid() ? fr.systemName : fr.name));
                    lineMsg.u64(4, str(fr.file));
                    lineMsg.u64(5, fr.startLine);
                    functions.message(5, lineMsg);
                }
                lineMsg.clear();
                lineMsg.u64(1, uint64_t(f) + 1);
                if (m_o.nodeLine && n < m_o.nodeLine->size())
                    lineMsg.u64(2, (*m_o.nodeLine)[n]);
                m.message(4, lineMsg);
            }
            if (n == groupTop[leaf])
                break;
        }
        locations.message(4, m);
    };

    Encoder sample, packed;
    for (size_t i = 0; i < m_p.sampleCount(); ++i) {
        stack.clear();
        for (uint32_t n = m_p.sampleNode[i]; n != 0; n = t.parent(NodeId(groupTop[n])).v) {
            writeLocation(n);
            stack.push_back(n);
        }
        sample.clear();
        sample.packed(1, stack);
        stack.clear();
        for (const auto &col : m_p.values)
            stack.push_back(uint64_t(i < col.size() ? col[i] : 0));
        // Values are int64: zero is meaningful, so write the packed field even when all are zero.
        Encoder vals;
        for (uint64_t v : stack)
            vals.varint(v);
        if (!stack.empty())
            sample.message(2, vals);
        if (i < m_p.sampleLabels.size() && m_p.sampleLabels[i] != 0) {
            const LabelSetId ls(m_p.sampleLabels[i]);
            for (const Label *l = m_p.labelSets.begin(ls); l != m_p.labelSets.end(ls); ++l) {
                m.clear();
                m.u64(1, str(l->key));
                if (l->isNumeric()) {
                    m.i64(3, l->num);
                    m.u64(4, str(l->unit));
                } else {
                    m.u64(2, str(l->str));
                }
                sample.message(3, m);
            }
        }
        out.message(2, sample);
    }

    for (size_t i = 0; i < m_p.mappings.size(); ++i) {
        const Mapping &mm = m_p.mappings[i];
        m.clear();
        m.u64(1, i + 1);
        m.u64(2, mm.memoryStart);
        m.u64(3, mm.memoryLimit);
        m.u64(4, mm.fileOffset);
        m.u64(5, str(mm.file));
        m.u64(6, str(mm.buildId));
        m.boolean(7, mm.hasFunctions);
        m.boolean(8, mm.hasFilenames);
        m.boolean(9, mm.hasLineNumbers);
        m.boolean(10, mm.hasInlineFrames);
        out.message(3, m);
    }
    out.bytes().append(locations.bytes());
    out.bytes().append(functions.bytes());

    Encoder tail;
    tail.u64(7, str(m_p.dropFrames));
    tail.u64(8, str(m_p.keepFrames));
    tail.i64(9, m_p.timeNanos);
    tail.i64(10, m_p.durationNanos);
    if (m_p.periodType.type.valid() && !m_p.strings.view(m_p.periodType.type).empty()) {
        m.clear();
        m.u64(1, str(m_p.periodType.type));
        m.u64(2, str(m_p.periodType.unit));
        tail.message(11, m);
    }
    tail.i64(12, m_p.period);
    for (StringId c : m_p.comments)
        tail.u64(13, str(c));
    if (m_p.defaultSampleType >= 0 && size_t(m_p.defaultSampleType) < m_p.sampleTypes.size())
        tail.u64(14, str(m_p.sampleTypes[size_t(m_p.defaultSampleType)].type));
    tail.u64(15, str(m_p.docUrl));

    // The string table goes last: everything above has interned what it uses.
    for (std::string_view s : m_strings)
        out.bytes(6, s);
    out.bytes().append(tail.bytes());
    return std::move(out.bytes());
}

bool gzipBytes(const std::string &in, std::string &out) {
    z_stream z{};
    if (deflateInit2(&z, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        return false;
    out.resize(deflateBound(&z, uLong(in.size())) + 64);
    z.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(in.data()));
    z.avail_in = uInt(in.size());
    z.next_out = reinterpret_cast<Bytef *>(out.data());
    z.avail_out = uInt(out.size());
    const int rc = deflate(&z, Z_FINISH);
    out.resize(z.total_out);
    deflateEnd(&z);
    return rc == Z_STREAM_END;
}

} // namespace

std::string writePprof(const Profile &profile, const PprofWriteOptions &options) {
    Writer w(profile, options);
    std::string raw = w.run();
    if (!options.gzip)
        return raw;
    std::string gz;
    if (raw.size() >= (1ull << 31) || !gzipBytes(raw, gz))
        return std::string();
    return gz;
}

bool writePprofFile(const std::string &path, const Profile &profile, const PprofWriteOptions &options,
                    std::string &error) {
    const std::string bytes = writePprof(profile, options);
    if (bytes.empty()) {
        error = path + ": cannot encode the profile";
        return false;
    }
    std::FILE *f = std::fopen(path.c_str(), "wb");
    if (!f) {
        error = path + ": " + std::strerror(errno);
        return false;
    }
    const bool ok = std::fwrite(bytes.data(), 1, bytes.size(), f) == bytes.size();
    const bool closed = std::fclose(f) == 0;
    if (!ok || !closed) {
        error = path + ": write failed";
        return false;
    }
    return true;
}

} // namespace spanfire
