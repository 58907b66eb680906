// Pass 2 of the pprof decoder: samples into columns, in two steps.
//
// 1. Scan (scanSamples): every sample record is decoded once. Its values go
//    straight into the value columns; its location list and its raw label
//    list are reduced to small dense *keys* through 128-bit digest maps (a
//    profile has far fewer distinct stacks and label lists than samples), and
//    the key indexes are written into sampleNode / sampleLabels for now. The
//    scan needs nothing from the tables, which is what lets it run while the
//    rest of the file is still being decompressed.
// 2. Resolve (resolveSamples): each distinct stack key becomes a trie node
//    (ids checked, drop_frames applied, trie walked) and each distinct label
//    list a label set. The two are independent (the trie never touches the
//    string table) and run on two threads. Then one pass rewrites the key
//    columns into node and label-set ids.
//
// Errors keep their meaning and their offsets: a problem in a sample is
// reported at that sample's offset, and when several samples are bad the
// earliest one in the file is the one reported, whichever step found it.

#include "importers/common/pages.h"
#include "importers/pprof/pprofdecoder.h"

#include <algorithm>
#include <cstring>
#include <thread>

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

void PprofDecoder::PendingError::set(uint64_t offset, std::string message, int64_t values) {
    if (has && at <= offset)
        return;
    has = true;
    at = offset;
    text = std::move(message);
    mismatchValues = values;
}

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

// ---- scan -------------------------------------------------------------------

bool PprofDecoder::scanSample(uint64_t offset) {
    Profile &p = *m_profile;
    const size_t nValues = m_scratchValues.size();
    if (m_valueCount == kUnknownCount) {
        m_valueCount = nValues;
        m_scanFirstOffset = offset;
        p.values.assign(nValues, {});
        for (auto &col : p.values)
            col.reserve(size_t(m_sampleCountHint));
    } else if (nValues != m_valueCount) {
        m_scanError.set(offset, std::string(), int64_t(nValues));
        return false;
    }

    // Stack key: the location list's bytes as on the wire.
    const char *key = m_locSplit ? m_keyScratch.data() : m_locBytes;
    const size_t size = m_locSplit ? m_keyScratch.size() : m_locSize;
    const Digest digest = digestBytes(key, size);
    uint32_t stackKey = m_stackIndex.find(digest);
    if (stackKey == DigestMap::kMissing) {
        stackKey = uint32_t(m_stackKeys.size());
        const auto begin = m_keyArena.size();
        m_keyArena.insert(m_keyArena.end(), key, key + size);
        m_stackKeys.push_back({begin, m_keyArena.size(), offset});
        m_stackIndex.insert(digest, stackKey);
    }

    // Label key (0 = no labels): consecutive samples often share labels (one
    // span, one thread), so compare with the previous list before hashing.
    uint32_t labelKey = 0;
    if (!m_scratchLabels.empty()) {
        if (m_scratchLabels == m_prevLabels) {
            labelKey = m_prevLabelKey;
        } else {
            const Digest ld = digestBytes(m_scratchLabels.data(), m_scratchLabels.size() * sizeof(RawLabel));
            labelKey = m_labelIndex.find(ld);
            if (labelKey == DigestMap::kMissing) {
                labelKey = uint32_t(m_labelKeys.size());
                const auto begin = m_labelArena.size();
                m_labelArena.insert(m_labelArena.end(), m_scratchLabels.begin(), m_scratchLabels.end());
                m_labelKeys.push_back({begin, m_labelArena.size(), offset});
                m_labelIndex.insert(ld, labelKey);
            }
            m_prevLabels = m_scratchLabels;
            m_prevLabelKey = labelKey;
        }
    }

    p.sampleNode.push_back(stackKey);
    for (size_t k = 0; k < nValues; ++k)
        p.values[k].push_back(m_scratchValues[k]);
    if (labelKey != 0 && !m_hasLabels) {
        m_hasLabels = true; // first labelled sample: backfill the column
        p.sampleLabels.reserve(size_t(m_sampleCountHint));
        p.sampleLabels.assign(p.sampleNode.size() - 1, 0);
    }
    if (m_hasLabels)
        p.sampleLabels.push_back(labelKey);
    return true;
}

bool PprofDecoder::scanSampleRecord(WireReader &r, uint64_t offset) {
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
                    WireReader prev(s.base(), m_locBytes, m_locBytes + m_locSize);
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
        return false;
    if (m_locSplit) {
        m_keyScratch.clear();
        for (uint64_t id : m_scratchIds)
            appendVarint(m_keyScratch, id);
    }
    return scanSample(offset);
}

void PprofDecoder::beginScan(uint64_t sampleCountHint) {
    m_sampleCountHint = sampleCountHint;
    m_profile->sampleNode.reserve(size_t(sampleCountHint));
    m_labelKeys.push_back({0, 0, 0}); // key 0: no labels
}

bool PprofDecoder::readSamples() {
    beginScan(m_sampleCount);
    if (m_sampleCount == 0)
        return resolveSamples();

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
        if (!scanSampleRecord(r, offset))
            break;
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
        m_scanError.set(r.errorOffset(),
                        std::string("malformed protobuf: ") + (r.error() ? r.error() : "decode error"));
    return resolveSamples();
}

// ---- resolve ----------------------------------------------------------------

void PprofDecoder::resolveStacks(std::vector<uint32_t> &keyNode, PendingError &err) {
    keyNode.assign(m_stackKeys.size(), 0);
    // The trie will get at most one node per frame of every distinct stack.
    for (size_t k = 0; k < m_stackKeys.size(); ++k) {
        const StackKey &sk = m_stackKeys[k];
        m_scratchIds.clear();
        WireReader in(m_keyArena.data() + sk.begin, m_keyArena.data() + sk.begin, m_keyArena.data() + sk.end);
        while (in.ok() && !in.atEnd())
            m_scratchIds.push_back(in.varint());
        if (!in.ok()) {
            // Only a packed field's bytes can be malformed; the offset of the
            // bad byte is inside this sample's location list.
            err.set(sk.offset, std::string("malformed protobuf: ") + in.error());
            return;
        }
        m_scratchLocs.clear();
        for (uint64_t id : m_scratchIds) {
            const uint32_t li = m_locationIndex.find(id);
            if (li == IdIndex::kMissing) {
                err.set(sk.offset, "malformed profile: sample has unknown location id " + std::to_string(id));
                return;
            }
            m_scratchLocs.push_back(li);
        }
        keyNode[k] = pathFor(m_scratchLocs).v;
        if ((k & 1023) == 0 && m_ctx.cancelled())
            return;
    }
}

void PprofDecoder::resolveLabels(std::vector<uint32_t> &keySet, PendingError &err) {
    Profile &p = *m_profile;
    keySet.assign(m_labelKeys.size(), 0);
    const auto inTable = [this](int64_t s) { return s >= 0 && uint64_t(s) < m_strings.size(); };
    for (size_t k = 1; k < m_labelKeys.size(); ++k) {
        const LabelKey &lk = m_labelKeys[k];
        m_scratchModelLabels.clear();
        for (uint32_t i = lk.begin; i < lk.end; ++i) {
            const RawLabel &l = m_labelArena[i];
            for (int64_t s : {l.key, l.str, l.unit})
                if (!inTable(s)) {
                    err.set(lk.offset, "malformed profile format: string index " + std::to_string(s) +
                                           " is outside the string table (" + std::to_string(m_strings.size()) +
                                           " strings)");
                    return;
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
        keySet[k] = p.labelSets.intern(m_scratchModelLabels).v;
        if ((k & 1023) == 0 && m_ctx.cancelled())
            return;
    }
}

bool PprofDecoder::resolveSamples() {
    Profile &p = *m_profile;
    // Value counts are checked against the sample types only now (the scan
    // may run before the types are known): first against the first sample,
    // and the scan stopped at the first sample that disagreed with it.
    if (m_valueCount != kUnknownCount && m_valueCount != m_sampleTypes.size())
        m_scanError.set(m_scanFirstOffset, std::string(), int64_t(m_valueCount));
    if (m_scanError.has && m_scanError.mismatchValues >= 0)
        m_scanError.text = "malformed profile: mismatch: sample has " + std::to_string(m_scanError.mismatchValues) +
                           " values vs. " + std::to_string(m_sampleTypes.size()) + " types";

    // Distinct stacks on this thread, distinct label lists on another: the
    // trie never touches the string table or the label sets.
    std::vector<uint32_t> keyNode, keySet;
    PendingError stackErr, labelErr;
    const bool parallel = m_labelKeys.size() > 4096 && m_stackKeys.size() > 4096;
    std::thread labels;
    if (parallel)
        labels = std::thread([&] { resolveLabels(keySet, labelErr); });
    else
        resolveLabels(keySet, labelErr);
    resolveStacks(keyNode, stackErr);
    if (labels.joinable())
        labels.join();
    if (m_ctx.cancelled())
        return m_ctx.failCancelled();

    PendingError first = m_scanError;
    for (const PendingError *e : {&stackErr, &labelErr})
        if (e->has)
            first.set(e->at, e->text);
    if (first.has)
        return m_ctx.failAt(first.text, first.at);

    if (p.values.empty())
        p.values.assign(m_sampleTypes.size(), {});
    for (auto &n : p.sampleNode)
        n = keyNode[n];
    bool anyLabels = false;
    for (auto &l : p.sampleLabels) {
        l = keySet[l];
        anyLabels |= l != 0;
    }
    if (!anyLabels)
        std::vector<uint32_t>().swap(p.sampleLabels); // only labels pprof drops: no label column
    return true;
}

} // namespace spanfire
