// ProfileView: linking through ProfileState (top row -> flame highlight,
// frame click -> table + caller/callee), search total label, sample-type
// default, transforms, selection header, Ctrl+F.
#include "foldedprofile.h"

#include "views/callercalleeview.h"
#include "views/flamegraphwidget.h"
#include "views/profilestate.h"
#include "views/profileview.h"
#include "views/topfunctionsmodel.h"
#include "views/topfunctionsview.h"

#include <QComboBox>
#include <QDir>
#include <QLineEdit>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTest>
#include <QToolButton>

#include <cmath>

using namespace spanfire;
using namespace spanfire::views;

namespace {

std::shared_ptr<Profile> twoTypeProfile() {
    // Column 0: samples/count, column 1: cpu/nanoseconds (the default).
    auto p = testing::profileFromFolded({"a;b;a;b 1 10", "a;c 1 5", "d;b 1 7"}, {"samples/count", "cpu/nanoseconds"});
    p->defaultSampleType = 1;
    return p;
}

int nodeNamed(const FlameGraphWidget *w, const QString &name) {
    for (uint32_t i = 1; i < w->tree().nodes.size(); ++i)
        if (w->nodeName(int(i)) == name)
            return int(i);
    return -1;
}

} // namespace

class TestProfileView : public QObject {
    Q_OBJECT
private slots:
    // Before/after: another profile (its own string and frame ids) as the
    // baseline, matched by function name; the sample type by its name; the
    // transforms translated; a baseline without the shown type says so.
    void compareWithAnotherProfile() {
        // "after": interned in another order, one more column, one function gone, one new.
        auto after = testing::profileFromFolded({"main;parse;lex 1 60", "main;write 1 30", "main;fresh 1 10"},
                                                {"samples/count", "cpu/nanoseconds"});
        after->defaultSampleType = 1;
        auto before =
            testing::profileFromFolded({"main;write 70", "main;old 10", "main;parse;lex 20"}, {"cpu/nanoseconds"});
        ProfileView v;
        v.setProfile(after);
        v.setBaselineProfile(before, QStringLiteral("before.pb.gz"));
        QVERIFY(v.hasBaseline());
        FlameGraphWidget *w = v.flameWidget();
        QVERIFY(w->diffActive());
        const FlameDiff &d = w->diff();
        QCOMPARE(d.baseRoot, int64_t(100));
        QCOMPARE(d.baseTotal[size_t(nodeNamed(w, QStringLiteral("parse")))], int64_t(20));
        QCOMPARE(d.baseTotal[size_t(nodeNamed(w, QStringLiteral("lex")))], int64_t(20));
        QCOMPARE(d.baseTotal[size_t(nodeNamed(w, QStringLiteral("write")))], int64_t(70));
        QCOMPARE(d.baseTotal[size_t(nodeNamed(w, QStringLiteral("fresh")))], int64_t(0));
        QCOMPARE(d.baseOnly, int64_t(10)); // main;old
        QVERIFY(std::abs(d.shareDelta(w->tree(), uint32_t(nodeNamed(w, QStringLiteral("parse")))) - 0.40) < 1e-9);
        QVERIFY(v.compareText().contains(QStringLiteral("before.pb.gz")));
        // The table's change column uses the shown profile's ids.
        TopFunctionsModel *top = v.topView()->model();
        QVERIFY(top->hasBaseline());
        QCOMPARE(top->cumChange(top->rowOf(after->strings.find("write"))), 30.0 - 70.0);
        QCOMPARE(top->cumChange(top->rowOf(after->strings.find("fresh"))), 10.0);
        // So do the callee table of a chosen function, and its header.
        v.state()->setSelectedFunction(after->strings.find("main"));
        TopFunctionsModel *callees = v.callerCalleeView()->calleesModel();
        QVERIFY(callees->hasBaseline());
        QCOMPARE(callees->cumChange(callees->rowOf(after->strings.find("parse"))), 60.0 - 20.0);
        QCOMPARE(callees->cumChange(callees->rowOf(after->strings.find("write"))), 30.0 - 70.0);
        QCOMPARE(callees->cumChange(callees->rowOf(after->strings.find("fresh"))), 10.0);
        QVERIFY2(v.callerCalleeView()->headerText().contains(QStringLiteral("baseline: cum 100")),
                 qPrintable(v.callerCalleeView()->headerText()));
        v.state()->setSelectedFunction(after->strings.find("lex"));
        TopFunctionsModel *callers = v.callerCalleeView()->callersModel();
        QCOMPARE(callers->cumChange(callers->rowOf(after->strings.find("parse"))), 60.0 - 20.0);
        v.state()->setSelectedFunction(StringId());
        // Bottom-up and a focus translate by name.
        v.state()->setInverted(true);
        QVERIFY(w->diffActive());
        QCOMPARE(w->diff().baseTotal[size_t(nodeNamed(w, QStringLiteral("lex")))], int64_t(20));
        v.state()->setInverted(false);
        v.state()->setFocusFunction(after->strings.find("parse"));
        QCOMPARE(w->diff().baseRoot, int64_t(20));
        v.state()->setFocusFunction(after->strings.find("fresh")); // not in the baseline: an empty one
        QCOMPARE(w->diff().baseRoot, int64_t(0));
        QVERIFY(v.compareText().contains(QStringLiteral("the baseline has no samples")));
        v.state()->setFocusFunction(StringId());
        // The other column has no counterpart in the baseline profile.
        v.state()->setSampleType(0);
        QVERIFY(!w->diffActive());
        QVERIFY2(v.compareText().contains(QStringLiteral("it has no samples/count samples")),
                 qPrintable(v.compareText()));
        v.state()->setSampleType(1);
        QVERIFY(w->diffActive());
        v.clearBaseline();
        QVERIFY(!w->diffActive());
        QVERIFY(!top->hasBaseline());
        v.state()->setSelectedFunction(after->strings.find("main"));
        QVERIFY(!v.callerCalleeView()->calleesModel()->hasBaseline());
    }

    // Across profiles one function may be two frames (other file or module):
    // the baseline merges same-named siblings, so nothing is lost.
    void compareAcrossProfilesMergesSameNamedFrames() {
        auto shown = testing::profileFromFolded({"main;x 40", "main;y 60"});
        auto base = testing::profileFromFolded({"main;x@a.go:1 10", "main;x@b.go:5 30", "main;y 60"});
        QCOMPARE(base->frames.size(), size_t(4)); // main, x (twice), y
        ProfileView v;
        v.setProfile(shown);
        v.setBaselineProfile(base, QStringLiteral("base"));
        const FlameDiff &d = v.flameWidget()->diff();
        QVERIFY(v.flameWidget()->diffActive());
        QCOMPARE(d.baseTotal[size_t(nodeNamed(v.flameWidget(), QStringLiteral("x")))], int64_t(40));
        QCOMPARE(d.baseOnly, int64_t(0));
        QCOMPARE(d.maxAbsDelta, 0.0);
    }

    void defaultSampleTypeAndSwitching() {
        ProfileView v;
        v.setProfile(twoTypeProfile());
        QCOMPARE(v.flameTree().valueColumn, 1);
        QCOMPARE(v.flameTree().total(), int64_t(22));
        auto *combo = v.findChild<QComboBox *>();
        QVERIFY(combo);
        QCOMPARE(combo->currentText(), QStringLiteral("cpu/nanoseconds"));
        combo->setCurrentIndex(combo->findData(0));
        QCOMPARE(v.state()->sampleType(), 0);
        QCOMPARE(v.flameTree().valueColumn, 0);
        QCOMPARE(v.flameTree().total(), int64_t(3));
        QVERIFY(v.headerText().contains(QStringLiteral("3 samples")));
    }

    void searchShowsMatchedTotal() {
        ProfileView v;
        v.setProfile(twoTypeProfile());
        v.searchEdit()->setText(QStringLiteral("^b$"));
        QCOMPARE(v.state()->searchPattern(), QStringLiteral("^b$"));
        QCOMPARE(v.matchedTotal(), int64_t(17));
        QCOMPARE(v.matchedText(), QStringLiteral("matched: 17 ns (77.3 % of total)"));
        v.searchEdit()->setText(QStringLiteral("[")); // invalid
        QCOMPARE(v.matchedText(), QStringLiteral("invalid regular expression"));
        v.searchEdit()->clear();
        QVERIFY(v.matchedText().isEmpty());
        // Re-aggregation keeps the search.
        v.searchEdit()->setText(QStringLiteral("^c$"));
        v.state()->setSampleType(0);
        QCOMPARE(v.matchedTotal(), int64_t(1));
    }

    void choosingTopRowHighlightsFunction() {
        ProfileView v;
        v.setProfile(twoTypeProfile());
        QTableView *table = v.topView()->table();
        QSortFilterProxyModel *px = v.topView()->proxy();
        int rowC = -1;
        for (int r = 0; r < px->rowCount(); ++r)
            if (px->index(r, TopFunctionsModel::Function).data().toString() == QStringLiteral("c"))
                rowC = r;
        QVERIFY(rowC >= 0);
        table->selectRow(rowC);
        const StringId c = v.profile()->strings.find("c");
        QCOMPARE(v.state()->selectedFunction(), c);
        QCOMPARE(v.flameWidget()->highlightedFunction(), c);
        QCOMPARE(v.callerCalleeView()->function(), c);
        QCOMPARE(v.callerCalleeView()->callersModel()->functionName(0), QStringLiteral("a"));
        // The highlighted frame is painted in the selection palette (blue family: more blue than red).
        FlameGraphWidget *w = v.flameWidget();
        w->resize(600, 200);
        const QRect rc = w->rectOfNode(nodeNamed(w, QStringLiteral("c")));
        const QImage img = w->paintToImage(w->size());
        const QRgb px0 = img.pixel(rc.center());
        QVERIFY2(qBlue(px0) > qRed(px0), qPrintable(QString::number(px0, 16)));
    }

    void clickingFrameSelectsRow() {
        ProfileView v;
        v.resize(900, 700);
        v.setProfile(twoTypeProfile());
        v.show();
        QVERIFY(QTest::qWaitForWindowExposed(&v));
        FlameGraphWidget *w = v.flameWidget();
        const int d = nodeNamed(w, QStringLiteral("d"));
        QTest::mouseClick(w, Qt::LeftButton, {}, v.rectOfNode(d).center());
        const StringId dName = v.profile()->strings.find("d");
        QCOMPARE(v.state()->selectedFunction(), dName);
        QCOMPARE(w->zoomNode(), uint32_t(d));
        QCOMPARE(v.state()->zoomPath().size(), size_t(1));
        const QModelIndex cur = v.topView()->table()->currentIndex();
        QVERIFY(cur.isValid());
        QCOMPARE(cur.siblingAtColumn(TopFunctionsModel::Function).data().toString(), QStringLiteral("d"));
        // Ctrl+F focuses the search box.
        w->setFocus();
        QTest::keyClick(w, Qt::Key_F, Qt::ControlModifier);
        QTRY_VERIFY(v.searchEdit()->hasFocus());
        QTest::keyClicks(v.searchEdit(), QStringLiteral("^d"));
        QCOMPARE(v.matchedTotal(), int64_t(7));
        QTest::keyClick(v.searchEdit(), Qt::Key_Return); // back to the graph
        QTRY_VERIFY(w->hasFocus());
        v.searchEdit()->setFocus();
        QTest::keyClick(v.searchEdit(), Qt::Key_Escape); // clears the search
        QVERIFY(v.searchEdit()->text().isEmpty());
        QVERIFY(!w->searchActive());
    }

    void breadcrumbs() {
        ProfileView v;
        v.resize(900, 600);
        v.setProfile(twoTypeProfile());
        FlameGraphWidget *w = v.flameWidget();
        const auto crumb = [&v](const QString &text) -> QToolButton * {
            for (QToolButton *b : v.findChildren<QToolButton *>())
                if (b->text() == text && b->isVisibleTo(&v))
                    return b;
            return nullptr;
        };
        QVERIFY(crumb(QStringLiteral("all")));
        QVERIFY(!crumb(QStringLiteral("a")));
        // Zoom to a;b;a: crumbs all > a > b > a; the deepest one is the current node.
        int deep = -1;
        for (uint32_t i = 1; i < w->tree().nodes.size(); ++i)
            if (w->tree().nodes[i].depth == 3)
                deep = int(i);
        QVERIFY(deep > 0);
        w->zoomTo(uint32_t(deep));
        QToolButton *b = crumb(QStringLiteral("b"));
        QVERIFY(b);
        QVERIFY(b->isEnabled());
        QCOMPARE(v.state()->zoomPath().size(), size_t(3));
        b->click(); // zooms out to b
        QCOMPARE(w->nodeName(int(w->zoomNode())), QStringLiteral("b"));
        QCOMPARE(v.state()->zoomPath().size(), size_t(2));
        QToolButton *back = crumb(QStringLiteral("\u2190 Back"));
        QVERIFY(back);
        QVERIFY(back->isEnabled());
        back->click();
        QCOMPARE(w->zoomNode(), uint32_t(deep));
        // The zoom survives a re-aggregation through the state's frame path.
        v.state()->setSampleType(0);
        QCOMPARE(v.state()->zoomPath().size(), size_t(3));
        QCOMPARE(w->tree().nodes[w->zoomNode()].depth, 3u);
    }

    void transforms() {
        ProfileView v;
        v.setProfile(twoTypeProfile());
        const StringId a = v.profile()->strings.find("a");
        const StringId b = v.profile()->strings.find("b");
        // Collapse recursion: a;b;a;b stays (not direct recursion); max depth stays 4.
        QCOMPARE(v.flameTree().maxDepth, 4u);
        // Focus on b: only samples through b, re-rooted at b.
        v.state()->setFocusFunction(b);
        QCOMPARE(v.flameTree().total(), int64_t(17));
        // Hide b: a;b;a;b -> a;a, cost goes to callers.
        v.state()->setFocusFunction(StringId());
        v.state()->hideFunction(b);
        QCOMPARE(v.flameTree().total(), int64_t(22));
        QCOMPARE(nodeNamed(v.flameWidget(), QStringLiteral("b")), -1);
        const auto countA = [&v] {
            int n = 0;
            for (uint32_t i = 1; i < v.flameTree().nodes.size(); ++i)
                n += v.flameWidget()->nodeName(int(i)) == QStringLiteral("a");
            return n;
        };
        QCOMPARE(countA(), 2);                 // a;a and a;c share the outer a
        v.state()->setCollapseRecursion(true); // a;a -> a
        QCOMPARE(countA(), 1);
        QCOMPARE(v.flameTree().total(), int64_t(22));
        v.state()->clearHiddenFunctions();
        v.state()->setCollapseRecursion(false);
        // Inverted: the graph is bottom-up, the table keeps top-down semantics.
        v.state()->setInverted(true);
        QVERIFY(v.flameTree().inverted);
        TopFunctionsModel *m = v.topView()->model();
        QCOMPARE(m->stats()[size_t(m->rowOf(a))].cum, int64_t(15));
        QCOMPARE(m->stats()[size_t(m->rowOf(b))].flat, int64_t(17));
        // Roots of the inverted graph are the leaves: b (17) and c (5).
        const auto &nodes = v.flameTree().nodes;
        QCOMPARE(v.flameWidget()->nodeName(1), QStringLiteral("b"));
        QCOMPARE(nodes[1].total, int64_t(17));
        // Context-menu requests go through the state.
        emit v.flameWidget()->hideFunctionRequested(a);
        QCOMPARE(v.state()->transforms().hiddenFunctions.size(), size_t(1));
    }

    void selectionHeader() {
        ProfileView v;
        v.setProfile(twoTypeProfile());
        QVERIFY(v.headerText().startsWith(QStringLiteral("whole profile")));
        v.setSelection(SampleSelection::indices({{2, 3}}), QStringLiteral("span <validate-card>"));
        QCOMPARE(v.flameTree().total(), int64_t(7));
        QCOMPARE(v.headerText(), QStringLiteral("span <validate-card> \u00B7 1 sample \u00B7 31.8 % of profile"));
        QCOMPARE(v.topView()->model()->rowCount(), 2); // d and b
        v.clearSelection();
        QCOMPARE(v.flameTree().total(), int64_t(22));
        v.setProfile(nullptr);
        QCOMPARE(v.topView()->model()->rowCount(), 0);
        QVERIFY(v.flameTree().empty());
    }

    void rendersComposite() {
        auto p = testing::profileFromFolded(
            {"runtime.main;main.main;net/http.(*conn).serve;main.checkout;main.validateCard;crypto/sha256.block 120",
             "runtime.main;main.main;net/http.(*conn).serve;main.checkout;database/sql.(*DB).QueryContext 260",
             "runtime.main;main.main;net/http.(*conn).serve;main.search;sort.Slice 75",
             "runtime.gcBgMarkWorker;runtime.gcDrain;runtime.scanobject 110"},
            {"cpu/nanoseconds"});
        ProfileView v;
        v.resize(1200, 800);
        v.setProfile(p);
        v.show();
        QVERIFY(QTest::qWaitForWindowExposed(&v));
        v.searchEdit()->setText(QStringLiteral("validate"));
        v.state()->setSelectedFunction(p->strings.find("main.checkout"));
        const int serve = nodeNamed(v.flameWidget(), QStringLiteral("net/http.(*conn).serve"));
        QVERIFY(serve > 0);
        v.flameWidget()->zoomTo(uint32_t(serve));
        QCoreApplication::processEvents();
        const QImage img = v.grab().toImage();
        QVERIFY(!img.isNull());
        const QString bin = qEnvironmentVariable("SPANFIRE_BINARY_DIR");
        QVERIFY(img.save((bin.isEmpty() ? QDir::currentPath() : bin) + QStringLiteral("/tst_profileview.png")));
        QCOMPARE(v.matchedText(), QStringLiteral("matched: 120 ns (21.2 % of total)"));
    }

    void degenerateProfiles() {
        ProfileView v;
        v.resize(600, 400);
        v.show();
        QVERIFY(QTest::qWaitForWindowExposed(&v));
        const std::vector<std::shared_ptr<Profile>> profiles = {
            testing::profileFromFolded({}),                                // no samples
            testing::profileFromFolded({"a;b 0", "c 0"}),                  // only zero values
            testing::profileFromFolded({"a;b", "c"}, {}),                  // no sample types at all
            testing::profileFromFolded({"a;b -5", "a;c 10"}),              // negative values (diff profiles)
            testing::profileFromFolded({std::string(5000, 'x') + ";y 3"}), // a huge name
        };
        for (const auto &p : profiles) {
            v.setProfile(p);
            v.searchEdit()->setText(QStringLiteral("a|x"));
            FlameGraphWidget *w = v.flameWidget();
            QTest::mouseClick(w, Qt::LeftButton, {}, QPoint(w->width() / 2, w->height() - 3));
            QTest::keyClick(w, Qt::Key_Down);
            QTest::keyClick(w, Qt::Key_Escape);
            QVERIFY(!w->grab().isNull());
            QVERIFY(!w->tooltipText(0).isEmpty());
            v.state()->setInverted(true);
            v.state()->setInverted(false);
            QVERIFY(v.flameTree().nodes.size() >= 1);
        }
    }

    void asyncAggregation() {
        ProfileView v;
        v.setAsync(true);
        QSignalSpy changed(&v, &ProfileView::treeChanged);
        v.setProfile(twoTypeProfile());
        QVERIFY(v.isAggregating());
        QVERIFY(v.flameTree().empty()); // nothing of another profile is shown meanwhile
        QTRY_VERIFY(!v.isAggregating());
        QCOMPARE(v.flameTree().total(), int64_t(22));
        QCOMPARE(v.flameTree().valueColumn, 1);
        QCOMPARE(v.topView()->model()->rowCount(), 4);
        // A burst of requests: only the newest result is applied.
        changed.clear();
        v.state()->setSampleType(0);
        v.state()->setInverted(true);
        v.setSelection(SampleSelection::indices({{2, 3}}), QStringLiteral("span x"));
        QTRY_VERIFY(!v.isAggregating());
        QTest::qWait(50); // give superseded results a chance to (wrongly) arrive
        QCOMPARE(changed.count(), 1);
        QCOMPARE(v.flameTree().valueColumn, 0);
        QVERIFY(v.flameTree().inverted);
        QCOMPARE(v.flameTree().total(), int64_t(1));
        QVERIFY(v.headerText().startsWith(QStringLiteral("span x")));
        // Back to synchronous: results are immediate again.
        v.setAsync(false);
        v.state()->setInverted(false);
        QVERIFY(!v.isAggregating());
        QVERIFY(!v.flameTree().inverted);
    }

    void destroyedWhileAggregating() {
        auto p = testing::syntheticProfile(20000);
        for (int i = 0; i < 3; ++i) {
            auto *v = new ProfileView;
            v->setAsync(true);
            v->setProfile(p);
            v->state()->setInverted(true);
            delete v; // must wait for (or cancel) the worker, and drop its queued result
            QCoreApplication::processEvents();
        }
        QVERIFY(true);
    }

    void orientationFromState() {
        ProfileView v;
        v.setProfile(twoTypeProfile());
        QCOMPARE(v.flameWidget()->orientation(), FlameOrientation::Flame);
        auto combos = v.findChildren<QComboBox *>();
        QComboBox *orient = nullptr;
        for (QComboBox *c : combos)
            if (c->findData(int(FlameOrientation::Icicle)) >= 0 && c->count() == 2 &&
                c->itemText(1) == QStringLiteral("Icicle graph"))
                orient = c;
        QVERIFY(orient);
        orient->setCurrentIndex(1);
        QCOMPARE(v.state()->orientation(), FlameOrientation::Icicle);
        QCOMPARE(v.flameWidget()->orientation(), FlameOrientation::Icicle);
        v.state()->setOrientation(FlameOrientation::Flame);
        QCOMPARE(orient->currentIndex(), 0);
    }
};

QTEST_MAIN(TestProfileView)
#include "tst_profileview.moc"
