// TraceListModel / TraceListFilterModel / TraceListView: model contract
// (QAbstractItemModelTester), numeric sorting, each filter, find by trace id.
#include "tracefixture.h"
#include "views/tracelistmodel.h"
#include "views/tracelistview.h"
#include "views/traceselection.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

using namespace spanfire;
using namespace spanfire::views;
using spanfire::testing::FixtureTrace;
using spanfire::testing::kBase;
using spanfire::testing::kMs;

namespace {

// Five traces with durations whose text order differs from their numeric order.
std::shared_ptr<const TraceSet> listSet() {
    std::vector<FixtureTrace> traces;
    const struct {
        const char *service, *op;
        int64_t durNs;
        bool error;
    } spec[] = {
        {"frontend", "GET /a", 900, false},        // 900 ns
        {"frontend", "GET /b", 5 * kMs, true},     // 5 ms
        {"billing", "charge", 20 * kMs, false},    // 20 ms
        {"frontend", "GET /c", 1500 * kMs, false}, // 1.5 s
        {"search", "query", 40000, false},         // 40 us
    };
    for (int i = 0; i < 5; ++i) {
        FixtureTrace t;
        const int64_t s = kBase + i * 10000 * kMs;
        t.spans.push_back({spec[i].op, spec[i].service, -1, s, s + spec[i].durNs, false, {}, -1, -1, {}});
        t.spans.push_back(
            {i == 2 ? "db.insert" : "child", "db", 0, s, s + spec[i].durNs / 2, spec[i].error, {}, -1, -1, {}});
        traces.push_back(t);
    }
    return testing::buildTraceSet(traces);
}

QStringList column(const QAbstractItemModel &m, int col) {
    QStringList out;
    for (int r = 0; r < m.rowCount(); ++r)
        out << m.index(r, col).data().toString();
    return out;
}

} // namespace

class TestTraceList : public QObject {
    Q_OBJECT
private slots:
    void modelContract() {
        TraceListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        TraceListFilterModel proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        auto set = listSet();
        model.setTraceSet(set);
        proxy.setTraceSet(set);
        QCOMPARE(model.rowCount(), 5);
        QCOMPARE(model.columnCount(), int(TraceListModel::ColumnCount));
        proxy.sort(TraceListModel::DurationColumn);
        proxy.setErrorsOnly(true);
        proxy.setErrorsOnly(false);
        // The optional samples column comes and goes without a reset.
        model.setSampleCounts({5, 0, 12, 3, 7}, QStringLiteral("Samples"));
        QCOMPARE(proxy.columnCount(), int(TraceListModel::ColumnCount) + 1);
        proxy.sort(TraceListModel::SamplesColumn, Qt::DescendingOrder);
        QCOMPARE(proxy.index(0, TraceListModel::SamplesColumn).data().toString(), QStringLiteral("12"));
        QCOMPARE(proxy.headerData(TraceListModel::SamplesColumn, Qt::Horizontal).toString(), QStringLiteral("Samples"));
        model.setSampleCounts({1, 2}, QStringLiteral("Samples in main"));
        QCOMPARE(proxy.headerData(TraceListModel::SamplesColumn, Qt::Horizontal).toString(),
                 QStringLiteral("Samples in main"));
        QCOMPARE(model.index(4, TraceListModel::SamplesColumn).data().toString(), QString());
        model.setSampleCounts({}, QString());
        QCOMPARE(proxy.columnCount(), int(TraceListModel::ColumnCount));
        model.setTraceSet(testing::checkoutTraceSet());
        model.setTraceSet(nullptr);
        QCOMPARE(model.rowCount(), 0);
    }

    void displayValues() {
        TraceListModel model;
        model.setTraceSet(listSet());
        QCOMPARE(model.index(0, TraceListModel::ServiceColumn).data().toString(), QStringLiteral("frontend"));
        QCOMPARE(model.index(0, TraceListModel::OperationColumn).data().toString(), QStringLiteral("GET /a"));
        QCOMPARE(model.index(3, TraceListModel::DurationColumn).data().toString(), QStringLiteral("1.5 s"));
        QCOMPARE(model.index(1, TraceListModel::SpansColumn).data().toString(), QStringLiteral("2"));
        QCOMPARE(model.index(1, TraceListModel::ServicesColumn).data().toString(), QStringLiteral("2"));
        QCOMPARE(model.index(1, TraceListModel::ErrorsColumn).data().toString(), QStringLiteral("1"));
        QCOMPARE(model.index(0, TraceListModel::ErrorsColumn).data().toString(), QString());
        QCOMPARE(model.index(2, TraceListModel::DurationColumn).data(TraceListModel::SortRole).toLongLong(), 20 * kMs);
        QCOMPARE(model.index(2, 0).data(TraceListModel::TraceIdRole).toString(),
                 QString::fromStdString(testing::fixtureTraceId(2).hex()));
        QVERIFY(model.index(1, TraceListModel::ServicesColumn)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("db")));
    }

    void sortsDurationsNumerically() {
        TraceListModel model;
        TraceListFilterModel proxy;
        proxy.setSourceModel(&model);
        auto set = listSet();
        model.setTraceSet(set);
        proxy.setTraceSet(set);
        proxy.sort(TraceListModel::DurationColumn, Qt::AscendingOrder);
        QCOMPARE(column(proxy, TraceListModel::DurationColumn),
                 (QStringList{QStringLiteral("900 ns"), QStringLiteral("40 \u00b5s"), QStringLiteral("5 ms"),
                              QStringLiteral("20 ms"), QStringLiteral("1.5 s")}));
        proxy.sort(TraceListModel::ServiceColumn, Qt::DescendingOrder);
        QCOMPARE(column(proxy, TraceListModel::ServiceColumn).first(), QStringLiteral("search"));
        proxy.sort(TraceListModel::ErrorsColumn, Qt::DescendingOrder);
        QCOMPARE(proxy.index(0, TraceListModel::OperationColumn).data().toString(), QStringLiteral("GET /b"));
    }

    void filters() {
        TraceListModel model;
        TraceListFilterModel proxy;
        proxy.setSourceModel(&model);
        auto set = listSet();
        model.setTraceSet(set);
        proxy.setTraceSet(set);
        QCOMPARE(proxy.rowCount(), 5);
        proxy.setServiceFilter(set->strings.find("frontend"));
        QCOMPARE(proxy.rowCount(), 3);
        proxy.setServiceFilter(set->strings.find("db")); // a non-root service counts too
        QCOMPARE(proxy.rowCount(), 5);
        proxy.setServiceFilter(StringId());
        proxy.setOperationFilter(QStringLiteral("INSERT")); // any span, case-insensitive
        QCOMPARE(column(proxy, TraceListModel::OperationColumn), QStringList{QStringLiteral("charge")});
        proxy.setOperationFilter(QStringLiteral("get /"));
        QCOMPARE(proxy.rowCount(), 3);
        proxy.setOperationFilter(QString());
        proxy.setMinimumDurationNs(5 * kMs);
        QCOMPARE(proxy.rowCount(), 3);
        proxy.setErrorsOnly(true);
        QCOMPARE(column(proxy, TraceListModel::OperationColumn), QStringList{QStringLiteral("GET /b")});
        proxy.setMinimumDurationNs(6 * kMs);
        QCOMPARE(proxy.rowCount(), 0);
    }

    void findByTraceId() {
        TraceListModel model;
        model.setTraceSet(listSet());
        const QString id3 = QString::fromStdString(testing::fixtureTraceId(3).hex());
        QCOMPARE(model.findTrace(id3), 3);
        QCOMPARE(model.findTrace(id3.left(4).toUpper()), 3);
        QCOMPARE(model.findTrace(QStringLiteral("0x") + id3.left(6)), 3);
        QCOMPARE(model.findTrace(QStringLiteral("ff")), -1);
        QCOMPARE(model.findTrace(QStringLiteral("not hex")), -1);
        QCOMPARE(model.findTrace(QString()), -1);
    }

    void viewFindAndSelection() {
        TraceSelection sel;
        TraceListView view;
        view.setSelection(&sel);
        auto set = listSet();
        sel.setTraceSet(set);
        view.resize(900, 300);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QCOMPARE(view.tableView()->model()->rowCount(), 5);
        // The filter bar drives the proxy.
        auto *operation = view.findChildren<QLineEdit *>().at(0);
        QCOMPARE(operation->placeholderText(), QStringLiteral("Operation"));
        QTest::keyClicks(operation, QStringLiteral("charge"));
        QCOMPARE(view.tableView()->model()->rowCount(), 1);
        operation->clear();
        auto *minDuration = view.findChildren<QLineEdit *>().at(1);
        QTest::keyClicks(minDuration, QStringLiteral("1s"));
        QCOMPARE(view.tableView()->model()->rowCount(), 1);
        minDuration->setText(QStringLiteral("garbage")); // ignored (shown in red), not a crash
        QCOMPARE(view.tableView()->model()->rowCount(), 5);
        minDuration->clear();
        view.findChild<QCheckBox *>()->setChecked(true);
        QCOMPARE(view.tableView()->model()->rowCount(), 1);
        view.findChild<QCheckBox *>()->setChecked(false);
        // Filtered out trace: find clears the filters and selects it.
        view.filterModel()->setErrorsOnly(true);
        QSignalSpy spy(&view, &TraceListView::traceActivated);
        view.findEdit()->setText(QString::fromStdString(testing::fixtureTraceId(4).hex()).left(5));
        QTest::keyClick(view.findEdit(), Qt::Key_Return);
        QCOMPARE(sel.traceIndex(), 4);
        QCOMPARE(view.currentTrace(), 4);
        QCOMPARE(spy.count(), 1);
        // Selection from elsewhere selects the row here.
        sel.setTraceIndex(2);
        QCOMPARE(view.currentTrace(), 2);
        // Clicking a row selects its trace.
        const QModelIndex idx = view.tableView()->model()->index(0, 1);
        const int trace = idx.data(TraceListModel::TraceIndexRole).toInt();
        QTest::mouseClick(view.tableView()->viewport(), Qt::LeftButton, Qt::NoModifier,
                          view.tableView()->visualRect(idx).center());
        QCOMPARE(sel.traceIndex(), trace);
        QVERIFY(view.grab().save((qEnvironmentVariableIsEmpty("SPANFIRE_BINARY_DIR")
                                      ? QDir::tempPath()
                                      : qEnvironmentVariable("SPANFIRE_BINARY_DIR")) +
                                 QStringLiteral("/tracelist.png")));
    }
};

QTEST_MAIN(TestTraceList)
#include "tst_tracelist.moc"
