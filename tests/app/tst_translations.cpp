// Translations: every .ts file is complete (no unfinished, empty, obsolete or
// vanished entries; placeholders and numerus forms intact), every tr() string
// of app/ and views/ is in every .ts file, compiled .qm files load, and no
// user-visible string bypasses tr() (strings passed to setText, setToolTip,
// addAction, QMessageBox, ... must be tr()/translate() calls; a short
// allow-list names the non-user-visible exceptions).
#include "app/translations.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>

namespace {

const QString kSourceDir = QStringLiteral(SPANFIRE_SOURCE_DIR);

struct TsMessage {
    QString context;
    QString source;
    QString type; // translation's type attribute
    QStringList translations;
    bool numerus = false;
    qint64 line = 0;
};

QList<TsMessage> readTs(const QString &path, QString *error) {
    QList<TsMessage> out;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = path + QStringLiteral(": cannot open");
        return out;
    }
    QXmlStreamReader xml(&f);
    QString context;
    TsMessage msg;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        const auto name = xml.name();
        if (name == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (name == QLatin1String("message")) {
            msg = TsMessage();
            msg.context = context;
            msg.numerus = xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
            msg.line = xml.lineNumber();
        } else if (name == QLatin1String("source")) {
            msg.source = xml.readElementText();
        } else if (name == QLatin1String("translation")) {
            msg.type = xml.attributes().value(QLatin1String("type")).toString();
            if (msg.numerus) {
                while (xml.readNextStartElement())
                    msg.translations << xml.readElementText();
            } else {
                msg.translations << xml.readElementText();
            }
            out << msg;
        }
    }
    if (xml.hasError())
        *error = path + QStringLiteral(":%1: %2").arg(xml.lineNumber()).arg(xml.errorString());
    return out;
}

QStringList tsFiles() {
    QStringList files;
    for (const QString &f : QDir(kSourceDir + QStringLiteral("/translations")).entryList({QStringLiteral("*.ts")}))
        files << kSourceDir + QStringLiteral("/translations/") + f;
    return files;
}

QStringList sourceFiles() {
    QStringList files;
    for (const char *dir : {"app", "views"}) {
        QDirIterator it(kSourceDir + QLatin1Char('/') + QLatin1String(dir),
                        {QStringLiteral("*.cpp"), QStringLiteral("*.h")}, QDir::Files);
        while (it.hasNext())
            files << it.next();
    }
    files.sort();
    return files;
}

QString readAll(const QString &path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

// Placeholders %1..%99 and %n, sorted, for comparing source and translation.
QStringList placeholders(const QString &s) {
    QStringList out;
    static const QRegularExpression re(QStringLiteral("%(\\d+|n)"));
    for (auto it = re.globalMatch(s); it.hasNext();)
        out << it.next().captured(0);
    out.sort();
    out.removeDuplicates();
    return out;
}

// Decodes a C++ string literal body (enough for what tr() strings use).
QString unescape(const QString &body) {
    QString out;
    for (qsizetype i = 0; i < body.size(); ++i) {
        const QChar c = body[i];
        if (c != QLatin1Char('\\') || i + 1 >= body.size()) {
            out += c;
            continue;
        }
        const QChar n = body[++i];
        if (n == QLatin1Char('n'))
            out += QLatin1Char('\n');
        else if (n == QLatin1Char('t'))
            out += QLatin1Char('\t');
        else if (n == QLatin1Char('u') && i + 4 < body.size()) {
            out += QChar(body.mid(i + 1, 4).toUShort(nullptr, 16));
            i += 4;
        } else
            out += n;
    }
    return out;
}

// The text of the call's argument list starting at `open` (an '(' index), balanced, strings skipped.
QString argumentsAt(const QString &text, qsizetype open) {
    int depth = 0;
    bool inString = false;
    for (qsizetype i = open; i < text.size(); ++i) {
        const QChar c = text[i];
        if (inString) {
            if (c == QLatin1Char('\\'))
                ++i;
            else if (c == QLatin1Char('"'))
                inString = false;
            continue;
        }
        if (c == QLatin1Char('"'))
            inString = true;
        else if (c == QLatin1Char('('))
            ++depth;
        else if (c == QLatin1Char(')') && --depth == 0)
            return text.mid(open + 1, i - open - 1);
    }
    return QString();
}

// Removes tr(...)/translate(...) calls (balanced) from an argument text.
QString withoutTrCalls(QString args) {
    static const QRegularExpression trCall(QStringLiteral("\\b(tr|translate|qtTrId)\\s*\\("));
    for (;;) {
        const auto m = trCall.match(args);
        if (!m.hasMatch())
            return args;
        const qsizetype open = m.capturedEnd() - 1;
        const QString inner = argumentsAt(args, open);
        args.remove(m.capturedStart(), open - m.capturedStart() + inner.size() + 2);
    }
}

int lineOf(const QString &text, qsizetype pos) {
    return int(text.left(pos).count(QLatin1Char('\n'))) + 1;
}

} // namespace

class TestTranslations : public QObject {
    Q_OBJECT
private slots:
    void tsFilesExist() { QVERIFY(tsFiles().size() >= 3); }

    void tsFilesAreComplete() {
        QStringList problems;
        for (const QString &path : tsFiles()) {
            QString error;
            const QList<TsMessage> msgs = readTs(path, &error);
            QVERIFY2(error.isEmpty(), qPrintable(error));
            QVERIFY2(msgs.size() > 100, qPrintable(path));
            const QString file = QFileInfo(path).fileName();
            for (const TsMessage &m : msgs) {
                const QString where =
                    QStringLiteral("%1:%2 [%3] \"%4\"").arg(file).arg(m.line).arg(m.context, m.source);
                if (!m.type.isEmpty()) {
                    problems << where + QStringLiteral(": ") + m.type;
                    continue;
                }
                if (m.translations.isEmpty() || std::any_of(m.translations.begin(), m.translations.end(),
                                                            [](const QString &t) { return t.trimmed().isEmpty(); })) {
                    problems << where + QStringLiteral(": empty translation");
                    continue;
                }
                for (const QString &t : m.translations) {
                    QStringList want = placeholders(m.source);
                    QStringList got = placeholders(t);
                    if (m.numerus) { // a numerus form may spell the number out ("one file")
                        want.removeAll(QStringLiteral("%n"));
                        got.removeAll(QStringLiteral("%n"));
                    }
                    if (want != got)
                        problems << where + QStringLiteral(": placeholders %1 vs %2 in \"%3\"")
                                                .arg(want.join(QLatin1Char(',')), got.join(QLatin1Char(',')), t);
                    if (m.source.contains(QRegularExpression(QStringLiteral("&[A-Za-z]"))) &&
                        !t.contains(QRegularExpression(QStringLiteral("&[^&\\s]"))))
                        problems << where + QStringLiteral(": accelerator lost in \"%1\"").arg(t);
                }
            }
        }
        QVERIFY2(problems.isEmpty(), qPrintable(problems.mid(0, 40).join(QLatin1Char('\n')) +
                                                QStringLiteral("\n(%1 problems)").arg(problems.size())));
    }

    // Every tr("...") literal in the sources is in every .ts file (so nothing
    // used is missing, obsolete or vanished there).
    void everyTrStringIsTranslated() {
        QSet<QString> used;
        static const QRegularExpression trRe(QStringLiteral("\\btr\\s*\\(\\s*((?:\"(?:[^\"\\\\]|\\\\.)*\"\\s*)+)[,)]"));
        static const QRegularExpression piece(QStringLiteral("\"((?:[^\"\\\\]|\\\\.)*)\""));
        for (const QString &path : sourceFiles()) {
            const QString text = readAll(path);
            for (auto it = trRe.globalMatch(text); it.hasNext();) {
                const QString lits = it.next().captured(1);
                QString s;
                for (auto p = piece.globalMatch(lits); p.hasNext();)
                    s += unescape(p.next().captured(1));
                used.insert(s);
            }
        }
        QVERIFY(used.size() > 100);
        for (const QString &path : tsFiles()) {
            QString error;
            QSet<QString> present;
            for (const TsMessage &m : readTs(path, &error))
                if (m.type.isEmpty())
                    present.insert(m.source);
            QStringList missing;
            for (const QString &s : used)
                if (!present.contains(s))
                    missing << s;
            missing.sort();
            QVERIFY2(missing.isEmpty(), qPrintable(QFileInfo(path).fileName() + QStringLiteral(" lacks: ") +
                                                   missing.mid(0, 20).join(QStringLiteral(" | "))));
        }
    }

    // Each context is a class that has tr() at run time (Q_OBJECT, Q_GADGET or
    // Q_DECLARE_TR_FUNCTIONS), or an explicit translate() context. lupdate
    // files a tr() in a free function under the namespace, and one in a class
    // without the macro under that class: translations that never load.
    void contextsExistAtRunTime() {
        QString all;
        for (const QString &path : sourceFiles())
            all += readAll(path);
        QString error;
        QSet<QString> contexts;
        for (const TsMessage &m : readTs(tsFiles().value(0), &error))
            contexts.insert(m.context);
        QStringList problems;
        for (const QString &ctx : contexts) {
            if (all.contains(QStringLiteral("translate(\"") + ctx + QLatin1Char('"')) ||
                all.contains(QStringLiteral("Q_DECLARE_TR_FUNCTIONS(") + ctx + QLatin1Char(')')))
                continue;
            const QString name = ctx.section(QStringLiteral("::"), -1);
            const QRegularExpression decl(
                QStringLiteral("(class|struct)\\s+") + QRegularExpression::escape(name) +
                QStringLiteral("\\b[^;{>]*\\{[^}]{0,400}?(Q_OBJECT|Q_GADGET|Q_DECLARE_TR_FUNCTIONS)"));
            if (!all.contains(decl))
                problems << ctx;
        }
        QVERIFY2(problems.isEmpty(), qPrintable(QStringLiteral("contexts without tr() at run time: ") +
                                                problems.join(QStringLiteral(", "))));
    }

    void compiledTranslationsLoad_data() {
        QTest::addColumn<QString>("locale");
        QTest::addColumn<QString>("expected"); // translation of "&File" in MainWindow
        QTest::newRow("de") << QStringLiteral("de_DE") << QStringLiteral("&Datei");
        QTest::newRow("ja") << QStringLiteral("ja_JP") << QStringLiteral("ファイル(&F)");
        QTest::newRow("zh_CN") << QStringLiteral("zh_CN") << QStringLiteral("文件(&F)");
    }
    void compiledTranslationsLoad() {
        QFETCH(QString, locale);
        QFETCH(QString, expected);
        QTranslator t;
        QVERIFY(t.load(QLocale(locale), QStringLiteral("spanfire"), QStringLiteral("_"), QStringLiteral(":/i18n")));
        QCOMPARE(t.translate("spanfire::app::MainWindow", "&File"), expected);
    }

    // User-visible strings go through tr(): literals passed to the calls
    // below, outside tr()/translate(), fail unless allow-listed.
    void noUserVisibleStringBypassesTr() {
        static const QRegularExpression call(QStringLiteral(
            "\\b(setText|setWindowTitle|addAction|setToolTip|setStatusTip|setWhatsThis|setPlaceholderText|addMenu|"
            "setTitle|setHeaderLabels?|setTabText|addTab|showMessage|setLabelText|addRow|setItemText|"
            "setHorizontalHeaderLabels|QMessageBox::(?:warning|information|critical|question|about)|QMessageBox|QLabel|"
            "QPushButton|QAction|QCheckBox|QRadioButton|QGroupBox|QDockWidget|addToolBar|getOpenFileNames?|"
            "getSaveFileName|getExistingDirectory)\\s*\\("));
        static const QRegularExpression literal(QStringLiteral("\"((?:[^\"\\\\]|\\\\.)*)\""));
        static const QRegularExpression escapes(QStringLiteral("\\\\(u[0-9a-fA-F]{4}|x[0-9a-fA-F]+|.)"));
        static const QRegularExpression word(QStringLiteral("[A-Za-z]{2,}"));
        // Literals that are not user-visible text (or are names/formats, the same in every language).
        const QSet<QString> allowed{
            QStringLiteral("Qt"),
            QStringLiteral("protobuf"),
            QStringLiteral("zstd"),
            QStringLiteral("simdjson"),
            QStringLiteral("libdw (elfutils)"),
            // Default file-name suffixes handed to the export file dialogs.
            QStringLiteral("png"),
            QStringLiteral("svg"),
            QStringLiteral("csv"),
            QStringLiteral("folded"),
            QStringLiteral("pb.gz"),
            QStringLiteral("spanfire"),
        };
        static const QRegularExpression markup(QStringLiteral("<[^>]*>"));
        QStringList problems;
        for (const QString &path : sourceFiles()) {
            const QString text = readAll(path);
            for (auto it = call.globalMatch(text); it.hasNext();) {
                const auto m = it.next();
                const QString args = withoutTrCalls(argumentsAt(text, m.capturedEnd() - 1));
                for (auto l = literal.globalMatch(args); l.hasNext();) {
                    const QString body = l.next().captured(1);
                    QString letters = body;
                    letters.remove(escapes);
                    letters.remove(markup); // tags only wrap translated or untrusted text
                    if (!letters.contains(word) || allowed.contains(body))
                        continue;
                    // Object names, resource paths, file-dialog keys: not shown.
                    if (body.startsWith(QLatin1Char(':')) || body.startsWith(QLatin1Char('/')))
                        continue;
                    problems << QStringLiteral("%1:%2: %3(... \"%4\" ...)")
                                    .arg(QDir(kSourceDir).relativeFilePath(path))
                                    .arg(lineOf(text, m.capturedStart()))
                                    .arg(m.captured(1), body);
                }
            }
        }
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    }
};

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
