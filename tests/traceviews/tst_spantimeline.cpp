// SpanTimelineWidget, offscreen: zoom around the cursor, pan by drag and keys,
// collapse, selection by click, critical path toggle, literal tooltips,
// self-time shading in the rendered pixels, and the 100 k-span repaint time.
#include "tracefixture.h"
#include "views/servicecolors.h"
#include "views/spantimelinewidget.h"
#include "views/traceselection.h"

#include <QElapsedTimer>
#include <QLineEdit>
#include <QSet>
#include <QSignalSpy>
#include <QTest>
#include <QTextDocument>
#include <QToolButton>
#include <QToolTip>
#include <QWheelEvent>

#include <ctime>

using namespace spanfire;
using namespace spanfire::views;
using spanfire::testing::kBase;
using spanfire::testing::kMs;
using spanfire::testing::rowByName;

namespace {

QString outputDir() {
    const QByteArray dir = qgetenv("SPANFIRE_BINARY_DIR");
    return dir.isEmpty() ? QDir::tempPath() : QString::fromLocal8Bit(dir);
}

// Time (absolute ns) under widget x for the widget's current view.
double timeAt(const SpanTimelineWidget &w, double x) {
    const auto [s, e] = w.visibleRange();
    const QRect a = w.barArea();
    return double(s) + (x - a.left()) / a.width() * double(e - s);
}

double threadCpuMs() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

void sendWheel(QWidget *w, QPointF pos, QPoint angle, Qt::KeyboardModifiers mods) {
    QWheelEvent ev(pos, w->mapToGlobal(pos), QPoint(), angle, Qt::NoButton, mods, Qt::NoScrollPhase, false);
    QApplication::sendEvent(w, &ev);
}

} // namespace

class TestSpanTimeline : public QObject {
    Q_OBJECT
    std::shared_ptr<const TraceSet> m_set;
    std::unique_ptr<SpanTimelineWidget> m_w;

private slots:
    void init() {
        m_set = testing::checkoutTraceSet();
        m_w = std::make_unique<SpanTimelineWidget>();
        m_w->resize(1000, 400);
        m_w->setTraceSet(m_set);
        m_w->setTrace(0);
        m_w->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_w.get()));
    }
    void cleanup() { m_w.reset(); }

    void emptyAndMissingData() {
        // No data, an empty set, an out-of-range trace: nothing to show, nothing crashes.
        SpanTimelineWidget w;
        w.resize(600, 300);
        w.setTrace(0);
        QCOMPARE(w.traceIndex(), -1);
        w.setTraceSet(std::make_shared<TraceSet>());
        w.setTrace(3);
        QCOMPARE(w.traceIndex(), -1);
        QCOMPARE(w.shownRowCount(), 0);
        QCOMPARE(w.rowAt(100), SpanTimelineWidget::kNoRow);
        QVERIFY(w.rectOfRow(0).isEmpty());
        w.setCollapsed(0, true);
        w.setCriticalPathEnabled(true);
        QCOMPARE(w.setSearchText(QStringLiteral("x")), 0);
        QVERIFY(w.toolTipHtml(0).isEmpty());
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        for (int key : {Qt::Key_W, Qt::Key_S, Qt::Key_A, Qt::Key_D, Qt::Key_Left, Qt::Key_Right, Qt::Key_Up,
                        Qt::Key_Down, Qt::Key_End, Qt::Key_Return, Qt::Key_F3, Qt::Key_C})
            QTest::keyClick(&w, Qt::Key(key));
        QTest::mouseClick(&w, Qt::LeftButton, Qt::NoModifier, QPoint(400, 150));
        sendWheel(&w, QPointF(400, 150), QPoint(0, 120), Qt::ControlModifier);
        QVERIFY(!w.grab().isNull());
        // A zero-length trace still maps time to pixels.
        testing::FixtureTrace instant;
        instant.spans = {{"tick", "svc", -1, kBase, kBase, false, {}, -1, -1, {}}};
        w.setTraceSet(testing::buildTraceSet({instant}));
        w.setTrace(0);
        QCOMPARE(w.shownRowCount(), 1);
        QVERIFY(!w.barRect(w.rowAt(w.barArea().top() + 2)).isEmpty());
        QVERIFY(!w.grab().isNull());
    }

    void initialRangeIsWholeTrace() {
        QCOMPARE(m_w->visibleRange(), std::make_pair(kBase, kBase + 100 * kMs));
        QCOMPARE(m_w->shownRowCount(), 7);
    }

    void wheelZoomKeepsTimeUnderCursor_data() {
        QTest::addColumn<double>("relX");
        QTest::addColumn<int>("delta");
        QTest::addColumn<bool>("ctrl");
        QTest::newRow("ctrl+wheel in at 30%") << 0.3 << 120 << true;
        QTest::newRow("ctrl+wheel in twice at 80%") << 0.8 << 240 << true;
        QTest::newRow("ctrl+wheel out at 50%") << 0.5 << -120 << true;
        QTest::newRow("wheel over the ruler zooms") << 0.6 << 120 << false;
    }
    void wheelZoomKeepsTimeUnderCursor() {
        QFETCH(double, relX);
        QFETCH(int, delta);
        QFETCH(bool, ctrl);
        m_w->zoomTo(kBase + 20 * kMs, kBase + 70 * kMs); // room to zoom out too
        const QRect a = m_w->barArea();
        const double x = a.left() + relX * a.width();
        const double y = ctrl ? a.top() + 10 : a.top() - 5; // rows, or the ruler
        const double before = timeAt(*m_w, x);
        const auto r0 = m_w->visibleRange();
        QSignalSpy spy(m_w.get(), &SpanTimelineWidget::visibleRangeChanged);
        sendWheel(m_w.get(), QPointF(x, y), QPoint(0, delta), ctrl ? Qt::ControlModifier : Qt::NoModifier);
        const auto r1 = m_w->visibleRange();
        QCOMPARE(spy.count(), 1);
        const double len0 = double(r0.second - r0.first), len1 = double(r1.second - r1.first);
        if (delta > 0)
            QVERIFY(len1 < len0);
        else
            QVERIFY(len1 > len0);
        QVERIFY2(std::abs(timeAt(*m_w, x) - before) <= 2.0, "time under the cursor moved");
    }

    void plainWheelScrollsRowsNotTime() {
        auto big = testing::bigTraceSet(2000);
        m_w->setTraceSet(big);
        m_w->setTrace(0);
        const auto r0 = m_w->visibleRange();
        const uint32_t topRow = m_w->rowAt(m_w->barArea().top() + 1);
        sendWheel(m_w.get(), m_w->barArea().center(), QPoint(0, -120), Qt::NoModifier);
        QCOMPARE(m_w->visibleRange(), r0);
        QVERIFY(m_w->rowAt(m_w->barArea().top() + 1) > topRow);
        // A touchpad's small steps add up instead of being rounded away.
        const uint32_t row2 = m_w->rowAt(m_w->barArea().top() + 1);
        for (int i = 0; i < 8; ++i)
            sendWheel(m_w.get(), m_w->barArea().center(), QPoint(0, -15), Qt::NoModifier);
        QVERIFY(m_w->rowAt(m_w->barArea().top() + 1) > row2);
        // Shift+wheel pans in time.
        m_w->zoomTo(kBase + 10 * kMs, kBase + 20 * kMs);
        const auto r1 = m_w->visibleRange();
        sendWheel(m_w.get(), m_w->barArea().center(), QPoint(0, -120), Qt::ShiftModifier);
        QVERIFY(m_w->visibleRange().first > r1.first);
        QCOMPARE(m_w->visibleRange().second - m_w->visibleRange().first, r1.second - r1.first);
    }

    void dragPans() {
        m_w->zoomTo(kBase + 40 * kMs, kBase + 60 * kMs);
        const QRect a = m_w->barArea();
        const QPoint from(a.left() + 400, a.top() + 30);
        const double nsPerPx = 20.0 * kMs / a.width();
        QTest::mousePress(m_w.get(), Qt::LeftButton, Qt::NoModifier, from);
        QTest::mouseMove(m_w.get(), from - QPoint(50, 0));
        QTest::mouseMove(m_w.get(), from - QPoint(100, 0));
        QSignalSpy sel(m_w.get(), &SpanTimelineWidget::spanSelected);
        QTest::mouseRelease(m_w.get(), Qt::LeftButton, Qt::NoModifier, from - QPoint(100, 0));
        const auto r = m_w->visibleRange();
        QVERIFY(std::abs(double(r.first - kBase) - (40 * kMs + 100 * nsPerPx)) <= 2);
        QCOMPARE(r.second - r.first, 20 * kMs);
        QCOMPARE(sel.count(), 0); // a drag is not a click
    }

    void keysZoomAndPan() {
        m_w->setFocus();
        const auto r0 = m_w->visibleRange();
        QTest::keyClick(m_w.get(), Qt::Key_W);
        const auto r1 = m_w->visibleRange();
        QVERIFY(r1.second - r1.first < r0.second - r0.first);
        QTest::keyClick(m_w.get(), Qt::Key_D);
        const auto r2 = m_w->visibleRange();
        QVERIFY(r2.first > r1.first);
        QCOMPARE(r2.second - r2.first, r1.second - r1.first);
        QTest::keyClick(m_w.get(), Qt::Key_A);
        QTest::keyClick(m_w.get(), Qt::Key_A);
        QVERIFY(m_w->visibleRange().first < r2.first);
        QTest::keyClick(m_w.get(), Qt::Key_0);
        QCOMPARE(m_w->visibleRange(), r0);
    }

    void minimapDragMovesWindow() {
        m_w->zoomTo(kBase, kBase + 10 * kMs);
        const QRect mm = m_w->minimapArea();
        const QPoint grab(mm.left() + int(0.05 * mm.width()), mm.center().y()); // inside the window
        QTest::mousePress(m_w.get(), Qt::LeftButton, Qt::NoModifier, grab);
        QTest::mouseMove(m_w.get(), grab + QPoint(int(0.5 * mm.width()), 0));
        QTest::mouseRelease(m_w.get(), Qt::LeftButton, Qt::NoModifier, grab + QPoint(int(0.5 * mm.width()), 0));
        const auto r = m_w->visibleRange();
        QCOMPARE(r.second - r.first, 10 * kMs);
        QVERIFY(std::abs(double(r.first - kBase) - 50.0 * kMs) < 0.5 * kMs);
    }

    void collapseHidesRows() {
        const uint32_t cart = rowByName(*m_set, "cart.load");
        const uint32_t db = rowByName(*m_set, "db.query");
        const uint32_t pricing = rowByName(*m_set, "pricing");
        QVERIFY(m_w->isShown(db));
        const QRect pricingBefore = m_w->rectOfRow(pricing);
        m_w->setCollapsed(cart, true);
        QVERIFY(m_w->isCollapsed(cart));
        QVERIFY(!m_w->isShown(db));
        QVERIFY(m_w->rectOfRow(db).isEmpty());
        QCOMPARE(m_w->shownRowCount(), 6);
        QCOMPARE(m_w->rectOfRow(pricing).top(), pricingBefore.top() - SpanTimelineWidget::rowHeight());
        // Clicking the triangle of the root collapses everything below it.
        const uint32_t root = m_set->traces[0].root.v;
        const QRect rr = m_w->rectOfRow(root);
        QTest::mouseClick(m_w.get(), Qt::LeftButton, Qt::NoModifier, QPoint(rr.left() + 8, rr.center().y()));
        QCOMPARE(m_w->shownRowCount(), 1);
        // Keyboard: select the root, Right expands, Left collapses again.
        m_w->setSelectedRow(root);
        m_w->setFocus();
        QTest::keyClick(m_w.get(), Qt::Key_Right);
        QCOMPARE(m_w->shownRowCount(), 6); // cart.load is still collapsed
        QTest::keyClick(m_w.get(), Qt::Key_Left);
        QCOMPARE(m_w->shownRowCount(), 1);
        // Selecting a hidden span expands its ancestors.
        m_w->scrollToRow(db);
        QVERIFY(m_w->isShown(db));
    }

    void clickSelects() {
        const uint32_t db = rowByName(*m_set, "db.query");
        QSignalSpy spy(m_w.get(), &SpanTimelineWidget::spanSelected);
        const QRectF bar = m_w->barRect(db);
        QVERIFY(!bar.isEmpty());
        QCOMPARE(m_w->rowAt(int(bar.center().y())), db);
        QTest::mouseClick(m_w.get(), Qt::LeftButton, Qt::NoModifier, bar.center().toPoint());
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.at(0).at(0).value<SpanRow>(), SpanRow(db));
        QCOMPARE(m_w->selectedRow(), db);
        // Down arrow moves to the next shown row (audit).
        QTest::keyClick(m_w.get(), Qt::Key_Down);
        QCOMPARE(m_w->selectedRow(), rowByName(*m_set, "audit"));
        QCOMPARE(spy.count(), 2);
        // End / PageUp jump; Up at the top stays.
        QTest::keyClick(m_w.get(), Qt::Key_End);
        QCOMPARE(m_w->selectedRow(), rowByName(*m_set, "cache.get"));
        QTest::keyClick(m_w.get(), Qt::Key_PageUp);
        QCOMPARE(m_w->selectedRow(), m_set->traces[0].root.v);
        QCOMPARE(spy.count(), 4);
        QTest::keyClick(m_w.get(), Qt::Key_Up);
        QCOMPARE(m_w->selectedRow(), m_set->traces[0].root.v);
        QCOMPARE(spy.count(), 4); // unchanged: no signal
        // A click below the last row selects nothing.
        QTest::mouseClick(m_w.get(), Qt::LeftButton, Qt::NoModifier, QPoint(500, m_w->barArea().bottom() - 2));
        QCOMPARE(spy.count(), 4);
    }

    void selectionObjectBindsBothWays() {
        TraceSelection sel;
        SpanTimelineWidget w;
        w.resize(800, 300);
        w.setSelection(&sel);
        sel.setTraceSet(m_set);
        const uint32_t pricing = rowByName(*m_set, "pricing");
        sel.setSpanRow(SpanRow(pricing)); // also selects its trace
        QCOMPARE(w.traceIndex(), 0);
        QCOMPARE(w.selectedRow(), pricing);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        const uint32_t auth = rowByName(*m_set, "auth");
        QTest::mouseClick(&w, Qt::LeftButton, Qt::NoModifier, w.barRect(auth).center().toPoint());
        QCOMPARE(sel.spanRow(), SpanRow(auth));
        sel.setCriticalPathEnabled(true);
        QVERIFY(w.criticalPathEnabled());
        sel.setTraceIndex(1);
        QCOMPARE(w.traceIndex(), 1);
        QCOMPARE(sel.spanRow(), SpanRow()); // span of another trace dropped
    }

    void selectionBeforeLayoutKeepsTopRow() {
        // A span selected while the widget has no size yet (app start-up) must
        // not leave the view scrolled once it is laid out.
        auto big = testing::bigTraceSet(3000); // more rows than fit
        SpanTimelineWidget w;
        w.resize(0, 0);
        w.setTraceSet(big);
        w.setTrace(0);
        w.setSelectedRow(big->traces[0].root.v);
        w.scrollToRow(big->traces[0].root.v);
        w.resize(800, 300);
        w.show(); // resize events reach a widget when it is shown
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QCOMPARE(w.rowAt(w.barArea().top() + 2), big->traces[0].root.v);
        // And a deep row selected early is scrolled into view after layout.
        SpanTimelineWidget w2;
        w2.resize(10, 10);
        w2.setTraceSet(big);
        w2.setTrace(0);
        w2.scrollToRow(2500);
        w2.resize(800, 300);
        w2.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w2));
        QVERIFY(!w2.rectOfRow(2500).isEmpty());
    }

    void criticalPathToggle() {
        QSignalSpy spy(m_w.get(), &SpanTimelineWidget::criticalPathToggled);
        const uint32_t audit = rowByName(*m_set, "audit");
        const uint32_t db = rowByName(*m_set, "db.query");
        QVERIFY(!m_w->isOnCriticalPath(db));
        m_w->setCriticalPathEnabled(true);
        QCOMPARE(spy.count(), 1);
        QVERIFY(m_w->criticalPathEnabled());
        for (const char *name : {"GET /checkout", "auth", "cart.load", "db.query", "pricing", "cache.get"})
            QVERIFY2(m_w->isOnCriticalPath(rowByName(*m_set, name)), name);
        QVERIFY(!m_w->isOnCriticalPath(audit));
        m_w->setCriticalPathEnabled(false);
        QVERIFY(!m_w->isOnCriticalPath(db));
        QCOMPARE(spy.count(), 2);
    }

    void criticalPathButtonAndKey() {
        auto *button = m_w->findChild<QToolButton *>(QStringLiteral("criticalPathButton"));
        QVERIFY(button);
        QVERIFY(button->isVisible());
        QTest::mouseClick(button, Qt::LeftButton);
        QVERIFY(m_w->criticalPathEnabled());
        m_w->setFocus();
        QTest::keyClick(m_w.get(), Qt::Key_C);
        QVERIFY(!m_w->criticalPathEnabled());
        QVERIFY(!button->isChecked());
    }

    void expandCollapseAll() {
        m_w->collapseFromDepth(1);
        QCOMPARE(m_w->shownRowCount(), 5); // root, auth, cart.load, audit, pricing
        QVERIFY(m_w->isCollapsed(rowByName(*m_set, "cart.load")));
        m_w->collapseFromDepth(0);
        QCOMPARE(m_w->shownRowCount(), 1);
        m_w->expandAll();
        QCOMPARE(m_w->shownRowCount(), 7);
    }

    void nameColumnDrag() {
        const int before = m_w->nameColumnWidth();
        const QPoint edge(before, m_w->barArea().top() + 50);
        QTest::mousePress(m_w.get(), Qt::LeftButton, Qt::NoModifier, edge);
        QTest::mouseMove(m_w.get(), edge + QPoint(80, 0));
        QTest::mouseRelease(m_w.get(), Qt::LeftButton, Qt::NoModifier, edge + QPoint(80, 0));
        QCOMPARE(m_w->nameColumnWidth(), before + 80);
        QCOMPARE(m_w->barArea().left(), before + 80 + 4);
        QCOMPARE(m_w->visibleRange(), std::make_pair(kBase, kBase + 100 * kMs)); // not a pan
    }

    void findSpans() {
        const uint32_t db = rowByName(*m_set, "db.query");
        const uint32_t cart = rowByName(*m_set, "cart.load");
        m_w->setCollapsed(cart, true);
        QCOMPARE(m_w->setSearchText(QStringLiteral("CA")), 2); // cart.load (name+service), cache.get
        QVERIFY(m_w->isMatch(cart));
        QVERIFY(!m_w->isMatch(db));
        QCOMPARE(m_w->setSearchText(QStringLiteral("query")), 1);
        // Enter in the find box selects the match and expands its collapsed parent.
        auto *find = m_w->findChild<QLineEdit *>(QStringLiteral("findSpans"));
        QVERIFY(find);
        QCOMPARE(find->text(), QStringLiteral("query"));
        QSignalSpy spy(m_w.get(), &SpanTimelineWidget::spanSelected);
        QTest::keyClick(find, Qt::Key_Return);
        QCOMPARE(spy.count(), 1);
        QCOMPARE(m_w->selectedRow(), db);
        QVERIFY(m_w->isShown(db));
        // Typing in the box searches; no match selects nothing.
        find->clear();
        QTest::keyClicks(find, QStringLiteral("zzz"));
        QCOMPARE(m_w->matchCount(), 0);
        m_w->selectNextMatch();
        QCOMPARE(spy.count(), 1);
        // Wraps around: "a" matches several spans; F3 walks forward, Shift+F3 back.
        m_w->setSearchText(QStringLiteral("auth"));
        m_w->setFocus();
        QTest::keyClick(m_w.get(), Qt::Key_F3);
        QCOMPARE(m_w->selectedRow(), rowByName(*m_set, "auth"));
        QTest::keyClick(m_w.get(), Qt::Key_Escape);
        QCOMPARE(m_w->matchCount(), 0);
        QVERIFY(find->text().isEmpty());
    }

    void tooltipShowsNamesLiterally() {
        m_w->setTrace(1);
        const uint32_t x = rowByName(*m_set, "<b>x</b>");
        QVERIFY(x != TraceSet::kNoRow);
        const QString html = m_w->toolTipHtml(x);
        QTextDocument doc;
        doc.setHtml(html);
        QVERIFY2(doc.toPlainText().contains(QStringLiteral("<b>x</b>")), qPrintable(doc.toPlainText()));
        QVERIFY(doc.toPlainText().contains(QStringLiteral("<i>svc</i>")));
        QVERIFY(!html.contains(QStringLiteral("<b>x</b>")));
        // The real tooltip path (QEvent::ToolTip) shows the same text.
        const QPoint at = m_w->barRect(x).center().toPoint();
        QHelpEvent help(QEvent::ToolTip, at, m_w->mapToGlobal(at));
        QApplication::sendEvent(m_w.get(), &help);
        QTRY_VERIFY(QToolTip::isVisible());
        QCOMPARE(QToolTip::text(), html);
        QToolTip::hideText();
    }

    void paintsSelfTimeAndErrors() {
        // Root: self time 0..5 and 58..60 ms (strong tone), auth covers 5..19 ms (light tone).
        const uint32_t root = m_set->traces[0].root.v;
        const QImage img = m_w->grab().toImage();
        const QString path = outputDir() + QStringLiteral("/timeline_checkout.png");
        QVERIFY(img.save(path));
        qInfo("timeline rendered to %s", qPrintable(path));
        const QRect a = m_w->barArea();
        // Logical coordinates -> image pixels (HiDPI runs: QT_SCALE_FACTOR=2).
        const qreal dpr = img.devicePixelRatio();
        auto px = [&](double x, double y) { return img.pixelColor(int(x * dpr), int(y * dpr)); };
        const int y = int(m_w->barRect(root).center().y()) + 3; // below the centre (event ticks, critical line)
        auto xAt = [&](int64_t ns) { return int(a.left() + double(ns) / (100.0 * kMs) * a.width()); };
        ServiceColors colors;
        colors.assign(*m_set);
        const QColor strong = colors.colorOf(m_set->strings.find("frontend"));
        const QColor light = ServiceColors::childTone(strong);
        QCOMPARE(px(xAt(2 * kMs), y).rgb(), strong.rgb());
        QCOMPARE(px(xAt(10 * kMs), y).rgb(), light.rgb());
        QCOMPARE(px(xAt(59 * kMs), y).rgb(), strong.rgb()); // gap between cart.load and pricing
        // The error span has a red left edge.
        const QRectF dbBar = m_w->barRect(rowByName(*m_set, "db.query"));
        QCOMPARE(px(int(dbBar.left()) + 1, int(dbBar.center().y())).rgb(), QColor(0xd0, 0x1c, 0x1c).rgb());
        // ... and a red outline, but keeps its service colour inside.
        QCOMPARE(px(int(dbBar.center().x()), int(dbBar.top())).rgb(), QColor(0xd0, 0x1c, 0x1c).rgb());
        QCOMPARE(px(int(dbBar.center().x()), int(dbBar.center().y()) + 3).rgb(),
                 colors.colorOf(m_set->strings.find("db")).rgb());
        // Selection and hover are overlays on the cached base layer.
        const uint32_t cart = rowByName(*m_set, "cart.load");
        const QRect cartRow = m_w->rectOfRow(cart);
        const QColor before = px(cartRow.left() + 3, cartRow.center().y());
        m_w->setSelectedRow(cart);
        m_w->setSearchText(QStringLiteral("db"));
        QTest::mouseMove(m_w.get(), m_w->rectOfRow(rowByName(*m_set, "auth")).center());
        const QImage selected = m_w->grab().toImage();
        QVERIFY(selected.pixelColor(int((cartRow.left() + 3) * dpr), int(cartRow.center().y() * dpr)) != before);
        QVERIFY(selected.save(outputDir() + QStringLiteral("/timeline_checkout_selected.png")));
        m_w->setCriticalPathEnabled(true);
        QVERIFY(m_w->grab().save(outputDir() + QStringLiteral("/timeline_checkout_critical.png")));
    }

    void serviceColorsAreDistinctPerSet() {
        ServiceColors colors;
        colors.assign(*m_set);
        QSet<QRgb> seen;
        for (StringId s : m_set->services)
            seen.insert(colors.colorOf(s).rgb());
        QCOMPARE(seen.size(), int(m_set->services.size()));
        // Stable: the same names give the same colours in another set.
        ServiceColors again;
        const auto other = testing::checkoutTraceSet();
        again.assign(*other);
        QCOMPARE(again.colorOf(other->strings.find("db")), colors.colorOf(m_set->strings.find("db")));
        QVERIFY(ServiceColors::childTone(Qt::blue).lightness() > QColor(Qt::blue).lightness());
    }

    void largeTraceRepaintTime() {
        const auto big = testing::bigTraceSet(100000);
        SpanTimelineWidget w;
        w.resize(1600, 1000);
        w.setTraceSet(big);
        w.setTrace(0);
        QCOMPARE(w.shownRowCount(), 100000);
        QImage target(w.size(), QImage::Format_ARGB32_Premultiplied);
        w.render(&target); // builds the minimap once
        QVERIFY(target.save(outputDir() + QStringLiteral("/timeline_100k_whole.png")));
        // Wall time and this thread's CPU time: the machine is shared, so the
        // assertion uses CPU time (what the paint costs), both are printed.
        QElapsedTimer timer;
        const int kRuns = 20;
        double worst = 0, total = 0, cpuTotal = 0;
        for (int i = 0; i < kRuns; ++i) {
            // A different zoom and scroll position each time: full base-layer repaint.
            const int64_t len = int64_t(10000.0 * kMs / std::pow(1.6, i));
            const int64_t start = kBase + (10000 * kMs - len) * i / kRuns;
            w.zoomTo(start, start + len);
            w.scrollToRow(uint32_t(i * 4999));
            const double cpu0 = threadCpuMs();
            timer.start();
            w.render(&target);
            const double ms = timer.nsecsElapsed() / 1e6;
            cpuTotal += threadCpuMs() - cpu0;
            worst = std::max(worst, ms);
            total += ms;
        }
        timer.start();
        for (int i = 0; i < kRuns; ++i)
            w.render(&target); // hover-style repaint from the cache
        const double cached = timer.nsecsElapsed() / 1e6 / kRuns;
        qInfo("100k-span timeline full repaint: mean %.2f ms wall (%.2f ms CPU), worst %.2f ms wall; "
              "from cache %.2f ms wall",
              total / kRuns, cpuTotal / kRuns, worst, cached);
        QVERIFY(target.save(outputDir() + QStringLiteral("/timeline_100k.png")));
        // The figures are printed, not asserted: timing budgets are measured in
        // bench/ (bench_timeline, bench/RESULTS.md), not in tests. What this
        // test checks is that every zoom/scroll of a 100 k-span trace paints.
        QVERIFY(worst > 0);
        QVERIFY(target.pixel(target.width() / 2, target.height() / 2) != 0);
    }
};

QTEST_MAIN(TestSpanTimeline)
#include "tst_spantimeline.moc"
