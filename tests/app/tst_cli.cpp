// spanfire-cli contract tests: the built binary is run as a separate process on
// corpus files. Figures are checked against (a) the importer's model loaded
// in-process and (b) the independent expected files made with google/pprof's
// profile package (tests/data/pprof-expected, see scripts/make-pprof-expected.sh).
#include "importers/importer.h"
#include "importers/symbolize/pprofwriter.h"
#include "model/spantable.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <map>

namespace {

struct Run {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Run runCli(const QStringList &args) {
    QProcess p;
    p.setProgram(QStringLiteral(SPANFIRE_CLI));
    p.setArguments(args);
    p.start();
    Run r;
    if (!p.waitForFinished(120000)) {
        p.kill();
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

QJsonObject parseObject(const QByteArray &bytes) {
    QJsonParseError err{};
    const QJsonDocument d = QJsonDocument::fromJson(bytes, &err);
    if (err.error != QJsonParseError::NoError)
        qWarning("JSON error %s in: %s", qPrintable(err.errorString()), bytes.left(300).constData());
    return d.object();
}

QString corpus() {
    const QByteArray env = qgetenv("SPANFIRE_CORPUS");
    return env.isEmpty() ? QStringLiteral(SPANFIRE_CORPUS_DIR) : QString::fromLocal8Bit(env);
}

QStringList corpusFiles(const QString &sub) {
    QDir d(corpus() + QLatin1Char('/') + sub);
    QStringList out;
    for (const QString &f : d.entryList(QDir::Files, QDir::Name))
        out << d.filePath(f);
    return out;
}

// Exactly one line on stderr, naming the file.
void checkOneLineError(const Run &r, const QString &file) {
    QCOMPARE(r.exitCode, 2);
    const QByteArray err = r.err.trimmed();
    QVERIFY2(!err.isEmpty(), "no error message");
    QVERIFY2(!err.contains('\n'), err.constData());
    QVERIFY2(err.contains(file.toUtf8()), err.constData());
}

struct Expected {
    std::map<int, std::pair<QString, qint64>> types; // index -> (name, total)
    std::multimap<int, std::tuple<QByteArray, qint64, qint64>> top;
    bool ok = false;
};

Expected readExpected(const QString &file) {
    Expected e;
    QFile f(QStringLiteral(SPANFIRE_TESTDATA_DIR "/pprof-expected/") + QFileInfo(file).fileName() +
            QStringLiteral(".txt"));
    if (!f.open(QIODevice::ReadOnly))
        return e;
    while (!f.atEnd()) {
        const QList<QByteArray> w = f.readLine().trimmed().split(' ');
        if (w.size() >= 2 && w[0] == "status")
            e.ok = w[1] == "ok";
        if (w.size() == 5 && w[0] == "type" && w[3] == "total")
            e.types[w[1].toInt()] = {QString::fromUtf8(w[2]), w[4].toLongLong()};
        if (w.size() == 5 && w[0] == "top")
            e.top.emplace(w[1].toInt(),
                          std::make_tuple(QByteArray::fromHex(w[4]), w[2].toLongLong(), w[3].toLongLong()));
    }
    return e;
}

} // namespace

class TestCli : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QVERIFY2(QFile::exists(QStringLiteral(SPANFIRE_CLI)), SPANFIRE_CLI); }

    void usageErrors() {
        const Run none = runCli({});
        QCOMPARE(none.exitCode, 2);
        const Run unknown = runCli({QStringLiteral("frobnicate"), QStringLiteral("x")});
        QCOMPARE(unknown.exitCode, 2);
        QVERIFY(unknown.err.contains("frobnicate"));
        const Run help = runCli({QStringLiteral("--help")});
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.out.contains("spanfire-cli COMMAND"));
    }

    void profileFiles_data() {
        QTest::addColumn<QString>("file");
        for (const QString &f : corpusFiles(QStringLiteral("pprof")))
            QTest::newRow(qPrintable(QFileInfo(f).fileName())) << f;
        QTest::newRow("demo") << QStringLiteral(SPANFIRE_DEMO_DIR "/shop.cpu.pb.gz");
    }

    // info --json and top --json agree with the importer's model and with google/pprof.
    void profileFiles() {
        QFETCH(QString, file);
        const spanfire::ImportResult model = spanfire::importFile(file.toStdString());
        const Run info = runCli({QStringLiteral("info"), file, QStringLiteral("--json")});
        if (!model.ok) {
            checkOneLineError(info, file);
            return;
        }
        QCOMPARE(info.exitCode, 0);
        const QJsonObject f = parseObject(info.out)[QStringLiteral("files")].toArray().at(0).toObject();
        QCOMPARE(f[QStringLiteral("file")].toString(), file);
        QCOMPARE(f[QStringLiteral("format")].toString().toStdString(), model.format);
        if (!model.profile)
            return;
        const spanfire::Profile &p = *model.profile;
        QCOMPARE(qint64(f[QStringLiteral("sample_count")].toDouble()), qint64(p.sampleCount()));
        const QJsonArray types = f[QStringLiteral("sample_types")].toArray();
        QCOMPARE(types.size(), qsizetype(p.sampleTypes.size()));
        for (int i = 0; i < types.size(); ++i)
            QCOMPARE(types[i].toObject()[QStringLiteral("total")].toInteger(), p.total(size_t(i)));

        // top for the default sample type: totals, order, flat sums to total.
        const Run top = runCli({QStringLiteral("top"), file, QStringLiteral("--json")});
        QCOMPARE(top.exitCode, 0);
        const QJsonObject t = parseObject(top.out);
        const size_t col = size_t(p.defaultSampleType);
        QCOMPARE(t[QStringLiteral("sample_type")].toString().toStdString(), p.sampleTypeName(col));
        QCOMPARE(t[QStringLiteral("total")].toInteger(), p.total(col));
        QCOMPARE(t[QStringLiteral("sample_count")].toInteger(), qint64(p.sampleCount()));
        const QJsonArray fns = t[QStringLiteral("functions")].toArray();
        bool hasNegative = false; // delta profiles: cum may be below flat
        for (int64_t v : p.values[col])
            hasNegative = hasNegative || v < 0;
        qint64 flatSum = 0, prevFlat = std::numeric_limits<qint64>::max();
        for (const QJsonValue &v : fns) {
            const QJsonObject o = v.toObject();
            const qint64 flat = o[QStringLiteral("flat")].toInteger();
            const qint64 cum = o[QStringLiteral("cum")].toInteger();
            QVERIFY(!o[QStringLiteral("name")].toString().isNull());
            QVERIFY2(flat <= prevFlat, "functions must be sorted by flat descending");
            if (!hasNegative)
                QVERIFY(cum >= flat);
            prevFlat = flat;
            flatSum += flat;
        }
        QCOMPARE(flatSum, p.total(col));

        // Against google/pprof's figures for every sample type it lists.
        const Expected e = readExpected(file);
        for (const auto &[index, typeTotal] : e.types) {
            const Run tt = runCli({QStringLiteral("top"), file, QStringLiteral("--json"),
                                   QStringLiteral("--sample-type"), typeTotal.first});
            QCOMPARE(tt.exitCode, 0);
            const QJsonObject o = parseObject(tt.out);
            QCOMPARE(o[QStringLiteral("total")].toInteger(), typeTotal.second);
            std::map<QString, std::pair<qint64, qint64>> byName;
            for (const QJsonValue &v : o[QStringLiteral("functions")].toArray())
                byName[v[QStringLiteral("name")].toString()] = {v[QStringLiteral("flat")].toInteger(),
                                                                v[QStringLiteral("cum")].toInteger()};
            auto [b, end] = e.top.equal_range(index);
            for (auto it = b; it != end; ++it) {
                const auto &[name, flat, cum] = it->second;
                const QString n = QString::fromUtf8(name); // invalid UTF-8 becomes U+FFFD on both sides
                QVERIFY2(byName.count(n), qPrintable(QStringLiteral("missing function ") + n));
                QCOMPARE(byName[n].first, flat);
                QCOMPARE(byName[n].second, cum);
            }
        }
    }

    void topLimitAndText() {
        const QString file = QStringLiteral(SPANFIRE_DEMO_DIR "/shop.cpu.pb.gz");
        const Run r = runCli(
            {QStringLiteral("top"), file, QStringLiteral("--json"), QStringLiteral("--limit"), QStringLiteral("3")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(parseObject(r.out)[QStringLiteral("functions")].toArray().size(), 3);
        const Run text = runCli({QStringLiteral("top"), file, QStringLiteral("--limit"), QStringLiteral("5")});
        QCOMPARE(text.exitCode, 0);
        QVERIFY(text.out.contains("flat%"));
        QCOMPARE(text.out.count('\n'), 3 + 5); // type, summary, header + 5 rows
    }

    // --diff-base BASE: each function's cum share of the selected samples
    // against its cum share in BASE, in percentage points, largest growth first.
    void topDiffBase() {
        const QString file = QStringLiteral(SPANFIRE_DEMO_DIR "/shop.cpu.pb.gz");
        const QJsonObject all = parseObject(runCli({QStringLiteral("top"), file, QStringLiteral("--json")}).out);
        const qint64 total = all[QStringLiteral("total")].toInteger();
        QVERIFY(total > 0);
        // Against itself: no change anywhere.
        const Run same =
            runCli({QStringLiteral("top"), file, QStringLiteral("--json"), QStringLiteral("--diff-base"), file});
        QCOMPARE(same.exitCode, 0);
        const QJsonObject s = parseObject(same.out);
        QCOMPARE(s[QStringLiteral("base_total")].toInteger(), total);
        const QJsonArray sameFns = s[QStringLiteral("functions")].toArray();
        QCOMPARE(sameFns.size(), all[QStringLiteral("functions")].toArray().size());
        for (const QJsonValue &v : sameFns) {
            QCOMPARE(v[QStringLiteral("base_cum")].toInteger(), v[QStringLiteral("cum")].toInteger());
            QCOMPARE(v[QStringLiteral("cum_change_pp")].toDouble(), 0.0);
        }
        // Only the samples through main.fraudModel against the whole profile: it is on
        // 100 % of them, so it grew by 100 % minus its share of the whole.
        double fraudShare = -1;
        for (const QJsonValue &v : all[QStringLiteral("functions")].toArray())
            if (v[QStringLiteral("name")].toString() == QLatin1String("main.fraudModel"))
                fraudShare = 100.0 * double(v[QStringLiteral("cum")].toInteger()) / double(total);
        QVERIFY(fraudShare > 0 && fraudShare < 100);
        const Run focused = runCli({QStringLiteral("top"), file, QStringLiteral("--json"), QStringLiteral("--focus"),
                                    QStringLiteral("^main\\.fraudModel$"), QStringLiteral("--diff-base"), file});
        QCOMPARE(focused.exitCode, 0);
        const QJsonArray fns = parseObject(focused.out)[QStringLiteral("functions")].toArray();
        double fraudChange = 0, previous = 1e9;
        bool sorted = true, goneListed = false;
        for (const QJsonValue &v : fns) {
            const double c = v[QStringLiteral("cum_change_pp")].toDouble();
            sorted = sorted && c <= previous;
            previous = c;
            if (v[QStringLiteral("name")].toString() == QLatin1String("main.fraudModel"))
                fraudChange = c;
            // Functions not on these samples are listed from the baseline, with cum 0.
            goneListed = goneListed || (v[QStringLiteral("cum")].toInteger() == 0 && c < 0);
        }
        QVERIFY(sorted);
        QVERIFY(goneListed);
        QVERIFY2(std::abs(fraudChange - (100.0 - fraudShare)) < 1e-9, qPrintable(QString::number(fraudChange)));
        // Text output: the header names the baseline; columns base% and change.
        const Run text = runCli({QStringLiteral("top"), file, QStringLiteral("--diff-base"), file,
                                 QStringLiteral("--limit"), QStringLiteral("3")});
        QCOMPARE(text.exitCode, 0);
        QVERIFY(text.out.contains("Compared with"));
        QVERIFY(text.out.contains("+0.00pp"));
        // A baseline without the sample type: one line naming it.
        const QString heap = corpus() + QStringLiteral("/pprof/parca__alloc_space_delta.pb.gz");
        checkOneLineError(runCli({QStringLiteral("top"), file, QStringLiteral("--diff-base"), heap}), heap);
        checkOneLineError(runCli({QStringLiteral("top"), file, QStringLiteral("--diff-base"),
                                  QStringLiteral("/nonexistent/base.pb.gz")}),
                          QStringLiteral("/nonexistent/base.pb.gz"));
    }

    // --focus keeps the samples through a matching frame; total stays the profile's (pprof).
    void topFocus() {
        const QString file = QStringLiteral(SPANFIRE_DEMO_DIR "/shop.cpu.pb.gz");
        const QJsonObject all = parseObject(runCli({QStringLiteral("top"), file, QStringLiteral("--json")}).out);
        const Run r = runCli({QStringLiteral("top"), file, QStringLiteral("--json"), QStringLiteral("--focus"),
                              QStringLiteral("^main\\.fraudModel$")});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject o = parseObject(r.out);
        QCOMPARE(o[QStringLiteral("total")].toInteger(), all[QStringLiteral("total")].toInteger());
        qint64 fraudCum = -1, flatSum = 0;
        for (const QJsonValue &v : all[QStringLiteral("functions")].toArray())
            if (v[QStringLiteral("name")].toString() == QLatin1String("main.fraudModel"))
                fraudCum = v[QStringLiteral("cum")].toInteger();
        for (const QJsonValue &v : o[QStringLiteral("functions")].toArray())
            flatSum += v[QStringLiteral("flat")].toInteger();
        QVERIFY(fraudCum > 0);
        // Every focused sample passes through main.fraudModel: focus total == its cum.
        QCOMPARE(o[QStringLiteral("selected_total")].toInteger(), fraudCum);
        QCOMPARE(flatSum, fraudCum);
        checkOneLineError(runCli({QStringLiteral("top"), file, QStringLiteral("--focus"), QStringLiteral("(")}),
                          QStringLiteral("--focus"));
    }

    void multipleFilesAreSummed() {
        const QString a = QStringLiteral(SPANFIRE_DEMO_DIR "/shop.cpu.pb.gz");
        const qint64 one =
            parseObject(runCli({QStringLiteral("top"), a, QStringLiteral("--json")}).out)[QStringLiteral("total")]
                .toInteger();
        const QJsonObject two = parseObject(runCli({QStringLiteral("top"), a, a, QStringLiteral("--json")}).out);
        QCOMPARE(two[QStringLiteral("total")].toInteger(), 2 * one);
        const QJsonObject first = two[QStringLiteral("functions")].toArray().at(0).toObject();
        QCOMPARE(first[QStringLiteral("flat")].toInteger() % 2, 0);
    }

    void foldedSumsToTotal() {
        QString file = corpus() + QStringLiteral("/pprof/google-pprof__sample.cpu.pb.gz");
        if (!QFileInfo::exists(file))
            file = QStringLiteral(SPANFIRE_DEMO_DIR "/shop.cpu.pb.gz");
        const spanfire::ImportResult model = spanfire::importFile(file.toStdString());
        QVERIFY(model.ok && model.profile);
        const Run r = runCli({QStringLiteral("folded"), file});
        QCOMPARE(r.exitCode, 0);
        qint64 sum = 0;
        int lines = 0;
        for (const QByteArray &line : r.out.split('\n')) {
            if (line.isEmpty())
                continue;
            const int sp = int(line.lastIndexOf(' '));
            QVERIFY(sp > 0);
            bool ok = false;
            sum += line.mid(sp + 1).toLongLong(&ok);
            QVERIFY(ok);
            ++lines;
        }
        QVERIFY(lines > 0);
        QCOMPARE(sum, model.profile->total(size_t(model.profile->defaultSampleType)));
    }

    void badInputs() {
        QTemporaryDir dir;
        const QString empty = dir.filePath(QStringLiteral("empty.pb"));
        const QString junk = dir.filePath(QStringLiteral("junk.bin"));
        const QString json = dir.filePath(QStringLiteral("notpprof.json"));
        QFile(empty).open(QIODevice::WriteOnly);
        {
            QFile f(junk);
            QVERIFY(f.open(QIODevice::WriteOnly));
            QByteArray bytes;
            quint32 x = 12345;
            for (int i = 0; i < 4096; ++i) {
                x = x * 1103515245u + 12345u;
                bytes.append(char(x >> 24));
            }
            f.write(bytes);
        }
        {
            QFile f(json);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("{\"hello\": [1, 2, 3]}");
        }
        const QString missing = dir.filePath(QStringLiteral("does-not-exist.pb.gz"));
        for (const QString &cmd : {QStringLiteral("info"), QStringLiteral("top"), QStringLiteral("folded")}) {
            for (const QString &f : {empty, junk, missing}) {
                const Run r = runCli({cmd, f});
                checkOneLineError(r, f);
            }
        }
        checkOneLineError(runCli({QStringLiteral("top"), json}), json);
        // A good file followed by a bad one still fails, naming the bad one.
        const QString good = QStringLiteral(SPANFIRE_DEMO_DIR "/shop.cpu.pb.gz");
        checkOneLineError(runCli({QStringLiteral("top"), good, junk}), junk);
        checkOneLineError(
            runCli({QStringLiteral("top"), good, QStringLiteral("--sample-type"), QStringLiteral("nope/bytes")}), good);
    }

    void invalidUtf8NamesGiveValidJson() {
        const QString file = corpus() + QStringLiteral("/pprof/pyroscope__invalid_utf8.pb.gz");
        if (!QFileInfo::exists(file))
            QSKIP("corpus not available");
        const Run r = runCli({QStringLiteral("top"), file, QStringLiteral("--json")});
        if (r.exitCode == 2)
            QSKIP("importer rejects this file");
        QCOMPARE(r.exitCode, 0);
        QJsonParseError err{};
        QJsonDocument::fromJson(r.out, &err);
        QCOMPARE(err.error, QJsonParseError::NoError);
        QVERIFY(QString::fromUtf8(r.out).toUtf8() == r.out); // valid UTF-8 round-trips
    }

    void traceFiles_data() {
        QTest::addColumn<QString>("file");
        for (const QString &sub : {QStringLiteral("otlp-traces"), QStringLiteral("jaeger"), QStringLiteral("zipkin")})
            for (const QString &f : corpusFiles(sub))
                QTest::newRow(qPrintable(QFileInfo(f).fileName())) << f;
        QTest::newRow("demo") << QStringLiteral(SPANFIRE_DEMO_DIR "/shop.traces.otlp.json");
    }

    // info and spans agree with the importer's TraceSet; spans --trace lists that trace's spans.
    void traceFiles() {
        QFETCH(QString, file);
        const spanfire::ImportResult model = spanfire::importFile(file.toStdString());
        const Run info = runCli({QStringLiteral("info"), file, QStringLiteral("--json")});
        if (!model.ok) {
            checkOneLineError(info, file);
            return;
        }
        QCOMPARE(info.exitCode, 0);
        if (!model.traces)
            QSKIP("no traces in this file");
        const spanfire::TraceSet &t = *model.traces;
        const QJsonObject f = parseObject(info.out)[QStringLiteral("files")].toArray().at(0).toObject();
        QCOMPARE(f[QStringLiteral("trace_count")].toInteger(), qint64(t.traces.size()));
        QCOMPARE(f[QStringLiteral("span_count")].toInteger(), qint64(t.spanCount()));
        QCOMPARE(f[QStringLiteral("services")].toArray().size(), qsizetype(t.services.size()));

        const Run spans = runCli({QStringLiteral("spans"), file, QStringLiteral("--json")});
        QCOMPARE(spans.exitCode, 0);
        const QJsonArray traces = parseObject(spans.out)[QStringLiteral("traces")].toArray();
        QCOMPARE(traces.size(), qsizetype(t.traces.size()));
        qint64 spanSum = 0;
        for (const QJsonValue &v : traces) {
            spanSum += v[QStringLiteral("span_count")].toInteger();
            QCOMPARE(v[QStringLiteral("trace_id")].toString().size(), 32);
            QVERIFY(v[QStringLiteral("duration_ns")].toInteger() >= 0);
        }
        QCOMPARE(spanSum, qint64(t.spanCount()));
        if (traces.isEmpty())
            return;
        const QString id = traces.at(0)[QStringLiteral("trace_id")].toString();
        const Run one =
            runCli({QStringLiteral("spans"), file, QStringLiteral("--trace"), id, QStringLiteral("--json")});
        QCOMPARE(one.exitCode, 0);
        const QJsonObject o = parseObject(one.out);
        QCOMPARE(o[QStringLiteral("trace_id")].toString(), id);
        const QJsonArray rows = o[QStringLiteral("spans")].toArray();
        QCOMPARE(rows.size(), qsizetype(traces.at(0)[QStringLiteral("span_count")].toInteger()));
        QSet<QString> ids;
        int critical = 0;
        for (const QJsonValue &v : rows) {
            ids.insert(v[QStringLiteral("span_id")].toString());
            QVERIFY(v[QStringLiteral("self_ns")].toInteger() <= v[QStringLiteral("duration_ns")].toInteger());
            QVERIFY(v[QStringLiteral("start_offset_ns")].toInteger() >= 0);
            critical += v[QStringLiteral("critical_path")].toBool() ? 1 : 0;
        }
        QVERIFY(critical >= 1);
        // Pre-order: a span's parent (when in the trace) comes before it.
        QSet<QString> seen;
        for (const QJsonValue &v : rows) {
            const QString parent = v[QStringLiteral("parent_id")].toString();
            if (ids.contains(parent))
                QVERIFY2(seen.contains(parent), qPrintable(parent));
            seen.insert(v[QStringLiteral("span_id")].toString());
        }
        checkOneLineError(runCli({QStringLiteral("spans"), file, QStringLiteral("--trace"), QStringLiteral("zzzz")}),
                          file);
    }

    // The bundled demo: a linked trace + profile of the same run.
    void demoIsLinked() {
        const QString traces = QStringLiteral(SPANFIRE_DEMO_DIR "/shop.traces.otlp.json");
        const QString profile = QStringLiteral(SPANFIRE_DEMO_DIR "/shop.cpu.pb.gz");
        const spanfire::ImportResult t = spanfire::importFile(traces.toStdString());
        const spanfire::ImportResult p = spanfire::importFile(profile.toStdString());
        QVERIFY(t.ok && t.traces && p.ok && p.profile);
        QVERIFY(t.traces->traces.size() >= 20);
        QVERIFY(t.traces->services.size() >= 2);
        const spanfire::Profile &prof = *p.profile;
        const spanfire::StringId key = prof.strings.find("span_id");
        QVERIFY(key.valid());
        // Every sample with a span_id label names a span of the trace file.
        size_t labelled = 0, found = 0;
        for (uint32_t set : prof.sampleLabels) {
            for (auto *l = prof.labelSets.begin(spanfire::LabelSetId(set));
                 l != prof.labelSets.end(spanfire::LabelSetId(set)); ++l) {
                if (l->key != key)
                    continue;
                ++labelled;
                const uint64_t id = std::stoull(std::string(prof.strings.view(l->str)), nullptr, 16);
                found += t.traces->findSpan(id) != spanfire::TraceSet::kNoRow ? 1 : 0;
            }
        }
        QVERIFY(labelled > prof.sampleCount() / 2);
        QCOMPARE(found, labelled);
    }

    // --span-label: the demo profile rewritten so that its span ids sit under
    // another label key links only when that key is given.
    void spanLabelOption() {
        const QString traces = QStringLiteral(SPANFIRE_DEMO_DIR "/shop.traces.otlp.json");
        const spanfire::ImportResult p =
            spanfire::importFile(QStringLiteral(SPANFIRE_DEMO_DIR "/shop.cpu.pb.gz").toStdString());
        QVERIFY(p.ok && p.profile);
        spanfire::PprofWriteOptions wo;
        wo.gzip = false;
        std::string bytes = spanfire::writePprof(*p.profile, wo);
        const size_t at = bytes.find("span_id");
        QVERIFY(at != std::string::npos);
        bytes.replace(at, 7, "my_spid"); // same length: the string table stays valid
        QTemporaryDir dir;
        const QString renamed = dir.filePath(QStringLiteral("renamed.pb"));
        {
            QFile f(renamed);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(bytes.data(), qint64(bytes.size()));
        }
        auto linked = [&](const QStringList &extra) {
            const Run r =
                runCli(QStringList{QStringLiteral("info"), traces, renamed, QStringLiteral("--json")} + extra);
            if (r.exitCode != 0)
                return QJsonObject{{QStringLiteral("error"), QString::fromUtf8(r.err)}};
            return parseObject(r.out)[QStringLiteral("files")]
                .toArray()[1]
                .toObject()[QStringLiteral("link")]
                .toObject();
        };
        const QJsonObject without = linked({});
        QCOMPARE(without[QStringLiteral("linked_samples")].toInt(), 0);
        const QJsonObject with = linked({QStringLiteral("--span-label"), QStringLiteral("my_spid")});
        QCOMPARE(with[QStringLiteral("method")].toString(), QStringLiteral("label"));
        QCOMPARE(with[QStringLiteral("label_key")].toString(), QStringLiteral("my_spid"));
        QCOMPARE(with[QStringLiteral("linked_samples")].toInt(), 482);
        QCOMPARE(runCli({QStringLiteral("info"), traces, QStringLiteral("--span-label")}).exitCode, 2);
    }

    // Span filters on the demo: totals equal sums over the samples' own
    // span_id labels (what `go tool pprof -tagfocus=span_id=^ID$` keeps).
    void spanFilters() {
        const QString traces = QStringLiteral(SPANFIRE_DEMO_DIR "/shop.traces.otlp.json");
        const QString profile = QStringLiteral(SPANFIRE_DEMO_DIR "/shop.cpu.pb.gz");
        const spanfire::ImportResult t = spanfire::importFile(traces.toStdString());
        const spanfire::ImportResult p = spanfire::importFile(profile.toStdString());
        QVERIFY(t.ok && t.traces && p.ok && p.profile);
        const spanfire::TraceSet &set = *t.traces;
        const spanfire::Profile &prof = *p.profile;
        const size_t col = size_t(prof.defaultSampleType);
        const spanfire::StringId key = prof.strings.find("span_id");
        std::map<quint64, qint64> bySpan; // span id -> total of samples labelled with it
        for (size_t i = 0; i < prof.sampleCount(); ++i) {
            const spanfire::LabelSetId ls(prof.sampleLabels.empty() ? 0 : prof.sampleLabels[i]);
            for (auto *l = prof.labelSets.begin(ls); l != prof.labelSets.end(ls); ++l)
                if (l->key == key)
                    bySpan[std::stoull(std::string(prof.strings.view(l->str)), nullptr, 16)] += prof.values[col][i];
        }
        auto rowsTotal = [&](auto pred) {
            qint64 sum = 0;
            for (uint32_t r = 0; r < set.spanCount(); ++r)
                if (pred(r) && bySpan.count(set.spanId[r]))
                    sum += bySpan[set.spanId[r]];
            return sum;
        };
        auto selected = [&](const QStringList &extra) {
            const Run r = runCli(QStringList{QStringLiteral("top"), profile, traces, QStringLiteral("--json")} + extra);
            if (r.exitCode != 0)
                qWarning("%s", r.err.constData());
            return parseObject(r.out)[QStringLiteral("selected_total")].toInteger(-1);
        };
        // The span with the most samples of its own, and its trace's root.
        uint32_t best = 0;
        for (uint32_t r = 0; r < set.spanCount(); ++r)
            if (bySpan[set.spanId[r]] > bySpan[set.spanId[best]])
                best = r;
        QVERIFY(bySpan[set.spanId[best]] > 0);
        const QString bestId = QString::fromStdString(spanfire::spanIdHex(set.spanId[best]));
        QCOMPARE(selected({QStringLiteral("--span"), bestId}), bySpan[set.spanId[best]]);
        const uint32_t traceIndex = set.trace[best];
        const uint32_t root = set.traces[traceIndex].root.v;
        QCOMPARE(selected({QStringLiteral("--span"), QString::fromStdString(spanfire::spanIdHex(set.spanId[root])),
                           QStringLiteral("--scope"), QStringLiteral("descendants")}),
                 rowsTotal([&](uint32_t r) { return r >= root && r < set.subtreeEnd[root]; }));
        QCOMPARE(selected({QStringLiteral("--trace"), QString::fromStdString(set.traces[traceIndex].id.hex())}),
                 rowsTotal([&](uint32_t r) { return set.trace[r] == traceIndex; }));
        const spanfire::StringId fraud = set.strings.find("fraudScore");
        QVERIFY(fraud.valid());
        const qint64 fraudTotal = rowsTotal([&](uint32_t r) { return set.name[r] == fraud; });
        QVERIFY(fraudTotal > 0);
        QCOMPARE(selected({QStringLiteral("--operation"), QStringLiteral("fraudScore")}), fraudTotal);

        // info reports the link; spans --with-samples counts per trace add up to it.
        const QJsonArray files = parseObject(runCli({QStringLiteral("info"), profile, traces, QStringLiteral("--json")})
                                                 .out)[QStringLiteral("files")]
                                     .toArray();
        const QJsonObject link = files.at(0)[QStringLiteral("link")].toObject();
        QCOMPARE(link[QStringLiteral("method")].toString(), QStringLiteral("label"));
        QCOMPARE(link[QStringLiteral("label_key")].toString(), QStringLiteral("span_id"));
        const qint64 linked = link[QStringLiteral("linked_samples")].toInteger();
        QVERIFY(linked > qint64(prof.sampleCount()) / 2);
        const QJsonArray rows = parseObject(runCli({QStringLiteral("spans"), traces, profile,
                                                    QStringLiteral("--with-samples"), QStringLiteral("--json")})
                                                .out)[QStringLiteral("traces")]
                                    .toArray();
        qint64 sum = 0;
        for (const QJsonValue &v : rows)
            sum += v[QStringLiteral("samples")].toInteger();
        QCOMPARE(sum, linked);

        // Errors name the file.
        checkOneLineError(runCli({QStringLiteral("top"), profile, QStringLiteral("--span"), bestId}), profile);
        checkOneLineError(runCli({QStringLiteral("top"), profile, traces, QStringLiteral("--span"),
                                  QStringLiteral("00000000deadbeef")}),
                          profile);
        checkOneLineError(
            runCli({QStringLiteral("top"), profile, QStringLiteral("--time-range"), QStringLiteral("1:2")}), profile);
        QCOMPARE(
            runCli({QStringLiteral("top"), profile, QStringLiteral("--time-range"), QStringLiteral("5:2")}).exitCode,
            2);
    }

    // Independent of our linking: pprof itself applies -tagfocus and writes the
    // kept samples; their total must equal ours (skipped without Go).
    void spanFilterMatchesGoPprof() {
        const QString go = QStandardPaths::findExecutable(QStringLiteral("go"));
        if (go.isEmpty())
            QSKIP("go not installed");
        const QString traces = QStringLiteral(SPANFIRE_DEMO_DIR "/shop.traces.otlp.json");
        const QString profile = QStringLiteral(SPANFIRE_DEMO_DIR "/shop.cpu.pb.gz");
        const QJsonArray fns = parseObject(runCli({QStringLiteral("spans"), traces, profile,
                                                   QStringLiteral("--with-samples"), QStringLiteral("--json")})
                                               .out)[QStringLiteral("traces")]
                                   .toArray();
        QVERIFY(!fns.isEmpty());
        const QString traceId = fns.at(0)[QStringLiteral("trace_id")].toString();
        const QJsonArray spans =
            parseObject(runCli({QStringLiteral("spans"), traces, profile, QStringLiteral("--trace"), traceId,
                                QStringLiteral("--with-samples"), QStringLiteral("--json")})
                            .out)[QStringLiteral("spans")]
                .toArray();
        QString spanId;
        qint64 most = 0;
        for (const QJsonValue &v : spans)
            if (v[QStringLiteral("samples")].toInteger() > most) {
                most = v[QStringLiteral("samples")].toInteger();
                spanId = v[QStringLiteral("span_id")].toString();
            }
        QVERIFY(!spanId.isEmpty());
        QTemporaryDir dir;
        const QString out = dir.filePath(QStringLiteral("focused.pb.gz"));
        QProcess p;
        p.setProcessEnvironment(QProcessEnvironment::systemEnvironment());
        p.start(go, {QStringLiteral("tool"), QStringLiteral("pprof"), QStringLiteral("-proto"),
                     QStringLiteral("-tagfocus=span_id=^") + spanId + QStringLiteral("$"), QStringLiteral("-output"),
                     out, profile});
        QVERIFY(p.waitForFinished(120000));
        if (p.exitCode() != 0)
            QSKIP(qPrintable(QStringLiteral("go tool pprof failed: ") +
                             QString::fromLocal8Bit(p.readAllStandardError())));
        const spanfire::ImportResult focused = spanfire::importFile(out.toStdString());
        QVERIFY(focused.ok && focused.profile);
        const QJsonObject ours = parseObject(
            runCli({QStringLiteral("top"), profile, traces, QStringLiteral("--span"), spanId, QStringLiteral("--json")})
                .out);
        QCOMPARE(ours[QStringLiteral("selected_total")].toInteger(),
                 focused.profile->total(size_t(focused.profile->defaultSampleType)));
    }

    void renderTimeline() {
        QTemporaryDir dir;
        const QString out = dir.filePath(QStringLiteral("timeline.png"));
        const Run r = runCli({QStringLiteral("render"), QStringLiteral(SPANFIRE_DEMO_DIR "/shop.traces.otlp.json"),
                              QStringLiteral("--view"), QStringLiteral("timeline"), QStringLiteral("--out"), out,
                              QStringLiteral("--size"), QStringLiteral("900x400")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(QImage(out).size(), QSize(900, 400));
        checkOneLineError(runCli({QStringLiteral("render"), QStringLiteral(SPANFIRE_DEMO_DIR "/shop.cpu.pb.gz"),
                                  QStringLiteral("--view"), QStringLiteral("timeline"), QStringLiteral("--out"), out}),
                          QStringLiteral("shop.cpu.pb.gz"));
    }

    void renderViews_data() {
        QTest::addColumn<QString>("view");
        QTest::newRow("flame") << QStringLiteral("flame");
        QTest::newRow("icicle") << QStringLiteral("icicle");
        QTest::newRow("top") << QStringLiteral("top");
        QTest::newRow("window") << QStringLiteral("window");
    }

    void renderViews() {
        QFETCH(QString, view);
        // The window cannot be smaller than its docks' minimum sizes.
        const QSize size = view == QLatin1String("window") ? QSize(1400, 900) : QSize(800, 500);
        QTemporaryDir dir;
        const QString out = dir.filePath(view + QStringLiteral(".png"));
        const Run r = runCli({QStringLiteral("render"), QStringLiteral(SPANFIRE_DEMO_DIR "/shop.cpu.pb.gz"),
                              QStringLiteral("--view"), view, QStringLiteral("--out"), out, QStringLiteral("--size"),
                              QStringLiteral("%1x%2").arg(size.width()).arg(size.height())});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QImage img(out);
        QVERIFY(!img.isNull());
        QCOMPARE(img.size(), size);
        // Not a blank image: more than a handful of distinct colours.
        QSet<QRgb> colours;
        for (int y = 0; y < img.height(); y += 7)
            for (int x = 0; x < img.width(); x += 7)
                colours.insert(img.pixel(x, y));
        QVERIFY2(colours.size() > 4, qPrintable(QString::number(colours.size())));
    }

    void renderBadArguments() {
        const QString file = QStringLiteral(SPANFIRE_DEMO_DIR "/shop.cpu.pb.gz");
        QCOMPARE(runCli({QStringLiteral("render"), file, QStringLiteral("--view"), QStringLiteral("pie"),
                         QStringLiteral("--out"), QStringLiteral("x.png")})
                     .exitCode,
                 2);
        QCOMPARE(runCli({QStringLiteral("render"), file, QStringLiteral("--view"), QStringLiteral("flame")}).exitCode,
                 2);
        QCOMPARE(
            runCli({QStringLiteral("render"), file, QStringLiteral("--view"), QStringLiteral("flame"),
                    QStringLiteral("--out"), QStringLiteral("x.png"), QStringLiteral("--size"), QStringLiteral("axb")})
                .exitCode,
            2);
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
