#pragma once
// Session: everything the user has open. Profiles are kept side by side (one
// is current, chosen in the profile chooser); trace files are merged into one
// TraceSet (TraceSetBuilder::append) so the trace list shows all of them.
// Warnings are kept per file for the warnings dialog.
// Invariants: currentProfile() is -1 iff there are no profiles; the trace set
// is null iff no trace file was loaded. GUI thread only; the model objects it
// holds are immutable and may be read from any thread.

#include "model/profile.h"

#include <QObject>
#include <QString>
#include <QVector>

#include <memory>

namespace spanfire {
class TraceSet;
}

namespace spanfire::app {

struct ProfileEntry {
    QString path;
    QString format;
    std::shared_ptr<const Profile> profile;
};

struct FileWarnings {
    QString path;
    std::vector<NamedCount> warnings;
};

class Session : public QObject {
    Q_OBJECT
public:
    explicit Session(QObject *parent = nullptr);
    ~Session() override;

    // Takes one successfully imported file (profile and/or traces). When
    // `merged` is given, it is `traces` already merged with `mergeBase` off
    // the GUI thread (LoadJob); it is used if mergeBase is still the open
    // trace set, else the merge is done here.
    void add(const QString &path, const QString &format, std::shared_ptr<const Profile> profile,
             std::shared_ptr<const TraceSet> traces, const std::vector<NamedCount> &warnings,
             std::shared_ptr<const TraceSet> merged = {}, const std::shared_ptr<const TraceSet> &mergeBase = {});
    void clear();

    const QVector<ProfileEntry> &profiles() const { return m_profiles; }
    int currentProfile() const { return m_current; }
    void setCurrentProfile(int index);
    const ProfileEntry *current() const { return m_current >= 0 ? &m_profiles[m_current] : nullptr; }

    const std::shared_ptr<const TraceSet> &traces() const { return m_traces; }
    const QStringList &traceFiles() const { return m_traceFiles; }

    const QVector<FileWarnings> &warnings() const { return m_warnings; }
    quint64 warningCount() const;

signals:
    void profilesChanged();
    void currentProfileChanged(int index);
    void tracesChanged();
    void warningsChanged();

private:
    QVector<ProfileEntry> m_profiles;
    int m_current = -1;
    std::shared_ptr<const TraceSet> m_traces;
    QStringList m_traceFiles;
    QVector<FileWarnings> m_warnings;
};

} // namespace spanfire::app
