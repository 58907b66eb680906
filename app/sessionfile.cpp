#include "app/sessionfile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace spanfire::app {

namespace {

constexpr qint64 kMaxSessionBytes = 64 * 1024 * 1024;
constexpr qint64 kSniffBytes = 4096;

// Translation context of this file (lupdate reads the macro; free functions have no tr()).
struct SessionFile {
    Q_DECLARE_TR_FUNCTIONS(spanfire::app::SessionFile)
};

QJsonArray toArray(const QStringList &list) {
    QJsonArray a;
    for (const QString &s : list)
        a.append(s);
    return a;
}

// Strict typed reader over one JSON object; the first type error is kept.
class Reader {
public:
    Reader(const QJsonObject &o, QString *error, const QString &where) : m_o(o), m_error(error), m_where(where) {}
    bool ok() const { return m_ok; }
    QString str(const char *key) {
        const QJsonValue v = m_o.value(QLatin1String(key));
        if (v.isUndefined() || v.isNull())
            return {};
        if (!v.isString())
            return fail(key, SessionFile::tr("a string")), QString();
        return v.toString();
    }
    bool boolean(const char *key) {
        const QJsonValue v = m_o.value(QLatin1String(key));
        if (v.isUndefined() || v.isNull())
            return false;
        if (!v.isBool())
            return fail(key, SessionFile::tr("true or false")), false;
        return v.toBool();
    }
    qint64 integer(const char *key, bool *present = nullptr) {
        const QJsonValue v = m_o.value(QLatin1String(key));
        if (present)
            *present = !(v.isUndefined() || v.isNull());
        if (v.isUndefined() || v.isNull())
            return 0;
        // Large nanosecond values do not fit a double exactly: they are stored as strings.
        if (v.isString()) {
            bool ok = false;
            const qint64 n = v.toString().toLongLong(&ok);
            if (ok)
                return n;
        } else if (v.isDouble()) {
            return qint64(v.toDouble());
        }
        return fail(key, SessionFile::tr("an integer")), 0;
    }
    QStringList strings(const char *key) {
        const QJsonValue v = m_o.value(QLatin1String(key));
        if (v.isUndefined() || v.isNull())
            return {};
        QStringList out;
        if (!v.isArray())
            return fail(key, SessionFile::tr("an array of strings")), out;
        for (const QJsonValue &e : v.toArray()) {
            if (!e.isString())
                return fail(key, SessionFile::tr("an array of strings")), QStringList();
            out << e.toString();
        }
        return out;
    }
    QJsonObject object(const char *key) {
        const QJsonValue v = m_o.value(QLatin1String(key));
        if (v.isUndefined() || v.isNull())
            return {};
        if (!v.isObject())
            return fail(key, SessionFile::tr("an object")), QJsonObject();
        return v.toObject();
    }
    void fail(const char *key, const QString &expected) {
        if (!m_ok)
            return;
        m_ok = false;
        if (m_error)
            *m_error = SessionFile::tr("%1: \"%2\" must be %3").arg(m_where, QLatin1String(key), expected);
    }

private:
    QJsonObject m_o;
    QString *m_error;
    QString m_where;
    bool m_ok = true;
};

} // namespace

bool SessionState::operator==(const SessionState &o) const {
    return files == o.files && traceId == o.traceId && spanId == o.spanId && frame == o.frame && scope == o.scope &&
           serviceFilter == o.serviceFilter && operationFilter == o.operationFilter &&
           minDurationNs == o.minDurationNs && errorsOnly == o.errorsOnly && flameZoom == o.flameZoom &&
           hasTimelineRange == o.hasTimelineRange && timelineStartNs == o.timelineStartNs &&
           timelineEndNs == o.timelineEndNs && search == o.search && searchCaseSensitive == o.searchCaseSensitive &&
           orientation == o.orientation && sampleType == o.sampleType && notes == o.notes;
}

QString spanNoteKey(const QString &traceIdHex, const QString &spanIdHex) {
    return QStringLiteral("span:") + traceIdHex.toLower() + QLatin1Char(':') + spanIdHex.toLower();
}

QString frameNoteKey(const QString &functionName) {
    return QStringLiteral("frame:") + functionName;
}

QByteArray sessionToJson(const SessionState &s, const QString &sessionPath) {
    const QDir dir = QFileInfo(sessionPath).absoluteDir();
    QStringList files;
    for (const QString &f : s.files) {
        const QString abs = QFileInfo(f).absoluteFilePath();
        const QString rel = dir.relativeFilePath(abs);
        files << (rel.startsWith(QLatin1String("../")) || QDir::isAbsolutePath(rel) ? abs : rel);
    }
    QJsonObject st;
    st.insert(QStringLiteral("files"), toArray(files));
    st.insert(QStringLiteral("trace_id"), s.traceId);
    st.insert(QStringLiteral("span_id"), s.spanId);
    st.insert(QStringLiteral("frame"), s.frame);
    st.insert(QStringLiteral("scope"), s.scope);
    QJsonObject filters;
    filters.insert(QStringLiteral("service"), s.serviceFilter);
    filters.insert(QStringLiteral("operation"), s.operationFilter);
    filters.insert(QStringLiteral("min_duration_ns"), QString::number(s.minDurationNs));
    filters.insert(QStringLiteral("errors_only"), s.errorsOnly);
    st.insert(QStringLiteral("trace_filters"), filters);
    st.insert(QStringLiteral("flame_zoom"), toArray(s.flameZoom));
    if (s.hasTimelineRange) {
        QJsonObject range;
        range.insert(QStringLiteral("start_ns"), QString::number(s.timelineStartNs));
        range.insert(QStringLiteral("end_ns"), QString::number(s.timelineEndNs));
        st.insert(QStringLiteral("timeline_range"), range);
    }
    st.insert(QStringLiteral("search"), s.search);
    st.insert(QStringLiteral("search_case_sensitive"), s.searchCaseSensitive);
    st.insert(QStringLiteral("orientation"), s.orientation);
    st.insert(QStringLiteral("sample_type"), s.sampleType);
    QJsonObject notes;
    for (auto it = s.notes.cbegin(); it != s.notes.cend(); ++it)
        notes.insert(it.key(), it.value());
    st.insert(QStringLiteral("notes"), notes);

    // Two top-level keys only, so the version key is written first (sniffing).
    QJsonObject root;
    root.insert(QLatin1String(kSessionKey), kSessionVersion);
    root.insert(QStringLiteral("state"), st);
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

bool sessionFromJson(const QByteArray &json, const QString &sessionPath, SessionState *out, QString *error) {
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &pe);
    if (pe.error != QJsonParseError::NoError) {
        if (error)
            *error = SessionFile::tr("%1: not a valid session file: %2 at byte %3")
                         .arg(sessionPath, pe.errorString(), QString::number(pe.offset));
        return false;
    }
    if (!doc.isObject() || !doc.object().contains(QLatin1String(kSessionKey))) {
        if (error)
            *error = SessionFile::tr("%1: not a Spanfire session (no \"%2\" key)")
                         .arg(sessionPath, QLatin1String(kSessionKey));
        return false;
    }
    const QJsonObject root = doc.object();
    const QJsonValue version = root.value(QLatin1String(kSessionKey));
    if (!version.isDouble() || version.toDouble() != double(int(version.toDouble())) || version.toInt() < 1) {
        if (error)
            *error = SessionFile::tr("%1: \"%2\" must be a positive integer version")
                         .arg(sessionPath, QLatin1String(kSessionKey));
        return false;
    }
    if (version.toInt() > kSessionVersion) {
        if (error)
            *error = SessionFile::tr(
                         "%1: session version %2 is newer than this Spanfire supports (%3); please update Spanfire")
                         .arg(sessionPath, QString::number(version.toInt()), QString::number(kSessionVersion));
        return false;
    }
    Reader top(root, error, sessionPath);
    const QJsonObject stObj = top.object("state");
    if (!top.ok())
        return false;
    Reader r(stObj, error, sessionPath);
    SessionState s;
    const QDir dir = QFileInfo(sessionPath).absoluteDir();
    for (const QString &f : r.strings("files")) {
        if (f.isEmpty())
            continue;
        s.files << QDir::cleanPath(QDir::isAbsolutePath(f) ? f : dir.absoluteFilePath(f));
    }
    s.traceId = r.str("trace_id");
    s.spanId = r.str("span_id");
    s.frame = r.str("frame");
    s.scope = r.str("scope");
    Reader fr(r.object("trace_filters"), error, sessionPath);
    s.serviceFilter = fr.str("service");
    s.operationFilter = fr.str("operation");
    s.minDurationNs = fr.integer("min_duration_ns");
    s.errorsOnly = fr.boolean("errors_only");
    s.flameZoom = r.strings("flame_zoom");
    Reader tr_(r.object("timeline_range"), error, sessionPath);
    bool hasStart = false, hasEnd = false;
    s.timelineStartNs = tr_.integer("start_ns", &hasStart);
    s.timelineEndNs = tr_.integer("end_ns", &hasEnd);
    s.hasTimelineRange = hasStart && hasEnd;
    s.search = r.str("search");
    s.searchCaseSensitive = r.boolean("search_case_sensitive");
    s.orientation = r.str("orientation");
    s.sampleType = r.str("sample_type");
    const QJsonObject notes = r.object("notes");
    for (auto it = notes.constBegin(); it != notes.constEnd(); ++it) {
        if (!it.value().isString()) {
            r.fail("notes", SessionFile::tr("an object of strings"));
            break;
        }
        s.notes.insert(it.key(), it.value().toString());
    }
    if (!r.ok() || !fr.ok() || !tr_.ok())
        return false;
    *out = s;
    return true;
}

bool readSessionFile(const QString &path, SessionState *state, QString *error) {
    QFile f(path);
    if (!QFileInfo(path).isFile() || !f.open(QIODevice::ReadOnly)) {
        if (error)
            *error = SessionFile::tr("%1: cannot open session file: %2").arg(path, f.errorString());
        return false;
    }
    if (f.size() > kMaxSessionBytes) {
        if (error)
            *error = SessionFile::tr("%1: session file too large").arg(path);
        return false;
    }
    return sessionFromJson(f.readAll(), path, state, error);
}

bool writeSessionFile(const QString &path, const SessionState &state, QString *error) {
    QSaveFile f(path);
    const QByteArray bytes = sessionToJson(state, path);
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size() || !f.commit()) {
        if (error)
            *error = SessionFile::tr("Could not write %1: %2").arg(path, f.errorString());
        return false;
    }
    return true;
}

bool isSessionFile(const QString &path) {
    const QFileInfo info(path);
    if (!info.isFile())
        return false;
    if (info.suffix().compare(QLatin1String("spanfire"), Qt::CaseInsensitive) == 0)
        return true;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return false;
    QByteArray head = f.read(kSniffBytes);
    if (head.startsWith("\xEF\xBB\xBF"))
        head.remove(0, 3);
    head = head.trimmed();
    if (!head.startsWith('{'))
        return false;
    head.remove(0, 1);
    head = head.trimmed();
    const QByteArray key = QByteArray("\"") + kSessionKey + "\"";
    return head.startsWith(key);
}

} // namespace spanfire::app
