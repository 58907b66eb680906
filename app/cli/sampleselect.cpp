#include "app/cli/sampleselect.h"

#include "app/cli/commands.h"
#include "model/linkindex.h"
#include "model/spantable.h"

#include <QRegularExpression>
#include <QString>

#include <vector>

namespace spanfire::cli {

namespace {

LinkScope scopeOf(const std::string &s) {
    if (s == "descendants")
        return LinkScope::Descendants;
    if (s == "exclusive")
        return LinkScope::Exclusive;
    return LinkScope::Self;
}

// Trace index whose hex id equals or uniquely starts with `id`; -1 absent, -2 ambiguous.
int findTrace(const TraceSet &set, const std::string &id) {
    std::string want = id;
    for (char &c : want)
        if (c >= 'A' && c <= 'F')
            c = static_cast<char>(c - 'A' + 'a');
    int found = -1;
    for (size_t i = 0; i < set.traces.size(); ++i) {
        const std::string hex = set.traces[i].id.hex();
        if (hex == want)
            return static_cast<int>(i);
        if (!want.empty() && hex.compare(0, want.size(), want) == 0)
            found = found == -1 ? static_cast<int>(i) : -2;
    }
    return found;
}

// Marks the samples whose stack has a frame whose function, file or module
// matches (pprof's -focus).
void focusMask(const Profile &p, const QRegularExpression &re, std::vector<uint8_t> &mask) {
    auto matches = [&](StringId id) {
        if (!id.valid() || id.v == 0)
            return false;
        const std::string_view s = p.strings.view(id);
        return re.match(QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()))).hasMatch();
    };
    std::vector<uint8_t> frameMatch(p.frames.size());
    for (size_t f = 0; f < p.frames.size(); ++f) {
        const Frame &fr = p.frames.at(FrameId(static_cast<uint32_t>(f)));
        frameMatch[f] = matches(fr.name) || matches(fr.file) || matches(fr.module);
    }
    const auto &parents = p.trie.parents();
    const auto &frames = p.trie.frames();
    std::vector<uint8_t> nodeMatch(p.trie.size());
    for (size_t n = 1; n < nodeMatch.size(); ++n) // parent < child
        nodeMatch[n] = nodeMatch[parents[n]] || (frames[n] < frameMatch.size() && frameMatch[frames[n]]);
    for (size_t i = 0; i < mask.size(); ++i)
        mask[i] = mask[i] && nodeMatch[p.sampleNode[i]];
}

} // namespace

bool selectSamples(const CliOptions &o, const Profile &p, const std::string &path, const TraceSet *traces,
                   SelectionResult &out) {
    out = SelectionResult();
    if (o.focus.empty() && !o.hasSpanFilter() && !o.hasTimeRange)
        return true;
    out.filtered = true;
    const size_t n = p.sampleCount();
    std::vector<uint8_t> mask(n, 1);

    if (o.hasSpanFilter()) {
        if (!traces) {
            fail(path + ": --span/--trace/--operation need a trace file given beside the profile");
            return false;
        }
        const LinkIndex link = LinkIndex::build(p, *traces, o.linkOptions());
        if (link.method() == LinkMethod::None || link.linkedSamples() == 0) {
            fail(path + ": no sample of this profile is linked to a span of the given traces");
            return false;
        }
        const LinkScope scope = scopeOf(o.scope);
        std::vector<std::pair<uint32_t, uint32_t>> ranges; // over link.order()
        int trace = -1;
        if (!o.traceId.empty()) {
            trace = findTrace(*traces, o.traceId);
            if (trace < 0) {
                fail(path + ": " +
                     (trace == -2 ? "trace id prefix '" + o.traceId + "' is ambiguous"
                                  : "no trace with id '" + o.traceId + "' in the given traces"));
                return false;
            }
        }
        if (!o.spanId.empty()) {
            uint64_t id = 0;
            if (!parseSpanIdLabel(o.spanId, false, &id)) {
                fail("--span: '" + o.spanId + "' is not a hex span id");
                return false;
            }
            const uint32_t row = trace >= 0 ? traces->find(traces->traces[size_t(trace)].id, id) : traces->findSpan(id);
            if (row == TraceSet::kNoRow) {
                fail(path + ": no span with id '" + o.spanId + "' in the given traces");
                return false;
            }
            ranges.push_back(link.range(row, scope, *traces));
        } else if (!o.operation.empty()) {
            const StringId name = traces->strings.find(o.operation);
            uint32_t first = 0, end = uint32_t(traces->spanCount());
            if (trace >= 0) {
                first = traces->traces[size_t(trace)].firstRow;
                end = traces->traces[size_t(trace)].endRow;
            }
            for (uint32_t r = first; name.valid() && r < end; ++r) {
                if (traces->name[r] != name)
                    continue;
                if (scope == LinkScope::Descendants) { // an enclosing span of the same name already covers it
                    bool covered = false;
                    for (uint32_t a = traces->parent[r]; a != TraceSet::kNoRow && !covered; a = traces->parent[a])
                        covered = traces->name[a] == name;
                    if (covered)
                        continue;
                }
                ranges.push_back(link.range(r, scope, *traces));
            }
        } else {
            ranges.push_back(link.traceRange(uint32_t(trace), *traces));
        }
        std::vector<uint8_t> inSpan(n, 0);
        const auto &order = link.order();
        for (const auto &[b, e] : ranges)
            for (uint32_t k = b; k < e && k < order.size(); ++k)
                if (order[k] < n)
                    inSpan[order[k]] = 1;
        for (size_t i = 0; i < n; ++i)
            mask[i] = mask[i] && inSpan[i];
    }

    if (o.hasTimeRange) {
        if (p.sampleTime.size() != n) {
            fail(path + ": --time-range needs per-sample timestamps, and this profile has none");
            return false;
        }
        for (size_t i = 0; i < n; ++i)
            mask[i] = mask[i] && p.sampleTime[i] >= o.timeBegin && p.sampleTime[i] < o.timeEnd;
    }

    if (!o.focus.empty()) {
        const QRegularExpression re(QString::fromStdString(o.focus));
        if (!re.isValid()) {
            fail("--focus: invalid regular expression '" + o.focus + "': " + re.errorString().toStdString());
            return false;
        }
        focusMask(p, re, mask);
    }

    std::vector<std::pair<uint32_t, uint32_t>> indexRanges;
    for (uint32_t i = 0; i < n; ++i) {
        if (!mask[i])
            continue;
        if (!indexRanges.empty() && indexRanges.back().second == i)
            indexRanges.back().second = i + 1;
        else
            indexRanges.emplace_back(i, i + 1);
    }
    out.selection = SampleSelection::indices(std::move(indexRanges));
    return true;
}

} // namespace spanfire::cli
