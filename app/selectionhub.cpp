#include "app/selectionhub.h"

#include "model/spantable.h"
#include "views/profilestate.h"
#include "views/profileview.h"
#include "views/spantimelinewidget.h"
#include "views/traceselection.h"

#include <QCoreApplication>
#include <QLocale>
#include <QPointer>
#include <QtConcurrent/QtConcurrentRun>

namespace spanfire::app {

SelectionHub::SelectionHub(QObject *parent) : QObject(parent), m_traces(new views::TraceSelection(this)) {
    connect(m_traces, &views::TraceSelection::spanRowChanged, this, &SelectionHub::applySpanSelection);
}

SelectionHub::~SelectionHub() {
    ++m_linkGeneration;
    for (QFuture<void> &f : m_workers)
        f.waitForFinished();
}

void SelectionHub::waitForLink() {
    for (QFuture<void> &f : m_workers)
        f.waitForFinished();
    m_workers.clear();
    // The result is posted as a queued call; deliver it now.
    QCoreApplication::sendPostedEvents(this);
}

int SelectionHub::slowestTrace(const TraceSet &set) {
    int best = -1;
    for (size_t i = 0; i < set.traces.size(); ++i) {
        if (best < 0 || set.traces[i].durationNs() > set.traces[static_cast<size_t>(best)].durationNs())
            best = static_cast<int>(i);
    }
    return best;
}

void SelectionHub::setProfileView(views::ProfileView *view) {
    m_profileView = view;
    if (view)
        connect(view->state(), &views::ProfileState::selectedFunctionChanged, this, &SelectionHub::highlightFunction);
}

void SelectionHub::setTimeline(views::SpanTimelineWidget *timeline) {
    m_timeline = timeline;
}

void SelectionHub::showTraces(std::shared_ptr<const TraceSet> set) {
    m_set = set;
    rebuildLink(); // before the selection signals below re-filter the profile view
    m_traces->setTraceSet(set);
    if (set) {
        const int slowest = slowestTrace(*set);
        if (slowest >= 0) {
            m_traces->setTraceIndex(slowest);
            m_traces->setSpanRow(set->traces[static_cast<size_t>(slowest)].root);
        }
    }
    applySpanSelection();
}

void SelectionHub::setProfile(std::shared_ptr<const Profile> profile) {
    m_profile = std::move(profile);
    rebuildLink();
    applySpanSelection();
}

void SelectionHub::setScope(LinkScope scope) {
    if (scope == m_scope)
        return;
    m_scope = scope;
    applySpanSelection();
}

void SelectionHub::rebuildLink() {
    // The view's current selection may point into the old index: reset it first.
    if (m_profileView && m_link)
        m_profileView->clearSelection();
    m_link.reset();
    const quint64 gen = ++m_linkGeneration;
    m_linking = m_profile && m_set;
    if (m_linking) {
        m_workers.removeIf([](const QFuture<void> &f) { return f.isFinished(); });
        QPointer<SelectionHub> self(this);
        // The hub outlives its workers (the destructor waits), so `self` is valid to post to.
        m_workers.append(QtConcurrent::run([self, gen, profile = m_profile, set = m_set] {
            auto link = std::make_shared<const LinkIndex>(LinkIndex::build(*profile, *set));
            QMetaObject::invokeMethod(
                self.data(),
                [self, gen, link]() {
                    if (self)
                        self->onLinkBuilt(gen, link);
                },
                Qt::QueuedConnection);
        }));
    }
    emit linkChanged();
}

void SelectionHub::onLinkBuilt(quint64 generation, std::shared_ptr<const LinkIndex> link) {
    if (generation != m_linkGeneration)
        return; // superseded by a newer profile / trace set
    m_link = std::move(link);
    m_linking = false;
    emit linkChanged();
    applySpanSelection();
}

QString SelectionHub::linkStatus() const {
    if (!m_profile || !m_set)
        return QString();
    if (m_linking)
        return tr("Linking samples to spans\u2026");
    if (!m_link || m_link->method() == LinkMethod::None || m_link->linkedSamples() == 0)
        return tr("Profile and traces are not linked (no span ids or timestamps in the profile match these spans)");
    const QLocale locale;
    QString how;
    switch (m_link->method()) {
    case LinkMethod::ExplicitLink:
        how = tr("Linked by explicit sample links");
        break;
    case LinkMethod::Label:
        how = tr("Linked by pprof label %1").arg(QString::fromStdString(m_link->labelKey()));
        break;
    case LinkMethod::Time:
        how = tr("Linked by time (approximate)");
        break;
    case LinkMethod::None:
        break;
    }
    QString text = how + QStringLiteral(": ") +
                   tr("%1 of %2 samples")
                       .arg(locale.toString(qulonglong(m_link->linkedSamples())),
                            locale.toString(qulonglong(m_profile->sampleCount())));
    if (m_link->rootsOnly())
        text += QStringLiteral(" \u2014 ") + tr("only root spans are labelled; child spans show their root's samples");
    return text;
}

void SelectionHub::applySpanSelection() {
    m_selectedSamples = -1;
    if (!m_profileView || m_profileView->profile() != m_profile)
        return;
    const SpanRow row = m_traces->spanRow();
    const bool linked = m_link && m_set && m_link->method() != LinkMethod::None && m_link->linkedSamples() > 0;
    if (!linked || !row.valid() || row.v >= m_set->spanCount()) {
        m_profileView->clearSelection();
        return;
    }
    const auto range = m_link->range(row.v, m_scope, *m_set);
    m_selectedSamples = qint64(range.second) - qint64(range.first);
    QString scope;
    switch (m_scope) {
    case LinkScope::Self:
        scope = tr("self");
        break;
    case LinkScope::Descendants:
        scope = tr("with child spans");
        break;
    case LinkScope::Exclusive:
        scope = tr("exclusive");
        break;
    }
    const std::string_view name = m_set->strings.view(m_set->name[row.v]);
    const QString description = tr("span %1 (%2), %3")
                                    .arg(QString::fromUtf8(name.data(), qsizetype(name.size())),
                                         QString::fromStdString(spanIdHex(m_set->spanId[row.v])), scope);
    m_profileView->setSelection(SampleSelection::indices({range}, &m_link->order()), description);
}

void SelectionHub::highlightFunction(StringId name) {
    if (!m_timeline)
        return;
    std::vector<uint32_t> rows;
    if (name.valid() && m_link && m_profile && m_set && m_link->linkedSamples() > 0) {
        // Trie nodes whose path contains the function: one forward pass (parent < child).
        const Profile &p = *m_profile;
        const auto &parents = p.trie.parents();
        const auto &frames = p.trie.frames();
        std::vector<uint8_t> has(p.trie.size());
        for (size_t n = 1; n < has.size(); ++n)
            has[n] = has[parents[n]] || p.frames.at(FrameId(frames[n])).name == name;
        std::vector<uint8_t> spanHas(m_set->spanCount());
        for (uint32_t i = 0; i < p.sampleNode.size(); ++i) {
            const uint32_t span = m_link->spanOfSample(i);
            if (span != TraceSet::kNoRow && span < spanHas.size() && has[p.sampleNode[i]])
                spanHas[span] = 1;
        }
        for (uint32_t r = 0; r < spanHas.size(); ++r)
            if (spanHas[r])
                rows.push_back(r);
    }
    m_timeline->setHighlightedRows(rows);
}

} // namespace spanfire::app
