#pragma once
// Profile: one loaded profile (pprof, OTLP profile, folded stacks...) as a
// self-contained immutable document: its own strings, frames and call-tree
// trie, plus columnar samples. Built by importers through ProfileBuilder-style
// direct column appends, then finish()ed and shared read-only as
// std::shared_ptr<const Profile> across threads.
//
// Samples are struct-of-arrays: sampleNode[i] is the leaf trie node of sample
// i, values[k][i] its value for sample type k, sampleLabels[i] its interned
// label set (0 = no labels), sampleTime[i] its timestamp when the producer
// recorded one (empty column otherwise).

#include "model/frametable.h"
#include "model/ids.h"
#include "model/stacktrie.h"
#include "model/stringtable.h"

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace spanfire {

struct ValueType {
    StringId type;
    StringId unit;
};

struct Mapping {
    uint64_t memoryStart = 0;
    uint64_t memoryLimit = 0;
    uint64_t fileOffset = 0;
    StringId file;
    StringId buildId;
    bool hasFunctions = false;
    bool hasFilenames = false;
    bool hasLineNumbers = false;
    bool hasInlineFrames = false;
};

struct Label {
    StringId key{0};
    StringId str{0};  // 0 for numeric labels
    StringId unit{0}; // numeric labels only
    int64_t num = 0;
    bool isNumeric() const { return str.v == 0; }
};

// The order LabelSets::intern() expects: by key, then string value, then number.
void sortLabels(std::vector<Label> &labels);

// Interned label sets: identical sets share one id. Set 0 is the empty set.
class LabelSets {
public:
    LabelSets();
    LabelSetId intern(const std::vector<Label> &sortedLabels);
    size_t size() const { return m_offsets.size() - 1; }
    const Label *begin(LabelSetId id) const { return m_labels.data() + m_offsets[id.v]; }
    const Label *end(LabelSetId id) const { return m_labels.data() + m_offsets[id.v + 1]; }
    // Drops the build-time index (rebuilt on the next intern()).
    void finish();

private:
    std::vector<uint32_t> m_offsets;
    std::vector<Label> m_labels;
    // Index: open addressing over (hash, set id) slots, load <= 1/2 (a node
    // per set was 12 % of a 5 M-sample import with a label set per span).
    struct Slot {
        uint32_t hash;
        uint32_t id; // 0 when free (set 0, the empty set, is never indexed)
    };
    std::vector<Slot> m_slots;
    size_t m_mask = 0;
    bool sameAs(uint32_t id, const Label *labels, size_t n) const;
    void rebuildIndex();
};

struct NamedCount {
    std::string name;
    uint64_t count = 0;
};

class Profile {
public:
    std::string sourceName; // file path or label given to the importer
    std::string format;     // e.g. "pprof (gzip)"

    StringTable strings;
    FrameTable frames;
    StackTrie trie;

    std::vector<ValueType> sampleTypes;
    int defaultSampleType = 0; // index into sampleTypes
    ValueType periodType;
    int64_t period = 0;
    int64_t timeNanos = 0;
    int64_t durationNanos = 0;
    std::vector<StringId> comments;
    StringId dropFrames;
    StringId keepFrames;
    StringId docUrl;
    std::vector<Mapping> mappings;

    // Sample columns.
    std::vector<uint32_t> sampleNode;         // NodeId values
    std::vector<std::vector<int64_t>> values; // [sampleType][sample]
    std::vector<uint32_t> sampleLabels;       // LabelSetId values
    std::vector<int64_t> sampleTime;          // ns since epoch, empty when unknown
    // Explicit span links (OTLP profiles Sample.link_index): span id as a
    // big-endian uint64 (0 = none) and the 16-byte trace id (zero = unknown).
    // Both empty when no sample carries a link; otherwise sampleCount() long.
    std::vector<uint64_t> sampleSpanId;
    std::vector<std::array<uint8_t, 16>> sampleTraceId;
    LabelSets labelSets;
    // Set by importers that know it: every trie node is the leaf of some
    // sample or an ancestor of one (so aggregating every sample touches every
    // node and needs no bookkeeping of which).
    bool samplesCoverTrie = false;

    std::vector<NamedCount> warnings;

    size_t sampleCount() const { return sampleNode.size(); }
    int64_t total(size_t sampleType) const;
    // "type/unit" or "type"; returns -1 when no column matches.
    int findSampleType(std::string_view spec) const;
    std::string sampleTypeName(size_t index) const; // "type/unit"
    const Frame &frameOf(NodeId n) const { return frames.at(trie.frame(n)); }

    void addWarning(std::string_view name, uint64_t count = 1);
    // Shrinks columns and drops build-time indexes.
    void finish();
};

} // namespace spanfire
