// Pass 2 of the pprof decoder: samples into columns.

#include "importers/pprof/pprofdecoder.h"

#include <algorithm>
#include <cstring>

namespace spanfire {

namespace {
// Stack cache bound: location indexes kept for verifying cache hits.
constexpr size_t kMaxStackArena = 16u << 20; // 64 MiB

uint64_t hashStack(const std::vector<uint32_t> &locs) {
    uint64_t h = 0x9E3779B97F4A7C15ull ^ locs.size();
    for (uint32_t v : locs) {
        h ^= v;
        h *= 0xBF58476D1CE4E5B9ull;
        h ^= h >> 31;
    }
    return h;
}
} // namespace

NodeId PprofDecoder::pathFor(const std::vector<uint32_t> &locs) {
    const uint64_t h = hashStack(locs);
    auto it = m_stackCache.find(h);
    if (it != m_stackCache.end()) {
        const StackEntry &e = m_stackEntries[it->second];
        if (e.size == locs.size() &&
            std::memcmp(m_stackArena.data() + e.begin, locs.data(), locs.size() * sizeof(uint32_t)) == 0)
            return NodeId(e.node);
    }
    StackTrie &trie = m_profile->trie;
    NodeId node = StackTrie::root();
    bool foundUser = false;
    // pprof Prune(): scan root to leaf; frames before the first "user"
    // location are never pruned.
    for (size_t i = locs.size(); i-- > 0;) {
        const uint32_t li = locs[i];
        const uint8_t prune = m_locPrune[li];
        if (prune == 1 && foundUser)
            break;
        foundUser |= prune == 0;
        for (uint32_t k = m_locBegin[li]; k < m_locBegin[li + 1]; ++k)
            node = trie.child(node, FrameId(m_locFrames[k]));
        if (prune == 2 && foundUser)
            break;
    }
    if (it == m_stackCache.end() && m_stackArena.size() + locs.size() <= kMaxStackArena) {
        m_stackCache.emplace(h, uint32_t(m_stackEntries.size()));
        m_stackEntries.push_back({uint32_t(m_stackArena.size()), uint32_t(locs.size()), node.v});
        m_stackArena.insert(m_stackArena.end(), locs.begin(), locs.end());
    }
    return node;
}

LabelSetId PprofDecoder::labelsFor(uint64_t offset, bool &ok) {
    ok = true;
    if (m_scratchLabels.empty())
        return LabelSetId(0);
    if (m_scratchLabels == m_prevLabels)
        return m_prevLabelSet; // consecutive samples often share labels (one span, one thread)
    Profile &p = *m_profile;
    m_scratchModelLabels.clear();
    for (const RawLabel &l : m_scratchLabels) {
        for (int64_t s : {l.key, l.str, l.unit})
            if (!checkString(s, offset)) {
                ok = false;
                return LabelSetId(0);
            }
        Label ml;
        ml.key = str(l.key);
        if (l.str != 0) {
            ml.str = str(l.str);
        } else if (l.num != 0 || l.unit != 0) {
            ml.num = l.num;
            if (l.unit != 0) {
                ml.unit = str(l.unit);
            } else {
                // pprof's default units: bytes for request/alignment, else the key.
                const std::string_view key = m_strings[size_t(l.key)];
                ml.unit = key == "request" || key == "alignment" ? p.strings.intern("bytes") : ml.key;
            }
        } else {
            continue; // neither str nor num: pprof drops it
        }
        m_scratchModelLabels.push_back(ml);
    }
    std::sort(m_scratchModelLabels.begin(), m_scratchModelLabels.end(), [](const Label &a, const Label &b) {
        if (a.key != b.key)
            return a.key < b.key;
        if (a.str != b.str)
            return a.str < b.str;
        return a.num < b.num;
    });
    m_prevLabels = m_scratchLabels;
    m_prevLabelSet = p.labelSets.intern(m_scratchModelLabels);
    return m_prevLabelSet;
}

bool PprofDecoder::addSample(uint64_t offset) {
    Profile &p = *m_profile;
    if (m_scratchValues.size() != m_sampleTypes.size())
        return m_ctx.failAt("malformed profile: mismatch: sample has " + std::to_string(m_scratchValues.size()) +
                                " values vs. " + std::to_string(m_sampleTypes.size()) + " types",
                            offset);
    m_scratchLocs.clear();
    for (uint64_t id : m_scratchIds) {
        const uint32_t li = m_locationIndex.find(id);
        if (li == IdIndex::kMissing)
            return m_ctx.failAt("malformed profile: sample has unknown location id " + std::to_string(id), offset);
        m_scratchLocs.push_back(li);
    }
    bool ok = true;
    const LabelSetId labels = labelsFor(offset, ok);
    if (!ok)
        return false;
    p.sampleNode.push_back(pathFor(m_scratchLocs).v);
    for (size_t k = 0; k < m_scratchValues.size(); ++k)
        p.values[k].push_back(m_scratchValues[k]);
    if (labels.v != 0 && !m_hasLabels) {
        m_hasLabels = true; // first labelled sample: backfill the column
        p.sampleLabels.reserve(size_t(m_sampleCount));
        p.sampleLabels.assign(p.sampleNode.size() - 1, 0);
    }
    if (m_hasLabels)
        p.sampleLabels.push_back(labels.v);
    return true;
}

bool PprofDecoder::readSamples() {
    Profile &p = *m_profile;
    p.values.assign(m_sampleTypes.size(), {});
    if (m_sampleCount == 0)
        return true;
    p.sampleNode.reserve(size_t(m_sampleCount));
    for (auto &col : p.values)
        col.reserve(size_t(m_sampleCount));

    WireReader r(m_data.data(), m_data.data() + m_firstSampleOffset, m_data.data() + m_data.size());
    uint32_t f;
    WireType t;
    uint64_t done = 0;
    while (r.next(f, t)) {
        if (f != 2) {
            r.skip(t);
            continue;
        }
        const uint64_t offset = r.fieldOffset();
        WireReader s = r.sub();
        m_scratchIds.clear();
        m_scratchValues.clear();
        m_scratchLabels.clear();
        uint32_t sf;
        WireType st;
        while (s.next(sf, st)) {
            switch (sf) {
            case 1:
                readRepeatedVarint(s, st, [this](uint64_t v) { m_scratchIds.push_back(v); });
                break;
            case 2:
                readRepeatedVarint(s, st, [this](uint64_t v) { m_scratchValues.push_back(int64_t(v)); });
                break;
            case 3: {
                if (st != WireType::Len) {
                    s.fail("Sample.label has the wrong wire type");
                    break;
                }
                RawLabel l;
                WireReader lr = s.sub();
                uint32_t lf;
                WireType lt;
                while (lr.next(lf, lt)) {
                    if (lf <= 4 && lt != WireType::Varint) {
                        lr.fail("Label field has the wrong wire type");
                        break;
                    }
                    switch (lf) {
                    case 1:
                        l.key = int64_t(lr.varint());
                        break;
                    case 2:
                        l.str = int64_t(lr.varint());
                        break;
                    case 3:
                        l.num = int64_t(lr.varint());
                        break;
                    case 4:
                        l.unit = int64_t(lr.varint());
                        break;
                    default:
                        lr.skip(lt);
                    }
                }
                s.adopt(lr);
                m_scratchLabels.push_back(l);
                break;
            }
            default:
                s.skip(st);
            }
        }
        r.adopt(s);
        if (!r.ok())
            break;
        if (!addSample(offset))
            return false;
        if ((++done & 4095) == 0) {
            if (m_ctx.cancelled())
                return m_ctx.failCancelled();
            m_ctx.progress(r.offset(), m_data.size());
        }
    }
    if (!r.ok())
        return wireError(r);
    return true;
}

} // namespace spanfire
