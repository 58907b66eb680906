#pragma once
// PprofBuilder: writes perftools.profiles.Profile messages field by field in
// any order (samples before tables, packed or unpacked), for decoder tests.

#include "testutil.h"

#include <map>
#include <utility>

namespace spanfire::test {

class PprofBuilder {
public:
    struct LabelSpec {
        std::string key;
        std::string str; // empty: numeric
        int64_t num = 0;
        std::string unit;
    };

    int64_t s(const std::string &v) {
        auto it = m_index.find(v);
        if (it != m_index.end())
            return it->second;
        m_strings.push_back(v);
        return m_index[v] = int64_t(m_strings.size() - 1);
    }
    PprofBuilder &sampleType(const std::string &type, const std::string &unit) {
        m_body.msg(1, Pb().varint(1, uint64_t(s(type))).varint(2, uint64_t(s(unit))));
        return *this;
    }
    PprofBuilder &sample(const std::vector<uint64_t> &locs, const std::vector<uint64_t> &values,
                         const std::vector<LabelSpec> &labels = {}, bool packed = true) {
        Pb m;
        if (packed)
            m.packed(1, locs).packed(2, values);
        else
            m.unpacked(2, values).unpacked(1, locs); // Go writes value before location_id
        for (const auto &l : labels) {
            Pb lm;
            lm.varint(1, uint64_t(s(l.key)));
            if (!l.str.empty())
                lm.varint(2, uint64_t(s(l.str)));
            if (l.num)
                lm.varint(3, uint64_t(l.num));
            if (!l.unit.empty())
                lm.varint(4, uint64_t(s(l.unit)));
            m.msg(3, lm);
        }
        m_body.msg(2, m);
        return *this;
    }
    PprofBuilder &mapping(uint64_t id, uint64_t start, uint64_t limit, uint64_t offset, const std::string &file,
                          const std::string &buildId = "") {
        Pb m;
        m.varint(1, id).varint(2, start).varint(3, limit).varint(4, offset).varint(5, uint64_t(s(file)));
        if (!buildId.empty())
            m.varint(6, uint64_t(s(buildId)));
        m.varint(7, 1);
        m_body.msg(3, m);
        return *this;
    }
    // lines: (function id, line) innermost first.
    PprofBuilder &location(uint64_t id, uint64_t mappingId, uint64_t address,
                           const std::vector<std::pair<uint64_t, int64_t>> &lines) {
        Pb m;
        m.varint(1, id);
        if (mappingId)
            m.varint(2, mappingId);
        if (address)
            m.varint(3, address);
        for (const auto &[fid, line] : lines)
            m.msg(4, Pb().varint(1, fid).varint(2, uint64_t(line)));
        m_body.msg(4, m);
        return *this;
    }
    PprofBuilder &function(uint64_t id, const std::string &name, const std::string &file = "", int64_t startLine = 0) {
        Pb m;
        m.varint(1, id).varint(2, uint64_t(s(name))).varint(3, uint64_t(s(name)));
        if (!file.empty())
            m.varint(4, uint64_t(s(file)));
        if (startLine)
            m.varint(5, uint64_t(startLine));
        m_body.msg(5, m);
        return *this;
    }
    PprofBuilder &field(uint32_t f, uint64_t v) {
        m_body.varint(f, v);
        return *this;
    }
    PprofBuilder &stringField(uint32_t f, const std::string &v) { return field(f, uint64_t(s(v))); }
    PprofBuilder &raw(const std::string &bytes) {
        m_body.append(bytes);
        return *this;
    }
    // Body first, string table last (pprof readers must not care).
    std::string build() const {
        Pb out;
        out.append(m_body.str());
        for (const auto &v : m_strings)
            out.bytes(6, v);
        return out.str();
    }
    // String table first (the input region a releasing parser drops early).
    std::string buildStringsFirst() const {
        Pb out;
        for (const auto &v : m_strings)
            out.bytes(6, v);
        out.append(m_body.str());
        return out.str();
    }
    std::vector<std::string> &strings() { return m_strings; }

private:
    std::vector<std::string> m_strings{""};
    std::map<std::string, int64_t> m_index{{"", 0}};
    Pb m_body;
};

} // namespace spanfire::test
