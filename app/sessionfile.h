#pragma once
// SessionFile: the `.spanfire` session format -- versioned JSON
// (QJsonDocument) describing where the user stopped: which files were open,
// the selected trace/span (trace id + span id in hex, never row numbers) and
// function (by name), link scope, trace-list filters, flame zoom (function
// names from the root down), timeline window, search, orientation, sample
// type and free-text notes per span or frame.
//
// Format: a top-level object whose "spanfire_session" key holds the format
// version (kSessionVersion). Paths are stored relative to the session file's
// directory when the file is inside it, absolute otherwise. Reading is strict:
// invalid JSON, wrong value types or a newer version fail with a message that
// names the file (and the byte offset for JSON syntax errors). Paths read
// from a session are untrusted data: callers only open them as regular files
// through the normal import path. No thread affinity (pure data).

#include <QByteArray>
#include <QMap>
#include <QString>
#include <QStringList>

namespace spanfire::app {

inline constexpr int kSessionVersion = 1;
inline constexpr char kSessionKey[] = "spanfire_session";

struct SessionState {
    QStringList files; // absolute paths, in load order
    QString traceId;   // 32 hex digits; empty = no trace selected
    QString spanId;    // 16 hex digits; empty = no span selected
    QString frame;     // selected function name; empty = none
    QString scope;     // "descendants", "self" or "exclusive"
    // Trace list filters.
    QString serviceFilter; // service name; empty = any
    QString operationFilter;
    qint64 minDurationNs = 0;
    bool errorsOnly = false;
    // Zoom.
    QStringList flameZoom; // function names from the root's child down; empty = whole graph
    bool hasTimelineRange = false;
    qint64 timelineStartNs = 0;
    qint64 timelineEndNs = 0;
    // Profile view.
    QString search;
    bool searchCaseSensitive = false;
    QString orientation; // "flame" or "icicle"
    QString sampleType;  // "type/unit"; empty = profile default
    // Notes: key "span:<trace hex>:<span hex>" or "frame:<function name>" -> text.
    QMap<QString, QString> notes;

    bool operator==(const SessionState &o) const;
    bool operator!=(const SessionState &o) const { return !(*this == o); }
};

QString spanNoteKey(const QString &traceIdHex, const QString &spanIdHex);
QString frameNoteKey(const QString &functionName);

// Serialises `state`; file paths are made relative to `sessionPath`'s directory where possible.
QByteArray sessionToJson(const SessionState &state, const QString &sessionPath);
// Parses a session read from `sessionPath` (relative paths are resolved against its directory).
bool sessionFromJson(const QByteArray &json, const QString &sessionPath, SessionState *state, QString *error);
bool readSessionFile(const QString &path, SessionState *state, QString *error);
bool writeSessionFile(const QString &path, const SessionState &state, QString *error);

// Content sniffing: true when `path` is a regular file holding a JSON object
// with a top-level "spanfire_session" key (checked before the importers,
// which would take any JSON for traces).
bool isSessionFile(const QString &path);

} // namespace spanfire::app
