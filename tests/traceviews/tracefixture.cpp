#include "tracefixture.h"

#include "model/tracesetbuilder.h"

#include <random>

namespace spanfire::testing {

TraceId fixtureTraceId(int trace) {
    TraceId id;
    id.bytes[0] = uint8_t(trace + 1);
    id.bytes[15] = 0xab;
    return id;
}

uint64_t fixtureSpanId(int trace, int span) {
    return uint64_t(trace + 1) * 1000 + uint64_t(span) + 1;
}

std::shared_ptr<const TraceSet> buildTraceSet(const std::vector<FixtureTrace> &traces) {
    TraceSetBuilder b;
    const uint32_t scope = b.addScope(b.intern("fixture-lib"), b.intern("1.2.3"), nullptr, 0);
    for (size_t t = 0; t < traces.size(); ++t) {
        for (size_t i = 0; i < traces[t].spans.size(); ++i) {
            const FixtureSpan &f = traces[t].spans[i];
            Attribute host;
            host.key = b.intern("host.name");
            host.type = AttrType::String;
            host.bits = b.intern("node-7").v;
            SpanData d;
            d.traceId = fixtureTraceId(int(t));
            d.spanId = fixtureSpanId(int(t), int(i));
            d.parentSpanId = f.parent >= 0 ? fixtureSpanId(int(t), f.parent) : 0;
            d.name = b.intern(f.name);
            d.resource = b.addResource(b.intern(f.service), &host, 1);
            d.scope = scope;
            d.kind = f.parent < 0 ? SpanKind::Server : SpanKind::Internal;
            d.status = f.error ? StatusCode::Error : StatusCode::Unset;
            if (f.error)
                d.statusMessage = b.intern("boom <i>bad</i>");
            d.startNs = f.startNs;
            d.endNs = f.endNs;
            b.beginSpan(d);
            for (const auto &[k, v] : f.attributes) {
                Attribute a;
                a.key = b.intern(k);
                a.type = AttrType::String;
                a.bits = b.intern(v).v;
                b.addAttribute(a);
            }
            for (int64_t e : f.events)
                b.addEvent(e, b.intern("log"));
            if (f.linkTrace >= 0)
                b.addLink(fixtureTraceId(f.linkTrace), fixtureSpanId(f.linkTrace, f.linkSpan), StringId(0));
        }
    }
    return b.finish();
}

std::shared_ptr<const TraceSet> checkoutTraceSet() {
    // Trace 0 (100 ms): GET /checkout with sequential children (auth 5-19,
    // cart.load 20-58, pricing 60-95 ms; gaps because Jaeger's critical path
    // takes children that end strictly before the cut-off); "audit" (30-40)
    // runs in parallel with cart.load and ends before it, so it is the only
    // span off the critical path. Root self time: 100 - 14 - 38 - 35 = 13 ms.
    // db.query (25-55) is an error; pricing has events at +10 and +20 ms.
    FixtureTrace checkout;
    checkout.spans = {
        {"GET /checkout", "frontend", -1, kBase, kBase + 100 * kMs, false, {}, -1, -1, {{"http.method", "GET"}}},
        {"auth", "auth", 0, kBase + 5 * kMs, kBase + 19 * kMs, false, {}, -1, -1, {}},
        {"cart.load", "cart", 0, kBase + 20 * kMs, kBase + 58 * kMs, false, {}, 1, 0, {}},
        {"db.query", "db", 2, kBase + 25 * kMs, kBase + 55 * kMs, true, {}, -1, -1, {}},
        {"audit", "audit", 0, kBase + 30 * kMs, kBase + 40 * kMs, false, {}, -1, -1, {}},
        {"pricing",
         "pricing",
         0,
         kBase + 60 * kMs,
         kBase + 95 * kMs,
         false,
         {kBase + 70 * kMs, kBase + 80 * kMs},
         -1,
         -1,
         {}},
        {"cache.get", "cache", 5, kBase + 62 * kMs, kBase + 64 * kMs, false, {}, -1, -1, {}},
    };
    // Trace 1 (later, 2 ms): an HTML-looking name that must be shown literally.
    FixtureTrace html;
    html.spans = {
        {"<b>x</b>",
         "<i>svc</i>",
         -1,
         kBase + 1000 * kMs,
         kBase + 1002 * kMs,
         false,
         {},
         -1,
         -1,
         {{"note", "<b>bold</b>"}}},
        {"child", "<i>svc</i>", 0, kBase + 1000 * kMs + 500000, kBase + 1001 * kMs, false, {}, -1, -1, {}},
    };
    return buildTraceSet({checkout, html});
}

std::shared_ptr<const TraceSet> bigTraceSet(uint32_t spans, uint32_t seed) {
    std::mt19937 rng(seed);
    std::uniform_real_distribution<double> u(0, 1);
    FixtureTrace t;
    t.spans.reserve(spans);
    const char *services[] = {"frontend", "cart", "db", "auth", "pricing", "search", "ads", "mail"};
    t.spans.push_back({"root", "frontend", -1, kBase, kBase + 10000 * kMs, false, {}, -1, -1, {}});
    for (uint32_t i = 1; i < spans; ++i) {
        // A random recursive tree (parent uniform among earlier spans: depth
        // ~ ln n, some very bushy nodes); children take 20-100 % of what is
        // left of the parent after their start.
        const int parent = std::min(int(u(rng) * i), int(i) - 1);
        const FixtureSpan &p = t.spans[size_t(parent)];
        const double len = double(p.endNs - p.startNs);
        const int64_t s = p.startNs + int64_t(u(rng) * len * 0.8);
        const int64_t e = s + int64_t((0.2 + 0.8 * u(rng)) * double(p.endNs - s));
        FixtureSpan f{"op" + std::to_string(i % 97), services[i % 8], parent, s, e, i % 101 == 0, {}, -1, -1, {}};
        if (i % 13 == 0)
            f.events = {s + (e - s) / 2};
        t.spans.push_back(std::move(f));
    }
    return buildTraceSet({t});
}

uint32_t rowByName(const TraceSet &set, const std::string &name) {
    for (uint32_t r = 0; r < set.spanCount(); ++r) {
        if (set.strings.view(set.name[r]) == name)
            return r;
    }
    return TraceSet::kNoRow;
}

} // namespace spanfire::testing
