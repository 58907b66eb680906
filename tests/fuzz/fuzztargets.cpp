#include "tests/fuzz/fuzztargets.h"

#include "importers/common/decompress.h"
#include "importers/common/importcontext.h"
#include "importers/folded/foldedimporter.h"
#include "importers/jaeger/jaegerjson.h"
#include "importers/otlp/otlpjson.h"
#include "importers/otlp/otlpproto.h"
#include "importers/otlp/profilesimport.h"
#include "importers/pprof/pprofimporter.h"
#include "importers/traces.h"
#include "importers/zipkin/zipkinjson.h"
#include "model/aggregator.h"
#include "model/spantable.h"

#include <simdjson.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace spanfire::fuzz {

namespace {

const char kName[] = "fuzz-input";

[[noreturn]] void contractBroken(const char *what, const std::string &detail) {
    std::fprintf(stderr, "importer contract broken: %s: %s\n", what, detail.c_str());
    std::abort();
}

// A failed import must name the file and say what is wrong.
void checkError(const ImportError &e) {
    if (e.file != kName)
        contractBroken("error does not name the file", e.toString());
    if (e.message.empty())
        contractBroken("error without a message", e.toString());
}

void checkResult(const ImportResult &r) {
    if (!r.ok) {
        checkError(r.error);
        return;
    }
    if (!r.profile && !r.traces)
        contractBroken("ok result without a profile or traces", r.format);
}

// Exercises what the views do first with a fresh profile: one flame tree per
// sample type, plus the inverted one, so that hostile values reach the model.
void aggregate(const std::shared_ptr<const Profile> &profile) {
    if (!profile)
        return;
    Aggregator agg(profile);
    for (size_t col = 0; col < profile->sampleTypes.size() && col < 4; ++col)
        agg.build(SampleSelection::everything(), int(col));
    if (!profile->sampleTypes.empty()) {
        Transforms t;
        t.inverted = true;
        t.collapseRecursion = true;
        agg.build(SampleSelection::everything(), profile->defaultSampleType, t);
    }
}

void runSniff(std::string_view bytes) {
    const Format f = sniff(bytes);
    if (!formatName(f))
        contractBroken("formatName", "null");
    (void)looksLikeTraces(bytes);
}

void runDecompress(std::string_view bytes, bool gzip) {
    const ImportOptions options = fuzzOptions();
    ImportContext ctx(kName, options);
    ByteBuffer out;
    const bool ok = gzip ? gunzip(ctx, bytes, out) : unzstd(ctx, bytes, out);
    if (ok && out.size() > options.limits.maxDecompressedBytes)
        contractBroken("decompressed past the limit", std::to_string(out.size()));
    // No reservation beyond what the input can produce (deflate: 1032:1) or
    // twice what it did produce: a header or trailer is not a size to trust.
    const uint64_t bound =
        std::max<uint64_t>(uint64_t(bytes.size()) * 1032 + (1u << 20), 2 * uint64_t(out.size()) + 65536);
    if (out.capacity() > bound)
        contractBroken("reserved far more than the input can produce", std::to_string(out.capacity()));
    if (!ok)
        checkError(ctx.error());
}

void runGzip(std::string_view bytes) {
    runDecompress(bytes, true);
}

void runZstd(std::string_view bytes) {
    runDecompress(bytes, false);
}

void runPprof(std::string_view bytes) {
    const ImportOptions options = fuzzOptions();
    ImportContext ctx(kName, options);
    std::shared_ptr<Profile> p = importPprof(ctx, bytes);
    if (!p)
        checkError(ctx.error());
    aggregate(p);
}

void runFolded(std::string_view bytes) {
    const ImportOptions options = fuzzOptions();
    ImportContext ctx(kName, options);
    std::shared_ptr<Profile> p = importFolded(ctx, bytes);
    if (!p)
        checkError(ctx.error());
    aggregate(p);
}

void runOtlpProfiles(std::string_view bytes) {
    const ImportOptions options = fuzzOptions();
    ImportContext ctx(kName, options);
    (void)looksLikeOtlpProfiles(bytes);
    std::shared_ptr<Profile> p = importOtlpProfiles(ctx, bytes);
    if (!p)
        checkError(ctx.error());
    aggregate(p);
}

// What a set holds, to compare two reads of the same bytes: one pass against
// the two-part read (two threads, a second builder joined), which must agree.
std::string shapeOf(const TraceSet &s) {
    std::string o = std::to_string(s.spanCount()) + " spans, " + std::to_string(s.traces.size()) + " traces, " +
                    std::to_string(s.strings.size()) + " strings, " + std::to_string(s.attributes.size()) +
                    " attributes, " + std::to_string(s.resources.size()) + " resources, " +
                    std::to_string(s.scopes.size()) + " scopes;";
    for (uint32_t r = 0; r < s.spanCount(); ++r)
        o += " " + std::to_string(s.spanId[r]) + "/" + std::to_string(s.parent[r]) + "/" + std::to_string(s.name[r].v) +
             "/" + std::to_string(s.attrEnd[r] - s.attrBegin[r]);
    for (const NamedCount &w : s.warnings)
        o += "; " + w.name + " " + std::to_string(w.count);
    return o;
}

void runOtlpProto(std::string_view bytes) {
    std::string shapes[2];
    ProtoTraceError errors[2];
    bool ok[2];
    for (int two = 0; two < 2; ++two) {
        TraceSetBuilder builder;
        builder.setParallelFrom(two ? 0 : SIZE_MAX);
        ok[two] = readOtlpTracesProto(builder, bytes, &errors[two], {}, two ? 0 : SIZE_MAX);
        if (!ok[two] && errors[two].message.empty())
            contractBroken("protobuf error without a message", std::to_string(errors[two].offset));
        const auto set = builder.finish();
        if (!set)
            contractBroken("finish() returned null", "");
        shapes[two] = shapeOf(*set);
    }
    if (ok[0] != ok[1] || errors[0].message != errors[1].message || errors[0].offset != errors[1].offset)
        contractBroken("the two-part protobuf read reports otherwise than one pass",
                       errors[0].message + " / " + errors[1].message);
    if (shapes[0] != shapes[1])
        contractBroken("the two-part protobuf read builds another model than one pass", shapes[0] + "\n" + shapes[1]);
}

// One JSON document through one reader, as traceimport.cpp dispatches it.
template <class Is, class Read> void runJson(std::string_view bytes, Is is, Read read) {
    simdjson::dom::parser parser;
    const simdjson::padded_string padded(bytes);
    simdjson::dom::element root;
    if (parser.parse(padded).get(root))
        return;
    if (!is(root))
        return;
    TraceSetBuilder builder;
    JsonTraceReader reader(builder);
    try {
        read(reader, root);
    } catch (const JsonSchemaError &e) {
        if (std::string(e.what()).empty())
            contractBroken("schema error without a message", "");
    }
    if (!builder.finish())
        contractBroken("finish() returned null", "");
}

void runOtlpJson(std::string_view bytes) {
    runJson(bytes, isOtlpTracesJson, readOtlpTracesJson);
}

void runJaeger(std::string_view bytes) {
    runJson(bytes, isJaegerJson, readJaegerJson);
}

void runZipkin(std::string_view bytes) {
    runJson(bytes, isZipkinJson, readZipkinJson);
}

void runTraces(std::string_view bytes) {
    const ImportResult one = [&] {
        ImportOptions o = fuzzOptions();
        o.twoThreadsFromBytes = UINT64_MAX;
        return importTraceBytes(kName, bytes, o);
    }();
    checkResult(one);
    // Two parts whatever the size: the same outcome.
    ImportOptions o = fuzzOptions();
    o.twoThreadsFromBytes = 0;
    const ImportResult two = importTraceBytes(kName, bytes, o);
    checkResult(two);
    if (one.ok != two.ok || one.error.toString() != two.error.toString() || one.format != two.format)
        contractBroken("the two-part read reports otherwise than one pass",
                       one.error.toString() + " / " + two.error.toString());
    if (one.traces && shapeOf(*one.traces) != shapeOf(*two.traces))
        contractBroken("the two-part read builds another model than one pass", one.format);
}

void runImportBytes(std::string_view bytes) {
    const ImportResult r = importBytes(kName, bytes, fuzzOptions());
    checkResult(r);
    aggregate(r.profile);
}

} // namespace

ImportOptions fuzzOptions() {
    ImportOptions o;
    o.limits.maxDecompressedBytes = 64ull << 20;
    o.limits.maxSamples = 4'000'000;
    o.limits.maxStringBytes = 64ull << 20;
    return o;
}

const std::vector<Target> &targets() {
    static const std::vector<Target> all = {
        {"sniff", runSniff},          {"gzip", runGzip},          {"zstd", runZstd},
        {"pprof", runPprof},          {"folded", runFolded},      {"otlp_profiles", runOtlpProfiles},
        {"otlp_proto", runOtlpProto}, {"otlp_json", runOtlpJson}, {"jaeger", runJaeger},
        {"zipkin", runZipkin},        {"traces", runTraces},      {"import_bytes", runImportBytes},
    };
    return all;
}

const Target *findTarget(std::string_view name) {
    for (const Target &t : targets())
        if (name == t.name)
            return &t;
    return nullptr;
}

} // namespace spanfire::fuzz
