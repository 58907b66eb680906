// The trace views over every real trace file of the shared corpus (imported
// with the real importers): every trace renders, shows one row per span,
// takes a critical path, and every span's details and tooltip build; the
// trace list passes QAbstractItemModelTester. Catches layout assumptions that
// hand-made fixtures miss (orphans, zero-length spans, many roots).
#include "importers/importer.h"
#include "model/spantable.h"
#include "views/spandetailsview.h"
#include "views/spantimelinewidget.h"
#include "views/tracelistmodel.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QDirIterator>
#include <QTest>
#include <QTreeWidget>

using namespace spanfire;
using namespace spanfire::views;

class TestTraceViewsCorpus : public QObject {
    Q_OBJECT
private slots:
    void corpusFiles_data() {
        QTest::addColumn<QString>("path");
        const QString corpus = QStringLiteral(SPANFIRE_CORPUS_DIR);
        int n = 0;
        for (const char *dir : {"otlp-traces", "jaeger", "zipkin"}) {
            QDirIterator it(corpus + QLatin1Char('/') + QLatin1String(dir), QDir::Files, QDirIterator::Subdirectories);
            while (it.hasNext()) {
                const QString path = it.next();
                QTest::newRow(qPrintable(QDir(corpus).relativeFilePath(path))) << path;
                ++n;
            }
        }
        if (n == 0)
            QSKIP("no corpus trace files");
    }
    void corpusFiles() {
        QFETCH(QString, path);
        const ImportResult r = importFile(path.toStdString());
        if (!r.ok || !r.traces)
            QSKIP(
                qPrintable(QStringLiteral("not a loadable trace file: ") + QString::fromStdString(r.error.toString())));
        const TraceSet &set = *r.traces;
        QVERIFY(!set.traces.empty());

        TraceListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setTraceSet(r.traces);
        QCOMPARE(model.rowCount(), int(set.traces.size()));
        for (int row = 0; row < model.rowCount(); ++row) {
            QCOMPARE(model.findTrace(model.index(row, 0).data(TraceListModel::TraceIdRole).toString()), row);
            QVERIFY(!model.index(row, TraceListModel::DurationColumn).data().toString().isEmpty());
        }

        SpanTimelineWidget w;
        w.resize(1200, 600);
        w.setTraceSet(r.traces);
        SpanDetailsView details;
        details.setTraceSet(r.traces);
        QImage image(w.size(), QImage::Format_ARGB32_Premultiplied);
        for (size_t t = 0; t < set.traces.size(); ++t) {
            const TraceSummary &s = set.traces[t];
            w.setTrace(int(t));
            QCOMPARE(w.shownRowCount(), int(s.spanCount));
            QCOMPARE(w.visibleRange(), std::make_pair(s.startNs, s.startNs + std::max<int64_t>(s.durationNs(), 1)));
            w.setCriticalPathEnabled(true);
            const std::vector<uint32_t> path = set.criticalPath(uint32_t(t));
            QVERIFY(!path.empty());
            int flagged = 0;
            for (uint32_t row = s.firstRow; row < s.endRow; ++row)
                flagged += w.isOnCriticalPath(row) ? 1 : 0;
            QCOMPARE(flagged, int(path.size()));
            w.render(&image);
            w.setCriticalPathEnabled(false);
            w.collapseFromDepth(0);
            QCOMPARE(w.shownRowCount(), int(set.rootsOf(uint32_t(t)).size()));
            w.expandAll();
            for (uint32_t row = s.firstRow; row < s.endRow && row < s.firstRow + 2000; ++row) {
                QVERIFY(!w.toolTipHtml(row).isEmpty());
                details.showSpan(SpanRow(row));
                QVERIFY(details.tree()->topLevelItemCount() >= 1);
            }
        }
        w.setTrace(0);
        const QString out =
            (qEnvironmentVariableIsEmpty("SPANFIRE_BINARY_DIR") ? QDir::tempPath()
                                                                : qEnvironmentVariable("SPANFIRE_BINARY_DIR")) +
            QStringLiteral("/corpus_") + QFileInfo(path).completeBaseName() + QStringLiteral(".png");
        QVERIFY(w.grab().save(out));
    }
};

QTEST_MAIN(TestTraceViewsCorpus)
#include "tst_traceviewscorpus.moc"
