// Pass 2 of the pprof decoder: samples into columns.

#include "importers/common/pages.h"
#include "importers/pprof/pprofdecoder.h"

#include <algorithm>
#include <cstring>

namespace spanfire {

namespace {
void appendVarint(std::string &out, uint64_t v) {
    while (v >= 0x80) {
        out += char(v | 0x80);
        v >>= 7;
    }
    out += char(v);
}
} // namespace

NodeId PprofDecoder::pathFor(const std::vector<uint32_t> &locs) {
    bool foundUser = false;
    // pprof Prune(): scan root to leaf; frames before the first "user"
    // location are never pruned. Frames are gathered first so the trie can
    // walk them in one batch (StackTrie::path prefetches its index slots).
    m_scratchFrames.clear();
    for (size_t i = locs.size(); i-- > 0;) {
        const uint32_t li = locs[i];
        const uint8_t prune = m_locPrune[li];
        if (prune == 1 && foundUser)
            break;
        foundUser |= prune == 0;
        m_scratchFrames.insert(m_scratchFrames.end(), m_locFrames.begin() + m_locBegin[li],
                               m_locFrames.begin() + m_locBegin[li + 1]);
        if (prune == 2 && foundUser)
            break;
    }
    return m_profile->trie.path(StackTrie::root(), m_scratchFrames.data(), m_scratchFrames.size());
}

NodeId PprofDecoder::nodeForStack(uint64_t offset, bool &ok) {
    ok = true;
    const char *key = m_locSplit ? m_keyScratch.data() : m_locBytes;
    const size_t size = m_locSplit ? m_keyScratch.size() : m_locSize;
    const Digest digest = digestBytes(key, size);
    const uint32_t cached = m_stackCache.find(digest);
    if (cached != DigestMap::kMissing)
        return NodeId(cached); // validated when it was first seen

    // Miss: decode, validate and walk the trie.
    if (!m_locSplit) {
        m_scratchIds.clear();
        WireReader in(m_data.data(), m_locBytes, m_locBytes + m_locSize);
        while (in.ok() && !in.atEnd())
            m_scratchIds.push_back(in.varint());
        if (!in.ok()) {
            ok = m_ctx.failAt(std::string("malformed protobuf: ") + in.error(), in.errorOffset());
            return NodeId();
        }
    }
    m_scratchLocs.clear();
    for (uint64_t id : m_scratchIds) {
        const uint32_t li = m_locationIndex.find(id);
        if (li == IdIndex::kMissing) {
            ok = m_ctx.failAt("malformed profile: sample has unknown location id " + std::to_string(id), offset);
            return NodeId();
        }
        m_scratchLocs.push_back(li);
    }
    const NodeId node = pathFor(m_scratchLocs);
    m_stackCache.insert(digest, node.v);
    return node;
}

LabelSetId PprofDecoder::labelsFor(uint64_t offset, bool &ok) {
    ok = true;
    if (m_scratchLabels.empty())
        return LabelSetId(0);
    if (m_scratchLabels == m_prevLabels)
        return m_prevLabelSet; // consecutive samples often share labels (one span, one thread)
    const Digest digest = digestBytes(m_scratchLabels.data(), m_scratchLabels.size() * sizeof(RawLabel));
    const uint32_t cached = m_labelCache.find(digest);
    if (cached != DigestMap::kMissing) {
        m_prevLabels = m_scratchLabels;
        m_prevLabelSet = LabelSetId(cached);
        return m_prevLabelSet;
    }
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
    m_labelCache.insert(digest, m_prevLabelSet.v);
    return m_prevLabelSet;
}

bool PprofDecoder::addSample(uint64_t offset) {
    Profile &p = *m_profile;
    if (m_scratchValues.size() != m_sampleTypes.size())
        return m_ctx.failAt("malformed profile: mismatch: sample has " + std::to_string(m_scratchValues.size()) +
                                " values vs. " + std::to_string(m_sampleTypes.size()) + " types",
                            offset);
    bool ok = true;
    const NodeId node = nodeForStack(offset, ok);
    if (!ok)
        return false;
    const LabelSetId labels = labelsFor(offset, ok);
    if (!ok)
        return false;
    p.sampleNode.push_back(node.v);
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
    // Everything behind the cursor has been decoded (tables in pass 1, with
    // the strings copied): give those pages back as we go.
    const bool release = m_ctx.inputDisposable();
    uint64_t released = 0;
    while (r.next(f, t)) {
        if (f != 2) {
            r.skip(t);
            continue;
        }
        const uint64_t offset = r.fieldOffset();
        WireReader s = r.sub();
        m_scratchValues.clear();
        m_scratchLabels.clear();
        m_locBytes = nullptr;
        m_locSize = 0;
        m_locSplit = false;
        bool sawLocations = false;
        uint32_t sf;
        WireType st;
        while (s.next(sf, st)) {
            switch (sf) {
            case 1:
                if (st == WireType::Len && !sawLocations) {
                    // The usual case: one packed field, kept as a view.
                    const char *b = nullptr, *e = nullptr;
                    if (s.bytes(b, e)) {
                        m_locBytes = b;
                        m_locSize = size_t(e - b);
                    }
                } else {
                    if (!m_locSplit) {
                        // Unpacked or split: collect ids (with any earlier packed ones).
                        m_locSplit = true;
                        m_scratchIds.clear();
                        WireReader prev(m_data.data(), m_locBytes, m_locBytes + m_locSize);
                        while (prev.ok() && !prev.atEnd())
                            m_scratchIds.push_back(prev.varint());
                        s.adopt(prev);
                    }
                    readRepeatedVarint(s, st, [this](uint64_t v) { m_scratchIds.push_back(v); });
                }
                sawLocations = true;
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
        if (m_locSplit) {
            m_keyScratch.clear();
            for (uint64_t id : m_scratchIds)
                appendVarint(m_keyScratch, id);
        }
        if (!addSample(offset))
            return false;
        if ((++done & 4095) == 0) {
            if (m_ctx.cancelled())
                return m_ctx.failCancelled();
            m_ctx.progress(r.offset(), m_data.size());
            if (release && offset - released >= (32u << 20)) {
                releasePages(m_data.data() + released, m_data.data() + offset);
                released = offset;
            }
        }
    }
    if (!r.ok())
        return wireError(r);
    return true;
}

} // namespace spanfire
