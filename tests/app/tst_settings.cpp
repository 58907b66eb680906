// Settings dialog, preferences, themes, About dialog, keyboard shortcuts and
// offscreen screenshots of the main window (issue 6, "Looks"/"Keyboard"/"Settings").
#include "app/aboutdialog.h"
#include "app/loadjob.h"
#include "app/mainwindow.h"
#include "app/preferences.h"
#include "app/profilepanel.h"
#include "app/selectionhub.h"
#include "app/settingsdialog.h"
#include "app/shortcutsdialog.h"
#include "app/theme.h"
#include "model/linkindex.h"
#include "views/flamegraphwidget.h"
#include "views/profilestate.h"
#include "views/profileview.h"
#include "views/spantimelinewidget.h"
#include "views/tracelistview.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenuBar>
#include <QPainter>
#include <QPlainTextEdit>
#include <QSettings>
#include <QStandardPaths>
#include <QTest>
#include <QTreeWidget>

#include <algorithm>

using spanfire::app::ColorScheme;
using spanfire::app::MainWindow;
using spanfire::app::Preferences;

namespace {

QString demo(const char *name) {
    return QStringLiteral(SPANFIRE_DEMO_DIR "/") + QString::fromLatin1(name);
}

bool waitIdle(MainWindow &w, int ms = 60000) {
    return QTest::qWaitFor([&] { return !w.loadJob()->isRunning() && !w.selectionHub()->isLinking(); }, ms);
}

double meanLightness(const QImage &image) {
    qint64 sum = 0;
    qint64 n = 0;
    for (int y = 0; y < image.height(); y += 3) {
        for (int x = 0; x < image.width(); x += 3) {
            sum += QColor(image.pixel(x, y)).lightness();
            ++n;
        }
    }
    return n ? double(sum) / double(n) : 0.0;
}

} // namespace

class TestSettings : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("SpanfireTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_settings"));
        QSettings().clear();
    }
    void init() { QSettings().clear(); }
    void cleanup() { spanfire::app::applyTheme(ColorScheme::System); }

    void defaultsMatchModel() {
        const Preferences p = Preferences::load();
        QCOMPARE(p.labelKeys.size(), qsizetype(spanfire::LinkOptions().labelKeys.size()));
        QCOMPARE(p.labelKeys.value(0), QStringLiteral("span_id"));
        QVERIFY(p.debugDirs.isEmpty());
        QCOMPARE(p.colorScheme, ColorScheme::System);
        QVERIFY(p.language.isEmpty());
    }

    // The dialog edits a copy; its values survive QSettings and come back identical.
    void dialogRoundTrip() {
        spanfire::app::SettingsDialog dialog(Preferences::load());
        dialog.labelKeysEdit()->setPlainText(QStringLiteral("trace.span\n  span_id  \n\n"));
        dialog.debugDirsList()->addItem(QStringLiteral("/opt/debug"));
        dialog.debugDirsList()->addItem(QStringLiteral("/srv/symbols"));
        dialog.colorSchemeChooser()->setCurrentIndex(dialog.colorSchemeChooser()->findData(int(ColorScheme::Dark)));
        dialog.languageChooser()->setCurrentIndex(dialog.languageChooser()->findData(QStringLiteral("ja")));
        dialog.sampleTypeChooser()->setCurrentText(QStringLiteral("alloc_space"));
        const Preferences edited = dialog.preferences();
        QCOMPARE(edited.labelKeys, (QStringList{QStringLiteral("trace.span"), QStringLiteral("span_id")}));
        QCOMPARE(edited.debugDirs, (QStringList{QStringLiteral("/opt/debug"), QStringLiteral("/srv/symbols")}));
        QCOMPARE(edited.colorScheme, ColorScheme::Dark);
        QCOMPARE(edited.language, QStringLiteral("ja"));
        QCOMPARE(edited.defaultSampleType, QStringLiteral("alloc_space"));
        edited.save();
        QSettings().sync();
        const Preferences loaded = Preferences::load();
        QVERIFY(loaded == edited);

        // A fresh dialog shows the stored values.
        spanfire::app::SettingsDialog again(loaded);
        QVERIFY(again.preferences() == edited);
        QCOMPARE(again.languageChooser()->currentData().toString(), QStringLiteral("ja"));

        // Restore defaults through the dialog's button.
        again.setPreferences(Preferences());
        QVERIFY(again.preferences() == Preferences());
        // Empty label keys mean the defaults, never "link by nothing".
        again.labelKeysEdit()->setPlainText(QString());
        QCOMPARE(again.preferences().labelKeys, Preferences::defaultLabelKeys());
    }

    // A label key change rebuilds the hub's link; debug folders reach the load job.
    void preferencesApplyToWindow() {
        MainWindow w;
        w.setShowDialogs(false);
        w.resize(1200, 800);
        w.openFiles({demo("shop.traces.otlp.json"), demo("shop.cpu.pb.gz")});
        QVERIFY(waitIdle(w));
        QVERIFY(w.selectionHub()->linkIndex());
        QCOMPARE(w.selectionHub()->linkIndex()->method(), spanfire::LinkMethod::Label);
        QCOMPARE(w.selectionHub()->linkIndex()->labelKey(), std::string("span_id"));

        Preferences p = Preferences::load();
        p.labelKeys = {QStringLiteral("no_such_label")};
        p.debugDirs = {QStringLiteral("/opt/debug")};
        spanfire::app::applyPreferences(&w, p);
        QVERIFY(w.selectionHub()->isLinking()); // rebuilding
        QVERIFY(waitIdle(w));
        QVERIFY(w.selectionHub()->linkIndex());
        QVERIFY(w.selectionHub()->linkIndex()->method() != spanfire::LinkMethod::Label);
        QCOMPARE(w.selectionHub()->linkOptions().labelKeys, std::vector<std::string>{"no_such_label"});
        QCOMPARE(w.loadJob()->debugDirs(), QStringList{QStringLiteral("/opt/debug")});

        p.labelKeys = {QStringLiteral("span_id")};
        spanfire::app::applyPreferences(&w, p);
        QVERIFY(waitIdle(w));
        QCOMPARE(w.selectionHub()->linkIndex()->method(), spanfire::LinkMethod::Label);

        // A new window starts with the stored preferences.
        p.labelKeys = {QStringLiteral("no_such_label")};
        p.save();
        MainWindow w2;
        QCOMPARE(w2.selectionHub()->linkOptions().labelKeys, std::vector<std::string>{"no_such_label"});
        QCOMPARE(w2.loadJob()->debugDirs(), QStringList{QStringLiteral("/opt/debug")});
    }

    void defaultSampleTypeIsApplied() {
        Preferences p;
        p.defaultSampleType = QStringLiteral("samples");
        p.save();
        MainWindow w;
        w.setShowDialogs(false);
        w.openFiles({demo("shop.cpu.pb.gz")});
        QVERIFY(waitIdle(w));
        const auto profile = w.profilePanel()->profile();
        QVERIFY(profile && profile->sampleTypes.size() >= 2);
        int samplesColumn = -1;
        for (size_t i = 0; i < profile->sampleTypes.size(); ++i)
            if (profile->strings.view(profile->sampleTypes[i].type) == "samples")
                samplesColumn = int(i);
        QVERIFY(samplesColumn >= 0);
        QVERIFY(samplesColumn != profile->defaultSampleType);
        QCOMPARE(w.profilePanel()->profileView()->state()->sampleType(), samplesColumn);
    }

    void themeSwitchChangesPalette() {
        MainWindow w;
        w.show();
        spanfire::app::applyTheme(ColorScheme::Dark);
        QCOMPARE(spanfire::app::currentTheme(), ColorScheme::Dark);
        QVERIFY(spanfire::app::isDarkPalette(QApplication::palette()));
        // Widgets pick up the application palette through ApplicationPaletteChange events.
        QTRY_VERIFY(spanfire::app::isDarkPalette(w.palette()));
        QTRY_VERIFY(spanfire::app::isDarkPalette(w.profilePanel()->profileView()->flameWidget()->palette()));
        spanfire::app::applyTheme(ColorScheme::Light);
        QVERIFY(!spanfire::app::isDarkPalette(QApplication::palette()));
        QTRY_VERIFY(!spanfire::app::isDarkPalette(w.timeline()->palette()));
        QVERIFY(w.palette().color(QPalette::Text).lightness() < 100);
        // The settings dialog's colour scheme is applied through applyPreferences.
        Preferences p;
        p.colorScheme = ColorScheme::Dark;
        spanfire::app::applyPreferences(&w, p);
        QTRY_VERIFY(spanfire::app::isDarkPalette(w.palette()));
    }

    // Screenshots of the loaded window at DPR 1, 1.5 and 2 in both themes,
    // written next to the test binary (look at them).
    void screenshots_data() {
        QTest::addColumn<int>("scheme");
        QTest::addColumn<qreal>("dpr");
        for (ColorScheme s : {ColorScheme::Light, ColorScheme::Dark})
            for (qreal dpr : {1.0, 1.5, 2.0})
                QTest::addRow("%s@%g", qPrintable(spanfire::app::colorSchemeKey(s)), dpr) << int(s) << dpr;
    }
    void screenshots() {
        QFETCH(int, scheme);
        QFETCH(qreal, dpr);
        spanfire::app::applyTheme(ColorScheme(scheme));
        MainWindow w;
        w.setShowDialogs(false);
        w.resize(1280, 800);
        w.show();
        w.openFiles({demo("shop.traces.otlp.json"), demo("shop.cpu.pb.gz")});
        QVERIFY(waitIdle(w));
        QTest::qWait(50);
        QPixmap pixmap(QSize(qRound(w.width() * dpr), qRound(w.height() * dpr)));
        pixmap.setDevicePixelRatio(dpr);
        pixmap.fill(Qt::transparent);
        w.render(&pixmap);
        const QImage image = pixmap.toImage();
        QCOMPARE(image.width(), qRound(1280 * dpr));
        const QString path = QDir(QCoreApplication::applicationDirPath())
                                 .filePath(QStringLiteral("screenshot-%1-%2x.png")
                                               .arg(spanfire::app::colorSchemeKey(ColorScheme(scheme)))
                                               .arg(dpr));
        QVERIFY(image.save(path));
        const double light = meanLightness(image);
        if (ColorScheme(scheme) == ColorScheme::Dark)
            QVERIFY2(light < 110, qPrintable(QString::number(light)));
        else
            QVERIFY2(light > 150, qPrintable(QString::number(light)));
    }

    void aboutDialogAndIcon() {
        const auto versions = spanfire::app::AboutDialog::libraryVersions();
        QCOMPARE(versions.size(), 6);
        for (const auto &[name, version] : versions) {
            QVERIFY2(version.contains(QRegularExpression(QStringLiteral("^\\d+\\.\\d+"))), qPrintable(name + version));
        }
        QCOMPARE(versions[0].second.left(1), QString::fromLatin1(qVersion()).left(1));
        const QIcon icon = spanfire::app::applicationIcon();
        QVERIFY(!icon.isNull());
        const QImage img = icon.pixmap(QSize(64, 64)).toImage();
        QCOMPARE(img.width(), 64);
        // The flame is warm-coloured: some pixel is clearly red/orange.
        bool warm = false;
        for (int y = 0; y < 64 && !warm; ++y)
            for (int x = 0; x < 64 && !warm; ++x) {
                const QColor c = img.pixelColor(x, y);
                warm = c.alpha() > 200 && c.red() > 200 && c.blue() < 120;
            }
        QVERIFY(warm);
        img.save(QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("icon-64.png")));
        MainWindow w;
        QVERIFY(!w.windowIcon().isNull());
        spanfire::app::AboutDialog about(&w);
        about.show();
        QVERIFY(about.findChildren<QLabel *>().size() > 5);
    }

    // The shortcuts dialog is built from the window's actions: every action
    // with a shortcut is listed with its current key, and a changed key shows.
    void shortcutsDialogListsRealActions() {
        MainWindow w;
        QList<QAction *> withKeys;
        for (QAction *a : w.findChildren<QAction *>())
            if (!a->shortcut().isEmpty())
                withKeys << a;
        QVERIFY(withKeys.size() >= 12);
        QAction *open = nullptr;
        for (QAction *a : withKeys)
            if (a->shortcut() == QKeySequence(QKeySequence::Open))
                open = a;
        QVERIFY(open);
        open->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_J));
        spanfire::app::ShortcutsDialog dialog(&w);
        QStringList rows;
        for (int i = 0; i < dialog.tree()->topLevelItemCount(); ++i) {
            const auto *item = dialog.tree()->topLevelItem(i);
            rows << item->text(0).trimmed() + QLatin1Char('=') + item->text(1);
        }
        for (QAction *a : withKeys) {
            QString text = a->text().remove(QLatin1Char('&'));
            if (text.endsWith(QStringLiteral("...")))
                text.chop(3);
            const QString key = a->shortcut().toString(QKeySequence::NativeText);
            QVERIFY2(
                std::any_of(rows.begin(), rows.end(),
                            [&](const QString &r) { return r.startsWith(text + QLatin1Char('=')) && r.contains(key); }),
                qPrintable(text + QLatin1Char(' ') + key));
        }
        QVERIFY(rows.contains(QStringLiteral("Open=") +
                              QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_J).toString(QKeySequence::NativeText)));
        // Familiar keys are there.
        const auto has = [&](const QKeySequence &k) {
            return std::any_of(withKeys.begin(), withKeys.end(),
                               [&](QAction *a) { return a->shortcuts().contains(k); });
        };
        QVERIFY(has(QKeySequence(Qt::Key_F1)));
        QVERIFY(has(QKeySequence(Qt::CTRL | Qt::Key_Comma)));
        QVERIFY(has(QKeySequence(Qt::Key_Slash)));
        QVERIFY(has(QKeySequence(Qt::CTRL | Qt::Key_2)));
    }

    // Every view can be reached from the keyboard.
    void focusActionsMoveFocus() {
        MainWindow w;
        w.resize(1200, 800);
        w.show();
        QApplication::setActiveWindow(&w);
        QVERIFY(QTest::qWaitForWindowActive(&w));
        const auto trigger = [&](const QKeySequence &k) {
            for (QAction *a : w.findChildren<QAction *>())
                if (a->shortcuts().contains(k)) {
                    a->trigger();
                    return true;
                }
            return false;
        };
        QVERIFY(trigger(QKeySequence(Qt::CTRL | Qt::Key_2)));
        QTRY_VERIFY(w.timeline()->hasFocus());
        QVERIFY(trigger(QKeySequence(Qt::CTRL | Qt::Key_4)));
        QTRY_VERIFY(w.profilePanel()->profileView()->flameWidget()->hasFocus());
        QVERIFY(trigger(QKeySequence(Qt::Key_Slash)));
        QTRY_VERIFY(w.profilePanel()->profileView()->searchEdit()->hasFocus());
        // Real key press through the shortcut map.
        w.timeline()->setFocus();
        QTest::keyClick(&w, Qt::Key_1, Qt::ControlModifier);
        QTRY_VERIFY(w.traceListView()->hasFocus() || w.traceListView()->isAncestorOf(QApplication::focusWidget()));
    }
};

QTEST_MAIN(TestSettings)
#include "tst_settings.moc"
