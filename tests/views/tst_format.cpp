// Value formatting with units.
#include "views/format.h"

#include <QTest>

using namespace spanfire::views;

class TestFormat : public QObject {
    Q_OBJECT
private slots:
    void values_data() {
        QTest::addColumn<qlonglong>("value");
        QTest::addColumn<QString>("unit");
        QTest::addColumn<QString>("expected");
        QTest::newRow("ns") << 999LL << QStringLiteral("nanoseconds") << QStringLiteral("999 ns");
        QTest::newRow("us") << 1500LL << QStringLiteral("nanoseconds") << QStringLiteral("1.50 \u00B5s");
        QTest::newRow("ms") << 12345678LL << QStringLiteral("nanoseconds") << QStringLiteral("12.3 ms");
        QTest::newRow("s") << 2500000000LL << QStringLiteral("nanoseconds") << QStringLiteral("2.50 s");
        QTest::newRow("min") << 120000000000LL << QStringLiteral("nanoseconds") << QStringLiteral("2.00 min");
        QTest::newRow("ms unit") << 250LL << QStringLiteral("milliseconds") << QStringLiteral("250 ms");
        QTest::newRow("bytes") << 512LL << QStringLiteral("bytes") << QStringLiteral("512 B");
        QTest::newRow("KiB") << 1536LL << QStringLiteral("bytes") << QStringLiteral("1.50 KiB");
        QTest::newRow("MiB") << 50LL * 1024 * 1024 << QStringLiteral("bytes") << QStringLiteral("50.0 MiB");
        QTest::newRow("count") << 42LL << QStringLiteral("count") << QStringLiteral("42");
        QTest::newRow("k") << 123456LL << QStringLiteral("samples") << QStringLiteral("123 k");
        QTest::newRow("M") << 4560000LL << QStringLiteral("count") << QStringLiteral("4.56 M");
        QTest::newRow("negative") << -1500LL << QStringLiteral("count") << QStringLiteral("-1.50 k");
    }
    void values() {
        QFETCH(qlonglong, value);
        QFETCH(QString, unit);
        QFETCH(QString, expected);
        const QByteArray u = unit.toUtf8();
        QCOMPARE(formatValue(value, unitFromString(std::string_view(u.constData(), size_t(u.size())))), expected);
    }
    void percent() {
        QCOMPARE(formatPercent(1, 4), QStringLiteral("25.0 %"));
        QCOMPARE(formatPercent(1, 3), QStringLiteral("33.3 %"));
        QCOMPARE(formatPercent(1, 200), QStringLiteral("0.50 %"));
        QCOMPARE(formatPercent(1, 100000), QStringLiteral("0.001 %"));
        QCOMPARE(formatPercent(0, 10), QStringLiteral("0 %"));
        QCOMPARE(formatPercent(5, 0), QStringLiteral("0 %"));
        QCOMPARE(formatPercent(10, 10), QStringLiteral("100.0 %"));
    }
    void exact() {
        QCOMPARE(formatExact(1234567), QStringLiteral("1\u202F234\u202F567"));
        QCOMPARE(formatExact(-12), QStringLiteral("-12"));
        QCOMPARE(formatExact(0), QStringLiteral("0"));
    }
};

QTEST_GUILESS_MAIN(TestFormat)
#include "tst_format.moc"
