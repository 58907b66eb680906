#include "model/profile.h"

#include "model/arith.h"
#include "model/hashing.h"

#include <algorithm>
#include <numeric>

namespace spanfire {

void sortLabels(std::vector<Label> &labels) {
    std::sort(labels.begin(), labels.end(), [](const Label &a, const Label &b) {
        if (a.key != b.key)
            return a.key < b.key;
        if (a.str != b.str)
            return a.str < b.str;
        return a.num < b.num;
    });
}

LabelSets::LabelSets() {
    m_offsets = {0, 0};
}

namespace {
uint32_t hashLabels(const Label *ls, size_t n) {
    uint64_t h = 0x9E3779B97F4A7C15ull ^ n;
    for (size_t i = 0; i < n; ++i) {
        h = (h ^ (uint64_t(ls[i].key.v) << 32 | ls[i].str.v)) * 0x87C37B91114253D5ull;
        h = (h ^ (uint64_t(ls[i].unit.v) + (static_cast<uint64_t>(ls[i].num) << 1))) * 0x4CF5AD432745937Full;
        h ^= h >> 29;
    }
    return uint32_t(mix64(h));
}
} // namespace

bool LabelSets::sameAs(uint32_t id, const Label *ls, size_t n) const {
    const Label *b = begin(LabelSetId(id));
    const Label *e = end(LabelSetId(id));
    if (size_t(e - b) != n)
        return false;
    for (size_t i = 0; i < n; ++i)
        if (!(b[i].key == ls[i].key && b[i].str == ls[i].str && b[i].unit == ls[i].unit && b[i].num == ls[i].num))
            return false;
    return true;
}

LabelSetId LabelSets::intern(const std::vector<Label> &ls) {
    if (ls.empty())
        return LabelSetId(0);
    if (m_slots.empty())
        rebuildIndex();
    const uint32_t h = hashLabels(ls.data(), ls.size());
    size_t i = h & m_mask;
    for (;; i = (i + 1) & m_mask) {
        const Slot s = m_slots[i];
        if (s.id == 0)
            break;
        if (s.hash == h && sameAs(s.id, ls.data(), ls.size()))
            return LabelSetId(s.id);
    }
    const auto id = static_cast<uint32_t>(m_offsets.size() - 1);
    m_labels.insert(m_labels.end(), ls.begin(), ls.end());
    m_offsets.push_back(static_cast<uint32_t>(m_labels.size()));
    m_slots[i] = Slot{h, id};
    if (size_t(id) * 2 > m_slots.size())
        rebuildIndex();
    return LabelSetId(id);
}

void LabelSets::rebuildIndex() {
    size_t cap = 1024;
    while (cap < size() * 4)
        cap *= 2;
    std::vector<Slot>(cap, Slot{0, 0}).swap(m_slots);
    m_mask = cap - 1;
    for (uint32_t id = 1; id < size(); ++id) {
        const uint32_t h = hashLabels(begin(LabelSetId(id)), size_t(end(LabelSetId(id)) - begin(LabelSetId(id))));
        size_t j = h & m_mask;
        while (m_slots[j].id != 0)
            j = (j + 1) & m_mask;
        m_slots[j] = Slot{h, id};
    }
}

void LabelSets::finish() {
    std::vector<Slot>().swap(m_slots);
    m_mask = 0;
    m_labels.shrink_to_fit();
    m_offsets.shrink_to_fit();
}

int64_t Profile::total(size_t sampleType) const {
    if (sampleType >= values.size())
        return 0;
    const auto &col = values[sampleType];
    return std::accumulate(col.begin(), col.end(), int64_t(0), wrapAdd);
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
    labelSets.finish();
    // Importers reserve columns from an estimate; give back a real surplus
    // only (shrinking copies the column: ~100 MB at 5 M samples).
    auto trim = [](auto &v) {
        if (v.capacity() > v.size() + v.size() / 8 + 1024)
            v.shrink_to_fit();
    };
    trim(sampleNode);
    for (auto &c : values)
        trim(c);
    trim(sampleLabels);
    trim(sampleTime);
}

} // namespace spanfire
