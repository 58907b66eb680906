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
    // Labels are keyed by their bytes as on the wire (decoded per distinct
    // list at resolve time); consecutive samples often share them (one span,
    // one thread), so compare with the previous sample's before hashing.
    const char *lb = m_labelSplit ? m_labelScratch.data() : m_labelBegin;
    const size_t ln = m_labelSplit ? m_labelScratch.size() : size_t(m_labelEnd - m_labelBegin);
    // Like the stack key, the bytes stay in the input until the batch is
    // committed; only gathered (non-adjacent) label fields are copied.
    pd.label = m_labelSplit ? nullptr : m_labelBegin;
    pd.labelOffset = offset + uint64_t((m_labelSplit ? m_labelFirst : m_labelBegin) - m_sampleStart);
    pd.labelBegin = uint32_t(m_batchLabelBytes.size());
    pd.labelSize = uint32_t(ln);
    pd.sameLabels = false;
    if (ln > 0) {
        if (m_labelSplit)
            m_batchLabelBytes.append(lb, ln);
        if (ln == m_lastLabelBytes.size() && std::memcmp(lb, m_lastLabelBytes.data(), ln) == 0) {
            pd.sameLabels = true;
        } else {
            pd.labels = digestBytes(lb, ln);
            m_labelIndex.prefetch(pd.labels);
            m_lastLabelBytes.assign(lb, ln);
        }
    } else {
        m_lastLabelBytes.clear();
    }
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
        if (pd.labelSize != 0) {
            if (pd.sameLabels) {
                labelKey = m_prevLabelKey;
            } else {
                labelKey = m_labelIndex.find(pd.labels);
                if (labelKey == DigestMap::kMissing) {
                    labelKey = uint32_t(m_labelKeys.size());
                    const auto begin = m_labelArena.size();
                    m_labelArena.append(pd.label ? pd.label : m_batchLabelBytes.data() + pd.labelBegin, pd.labelSize);
                    m_labelKeys.push_back({begin, m_labelArena.size(), pd.offset, pd.labelOffset});
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
    m_batchLabelBytes.clear();
    m_batchKeyBytes.clear();
    return ok;
}

bool PprofDecoder::scanSampleRecord(WireReader &r, uint64_t offset) {
    WireReader s = r.sub();
    m_scratchValues.clear();
    m_labelBegin = m_labelEnd = nullptr;
    m_labelSplit = false;
    m_sampleStart = r.base() + r.fieldOffset();
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
            // Kept as bytes: one range while the label fields are adjacent
            // (as every producer writes them), else copied together.
            const char *fieldStart = s.base() + s.fieldOffset();
            const char *b = nullptr, *e = nullptr;
            if (!s.bytes(b, e))
                break;
            if (m_labelSplit) {
                m_labelScratch.append(fieldStart, e);
            } else if (m_labelBegin == nullptr) {
                m_labelBegin = fieldStart;
                m_labelEnd = e;
            } else if (fieldStart == m_labelEnd) {
                m_labelEnd = e;
            } else {
                m_labelSplit = true;
                m_labelFirst = m_labelBegin;
                m_labelScratch.assign(m_labelBegin, m_labelEnd);
                m_labelScratch.append(fieldStart, e);
            }
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
    m_labelKeys.push_back({0, 0, 0, 0}); // key 0: no labels
}

void PprofDecoder::reserveFromEstimate(uint64_t bytesSoFar, uint64_t totalBytes) {
    // Size the columns from the bytes per sample seen so far (65,536 samples).
    if (totalBytes <= bytesSoFar)
        return;
    m_sampleCountHint = uint64_t(double(totalBytes) / double(bytesSoFar) * 65536 * 1.05);
    Profile &pr = *m_profile;
    pr.sampleNode.reserve(size_t(m_sampleCountHint));
    for (auto &col : pr.values)
        col.reserve(size_t(m_sampleCountHint));
    if (m_hasLabels)
        pr.sampleLabels.reserve(size_t(m_sampleCountHint));
}

void PprofDecoder::scanAll(const std::atomic<bool> &tablesDone, const std::atomic<bool> &abort) {
    scanSamples(tablesDone, abort);
    {
        std::lock_guard<std::mutex> lock(m_scanMutex);
        m_scanDone = true;
    }
    m_scanCv.notify_all();
}

void PprofDecoder::scanSamples(const std::atomic<bool> &tablesDone, const std::atomic<bool> &abort) {
    beginScan(0);
    WireReader r(m_data);
    uint32_t f;
    WireType t;
    uint64_t done = 0;
    // Pages behind the cursor may be given back once the tables are read
    // (their strings are copied then): the scan never looks back.
    const bool release = m_ctx.inputDisposable();
    const bool rereadable = m_ctx.inputRereadable();
    uint64_t released = 0;
    while (r.next(f, t)) {
        if (f != 2 || t != WireType::Len) {
            r.skip(t); // tables, and whatever readTables() rejects
            continue;
        }
        const uint64_t offset = r.fieldOffset();
        if (!scanSampleRecord(r, offset))
            break;
        if (++done == 65536)
            reserveFromEstimate(r.offset(), m_data.size());
        if ((done & 4095) == 0) {
            m_scanPos.store(offset, std::memory_order_relaxed);
            if (abort.load(std::memory_order_relaxed) || m_ctx.cancelled())
                return;
            // A file mapping reads back what is released, so the scan need
            // not wait for readTables() there (else it holds the whole file).
            if (release && offset - released >= (32u << 20) &&
                (rereadable || tablesDone.load(std::memory_order_acquire))) {
                // Prepared samples point into the input: commit them first.
                if (!commitBatch())
                    break;
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
    // Frames as their flame-graph ranks, in place (the trie sorts by them).
    std::vector<uint32_t> frameOfRank(m_frameRank.size());
    for (uint32_t f = 0; f < m_frameRank.size(); ++f)
        frameOfRank[m_frameRank[f]] = f;
    for (uint32_t &f : frames)
        f = m_frameRank[f];
    m_profile->trie.insertRankedPaths(frames.data(), offsets.data(), m_stackKeys.size(), frameOfRank, keyNode);
}

void PprofDecoder::resolveLabels(std::vector<uint32_t> &keySet, PendingError &err) {
    Profile &p = *m_profile;
    keySet.assign(m_labelKeys.size(), 0);
    const auto inTable = [this](int64_t s) { return s >= 0 && uint64_t(s) < m_strings.size(); };
    for (size_t k = 1; k < m_labelKeys.size(); ++k) {
        const LabelKey &lk = m_labelKeys[k];
        m_scratchModelLabels.clear();
        // Offsets relative to the list's first byte, which was at lk.bytesOffset.
        const char *lb = m_labelArena.data() + lk.begin;
        WireReader lr(lb, lb, m_labelArena.data() + lk.end);
        uint32_t f;
        WireType t;
        while (lr.next(f, t)) {
            if (f != 3) { // only Sample.label fields were kept
                lr.skip(t);
                continue;
            }
            WireReader one = lr.sub();
            RawLabel l;
            uint32_t lf;
            WireType lt;
            while (one.next(lf, lt)) {
                if (lf <= 4 && lt != WireType::Varint) {
                    one.fail("Label field has the wrong wire type");
                    break;
                }
                switch (lf) {
                case 1:
                    l.key = int64_t(one.varint());
                    break;
                case 2:
                    l.str = int64_t(one.varint());
                    break;
                case 3:
                    l.num = int64_t(one.varint());
                    break;
                case 4:
                    l.unit = int64_t(one.varint());
                    break;
                default:
                    one.skip(lt);
                }
            }
            lr.adopt(one);
            if (!lr.ok())
                break;
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
        if (!lr.ok()) {
            err.set(lk.bytesOffset + lr.errorOffset(), std::string("malformed protobuf: ") + lr.error());
            return;
        }
        sortLabels(m_scratchModelLabels);
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

    // The scan is over: its key indexes are not needed any more.
    m_stackIndex = DigestMap(0);
    m_labelIndex = DigestMap(0);
    std::string().swap(m_batchLabelBytes);

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
    std::string().swap(m_labelArena);
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
    // The trie holds exactly the paths of the distinct stacks, each of which
    // some sample has.
    p.samplesCoverTrie = true;
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

} // namespace spanfire

namespace spanfire {

namespace {
// The extent of the top-level field starting at p: 1 with its length and
// key, 0 when [p, end) does not hold its header yet, -1 when malformed
// (or a wire type a Profile never has at top level).
int fieldExtent(const char *p, const char *end, uint64_t &fieldLen, uint64_t &key) {
    uint64_t len = 0;
    const size_t n = peekVarint(p, end, key);
    if (n == 0)
        return 0;
    if (n == SIZE_MAX || key >> 3 == 0)
        return -1;
    switch (key & 7) {
    case 0: {
        const size_t m = peekVarint(p + n, end, len);
        if (m == 0)
            return 0;
        if (m == SIZE_MAX)
            return -1;
        fieldLen = n + m;
        return 1;
    }
    case 1:
        fieldLen = n + 8;
        return 1;
    case 5:
        fieldLen = n + 4;
        return 1;
    case 2: {
        const size_t m = peekVarint(p + n, end, len);
        if (m == 0)
            return 0;
        if (m == SIZE_MAX || len > (uint64_t(1) << 40))
            return -1;
        fieldLen = n + m + len;
        return 1;
    }
    default:
        return -1;
    }
}
} // namespace

// One whole top-level field of the chunked stream: samples are scanned,
// everything else is kept for readTables(). False: give up (the caller
// decodes the file again the ordinary way, which reports what is wrong).
bool PprofDecoder::chunkField(const char *p, size_t len, uint64_t offset, uint64_t key) {
    if (key >> 3 != 2) {
        m_tableBytes.append(p, len);
        return true;
    }
    if ((key & 7) != 2)
        return false;
    WireReader r(p, p, p + len);
    uint32_t f;
    WireType t;
    r.next(f, t);
    if (!scanSampleRecord(r, offset) || m_scanError.has)
        return false;
    if (m_scannedSamples++ == 0)
        m_firstSampleOffset = offset;
    if (m_scannedSamples == 65536)
        reserveFromEstimate(offset + len, m_streamSize);
    return true;
}

std::shared_ptr<Profile> PprofDecoder::runChunked(GzipChunks &gz, GzipChunks::Chunk first, bool &retry) {
    retry = true;
    m_ctx.beginStage("decompressing gzip and reading pprof samples", 0, 800);
    beginScan(0);
    m_streamSize = gz.announcedSize();
    std::string carry; // an unfinished field from earlier chunks
    uint64_t carryOffset = 0, carryLen = 0;
    bool ok = true;
    GzipChunks::Chunk c = first;
    for (bool have = true; have && ok; have = gz.next(c)) {
        const char *data = c.data;
        const char *end = data + c.size;
        size_t pos = 0;
        // First finish the field carried over (its header may be split too).
        while (!carry.empty() && pos < c.size && ok) {
            if (carryLen == 0) {
                uint64_t key = 0;
                const size_t take = std::min<size_t>(16, c.size - pos);
                const size_t before = carry.size();
                carry.append(data + pos, take);
                const int e = fieldExtent(carry.data(), carry.data() + carry.size(), carryLen, key);
                if (e < 0) {
                    ok = false;
                    break;
                }
                if (e == 0) {
                    pos += take;
                    carryLen = 0;
                    continue;
                }
                // Keep only the bytes that belong to the field.
                const size_t used = size_t(std::min<uint64_t>(carryLen, before + take));
                carry.resize(used);
                pos += used - before;
            }
            const size_t take = size_t(std::min<uint64_t>(carryLen - carry.size(), c.size - pos));
            carry.append(data + pos, take);
            pos += take;
            if (carry.size() == carryLen) {
                uint64_t key = 0, len = 0;
                fieldExtent(carry.data(), carry.data() + carry.size(), len, key);
                ok = chunkField(carry.data(), carry.size(), carryOffset, key) && commitBatch();
                carry.clear();
                carryLen = 0;
            }
        }
        // Then every field wholly inside this chunk.
        while (ok && pos < c.size && carry.empty()) {
            uint64_t key = 0, len = 0;
            const int e = fieldExtent(data + pos, end, len, key);
            if (e < 0) {
                ok = false;
                break;
            }
            if (e == 0 || len > c.size - pos) {
                carry.assign(data + pos, c.size - pos);
                carryOffset = c.offset + pos;
                carryLen = e == 0 ? 0 : len;
                break;
            }
            ok = chunkField(data + pos, size_t(len), c.offset + pos, key);
            pos += size_t(len);
        }
        // The batch points into this chunk: commit it before giving it back.
        ok = ok && commitBatch();
        gz.release(c);
        if (m_ctx.cancelled()) {
            gz.stop();
            gz.join();
            retry = false;
            m_ctx.failCancelled();
            return nullptr;
        }
        m_ctx.progress(gz.inputConsumed(), gz.inputSize());
    }
    if (!ok)
        gz.stop();
    gz.join();
    if (!ok || !gz.succeeded() || !carry.empty())
        return nullptr; // retry the ordinary way

    // The tables: every non-sample field, in file order.
    m_data = std::string_view(m_tableBytes);
    m_sampleCount = m_scannedSamples;
    m_ctx.beginStage("reading pprof tables", 800, 40);
    if (!readTables() || !buildTables())
        return nullptr; // offsets would be in m_tableBytes: let the ordinary path report it
    retry = false;
    m_ctx.beginStage("building the call tree", 840, 160);
    if (!resolveSamples())
        return nullptr;
    if (m_ctx.cancelled()) { // asked while the last step ran: still honoured
        m_ctx.failCancelled();
        return nullptr;
    }
    std::string().swap(m_tableBytes);
    m_profile->format = m_ctx.formatLabel("pprof");
    m_profile->sourceName = m_ctx.name();
    m_profile->finish();
    m_ctx.endStage();
    return std::move(m_profile);
}

std::shared_ptr<Profile> importPprofChunked(ImportContext &ctx, GzipChunks &gz, const GzipChunks::Chunk &first,
                                            bool &retry) {
    PprofDecoder decoder(ctx, std::string_view());
    return decoder.runChunked(gz, first, retry);
}

} // namespace spanfire
