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
#include "model/aggregator.h"

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

void PprofDecoder::appendFrames(const std::vector<uint32_t> &locs, std::vector<uint32_t> &out) const {
    bool foundUser = false;
    // pprof Prune(): scan root to leaf; frames before the first "user"
    // location are never pruned.
    for (size_t i = locs.size(); i-- > 0;) {
        const uint32_t li = locs[i];
        const uint8_t prune = m_locPrune[li];
        if (prune == 1 && foundUser)
            break;
        foundUser |= prune == 0;
        out.insert(out.end(), m_locFrames.begin() + m_locBegin[li], m_locFrames.begin() + m_locBegin[li + 1]);
        if (prune == 2 && foundUser)
            break;
    }
}

// ---- scan -------------------------------------------------------------------

// Samples are scanned in small batches: prepareSample() digests a sample's
// stack and labels and prefetches their index slots, commitBatch() probes
// them in order. The probes are cache misses (the indexes hold hundreds of
// thousands of keys); a batch lets them overlap instead of queueing.
void PprofDecoder::prepareSample(uint64_t offset) {
    Pending &pd = m_batch[m_batchSize++];
    pd.offset = offset;
    pd.valueBegin = uint32_t(m_batchValues.size());
    m_batchValues.insert(m_batchValues.end(), m_scratchValues.begin(), m_scratchValues.end());
    pd.valueEnd = uint32_t(m_batchValues.size());
    if (m_locSplit) {
        pd.keyBegin = uint32_t(m_batchKeyBytes.size());
        m_batchKeyBytes.append(m_keyScratch);
        pd.key = nullptr;
        pd.keySize = m_keyScratch.size();
        pd.stack = digestBytes(m_keyScratch.data(), m_keyScratch.size());
    } else {
        pd.key = m_locBytes;
        pd.keySize = m_locSize;
        pd.stack = digestBytes(m_locBytes, m_locSize);
    }
    m_stackIndex.prefetch(pd.stack);
    pd.labelBegin = uint32_t(m_batchLabels.size());
    pd.sameLabels = false;
    if (!m_scratchLabels.empty()) {
        m_batchLabels.insert(m_batchLabels.end(), m_scratchLabels.begin(), m_scratchLabels.end());
        // Consecutive samples often share labels (one span, one thread).
        const bool same = m_scratchLabels == m_lastPreparedLabels;
        if (same) {
            pd.sameLabels = true;
        } else {
            pd.labels = digestBytes(m_scratchLabels.data(), m_scratchLabels.size() * sizeof(RawLabel));
            m_labelIndex.prefetch(pd.labels);
            m_lastPreparedLabels = m_scratchLabels;
        }
    } else {
        m_lastPreparedLabels.clear();
    }
    pd.labelEnd = uint32_t(m_batchLabels.size());
}

bool PprofDecoder::commitBatch() {
    Profile &p = *m_profile;
    bool ok = true;
    for (size_t b = 0; b < m_batchSize && ok; ++b) {
        const Pending &pd = m_batch[b];
        const size_t nValues = pd.valueEnd - pd.valueBegin;
        if (m_valueCount == kUnknownCount) {
            m_valueCount = nValues;
            m_scanFirstOffset = pd.offset;
            p.values.assign(nValues, {});
            for (auto &col : p.values)
                col.reserve(size_t(m_sampleCountHint));
        } else if (nValues != m_valueCount) {
            m_scanError.set(pd.offset, std::string(), int64_t(nValues));
            ok = false;
            break;
        }

        // Stack key: the location list's bytes as on the wire.
        uint32_t stackKey = m_stackIndex.find(pd.stack);
        if (stackKey == DigestMap::kMissing) {
            const char *key = pd.key ? pd.key : m_batchKeyBytes.data() + pd.keyBegin;
            stackKey = uint32_t(m_stackKeys.size());
            const auto begin = m_keyArena.size();
            m_keyArena.insert(m_keyArena.end(), key, key + pd.keySize);
            m_stackKeys.push_back({begin, m_keyArena.size(), pd.offset});
            m_stackIndex.insert(pd.stack, stackKey);
        }

        // Label key (0 = no labels).
        uint32_t labelKey = 0;
        if (pd.labelEnd != pd.labelBegin) {
            if (pd.sameLabels) {
                labelKey = m_prevLabelKey;
            } else {
                labelKey = m_labelIndex.find(pd.labels);
                if (labelKey == DigestMap::kMissing) {
                    labelKey = uint32_t(m_labelKeys.size());
                    const auto begin = m_labelArena.size();
                    m_labelArena.insert(m_labelArena.end(), m_batchLabels.begin() + pd.labelBegin,
                                        m_batchLabels.begin() + pd.labelEnd);
                    m_labelKeys.push_back({begin, m_labelArena.size(), pd.offset});
                    m_labelIndex.insert(pd.labels, labelKey);
                }
                m_prevLabelKey = labelKey;
            }
        }

        p.sampleNode.push_back(stackKey);
        for (size_t k = 0; k < nValues; ++k)
            p.values[k].push_back(m_batchValues[pd.valueBegin + k]);
        if (labelKey != 0 && !m_hasLabels) {
            m_hasLabels = true; // first labelled sample: backfill the column
            p.sampleLabels.reserve(size_t(std::max<uint64_t>(m_sampleCountHint, p.sampleNode.size())));
            p.sampleLabels.assign(p.sampleNode.size() - 1, 0);
        }
        if (m_hasLabels)
            p.sampleLabels.push_back(labelKey);
    }
    m_batchSize = 0;
    m_batchValues.clear();
    m_batchLabels.clear();
    m_batchKeyBytes.clear();
    return ok;
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
    if (!r.ok()) {
        commitBatch(); // the samples before this one still count
        return false;
    }
    if (m_locSplit) {
        m_keyScratch.clear();
        for (uint64_t id : m_scratchIds)
            appendVarint(m_keyScratch, id);
    }
    prepareSample(offset);
    return m_batchSize < kBatch || commitBatch();
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
    if (r.ok())
        commitBatch();
    else
        m_scanError.set(r.errorOffset(),
                        std::string("malformed protobuf: ") + (r.error() ? r.error() : "decode error"));
    return resolveSamples();
}

// ---- resolve ----------------------------------------------------------------

void PprofDecoder::resolveStacks(std::vector<uint32_t> &keyNode, PendingError &err) {
    // Every distinct stack's frame path (root first, drop_frames applied),
    // then the trie built from all of them at once.
    std::vector<uint32_t> frames;
    std::vector<size_t> offsets{0};
    frames.reserve(m_keyArena.size() + m_keyArena.size() / 4);
    offsets.reserve(m_stackKeys.size() + 1);
    for (size_t k = 0; k < m_stackKeys.size(); ++k) {
        const StackKey &sk = m_stackKeys[k];
        m_scratchIds.clear();
        WireReader in(m_keyArena.data() + sk.begin, m_keyArena.data() + sk.begin, m_keyArena.data() + sk.end);
        while (in.ok() && !in.atEnd())
            m_scratchIds.push_back(in.varint());
        if (!in.ok()) {
            // Only a packed field's bytes can be malformed: report the sample.
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
        appendFrames(m_scratchLocs, frames);
        offsets.push_back(frames.size());
        if ((k & 4095) == 0 && m_ctx.cancelled())
            return;
    }
    std::vector<char>().swap(m_keyArena);
    m_profile->trie.insertPaths(frames.data(), offsets.data(), m_stackKeys.size(), m_frameRank, keyNode);
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
    // The flame graph's child order, for the trie's layout; read from the
    // string table before the label thread starts adding to it.
    m_frameRank = frameNameRanks(p);
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

namespace spanfire {

namespace {
// Reads a varint from [p, end): its length in bytes, 0 when more bytes are
// needed, SIZE_MAX when it is malformed (more than 10 bytes).
size_t peekVarint(const char *p, const char *end, uint64_t &v) {
    v = 0;
    for (size_t i = 0; i < 10; ++i) {
        if (p + i >= end)
            return 0;
        const auto b = uint8_t(p[i]);
        v |= uint64_t(b & 0x7F) << (7 * i);
        if (b < 0x80)
            return i + 1;
    }
    return SIZE_MAX;
}
} // namespace

size_t PprofDecoder::scanReady(size_t cursor, size_t ready, uint64_t &done) {
    const char *base = m_data.data();
    const char *end = base + ready;
    while (m_scanning && cursor < ready) {
        const char *p = base + cursor;
        uint64_t key = 0, len = 0;
        const size_t n = peekVarint(p, end, key);
        if (n == 0)
            break;
        size_t fieldLen = 0;
        const auto wt = uint32_t(key & 7);
        if (n == SIZE_MAX || key >> 3 == 0) {
            m_scanning = false; // malformed: readTables() reports it
            break;
        }
        if (wt == 0) {
            const size_t m = peekVarint(p + n, end, len);
            if (m == 0)
                break;
            fieldLen = m == SIZE_MAX ? SIZE_MAX : n + m;
        } else if (wt == 1 || wt == 5) {
            fieldLen = n + (wt == 1 ? 8 : 4);
        } else if (wt == 2) {
            const size_t m = peekVarint(p + n, end, len);
            if (m == 0)
                break;
            fieldLen = m == SIZE_MAX || len > m_data.size() ? SIZE_MAX : n + m + size_t(len);
        } else {
            fieldLen = SIZE_MAX; // groups and bad wire types: readTables() decides
        }
        if (fieldLen == SIZE_MAX || cursor + fieldLen > m_data.size()) {
            m_scanning = false;
            break;
        }
        if (cursor + fieldLen > ready)
            break; // the rest of this field is not inflated yet
        if (key >> 3 != 2) {
            m_runOpen = m_runBegin == kNoRun; // a table field ends the first run of samples
        } else if (wt == 2) {
            WireReader r(base, p, p + fieldLen);
            uint32_t f;
            WireType t;
            r.next(f, t);
            if (!scanSampleRecord(r, cursor)) {
                m_runOpen = false;
                if (!r.ok())
                    m_scanError.set(r.errorOffset(),
                                    std::string("malformed protobuf: ") + (r.error() ? r.error() : "decode error"));
                m_scanning = false;
                break;
            }
            if (m_runOpen) {
                if (m_runBegin == kNoRun)
                    m_runBegin = cursor;
                m_runEnd = cursor + fieldLen;
                ++m_runCount;
            }
            if (++done == 65536) {
                // Size the columns from the bytes per sample seen so far.
                const uint64_t estimate = uint64_t(double(m_data.size()) / double(cursor + fieldLen) * 65536 * 1.05);
                m_sampleCountHint = std::max<uint64_t>(estimate, done);
                Profile &pr = *m_profile;
                pr.sampleNode.reserve(size_t(m_sampleCountHint));
                for (auto &col : pr.values)
                    col.reserve(size_t(m_sampleCountHint));
                if (m_hasLabels)
                    pr.sampleLabels.reserve(size_t(m_sampleCountHint));
            }
        }
        cursor += fieldLen;
    }
    if (m_scanning && !commitBatch())
        m_scanning = false;
    return cursor;
}

std::shared_ptr<Profile> PprofDecoder::runFollowing(GzipStream &gz) {
    const size_t total = m_data.size();
    m_ctx.beginStage("decompressing gzip and reading pprof samples", 0, 800);
    beginScan(0);
    m_scanning = true;
    size_t cursor = 0, ready = 0;
    uint64_t done = 0, released = 0;
    m_runOpen = true;
    for (;;) {
        const bool finished = gz.workerFinished();
        ready = gz.waitFor(std::min(total, ready + (1u << 20)));
        cursor = scanReady(cursor, ready, done);
        // The first run of samples is never read again (readTables() jumps
        // over it): give its pages back behind the scan.
        if (m_runBegin != kNoRun && m_runEnd - std::max<uint64_t>(released, m_runBegin) >= (32u << 20)) {
            released = std::max<uint64_t>(released, m_runBegin);
            releasePages(m_data.data() + released, m_data.data() + m_runEnd);
            released = m_runEnd;
        }
        if (m_ctx.cancelled()) {
            gz.stop();
            gz.join();
            m_ctx.failCancelled();
            return nullptr;
        }
        m_ctx.progress(ready, total);
        if (finished || ready >= total)
            break;
    }
    gz.join();
    if (!gz.succeeded())
        return nullptr; // not one clean gzip member: the caller decodes it the ordinary way
    if (m_scanning && cursor < total)
        cursor = scanReady(cursor, total, done);

    m_ctx.beginStage("reading pprof tables", 800, 40);
    if (!readTables() || !buildTables())
        return nullptr;
    // Everything still needed is copied out (strings, key arenas): the
    // decompressed bytes can go before the trie is built.
    releasePages(m_data.data(), m_data.data() + m_data.size());
    m_ctx.beginStage("building the call tree", 840, 160);
    if (!resolveSamples())
        return nullptr;
    m_profile->format = m_ctx.formatLabel("pprof");
    m_profile->sourceName = m_ctx.name();
    m_profile->finish();
    m_ctx.endStage();
    return std::move(m_profile);
}

std::shared_ptr<Profile> importPprofFollowing(ImportContext &ctx, GzipStream &gz) {
    PprofDecoder decoder(ctx, std::string_view(gz.data(), gz.expectedSize()));
    return decoder.runFollowing(gz);
}

} // namespace spanfire
