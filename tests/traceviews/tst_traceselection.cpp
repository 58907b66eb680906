// TraceSelection: ids only, change signals exactly once per change, a span
// always belongs to the selected trace, a new data set resets everything.
#include "tracefixture.h"
#include "views/traceselection.h"

#include <QSignalSpy>
#include <QTest>

using namespace spanfire;
using namespace spanfire::views;
using spanfire::testing::rowByName;

class TestTraceSelection : public QObject {
    Q_OBJECT
private slots:
    void spanImpliesTrace() {
        auto set = testing::checkoutTraceSet();
        TraceSelection sel;
        QSignalSpy traces(&sel, &TraceSelection::traceIndexChanged);
        QSignalSpy spans(&sel, &TraceSelection::spanRowChanged);
        sel.setTraceIndex(0); // no data yet: stays -1
        QCOMPARE(sel.traceIndex(), -1);
        QCOMPARE(traces.count(), 0);
        sel.setTraceSet(set);
        const uint32_t x = rowByName(*set, "<b>x</b>");
        sel.setSpanRow(SpanRow(x));
        QCOMPARE(sel.traceIndex(), 1);
        QCOMPARE(sel.spanRow(), SpanRow(x));
        QCOMPARE(traces.count(), 1);
        QCOMPARE(spans.count(), 1);
        sel.setSpanRow(SpanRow(x)); // no change, no signal
        QCOMPARE(spans.count(), 1);
        // A span of another trace switches the trace (old span dropped first).
        const uint32_t db = rowByName(*set, "db.query");
        sel.setSpanRow(SpanRow(db));
        QCOMPARE(sel.traceIndex(), 0);
        QCOMPARE(sel.spanRow(), SpanRow(db));
        QCOMPARE(spans.last().at(0).value<SpanRow>(), SpanRow(db));
        // Selecting the same trace keeps the span; another trace drops it.
        sel.setTraceIndex(0);
        QCOMPARE(sel.spanRow(), SpanRow(db));
        sel.setTraceIndex(1);
        QCOMPARE(sel.spanRow(), SpanRow());
        // Out of range values clear.
        sel.setSpanRow(SpanRow(100000));
        QCOMPARE(sel.spanRow(), SpanRow());
        sel.setTraceIndex(7);
        QCOMPARE(sel.traceIndex(), -1);
    }

    void newDataResets() {
        auto set = testing::checkoutTraceSet();
        TraceSelection sel;
        sel.setTraceSet(set);
        sel.setSpanRow(SpanRow(rowByName(*set, "auth")));
        QSignalSpy reset(&sel, &TraceSelection::traceSetChanged);
        QSignalSpy traces(&sel, &TraceSelection::traceIndexChanged);
        QSignalSpy spans(&sel, &TraceSelection::spanRowChanged);
        sel.setTraceSet(testing::checkoutTraceSet());
        QCOMPARE(reset.count(), 1);
        QCOMPARE(traces.count(), 1);
        QCOMPARE(spans.count(), 1);
        QCOMPARE(sel.traceIndex(), -1);
        QVERIFY(!sel.spanRow().valid());
        QSignalSpy critical(&sel, &TraceSelection::criticalPathEnabledChanged);
        sel.setCriticalPathEnabled(true);
        sel.setCriticalPathEnabled(true);
        QCOMPARE(critical.count(), 1);
    }
};

QTEST_GUILESS_MAIN(TestTraceSelection)
#include "tst_traceselection.moc"
