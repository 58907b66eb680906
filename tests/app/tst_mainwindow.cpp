// MainWindow (offscreen): files dropped on the window load in the background
// and reach the profile view; a cancelled load delivers nothing; failures are
// reported per file while good files stay loaded; several profiles get a
// chooser; recent files and the dock layout are remembered.
#include "app/loadjob.h"
#include "app/loadprogresswidget.h"
#include "app/mainwindow.h"
#include "app/profilepanel.h"
#include "app/selectionhub.h"
#include "app/session.h"
#include "app/settings.h"
#include "app/translations.h"
#include "model/spantable.h"
#include "views/flamegraphwidget.h"
#include "views/profileview.h"
#include "views/spandetailsview.h"
#include "views/spantimelinewidget.h"
#include "views/traceselection.h"

#include <QComboBox>
#include <QDockWidget>
#include <QDropEvent>
#include <QFile>
#include <QMenu>
#include <QMenuBar>
#include <QMimeData>
#include <QProgressBar>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QToolButton>
#include <QTranslator>
#include <QUrl>
#include <QtTest>

using spanfire::app::MainWindow;
using spanfire::app::Settings;

namespace {

QString demoProfile() {
    return QStringLiteral(SPANFIRE_DEMO_DIR "/shop.cpu.pb.gz");
}
QString corpusFile(const char *rel) {
    return QStringLiteral(SPANFIRE_CORPUS_DIR "/") + QString::fromUtf8(rel);
}

// Delivers a drop of local files exactly as the window system would.
void dropFiles(QWidget *target, const QStringList &paths) {
    QMimeData mime;
    QList<QUrl> urls;
    for (const QString &p : paths)
        urls << QUrl::fromLocalFile(p);
    mime.setUrls(urls);
    const QPoint pos = target->rect().center();
    QDragEnterEvent enter(pos, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(pos), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &drop);
    QVERIFY(drop.isAccepted());
}

// Loading done and the span/sample link (built on a worker) delivered.
bool waitIdle(MainWindow &w, int ms = 60000) {
    return QTest::qWaitFor([&] { return !w.loadJob()->isRunning() && !w.selectionHub()->isLinking(); }, ms);
}

} // namespace

class TestMainWindow : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("SpanfireTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_mainwindow"));
        Settings::clearRecentFiles();
        Settings::saveWindow({}, {});
    }

    void dropLoadsProfileIntoView() {
        MainWindow w;
        w.setShowDialogs(false);
        w.resize(1200, 800);
        w.show();
        QSignalSpy loaded(w.loadJob(), &spanfire::app::LoadJob::fileLoaded);
        QSignalSpy finished(w.loadJob(), &spanfire::app::LoadJob::batchFinished);
        dropFiles(&w, {demoProfile()});
        QVERIFY(w.loadJob()->isRunning());
        QVERIFY(finished.wait(60000) || finished.count() == 1);
        QCOMPARE(loaded.count(), 1);
        QCOMPARE(w.session()->profiles().size(), 1);
        const auto profile = w.profilePanel()->profile();
        QVERIFY(profile);
        QVERIFY(profile->sampleCount() > 0);
        QCOMPARE(w.profilePanel()->profileView()->flameTree().total(),
                 profile->total(size_t(profile->defaultSampleType)));
        QVERIFY(!w.profilePanel()->profileView()->flameTree().empty());
        QVERIFY(w.summaryText().contains(QStringLiteral("samples")));
        QVERIFY(w.summaryText().contains(QStringLiteral("cpu/nanoseconds")));
        QVERIFY(w.windowTitle().contains(QStringLiteral("shop.cpu.pb.gz")));
        QVERIFY(!w.loadProgress()->isVisible());
        QVERIFY(w.lastErrorReport().isEmpty());
        QVERIFY(!w.profileChooser()->isVisible()); // one profile: no chooser
        QCOMPARE(Settings::recentFiles().value(0), QFileInfo(demoProfile()).absoluteFilePath());
    }

    void progressIsReported() {
        MainWindow w;
        w.setShowDialogs(false);
        QSignalSpy progress(w.loadJob(), &spanfire::app::LoadJob::progress);
        w.openFiles({demoProfile()});
        QVERIFY(w.loadProgress()->isVisibleTo(&w));
        QVERIFY(waitIdle(w));
        QVERIFY(progress.count() >= 1);
        for (const QList<QVariant> &args : progress) {
            QVERIFY(args.at(3).toInt() >= 0 && args.at(3).toInt() <= 1000);
            QCOMPARE(args.at(2).toString(), demoProfile());
        }
    }

    // Cancel drops the batch: nothing it loads afterwards reaches the session.
    void cancelDropsResult() {
        MainWindow w;
        w.setShowDialogs(false);
        QSignalSpy loaded(w.loadJob(), &spanfire::app::LoadJob::fileLoaded);
        QSignalSpy cancelled(w.loadJob(), &spanfire::app::LoadJob::cancelled);
        const quint64 before = w.loadJob()->generation();
        w.openFiles({demoProfile(), demoProfile(), demoProfile()});
        QVERIFY(w.loadJob()->isRunning());
        QTest::mouseClick(w.loadProgress()->cancelButton(), Qt::LeftButton);
        QCOMPARE(cancelled.count(), 1);
        QVERIFY(!w.loadJob()->isRunning());
        QVERIFY(w.loadJob()->generation() > before);
        w.loadJob()->waitForWorkers();
        QTest::qWait(100); // let any stale queued result arrive (and be dropped)
        QCOMPARE(loaded.count(), 0);
        QCOMPARE(w.session()->profiles().size(), 0);
        QVERIFY(!w.profilePanel()->profile());
        // The window still works afterwards.
        w.openFiles({demoProfile()});
        QVERIFY(waitIdle(w));
        QCOMPARE(w.session()->profiles().size(), 1);
    }

    void escapeCancels() {
        MainWindow w;
        w.setShowDialogs(false);
        w.show();
        w.openFiles({demoProfile()});
        QTest::keyClick(&w, Qt::Key_Escape);
        QVERIFY(!w.loadJob()->isRunning());
        w.loadJob()->waitForWorkers();
        QTest::qWait(50);
        QCOMPARE(w.session()->profiles().size(), 0);
    }

    // Mixed good and bad files: one report lists each failure, good ones stay loaded.
    void failuresAreReportedPerFile() {
        QTemporaryDir dir;
        const QString junk = dir.filePath(QStringLiteral("junk.pb.gz"));
        {
            QFile f(junk);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("\x1f\x8b this is not really gzip");
        }
        const QString missing = dir.filePath(QStringLiteral("missing.pprof"));
        MainWindow w;
        w.setShowDialogs(false);
        dropFiles(&w, {junk, demoProfile(), missing});
        QVERIFY(waitIdle(w));
        QCOMPARE(w.session()->profiles().size(), 1);
        const QString report = w.lastErrorReport();
        QVERIFY2(report.contains(junk), qPrintable(report));
        QVERIFY2(report.contains(missing), qPrintable(report));
        QVERIFY(!report.contains(demoProfile()));
        // Only files that opened become recent files.
        QVERIFY(!Settings::recentFiles().contains(QFileInfo(junk).absoluteFilePath()));
        QVERIFY(!Settings::recentFiles().contains(QFileInfo(missing).absoluteFilePath()));
        QCOMPARE(Settings::recentFiles().value(0), QFileInfo(demoProfile()).absoluteFilePath());
    }

    void severalProfilesGetAChooser() {
        MainWindow w;
        w.setShowDialogs(false);
        w.show();
        QString second = corpusFile("pprof/google-pprof__sample.cpu.pb.gz");
        if (!QFileInfo::exists(second))
            second = demoProfile(); // no corpus on this machine: the same file twice is two profiles too
        dropFiles(&w, {demoProfile(), second});
        QVERIFY(waitIdle(w));
        QCOMPARE(w.session()->profiles().size(), 2);
        QVERIFY(w.profileChooser()->isVisible());
        QCOMPARE(w.profileChooser()->count(), 2);
        QCOMPARE(w.session()->currentProfile(), 1);
        w.profileChooser()->setCurrentIndex(0);
        QCOMPARE(w.session()->currentProfile(), 0);
        QCOMPARE(w.profilePanel()->profile(), w.session()->profiles()[0].profile);
    }

    // Compare ▸ "Compare with another open profile" lists the other open
    // profiles; choosing one makes it the baseline (the same file loaded twice:
    // identical shares, nothing left over).
    void compareWithAnotherOpenProfile() {
        MainWindow w;
        w.setShowDialogs(false);
        w.show();
        dropFiles(&w, {demoProfile(), demoProfile()});
        QVERIFY(waitIdle(w));
        QCOMPARE(w.session()->profiles().size(), 2);
        auto *view = w.profilePanel()->profileView();
        QMenu *others = nullptr;
        for (QAction *a : view->compareMenu()->actions())
            if (a->menu())
                others = a->menu();
        QVERIFY(others);
        emit others->aboutToShow();
        QCOMPARE(others->actions().size(), 1); // the other one, not the shown one
        QVERIFY(others->menuAction()->isEnabled());
        others->actions().front()->trigger();
        QTRY_VERIFY(!view->isAggregating());
        QVERIFY(view->hasBaseline());
        const spanfire::FlameDiff &d = view->flameWidget()->diff();
        QVERIFY(d.active());
        QCOMPARE(d.baseRoot, view->flameTree().total());
        QCOMPARE(d.baseOnly, int64_t(0));
        QCOMPARE(d.maxAbsDelta, 0.0);
        QVERIFY2(view->compareText().contains(QStringLiteral("shop.cpu.pb.gz")), qPrintable(view->compareText()));
        // Showing the other profile ends the comparison; the list follows the current profile.
        w.profileChooser()->setCurrentIndex(0);
        QVERIFY(!view->hasBaseline());
        emit others->aboutToShow();
        QCOMPARE(others->actions().size(), 1);
    }

    void warningsAreShown() {
        MainWindow w;
        w.setShowDialogs(false);
        w.show();
        // Any corpus file with warnings will do; find one through the importer.
        const QStringList candidates{corpusFile("pprof/pyroscope__invalid_utf8.pb.gz"),
                                     corpusFile("pprof/google-pprof__go.nomappings.crash.pb.gz"),
                                     corpusFile("pprof/parca__normal-cpu.stripped.pprof"),
                                     corpusFile("collapsed/speedscope__stackcollapse_simple-with-invalids.txt")};
        QString withWarnings;
        for (const QString &c : candidates) {
            const auto r = spanfire::importFile(c.toStdString());
            if (r.ok && !r.warnings.empty()) {
                withWarnings = c;
                break;
            }
        }
        if (withWarnings.isEmpty())
            QSKIP("no candidate file has warnings with the current importers");
        w.openFiles({withWarnings});
        QVERIFY(waitIdle(w));
        QVERIFY(w.session()->warningCount() > 0);
        auto *button = w.findChild<QToolButton *>();
        QVERIFY(button);
        bool found = false;
        for (QToolButton *b : w.findChildren<QToolButton *>())
            found = found || (b->isVisible() && b->text().contains(QStringLiteral("warning")));
        QVERIFY(found);
    }

    // The demo: traces and profile dropped together; the slowest trace and its
    // root span are selected and shown in the timeline and details.
    void demoTracesSelectSlowestTrace() {
        MainWindow w;
        w.setShowDialogs(false);
        w.resize(1400, 900);
        w.show();
        dropFiles(&w, {QStringLiteral(SPANFIRE_DEMO_DIR "/shop.traces.otlp.json"), demoProfile()});
        QVERIFY(waitIdle(w));
        QVERIFY2(w.lastErrorReport().isEmpty(), qPrintable(w.lastErrorReport()));
        const auto set = w.session()->traces();
        QVERIFY(set);
        QCOMPARE(w.session()->profiles().size(), 1);
        auto *sel = w.selectionHub()->traceSelection();
        QCOMPARE(sel->traceSet(), set);
        int slowest = 0;
        for (size_t i = 0; i < set->traces.size(); ++i)
            if (set->traces[i].durationNs() > set->traces[size_t(slowest)].durationNs())
                slowest = int(i);
        QCOMPARE(sel->traceIndex(), slowest);
        QCOMPARE(sel->spanRow(), set->traces[size_t(slowest)].root);
        QCOMPARE(w.timeline()->traceIndex(), slowest);
        QCOMPARE(w.spanDetails()->span(), set->traces[size_t(slowest)].root);
        QVERIFY(w.summaryText().contains(QStringLiteral("%1 traces").arg(set->traces.size())));
    }

    // Selecting a span filters the profile view to that span's samples; the
    // expected totals are computed here from the span_id labels directly.
    void spanSelectionFiltersProfile() {
        MainWindow w;
        w.setShowDialogs(false);
        w.resize(1400, 900);
        w.show();
        w.openFiles({QStringLiteral(SPANFIRE_DEMO_DIR "/shop.traces.otlp.json"), demoProfile()});
        QVERIFY(waitIdle(w));
        const auto set = w.session()->traces();
        const auto profile = w.profilePanel()->profile();
        QVERIFY(set && profile);
        QVERIFY(w.selectionHub()->linkIndex());
        QCOMPARE(w.selectionHub()->linkIndex()->method(), spanfire::LinkMethod::Label);
        QVERIFY(w.selectionHub()->linkStatus().contains(QStringLiteral("span_id")));

        const size_t col = size_t(profile->defaultSampleType);
        const spanfire::StringId key = profile->strings.find("span_id");
        QVERIFY(key.valid());
        auto expectedTotal = [&](uint32_t first, uint32_t end) { // samples labelled with a span of rows [first, end)
            QSet<quint64> ids;
            for (uint32_t r = first; r < end; ++r)
                ids.insert(set->spanId[r]);
            int64_t total = 0;
            for (size_t i = 0; i < profile->sampleCount(); ++i) {
                const spanfire::LabelSetId ls(profile->sampleLabels.empty() ? 0 : profile->sampleLabels[i]);
                for (auto *l = profile->labelSets.begin(ls); l != profile->labelSets.end(ls); ++l)
                    if (l->key == key &&
                        ids.contains(std::stoull(std::string(profile->strings.view(l->str)), nullptr, 16)))
                        total += profile->values[col][i];
            }
            return total;
        };
        // Pick the span with the most samples of its own, so the check is not vacuous.
        auto *sel = w.selectionHub()->traceSelection();
        const spanfire::LinkIndex *link = w.selectionHub()->linkIndex();
        uint32_t best = 0;
        for (uint32_t r = 0; r < set->spanCount(); ++r)
            if (link->sampleCount(r) > link->sampleCount(best))
                best = r;
        QVERIFY(link->sampleCount(best) > 0);
        const uint32_t root = set->traces[set->trace[best]].root.v;
        sel->setTraceIndex(int(set->trace[best]));
        sel->setSpanRow(spanfire::SpanRow(root));
        auto *view = w.profilePanel()->profileView();
        QCOMPARE(view->flameTree().total(), expectedTotal(root, set->subtreeEnd[root])); // with child spans
        w.scopeChooser()->setCurrentIndex(w.scopeChooser()->findData(int(spanfire::LinkScope::Self)));
        sel->setSpanRow(spanfire::SpanRow(best));
        QCOMPARE(view->flameTree().total(), expectedTotal(best, best + 1));
        QVERIFY(view->headerText().contains(QString::fromStdString(spanfire::spanIdHex(set->spanId[best]))));
        // No span but a trace: all spans of the trace; no trace: the whole profile.
        sel->setSpanRow(spanfire::SpanRow());
        const auto &tr = set->traces[set->trace[best]];
        QCOMPARE(view->flameTree().total(), expectedTotal(tr.firstRow, tr.endRow));
        sel->setTraceIndex(-1);
        QCOMPARE(view->flameTree().total(), profile->total(col));
    }

    // Files dropped while a batch loads are queued into it, not lost.
    void dropWhileLoadingQueues() {
        MainWindow w;
        w.setShowDialogs(false);
        QSignalSpy loaded(w.loadJob(), &spanfire::app::LoadJob::fileLoaded);
        QSignalSpy finished(w.loadJob(), &spanfire::app::LoadJob::batchFinished);
        w.openFiles({demoProfile()});
        w.openFiles({demoProfile()});
        QVERIFY(waitIdle(w));
        QCOMPARE(loaded.count(), 2);
        QCOMPARE(finished.count(), 1);
        QCOMPARE(w.session()->profiles().size(), 2);
    }

    // A trace file opened while traces are open is merged with them on the
    // load worker (a merge of large sets takes a while); the session takes
    // that merge as it is, and falls back to merging itself when the open
    // set changed meanwhile.
    void secondTraceFileIsMergedOnTheWorker() {
        MainWindow w;
        w.setShowDialogs(false);
        w.openFiles({QStringLiteral(SPANFIRE_DEMO_DIR "/shop.traces.otlp.json")});
        QVERIFY(waitIdle(w));
        const std::shared_ptr<const spanfire::TraceSet> first = w.session()->traces();
        QVERIFY(first);
        QTemporaryDir dir;
        const QString extra = dir.filePath(QStringLiteral("extra.json"));
        QFile f(extra);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(
            R"({"resourceSpans":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"extra"}}]},
            "scopeSpans":[{"spans":[{"traceId":"0123456789abcdef0123456789abcdef","spanId":"0123456789abcdef",
            "name":"one","startTimeUnixNano":"1000","endTimeUnixNano":"2000"}]}]}]})");
        f.close();
        spanfire::app::LoadedFile seen;
        connect(w.loadJob(), &spanfire::app::LoadJob::fileLoaded, &w,
                [&](const spanfire::app::LoadedFile &file) { seen = file; });
        w.openFiles({extra});
        QVERIFY(waitIdle(w));
        QVERIFY(seen.result.ok);
        QVERIFY(seen.mergedTraces);
        QCOMPARE(seen.mergeBase, first);
        QCOMPARE(w.session()->traces(), seen.mergedTraces); // taken as it is
        QCOMPARE(w.session()->traces()->spanCount(), first->spanCount() + 1);
        QCOMPARE(w.session()->traceFiles().size(), 2);
        // A merge made on a set that is no longer open is not used.
        spanfire::app::Session other;
        other.add(QStringLiteral("a.json"), QString(), nullptr, first, {});
        other.add(QStringLiteral("b.json"), QString(), nullptr, seen.result.traces, {}, seen.mergedTraces,
                  seen.result.traces);
        QVERIFY(other.traces() != seen.mergedTraces);
        QCOMPARE(other.traces()->spanCount(), first->spanCount() + 1);
    }

    void closeAllResets() {
        MainWindow w;
        w.setShowDialogs(false);
        w.openFiles({QStringLiteral(SPANFIRE_DEMO_DIR "/shop.traces.otlp.json"), demoProfile()});
        QVERIFY(waitIdle(w));
        QVERIFY(w.session()->traces() && w.profilePanel()->profile());
        w.session()->clear();
        QVERIFY(!w.selectionHub()->traceSelection()->traceSet());
        QCOMPARE(w.selectionHub()->traceSelection()->traceIndex(), -1);
        QVERIFY(!w.profilePanel()->profile());
        QVERIFY(!w.selectionHub()->linkIndex());
        QVERIFY(w.summaryText().contains(QStringLiteral("File")));
        QCOMPARE(w.windowTitle(), QStringLiteral("Spanfire"));
    }

    // A link build superseded before it finishes never lands.
    void supersededLinkIsDropped() {
        const auto t = spanfire::importFile(SPANFIRE_DEMO_DIR "/shop.traces.otlp.json");
        const auto p = spanfire::importFile(SPANFIRE_DEMO_DIR "/shop.cpu.pb.gz");
        QVERIFY(t.ok && p.ok);
        spanfire::app::SelectionHub hub;
        QSignalSpy changed(&hub, &spanfire::app::SelectionHub::linkChanged);
        hub.setProfile(p.profile);
        QVERIFY(!hub.isLinking());
        hub.showTraces(t.traces);
        QVERIFY(hub.isLinking());
        hub.showTraces(nullptr); // supersedes the running build
        QVERIFY(!hub.isLinking());
        hub.waitForLink();
        QTest::qWait(20);
        QVERIFY(!hub.linkIndex());
        hub.showTraces(t.traces);
        hub.waitForLink();
        QVERIFY(hub.linkIndex());
        QVERIFY(hub.linkIndex()->linkedSamples() > 0);
        QVERIFY(changed.count() >= 4);
    }

    void dockTogglesAreInViewMenu() {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QAction *toggle = w.timelineDock()->toggleViewAction();
        QVERIFY(!toggle->shortcut().isEmpty());
        toggle->trigger();
        QVERIFY(!w.timelineDock()->isVisible());
        toggle->trigger();
        QVERIFY(w.timelineDock()->isVisible());
    }

    void layoutIsRemembered() {
        {
            MainWindow w;
            w.show();
            QVERIFY(QTest::qWaitForWindowExposed(&w));
            w.detailsDock()->hide();
            w.saveLayout();
        }
        MainWindow w2;
        w2.restoreLayout();
        w2.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w2));
        QVERIFY(!w2.detailsDock()->isVisible());
        QVERIFY(w2.profileDock()->isVisible());
        Settings::saveWindow({}, {});
    }

    // The .qm files are embedded and chosen by locale; menus follow.
    void translationsLoad() {
        QVERIFY(!spanfire::app::installTranslations(QLocale(QLocale::Swahili)));
        QVERIFY(spanfire::app::installTranslations(QLocale(QLocale::German, QLocale::Germany)));
        {
            MainWindow w;
            QCOMPARE(w.menuBar()->actions().value(0)->text(), QStringLiteral("&Datei"));
            // The importers' stage labels shown while loading are translated too.
            QCOMPARE(spanfire::app::LoadJob::stageText("reading traces"), QStringLiteral("Traces werden gelesen"));
            QCOMPARE(spanfire::app::LoadJob::stageText("some new stage"), QStringLiteral("some new stage"));
        }
        for (QTranslator *t : qApp->findChildren<QTranslator *>()) {
            QCoreApplication::removeTranslator(t);
            delete t;
        }
        QVERIFY(spanfire::app::installTranslations(QLocale(QLocale::Japanese)));
        QVERIFY(spanfire::app::installTranslations(QLocale(QLocale::Chinese, QLocale::China)));
        for (QTranslator *t : qApp->findChildren<QTranslator *>()) {
            QCoreApplication::removeTranslator(t);
            delete t;
        }
        MainWindow english;
        QCOMPARE(english.menuBar()->actions().value(0)->text(), QStringLiteral("&File"));
    }

    void recentFilesAreCapped() {
        Settings::clearRecentFiles();
        for (int i = 0; i < 15; ++i)
            Settings::addRecentFile(QStringLiteral("/tmp/f%1.pb.gz").arg(i));
        Settings::addRecentFile(QStringLiteral("/tmp/f3.pb.gz"));
        const QStringList r = Settings::recentFiles();
        QCOMPARE(r.size(), Settings::kMaxRecentFiles);
        QCOMPARE(r.first(), QStringLiteral("/tmp/f3.pb.gz"));
        QCOMPARE(r.count(QStringLiteral("/tmp/f3.pb.gz")), 1);
        QCOMPARE(r.at(1), QStringLiteral("/tmp/f14.pb.gz"));
        Settings::removeRecentFile(QStringLiteral("/tmp/f14.pb.gz"));
        QCOMPARE(Settings::recentFiles().size(), Settings::kMaxRecentFiles - 1);
        QVERIFY(!Settings::recentFiles().contains(QStringLiteral("/tmp/f14.pb.gz")));
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
