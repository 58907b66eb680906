// spanfire-cli spans: traces of the given files (merged into one set), or the
// spans of one trace with self time and critical-path membership.
#include "app/cli/commands.h"
#include "app/cli/jsonwriter.h"
#include "model/linkindex.h"
#include "model/spantable.h"
#include "model/tracesetbuilder.h"

#include <cinttypes>
#include <cstdio>
#include <iostream>

namespace spanfire::cli {

namespace {

std::string lower(std::string s) {
    for (char &c : s)
        if (c >= 'A' && c <= 'F')
            c = static_cast<char>(c - 'A' + 'a');
    return s;
}

} // namespace

// Index of the trace whose hex id equals or starts with `id` (unique); -1 when
// absent, -2 when ambiguous.
static int findTraceByHex(const TraceSet &set, const std::string &id) {
    const std::string want = lower(id);
    int found = -1;
    for (size_t i = 0; i < set.traces.size(); ++i) {
        const std::string hex = set.traces[i].id.hex();
        if (hex == want)
            return static_cast<int>(i);
        if (hex.compare(0, want.size(), want) == 0)
            found = found == -1 ? static_cast<int>(i) : -2;
    }
    return found;
}

int runSpans(const CliOptions &o) {
    std::vector<LoadedFile> files;
    if (!loadFiles(o.files, files))
        return kExitBadInput;
    std::vector<std::shared_ptr<const TraceSet>> sets;
    std::vector<const LoadedFile *> profiles;
    for (const LoadedFile &lf : files) {
        if (lf.result.traces)
            sets.push_back(lf.result.traces);
        else if (!lf.result.profile || !o.withSamples)
            return fail(lf.path + ": no traces in this file (" + lf.result.format + ")");
        if (lf.result.profile && o.withSamples)
            profiles.push_back(&lf);
    }
    if (sets.empty())
        return fail(o.files[0] + ": no traces in the given files");
    const std::shared_ptr<const TraceSet> merged = sets.size() == 1 ? sets[0] : mergeTraceSets(sets);
    const TraceSet &t = *merged;
    // --with-samples: linked samples per span (self) and per trace, over all profiles given.
    std::vector<uint64_t> spanSamples, traceSamples;
    if (o.withSamples) {
        if (profiles.empty())
            return fail(o.files[0] + ": --with-samples needs a profile given beside the traces");
        spanSamples.assign(t.spanCount(), 0);
        traceSamples.assign(t.traces.size(), 0);
        for (const LoadedFile *lf : profiles) {
            const LinkIndex link = LinkIndex::build(*lf->result.profile, t, o.linkOptions());
            for (uint32_t r = 0; r < t.spanCount(); ++r)
                spanSamples[r] += link.sampleCount(r);
            for (uint32_t i = 0; i < t.traces.size(); ++i) {
                const auto range = link.traceRange(i, t);
                traceSamples[i] += range.second - range.first;
            }
        }
    }
    auto str = [&](StringId id) { return std::string(t.strings.view(id)); };

    if (o.traceId.empty()) {
        JsonWriter j;
        if (o.json)
            j.beginObject().key("traces").beginArray();
        else
            std::printf("%-32s  %-20s  %-30s  %19s  %14s  %6s%s\n", "trace_id", "root_service", "root_operation",
                        "start_ns", "duration_ns", "spans", o.withSamples ? "  samples" : "");
        for (const TraceSummary &s : t.traces) {
            const bool hasRoot = s.root.valid() && s.root.v < t.spanCount();
            const std::string service = hasRoot ? str(t.serviceOf(s.root.v)) : std::string();
            const std::string op = hasRoot ? str(t.name[s.root.v]) : std::string();
            if (o.json) {
                j.beginObject()
                    .key("trace_id")
                    .value(s.id.hex())
                    .key("root_service")
                    .value(service)
                    .key("root_operation")
                    .value(op)
                    .key("start_ns")
                    .value(s.startNs)
                    .key("duration_ns")
                    .value(s.durationNs())
                    .key("span_count")
                    .value(static_cast<uint64_t>(s.spanCount))
                    .key("error_count")
                    .value(static_cast<uint64_t>(s.errorCount));
                if (o.withSamples)
                    j.key("samples").value(traceSamples[size_t(&s - t.traces.data())]);
                j.endObject();
            } else {
                std::printf("%-32s  %-20s  %-30s  %19" PRId64 "  %14" PRId64 "  %6u", s.id.hex().c_str(),
                            sanitizeUtf8(service).c_str(), sanitizeUtf8(op).c_str(), s.startNs, s.durationNs(),
                            s.spanCount);
                if (o.withSamples)
                    std::printf("  %8" PRIu64, traceSamples[size_t(&s - t.traces.data())]);
                std::printf("\n");
            }
        }
        if (o.json) {
            j.endArray().endObject();
            std::cout << j.str() << '\n';
        }
        return kExitOk;
    }

    const int ti = findTraceByHex(t, o.traceId);
    if (ti < 0)
        return fail(
            o.files[0] + ": " +
            (ti == -2 ? "trace id prefix '" + o.traceId + "' is ambiguous" : "no trace with id '" + o.traceId + "'"));
    const TraceSummary &s = t.traces[static_cast<size_t>(ti)];
    std::vector<uint8_t> critical(t.spanCount());
    for (uint32_t row : t.criticalPath(static_cast<uint32_t>(ti)))
        if (row < critical.size())
            critical[row] = 1;
    JsonWriter j;
    if (o.json)
        j.beginObject().key("trace_id").value(s.id.hex()).key("spans").beginArray();
    else
        std::printf("%-16s  %-16s  %-20s  %-40s  %14s  %14s  %14s  %-8s%s\n", "span_id", "parent_id", "service", "name",
                    "start_offset_ns", "duration_ns", "self_ns", "critical", o.withSamples ? " samples" : "");
    for (uint32_t r = s.firstRow; r < s.endRow; ++r) {
        const std::string parent = t.parentSpanId[r] ? spanIdHex(t.parentSpanId[r]) : std::string();
        const int64_t offset = t.startNs[r] - s.startNs;
        if (o.json) {
            j.beginObject()
                .key("span_id")
                .value(spanIdHex(t.spanId[r]))
                .key("parent_id")
                .value(parent)
                .key("service")
                .value(str(t.serviceOf(r)))
                .key("name")
                .value(str(t.name[r]))
                .key("depth")
                .value(static_cast<uint64_t>(t.depth[r]))
                .key("start_offset_ns")
                .value(offset)
                .key("duration_ns")
                .value(t.durationNs(r))
                .key("self_ns")
                .value(t.selfTimeNs(r))
                .key("critical_path")
                .value(critical[r] != 0)
                .key("status")
                .value(statusCodeName(t.status[r]));
            if (o.withSamples)
                j.key("samples").value(spanSamples[r]);
            j.endObject();
        } else {
            const std::string indent(std::min<uint32_t>(t.depth[r], 20) * 2, ' ');
            std::printf("%-16s  %-16s  %-20s  %-40s  %14" PRId64 "  %14" PRId64 "  %14" PRId64 "  %-8s%s",
                        spanIdHex(t.spanId[r]).c_str(), parent.c_str(), sanitizeUtf8(str(t.serviceOf(r))).c_str(),
                        sanitizeUtf8(indent + str(t.name[r])).c_str(), offset, t.durationNs(r), t.selfTimeNs(r),
                        critical[r] ? "*" : "", o.withSamples ? "" : "\n");
            if (o.withSamples)
                std::printf("%8" PRIu64 "\n", spanSamples[r]);
        }
    }
    if (o.json) {
        j.endArray().endObject();
        std::cout << j.str() << '\n';
    }
    return kExitOk;
}

} // namespace spanfire::cli
