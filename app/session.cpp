#include "app/session.h"

#include "model/spantable.h"
#include "model/tracesetbuilder.h"

namespace spanfire::app {

Session::Session(QObject *parent) : QObject(parent) {
}

Session::~Session() = default;

void Session::add(const QString &path, const QString &format, std::shared_ptr<const Profile> profile,
                  std::shared_ptr<const TraceSet> traces, const std::vector<NamedCount> &warnings,
                  std::shared_ptr<const TraceSet> merged, const std::shared_ptr<const TraceSet> &mergeBase) {
    if (!warnings.empty()) {
        m_warnings.append(FileWarnings{path, warnings});
        emit warningsChanged();
    }
    if (profile) {
        m_profiles.append(ProfileEntry{path, format, std::move(profile)});
        emit profilesChanged();
        setCurrentProfile(int(m_profiles.size()) - 1);
    }
    if (traces) {
        if (!m_traces) {
            m_traces = std::move(traces);
        } else {
            // Several trace files are shown as one set (spans of one trace
            // spread over several files join up).
            m_traces = merged && mergeBase == m_traces ? std::move(merged) : mergeTraceSets({m_traces, traces});
        }
        m_traceFiles.append(path);
        emit tracesChanged();
    }
}

void Session::clear() {
    m_profiles.clear();
    m_traces.reset();
    m_traceFiles.clear();
    m_warnings.clear();
    m_current = -1;
    emit profilesChanged();
    emit currentProfileChanged(-1);
    emit tracesChanged();
    emit warningsChanged();
}

void Session::setCurrentProfile(int index) {
    if (index < -1 || index >= m_profiles.size() || index == m_current)
        return;
    m_current = index;
    emit currentProfileChanged(index);
}

quint64 Session::warningCount() const {
    quint64 n = 0;
    for (const FileWarnings &f : m_warnings)
        for (const NamedCount &w : f.warnings)
            n += w.count;
    return n;
}

} // namespace spanfire::app
