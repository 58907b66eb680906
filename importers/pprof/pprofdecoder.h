#pragma once
// PprofDecoder: the internals of importPprof() (pprofimporter.h), split over
// pproftables.cpp (pass 1: string table, mappings, functions, locations),
// pproflocations.cpp (per-location frame chains, drop_frames) and
// pprofsamples.cpp (pass 2: samples into columns through digest-keyed stack
// and label caches). Internal to importers/pprof.
//
// Invariants after readTables(): every string index the tables use is in
// range; ids are non-zero and unique; m_locFrames[m_locBegin[i]..m_locBegin[i+1])
// are location i's frames root-first (after drop_frames trimming).
// Thread affinity: one decoder per import, driven by one thread; run() scans
// samples on a second thread while it reads the tables, and resolveSamples()
// resolves label sets on a second thread; both are joined before returning.

#include "importers/common/digestmap.h"
#include "importers/common/gzipstream.h"
#include "importers/common/importcontext.h"
#include "importers/common/wirereader.h"
#include "model/profile.h"

#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace spanfire {

// Maps sparse 64-bit ids to dense indexes: a vector when ids are small, a
// hash map otherwise.
class IdIndex {
public:
    static constexpr uint32_t kMissing = ~0u;
    // Returns 0 on success, else the offending id (0 itself is reported as
    // zeroId=true).
    bool build(const std::vector<uint64_t> &ids, uint64_t &badId, bool &zeroId);
    uint32_t find(uint64_t id) const {
        if (!m_useMap)
            return id < m_dense.size() ? m_dense[id] : kMissing;
        auto it = m_map.find(id);
        return it == m_map.end() ? kMissing : it->second;
    }

private:
    bool m_useMap = false;
    std::vector<uint32_t> m_dense;
    std::unordered_map<uint64_t, uint32_t> m_map;
};

class PprofDecoder {
public:
    PprofDecoder(ImportContext &ctx, std::string_view data);
    std::shared_ptr<Profile> run();
    // Decodes from `gz`'s chunks (see importPprofChunked()); `first` is the
    // chunk the caller sniffed. retry: nullptr means "decode it the ordinary
    // way" rather than an error to report.
    std::shared_ptr<Profile> runChunked(GzipChunks &gz, GzipChunks::Chunk first, bool &retry);

private:
    struct RawValueType {
        int64_t type = 0, unit = 0;
    };
    struct RawMapping {
        uint64_t id = 0, start = 0, limit = 0, fileOffset = 0;
        int64_t file = 0, buildId = 0;
        bool hasFunctions = false, hasFilenames = false, hasLineNumbers = false, hasInlineFrames = false;
        uint64_t offset = 0;
    };
    struct RawFunction {
        uint64_t id = 0;
        int64_t name = 0, systemName = 0, file = 0, startLine = 0;
        uint64_t offset = 0;
    };
    struct RawLine {
        uint64_t functionId = 0;
        int64_t line = 0;
    };
    struct RawLocation {
        uint64_t id = 0, mappingId = 0, address = 0;
        uint32_t lineBegin = 0, lineEnd = 0;
        uint64_t offset = 0;
    };
    struct RawLabel {
        int64_t key = 0, str = 0, num = 0, unit = 0;
        bool operator==(const RawLabel &o) const {
            return key == o.key && str == o.str && num == o.num && unit == o.unit;
        }
    };

    // pass 1 (pproftables.cpp, pproflocations.cpp)
    bool readTables();
    bool readValueType(WireReader &r, RawValueType &vt);
    bool readMapping(WireReader &r);
    bool readFunction(WireReader &r);
    bool readLocation(WireReader &r);
    bool checkString(int64_t index, uint64_t offset);
    bool buildTables();
    bool buildLocations();
    StringId str(int64_t index); // interned lazily; index already checked
    FrameId unsymbolizedFrame(const RawLocation &loc, uint32_t mapping);

    // pass 2 (pprofsamples.cpp): scan samples into key columns, then resolve
    // keys into trie nodes and label sets.
    struct PendingError {
        bool has = false;
        uint64_t at = 0;
        std::string text;
        int64_t mismatchValues = -1; // a value-count mismatch: the sample's count
        void set(uint64_t offset, std::string message, int64_t values = -1); // keeps the earliest
    };
    struct StackKey {
        size_t begin, end; // location-list bytes in m_keyArena
        uint64_t offset;   // first sample with this stack
    };
    struct LabelKey {
        size_t begin, end;    // the label fields' wire bytes in m_labelArena
        uint64_t offset;      // first sample with this list
        uint64_t bytesOffset; // where those bytes were in the input (errors)
    };
    // Scans every sample of m_data (skipping everything else); may run on a
    // second thread beside readTables(): touches no table, reports nothing,
    // gives pages back only once tablesDone. Errors go to m_scanError.
    void scanAll(const std::atomic<bool> &tablesDone, const std::atomic<bool> &abort);
    void scanSamples(const std::atomic<bool> &tablesDone, const std::atomic<bool> &abort);
    // scanAll() -> run(): how far the scan is, and when it is done
    std::atomic<uint64_t> m_scanPos{0};
    std::mutex m_scanMutex;
    std::condition_variable m_scanCv;
    bool m_scanDone = false;
    void reserveFromEstimate(uint64_t bytesSoFar, uint64_t totalBytes);
    void beginScan(uint64_t sampleCountHint);
    bool scanSampleRecord(WireReader &r, uint64_t offset);
    void prepareSample(uint64_t offset);
    bool commitBatch(); // false on a value-count mismatch (m_scanError set)
    bool chunkField(const char *p, size_t len, uint64_t offset, uint64_t key);
    bool resolveSamples();
    void resolveStacks(std::vector<uint32_t> &keyNode, PendingError &err);
    void resolveLabels(std::vector<uint32_t> &keySet, PendingError &err);
    void appendFrames(const std::vector<uint32_t> &locs, std::vector<uint32_t> &out) const;
    bool wireError(const WireReader &r);

    ImportContext &m_ctx;
    std::string_view m_data;
    std::shared_ptr<Profile> m_profile;

    // tables
    std::vector<std::string_view> m_strings;
    std::string m_stringArena;         // private copy of the string table when the input is released while parsing
    std::vector<uint32_t> m_stringIds; // string index -> StringId, kNone until used
    std::vector<RawValueType> m_sampleTypes;
    RawValueType m_periodType;
    int64_t m_period = 0, m_time = 0, m_duration = 0, m_drop = 0, m_keep = 0, m_defaultType = 0, m_docUrl = 0;
    bool m_sawTime = false;
    std::vector<int64_t> m_comments;
    std::vector<RawMapping> m_mappings;
    std::vector<RawFunction> m_functions;
    std::vector<RawLocation> m_locations;
    std::vector<RawLine> m_lines;
    IdIndex m_mappingIndex, m_functionIndex, m_locationIndex;
    uint64_t m_sampleCount = 0;
    uint64_t m_firstSampleOffset = 0;

    // per-location frame chains (root-first) and drop_frames flags
    std::vector<uint32_t> m_locBegin;
    std::vector<uint32_t> m_locFrames;
    std::vector<uint8_t> m_locPrune; // 0 keep, 1 prune whole location, 2 prune beneath it

    // per-sample scratch, reused (no per-sample allocation)
    std::vector<uint64_t> m_scratchIds;
    std::vector<uint32_t> m_scratchLocs;
    std::vector<int64_t> m_scratchValues;
    // the current sample's label fields as on the wire: [m_labelBegin,
    // m_labelEnd) in the input, or m_labelScratch when not adjacent
    const char *m_labelBegin = nullptr, *m_labelEnd = nullptr;
    bool m_labelSplit = false;
    const char *m_labelFirst = nullptr;  // first label field when split
    const char *m_sampleStart = nullptr; // the current sample's field key
    std::string m_labelScratch;
    std::vector<Label> m_scratchModelLabels;
    bool m_hasLabels = false;

    // scan state
    static constexpr size_t kUnknownCount = ~size_t(0);
    size_t m_valueCount = kUnknownCount; // values per sample, from the first sample
    uint64_t m_scanFirstOffset = 0;
    uint64_t m_sampleCountHint = 0;
    PendingError m_scanError;
    std::string m_tableBytes; // chunked mode: every non-sample top-level field
    uint64_t m_scannedSamples = 0;
    uint64_t m_streamSize = 0; // decompressed size as announced (for column sizing)
    std::vector<char> m_keyArena;
    std::vector<StackKey> m_stackKeys;
    std::string m_labelArena;
    std::vector<LabelKey> m_labelKeys; // [0] = no labels
    uint32_t m_prevLabelKey = 0;
    std::vector<uint32_t> m_frameRank; // frameNameRanks() of the frames, for the trie's layout
    // the batch of prepared samples (see prepareSample())
    struct Pending {
        Digest stack, labels;
        const char *key; // location bytes in the input, or null: m_batchKeyBytes[keyBegin..)
        size_t keySize;
        const char *label; // label bytes in the input, or null: m_batchLabelBytes[labelBegin..)
        uint32_t keyBegin, valueBegin, valueEnd, labelBegin, labelSize;
        bool sameLabels; // labels equal to the previous sample's
        uint64_t offset;
        uint64_t labelOffset; // of the label bytes in the input
    };
    static constexpr size_t kBatch = 16;
    Pending m_batch[kBatch];
    size_t m_batchSize = 0;
    std::vector<int64_t> m_batchValues;
    std::string m_batchLabelBytes;
    std::string m_batchKeyBytes;
    std::string m_lastLabelBytes;

    // Per-sample location list as it is on the wire: one packed field (a view
    // into m_data) or, for unpacked/split fields, the ids re-encoded as
    // varints into m_keyScratch. Either way equal stacks give equal bytes.
    const char *m_locBytes = nullptr;
    size_t m_locSize = 0;
    bool m_locSplit = false;
    std::string m_keyScratch;

    // Key indexes (128-bit digest keyed, see digestmap.h): location-list
    // bytes -> stack key, raw label list -> label key. Unbounded: every
    // distinct key needs its index.
    DigestMap m_stackIndex{~size_t(0)};
    DigestMap m_labelIndex{~size_t(0)};
};

} // namespace spanfire
