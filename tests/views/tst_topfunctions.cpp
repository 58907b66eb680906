// TopFunctionsModel / TopFunctionsView / CallerCalleeView: values, sorting,
// filtering, model consistency (QAbstractItemModelTester).
#include "foldedprofile.h"

#include "model/aggregator.h"
#include "model/functionstats.h"
#include "views/callercalleeview.h"
#include "views/topfunctionsmodel.h"
#include "views/topfunctionsview.h"

#include <QAbstractItemModelTester>
#include <QLineEdit>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTest>

using namespace spanfire;
using namespace spanfire::views;

namespace {

struct Fixture {
    std::shared_ptr<Profile> profile;
    FlameTree tree;
};

// Flat: leaf 50+5 (two paths), b 7, c 5, a 0; cum: a 65 (counted once despite a;b;a), b 57, leaf 55.
Fixture fixture() {
    Fixture f;
    f.profile = testing::profileFromFolded({"a;b;a;leaf 50", "a;b 7", "a;c 5", "x;leaf 5"}, {"cpu/nanoseconds"});
    Aggregator agg(f.profile);
    f.tree = agg.build(SampleSelection::everything(), 0);
    return f;
}

StringId id(const Profile &p, const char *name) {
    return p.strings.find(name);
}

QString cell(const QAbstractItemModel *m, int row, int col, int role = Qt::DisplayRole) {
    return m->data(m->index(row, col), role).toString();
}

} // namespace

class TestTopFunctions : public QObject {
    Q_OBJECT
private slots:
    void modelValues() {
        const Fixture f = fixture();
        TopFunctionsModel m;
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
        m.setStats(f.profile, topFunctions(f.tree, *f.profile), f.tree.total(), ValueUnit::Nanoseconds);
        QCOMPARE(m.rowCount(), 5);
        QCOMPARE(m.columnCount(), 5);
        QCOMPARE(m.headerData(TopFunctionsModel::FlatPercent, Qt::Horizontal).toString(), QStringLiteral("Flat %"));
        // Sorted by flat descending as topFunctions() gives it.
        QCOMPARE(cell(&m, 0, TopFunctionsModel::Function), QStringLiteral("leaf"));
        QCOMPARE(m.data(m.index(0, TopFunctionsModel::Flat), TopFunctionsModel::SortRole).toLongLong(), 55LL);
        QCOMPARE(cell(&m, 0, TopFunctionsModel::Flat), QStringLiteral("55 ns"));
        QCOMPARE(cell(&m, 0, TopFunctionsModel::FlatPercent), QStringLiteral("82.1 %"));
        const int a = m.rowOf(id(*f.profile, "a"));
        QVERIFY(a >= 0);
        QCOMPARE(m.data(m.index(a, TopFunctionsModel::Cum), TopFunctionsModel::SortRole).toLongLong(), 62LL);
        QCOMPARE(m.data(m.index(a, TopFunctionsModel::Flat), TopFunctionsModel::SortRole).toLongLong(), 0LL);
        QCOMPARE(m.functionAt(a), id(*f.profile, "a"));
        QCOMPARE(m.data(m.index(a, 0), TopFunctionsModel::FunctionIdRole).toUInt(), id(*f.profile, "a").v);
        QCOMPARE(m.rowOf(StringId(9999)), -1);
        m.clear();
        QCOMPARE(m.rowCount(), 0);
    }

    // Compared with a baseline: a sixth column with the change of Cum % in
    // percentage points, coloured like the differential flame graph.
    void baselineChangeColumn() {
        auto p = testing::profileFromFolded(
            {"main;parse 80", "main;write 20", "main;parse 20", "main;write 80", "main;gone 100"}, {"cpu/nanoseconds"});
        Aggregator agg(p);
        const FlameTree shown = agg.build(SampleSelection::indices({{0, 2}}), 0);
        const FlameTree base = agg.build(SampleSelection::indices({{2, 5}}), 0);
        TopFunctionsModel m;
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
        m.setStats(p, topFunctions(shown, *p), shown.total(), ValueUnit::Nanoseconds);
        QCOMPARE(m.columnCount(), 5);
        m.setBaseline(true, topFunctions(base, *p), base.total());
        QCOMPARE(m.columnCount(), 6);
        QCOMPARE(m.headerData(TopFunctionsModel::CumChange, Qt::Horizontal).toString(), QStringLiteral("\u0394 Cum %"));
        const int parse = m.rowOf(id(*p, "parse")), write = m.rowOf(id(*p, "write")), main = m.rowOf(id(*p, "main"));
        QVERIFY(parse >= 0 && write >= 0 && main >= 0);
        // parse: 80 % shown, 20 / 200 = 10 % in the baseline; write: 20 % vs 40 %; main: 100 % vs 100 %.
        QCOMPARE(m.cumChange(parse), 70.0);
        QCOMPARE(m.cumChange(write), -20.0);
        QCOMPARE(m.cumChange(main), 0.0);
        QCOMPARE(cell(&m, parse, TopFunctionsModel::CumChange), QStringLiteral("+70.0 pp"));
        QCOMPARE(cell(&m, write, TopFunctionsModel::CumChange), QStringLiteral("-20.0 pp"));
        QCOMPARE(m.data(m.index(parse, TopFunctionsModel::CumChange), TopFunctionsModel::SortRole).toDouble(), 70.0);
        const QColor up = m.data(m.index(parse, TopFunctionsModel::CumChange), Qt::ForegroundRole).value<QColor>();
        const QColor down = m.data(m.index(write, TopFunctionsModel::CumChange), Qt::ForegroundRole).value<QColor>();
        QVERIFY(up.red() > up.blue() && down.blue() > down.red());
        QVERIFY(!m.data(m.index(main, TopFunctionsModel::CumChange), Qt::ForegroundRole).isValid());
        QVERIFY(cell(&m, parse, TopFunctionsModel::CumChange, Qt::ToolTipRole).contains(QStringLiteral("10.0 %")));
        // Sorting by the change puts the biggest growth first.
        TopFunctionsView v;
        v.model()->setStats(p, topFunctions(shown, *p), shown.total(), ValueUnit::Nanoseconds);
        v.model()->setBaseline(true, topFunctions(base, *p), base.total());
        v.table()->sortByColumn(TopFunctionsModel::CumChange, Qt::DescendingOrder);
        QCOMPARE(cell(v.proxy(), 0, TopFunctionsModel::Function), QStringLiteral("parse"));
        m.setBaseline(false, {}, 0);
        QCOMPARE(m.columnCount(), 5);
        QCOMPARE(m.cumChange(parse), 0.0);
    }

    void tooltipEscapesNames() {
        auto p = testing::profileFromFolded({"<i>evil</i> 1"});
        Aggregator agg(p);
        const FlameTree t = agg.build(SampleSelection::everything(), 0);
        TopFunctionsModel m;
        m.setStats(p, topFunctions(t, *p), t.total(), ValueUnit::Count);
        QCOMPARE(cell(&m, 0, TopFunctionsModel::Function), QStringLiteral("<i>evil</i>"));
        QVERIFY(!cell(&m, 0, TopFunctionsModel::Function, Qt::ToolTipRole).contains(QStringLiteral("<i>")));
    }

    void viewSortsAndFilters() {
        const Fixture f = fixture();
        TopFunctionsView v;
        QAbstractItemModelTester tester(v.proxy(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        v.model()->setStats(f.profile, topFunctions(f.tree, *f.profile), f.tree.total(), ValueUnit::Count);
        QSortFilterProxyModel *px = v.proxy();
        QCOMPARE(px->rowCount(), 5);
        // Default: flat descending.
        QCOMPARE(cell(px, 0, TopFunctionsModel::Function), QStringLiteral("leaf"));
        // Cum descending: a (62) first, then b (57), leaf (55).
        v.table()->sortByColumn(TopFunctionsModel::Cum, Qt::DescendingOrder);
        QCOMPARE(cell(px, 0, TopFunctionsModel::Function), QStringLiteral("a"));
        QCOMPARE(cell(px, 1, TopFunctionsModel::Function), QStringLiteral("b"));
        QCOMPARE(cell(px, 2, TopFunctionsModel::Function), QStringLiteral("leaf"));
        // Numeric, not lexical, sort: 5 < 7 < 55 ascending by flat among non-zero.
        v.table()->sortByColumn(TopFunctionsModel::Flat, Qt::AscendingOrder);
        QCOMPARE(
            px->data(px->index(px->rowCount() - 1, TopFunctionsModel::Flat), TopFunctionsModel::SortRole).toLongLong(),
            55LL);
        // Name sort.
        v.table()->sortByColumn(TopFunctionsModel::Function, Qt::AscendingOrder);
        QCOMPARE(cell(px, 0, TopFunctionsModel::Function), QStringLiteral("a"));
        // Filter (regex, case-insensitive); an invalid regex filters literally.
        v.filterEdit()->setText(QStringLiteral("^L"));
        QCOMPARE(px->rowCount(), 1);
        QCOMPARE(cell(px, 0, TopFunctionsModel::Function), QStringLiteral("leaf"));
        v.filterEdit()->setText(QStringLiteral("("));
        QCOMPARE(px->rowCount(), 0);
        v.filterEdit()->clear();
        QCOMPARE(px->rowCount(), 5);
    }

    void choosingRowEmitsFunction() {
        const Fixture f = fixture();
        TopFunctionsView v;
        v.model()->setStats(f.profile, topFunctions(f.tree, *f.profile), f.tree.total(), ValueUnit::Count);
        QSignalSpy spy(&v, &TopFunctionsView::functionChosen);
        v.table()->selectRow(1);
        QCOMPARE(spy.count(), 1);
        const StringId chosen = spy.at(0).at(0).value<StringId>();
        QCOMPARE(chosen, v.model()->functionAt(v.proxy()->mapToSource(v.proxy()->index(1, 0)).row()));
        // Selecting from outside does not echo.
        v.selectFunction(id(*f.profile, "c"));
        QCOMPARE(spy.count(), 1);
        QCOMPARE(v.model()->functionAt(v.proxy()->mapToSource(v.table()->currentIndex()).row()), id(*f.profile, "c"));
    }

    void callerCallee() {
        const Fixture f = fixture();
        CallerCalleeView v;
        QAbstractItemModelTester t1(v.callersModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester t2(v.calleesModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        v.setFunction(f.profile, f.tree, id(*f.profile, "b"), ValueUnit::Count);
        QCOMPARE(v.function(), id(*f.profile, "b"));
        QVERIFY(v.headerText().startsWith(QStringLiteral("b \u2014 flat 7")));
        QCOMPARE(v.callersModel()->rowCount(), 1);
        QCOMPARE(v.callersModel()->functionName(0), QStringLiteral("a"));
        QCOMPARE(v.callersModel()->stats()[0].cum, int64_t(57));
        QCOMPARE(v.calleesModel()->rowCount(), 1);
        QCOMPARE(v.calleesModel()->functionName(0), QStringLiteral("a"));
        QCOMPARE(v.calleesModel()->stats()[0].cum, int64_t(50));
        // leaf has two callers: a (50) and x (5).
        v.setFunction(f.profile, f.tree, id(*f.profile, "leaf"), ValueUnit::Count);
        QCOMPARE(v.callersModel()->rowCount(), 2);
        QCOMPARE(v.callersModel()->functionName(0), QStringLiteral("a"));
        QCOMPARE(v.callersModel()->stats()[1].cum, int64_t(5));
        QCOMPARE(v.calleesModel()->rowCount(), 0);
        v.setFunction(f.profile, f.tree, StringId(), ValueUnit::Count);
        QCOMPARE(v.callersModel()->rowCount(), 0);
    }
};

QTEST_MAIN(TestTopFunctions)
#include "tst_topfunctions.moc"
