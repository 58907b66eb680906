// FlameGraphWidget under the offscreen platform: click-to-zoom, back/reset,
// search totals with recursion, orientation, plain-text tooltips, keyboard
// focus, hit-testing consistency, offscreen rendering (PNG files written to the
// build dir for a visual check).
#include "foldedprofile.h"

#include "model/aggregator.h"
#include "views/flamegraphwidget.h"

#include <QDir>
#include <QHelpEvent>
#include <QSet>
#include <QSignalSpy>
#include <QTest>
#include <QTextDocument>
#include <QToolTip>

#include <cmath>

using namespace spanfire;
using namespace spanfire::views;

namespace {

struct Fixture {
    std::shared_ptr<Profile> profile;
    FlameTree tree;
};

Fixture build(const std::vector<std::string> &lines, const Transforms &t = {}) {
    Fixture f;
    f.profile = testing::profileFromFolded(lines);
    Aggregator agg(f.profile);
    f.tree = agg.build(SampleSelection::everything(), 0, t);
    return f;
}

// First node (pre-order) whose frame is named `name` and whose parent chain matches `path` (root first).
int findNode(const FlameGraphWidget &w, const QStringList &path) {
    const auto &nodes = w.tree().nodes;
    for (uint32_t i = 1; i < nodes.size(); ++i) {
        if (nodes[i].depth != uint32_t(path.size()))
            continue;
        bool ok = true;
        uint32_t n = i;
        for (int k = int(path.size()) - 1; k >= 0 && ok; --k) {
            ok = w.nodeName(int(n)) == path[k];
            n = nodes[n].parent;
        }
        if (ok)
            return int(i);
    }
    return -1;
}

QString outputDir() {
    const QString bin = qEnvironmentVariable("SPANFIRE_BINARY_DIR");
    return bin.isEmpty() ? QDir::currentPath() : bin;
}

const std::vector<std::string> kGoLines = {
    "runtime.main;main.main;net/http.(*Server).Serve;net/http.(*conn).serve;main.(*shop).checkout;"
    "main.validateCard;crypto/sha256.block 120",
    "runtime.main;main.main;net/http.(*Server).Serve;net/http.(*conn).serve;main.(*shop).checkout;"
    "database/sql.(*DB).QueryContext;database/sql.(*DB).conn;net.(*conn).Read;internal/poll.(*FD).Read;"
    "syscall.Syscall 260",
    "runtime.main;main.main;net/http.(*Server).Serve;net/http.(*conn).serve;main.(*shop).checkout;"
    "encoding/json.Marshal;encoding/json.(*encodeState).marshal;encoding/json.(*encodeState).reflectValue;"
    "encoding/json.structEncoder.encode 90",
    "runtime.main;main.main;net/http.(*Server).Serve;net/http.(*conn).serve;main.(*shop).search;"
    "strings.ToLower 40",
    "runtime.main;main.main;net/http.(*Server).Serve;net/http.(*conn).serve;main.(*shop).search;"
    "sort.Slice;sort.pdqsort_func;sort.insertionSort_func 75",
    "runtime.main;main.main;net/http.(*Server).Serve;net/http.(*conn).serve;net/http.(*response).finishRequest;"
    "bufio.(*Writer).Flush;net.(*conn).Write;internal/poll.(*FD).Write;syscall.Syscall 55",
    "runtime.mcall;runtime.park_m;runtime.schedule;runtime.findRunnable;runtime.netpoll;runtime.epollwait 70",
    "runtime.gcBgMarkWorker;runtime.systemstack;runtime.gcDrain;runtime.scanobject 110",
    "runtime.gcBgMarkWorker;runtime.systemstack;runtime.gcDrain;runtime.markroot;runtime.scanstack 25",
    "runtime.main;main.main;net/http.(*Server).Serve;net/http.(*conn).serve;main.(*shop).checkout;"
    "main.validateCard;main.luhn 3",
    "runtime.main;main.main;net/http.(*Server).Serve;net/http.(*conn).serve;main.(*shop).checkout;"
    "main.validateCard;regexp.(*Regexp).MatchString;regexp.(*Regexp).doExecute;regexp.(*Regexp).backtrack 1",
    "runtime.main;main.main;net/http.(*Server).Serve;net/http.(*conn).serve;main.(*shop).checkout;"
    "runtime.mallocgc 2",
};

} // namespace

class TestFlameGraphWidget : public QObject {
    Q_OBJECT
private slots:
    // A baseline colours each path by how its share changed: red where it
    // grew, blue where it shrank, grey where equal; search still wins; a diff
    // of another tree is refused; new data ends the comparison.
    void differentialColours() {
        auto profile = testing::profileFromFolded(
            {"main;parse 80", "main;write 20", "main;same 50", "main;parse 20", "main;write 80", "main;same 50"});
        Aggregator agg(profile);
        const FlameTree target = agg.build(SampleSelection::indices({{0, 3}}), 0);
        const FlameTree base = agg.build(SampleSelection::indices({{3, 6}}), 0);
        FlameGraphWidget w;
        w.resize(600, 200);
        w.setData(profile, target);
        const int parse = findNode(w, {QStringLiteral("main"), QStringLiteral("parse")});
        const int write = findNode(w, {QStringLiteral("main"), QStringLiteral("write")});
        const int same = findNode(w, {QStringLiteral("main"), QStringLiteral("same")});
        QVERIFY(parse > 0 && write > 0 && same > 0);
        const QRgb plain = w.nodeColor(parse);
        w.setDiff(diffFlameTrees(target, base));
        QVERIFY(w.diffActive());
        const QRgb red = w.nodeColor(parse), blue = w.nodeColor(write), grey = w.nodeColor(same);
        QVERIFY2(qRed(red) > 200 && qBlue(red) < 80, qPrintable(QString::number(red, 16)));
        QVERIFY2(qBlue(blue) > 180 && qRed(blue) < 100, qPrintable(QString::number(blue, 16)));
        QVERIFY(std::abs(qRed(grey) - qBlue(grey)) < 10); // no change: neutral
        QVERIFY(w.tooltipText(parse).contains(QStringLiteral("change: +40.0 percentage points")));
        QVERIFY(w.tooltipText(write).contains(QStringLiteral("change: -40.0 percentage points")));
        const QImage image = w.paintToImage(QSize(600, 80), 2.0);
        QVERIFY(image.save(outputDir() + QStringLiteral("/tst_flamegraphwidget_diff_2x.png")));
        // A search match keeps its palette over the diff colours.
        w.setSearch(QStringLiteral("^write$"));
        QVERIFY(w.nodeColor(write) != blue);
        w.setSearch(QString());
        // A diff of another tree is refused.
        const FlameTree other = agg.build(SampleSelection::indices({{0, 1}}), 0);
        w.setDiff(diffFlameTrees(other, base));
        QVERIFY(!w.diffActive());
        QCOMPARE(w.nodeColor(parse), plain);
        // New data ends the comparison.
        w.setDiff(diffFlameTrees(target, base));
        QVERIFY(w.diffActive());
        w.setData(profile, target);
        QVERIFY(!w.diffActive());
        QCOMPARE(w.nodeColor(parse), plain);
    }

    void clickZoomsAndEscResets() {
        const Fixture f = build({"main;a;b 30", "main;a;d 20", "main;c 10", "other 40"});
        FlameGraphWidget w;
        w.setData(f.profile, f.tree);
        w.resize(800, 300);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QSignalSpy zoomSpy(&w, &FlameGraphWidget::zoomChanged);
        QSignalSpy selSpy(&w, &FlameGraphWidget::frameSelected);

        const int a = findNode(w, {QStringLiteral("main"), QStringLiteral("a")});
        QVERIFY(a > 0);
        const QRect ra = w.rectOfNode(a);
        QVERIFY(ra.isValid());
        QCOMPARE(ra.width(), 400); // 50 of 100
        QTest::mouseClick(&w, Qt::LeftButton, {}, ra.center());
        QCOMPARE(w.zoomNode(), uint32_t(a));
        QCOMPARE(zoomSpy.count(), 1);
        QCOMPARE(selSpy.count(), 1);
        QCOMPARE(selSpy.at(0).at(0).toInt(), a);
        // The zoomed frame and its ancestors fill the width; its children split it.
        QCOMPARE(w.rectOfNode(a).width(), 800);
        QCOMPARE(w.rectOfNode(0).width(), 800);
        const int b = findNode(w, {QStringLiteral("main"), QStringLiteral("a"), QStringLiteral("b")});
        const int d = findNode(w, {QStringLiteral("main"), QStringLiteral("a"), QStringLiteral("d")});
        QCOMPARE(w.rectOfNode(b).width(), 480); // 30 of 50
        QCOMPARE(w.rectOfNode(d).left(), 480);
        // Frames outside the zoomed subtree are gone.
        QVERIFY(w.rectOfNode(findNode(w, {QStringLiteral("other")})).isNull());

        // Zoom further, go back, reset.
        QTest::mouseClick(&w, Qt::LeftButton, {}, w.rectOfNode(b).center());
        QCOMPARE(w.zoomNode(), uint32_t(b));
        QTest::keyClick(&w, Qt::Key_Backspace);
        QCOMPARE(w.zoomNode(), uint32_t(a));
        QTest::keyClick(&w, Qt::Key_Escape);
        QCOMPARE(w.zoomNode(), 0u);
        QCOMPARE(w.rectOfNode(a).width(), 400);
        QVERIFY(!w.zoomBack()); // Esc cleared the history

        // Clicking an ancestor zooms out to it; Alt+Left goes back.
        w.zoomTo(uint32_t(b));
        QTest::mouseClick(&w, Qt::LeftButton, {}, w.rectOfNode(a).center());
        QCOMPARE(w.zoomNode(), uint32_t(a));
        QTest::keyClick(&w, Qt::Key_Left, Qt::AltModifier);
        QCOMPARE(w.zoomNode(), uint32_t(b));
    }

    void zoomPathSurvivesNewData() {
        auto profile = testing::profileFromFolded({"main;a;b 30", "main;0first 10", "main;c 10"});
        Aggregator agg(profile);
        FlameGraphWidget w;
        w.resize(400, 200);
        w.setData(profile, agg.build(SampleSelection::everything(), 0));
        const int b = findNode(w, {QStringLiteral("main"), QStringLiteral("a"), QStringLiteral("b")});
        w.zoomTo(uint32_t(b));
        const auto path = w.zoomPath();
        QCOMPARE(path.size(), size_t(3));
        // Same profile, another selection: node indices shift, the frame path still leads to b.
        w.setData(profile, agg.build(SampleSelection::indices({{0, 1}, {2, 3}}), 0));
        QCOMPARE(w.zoomNode(), 0u);
        QVERIFY(w.zoomToPath(path));
        QVERIFY(int(w.zoomNode()) != b);
        QCOMPARE(w.nodeName(int(w.zoomNode())), QStringLiteral("b"));
        QVERIFY(!w.zoomToPath({FrameId(12345)}));
        // A selection without b: the path is not found and the zoom stays put.
        w.setData(profile, agg.build(SampleSelection::indices({{1, 3}}), 0));
        QVERIFY(!w.zoomToPath(path));
        QCOMPARE(w.zoomNode(), 0u);
    }

    void searchCountsRecursionOnce_data() {
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<bool>("caseSensitive");
        QTest::addColumn<qlonglong>("matched");
        QTest::newRow("b in a;b;a;b counted once") << QStringLiteral("^b$") << false << 17LL;
        QTest::newRow("a or b") << QStringLiteral("a|b") << false << 22LL;
        QTest::newRow("recursive a") << QStringLiteral("^a$") << false << 15LL;
        QTest::newRow("case-insensitive") << QStringLiteral("^B$") << false << 17LL;
        QTest::newRow("case-sensitive") << QStringLiteral("^B$") << true << 0LL;
        QTest::newRow("nothing") << QStringLiteral("zzz") << false << 0LL;
    }
    void searchCountsRecursionOnce() {
        QFETCH(QString, pattern);
        QFETCH(bool, caseSensitive);
        QFETCH(qlonglong, matched);
        const Fixture f = build({"a;b;a;b 10", "a;c 5", "d;b 7"});
        FlameGraphWidget w;
        w.setData(f.profile, f.tree);
        QCOMPARE(w.tree().total(), int64_t(22));
        QVERIFY(w.setSearch(pattern, caseSensitive));
        QVERIFY(w.searchActive());
        QCOMPARE(w.matchedTotal(), int64_t(matched));
    }
    void invalidSearch() {
        const Fixture f = build({"a;b 10"});
        FlameGraphWidget w;
        w.setData(f.profile, f.tree);
        QVERIFY(!w.setSearch(QStringLiteral("(unclosed")));
        QVERIFY(!w.searchActive());
        QVERIFY(w.setSearch(QString()));
        QVERIFY(!w.searchActive());
    }
    void searchReappliedOnNewData() {
        const Fixture f = build({"a;b 10", "c 5"});
        FlameGraphWidget w;
        w.setData(f.profile, f.tree);
        w.setSearch(QStringLiteral("^b$"));
        QCOMPARE(w.matchedTotal(), int64_t(10));
        const Fixture g = build({"x;b 3", "b 4", "y 100"});
        w.setData(g.profile, g.tree);
        QCOMPARE(w.matchedTotal(), int64_t(7));
    }

    void orientation() {
        const Fixture f = build({"main;a;b 30", "main;c 10"});
        FlameGraphWidget w;
        w.setData(f.profile, f.tree);
        w.resize(600, 300);
        w.setOrientation(FlameOrientation::Flame);
        const QRect rootFlame = w.rectOfNode(0);
        QCOMPARE(rootFlame.bottom(), w.height() - 1);
        const int b = findNode(w, {QStringLiteral("main"), QStringLiteral("a"), QStringLiteral("b")});
        QVERIFY(w.rectOfNode(b).bottom() < rootFlame.top()); // leaves above the root
        QCOMPARE(w.nodeAt(rootFlame.center()), 0);
        w.setOrientation(FlameOrientation::Icicle);
        const QRect rootIcicle = w.rectOfNode(0);
        QCOMPARE(rootIcicle.top(), 0);
        QVERIFY(w.rectOfNode(b).top() > rootIcicle.bottom()); // leaves below the root
        QCOMPARE(w.nodeAt(rootIcicle.center()), 0);
        QCOMPARE(w.nodeAt(QPoint(300, 299)), -1); // empty space under an icicle
    }

    void tooltipIsPlainText() {
        const Fixture f =
            build({"main@main.go:12@/usr/bin/shop;<b>x</b>@evil.go:3 30", "main@main.go:12@/usr/bin/shop;other 10"});
        FlameGraphWidget w;
        w.setData(f.profile, f.tree);
        w.resize(600, 200);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        const int x = findNode(w, {QStringLiteral("main"), QStringLiteral("<b>x</b>")});
        QVERIFY(x > 0);
        const QString text = w.tooltipText(x);
        QVERIFY2(text.startsWith(QStringLiteral("<b>x</b>\n")), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("evil.go:3")));
        QVERIFY(text.contains(QStringLiteral("self: 30 (75.0 % of total)")));
        QVERIFY(text.contains(QStringLiteral("total: 30 (75.0 % of total, 75.0 % of parent)")));
        const int m = findNode(w, {QStringLiteral("main")});
        QVERIFY(w.tooltipText(m).contains(QStringLiteral("module: /usr/bin/shop")));
        QVERIFY(w.tooltipText(m).contains(QStringLiteral("main.go:12")));

        // The real tooltip: whatever Qt renders must show the tags literally.
        const QPoint pos = w.rectOfNode(x).center();
        QHelpEvent ev(QEvent::ToolTip, pos, w.mapToGlobal(pos));
        QApplication::sendEvent(&w, &ev);
        QTRY_VERIFY(QToolTip::isVisible());
        QTextDocument doc;
        doc.setHtml(QToolTip::text());
        QVERIFY2(doc.toPlainText().contains(QStringLiteral("<b>x</b>")), qPrintable(QToolTip::text()));
        QToolTip::hideText();
    }

    void hoverOutlinesFrame() {
        const Fixture f = build({"main;a;b 30", "main;c 10"});
        FlameGraphWidget w;
        w.setData(f.profile, f.tree);
        w.resize(400, 120);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QSignalSpy spy(&w, &FlameGraphWidget::frameHovered);
        const int c = findNode(w, {QStringLiteral("main"), QStringLiteral("c")});
        const QRect r = w.rectOfNode(c);
        // Device pixel of the box's top edge (tests also run with QT_SCALE_FACTOR != 1).
        const auto edge = [&r](const QImage &img) {
            const qreal dpr = img.devicePixelRatio();
            return img.pixel(int((r.left() + 5) * dpr), int(std::ceil(r.top() * dpr)));
        };
        const QRgb before = edge(w.grab().toImage());
        QTest::mouseMove(&w, r.center());
        QTRY_COMPARE(w.hoveredNode(), c);
        QCOMPARE(spy.last().at(0).toInt(), c);
        const QImage img = w.grab().toImage();
        QCOMPARE(edge(img), qRgb(90, 90, 90)); // top edge of the outline
        QVERIFY(before != qRgb(90, 90, 90));
        QTest::mouseMove(&w, QPoint(5, 2)); // empty space above the flame
        QTRY_COMPARE(w.hoveredNode(), -1);
        QCOMPARE(edge(w.grab().toImage()), before);
    }

    void keyboardFocus() {
        const Fixture f = build({"main;a;b 30", "main;a;d 20", "main;c 10"});
        FlameGraphWidget w;
        w.setData(f.profile, f.tree);
        w.resize(600, 200);
        w.setOrientation(FlameOrientation::Icicle);
        const int main = findNode(w, {QStringLiteral("main")});
        const int a = findNode(w, {QStringLiteral("main"), QStringLiteral("a")});
        const int b = findNode(w, {QStringLiteral("main"), QStringLiteral("a"), QStringLiteral("b")});
        const int d = findNode(w, {QStringLiteral("main"), QStringLiteral("a"), QStringLiteral("d")});
        const int c = findNode(w, {QStringLiteral("main"), QStringLiteral("c")});
        QTest::keyClick(&w, Qt::Key_Down); // icicle: down = towards the leaves (widest child)
        QCOMPARE(w.focusNode(), main);
        QTest::keyClick(&w, Qt::Key_Down);
        QCOMPARE(w.focusNode(), a);
        QTest::keyClick(&w, Qt::Key_Right);
        QCOMPARE(w.focusNode(), c);
        QTest::keyClick(&w, Qt::Key_Right); // no further sibling
        QCOMPARE(w.focusNode(), c);
        QTest::keyClick(&w, Qt::Key_Left);
        QCOMPARE(w.focusNode(), a);
        QTest::keyClick(&w, Qt::Key_Down);
        QCOMPARE(w.focusNode(), b);
        QTest::keyClick(&w, Qt::Key_Right);
        QCOMPARE(w.focusNode(), d);
        QTest::keyClick(&w, Qt::Key_Return);
        QCOMPARE(w.zoomNode(), uint32_t(d));
        QTest::keyClick(&w, Qt::Key_Up); // icicle: up = parent
        QCOMPARE(w.focusNode(), a);
        w.setOrientation(FlameOrientation::Flame);
        QTest::keyClick(&w, Qt::Key_Down); // flame: down = towards the root
        QCOMPARE(w.focusNode(), main);
    }

    void hitTestingMatchesDrawList() {
        const Fixture f = build(kGoLines);
        FlameGraphWidget w;
        w.setData(f.profile, f.tree);
        for (const FlameOrientation o : {FlameOrientation::Flame, FlameOrientation::Icicle}) {
            w.setOrientation(o);
            w.resize(900, 400);
            int checked = 0;
            for (uint32_t i = 0; i < w.tree().nodes.size(); ++i) {
                const QRect r = w.rectOfNode(int(i));
                if (r.width() < 3)
                    continue;
                QCOMPARE(w.nodeAt(r.center()), int(i));
                ++checked;
            }
            QVERIFY(checked > 20);
        }
    }

    void rendersFlameAndIcicle() {
        const Fixture f = build(kGoLines);
        FlameGraphWidget w;
        w.setData(f.profile, f.tree);
        w.setSearch(QStringLiteral("validateCard"));
        w.setHighlightedFunction(f.profile->strings.find("syscall.Syscall"));
        w.resize(1000, 300);
        for (const FlameOrientation o : {FlameOrientation::Flame, FlameOrientation::Icicle}) {
            w.setOrientation(o);
            const QString name = o == FlameOrientation::Flame ? QStringLiteral("flame") : QStringLiteral("icicle");
            const QImage img = w.grab().toImage();
            QCOMPARE(img.size(), QSize(1000, 300) * w.devicePixelRatioF());
            const QString suffix =
                w.devicePixelRatioF() == 1.0 ? QString() : QStringLiteral("@%1x").arg(w.devicePixelRatioF());
            QVERIFY(img.save(outputDir() + QStringLiteral("/tst_flamegraphwidget_%1%2.png").arg(name, suffix)));
            // The root row is painted at the bottom (flame) or top (icicle).
            const int bottom = img.height() - 5, top = 4;
            const QRgb rootPixel = img.pixel(img.width() / 2, o == FlameOrientation::Flame ? bottom : top);
            QVERIFY(rootPixel != img.pixel(img.width() / 2, o == FlameOrientation::Flame ? top : bottom));
        }
        // HiDPI offscreen rendering without search, zoomed.
        w.setSearch(QString());
        w.setHighlightedFunction(StringId());
        w.zoomTo(uint32_t(findNode(w, {QStringLiteral("runtime.main"), QStringLiteral("main.main")})));
        const QImage hi = w.paintToImage(QSize(800, 260), 2.0);
        QCOMPARE(hi.size(), QSize(1600, 520));
        QVERIFY(hi.save(outputDir() + QStringLiteral("/tst_flamegraphwidget_zoom_2x.png")));
    }

    void crispAtFractionalDpr_data() {
        QTest::addColumn<qreal>("dpr");
        QTest::newRow("1x") << 1.0;
        QTest::newRow("1.25x") << 1.25;
        QTest::newRow("1.5x") << 1.5;
        QTest::newRow("2x") << 2.0;
    }
    void crispAtFractionalDpr() {
        // 37 sibling frames: every pixel of their row (scanned above the labels) must be a fill colour or
        // the background -- no antialiased blends at box edges, at any device pixel ratio.
        QFETCH(qreal, dpr);
        std::vector<std::string> lines;
        for (int i = 0; i < 37; ++i)
            lines.push_back("root;f" + std::to_string(i) + " " + std::to_string(1 + i % 3));
        const Fixture f = build(lines);
        FlameGraphWidget w;
        w.setData(f.profile, f.tree);
        w.setOrientation(FlameOrientation::Icicle);
        const QImage img = w.paintToImage(QSize(500, 80), dpr);
        const int y = int(std::lround(2 * w.rowHeight() * dpr)) + 1; // top of depth 2, above the text
        QSet<QRgb> colours;
        for (int x = 0; x < img.width(); ++x)
            colours.insert(img.pixel(x, y));
        if (colours.size() > 37 + 1)
            img.save(outputDir() + QStringLiteral("/tst_flamegraphwidget_crisp_fail.png"));
        QVERIFY2(colours.size() <= 37 + 1, qPrintable(QString::number(colours.size())));
        QVERIFY(colours.size() >= 30); // the boxes really are there
    }

    void mergedRunTooltip() {
        // One big frame and 50 tiny ones: at 200 px the tiny ones merge into one box.
        std::vector<std::string> lines{"root;big 10000"};
        for (int i = 0; i < 50; ++i)
            lines.push_back("root;tiny" + std::to_string(i) + " 2");
        const Fixture f = build(lines);
        FlameGraphWidget w;
        w.setData(f.profile, f.tree);
        w.setOrientation(FlameOrientation::Icicle);
        w.resize(200, 100);
        const QPoint p(199, 2 * w.rowHeight() + 3); // right edge of depth 2
        QCOMPARE(w.nodeAt(p), -1);
        const QString text = w.mergedTooltipAt(p);
        QVERIFY2(text.startsWith(QStringLiteral("50 frames too narrow")), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("total: 100 (")));
        QVERIFY(w.mergedTooltipAt(QPoint(5, 2 * w.rowHeight() + 3)).isEmpty()); // "big" is a real box
    }

    void emptyAndNullData() {
        FlameGraphWidget w;
        w.resize(300, 100);
        QCOMPARE(w.nodeAt(QPoint(10, 90)), 0); // the empty root is still a row
        w.setData(nullptr, FlameTree{});
        QVERIFY(!w.paintToImage(QSize(300, 100)).isNull());
        QVERIFY(w.setSearch(QStringLiteral("x")));
        QCOMPARE(w.matchedTotal(), int64_t(0));
        QVERIFY(w.tooltipText(5).isEmpty());
        QVERIFY(w.rectOfNode(-1).isNull());
    }
};

QTEST_MAIN(TestFlameGraphWidget)
#include "tst_flamegraphwidget.moc"
