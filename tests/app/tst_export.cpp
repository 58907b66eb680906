// Exports (offscreen): flame/icicle/timeline images parse (SVG as XML with
// <text> frame/span names, PNG at the requested size), CSV round-trips rows,
// columns and awkward names, folded stacks re-import to the same total, and a
// span's samples exported as pprof re-import with the selection's totals and
// are read by `go tool pprof -top` (skipped when go is not installed).
#include "app/exportactions.h"
#include "app/exports.h"
#include "app/loadjob.h"
#include "app/mainwindow.h"
#include "app/profilepanel.h"
#include "app/selectionhub.h"
#include "app/session.h"
#include "importers/importer.h"
#include "model/linkindex.h"
#include "model/spantable.h"
#include "views/flamegraphwidget.h"
#include "views/profileview.h"
#include "views/spantimelinewidget.h"
#include "views/topfunctionsview.h"
#include "views/tracelistmodel.h"
#include "views/tracelistview.h"
#include "views/traceselection.h"

#include <QComboBox>
#include <QImage>
#include <QProcess>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QXmlStreamReader>
#include <QtTest>

using spanfire::app::MainWindow;

namespace {

bool waitIdle(MainWindow &w, int ms = 60000) {
    return QTest::qWaitFor([&] { return !w.loadJob()->isRunning() && !w.selectionHub()->isLinking(); }, ms);
}

// RFC 4180 reader (the inverse of modelToCsv).
QList<QStringList> parseCsv(const QString &text) {
    QList<QStringList> rows;
    QStringList row;
    QString field;
    bool quoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (quoted) {
            if (c == QLatin1Char('"')) {
                if (i + 1 < text.size() && text[i + 1] == QLatin1Char('"')) {
                    field += c;
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                field += c;
            }
        } else if (c == QLatin1Char('"')) {
            quoted = true;
        } else if (c == QLatin1Char(',')) {
            row << field;
            field.clear();
        } else if (c == QLatin1Char('\r')) {
            continue;
        } else if (c == QLatin1Char('\n')) {
            row << field;
            field.clear();
            rows << row;
            row.clear();
        } else {
            field += c;
        }
    }
    return rows;
}

QString readText(const QString &path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(f.readAll());
}

// Every <text> element's content; empty list and `ok` false when the XML is broken.
QStringList svgTexts(const QString &path, bool *ok) {
    QFile f(path);
    *ok = f.open(QIODevice::ReadOnly);
    QStringList texts;
    QXmlStreamReader xml(&f);
    bool sawSvg = false;
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        if (xml.name() == QLatin1String("svg"))
            sawSvg = true;
        if (xml.name() == QLatin1String("text"))
            texts << xml.readElementText(QXmlStreamReader::IncludeChildElements).trimmed();
    }
    *ok = *ok && !xml.hasError() && sawSvg;
    return texts;
}

} // namespace

class TestExport : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        if (qEnvironmentVariableIsSet("SPANFIRE_KEEP_EXPORTS")) { // to look at the files
            m_dir.setAutoRemove(false);
            qInfo("exports kept in %s", qPrintable(m_dir.path()));
        }
        m_window.reset(new MainWindow);
        m_window->setShowDialogs(false);
        m_window->resize(1400, 900);
        m_window->show();
        m_window->openFiles({QStringLiteral(SPANFIRE_DEMO_DIR "/shop.traces.otlp.json"),
                             QStringLiteral(SPANFIRE_DEMO_DIR "/shop.cpu.pb.gz")});
        QVERIFY(waitIdle(*m_window));
        QVERIFY(m_window->session()->traces() && m_window->profilePanel()->profile());
        QVERIFY(m_window->selectionHub()->linkIndex());
    }

    void flameSvgIsVectorXml() {
        auto *pv = m_window->profilePanel()->profileView();
        pv->clearSelection();
        const spanfire::FlameTree &tree = pv->flameTree();
        QSet<QString> names;
        for (uint32_t k = 1; k < tree.nodes.size(); ++k)
            if (tree.nodes[k].depth == 1)
                names.insert(pv->flameWidget()->nodeName(int(k)));
        QVERIFY(!names.isEmpty());
        for (bool icicle : {false, true}) {
            const QString path = m_dir.filePath(icicle ? QStringLiteral("icicle.svg") : QStringLiteral("flame.svg"));
            QVERIFY2(m_window->exportActions()->exportFlameImage(path, icicle),
                     qPrintable(m_window->exportActions()->lastError()));
            bool ok = false;
            const QStringList texts = svgTexts(path, &ok);
            QVERIFY(ok);
            bool found = false;
            for (const QString &t : texts)
                found = found || names.contains(t);
            QVERIFY2(found, qPrintable(texts.mid(0, 10).join(QLatin1Char('|'))));
            QVERIFY(readText(path).contains(QLatin1String("<rect")) || readText(path).contains(QLatin1String("<path")));
            QVERIFY(!readText(path).contains(QLatin1String("<image"))); // vector, not a raster
        }
    }

    void flamePngHasRequestedSize() {
        auto *flame = m_window->profilePanel()->profileView()->flameWidget();
        const QString path = m_dir.filePath(QStringLiteral("flame.png"));
        QString error;
        QVERIFY2(spanfire::app::exportFlame(*flame, path, QSize(640, 300), &error, 1.0), qPrintable(error));
        QImage img(path);
        QCOMPARE(img.size(), QSize(640, 300));
        QVERIFY2(spanfire::app::exportFlame(*flame, path, QSize(640, 300), &error, 2.0), qPrintable(error));
        QCOMPARE(QImage(path).size(), QSize(1280, 600));
        QVERIFY(!spanfire::app::exportFlame(*flame, m_dir.filePath(QStringLiteral("x.bmpx")), QSize(10, 10), &error));
        QVERIFY(error.contains(QLatin1String("x.bmpx")));
        QVERIFY(!spanfire::app::exportFlame(*flame, QStringLiteral("/nonexistent-dir/a.png"), QSize(10, 10), &error));
        QVERIFY(error.contains(QLatin1String("/nonexistent-dir/a.png")));
    }

    void timelineExports() {
        auto *timeline = m_window->timeline();
        QVERIFY(timeline->traceIndex() >= 0);
        const QString png = m_dir.filePath(QStringLiteral("timeline.png"));
        QVERIFY2(m_window->exportActions()->exportTimelineImage(png),
                 qPrintable(m_window->exportActions()->lastError()));
        const QImage img(png);
        QCOMPARE(img.size(), timeline->size() * timeline->devicePixelRatioF());
        const QString svg = m_dir.filePath(QStringLiteral("timeline.svg"));
        QVERIFY(m_window->exportActions()->exportTimelineImage(svg));
        bool ok = false;
        const QStringList texts = svgTexts(svg, &ok);
        QVERIFY(ok);
        const auto set = m_window->session()->traces();
        const uint32_t root = set->traces[size_t(timeline->traceIndex())].root.v;
        const QString rootName = QString::fromUtf8(set->strings.view(set->name[root]));
        bool found = false;
        for (const QString &t : texts)
            found = found || t.contains(rootName);
        QVERIFY2(found, qPrintable(rootName));
    }

    void csvRoundTrips() {
        QStandardItemModel model(0, 3);
        model.setHorizontalHeaderLabels({QStringLiteral("name"), QStringLiteral("a,b"), QStringLiteral("q\"uote")});
        const QList<QStringList> data{
            {QStringLiteral("std::map<int, int>::find"), QStringLiteral("1"), QStringLiteral("say \"hi\"")},
            {QStringLiteral("multi\nline"), QString(), QStringLiteral("plain")},
            {QStringLiteral(",\""), QStringLiteral("\"\""), QStringLiteral("\u00e9\u6f22")}};
        for (const QStringList &r : data) {
            QList<QStandardItem *> items;
            for (const QString &c : r)
                items << new QStandardItem(c);
            model.appendRow(items);
        }
        const QList<QStringList> back = parseCsv(spanfire::app::modelToCsv(model));
        QCOMPARE(back.size(), 4);
        QCOMPARE(back[0], (QStringList{QStringLiteral("name"), QStringLiteral("a,b"), QStringLiteral("q\"uote")}));
        for (int r = 0; r < 3; ++r)
            QCOMPARE(back[r + 1], data[r]);

        // The real top-functions table, through the export action.
        auto *proxy = m_window->profilePanel()->profileView()->topView()->proxy();
        QVERIFY(proxy->rowCount() > 0);
        const QString path = m_dir.filePath(QStringLiteral("top.csv"));
        QVERIFY(m_window->exportActions()->exportTopFunctionsCsv(path));
        const QList<QStringList> top = parseCsv(readText(path));
        QCOMPARE(top.size(), proxy->rowCount() + 1);
        for (int r = 0; r < proxy->rowCount(); ++r) {
            QCOMPARE(top[r + 1].size(), proxy->columnCount());
            for (int c = 0; c < proxy->columnCount(); ++c)
                QCOMPARE(top[r + 1][c], proxy->index(r, c).data().toString());
        }
        const QString traces = m_dir.filePath(QStringLiteral("traces.csv"));
        QVERIFY(m_window->exportActions()->exportTraceListCsv(traces));
        QCOMPARE(parseCsv(readText(traces)).size(), m_window->traceListView()->filterModel()->rowCount() + 1);
        const QString details = m_dir.filePath(QStringLiteral("details.csv"));
        QVERIFY(m_window->exportActions()->exportSpanDetailsCsv(details));
        QVERIFY(parseCsv(readText(details)).size() > 1);
    }

    void foldedReimportsToSameTotal() {
        auto *pv = m_window->profilePanel()->profileView();
        for (bool span : {false, true}) {
            if (span)
                selectBusiestSpan();
            else
                m_window->selectionHub()->traceSelection()->setSpanRow(spanfire::SpanRow());
            const int64_t total = pv->flameTree().total();
            QVERIFY(total > 0);
            const QString path = m_dir.filePath(QStringLiteral("stacks.folded"));
            QVERIFY2(m_window->exportActions()->exportFolded(path), qPrintable(m_window->exportActions()->lastError()));
            const spanfire::ImportResult r = spanfire::importFile(path.toStdString());
            QVERIFY2(r.ok, r.error.toString().c_str());
            QCOMPARE(r.profile->total(0), total);
        }
    }

    void selectionPprofReimports() {
        auto *pv = m_window->profilePanel()->profileView();
        selectBusiestSpan();
        const auto profile = pv->profile();
        const spanfire::SampleSelection sel = pv->selection();
        QVERIFY(!sel.all);
        const std::unique_ptr<spanfire::Profile> subset = spanfire::app::selectSamples(*profile, sel);
        QVERIFY(subset->sampleCount() > 0);
        QVERIFY(subset->sampleCount() < profile->sampleCount());
        const int col = profile->defaultSampleType;
        QCOMPARE(subset->total(size_t(col)), pv->flameTree().total());

        const QString path = m_dir.filePath(QStringLiteral("span.pb.gz"));
        QVERIFY2(m_window->exportActions()->exportSelectionPprof(path),
                 qPrintable(m_window->exportActions()->lastError()));
        const spanfire::ImportResult r = spanfire::importFile(path.toStdString());
        QVERIFY2(r.ok, r.error.toString().c_str());
        QCOMPARE(r.profile->sampleTypes.size(), profile->sampleTypes.size());
        for (size_t k = 0; k < profile->sampleTypes.size(); ++k) {
            QCOMPARE(r.profile->sampleTypeName(k), profile->sampleTypeName(k));
            QCOMPARE(r.profile->total(k), subset->total(k));
        }
        QCOMPARE(r.profile->sampleCount(), subset->sampleCount());
        // Labels survive: every sample still carries its span_id label.
        const spanfire::StringId key = r.profile->strings.find("span_id");
        QVERIFY(key.valid());

        const QString go = QStandardPaths::findExecutable(QStringLiteral("go"));
        if (go.isEmpty())
            QSKIP("go is not installed");
        QProcess proc;
        proc.start(go, {QStringLiteral("tool"), QStringLiteral("pprof"), QStringLiteral("-top"), path});
        QVERIFY(proc.waitForFinished(120000));
        const QString out = QString::fromUtf8(proc.readAllStandardOutput());
        QVERIFY2(proc.exitCode() == 0, qPrintable(QString::fromUtf8(proc.readAllStandardError())));
        QVERIFY2(out.contains(QLatin1String("flat")), qPrintable(out));
        const spanfire::FlameTree &tree = pv->flameTree();
        QVERIFY(tree.nodes.size() > 1);
        bool anyName = false; // some function of the selection is listed
        for (uint32_t k = 1; k < tree.nodes.size(); ++k)
            anyName = anyName || out.contains(pv->flameWidget()->nodeName(int(k)));
        QVERIFY(anyName);
    }

private:
    void selectBusiestSpan() {
        const auto set = m_window->session()->traces();
        const spanfire::LinkIndex *link = m_window->selectionHub()->linkIndex();
        uint32_t best = 0;
        for (uint32_t r = 0; r < set->spanCount(); ++r)
            if (link->sampleCount(r) > link->sampleCount(best))
                best = r;
        m_window->scopeChooser()->setCurrentIndex(m_window->scopeChooser()->findData(int(spanfire::LinkScope::Self)));
        m_window->selectionHub()->traceSelection()->setSpanRow(spanfire::SpanRow(best));
    }

    QTemporaryDir m_dir;
    std::unique_ptr<MainWindow> m_window;
};

QTEST_MAIN(TestExport)
#include "tst_export.moc"
