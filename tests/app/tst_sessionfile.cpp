// Session files (offscreen): the state of a window (files, selected span and
// function, scope, trace filters, flame zoom, timeline window, search,
// orientation, sample type, notes) survives save -> open in a fresh window and
// in the same window after a reset, checked field by field; paths are stored
// relative to the session file; broken, mistyped and newer-version sessions
// fail with a message naming the file; sessions are sniffed by content and
// open when dropped.
#include "app/loadjob.h"
#include "app/mainwindow.h"
#include "app/profilepanel.h"
#include "app/selectionhub.h"
#include "app/session.h"
#include "app/sessioncontroller.h"
#include "app/sessionfile.h"
#include "model/linkindex.h"
#include "model/spantable.h"
#include "views/flamegraphwidget.h"
#include "views/profilestate.h"
#include "views/profileview.h"
#include "views/spantimelinewidget.h"
#include "views/tracelistmodel.h"
#include "views/tracelistview.h"
#include "views/traceselection.h"

#include <QComboBox>
#include <QDropEvent>
#include <QMimeData>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QUrl>
#include <QtTest>

using spanfire::app::MainWindow;
using spanfire::app::SessionState;

namespace {

bool waitIdle(MainWindow &w, int ms = 60000) {
    return QTest::qWaitFor(
        [&] {
            return !w.loadJob()->isRunning() && !w.selectionHub()->isLinking() && !w.sessionController()->isApplying();
        },
        ms);
}

void writeFile(const QString &path, const QByteArray &bytes) {
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(bytes);
}

void compareStates(const SessionState &a, const SessionState &b) {
    QCOMPARE(a.files, b.files);
    QCOMPARE(a.traceId, b.traceId);
    QCOMPARE(a.spanId, b.spanId);
    QCOMPARE(a.frame, b.frame);
    QCOMPARE(a.scope, b.scope);
    QCOMPARE(a.serviceFilter, b.serviceFilter);
    QCOMPARE(a.operationFilter, b.operationFilter);
    QCOMPARE(a.minDurationNs, b.minDurationNs);
    QCOMPARE(a.errorsOnly, b.errorsOnly);
    QCOMPARE(a.flameZoom, b.flameZoom);
    QCOMPARE(a.hasTimelineRange, b.hasTimelineRange);
    QCOMPARE(a.timelineStartNs, b.timelineStartNs);
    QCOMPARE(a.timelineEndNs, b.timelineEndNs);
    QCOMPARE(a.search, b.search);
    QCOMPARE(a.searchCaseSensitive, b.searchCaseSensitive);
    QCOMPARE(a.orientation, b.orientation);
    QCOMPARE(a.sampleType, b.sampleType);
    QCOMPARE(a.notes, b.notes);
    QVERIFY(a == b);
}

} // namespace

class TestSessionFile : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("SpanfireTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_sessionfile"));
        QVERIFY(m_dir.isValid());
        for (const char *name : {"shop.cpu.pb.gz", "shop.traces.otlp.json"})
            QVERIFY(QFile::copy(QStringLiteral(SPANFIRE_DEMO_DIR "/") + QLatin1String(name),
                                m_dir.filePath(QLatin1String(name))));
    }

    void saveReopenRestoresState() {
        MainWindow w;
        w.setShowDialogs(false);
        w.resize(1400, 900);
        w.show();
        w.openFiles({m_dir.filePath(QStringLiteral("shop.traces.otlp.json")),
                     m_dir.filePath(QStringLiteral("shop.cpu.pb.gz"))});
        QVERIFY(waitIdle(w));
        const auto set = w.session()->traces();
        QVERIFY(set && w.profilePanel()->profile());
        const spanfire::LinkIndex *link = w.selectionHub()->linkIndex();
        QVERIFY(link);

        // A span with samples of its own, scope "span only".
        uint32_t best = 0;
        for (uint32_t r = 0; r < set->spanCount(); ++r)
            if (link->sampleCount(r) > link->sampleCount(best))
                best = r;
        // Filters that keep the span's trace listed.
        const uint32_t traceRoot = set->traces[set->trace[best]].root.v;
        const QString rootName = QString::fromUtf8(set->strings.view(set->name[traceRoot]));
        w.traceListView()->filterModel()->setMinimumDurationNs(1000);
        w.traceListView()->filterModel()->setOperationFilter(rootName);
        w.scopeChooser()->setCurrentIndex(w.scopeChooser()->findData(int(spanfire::LinkScope::Self)));
        w.selectionHub()->traceSelection()->setSpanRow(spanfire::SpanRow(best));
        QCOMPARE(w.selectionHub()->traceSelection()->spanRow().v, best);
        auto *pv = w.profilePanel()->profileView();
        auto *st = pv->state();
        st->setOrientation(spanfire::views::FlameOrientation::Icicle);
        // Zoom two levels down the flame tree.
        const spanfire::FlameTree &tree = pv->flameTree();
        QVERIFY(tree.nodes.size() > 3);
        uint32_t zoom = 1;
        if (tree.nodes[1].end > 2)
            zoom = 2;
        pv->flameWidget()->zoomTo(zoom);
        QVERIFY(!st->zoomPath().empty());
        const QString fn = pv->flameWidget()->nodeName(int(zoom));
        st->setSelectedFunction(pv->profile()->strings.find(fn.toStdString()));
        st->setSearch(QStringLiteral("ma.n"), true);
        const auto range = w.timeline()->visibleRange();
        const int64_t span = range.second - range.first;
        w.timeline()->zoomTo(range.first + span / 4, range.first + span / 2);
        auto *ctl = w.sessionController();
        ctl->setNote(ctl->selectedSpanNoteKey(), QStringLiteral("slow \"checkout\", see ticket 42\nline 2"));
        ctl->setNote(ctl->selectedFrameNoteKey(), QStringLiteral("hot function"));

        const SessionState before = ctl->capture();
        QCOMPARE(before.files.size(), 2);
        QCOMPARE(before.spanId, QString::fromStdString(spanfire::spanIdHex(set->spanId[best])));
        QCOMPARE(before.scope, QStringLiteral("self"));
        QCOMPARE(before.orientation, QStringLiteral("icicle"));
        QCOMPARE(before.frame, fn);
        QVERIFY(!before.flameZoom.isEmpty());
        QVERIFY(before.hasTimelineRange);
        QCOMPARE(before.timelineStartNs, range.first + span / 4);
        QCOMPARE(before.notes.size(), 2);
        QCOMPARE(before.operationFilter, rootName);
        QVERIFY(!before.sampleType.isEmpty());

        const QString path = m_dir.filePath(QStringLiteral("state.spanfire"));
        QVERIFY2(ctl->saveSession(path), qPrintable(ctl->lastError()));
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray json = f.readAll();
        QVERIFY(json.contains("\"shop.cpu.pb.gz\"")); // relative to the session file
        QVERIFY(!json.contains(m_dir.path().toUtf8()));
        QVERIFY(spanfire::app::isSessionFile(path));

        // A fresh window.
        {
            MainWindow w2;
            w2.setShowDialogs(false);
            w2.resize(1400, 900);
            w2.show();
            QSignalSpy applied(w2.sessionController(), &spanfire::app::SessionController::sessionApplied);
            QVERIFY(w2.sessionController()->openSession(path));
            QVERIFY(applied.wait(60000) || applied.count() == 1);
            QVERIFY(waitIdle(w2));
            compareStates(w2.sessionController()->capture(), before);
            QCOMPARE(w2.profilePanel()->profileView()->flameTree().total(), pv->flameTree().total());
        }
        // The same window after a reset.
        w.session()->clear();
        w.sessionController()->setNote(w.sessionController()->selectedSpanNoteKey(), QString());
        QVERIFY(w.sessionController()->capture() != before);
        QVERIFY(w.sessionController()->openSession(path));
        QVERIFY(waitIdle(w));
        compareStates(w.sessionController()->capture(), before);
    }

    void jsonRoundTripKeepsAbsolutePathsOutside() {
        SessionState s;
        s.files << QStringLiteral("/somewhere/else/profile.pb.gz") << m_dir.filePath(QStringLiteral("a.json"));
        s.timelineStartNs = 1700000000123456789LL; // not exact as a double
        s.timelineEndNs = 1700000000923456789LL;
        s.hasTimelineRange = true;
        s.notes.insert(spanfire::app::frameNoteKey(QStringLiteral("main")), QStringLiteral("x"));
        const QString path = m_dir.filePath(QStringLiteral("x.spanfire"));
        const QByteArray json = spanfire::app::sessionToJson(s, path);
        QVERIFY(json.contains("/somewhere/else/profile.pb.gz"));
        QVERIFY(json.contains("\"a.json\""));
        SessionState back;
        QString error;
        QVERIFY2(spanfire::app::sessionFromJson(json, path, &back, &error), qPrintable(error));
        compareStates(back, s);
    }

    void brokenSessionsFailClearly_data() {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("expected");
        QTest::newRow("invalid json") << QByteArray("{\"spanfire_session\": 1, \"state\": {") << QStringLiteral("byte");
        QTest::newRow("not an object") << QByteArray("[1,2]") << QStringLiteral("not a Spanfire session");
        QTest::newRow("newer version") << QByteArray("{\"spanfire_session\": 99, \"state\": {}}")
                                       << QStringLiteral("newer");
        QTest::newRow("version type") << QByteArray("{\"spanfire_session\": \"1\", \"state\": {}}")
                                      << QStringLiteral("version");
        QTest::newRow("files type") << QByteArray("{\"spanfire_session\": 1, \"state\": {\"files\": 3}}")
                                    << QStringLiteral("\"files\"");
        QTest::newRow("file entry type") << QByteArray("{\"spanfire_session\": 1, \"state\": {\"files\": [1]}}")
                                         << QStringLiteral("\"files\"");
        QTest::newRow("state type") << QByteArray("{\"spanfire_session\": 1, \"state\": []}")
                                    << QStringLiteral("\"state\"");
        QTest::newRow("bool type") << QByteArray("{\"spanfire_session\": 1, \"state\": {\"search_case_sensitive\": 1}}")
                                   << QStringLiteral("search_case_sensitive");
        QTest::newRow("note type") << QByteArray("{\"spanfire_session\": 1, \"state\": {\"notes\": {\"frame:x\": 1}}}")
                                   << QStringLiteral("notes");
        QTest::newRow("range type")
            << QByteArray("{\"spanfire_session\": 1, \"state\": {\"timeline_range\": {\"start_ns\": \"x\", "
                          "\"end_ns\": 2}}}")
            << QStringLiteral("start_ns");
    }

    void brokenSessionsFailClearly() {
        QFETCH(QByteArray, json);
        QFETCH(QString, expected);
        const QString path = m_dir.filePath(QStringLiteral("broken.spanfire"));
        writeFile(path, json);
        SessionState s;
        QString error;
        QVERIFY(!spanfire::app::readSessionFile(path, &s, &error));
        QVERIFY2(error.contains(path), qPrintable(error));
        QVERIFY2(error.contains(expected), qPrintable(error));

        MainWindow w; // the window reports it and opens nothing
        w.setShowDialogs(false);
        QVERIFY(!w.sessionController()->openSession(path));
        QVERIFY(w.sessionController()->lastError().contains(path));
        w.openFiles({path});
        QVERIFY(w.lastErrorReport().contains(path));
        QVERIFY(!w.loadJob()->isRunning());
        QVERIFY(w.session()->profiles().isEmpty());
    }

    void sniffedByContent() {
        SessionState s;
        s.files << m_dir.filePath(QStringLiteral("shop.cpu.pb.gz"));
        const QString disguised = m_dir.filePath(QStringLiteral("session.json"));
        writeFile(disguised, spanfire::app::sessionToJson(s, disguised));
        QVERIFY(spanfire::app::isSessionFile(disguised));
        QVERIFY(!spanfire::app::isSessionFile(m_dir.filePath(QStringLiteral("shop.traces.otlp.json"))));
        QVERIFY(!spanfire::app::isSessionFile(m_dir.filePath(QStringLiteral("shop.cpu.pb.gz"))));
        QVERIFY(!spanfire::app::isSessionFile(m_dir.filePath(QStringLiteral("missing.spanfire"))));
        QVERIFY(!spanfire::app::isSessionFile(m_dir.path())); // a directory
    }

    void droppedSessionOpens() {
        SessionState s;
        s.files << m_dir.filePath(QStringLiteral("shop.cpu.pb.gz")) << m_dir.filePath(QStringLiteral("gone.pb.gz"));
        s.orientation = QStringLiteral("icicle");
        const QString path = m_dir.filePath(QStringLiteral("drop.json"));
        writeFile(path, spanfire::app::sessionToJson(s, path));
        MainWindow w;
        w.setShowDialogs(false);
        w.show();
        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(path)});
        QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&w, &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&w, &drop);
        QVERIFY(drop.isAccepted());
        QVERIFY(waitIdle(w));
        QVERIFY2(w.sessionController()->lastError().isEmpty(), qPrintable(w.sessionController()->lastError()));
        QVERIFY2(w.session()->profiles().size() == 1,
                 qPrintable(w.lastErrorReport())); // the missing file is reported, the rest loads
        QVERIFY(w.lastErrorReport().contains(QStringLiteral("gone.pb.gz")));
        QCOMPARE(w.profilePanel()->profileView()->state()->orientation(), spanfire::views::FlameOrientation::Icicle);
    }

private:
    QTemporaryDir m_dir;
};

QTEST_MAIN(TestSessionFile)
#include "tst_sessionfile.moc"
