// Flame colours: package extraction (Go, C++, Rust, Java, unsymbolized, bare C),
// stability, palettes and text contrast.
#include "views/flamecolors.h"

#include <QTest>

using namespace spanfire::views;

class TestFlameColors : public QObject {
    Q_OBJECT
private slots:
    void packageOf_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("module");
        QTest::addColumn<QString>("package");
        QTest::newRow("go method") << QStringLiteral("net/http.(*conn).serve") << QString()
                                   << QStringLiteral("net/http");
        QTest::newRow("go func") << QStringLiteral("main.work") << QString() << QStringLiteral("main");
        QTest::newRow("go module path") << QStringLiteral("github.com/foo/bar.Baz.func1") << QString()
                                        << QStringLiteral("github.com/foo/bar");
        QTest::newRow("go dotted domain") << QStringLiteral("go.opentelemetry.io/otel/trace.Start") << QString()
                                          << QStringLiteral("go.opentelemetry.io/otel/trace");
        QTest::newRow("c++") << QStringLiteral("std::vector<int>::push_back(int const&)") << QString()
                             << QStringLiteral("std");
        QTest::newRow("c++ return type") << QStringLiteral("void mozilla::dom::Foo::bar()") << QString()
                                         << QStringLiteral("mozilla");
        QTest::newRow("rust") << QStringLiteral("core::ptr::drop_in_place") << QString() << QStringLiteral("core");
        QTest::newRow("java") << QStringLiteral("java/io/File.createTempFile") << QString()
                              << QStringLiteral("java/io/File");
        QTest::newRow("unsymbolized") << QStringLiteral("libc.so.6+0x1234") << QStringLiteral("/lib/libc.so.6")
                                      << QStringLiteral("libc.so.6");
        QTest::newRow("bare c with module")
            << QStringLiteral("malloc") << QStringLiteral("/usr/lib/libc.so.6") << QStringLiteral("libc.so.6");
        QTest::newRow("bare c without module") << QStringLiteral("malloc") << QString() << QStringLiteral("malloc");
        QTest::newRow("empty name") << QString() << QStringLiteral("/bin/app") << QStringLiteral("app");
    }
    void packageOf() {
        QFETCH(QString, name);
        QFETCH(QString, module);
        QFETCH(QString, package);
        const QByteArray n = name.toUtf8(), m = module.toUtf8();
        const auto pkg = FlameColors::packageOf(std::string_view(n.constData(), size_t(n.size())),
                                                std::string_view(m.constData(), size_t(m.size())));
        QCOMPARE(QString::fromUtf8(pkg.data(), qsizetype(pkg.size())), package);
    }

    void stableAndWarm() {
        QCOMPARE(FlameColors::stableHash("net/http"), FlameColors::stableHash("net/http"));
        QVERIFY(FlameColors::stableHash("net/http") != FlameColors::stableHash("net/url"));
        QCOMPARE(FlameColors::stableHash(""), 2166136261u); // FNV-1a offset basis: fixed across runs and builds
        for (uint32_t i = 0; i < 2000; ++i) {
            const uint32_t h = FlameColors::stableHash(std::to_string(i));
            const QRgb c = FlameColors::baseColor(h);
            QVERIFY(qRed(c) >= 215);   // warm
            QVERIFY(qGreen(c) <= 225); // red..yellow, never green or blue
            QVERIFY(qBlue(c) < qGreen(c) && qBlue(c) <= 70);
            QCOMPARE(FlameColors::textColorFor(c), qRgb(0, 0, 0)); // black text always readable
            const QRgb f = FlameColors::frameColor(h, i * 2654435761u);
            QVERIFY(qAbs(qRed(f) - qRed(c)) <= 12 && qAbs(qGreen(f) - qGreen(c)) <= 18);
            const QRgb d = FlameColors::dimmed(c);
            QVERIFY(qGray(d) > qGray(c)); // dimmed = lighter
            const QRgb m = FlameColors::matchColor(h);
            QVERIFY(qBlue(m) > 150 && qGreen(m) < 60); // magenta family, unlike any base colour
            const QRgb s = FlameColors::selectedColor(h);
            QVERIFY(qBlue(s) > qRed(s) + 100);
        }
    }

    void textContrast() {
        QCOMPARE(FlameColors::textColorFor(qRgb(20, 20, 20)), qRgb(255, 255, 255));
        QCOMPARE(FlameColors::textColorFor(qRgb(250, 250, 250)), qRgb(0, 0, 0));
    }
};

QTEST_GUILESS_MAIN(TestFlameColors)
#include "tst_flamecolors.moc"
