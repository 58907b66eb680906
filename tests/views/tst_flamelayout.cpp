// Pure layout maths of the flame graph: pixel mapping, row geometry, culling,
// merging of sub-pixel runs, zoom. Trees are built by hand (no profile needed).
#include "model/aggregator.h"
#include "views/flamelayout.h"

#include <QTest>

#include <numeric>
#include <random>

using namespace spanfire;
using namespace spanfire::views;

namespace {

// root(0) -> A(600: self 292) -> C(300), D(5) -> G(3), E(3); root -> B(400).
// Pre-order after finishTree: 0 root, 1 A, 2 C, 3 D, 4 G, 5 E, 6 B.
FlameTree sampleTree() {
    const std::vector<uint32_t> parent{NodeId::kNone, 0, 0, 1, 1, 1, 4};
    const std::vector<uint32_t> frame{FrameId::kNone, 0, 1, 2, 3, 4, 5};
    const std::vector<int64_t> self{0, 292, 400, 300, 2, 3, 3};
    std::vector<uint32_t> rank(6);
    std::iota(rank.begin(), rank.end(), 0u);
    return finishTree(parent, frame, self, rank);
}

QString dump(const FlameLayout &l) {
    QStringList parts;
    for (const FlameBox &b : l.boxes) {
        QString s = QStringLiteral("%1:%2-%3").arg(b.node).arg(b.x0).arg(b.x1);
        if (b.flags & FlameBox::kMerged)
            s += QStringLiteral("m%1").arg(b.count);
        if (b.flags & FlameBox::kAncestor)
            s += QStringLiteral("a");
        parts << QStringLiteral("d%1 ").arg(b.depth) + s;
    }
    return parts.join(QStringLiteral(", "));
}

} // namespace

class TestFlameLayout : public QObject {
    Q_OBJECT
private slots:
    void valueToPixel_data() {
        QTest::addColumn<qlonglong>("value");
        QTest::addColumn<qlonglong>("zoomStart");
        QTest::addColumn<qlonglong>("zoomTotal");
        QTest::addColumn<int>("width");
        QTest::addColumn<int>("expected");
        QTest::newRow("left edge") << 0LL << 0LL << 1000LL << 800 << 0;
        QTest::newRow("right edge") << 1000LL << 0LL << 1000LL << 800 << 800;
        QTest::newRow("middle") << 500LL << 0LL << 1000LL << 800 << 400;
        QTest::newRow("rounds half up") << 1LL << 0LL << 16LL << 8 << 1; // 0.5 px
        QTest::newRow("rounds down") << 1LL << 0LL << 3LL << 1 << 0;     // 0.33 px
        QTest::newRow("zoomed offset") << 350LL << 300LL << 100LL << 1000 << 500;
        QTest::newRow("left of zoom") << 200LL << 300LL << 100LL << 1000 << -1000;
        QTest::newRow("empty zoom") << 5LL << 0LL << 0LL << 1000 << 0;
        QTest::newRow("huge values") << 4000000000000LL << 0LL << 8000000000000LL << 3840 << 1920;
    }
    void valueToPixel() {
        QFETCH(qlonglong, value);
        QFETCH(qlonglong, zoomStart);
        QFETCH(qlonglong, zoomTotal);
        QFETCH(int, width);
        QFETCH(int, expected);
        QCOMPARE(views::valueToPixel(value, zoomStart, zoomTotal, width), expected);
    }

    void rowGeometry_data() {
        QTest::addColumn<bool>("flame");
        QTest::addColumn<int>("depth");
        QTest::addColumn<int>("top");
        QTest::newRow("icicle root") << false << 0 << 0;
        QTest::newRow("icicle depth 3") << false << 3 << 54;
        QTest::newRow("flame root") << true << 0 << 182;
        QTest::newRow("flame depth 3") << true << 3 << 128;
    }
    void rowGeometry() {
        QFETCH(bool, flame);
        QFETCH(int, depth);
        QFETCH(int, top);
        const RowGeometry g{18, 200, flame ? FlameOrientation::Flame : FlameOrientation::Icicle};
        QCOMPARE(rowTop(uint32_t(depth), g), top);
        // Every pixel of the row maps back to the same depth.
        QCOMPARE(depthAt(top, g), qint64(depth));
        QCOMPARE(depthAt(top + 17, g), qint64(depth));
        QVERIFY(depthAt(top + 18, g) != depth);
    }
    void depthOutside() {
        const RowGeometry g{18, 200, FlameOrientation::Icicle};
        QCOMPARE(depthAt(-1, g), qint64(-1));
        QCOMPARE(depthAt(200, g), qint64(-1));
    }

    void layout_data() {
        QTest::addColumn<uint>("zoom");
        QTest::addColumn<int>("width");
        QTest::addColumn<QString>("expected");
        QTest::newRow("narrow frames merged, subtree skipped")
            << 0u << 100 << QStringLiteral("d0 0:0-100, d1 1:0-60, d1 6:60-100, d2 2:0-30, d2 3:30-31m2");
        QTest::newRow("wide: everything drawn") << 0u << 1000
                                                << QStringLiteral("d0 0:0-1000, d1 1:0-600, d1 6:600-1000, d2 2:0-300, "
                                                                  "d2 3:300-305, d2 5:305-308, d3 4:300-303");
        QTest::newRow("zoom on A: ancestors full width, sibling hidden")
            << 1u << 100 << QStringLiteral("d0 0:0-100a, d1 1:0-100, d2 2:0-50, d2 3:50-51m2");
        QTest::newRow("zoom on D") << 3u << 100 << QStringLiteral("d0 0:0-100a, d1 1:0-100a, d2 3:0-100, d3 4:0-60");
        QTest::newRow("too narrow for anything below the root") << 0u << 1 << QStringLiteral("d0 0:0-1, d1 1:0-1m2");
        QTest::newRow("invalid zoom falls back to root")
            << 99u << 100 << QStringLiteral("d0 0:0-100, d1 1:0-60, d1 6:60-100, d2 2:0-30, d2 3:30-31m2");
    }
    void layout() {
        QFETCH(uint, zoom);
        QFETCH(int, width);
        QFETCH(QString, expected);
        const FlameTree t = sampleTree();
        QCOMPARE(t.nodes.size(), size_t(7));
        QCOMPARE(t.total(), int64_t(1000));
        const FlameLayout l = layoutFlame(t, FlameLayoutParams{zoom, width, 1.0});
        QCOMPARE(dump(l), expected);
    }

    void hitTesting() {
        const FlameTree t = sampleTree();
        const FlameLayout l = layoutFlame(t, FlameLayoutParams{0, 1000, 1.0});
        QCOMPARE(l.boxes[size_t(l.boxAt(1, 0))].node, 1u);
        QCOMPARE(l.boxes[size_t(l.boxAt(1, 599))].node, 1u);
        QCOMPARE(l.boxes[size_t(l.boxAt(1, 600))].node, 6u);
        QCOMPARE(l.boxes[size_t(l.boxAt(3, 302))].node, 4u);
        QCOMPARE(l.boxAt(3, 303), -1); // right of G: nothing at depth 3
        QCOMPARE(l.boxAt(7, 10), -1);  // no such row
        QCOMPARE(l.boxAt(1, 1000), -1);
        QCOMPARE(l.boxes[size_t(l.boxOfNode(t, 5))].x0, 305);
        QCOMPARE(l.boxOfNode(t, 42), -1);
    }

    void skipsNarrowSubtreesWithoutVisitingThem() {
        // One wide frame and 100 000 tiny siblings, each with a deep chain below it.
        std::vector<uint32_t> parent{NodeId::kNone, 0};
        std::vector<uint32_t> frame{FrameId::kNone, 0};
        std::vector<int64_t> self{0, 1000000};
        for (uint32_t i = 0; i < 100000; ++i) {
            parent.push_back(0);
            frame.push_back(1 + i % 7);
            self.push_back(0);
            for (int d = 0; d < 5; ++d) {
                parent.push_back(uint32_t(parent.size() - 1));
                frame.push_back(10 + uint32_t(d));
                self.push_back(d == 4 ? 1 : 0);
            }
        }
        std::vector<uint32_t> rank(20);
        std::iota(rank.begin(), rank.end(), 0u);
        const FlameTree t = finishTree(parent, frame, self, rank);
        const FlameLayout l = layoutFlame(t, FlameLayoutParams{0, 1000, 1.0});
        // Root, the wide frame, and the tiny siblings merged into one run of ~91 px.
        QCOMPARE(l.rows, 2u);
        QCOMPARE(l.boxes.size(), size_t(3));
        const FlameBox &merged = l.boxes[2];
        QVERIFY(merged.flags & FlameBox::kMerged);
        QCOMPARE(merged.count, 100000u);
        QCOMPARE(merged.x1, 1000);
        QCOMPARE(merged.x0, 909);
        QCOMPARE(merged.mergedTotal, int64_t(100000));
    }

    void randomTreesKeepInvariants() {
        // Property test: for random trees, widths and zooms, boxes of a row are sorted and disjoint, lie
        // inside [0, W], non-merged boxes belong to the zoomed subtree (or its ancestors), and every
        // child box lies inside its parent's box.
        std::mt19937 rng(42);
        for (int iter = 0; iter < 300; ++iter) {
            const uint32_t n = 2 + rng() % 400;
            std::vector<uint32_t> parent{NodeId::kNone}, frame{FrameId::kNone};
            std::vector<int64_t> self{0};
            for (uint32_t i = 1; i < n; ++i) {
                parent.push_back(rng() % i);
                frame.push_back(rng() % 50);
                const uint32_t r = rng() % 10;
                self.push_back(r < 3 ? 0 : int64_t(rng() % (r < 8 ? 10 : 100000)));
            }
            std::vector<uint32_t> rank(50);
            std::iota(rank.begin(), rank.end(), 0u);
            const FlameTree t = finishTree(parent, frame, self, rank);
            const uint32_t zoom = rng() % uint32_t(t.nodes.size());
            const int W = 1 + int(rng() % 2000);
            const FlameLayout l = layoutFlame(t, FlameLayoutParams{zoom, W, 1.0});
            QCOMPARE(l.rowStart.size(), size_t(l.rows + 1));
            QCOMPARE(l.rowStart.back(), uint32_t(l.boxes.size()));
            const FlameNode &z = t.nodes[zoom];
            for (uint32_t d = 0; d < l.rows; ++d) {
                int prevEnd = 0;
                for (uint32_t k = l.rowStart[d]; k < l.rowStart[d + 1]; ++k) {
                    const FlameBox &b = l.boxes[k];
                    QCOMPARE(b.depth, d);
                    QVERIFY2(b.x0 >= prevEnd, qPrintable(QStringLiteral("overlap in iteration %1").arg(iter)));
                    QVERIFY(b.x0 < b.x1 || (b.x0 == b.x1 && t.total() == 0));
                    QVERIFY(b.x0 >= 0 && b.x1 <= W);
                    prevEnd = b.x1;
                    if (b.flags & FlameBox::kMerged)
                        continue;
                    const bool inZoom = b.node >= zoom && b.node < z.end;
                    bool ancestor = false;
                    for (uint32_t a = t.nodes[zoom].parent; a < t.nodes.size() && !ancestor; a = t.nodes[a].parent)
                        ancestor = a == b.node;
                    QVERIFY(inZoom || ancestor);
                    QCOMPARE(bool(b.flags & FlameBox::kAncestor), ancestor);
                    if (b.node != zoom && inZoom) {
                        const int pk = l.boxOfNode(t, t.nodes[b.node].parent);
                        QVERIFY(pk >= 0); // a drawn box has a drawn parent
                        QVERIFY(l.boxes[size_t(pk)].x0 <= b.x0 && b.x1 <= l.boxes[size_t(pk)].x1);
                        QVERIFY(b.x1 - b.x0 >= 1);
                    }
                }
            }
        }
    }

    void emptyTree() {
        FlameTree t;
        QVERIFY(layoutFlame(t, FlameLayoutParams{0, 100, 1.0}).boxes.empty());
        t.nodes.push_back(FlameNode{FrameId(), FrameId::kNone, 0, 1, 0, 0, 0});
        const FlameLayout l = layoutFlame(t, FlameLayoutParams{0, 100, 1.0});
        QCOMPARE(l.boxes.size(), size_t(1)); // the root alone
        QVERIFY(layoutFlame(t, FlameLayoutParams{0, 0, 1.0}).boxes.empty());
    }
};

QTEST_GUILESS_MAIN(TestFlameLayout)
#include "tst_flamelayout.moc"
