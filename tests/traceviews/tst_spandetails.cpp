// SpanDetailsView: fields, sections, plain-text rendering of untrusted names,
// and link / parent navigation.
#include "tracefixture.h"
#include "views/spandetailsview.h"
#include "views/traceselection.h"

#include <QDir>
#include <QLabel>
#include <QSignalSpy>
#include <QTest>
#include <QTextDocument>
#include <QTreeWidget>

using namespace spanfire;
using namespace spanfire::views;
using spanfire::testing::rowByName;

namespace {

QTreeWidgetItem *findItem(QTreeWidget *tree, const QString &key, QTreeWidgetItem *under = nullptr) {
    const int n = under ? under->childCount() : tree->topLevelItemCount();
    for (int i = 0; i < n; ++i) {
        QTreeWidgetItem *it = under ? under->child(i) : tree->topLevelItem(i);
        if (it->text(0) == key)
            return it;
        if (QTreeWidgetItem *found = findItem(tree, key, it))
            return found;
    }
    return nullptr;
}

} // namespace

class TestSpanDetails : public QObject {
    Q_OBJECT
private slots:
    void showsFields() {
        auto set = testing::checkoutTraceSet();
        SpanDetailsView v;
        v.setTraceSet(set);
        const uint32_t db = rowByName(*set, "db.query");
        v.showSpan(SpanRow(db));
        QCOMPARE(v.titleLabel()->text(), QStringLiteral("db.query"));
        QCOMPARE(findItem(v.tree(), QStringLiteral("Service"))->text(1), QStringLiteral("db"));
        QCOMPARE(findItem(v.tree(), QStringLiteral("Status"))->text(1), QStringLiteral("error"));
        QCOMPARE(findItem(v.tree(), QStringLiteral("Status message"))->text(1), QStringLiteral("boom <i>bad</i>"));
        QCOMPARE(findItem(v.tree(), QStringLiteral("Duration"))->text(1), QStringLiteral("30 ms"));
        QCOMPARE(findItem(v.tree(), QStringLiteral("Self time"))->text(1), QStringLiteral("30 ms"));
        QCOMPARE(findItem(v.tree(), QStringLiteral("host.name"))->text(1), QStringLiteral("node-7"));
        QCOMPARE(findItem(v.tree(), QStringLiteral("Version"))->text(1), QStringLiteral("1.2.3"));
        QVERIFY(findItem(v.tree(), QStringLiteral("Start"))->text(1).startsWith(QStringLiteral("+25 ms")));
        // Self time of the root: 100 ms minus the union of its children (5..19, 20..58, 60..95 ms).
        v.showSpan(set->traces[0].root);
        QCOMPARE(findItem(v.tree(), QStringLiteral("Self time"))->text(1), QStringLiteral("13 ms"));
        QCOMPARE(findItem(v.tree(), QStringLiteral("http.method"))->text(1), QStringLiteral("GET"));
        QCOMPARE(findItem(v.tree(), QStringLiteral("Children"))->text(1), QStringLiteral("4 direct, 6 in the subtree"));
        // Events with their offset from the span start.
        v.showSpan(SpanRow(rowByName(*set, "pricing")));
        QVERIFY(findItem(v.tree(), QStringLiteral("+10 ms")));
        QVERIFY(findItem(v.tree(), QStringLiteral("+20 ms")));
        QCOMPARE(findItem(v.tree(), QStringLiteral("Children"))->text(1), QStringLiteral("1 direct, 1 in the subtree"));
        // Copy: selected rows as key<TAB>value lines.
        findItem(v.tree(), QStringLiteral("Self time"))->setSelected(true);
        findItem(v.tree(), QStringLiteral("Name"))->setSelected(true);
        QCOMPARE(v.selectedText(), QStringLiteral("Name\tpricing\nSelf time\t33 ms"));
        v.showSpan(SpanRow());
        QCOMPARE(v.tree()->topLevelItemCount(), 0);
    }

    void untrustedTextIsPlain() {
        auto set = testing::checkoutTraceSet();
        SpanDetailsView v;
        v.setTraceSet(set);
        v.showSpan(SpanRow(rowByName(*set, "<b>x</b>")));
        QCOMPARE(v.titleLabel()->textFormat(), Qt::PlainText);
        QCOMPARE(v.titleLabel()->text(), QStringLiteral("<b>x</b>"));
        QTreeWidgetItem *note = findItem(v.tree(), QStringLiteral("note"));
        QVERIFY(note);
        QCOMPARE(note->text(1), QStringLiteral("<b>bold</b>"));
        // The item tooltip is escaped rich text: it reads back literally.
        QTextDocument doc;
        doc.setHtml(note->toolTip(1));
        QCOMPARE(doc.toPlainText(), QStringLiteral("<b>bold</b>"));
        for (QLabel *label : v.findChildren<QLabel *>())
            QCOMPARE(label->textFormat(), Qt::PlainText);
        v.resize(600, 500);
        v.showSpan(SpanRow(rowByName(*set, "cart.load")));
        const QString dir = qEnvironmentVariableIsEmpty("SPANFIRE_BINARY_DIR")
                                ? QDir::tempPath()
                                : qEnvironmentVariable("SPANFIRE_BINARY_DIR");
        QVERIFY(v.grab().save(dir + QStringLiteral("/spandetails.png")));
    }

    void linkJumps() {
        auto set = testing::checkoutTraceSet();
        TraceSelection sel;
        SpanDetailsView v;
        v.setSelection(&sel);
        sel.setTraceSet(set);
        const uint32_t cart = rowByName(*set, "cart.load");
        const uint32_t target = rowByName(*set, "<b>x</b>");
        sel.setSpanRow(SpanRow(cart));
        QCOMPARE(v.span(), SpanRow(cart));
        QTreeWidgetItem *link = findItem(v.tree(), QStringLiteral("Link 1"));
        QVERIFY(link);
        QCOMPARE(link->data(0, SpanDetailsView::TargetRowRole).toUInt(), target);
        QVERIFY(link->text(1).startsWith(QStringLiteral("<b>x</b>")));
        QSignalSpy spy(&v, &SpanDetailsView::spanLinkActivated);
        emit v.tree()->itemActivated(link, 1);
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.at(0).at(0).value<SpanRow>(), SpanRow(target));
        QCOMPARE(sel.spanRow(), SpanRow(target));
        QCOMPARE(sel.traceIndex(), 1);
        QCOMPARE(v.span(), SpanRow(target)); // followed the selection
        // The parent entry of the child jumps to its parent.
        sel.setSpanRow(SpanRow(rowByName(*set, "child")));
        QTreeWidgetItem *parent = findItem(v.tree(), QStringLiteral("Parent"));
        QVERIFY(parent);
        emit v.tree()->itemActivated(parent, 1);
        QCOMPARE(sel.spanRow(), SpanRow(target));
    }
};

QTEST_MAIN(TestSpanDetails)
#include "tst_spandetails.moc"
