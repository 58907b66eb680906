// spanfire-cli: loading helpers and the profile commands info, top, folded.
#include "app/cli/commands.h"
#include "app/cli/jsonwriter.h"
#include "app/cli/sampleselect.h"
#include "model/aggregator.h"
#include "model/arith.h"
#include "model/functionstats.h"
#include "model/linkindex.h"
#include "model/spantable.h"
#include "model/tracesetbuilder.h"

#include <QRegularExpression>
#include <QString>

#include <algorithm>
#include <cinttypes>
#include <cstdio>
#include <iostream>
#include <map>
#include <unordered_map>

namespace spanfire::cli {

int fail(const std::string &message) {
    std::string line = sanitizeUtf8(message);
    std::replace(line.begin(), line.end(), '\n', ' ');
    std::fprintf(stderr, "spanfire-cli: %s\n", line.c_str());
    return kExitBadInput;
}

bool loadFiles(const std::vector<std::string> &files, std::vector<LoadedFile> &out) {
    for (const std::string &f : files) {
        LoadedFile lf{f, {}};
        try {
            lf.result = importFile(f);
        } catch (const std::exception &e) { // importers promise not to throw
            lf.result.error.message = std::string("internal error: ") + e.what();
        }
        if (!lf.result.ok) {
            if (lf.result.error.file.empty())
                lf.result.error.file = f;
            fail(lf.result.error.toString());
            return false;
        }
        out.push_back(std::move(lf));
    }
    return true;
}

bool loadProfilesAndTraces(const std::vector<std::string> &files, std::vector<LoadedFile> &profiles,
                           std::shared_ptr<const TraceSet> &traces) {
    std::vector<LoadedFile> all;
    if (!loadFiles(files, all))
        return false;
    std::vector<std::shared_ptr<const TraceSet>> sets;
    for (LoadedFile &lf : all) {
        if (lf.result.traces)
            sets.push_back(lf.result.traces);
        if (lf.result.profile)
            profiles.push_back(std::move(lf));
        else if (!lf.result.traces) {
            fail(lf.path + ": neither a profile nor traces in this file (" + lf.result.format + ")");
            return false;
        }
    }
    if (profiles.empty()) {
        fail(files.front() + ": no profile in the given files");
        return false;
    }
    if (!sets.empty())
        traces = sets.size() == 1 ? sets.front() : mergeTraceSets(sets);
    return true;
}

static std::string availableTypes(const Profile &p) {
    std::string s;
    for (size_t i = 0; i < p.sampleTypes.size(); ++i)
        s += (i ? ", " : "") + p.sampleTypeName(i);
    return s;
}

bool resolveSampleTypes(const std::vector<LoadedFile> &files, const std::string &spec, std::vector<int> &columns) {
    std::string firstName;
    for (const LoadedFile &lf : files) {
        const Profile &p = *lf.result.profile;
        int col = spec.empty() ? p.defaultSampleType : p.findSampleType(spec);
        if (col < 0 || static_cast<size_t>(col) >= p.sampleTypes.size()) {
            fail(lf.path + ": no sample type '" + spec + "' (available: " + availableTypes(p) + ")");
            return false;
        }
        const std::string name = p.sampleTypeName(static_cast<size_t>(col));
        if (firstName.empty()) {
            firstName = name;
        } else if (spec.empty() && name != firstName) {
            fail(lf.path + ": default sample type " + name + " differs from " + firstName +
                 " of the first file; choose one with --sample-type");
            return false;
        }
        columns.push_back(col);
    }
    return true;
}

std::string formatValue(int64_t v, std::string_view unit) {
    char buf[64];
    const double d = static_cast<double>(v);
    auto scaled = [&](const char *const *names, const double *factors, int n) {
        for (int i = 0; i < n; ++i) {
            if (std::abs(d) >= factors[i] || i == n - 1) {
                std::snprintf(buf, sizeof buf, "%.4g%s", d / factors[i], names[i]);
                return std::string(buf);
            }
        }
        return std::string();
    };
    if (v == 0)
        return "0";
    if (unit == "nanoseconds") {
        static const char *const names[] = {"s", "ms", "us", "ns"};
        static const double f[] = {1e9, 1e6, 1e3, 1};
        return scaled(names, f, 4);
    }
    if (unit == "microseconds") {
        static const char *const names[] = {"s", "ms", "us"};
        static const double f[] = {1e6, 1e3, 1};
        return scaled(names, f, 3);
    }
    if (unit == "milliseconds") {
        static const char *const names[] = {"s", "ms"};
        static const double f[] = {1e3, 1};
        return scaled(names, f, 2);
    }
    if (unit == "bytes") {
        static const char *const names[] = {"GB", "MB", "kB", "B"};
        static const double f[] = {1024.0 * 1024 * 1024, 1024.0 * 1024, 1024, 1};
        return scaled(names, f, 4);
    }
    return std::to_string(v);
}

// ---------------------------------------------------------------- info

static void infoText(const LoadedFile &lf, const LinkIndex *link) {
    const ImportResult &r = lf.result;
    std::printf("%s\n  format: %s\n", sanitizeUtf8(lf.path).c_str(), r.format.c_str());
    if (const Profile *p = r.profile.get()) {
        std::printf("  sample types:");
        for (size_t i = 0; i < p->sampleTypes.size(); ++i)
            std::printf("%s %s%s", i ? "," : "", sanitizeUtf8(p->sampleTypeName(i)).c_str(),
                        static_cast<int>(i) == p->defaultSampleType ? " (default)" : "");
        std::printf("\n  samples: %zu\n", p->sampleCount());
        for (size_t i = 0; i < p->sampleTypes.size(); ++i)
            std::printf("  total %s: %" PRId64 " (%s)\n", sanitizeUtf8(p->sampleTypeName(i)).c_str(), p->total(i),
                        formatValue(p->total(i), p->strings.view(p->sampleTypes[i].unit)).c_str());
        if (p->durationNanos > 0)
            std::printf("  duration: %s\n", formatValue(p->durationNanos, "nanoseconds").c_str());
        if (p->period > 0)
            std::printf("  period: %" PRId64 " %s\n", p->period,
                        sanitizeUtf8(p->strings.view(p->periodType.unit)).c_str());
    }
    if (const TraceSet *t = r.traces.get()) {
        std::printf("  traces: %zu\n  spans: %zu\n  services:", t->traces.size(), t->spanCount());
        for (size_t i = 0; i < t->services.size(); ++i)
            std::printf("%s %s", i ? "," : "", sanitizeUtf8(t->strings.view(t->services[i])).c_str());
        std::printf("\n");
    }
    if (link) {
        std::printf("  linked to spans: %s%s%s, %" PRIu64 " of %zu samples%s\n", linkMethodName(link->method()),
                    link->labelKey().empty() ? "" : " ", sanitizeUtf8(link->labelKey()).c_str(), link->linkedSamples(),
                    r.profile->sampleCount(), link->rootsOnly() ? " (root spans only)" : "");
    }
    std::printf("  warnings:%s\n", r.warnings.empty() ? " none" : "");
    for (const NamedCount &w : r.warnings)
        std::printf("    %s: %" PRIu64 "\n", sanitizeUtf8(w.name).c_str(), w.count);
}

static void infoJson(JsonWriter &j, const LoadedFile &lf, const LinkIndex *link) {
    const ImportResult &r = lf.result;
    j.beginObject().key("file").value(lf.path).key("format").value(r.format);
    if (const Profile *p = r.profile.get()) {
        j.key("sample_types").beginArray();
        for (size_t i = 0; i < p->sampleTypes.size(); ++i) {
            j.beginObject()
                .key("name")
                .value(p->sampleTypeName(i))
                .key("type")
                .value(p->strings.view(p->sampleTypes[i].type))
                .key("unit")
                .value(p->strings.view(p->sampleTypes[i].unit))
                .key("total")
                .value(p->total(i))
                .endObject();
        }
        j.endArray();
        j.key("default_sample_type")
            .value(p->sampleTypes.empty() ? std::string()
                                          : p->sampleTypeName(static_cast<size_t>(p->defaultSampleType)));
        j.key("sample_count").value(static_cast<uint64_t>(p->sampleCount()));
        j.key("duration_ns").value(p->durationNanos);
        j.key("time_ns").value(p->timeNanos);
        j.key("period").value(p->period);
        j.key("period_type").value(p->strings.view(p->periodType.type));
        j.key("period_unit").value(p->strings.view(p->periodType.unit));
        j.key("frame_count").value(static_cast<uint64_t>(p->frames.size()));
        j.key("node_count").value(static_cast<uint64_t>(p->trie.size()));
    }
    if (const TraceSet *t = r.traces.get()) {
        j.key("trace_count").value(static_cast<uint64_t>(t->traces.size()));
        j.key("span_count").value(static_cast<uint64_t>(t->spanCount()));
        j.key("services").beginArray();
        for (StringId s : t->services)
            j.value(t->strings.view(s));
        j.endArray();
    }
    if (link) {
        j.key("link").beginObject();
        j.key("method").value(linkMethodName(link->method())).key("label_key").value(link->labelKey());
        j.key("linked_samples").value(link->linkedSamples()).key("roots_only").value(link->rootsOnly());
        j.endObject();
    }
    j.key("warnings").beginArray();
    for (const NamedCount &w : r.warnings)
        j.beginObject().key("name").value(w.name).key("count").value(w.count).endObject();
    j.endArray();
    j.endObject();
}

int runInfo(const CliOptions &o) {
    std::vector<LoadedFile> files;
    if (!loadFiles(o.files, files))
        return kExitBadInput;
    // Trace files given beside profiles: report how each profile links to them.
    std::vector<std::shared_ptr<const TraceSet>> sets;
    for (const LoadedFile &lf : files)
        if (lf.result.traces)
            sets.push_back(lf.result.traces);
    const std::shared_ptr<const TraceSet> traces =
        sets.empty() ? nullptr : (sets.size() == 1 ? sets[0] : mergeTraceSets(sets));
    std::vector<std::unique_ptr<LinkIndex>> links;
    for (const LoadedFile &lf : files)
        links.push_back(traces && lf.result.profile ? std::make_unique<LinkIndex>(LinkIndex::build(
                                                          *lf.result.profile, *traces, o.linkOptions()))
                                                    : nullptr);
    if (o.json) {
        JsonWriter j;
        j.beginObject().key("files").beginArray();
        for (size_t i = 0; i < files.size(); ++i)
            infoJson(j, files[i], links[i].get());
        j.endArray().endObject();
        std::cout << j.str() << '\n';
    } else {
        for (size_t i = 0; i < files.size(); ++i)
            infoText(files[i], links[i].get());
    }
    return kExitOk;
}

// ---------------------------------------------------------------- top

namespace {

struct MergedStat {
    int64_t flat = 0;
    int64_t cum = 0;
    int64_t baseCum = 0; // --diff-base: cum in the baseline
    double change = 0;   // --diff-base: cum share change, percentage points
};

} // namespace

int runTop(const CliOptions &o) {
    if (!o.focus.empty() && !QRegularExpression(QString::fromStdString(o.focus)).isValid())
        return fail("--focus: invalid regular expression '" + o.focus + "'");
    std::vector<LoadedFile> files;
    std::shared_ptr<const TraceSet> traces;
    std::vector<int> columns;
    if (!loadProfilesAndTraces(o.files, files, traces) || !resolveSampleTypes(files, o.sampleType, columns))
        return kExitBadInput;

    int64_t total = 0, selectedTotal = 0;
    uint64_t sampleCount = 0, selectedSamples = 0;
    bool filtered = false;
    std::unordered_map<std::string, MergedStat> merged;
    std::vector<std::string> order; // first-seen order, for a stable merge
    for (size_t i = 0; i < files.size(); ++i) {
        const auto &profile = files[i].result.profile;
        addTo(total, profile->total(static_cast<size_t>(columns[i])));
        sampleCount += profile->sampleCount();
        SelectionResult sel;
        if (!selectSamples(o, *profile, files[i].path, traces.get(), sel))
            return kExitBadInput;
        filtered = filtered || sel.filtered;
        Aggregator agg(profile);
        const FlameTree tree = agg.build(sel.selection, columns[i]);
        addTo(selectedTotal, tree.total());
        selectedSamples += tree.sampleCount;
        for (const FunctionStat &f : topFunctions(tree, *profile)) {
            std::string name(profile->strings.view(f.name));
            auto [it, inserted] = merged.try_emplace(name);
            if (inserted)
                order.push_back(name);
            addTo(it->second.flat, f.flat);
            addTo(it->second.cum, f.cum);
        }
    }
    const Profile &first = *files[0].result.profile;
    const std::string typeName = first.sampleTypeName(static_cast<size_t>(columns[0]));
    // --diff-base: the whole baseline profile, same sample type, functions by name.
    const bool diff = !o.diffBase.empty();
    int64_t baseTotal = 0;
    if (diff) {
        std::vector<LoadedFile> base;
        std::shared_ptr<const TraceSet> noTraces;
        std::vector<int> baseColumns;
        if (!loadProfilesAndTraces({o.diffBase}, base, noTraces) || !resolveSampleTypes(base, typeName, baseColumns))
            return kExitBadInput;
        for (size_t i = 0; i < base.size(); ++i) {
            const auto &profile = base[i].result.profile;
            Aggregator agg(profile);
            const FlameTree tree = agg.build(SampleSelection::everything(), baseColumns[i]);
            addTo(baseTotal, tree.total());
            for (const FunctionStat &f : topFunctions(tree, *profile)) {
                std::string name(profile->strings.view(f.name));
                const auto [it, inserted] = merged.try_emplace(name);
                if (inserted)
                    order.push_back(name); // only in the baseline: listed with zeros
                addTo(it->second.baseCum, f.cum);
            }
        }
        // Change of each function's share of the selected samples against the baseline.
        const auto share = [](int64_t v, int64_t of) { return of > 0 ? double(v) / double(of) : 0.0; };
        for (auto &entry : merged)
            entry.second.change =
                (share(entry.second.cum, selectedTotal) - share(entry.second.baseCum, baseTotal)) * 100;
    }
    std::vector<std::pair<const std::string *, MergedStat>> rows;
    rows.reserve(order.size());
    for (const std::string &n : order)
        rows.emplace_back(&n, merged[n]);
    std::stable_sort(rows.begin(), rows.end(), [diff](const auto &a, const auto &b) {
        if (diff && a.second.change != b.second.change)
            return a.second.change > b.second.change;
        if (a.second.flat != b.second.flat)
            return a.second.flat > b.second.flat;
        if (a.second.cum != b.second.cum)
            return a.second.cum > b.second.cum;
        return *a.first < *b.first;
    });
    const std::string unit(first.strings.view(first.sampleTypes[static_cast<size_t>(columns[0])].unit));
    size_t limit = rows.size();
    if (o.limit >= 0)
        limit = std::min(limit, static_cast<size_t>(o.limit));
    else if (!o.json)
        limit = std::min<size_t>(limit, 25);

    if (o.json) {
        JsonWriter j;
        j.beginObject().key("sample_type").value(typeName).key("total").value(total);
        j.key("sample_count").value(sampleCount);
        if (filtered)
            j.key("selected_total").value(selectedTotal).key("selected_sample_count").value(selectedSamples);
        if (diff)
            j.key("base_file").value(o.diffBase).key("base_total").value(baseTotal);
        j.key("function_count").value(static_cast<uint64_t>(rows.size()));
        j.key("functions").beginArray();
        for (size_t i = 0; i < limit; ++i) {
            j.beginObject()
                .key("name")
                .value(*rows[i].first)
                .key("flat")
                .value(rows[i].second.flat)
                .key("cum")
                .value(rows[i].second.cum);
            if (diff)
                j.key("base_cum").value(rows[i].second.baseCum).key("cum_change_pp").value(rows[i].second.change);
            j.endObject();
        }
        j.endArray().endObject();
        std::cout << j.str() << '\n';
        return kExitOk;
    }
    std::printf("Type: %s\n", typeName.c_str());
    if (filtered)
        std::printf("Selected: %s of %s total, %" PRIu64 " samples\n", formatValue(selectedTotal, unit).c_str(),
                    formatValue(total, unit).c_str(), selectedSamples);
    std::printf("Showing top %zu of %zu functions, %" PRIu64 " samples, total %s\n", limit, rows.size(), sampleCount,
                formatValue(total, unit).c_str());
    const double denom = total != 0 ? static_cast<double>(total) : 1.0;
    if (diff) {
        std::printf("Compared with %s: total %s; change = cum share of the selected samples minus cum share in "
                    "the baseline\n",
                    o.diffBase.c_str(), formatValue(baseTotal, unit).c_str());
        std::printf("%12s %7s %12s %7s %8s %9s  %s\n", "flat", "flat%", "cum", "cum%", "base%", "change", "name");
        const double baseDenom = baseTotal != 0 ? static_cast<double>(baseTotal) : 1.0;
        for (size_t i = 0; i < limit; ++i) {
            const MergedStat &s = rows[i].second;
            std::printf("%12s %6.2f%% %12s %6.2f%% %7.2f%% %+7.2fpp  %s\n", formatValue(s.flat, unit).c_str(),
                        100.0 * s.flat / denom, formatValue(s.cum, unit).c_str(), 100.0 * s.cum / denom,
                        100.0 * s.baseCum / baseDenom, s.change, sanitizeUtf8(*rows[i].first).c_str());
        }
        return kExitOk;
    }
    std::printf("%12s %7s %7s %12s %7s  %s\n", "flat", "flat%", "sum%", "cum", "cum%", "name");
    int64_t sum = 0;
    for (size_t i = 0; i < limit; ++i) {
        const MergedStat &s = rows[i].second;
        sum += s.flat;
        std::printf("%12s %6.2f%% %6.2f%% %12s %6.2f%%  %s\n", formatValue(s.flat, unit).c_str(),
                    100.0 * s.flat / denom, 100.0 * sum / denom, formatValue(s.cum, unit).c_str(),
                    100.0 * s.cum / denom, sanitizeUtf8(*rows[i].first).c_str());
    }
    return kExitOk;
}

// ---------------------------------------------------------------- folded

int runFolded(const CliOptions &o) {
    std::vector<LoadedFile> files;
    std::shared_ptr<const TraceSet> traces;
    std::vector<int> columns;
    if (!loadProfilesAndTraces(o.files, files, traces) || !resolveSampleTypes(files, o.sampleType, columns))
        return kExitBadInput;
    std::map<std::string, int64_t> stacks;
    std::vector<std::string> path; // stack of names along the pre-order walk
    for (size_t i = 0; i < files.size(); ++i) {
        const auto &profile = files[i].result.profile;
        SelectionResult sel;
        if (!selectSamples(o, *profile, files[i].path, traces.get(), sel))
            return kExitBadInput;
        Aggregator agg(profile);
        const FlameTree tree = agg.build(sel.selection, columns[i]);
        std::vector<size_t> prefixLen(tree.nodes.size(), 0); // length of the folded prefix ending at node
        std::string line;
        for (size_t n = 1; n < tree.nodes.size(); ++n) {
            const FlameNode &node = tree.nodes[n];
            std::string name(profile->frames.at(node.frame).name.valid()
                                 ? profile->strings.view(profile->frames.at(node.frame).name)
                                 : std::string_view());
            // ';' separates frames and '\n' ends the line: keep both out of names.
            for (char &c : name)
                if (c == ';' || c == '\n' || c == '\r')
                    c = ':';
            const size_t parentLen = node.parent == 0 ? 0 : prefixLen[node.parent];
            line.resize(parentLen);
            if (parentLen)
                line += ';';
            line += name;
            prefixLen[n] = line.size();
            if (node.self != 0)
                stacks[line] += node.self;
        }
    }
    std::string out;
    for (const auto &[stack, value] : stacks) {
        out += sanitizeUtf8(stack);
        out += ' ';
        out += std::to_string(value);
        out += '\n';
    }
    std::fwrite(out.data(), 1, out.size(), stdout);
    return kExitOk;
}

} // namespace spanfire::cli
