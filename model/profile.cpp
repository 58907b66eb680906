#include "model/profile.h"

#include <numeric>

namespace spanfire {

LabelSets::LabelSets() {
    m_offsets = {0, 0};
}

static uint64_t hashLabels(const std::vector<Label> &ls) {
    uint64_t h = 1469598103934665603ull;
    auto mix = [&h](uint64_t v) {
        h ^= v;
        h *= 1099511628211ull;
    };
    for (const Label &l : ls) {
        mix(l.key.v);
        mix(l.str.v);
        mix(l.unit.v);
        mix(static_cast<uint64_t>(l.num));
    }
    return h;
}

LabelSetId LabelSets::intern(const std::vector<Label> &ls) {
    if (ls.empty())
        return LabelSetId(0);
    const uint64_t h = hashLabels(ls);
    auto &cands = m_index[h];
    for (uint32_t id : cands) {
        const Label *b = begin(LabelSetId(id));
        const Label *e = end(LabelSetId(id));
        if (size_t(e - b) != ls.size())
            continue;
        bool same = true;
        for (size_t i = 0; i < ls.size() && same; ++i)
            same = b[i].key == ls[i].key && b[i].str == ls[i].str && b[i].unit == ls[i].unit && b[i].num == ls[i].num;
        if (same)
            return LabelSetId(id);
    }
    const auto id = static_cast<uint32_t>(m_offsets.size() - 1);
    m_labels.insert(m_labels.end(), ls.begin(), ls.end());
    m_offsets.push_back(static_cast<uint32_t>(m_labels.size()));
    cands.push_back(id);
    return LabelSetId(id);
}

int64_t Profile::total(size_t sampleType) const {
    if (sampleType >= values.size())
        return 0;
    const auto &col = values[sampleType];
    return std::accumulate(col.begin(), col.end(), int64_t(0));
}

int Profile::findSampleType(std::string_view spec) const {
    const size_t slash = spec.find('/');
    for (size_t i = 0; i < sampleTypes.size(); ++i) {
        const auto type = strings.view(sampleTypes[i].type);
        const auto unit = strings.view(sampleTypes[i].unit);
        if (slash == std::string_view::npos) {
            if (type == spec)
                return int(i);
        } else if (type == spec.substr(0, slash) && unit == spec.substr(slash + 1)) {
            return int(i);
        }
    }
    return -1;
}

std::string Profile::sampleTypeName(size_t index) const {
    if (index >= sampleTypes.size())
        return {};
    std::string s(strings.view(sampleTypes[index].type));
    s += '/';
    s += strings.view(sampleTypes[index].unit);
    return s;
}

void Profile::addWarning(std::string_view name, uint64_t count) {
    for (auto &w : warnings) {
        if (w.name == name) {
            w.count += count;
            return;
        }
    }
    warnings.push_back({std::string(name), count});
}

void Profile::finish() {
    trie.finish();
    sampleNode.shrink_to_fit();
    for (auto &c : values)
        c.shrink_to_fit();
    sampleLabels.shrink_to_fit();
    sampleTime.shrink_to_fit();
}

} // namespace spanfire
