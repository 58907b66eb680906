// Timeline layout maths: ns <-> px, nice ruler steps and labels, duration
// formatting/parsing, zoom/pan clamping, collapsed rows, minimap coverage.
#include "tracefixture.h"
#include "views/timelinelayout.h"

#include <QTest>

using namespace spanfire;
using namespace spanfire::views;

class TestTimelineLayout : public QObject {
    Q_OBJECT
private slots:
    void scaleRoundTrip_data() {
        QTest::addColumn<double>("start");
        QTest::addColumn<double>("end");
        QTest::addColumn<double>("x0");
        QTest::addColumn<double>("width");
        QTest::addColumn<double>("ns");
        QTest::addColumn<double>("px");
        QTest::newRow("identity") << 0.0 << 1000.0 << 0.0 << 1000.0 << 250.0 << 250.0;
        QTest::newRow("offset") << 1000.0 << 2000.0 << 100.0 << 500.0 << 1500.0 << 350.0;
        QTest::newRow("hours in ns") << 0.0 << 3.6e12 << 10.0 << 1800.0 << 1.8e12 << 910.0;
        QTest::newRow("before start") << 100.0 << 200.0 << 0.0 << 100.0 << 50.0 << -50.0;
        QTest::newRow("empty range widened") << 5.0 << 5.0 << 0.0 << 10.0 << 6.0 << 10.0;
    }
    void scaleRoundTrip() {
        QFETCH(double, start);
        QFETCH(double, end);
        QFETCH(double, x0);
        QFETCH(double, width);
        QFETCH(double, ns);
        QFETCH(double, px);
        const TimeScale s({start, end}, x0, width);
        QCOMPARE(s.toPx(ns), px);
        QVERIFY(std::abs(s.toNs(px) - ns) <= 1e-6 * std::max(1.0, std::abs(ns)));
    }

    void niceSteps_data() {
        QTest::addColumn<double>("minStep");
        QTest::addColumn<double>("step");
        QTest::newRow("below 1") << 0.3 << 1.0;
        QTest::newRow("1") << 1.0 << 1.0;
        QTest::newRow("1.1 -> 2") << 1.1 << 2.0;
        QTest::newRow("3 -> 5") << 3.0 << 5.0;
        QTest::newRow("7 -> 10") << 7.0 << 10.0;
        QTest::newRow("1000 exact") << 1000.0 << 1000.0;
        QTest::newRow("1.5 us -> 2 us") << 1500.0 << 2000.0;
        QTest::newRow("45 ms -> 50 ms") << 45e6 << 50e6;
        QTest::newRow("1.2 s -> 2 s") << 1.2e9 << 2e9;
    }
    void niceSteps() {
        QFETCH(double, minStep);
        QFETCH(double, step);
        QCOMPARE(niceStep(minStep), step);
    }

    void tickLabels_data() {
        QTest::addColumn<double>("ns");
        QTest::addColumn<double>("step");
        QTest::addColumn<double>("magnitude");
        QTest::addColumn<QString>("label");
        QTest::newRow("zero") << 0.0 << 1e6 << 0.0 << QStringLiteral("0");
        QTest::newRow("ns") << 500.0 << 100.0 << 0.0 << QStringLiteral("500 ns");
        QTest::newRow("us") << 4000.0 << 2000.0 << 0.0 << QStringLiteral("4 \u00b5s");
        QTest::newRow("ms") << 250e6 << 50e6 << 300e6 << QStringLiteral("250 ms");
        QTest::newRow("s") << 3e9 << 1e9 << 0.0 << QStringLiteral("3 s");
        QTest::newRow("magnitude picks the unit") << 1.000005e9 << 5000.0 << 1.00001e9 << QStringLiteral("1.000005 s");
        QTest::newRow("ms steps in a s range") << 1.4e9 << 200e6 << 1.5e9 << QStringLiteral("1.4 s");
        QTest::newRow("sub-us steps") << 1500.0 << 500.0 << 2000.0 << QStringLiteral("1.5 \u00b5s");
    }
    void tickLabels() {
        QFETCH(double, ns);
        QFETCH(double, step);
        QFETCH(double, magnitude);
        QFETCH(QString, label);
        QCOMPARE(formatTick(ns, step, magnitude), label);
    }

    void rulerTicksSpacing_data() {
        QTest::addColumn<double>("length");
        QTest::addColumn<double>("width");
        QTest::newRow("100 ms over 1000 px") << 100e6 << 1000.0;
        QTest::newRow("3 ns over 800 px (1 ns floor)") << 3.0 << 800.0;
        QTest::newRow("300 ns over 800 px") << 300.0 << 800.0;
        QTest::newRow("1 h over 500 px") << 3.6e12 << 500.0;
        QTest::newRow("17 us over 1234 px") << 17e3 << 1234.0;
    }
    void rulerTicksSpacing() {
        QFETCH(double, length);
        QFETCH(double, width);
        const double start = length * 0.37;
        const TimeScale s({start, start + length}, 50, width);
        const auto ticks = rulerTicks(s, 80);
        QVERIFY(!ticks.empty());
        for (size_t i = 0; i < ticks.size(); ++i) {
            QVERIFY(ticks[i].ns >= start - 1e-6 && ticks[i].ns <= start + length + 1e-6);
            QVERIFY(!ticks[i].label.isEmpty());
            if (i > 0) {
                QVERIFY2(ticks[i].x - ticks[i - 1].x >= 80 - 1e-6, "ticks closer than the minimum spacing");
                // Nice steps only: spacing in ns is 1, 2 or 5 x 10^k.
                const double step = ticks[i].ns - ticks[i - 1].ns;
                const double m = step / std::pow(10.0, std::floor(std::log10(step) + 1e-9));
                QVERIFY2(std::abs(m - 1) < 1e-6 || std::abs(m - 2) < 1e-6 || std::abs(m - 5) < 1e-6,
                         qPrintable(QString::number(step)));
            }
        }
        // At most ~2.5x the minimum spacing between ticks (1-2-5 steps),
        // unless the 1 ns floor is reached.
        if (ticks.size() >= 2 && ticks[1].ns - ticks[0].ns > 1)
            QVERIFY(ticks[1].x - ticks[0].x <= 80 * 2.5 + 1e-6);
    }

    void durations_data() {
        QTest::addColumn<double>("ns");
        QTest::addColumn<QString>("text");
        QTest::newRow("0") << 0.0 << QStringLiteral("0 ns");
        QTest::newRow("812 ns") << 812.0 << QStringLiteral("812 ns");
        QTest::newRow("1.23 ms") << 1234567.0 << QStringLiteral("1.23 ms");
        QTest::newRow("1.5 ms") << 1.5e6 << QStringLiteral("1.5 ms");
        QTest::newRow("20 ms") << 20e6 << QStringLiteral("20 ms");
        QTest::newRow("45.6 us") << 45600.0 << QStringLiteral("45.6 \u00b5s");
        QTest::newRow("123 s") << 123e9 << QStringLiteral("123 s");
        QTest::newRow("negative") << -2e6 << QStringLiteral("-2 ms");
    }
    void durations() {
        QFETCH(double, ns);
        QFETCH(QString, text);
        QCOMPARE(formatDuration(ns), text);
    }

    void parse_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("ns"); // -1 = invalid
        QTest::newRow("bare ms") << QStringLiteral("250") << qint64(250000000);
        QTest::newRow("ns") << QStringLiteral("12ns") << qint64(12);
        QTest::newRow("us") << QStringLiteral("2 us") << qint64(2000);
        QTest::newRow("micro sign") << QStringLiteral("3\u00b5s") << qint64(3000);
        QTest::newRow("ms") << QStringLiteral("1.5ms") << qint64(1500000);
        QTest::newRow("s") << QStringLiteral("2 S") << qint64(2000000000);
        QTest::newRow("empty") << QString() << qint64(-1);
        QTest::newRow("garbage") << QStringLiteral("fast") << qint64(-1);
        QTest::newRow("negative") << QStringLiteral("-5ms") << qint64(-1);
        QTest::newRow("overflow") << QStringLiteral("1e300 s") << qint64(-1);
    }
    void parse() {
        QFETCH(QString, text);
        QFETCH(qint64, ns);
        const auto v = parseDuration(text);
        if (ns < 0)
            QVERIFY(!v.has_value());
        else
            QCOMPARE(v.value_or(-1), ns);
    }

    void zoomKeepsAnchor_data() {
        QTest::addColumn<double>("anchor");
        QTest::addColumn<double>("factor");
        QTest::newRow("in at 30%") << 430.0 << 0.5;
        QTest::newRow("out at 90%") << 490.0 << 1.25;
        QTest::newRow("in at start") << 400.0 << 0.1;
    }
    void zoomKeepsAnchor() {
        QFETCH(double, anchor);
        QFETCH(double, factor);
        const TimeRange view{400, 500};
        const TimeRange r = zoomAround(view, anchor, factor, {0, 1000}, 1);
        QCOMPARE(r.length(), 100 * factor);
        const double relBefore = (anchor - view.start) / view.length();
        const double relAfter = (anchor - r.start) / r.length();
        QVERIFY(std::abs(relBefore - relAfter) < 1e-12);
    }

    void zoomAndPanClamp() {
        // Zooming out past the bounds gives the bounds; zooming in stops at the minimum.
        QCOMPARE(zoomAround({100, 900}, 500, 10, {0, 1000}, 1), (TimeRange{0, 1000}));
        QCOMPARE(zoomAround({499, 501}, 500, 0.001, {0, 1000}, 1).length(), 1.0);
        // Zooming out near an edge shifts the window back inside.
        const TimeRange z = zoomAround({0, 100}, 10, 2, {0, 1000}, 1);
        QCOMPARE(z, (TimeRange{0, 200}));
        QCOMPARE(panBy({100, 200}, 50, {0, 1000}), (TimeRange{150, 250}));
        QCOMPARE(panBy({100, 200}, -500, {0, 1000}), (TimeRange{0, 100}));
        QCOMPARE(panBy({800, 900}, 500, {0, 1000}), (TimeRange{900, 1000}));
        // Non-finite input never escapes.
        const TimeRange n = clampRange({std::nan(""), 5}, {0, 1000}, 1);
        QVERIFY(std::isfinite(n.start) && std::isfinite(n.end));
    }

    void collapsedRows() {
        const auto set = testing::checkoutTraceSet();
        const TraceSummary &t = set->traces[0];
        std::vector<uint8_t> collapsed(t.endRow - t.firstRow, 0);
        QCOMPARE(visibleRows(*set, t.firstRow, t.endRow, collapsed).size(), size_t(7));
        const uint32_t cart = testing::rowByName(*set, "cart.load");
        collapsed[cart - t.firstRow] = 1;
        auto rows = visibleRows(*set, t.firstRow, t.endRow, collapsed);
        QCOMPARE(rows.size(), size_t(6));
        QVERIFY(std::find(rows.begin(), rows.end(), testing::rowByName(*set, "db.query")) == rows.end());
        collapsed[t.root.v - t.firstRow] = 1;
        rows = visibleRows(*set, t.firstRow, t.endRow, collapsed);
        QCOMPARE(rows, std::vector<uint32_t>{t.root.v});
    }

    void coverageGrid() {
        CoverageGrid g(2, 10);
        g.add(0, 1.5, 4.0);  // half of cell 1, cells 2 and 3
        g.add(0, 2.0, 2.25); // quarter of cell 2
        g.add(1, -5, 100);   // clipped to all cells
        g.add(7, 0, 1);      // out of range row: ignored
        g.finish();
        QCOMPARE(g.value(0, 0), 0.f);
        QCOMPARE(g.value(0, 1), 0.5f);
        QCOMPARE(g.value(0, 2), 1.25f);
        QCOMPARE(g.value(0, 3), 1.f);
        QCOMPARE(g.value(0, 4), 0.f);
        for (int c = 0; c < 10; ++c)
            QCOMPARE(g.value(1, c), 1.f);
        QCOMPARE(g.maxValue(), 1.25f);
    }
};

QTEST_GUILESS_MAIN(TestTimelineLayout)
#include "tst_timelinelayout.moc"
