// Span timeline repaint benchmarks (issue 3, section 6: "timeline repaint under
// 16 ms for the 100 k-span trace at any zoom").
// One synthetic trace of 100 k spans (a seeded random recursive tree, 10 s,
// 8 services, events and errors sprinkled in) is rendered offscreen into a
// 1600x1000 image:
//  * FullRepaint/zoom: the base layer rebuilt at zoom level 1.6^-zoom (what a
//    wheel step or a drag costs), at a scroll position that moves each time;
//  * CachedRepaint: hover-style repaint from the cached base layer;
//  * SetTrace: selecting the trace (shown rows + minimap aggregation);
//  * CriticalPath: toggling the critical path on (model walk + repaint).
// And the trace list over 20 k traces of 50 spans (1 M spans): sorting by
// duration through the proxy, and the operation filter (a scan of all spans).
#include "model/tracesetbuilder.h"
#include "views/spantimelinewidget.h"
#include "views/tracelistmodel.h"

#include <QApplication>
#include <QImage>

#include <benchmark/benchmark.h>

#include <cmath>
#include <random>
#include <string>

using namespace spanfire;

namespace {

constexpr int64_t kMs = 1000000;
constexpr int64_t kBase = int64_t(1700000000) * 1000000000;

std::shared_ptr<const TraceSet> makeTrace(uint32_t spans) {
    TraceSetBuilder b;
    std::mt19937 rng(42);
    std::uniform_real_distribution<double> u(0, 1);
    const char *services[] = {"frontend", "cart", "db", "auth", "pricing", "search", "ads", "mail"};
    uint32_t resources[8];
    for (int i = 0; i < 8; ++i)
        resources[i] = b.addResource(b.intern(services[i]), nullptr, 0);
    std::vector<int64_t> start(spans), end(spans);
    TraceId trace;
    trace.bytes[15] = 1;
    for (uint32_t i = 0; i < spans; ++i) {
        SpanData d;
        d.traceId = trace;
        d.spanId = i + 1;
        if (i == 0) {
            start[0] = kBase;
            end[0] = kBase + 10000 * kMs;
        } else {
            const uint32_t parent = std::min(uint32_t(u(rng) * i), i - 1);
            d.parentSpanId = parent + 1;
            const double len = double(end[parent] - start[parent]);
            start[i] = start[parent] + int64_t(u(rng) * len * 0.8);
            end[i] = start[i] + int64_t((0.2 + 0.8 * u(rng)) * double(end[parent] - start[i]));
        }
        d.startNs = start[i];
        d.endNs = end[i];
        d.name = b.intern("op" + std::to_string(i % 97));
        d.resource = resources[i % 8];
        d.status = i % 101 == 0 ? StatusCode::Error : StatusCode::Unset;
        b.beginSpan(d);
        if (i % 13 == 0)
            b.addEvent(start[i] + (end[i] - start[i]) / 2, b.intern("log"));
    }
    return b.finish();
}

const std::shared_ptr<const TraceSet> &bigTrace() {
    static const std::shared_ptr<const TraceSet> set = makeTrace(100000);
    return set;
}

struct Fixture {
    views::SpanTimelineWidget widget;
    QImage target{1600, 1000, QImage::Format_ARGB32_Premultiplied};
    Fixture() {
        widget.resize(1600, 1000);
        widget.setTraceSet(bigTrace());
        widget.setTrace(0);
        widget.render(&target);
    }
};

void BM_TimelineFullRepaint(benchmark::State &state) {
    Fixture f;
    const int64_t len = std::max<int64_t>(int64_t(10000.0 * kMs / std::pow(1.6, double(state.range(0)))), 100);
    uint32_t step = 0;
    for (auto _ : state) {
        // Shift the window and the scroll position so that every paint is a full rebuild.
        const int64_t start = kBase + (10000 * kMs - len) * int64_t(step % 16) / 16;
        f.widget.zoomTo(start, start + len);
        f.widget.scrollToRow((step * 6151) % 100000);
        f.widget.invalidateCache();
        f.widget.render(&f.target);
        ++step;
    }
    state.counters["visible_ns"] = double(len);
}
BENCHMARK(BM_TimelineFullRepaint)->DenseRange(0, 40, 8)->Unit(benchmark::kMillisecond);

void BM_TimelineCachedRepaint(benchmark::State &state) {
    Fixture f;
    for (auto _ : state)
        f.widget.render(&f.target);
}
BENCHMARK(BM_TimelineCachedRepaint)->Unit(benchmark::kMillisecond);

void BM_TimelineSetTrace(benchmark::State &state) {
    Fixture f;
    for (auto _ : state) {
        f.widget.setTrace(-1);
        f.widget.setTrace(0);
        f.widget.render(&f.target);
    }
}
BENCHMARK(BM_TimelineSetTrace)->Unit(benchmark::kMillisecond);

void BM_TimelineCriticalPath(benchmark::State &state) {
    Fixture f;
    for (auto _ : state) {
        f.widget.setCriticalPathEnabled(true);
        f.widget.render(&f.target);
        f.widget.setCriticalPathEnabled(false);
    }
}
BENCHMARK(BM_TimelineCriticalPath)->Unit(benchmark::kMillisecond);

std::shared_ptr<const TraceSet> makeManyTraces(uint32_t traces, uint32_t spansPerTrace) {
    TraceSetBuilder b;
    std::mt19937 rng(7);
    std::uniform_real_distribution<double> u(0, 1);
    const char *services[] = {"frontend", "cart", "db", "auth", "pricing", "search", "ads", "mail"};
    uint32_t resources[8];
    for (int i = 0; i < 8; ++i)
        resources[i] = b.addResource(b.intern(services[i]), nullptr, 0);
    std::vector<int64_t> start(spansPerTrace), end(spansPerTrace);
    for (uint32_t t = 0; t < traces; ++t) {
        TraceId id;
        id.bytes[0] = uint8_t(t >> 16);
        id.bytes[1] = uint8_t(t >> 8);
        id.bytes[2] = uint8_t(t);
        for (uint32_t i = 0; i < spansPerTrace; ++i) {
            SpanData d;
            d.traceId = id;
            d.spanId = uint64_t(t) * spansPerTrace + i + 1;
            if (i == 0) {
                start[0] = kBase + int64_t(t) * 10 * kMs;
                end[0] = start[0] + int64_t(1 + u(rng) * 2000) * kMs;
            } else {
                const uint32_t parent = std::min(uint32_t(u(rng) * i), i - 1);
                d.parentSpanId = uint64_t(t) * spansPerTrace + parent + 1;
                start[i] = start[parent] + int64_t(u(rng) * double(end[parent] - start[parent]) * 0.8);
                end[i] = start[i] + int64_t(u(rng) * double(end[parent] - start[i]));
            }
            d.startNs = start[i];
            d.endNs = end[i];
            d.name = b.intern("op" + std::to_string((t * 31 + i) % 500));
            d.resource = resources[(t + i) % 8];
            b.beginSpan(d);
        }
    }
    return b.finish();
}

const std::shared_ptr<const TraceSet> &manyTraces() {
    static const std::shared_ptr<const TraceSet> set = makeManyTraces(20000, 50);
    return set;
}

void BM_TraceListSortByDuration(benchmark::State &state) {
    views::TraceListModel model;
    views::TraceListFilterModel proxy;
    proxy.setSourceModel(&model);
    model.setTraceSet(manyTraces());
    proxy.setTraceSet(manyTraces());
    bool ascending = true;
    for (auto _ : state) {
        proxy.sort(views::TraceListModel::DurationColumn, ascending ? Qt::AscendingOrder : Qt::DescendingOrder);
        ascending = !ascending;
        benchmark::DoNotOptimize(proxy.rowCount());
    }
}
BENCHMARK(BM_TraceListSortByDuration)->Unit(benchmark::kMillisecond);

void BM_TraceListOperationFilter(benchmark::State &state) {
    views::TraceListModel model;
    views::TraceListFilterModel proxy;
    proxy.setSourceModel(&model);
    model.setTraceSet(manyTraces());
    proxy.setTraceSet(manyTraces());
    int i = 0;
    for (auto _ : state) {
        proxy.setOperationFilter(QStringLiteral("op4") + QString::number(i++ % 10));
        benchmark::DoNotOptimize(proxy.rowCount());
    }
}
BENCHMARK(BM_TraceListOperationFilter)->Unit(benchmark::kMillisecond);

} // namespace

int main(int argc, char **argv) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
