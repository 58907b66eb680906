// Span <-> sample linking in the main window on the bundled demo (issue 4):
// a click on a timeline row filters the flame graph to exactly the samples
// labelled with that span (computed here from the span_id labels); choosing
// a function highlights exactly the spans whose samples contain it, shaded by
// share, and fills the trace list's sample column; the Operations dock merges
// the samples of all spans of an operation; the header says why a span has
// no samples.
#include "app/linkingdocks.h"
#include "app/loadjob.h"
#include "app/mainwindow.h"
#include "app/operationsmodel.h"
#include "app/profilepanel.h"
#include "app/selectionhub.h"
#include "app/session.h"
#include "views/activitychart.h"
#include "views/flamegraphwidget.h"
#include "views/profilestate.h"
#include "views/profileview.h"
#include "views/spandetailsview.h"
#include "views/spantimelinewidget.h"
#include "views/topfunctionsmodel.h"
#include "views/topfunctionsview.h"
#include "views/tracelistmodel.h"
#include "views/tracelistview.h"
#include "views/traceselection.h"

#include <QComboBox>
#include <QLineSeries>
#include <QMenu>
#include <QSet>
#include <QSignalSpy>
#include <QTableView>
#include <QTreeWidget>
#include <QValueAxis>
#include <QtTest>

#include <cmath>
#include <map>

using spanfire::app::MainWindow;

namespace {

bool waitIdle(MainWindow &w, int ms = 60000) {
    return QTest::qWaitFor([&] { return !w.loadJob()->isRunning() && !w.selectionHub()->isLinking(); }, ms);
}

// Span id of each sample from its span_id label (0 = none), parsed here independently of LinkIndex.
std::vector<uint64_t> sampleSpanIds(const spanfire::Profile &p) {
    std::vector<uint64_t> out(p.sampleCount(), 0);
    const spanfire::StringId key = p.strings.find("span_id");
    for (size_t i = 0; i < p.sampleCount(); ++i) {
        const spanfire::LabelSetId ls(p.sampleLabels.empty() ? 0 : p.sampleLabels[i]);
        for (auto *l = p.labelSets.begin(ls); l != p.labelSets.end(ls); ++l)
            if (l->key == key)
                out[i] = std::stoull(std::string(p.strings.view(l->str)), nullptr, 16);
    }
    return out;
}

bool stackContains(const spanfire::Profile &p, uint32_t node, spanfire::StringId fn) {
    for (uint32_t n = node; n != 0; n = p.trie.parents()[n])
        if (p.frames.at(spanfire::FrameId(p.trie.frames()[n])).name == fn)
            return true;
    return false;
}

} // namespace

class TestLinking : public QObject {
    Q_OBJECT
private slots:
    void init() {
        m_window = std::make_unique<MainWindow>();
        m_window->setShowDialogs(false);
        m_window->resize(1400, 900);
        m_window->show();
        m_window->openFiles({QStringLiteral(SPANFIRE_DEMO_DIR "/shop.traces.otlp.json"),
                             QStringLiteral(SPANFIRE_DEMO_DIR "/shop.cpu.pb.gz")});
        QVERIFY(waitIdle(*m_window));
        QVERIFY(m_window->session()->traces());
        QVERIFY(m_window->profilePanel()->profile());
        QVERIFY(m_window->selectionHub()->linkIndex());
    }
    void cleanup() { m_window.reset(); }

    void clickSpanRowFiltersFlameGraph() {
        MainWindow &w = *m_window;
        const auto set = w.session()->traces();
        const auto profile = w.profilePanel()->profile();
        const size_t col = size_t(profile->defaultSampleType);
        auto *timeline = w.timeline();
        const int trace = w.selectionHub()->traceSelection()->traceIndex();
        QVERIFY(trace >= 0);
        w.scopeChooser()->setCurrentIndex(w.scopeChooser()->findData(int(spanfire::LinkScope::Self)));
        const std::vector<uint64_t> ids = sampleSpanIds(*profile);
        // The span of the shown trace with the most labelled samples.
        const auto &tr = set->traces[size_t(trace)];
        uint32_t best = tr.firstRow;
        int64_t bestTotal = -1;
        for (uint32_t r = tr.firstRow; r < tr.endRow; ++r) {
            int64_t total = 0;
            for (size_t i = 0; i < ids.size(); ++i)
                if (ids[i] == set->spanId[r])
                    total += profile->values[col][i];
            if (total > bestTotal && r != w.selectionHub()->traceSelection()->spanRow().v) {
                bestTotal = total;
                best = r;
            }
        }
        QVERIFY(bestTotal > 0);
        timeline->scrollToRow(best);
        QApplication::processEvents();
        const QRect rect = timeline->rectOfRow(best);
        QVERIFY(!rect.isEmpty());
        QTest::mouseClick(timeline, Qt::LeftButton, {}, QPoint(rect.left() + 40, rect.center().y()));
        QCOMPARE(w.selectionHub()->traceSelection()->spanRow().v, best);
        auto *view = w.profilePanel()->profileView();
        QCOMPARE(view->flameTree().total(), bestTotal);
        QVERIFY(view->headerText().contains(QStringLiteral("linked by label span_id")));
        QVERIFY(w.selectionHub()->spanInfo().expected > 0);
        // Span details and tooltip text: linked samples vs expected.
        const QList<QTreeWidgetItem *> found =
            w.spanDetails()->tree()->findItems(QStringLiteral("Profile"), Qt::MatchExactly, 0);
        QCOMPARE(found.size(), 1);
        QVERIFY(found[0]->childCount() == 1);
        const QString text = found[0]->child(0)->text(1);
        QVERIFY2(text.contains(QStringLiteral("expected")), qPrintable(text));
        QCOMPARE(text, w.selectionHub()->spanSampleText(best));
    }

    void selectFunctionHighlightsSpans() {
        MainWindow &w = *m_window;
        const auto set = w.session()->traces();
        const auto profile = w.profilePanel()->profile();
        const std::vector<uint64_t> ids = sampleSpanIds(*profile);
        const int trace = w.selectionHub()->traceSelection()->traceIndex();
        const auto &tr = set->traces[size_t(trace)];
        // A leaf function of a sample of the shown trace that not every span contains.
        spanfire::StringId fn;
        for (size_t i = 0; i < ids.size() && !fn.valid(); ++i) {
            const uint32_t row = set->findSpan(ids[i]);
            if (row >= tr.firstRow && row < tr.endRow && row != tr.root.v && profile->sampleNode[i] != 0)
                fn = profile->frames.at(spanfire::FrameId(profile->trie.frames()[profile->sampleNode[i]])).name;
        }
        QVERIFY(fn.valid());
        std::vector<uint64_t> perRow(set->spanCount()), perTrace(set->traces.size());
        for (size_t i = 0; i < ids.size(); ++i) {
            const uint32_t row = ids[i] ? set->findSpan(ids[i]) : spanfire::TraceSet::kNoRow;
            if (row != spanfire::TraceSet::kNoRow && stackContains(*profile, profile->sampleNode[i], fn)) {
                ++perRow[row];
                ++perTrace[set->trace[row]];
            }
        }
        w.profilePanel()->profileView()->state()->setSelectedFunction(fn);
        int highlighted = 0;
        for (uint32_t r = tr.firstRow; r < tr.endRow; ++r) {
            QCOMPARE(w.timeline()->highlightShare(r) > 0, perRow[r] > 0);
            highlighted += perRow[r] > 0;
        }
        QVERIFY(highlighted > 0);
        auto *model = w.traceListView()->sourceModel();
        QVERIFY(model->hasSampleColumn());
        for (int row = 0; row < model->rowCount(); ++row) {
            const int t = model->index(row, 0).data(spanfire::views::TraceListModel::TraceIndexRole).toInt();
            const QVariant v = model->index(row, spanfire::views::TraceListModel::SamplesColumn)
                                   .data(spanfire::views::TraceListModel::SortRole);
            QCOMPARE(v.toULongLong(), perTrace[size_t(t)]);
        }
        // Clearing the function removes the column and the highlight.
        w.profilePanel()->profileView()->state()->setSelectedFunction(spanfire::StringId());
        QVERIFY(!model->hasSampleColumn());
        QCOMPARE(w.timeline()->highlightShare(tr.firstRow), 0.0f);
    }

    void operationSelectionMergesSpans() {
        MainWindow &w = *m_window;
        auto *docks = w.findChild<spanfire::app::LinkingDocks *>();
        QVERIFY(docks);
        const auto profile = w.profilePanel()->profile();
        const auto set = w.session()->traces();
        const size_t col = size_t(profile->defaultSampleType);
        const std::vector<uint64_t> ids = sampleSpanIds(*profile);
        const auto &stats = docks->operationsModel()->stats();
        QVERIFY(!stats.empty());
        int op = 0;
        for (int i = 0; i < int(stats.size()); ++i)
            if (stats[size_t(i)].linkedSamples > stats[size_t(op)].linkedSamples)
                op = i;
        QSet<quint64> opIds;
        for (uint32_t r : stats[size_t(op)].rows)
            opIds.insert(set->spanId[r]);
        int64_t expected = 0;
        for (size_t i = 0; i < ids.size(); ++i)
            if (ids[i] && opIds.contains(ids[i]))
                expected += profile->values[col][i];
        QVERIFY(expected > 0);
        docks->selectOperation(op);
        QCOMPARE(w.profilePanel()->profileView()->flameTree().total(), expected);
        QVERIFY(w.profilePanel()->profileView()->headerText().contains(QStringLiteral("operation")));
    }

    void noSampleReasonsAreWorded() {
        using spanfire::NoSampleReason;
        using spanfire::app::SelectionHub;
        spanfire::SpanSampleInfo info;
        QVERIFY(SelectionHub::noSampleText(info).isEmpty());
        QSet<QString> texts;
        for (NoSampleReason r :
             {NoSampleReason::NotLinked, NoSampleReason::RootsOnly, NoSampleReason::OutsideProfileTime,
              NoSampleReason::ShorterThanPeriod, NoSampleReason::NoneRecorded}) {
            info.reason = r;
            info.expected = 0.25;
            const QString t = SelectionHub::noSampleText(info);
            QVERIFY(t.startsWith(QStringLiteral("no samples")));
            texts.insert(t);
        }
        QCOMPARE(texts.size(), 5);
        info.reason = NoSampleReason::ShorterThanPeriod;
        QVERIFY(SelectionHub::noSampleText(info).contains(QStringLiteral("0.25")));
    }

    // "Compare with every span of this operation": the baseline is the samples
    // of all spans with the selected span's service and name (checked here from
    // the span_id labels), the flame graph is coloured by change (red = larger
    // share than in the baseline), and "Stop comparing" restores the palette.
    void compareWithOperationColoursByChange() {
        MainWindow &w = *m_window;
        const auto set = w.session()->traces();
        const auto profile = w.profilePanel()->profile();
        const size_t col = size_t(profile->defaultSampleType);
        auto *view = w.profilePanel()->profileView();
        auto *hub = w.selectionHub();
        w.scopeChooser()->setCurrentIndex(w.scopeChooser()->findData(int(spanfire::LinkScope::Self)));
        const std::vector<uint64_t> ids = sampleSpanIds(*profile);
        // The span with the most samples whose operation has other spans with samples too.
        std::map<std::pair<uint32_t, uint32_t>, int> spansOfOp;
        for (uint32_t r = 0; r < set->spanCount(); ++r)
            ++spansOfOp[{set->serviceOf(r).v, set->name[r].v}];
        std::map<uint64_t, uint32_t> rowOf;
        for (uint32_t r = 0; r < set->spanCount(); ++r)
            rowOf[set->spanId[r]] = r;
        std::map<uint32_t, int> samplesOfRow;
        for (uint64_t id : ids)
            if (id && rowOf.count(id))
                ++samplesOfRow[rowOf[id]];
        uint32_t row = spanfire::TraceSet::kNoRow;
        for (const auto &[r, n] : samplesOfRow)
            if (spansOfOp[{set->serviceOf(r).v, set->name[r].v}] > 3 &&
                (row == spanfire::TraceSet::kNoRow || n > samplesOfRow[row]))
                row = r;
        QVERIFY(row != spanfire::TraceSet::kNoRow);
        QVERIFY(!hub->compareOperationAction()->isEnabled() || hub->traceSelection()->spanRow().valid());
        hub->traceSelection()->setSpanRow(spanfire::SpanRow(row));
        QTRY_VERIFY(!view->isAggregating());
        QVERIFY(hub->compareOperationAction()->isEnabled());
        QVERIFY(!view->hasBaseline());
        QVERIFY(!view->flameWidget()->diffActive());
        const QRgb plainRoot1 = view->flameWidget()->nodeColor(1);

        hub->compareOperationAction()->trigger();
        QTRY_VERIFY(!view->isAggregating());
        QVERIFY(view->hasBaseline());
        const spanfire::FlameDiff &d = view->flameWidget()->diff();
        QVERIFY(d.active());
        // The baseline independently: samples labelled with a span of the operation.
        uint64_t baseSamples = 0;
        int64_t baseTotal = 0;
        std::map<uint32_t, int64_t> baseByTopFrame; // depth-1 frame -> baseline total
        for (size_t i = 0; i < ids.size(); ++i) {
            if (!ids[i] || !rowOf.count(ids[i]))
                continue;
            const uint32_t r = rowOf[ids[i]];
            if (set->serviceOf(r) != set->serviceOf(row) || set->name[r] != set->name[row])
                continue;
            ++baseSamples;
            baseTotal += profile->values[col][i];
            spanfire::NodeId n(profile->sampleNode[i]);
            while (n.v != 0 && profile->trie.parent(n).v != 0)
                n = profile->trie.parent(n);
            if (n.v != 0)
                baseByTopFrame[profile->trie.frames()[n.v]] += profile->values[col][i];
        }
        QCOMPARE(d.baseSamples, baseSamples);
        QCOMPARE(d.baseRoot, baseTotal);
        QVERIFY(baseSamples > uint64_t(samplesOfRow[row]));
        const spanfire::FlameTree &tree = view->flameTree();
        for (uint32_t c = 1; c < tree.nodes.size(); c = tree.nodes[c].end)
            QCOMPARE(d.baseTotal[c], baseByTopFrame[tree.nodes[c].frame.v]);
        QVERIFY2(view->compareText().contains(QStringLiteral("Compared with: every ")),
                 qPrintable(view->compareText()));
        // Colours follow the sign of the change.
        int grew = -1, shrank = -1;
        for (uint32_t n = 1; n < tree.nodes.size(); ++n) {
            const double delta = d.shareDelta(tree, n);
            if (delta > 0.02 && grew < 0)
                grew = int(n);
            if (delta < -0.02 && shrank < 0)
                shrank = int(n);
        }
        QVERIFY(grew > 0);
        const QRgb red = view->flameWidget()->nodeColor(grew);
        QVERIFY2(qRed(red) > qBlue(red) + 40, qPrintable(QString::number(red, 16)));
        if (shrank > 0) {
            const QRgb blue = view->flameWidget()->nodeColor(shrank);
            QVERIFY2(qBlue(blue) > qRed(blue) + 40, qPrintable(QString::number(blue, 16)));
        }
        QVERIFY(view->flameWidget()->tooltipText(grew).contains(QStringLiteral("baseline: total")));
        // The top table gets the change column.
        auto *top = view->topView()->model();
        QVERIFY(top->hasBaseline());
        QCOMPARE(top->columnCount(), int(spanfire::views::TopFunctionsModel::ColumnCount) + 1);
        // Another span keeps the baseline; the diff follows the new tree.
        hub->traceSelection()->setSpanRow(set->traces[size_t(hub->traceSelection()->traceIndex())].root);
        QTRY_VERIFY(!view->isAggregating());
        QVERIFY(view->flameWidget()->diffActive());
        QCOMPARE(view->flameWidget()->diff().baseSamples, baseSamples);

        // Pin what is shown (Ctrl+B): the baseline equals the shown samples, nothing differs.
        view->setFocus();
        QTest::keyClick(view, Qt::Key_B, Qt::ControlModifier);
        QTRY_VERIFY(!view->isAggregating());
        QCOMPARE(view->flameWidget()->diff().baseSamples, view->flameTree().sampleCount);
        QCOMPARE(view->flameWidget()->diff().maxAbsDelta, 0.0);

        // Stop comparing: the package palette again.
        const QList<QAction *> actions = view->compareMenu()->actions();
        QAction *stop = actions.back();
        QVERIFY(stop->isEnabled());
        stop->trigger();
        QTRY_VERIFY(!view->isAggregating());
        QVERIFY(!view->hasBaseline());
        QVERIFY(!view->flameWidget()->diffActive());
        QVERIFY(view->compareText().isEmpty());
        QVERIFY(!view->topView()->model()->hasBaseline());
        hub->traceSelection()->setSpanRow(spanfire::SpanRow(row));
        QTRY_VERIFY(!view->isAggregating());
        QCOMPARE(view->flameWidget()->nodeColor(1), plainRoot1);
    }

    // A drag on the activity chart restricts the flame graph to that time range.
    // Demo profile has no sample timestamps: the chart plots each span's
    // linked samples along the selected trace, and the selection series
    // holds exactly the selected span's samples.
    void activityChartFallsBackToSpansAlongTheTrace() {
        MainWindow &w = *m_window;
        auto *chart = w.findChild<spanfire::views::ActivityChart *>(QStringLiteral("activityChart"));
        QVERIFY(chart);
        QVERIFY(!chart->hasTimes());
        QVERIFY(chart->showsSpanFallback());
        const auto set = w.session()->traces();
        const spanfire::LinkIndex *link = w.selectionHub()->linkIndex();
        const auto &tr = set->traces[size_t(w.selectionHub()->traceSelection()->traceIndex())];
        uint64_t traceSamples = 0;
        for (uint32_t r = tr.firstRow; r < tr.endRow; ++r)
            traceSamples += link->sampleCount(r);
        QVERIFY(traceSamples > 0);
        auto sum = [](const std::vector<double> &v) {
            double s = 0;
            for (double x : v)
                s += x;
            return s;
        };
        QVERIFY(qAbs(sum(chart->wholeCounts()) - double(traceSamples)) < 1e-6);
        // The y axis fits the curve (a fraction of a sample per bucket here),
        // with at most one round step of headroom.
        auto *yAxis = qobject_cast<QValueAxis *>(chart->chart()->axes(Qt::Vertical).value(0));
        auto *whole = qobject_cast<QLineSeries *>(chart->chart()->series().value(0));
        QVERIFY(yAxis && whole);
        double peak = 0;
        for (const QPointF &pt : whole->points())
            peak = std::max(peak, pt.y());
        QVERIFY(peak > 0);
        QVERIFY2(yAxis->max() >= peak && yAxis->max() <= peak * 1.05 + yAxis->tickInterval(),
                 qPrintable(QStringLiteral("%1 vs %2").arg(yAxis->max()).arg(peak)));
        // Select the root span in "span only" scope: the selection series is its own samples.
        w.scopeChooser()->setCurrentIndex(w.scopeChooser()->findData(int(spanfire::LinkScope::Self)));
        w.selectionHub()->traceSelection()->setSpanRow(spanfire::SpanRow(tr.firstRow));
        QApplication::processEvents();
        QVERIFY(qAbs(sum(chart->selectionCounts()) - double(link->sampleCount(tr.firstRow))) < 1e-6);
    }

    void activityChartDragSelectsTimeRange() {
        auto p = std::make_shared<spanfire::Profile>();
        p->sampleTypes.push_back({p->strings.intern("samples"), p->strings.intern("count")});
        spanfire::Frame fr;
        fr.name = p->strings.intern("work");
        fr.systemName = fr.name;
        const spanfire::NodeId node = p->trie.child(spanfire::StackTrie::root(), p->frames.intern(fr));
        p->values.resize(1);
        const int64_t t0 = 1'700'000'000'000'000'000LL;
        for (int i = 0; i < 1000; ++i) { // one sample per ms over one second
            p->sampleNode.push_back(node.v);
            p->values[0].push_back(1);
            p->sampleLabels.push_back(0);
            p->sampleTime.push_back(t0 + int64_t(i) * 1'000'000);
        }
        p->finish();
        std::shared_ptr<const spanfire::Profile> profile = p;
        spanfire::views::ActivityChart chart;
        chart.resize(800, 300);
        chart.show();
        QVERIFY(QTest::qWaitForWindowExposed(&chart));
        chart.setProfile(profile);
        QVERIFY(chart.hasTimes());
        double sum = 0;
        for (double c : chart.wholeCounts())
            sum += c;
        QCOMPARE(sum, 1000.0);
        // One second of samples: a millisecond axis with round ticks, and the
        // curve in samples per second (1000/s on average, whatever the buckets).
        auto *xAxis = qobject_cast<QValueAxis *>(chart.chart()->axes(Qt::Horizontal).value(0));
        auto *yAxis = qobject_cast<QValueAxis *>(chart.chart()->axes(Qt::Vertical).value(0));
        QVERIFY(xAxis && yAxis);
        QCOMPARE(xAxis->labelFormat(), QStringLiteral("%.0f ms"));
        QCOMPARE(xAxis->tickInterval(), 200.0);
        QCOMPARE(xAxis->tickAnchor(), 0.0);
        QVERIFY(xAxis->max() > 998.9 && xAxis->max() < 999.1);
        QCOMPARE(yAxis->labelFormat(), QStringLiteral("%.0f/s"));
        QVERIFY(std::fmod(yAxis->max(), yAxis->tickInterval()) == 0);
        auto *whole = qobject_cast<QLineSeries *>(chart.chart()->series().value(0));
        QVERIFY(whole);
        QCOMPARE(whole->count(), spanfire::views::ActivityChart::kBuckets);
        double mean = 0;
        for (const QPointF &pt : whole->points())
            mean += pt.y() / whole->count();
        QVERIFY2(std::abs(mean - 1001.0) < 1.0, qPrintable(QString::number(mean)));
        QVERIFY(whole->points().back().x() < xAxis->max());
        QSignalSpy spy(&chart, &spanfire::views::ActivityChart::rangeSelected);
        const QRectF plot = chart.chart()->plotArea();
        const int x0 = int(plot.left() + plot.width() * 0.25), x1 = int(plot.left() + plot.width() * 0.75);
        const int y = int(plot.center().y());
        QTest::mousePress(chart.viewport(), Qt::LeftButton, {}, QPoint(x0, y));
        QTest::mouseRelease(chart.viewport(), Qt::LeftButton, {}, QPoint(x1, y));
        QCOMPARE(spy.count(), 1);
        const qint64 begin = spy.at(0).at(0).toLongLong(), end = spy.at(0).at(1).toLongLong();
        // About the middle half of the second (pixel rounding: within 1%).
        QVERIFY2(std::abs(begin - (t0 + 250'000'000)) < 10'000'000, qPrintable(QString::number(begin - t0)));
        QVERIFY2(std::abs(end - (t0 + 750'000'000)) < 10'000'000, qPrintable(QString::number(end - t0)));
        // In the window: the hub turns the range into a time-range selection.
        MainWindow &w = *m_window;
        w.selectionHub()->setTimeRange(begin, end);
        QVERIFY(w.selectionHub()->currentSelection().hasTimeRange);
        QCOMPARE(w.selectionHub()->currentSelection().timeBegin, begin);
        QCOMPARE(w.selectionHub()->currentSelection().timeEnd, end);
        w.selectionHub()->setTimeRange(0, 0);
        QVERIFY(!w.selectionHub()->currentSelection().hasTimeRange);
        // A click without a drag clears.
        QTest::mouseClick(chart.viewport(), Qt::LeftButton, {}, QPoint(x0, y));
        QCOMPARE(spy.count(), 2);
        QCOMPARE(spy.at(1).at(0).toLongLong(), 0);
    }

private:
    std::unique_ptr<MainWindow> m_window;
};

QTEST_MAIN(TestLinking)
#include "tst_linking.moc"
