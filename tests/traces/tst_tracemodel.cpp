// TraceSetBuilder / TraceSet on hand-made traces: layout invariants, orphans,
// duplicates, cycles, Zipkin shared spans, self time and critical path.
#include "model/tracesetbuilder.h"
#include "tracedump.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <numeric>
#include <random>
#include <sstream>
#include <string>

using namespace spanfire;

namespace {

TraceId traceOf(uint8_t n) {
    TraceId t;
    t.bytes[15] = n;
    t.bytes[0] = 0xab;
    return t;
}

class Fixture {
public:
    explicit Fixture(const char *service = "svc") {
        const StringId svc = b.intern(service);
        Attribute a;
        a.key = b.intern("service.name");
        a.type = AttrType::String;
        a.bits = svc.v;
        res = b.addResource(svc, &a, 1);
        scope = b.addScope(b.intern("lib"), b.intern("1.0"), nullptr, 0);
    }
    void span(uint64_t id, uint64_t parent, int64_t start, int64_t end, uint8_t trace = 1, bool shared = false,
              StatusCode status = StatusCode::Unset, const char *name = nullptr) {
        SpanData d;
        d.traceId = traceOf(trace);
        d.spanId = id;
        d.parentSpanId = parent;
        d.startNs = start;
        d.endNs = end;
        d.resource = res;
        d.scope = scope;
        d.shared = shared;
        d.status = status;
        d.name = b.intern(name ? std::string(name) : "op" + std::to_string(id));
        b.beginSpan(d);
    }
    TraceSetBuilder b;
    uint32_t res = 0, scope = 0;
};

std::vector<uint64_t> idsInRowOrder(const TraceSet &s) {
    return s.spanId;
}

uint64_t warning(const TraceSet &s, const std::string &prefix) {
    for (const NamedCount &w : s.warnings)
        if (w.name.rfind(prefix, 0) == 0)
            return w.count;
    return 0;
}

// Checks every documented layout invariant of a finished set.
void checkInvariants(const TraceSet &s) {
    const uint32_t n = uint32_t(s.spanCount());
    ASSERT_EQ(s.childOffsets.size(), n + 1);
    ASSERT_EQ(s.attrBegin.size(), n);
    ASSERT_EQ(s.attrEnd.size(), n);
    for (uint32_t r = 0; r < n; ++r) {
        if (s.parent[r] != TraceSet::kNoRow) {
            EXPECT_LT(s.parent[r], r);
            EXPECT_EQ(s.depth[r], s.depth[s.parent[r]] + 1);
            EXPECT_LE(s.subtreeEnd[r], s.subtreeEnd[s.parent[r]]);
            EXPECT_EQ(s.trace[r], s.trace[s.parent[r]]);
        } else {
            EXPECT_EQ(s.depth[r], 0u);
        }
        EXPECT_GT(s.subtreeEnd[r], r);
        for (uint32_t d = r + 1; d < s.subtreeEnd[r]; ++d) {
            uint32_t a = d;
            while (a != TraceSet::kNoRow && a != r)
                a = s.parent[a];
            EXPECT_EQ(a, r) << "row " << d << " inside subtree of " << r << " is not a descendant";
        }
        int64_t lastStart = INT64_MIN;
        for (uint32_t k = s.childOffsets[r]; k < s.childOffsets[r + 1]; ++k) {
            const uint32_t c = s.childIds[k];
            EXPECT_EQ(s.parent[c], r);
            EXPECT_GE(s.startNs[c], lastStart);
            lastStart = s.startNs[c];
        }
        EXPECT_NE(s.find(s.traceId[r], s.spanId[r]), TraceSet::kNoRow);
    }
    uint32_t rows = 0;
    for (uint32_t t = 0; t < s.traces.size(); ++t) {
        const TraceSummary &ts = s.traces[t];
        EXPECT_EQ(ts.firstRow, rows);
        rows = ts.endRow;
        EXPECT_EQ(ts.spanCount, ts.endRow - ts.firstRow);
        EXPECT_EQ(s.findTrace(ts.id), int(t));
        if (t > 0) {
            EXPECT_LE(s.traces[t - 1].startNs, ts.startNs);
        }
    }
    EXPECT_EQ(rows, n);
}

} // namespace

TEST(TraceModel, PreOrderWithChildrenByStart) {
    Fixture f;
    // Inserted in scrambled order: D, B, A, C.
    f.span(4, 2, 20, 40); // D child of B
    f.span(2, 1, 10, 50); // B child of A
    f.span(1, 0, 0, 100); // A root
    f.span(3, 1, 5, 30);  // C child of A, starts before B
    auto s = f.b.finish();
    checkInvariants(*s);
    EXPECT_EQ(idsInRowOrder(*s), (std::vector<uint64_t>{1, 3, 2, 4}));
    EXPECT_EQ(s->parent, (std::vector<uint32_t>{TraceSet::kNoRow, 0, 0, 2}));
    EXPECT_EQ(s->subtreeEnd, (std::vector<uint32_t>{4, 2, 4, 4}));
    EXPECT_EQ(s->depth, (std::vector<uint32_t>{0, 1, 1, 2}));
    EXPECT_EQ(s->childOffsets, (std::vector<uint32_t>{0, 2, 2, 3, 3}));
    EXPECT_EQ(s->childIds, (std::vector<uint32_t>{1, 2, 3}));
    ASSERT_EQ(s->traces.size(), 1u);
    EXPECT_EQ(s->traces[0].root.v, 0u);
    EXPECT_EQ(s->traces[0].durationNs(), 100);
    EXPECT_EQ(s->find(traceOf(1), 2), 2u);
    EXPECT_EQ(s->find(traceOf(2), 2), TraceSet::kNoRow);
    EXPECT_EQ(s->findSpan(4), 3u);
    EXPECT_EQ(s->findSpan(99), TraceSet::kNoRow);
    EXPECT_TRUE(s->warnings.empty());
}

TEST(TraceModel, TracesOrderedByStartWithSummaries) {
    Fixture f;
    f.span(10, 0, 500, 900, 2);
    f.span(11, 10, 600, 950, 2, false, StatusCode::Error);
    f.span(20, 0, 100, 200, 3);
    f.span(30, 77, 300, 400, 3); // orphan in trace 3
    f.span(40, 78, 50, 60, 4);   // trace 4: an orphan starting before the true root
    f.span(41, 0, 70, 80, 4);
    auto s = f.b.finish();
    checkInvariants(*s);
    ASSERT_EQ(s->traces.size(), 3u);
    EXPECT_EQ(s->traces[0].id, traceOf(4));
    EXPECT_EQ(s->spanId[s->traces[0].root.v], 41u); // the true root, not the earlier orphan
    EXPECT_EQ(s->traces[0].firstRow, 0u);
    EXPECT_EQ(s->spanId[0], 40u);
}

TEST(TraceModel, SummariesAndOrphans) {
    Fixture f;
    f.span(10, 0, 500, 900, 2);
    f.span(11, 10, 600, 950, 2, false, StatusCode::Error);
    f.span(20, 0, 100, 200, 3);
    f.span(30, 77, 300, 400, 3); // orphan in trace 3
    auto s = f.b.finish();
    checkInvariants(*s);
    ASSERT_EQ(s->traces.size(), 2u);
    EXPECT_EQ(s->traces[0].id, traceOf(3));
    EXPECT_EQ(s->traces[0].spanCount, 2u);
    EXPECT_EQ(s->traces[0].orphanCount, 1u);
    EXPECT_EQ(s->traces[0].startNs, 100);
    EXPECT_EQ(s->traces[0].endNs, 400);
    EXPECT_EQ(s->traces[1].errorCount, 1u);
    EXPECT_EQ(s->traces[1].endNs, 950);
    ASSERT_EQ(s->services.size(), 1u);
    EXPECT_EQ(s->strings.view(s->services[0]), "svc");
    EXPECT_EQ(s->operations.size(), 4u);
    EXPECT_GE(s->findOperation(s->services[0], s->strings.find("op11")), 0);
    const uint32_t orphan = s->find(traceOf(3), 30);
    EXPECT_TRUE(s->flags[orphan] & TraceSet::kOrphan);
    EXPECT_EQ(s->parent[orphan], TraceSet::kNoRow);
    EXPECT_EQ(s->parentSpanId[orphan], 77u);
    EXPECT_EQ(warning(*s, "spans whose parent is missing"), 1u);
    EXPECT_EQ(s->rootsOf(0).size(), 2u);
}

TEST(TraceModel, AttributesEventsAndLinksFollowTheirSpan) {
    Fixture f;
    auto attr = [&](const char *key, int64_t v) {
        Attribute a;
        a.key = f.b.intern(key);
        a.type = AttrType::Int;
        a.bits = uint64_t(v);
        return a;
    };
    // Child first, with events out of time order; then the root.
    f.span(2, 1, 10, 20);
    f.b.addAttribute(attr("child.a", 1));
    f.b.addEvent(15, f.b.intern("late"));
    f.b.addEventAttribute(attr("e.late", 3));
    f.b.addEvent(11, f.b.intern("early"));
    f.b.addEventAttribute(attr("e.early", 4));
    f.b.addAttribute(attr("child.b", 2)); // after the events: still the span's
    f.span(1, 0, 0, 100);
    f.b.addAttribute(attr("root.a", 5));
    f.b.addLink(traceOf(9), 77, f.b.intern("st"));
    f.b.addLinkAttribute(attr("l.a", 6));
    auto s = f.b.finish();
    checkInvariants(*s);
    ASSERT_EQ(s->spanId, (std::vector<uint64_t>{1, 2}));
    auto keys = [&](uint32_t b, uint32_t e) {
        std::vector<std::string> k;
        for (uint32_t i = b; i < e; ++i)
            k.push_back(s->strings.str(s->attributes[i].key));
        return k;
    };
    EXPECT_EQ(keys(s->attrBegin[0], s->attrEnd[0]), (std::vector<std::string>{"root.a"}));
    EXPECT_EQ(keys(s->attrBegin[1], s->attrEnd[1]), (std::vector<std::string>{"child.a", "child.b"}));
    ASSERT_EQ(s->eventOffsets, (std::vector<uint32_t>{0, 0, 2}));
    EXPECT_EQ(s->strings.view(s->events[0].name), "early"); // sorted by time
    EXPECT_EQ(keys(s->events[0].attrBegin, s->events[0].attrEnd), (std::vector<std::string>{"e.early"}));
    EXPECT_EQ(keys(s->events[1].attrBegin, s->events[1].attrEnd), (std::vector<std::string>{"e.late"}));
    ASSERT_EQ(s->linkOffsets, (std::vector<uint32_t>{0, 1, 1}));
    EXPECT_EQ(s->links[0].spanId, 77u);
    EXPECT_EQ(keys(s->links[0].attrBegin, s->links[0].attrEnd), (std::vector<std::string>{"l.a"}));
    for (uint32_t r = 0; r < 2; ++r) // event attributes lie outside every span's range
        EXPECT_TRUE(s->events[0].attrBegin >= s->attrEnd[r] || s->events[0].attrEnd <= s->attrBegin[r]);
    EXPECT_GT(s->memoryBytes(), 0u);
}

TEST(TraceModel, DuplicatesDroppedAndCounted) {
    Fixture f;
    f.span(1, 0, 0, 10);
    f.span(2, 1, 1, 5);
    f.span(2, 1, 1, 5);
    f.span(2, 1, 2, 6);
    auto s = f.b.finish();
    EXPECT_EQ(s->spanCount(), 2u);
    EXPECT_EQ(warning(*s, "duplicate spans dropped"), 2u);
    EXPECT_EQ(s->startNs[1], 1); // the first copy is kept
}

TEST(TraceModel, ZipkinSharedSpansKeptAsClientAndServer) {
    Fixture f;
    f.span(1, 0, 0, 100);          // root
    f.span(5, 1, 10, 90);          // client
    f.span(5, 1, 12, 88, 1, true); // server (shared), same id
    f.span(6, 5, 20, 60);          // child of id 5 -> the server side
    auto s = f.b.finish();
    checkInvariants(*s);
    ASSERT_EQ(s->spanCount(), 4u);
    EXPECT_EQ(s->spanId, (std::vector<uint64_t>{1, 5, 5, 6}));
    EXPECT_EQ(s->parent, (std::vector<uint32_t>{TraceSet::kNoRow, 0, 1, 2}));
    EXPECT_EQ(s->warnings.size(), 0u);
}

TEST(TraceModel, CyclesDoNotHang) {
    Fixture f;
    f.span(1, 2, 0, 10);
    f.span(2, 3, 1, 10);
    f.span(3, 1, 2, 10);
    f.span(4, 4, 3, 5); // its own parent
    f.span(9, 0, 50, 60);
    auto s = f.b.finish();
    checkInvariants(*s);
    EXPECT_EQ(s->spanCount(), 5u);
    EXPECT_EQ(warning(*s, "span parent cycles broken"), 1u);
    EXPECT_EQ(warning(*s, "spans that are their own parent"), 1u);
    const uint32_t r1 = s->find(traceOf(1), 1);
    EXPECT_EQ(s->parent[r1], TraceSet::kNoRow); // broken at the earliest span
    EXPECT_TRUE(s->flags[r1] & TraceSet::kOrphan);
    EXPECT_EQ(s->subtreeEnd[r1] - r1, 3u);
    EXPECT_FALSE(s->criticalPath(0).empty());
}

TEST(TraceModel, RandomInsertionOrderGivesSameLayout) {
    std::vector<std::array<int64_t, 4>> spans; // id, parent, start, end
    std::mt19937 rng(7);
    spans.push_back({1, 0, 0, 1000});
    for (int64_t id = 2; id <= 300; ++id) {
        const int64_t parent = 1 + int64_t(rng() % uint32_t(id - 1));
        const int64_t start = int64_t(rng() % 900);
        spans.push_back({id, parent, start, start + int64_t(rng() % 100)});
    }
    auto build = [&](unsigned seed) {
        auto order = spans;
        std::shuffle(order.begin(), order.end(), std::mt19937(seed));
        Fixture f;
        for (auto &x : order)
            f.span(uint64_t(x[0]), uint64_t(x[1]), x[2], x[3]);
        return f.b.finish();
    };
    auto a = build(1), b = build(2);
    checkInvariants(*a);
    EXPECT_EQ(a->spanId, b->spanId);
    EXPECT_EQ(a->parent, b->parent);
    EXPECT_EQ(a->subtreeEnd, b->subtreeEnd);
}

TEST(TraceModel, MergeOfPartsEqualsWhole) {
    Fixture whole;
    Fixture part1, part2;
    const int64_t spans[][4] = {{1, 0, 0, 100}, {2, 1, 10, 50}, {3, 1, 60, 90}, {4, 3, 61, 70}};
    for (auto &x : spans)
        whole.span(uint64_t(x[0]), uint64_t(x[1]), x[2], x[3]);
    part1.span(4, 3, 61, 70);
    part1.span(1, 0, 0, 100);
    part2.span(2, 1, 10, 50);
    part2.span(3, 1, 60, 90);
    part2.span(3, 1, 60, 90); // also in another file: a duplicate
    auto w = whole.b.finish();
    auto p1 = part1.b.finish();
    auto p2 = part2.b.finish();
    EXPECT_EQ(p1->traces[0].orphanCount, 1u);
    auto m = mergeTraceSets({p1, nullptr, p2});
    checkInvariants(*m);
    EXPECT_EQ(m->spanId, w->spanId);
    EXPECT_EQ(m->parent, w->parent);
    EXPECT_EQ(m->traces[0].orphanCount, 0u);
    EXPECT_EQ(m->strings.view(m->serviceOf(0)), "svc");
    EXPECT_EQ(warning(*m, "duplicate spans dropped"), 1u);
}

// ---- self time ----------------------------------------------------------------

TEST(TraceModel, SelfTime) {
    struct Case {
        const char *name;
        std::vector<std::array<int64_t, 2>> children;
        int64_t expected;
    };
    const Case cases[] = {
        {"no children", {}, 100},
        {"overlapping children", {{10, 50}, {30, 70}}, 40},
        {"child outliving parent", {{80, 150}}, 80},
        {"child starting before parent", {{-20, 10}}, 90},
        {"gaps", {{10, 20}, {40, 50}}, 80},
        {"contained child", {{10, 90}, {20, 30}}, 20},
        {"child outside parent", {{200, 300}}, 100},
        {"children cover all", {{0, 60}, {50, 100}}, 0},
    };
    for (const Case &c : cases) {
        Fixture f;
        f.span(1, 0, 0, 100);
        uint64_t id = 2;
        for (auto &ch : c.children)
            f.span(id++, 1, ch[0], ch[1]);
        auto s = f.b.finish();
        EXPECT_EQ(s->selfTimeNs(s->find(traceOf(1), 1)), c.expected) << c.name;
    }
    // Grandchildren do not count against the root, only direct children.
    Fixture f;
    f.span(1, 0, 0, 100);
    f.span(2, 1, 10, 20);
    f.span(3, 2, 10, 90); // grandchild outliving its parent
    auto s = f.b.finish();
    EXPECT_EQ(s->selfTimeNs(0), 90);
    EXPECT_EQ(s->selfTimeNs(1), 0);
}

// ---- critical path (jaeger-ui semantics) --------------------------------------

namespace {
struct Sec {
    uint64_t span;
    int64_t start, end;
    bool operator==(const Sec &o) const { return span == o.span && start == o.start && end == o.end; }
};
std::ostream &operator<<(std::ostream &os, const Sec &s) {
    return os << "{" << s.span << " " << s.start << ".." << s.end << "}";
}
std::vector<Sec> sections(const TraceSet &s, uint32_t trace = 0) {
    std::vector<Sec> out;
    for (const CriticalPathSection &c : s.criticalPathSections(trace))
        out.push_back({s.spanId[c.row], c.startNs, c.endNs});
    return out;
}
} // namespace

TEST(TraceModel, CriticalPathSequentialChildren) {
    Fixture f;
    f.span(1, 0, 0, 100);
    f.span(2, 1, 10, 40);
    f.span(3, 1, 50, 90);
    auto s = f.b.finish();
    EXPECT_EQ(sections(*s), (std::vector<Sec>{{1, 90, 100}, {3, 50, 90}, {1, 40, 50}, {2, 10, 40}, {1, 0, 10}}));
    EXPECT_EQ(s->criticalPath(0), (std::vector<uint32_t>{0, 1, 2}));
}

TEST(TraceModel, CriticalPathOverlappingChildren) {
    Fixture f;
    f.span(1, 0, 0, 100);
    f.span(2, 1, 10, 80);
    f.span(3, 1, 20, 60); // hidden behind 2, which finishes later
    auto s = f.b.finish();
    EXPECT_EQ(sections(*s), (std::vector<Sec>{{1, 80, 100}, {2, 10, 80}, {1, 0, 10}}));
    EXPECT_EQ(s->criticalPath(0).size(), 2u);
}

TEST(TraceModel, CriticalPathChildOutlivingParentIsClipped) {
    Fixture f;
    f.span(1, 0, 0, 100);
    f.span(2, 1, 50, 150);
    f.span(3, 1, 120, 130); // starts after the parent ended: dropped
    auto s = f.b.finish();
    EXPECT_EQ(sections(*s), (std::vector<Sec>{{2, 50, 100}, {1, 0, 50}}));
}

TEST(TraceModel, CriticalPathNestedWithGaps) {
    Fixture f;
    f.span(1, 0, 0, 100);
    f.span(2, 1, 10, 90);
    f.span(3, 2, 20, 60);
    f.span(4, 2, 65, 70);
    auto s = f.b.finish();
    EXPECT_EQ(
        sections(*s),
        (std::vector<Sec>{{1, 90, 100}, {2, 70, 90}, {4, 65, 70}, {2, 60, 65}, {3, 20, 60}, {2, 10, 20}, {1, 0, 10}}));
    // Sections tile the root's interval exactly.
    int64_t total = 0;
    for (const Sec &x : sections(*s))
        total += x.end - x.start;
    EXPECT_EQ(total, 100);
}

TEST(TraceModel, CriticalPathChildStartingBeforeParent) {
    Fixture f;
    f.span(1, 0, 0, 100);
    f.span(2, 1, -50, 30); // clipped to [0, 30]
    auto s = f.b.finish();
    EXPECT_EQ(sections(*s), (std::vector<Sec>{{1, 30, 100}, {2, 0, 30}}));
}

TEST(TraceModel, IdHexRoundTrip) {
    TraceId t;
    ASSERT_TRUE(parseTraceIdHex("5B8EFFF798038103D269B633813FC60C", &t));
    EXPECT_EQ(t.hex(), "5b8efff798038103d269b633813fc60c");
    ASSERT_TRUE(parseTraceIdHex("0x1e223ff1f80f1c69", &t));
    EXPECT_EQ(t.hex(), "00000000000000001e223ff1f80f1c69");
    uint64_t s = 0;
    ASSERT_TRUE(parseSpanIdHex("abc", &s)); // old Jaeger clients drop leading zeros
    EXPECT_EQ(spanIdHex(s), "0000000000000abc");
    EXPECT_FALSE(parseSpanIdHex("", &s));
    EXPECT_FALSE(parseSpanIdHex("12345678901234567", &s));
    EXPECT_FALSE(parseTraceIdHex("zz", &t));
}

// finish() dedups and finds parents in a table per run of one trace's spans
// when every trace is one run; otherwise duplicates through a hash of all
// spans, parents in a table per long run, among the neighbours (short runs) or
// through that hash: the same spans in any arrival order give the same set.
TEST(TraceModel, ParentsAlikeInLongRunsAndScatteredOrder) {
    struct Gen {
        uint8_t trace;
        uint64_t id, parent;
        int64_t start;
    };
    std::mt19937_64 rng(11);
    std::vector<std::vector<Gen>> traces;
    for (int t = 0; t < 60; ++t) {
        const int m = t == 0 ? 3000 : 1 + int(rng() % 40);
        std::vector<Gen> spans;
        for (int k = 0; k < m; ++k) {
            Gen g{uint8_t(t + 1), (rng() | 1) & 0xffffffffffull, 0, int64_t(rng() % 100000)};
            const uint64_t roll = rng() % 100;
            if (k > 0 && roll < 90)
                g.parent = spans[rng() % spans.size()].id; // an earlier span: no cycles
            else if (roll < 95)
                g.parent = 2; // missing (ids are odd): an orphan
            else if (roll < 97)
                g.parent = g.id; // its own parent
            spans.push_back(g);
        }
        for (int k = 0; k < m / 20; ++k) // exact copies: duplicates
            spans.push_back(spans[rng() % spans.size()]);
        traces.push_back(spans);
    }
    auto build = [&](const std::vector<Gen> &order) {
        Fixture f;
        for (const Gen &g : order)
            f.span(g.id, g.parent, g.start, g.start + 10, g.trace);
        return f.b.finish();
    };
    // Grouped by trace, each trace's spans shuffled (one run per trace); then
    // the same with a third of the traces split in two runs with other
    // traces in between; then all shuffled.
    std::vector<Gen> whole, grouped, tails;
    for (std::vector<Gen> spans : traces) {
        std::shuffle(spans.begin(), spans.end(), rng);
        whole.insert(whole.end(), spans.begin(), spans.end());
        const size_t cut = rng() % 3 == 0 ? spans.size() / 2 : spans.size();
        grouped.insert(grouped.end(), spans.begin(), spans.begin() + long(cut));
        tails.insert(tails.end(), spans.begin() + long(cut), spans.end());
    }
    grouped.insert(grouped.end(), tails.begin(), tails.end());
    std::vector<Gen> scattered = grouped;
    std::shuffle(scattered.begin(), scattered.end(), rng);

    auto a = build(whole);
    checkInvariants(*a);
    for (const auto &order : {grouped, scattered}) {
        auto b = build(order);
        checkInvariants(*b);
        ASSERT_EQ(a->spanCount(), b->spanCount());
        EXPECT_EQ(a->spanId, b->spanId);
        EXPECT_EQ(a->traceId, b->traceId);
        EXPECT_EQ(a->parent, b->parent);
        EXPECT_EQ(a->parentSpanId, b->parentSpanId);
        EXPECT_EQ(a->flags, b->flags);
        EXPECT_EQ(a->childIds, b->childIds);
        for (const char *w : {"duplicate spans dropped", "spans whose parent is missing (orphans)",
                              "spans that are their own parent", "span parent cycles broken"})
            EXPECT_EQ(warning(*a, w), warning(*b, w)) << w;
    }
    EXPECT_GT(warning(*a, "duplicate spans dropped"), 100u);
    EXPECT_GT(warning(*a, "spans whose parent is missing (orphans)"), 100u);
    EXPECT_GT(warning(*a, "spans that are their own parent"), 50u);
    // Every span whose parent id is present has that span as its parent.
    for (uint32_t r = 0; r < a->spanCount(); ++r) {
        const uint32_t p = a->find(a->traceId[r], a->parentSpanId[r]);
        if (a->parentSpanId[r] == 0 || p == r)
            EXPECT_EQ(a->parent[r], TraceSet::kNoRow);
        else
            EXPECT_EQ(a->parent[r], p) << "row " << r;
    }
}

namespace {

// Spans of 300 traces (one of 20 000 spans) from 7 services: attributes with
// repeated and unique string values, events, links, errors, duplicates,
// orphans and self-parents; grouped by trace or shuffled.
struct GenSpan {
    uint32_t trace;
    uint64_t id, parent;
    int64_t start;
    int service;
};

std::vector<GenSpan> genSpans(bool shuffled) {
    std::mt19937_64 rng(5);
    std::vector<GenSpan> all;
    for (uint32_t t = 0; t < 300; ++t) {
        const int m = t == 7 ? 20000 : 1 + int(rng() % 200);
        std::vector<GenSpan> spans;
        for (int k = 0; k < m; ++k) {
            GenSpan g{t, (rng() | 1) & 0xffffffffffull, 0, int64_t(rng() % 1000000), int(rng() % 7)};
            const uint64_t roll = rng() % 100;
            if (k > 0 && roll < 93)
                g.parent = spans[size_t(k) - 1 - rng() % std::min<size_t>(spans.size(), 6)].id;
            else if (k > 0 && roll < 97)
                g.parent = 2; // missing: an orphan
            else if (k > 0 && roll < 98)
                g.parent = g.id; // its own parent
            spans.push_back(g);
        }
        for (int k = 0; k < m / 50; ++k)
            spans.push_back(spans[rng() % spans.size()]); // duplicates
        all.insert(all.end(), spans.begin(), spans.end());
    }
    if (shuffled)
        std::shuffle(all.begin(), all.end(), rng);
    return all;
}

TraceId genTrace(uint32_t t) {
    TraceId id;
    for (int b = 0; b < 4; ++b)
        id.bytes[12 + b] = uint8_t(t >> (8 * (3 - b)));
    id.bytes[0] = 0x42;
    return id;
}

// Adds spans [from, to) the way an importer does: strings interned as met,
// resources and scopes registered as they appear.
void feed(TraceSetBuilder &b, const std::vector<GenSpan> &spans, size_t from, size_t to) {
    for (size_t i = from; i < to; ++i) {
        const GenSpan &g = spans[i];
        Attribute res[2];
        res[0].key = b.intern("service.name");
        res[0].type = AttrType::String;
        const StringId svc = b.intern("service-" + std::to_string(g.service));
        res[0].bits = svc.v;
        res[1].key = b.intern("host.name");
        res[1].type = AttrType::String;
        res[1].bits = b.intern("host-" + std::to_string(g.service % 3)).v;
        SpanData d;
        d.traceId = genTrace(g.trace);
        d.spanId = g.id;
        d.parentSpanId = g.parent;
        d.startNs = g.start;
        d.endNs = g.start + int64_t(g.id % 5000);
        d.resource = b.addResource(svc, res, 2);
        d.scope = b.addScope(b.intern(g.service % 2 ? "lib.a" : "lib.b"), b.intern("1.0"), nullptr, 0);
        d.name = b.intern("op" + std::to_string(g.id % 23));
        d.kind = SpanKind(g.id % 6);
        d.status = g.id % 31 == 0 ? StatusCode::Error : StatusCode::Ok;
        if (d.status == StatusCode::Error)
            d.statusMessage = b.intern("failed " + std::to_string(g.id % 4));
        b.beginSpan(d);
        Attribute a;
        a.key = b.intern("http.route");
        a.type = AttrType::String;
        a.bits = b.intern("/r/" + std::to_string(g.id % 40)).v;
        b.addAttribute(a);
        a.key = b.intern("request.id");
        a.bits = b.intern("req-" + std::to_string(g.id)).v; // unique
        b.addAttribute(a);
        a.key = b.intern("size");
        a.type = AttrType::Int;
        a.bits = g.id % 1000;
        b.addAttribute(a);
        if (g.id % 5 == 0) {
            b.addEvent(g.start + 7, b.intern("exception"));
            a.key = b.intern("exception.type");
            a.type = AttrType::String;
            a.bits = b.intern("E" + std::to_string(g.id % 9)).v;
            b.addEventAttribute(a);
            b.addEvent(g.start + 3, b.intern("retry")); // out of time order
        }
        if (g.id % 11 == 0) {
            b.addLink(genTrace(g.trace + 1), g.id ^ 0xff, b.intern("st=" + std::to_string(g.id % 3)));
            a.key = b.intern("link.kind");
            a.type = AttrType::Bool;
            a.bits = 1;
            b.addLinkAttribute(a);
        }
        if (g.id % 97 == 0)
            b.addWarning("generated warning " + std::to_string(g.id % 2));
    }
}

} // namespace

// finish() lays out large sets on two threads (runs, children, the walk per
// trace, the columns): the same spans give the identical set on one thread.
TEST(TraceModel, SameLayoutOnOneOrTwoThreads) {
    for (bool shuffled : {false, true}) {
        const std::vector<GenSpan> spans = genSpans(shuffled);
        ASSERT_GT(spans.size(), 2 * TraceSetBuilder::kParallelSpans / 2);
        TraceSetBuilder one, two;
        one.setParallelFrom(SIZE_MAX);
        two.setParallelFrom(0);
        feed(one, spans, 0, spans.size());
        feed(two, spans, 0, spans.size());
        auto a = one.finish(), b = two.finish();
        checkInvariants(*a);
        EXPECT_GT(warning(*a, "duplicate spans dropped"), 100u);
        EXPECT_GT(warning(*a, "spans whose parent is missing (orphans)"), 100u);
        EXPECT_GT(warning(*a, "spans that are their own parent"), 10u);
        EXPECT_EQ(a->traces.size(), 300u);
        const std::string la = exactLayout(*a), lb = exactLayout(*b);
        EXPECT_TRUE(la == lb) << "shuffled " << shuffled << ": the layouts differ";
    }
}

// takeStaged(): spans decoded into two builders (as the two threads of a
// protobuf import do) and joined give the set one builder would have made,
// string ids, resources, scopes and the attribute array included; and the
// spans of a trace split between the two parts still meet.
TEST(TraceModel, TakeStagedEqualsOneBuilder) {
    for (bool shuffled : {false, true}) {
        const std::vector<GenSpan> spans = genSpans(shuffled);
        for (size_t cut : {size_t(0), spans.size() / 3, spans.size() / 2 + 17, spans.size()}) {
            for (size_t threads : {size_t(0), SIZE_MAX}) {
                TraceSetBuilder whole, first, second;
                whole.setParallelFrom(threads);
                first.setParallelFrom(threads);
                whole.addSource("a.binpb", "OTLP protobuf");
                first.addSource("a.binpb", "OTLP protobuf");
                feed(whole, spans, 0, spans.size());
                feed(first, spans, 0, cut);
                feed(second, spans, cut, spans.size());
                first.takeStaged(second);
                EXPECT_EQ(second.spanCount(), 0u);
                EXPECT_EQ(first.spanCount(), whole.spanCount());
                auto a = whole.finish(), b = first.finish();
                checkInvariants(*b);
                const std::string la = exactLayout(*a), lb = exactLayout(*b);
                size_t at = 0;
                while (at < la.size() && at < lb.size() && la[at] == lb[at])
                    ++at;
                EXPECT_TRUE(la == lb) << "shuffled " << shuffled << " cut " << cut << " threads " << threads
                                      << ": the layouts differ at byte " << at << ": "
                                      << la.substr(at > 80 ? at - 80 : 0, 160) << "\n -- vs -- \n"
                                      << lb.substr(at > 80 ? at - 80 : 0, 160);
            }
        }
    }
}
