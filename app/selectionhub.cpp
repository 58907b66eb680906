#include "app/selectionhub.h"

#include "model/spantable.h"
#include "views/profilestate.h"
#include "views/profileview.h"
#include "views/spantimelinewidget.h"
#include "views/tracelistmodel.h"
#include "views/traceselection.h"

#include <QAction>
#include <QCoreApplication>
#include <QLocale>
#include <QPointer>
#include <QtConcurrent/QtConcurrentRun>

namespace spanfire::app {

SelectionHub::SelectionHub(QObject *parent) : QObject(parent), m_traces(new views::TraceSelection(this)) {
    connect(m_traces, &views::TraceSelection::spanRowChanged, this, &SelectionHub::applySpanSelection);
    connect(m_traces, &views::TraceSelection::traceIndexChanged, this, [this] {
        if (!m_traces->spanRow().valid())
            applySpanSelection(); // a trace without a span: all its spans
    });
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
    if (!view)
        return;
    connect(view->state(), &views::ProfileState::selectedFunctionChanged, this, &SelectionHub::highlightFunction);
    m_compareOperation = new QAction(tr("Compare with every span of this operation"), view);
    m_compareOperation->setToolTip(tr("Baseline: the samples of all spans with the selected span's service and name"));
    m_compareOperation->setEnabled(false);
    connect(m_compareOperation, &QAction::triggered, this, &SelectionHub::compareWithOperation);
    view->addBaselineAction(m_compareOperation);
}

bool SelectionHub::compareWithOperation() {
    const SpanRow row = m_traces->spanRow();
    if (!m_profileView || m_profileView->profile() != m_profile || !m_set || !m_link || m_linking ||
        m_link->linkedSamples() == 0 || !row.valid() || row.v >= m_set->spanCount())
        return false;
    const StringId service = m_set->serviceOf(row.v), name = m_set->name[row.v];
    std::vector<std::pair<uint32_t, uint32_t>> ranges;
    int spans = 0;
    for (uint32_t r = 0; r < m_set->spanCount(); ++r) {
        if (m_set->name[r] != name || m_set->serviceOf(r) != service)
            continue;
        ++spans;
        const auto range = m_link->range(r, m_scope, *m_set);
        if (range.second > range.first)
            ranges.push_back(range);
    }
    if (ranges.empty())
        ranges.push_back({0, 0}); // an empty baseline, not the whole profile
    const std::string_view n = m_set->strings.view(name), svc = m_set->strings.view(service);
    m_profileView->setBaseline(SampleSelection::indices(std::move(ranges), &m_link->order()),
                               tr("every %1 span of %2 (%n span(s), %3)", nullptr, spans)
                                   .arg(QString::fromUtf8(n.data(), qsizetype(n.size())),
                                        QString::fromUtf8(svc.data(), qsizetype(svc.size())), scopeText()));
    return true;
}

QString SelectionHub::scopeText() const {
    switch (m_scope) {
    case LinkScope::Self:
        return tr("self");
    case LinkScope::Descendants:
        return tr("with child spans");
    case LinkScope::Exclusive:
        return tr("exclusive");
    }
    return QString();
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

void SelectionHub::setLinkOptions(const LinkOptions &options) {
    if (options.labelKeys == m_linkOptions.labelKeys)
        return;
    m_linkOptions = options;
    rebuildLink();
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
        m_workers.append(QtConcurrent::run([self, gen, profile = m_profile, set = m_set, options = m_linkOptions] {
            auto link = std::make_shared<const LinkIndex>(LinkIndex::build(*profile, *set, options));
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
    m_spanInfo = SpanSampleInfo();
    if (m_compareOperation) {
        const SpanRow r = m_traces->spanRow();
        m_compareOperation->setEnabled(m_link && m_set && !m_linking && m_link->linkedSamples() > 0 && r.valid() &&
                                       r.v < m_set->spanCount());
    }
    if (!m_profileView || m_profileView->profile() != m_profile)
        return;
    const SpanRow row = m_traces->spanRow();
    const bool linked = m_link && m_set && m_link->method() != LinkMethod::None && m_link->linkedSamples() > 0;
    if (m_profile && m_set && !m_linking && row.valid() && row.v < m_set->spanCount())
        m_spanInfo = explainSpan(*m_profile, *m_set, m_link.get(), row.v, m_scope);
    if (linked && !row.valid() && m_traces->traceIndex() >= 0) {
        const int t = m_traces->traceIndex();
        const auto range = m_link->traceRange(uint32_t(t), *m_set);
        m_selectedSamples = qint64(range.second) - qint64(range.first);
        applySelection(SampleSelection::indices({range}, &m_link->order()),
                       tr("trace %1 (all %n span(s))", nullptr, int(m_set->traces[size_t(t)].spanCount))
                           .arg(views::TraceListModel::traceIdHex(m_set->traces[size_t(t)].id).left(16)));
        return;
    }
    if (!row.valid() || row.v >= m_set->spanCount() || (!linked && m_linking)) {
        applySelection(SampleSelection::everything(), QString());
        return;
    }
    if (!linked) {
        const std::string_view name = m_set->strings.view(m_set->name[row.v]);
        // Whole profile, but the header says that this span could not be matched.
        applySelection(SampleSelection::everything(),
                       tr("whole profile \u2014 span %1: %2")
                           .arg(QString::fromUtf8(name.data(), qsizetype(name.size())), noSampleText(m_spanInfo)));
        return;
    }
    const auto range = m_link->range(row.v, m_scope, *m_set);
    m_selectedSamples = qint64(range.second) - qint64(range.first);
    const QString scope = scopeText();
    const std::string_view name = m_set->strings.view(m_set->name[row.v]);
    QString description = tr("span %1 (%2), %3")
                              .arg(QString::fromUtf8(name.data(), qsizetype(name.size())),
                                   QString::fromStdString(spanIdHex(m_set->spanId[row.v])), scope);
    if (m_selectedSamples == 0)
        description += QStringLiteral(" \u2014 ") + noSampleText(m_spanInfo);
    else if (m_link->method() == LinkMethod::Label)
        description +=
            QStringLiteral(" \u00B7 ") + tr("linked by label %1").arg(QString::fromStdString(m_link->labelKey()));
    else if (m_link->method() == LinkMethod::ExplicitLink)
        description += QStringLiteral(" \u00B7 ") + tr("linked by sample links");
    else if (m_link->method() == LinkMethod::Time)
        description += QStringLiteral(" \u00B7 ") + tr("linked by time (approximate)");
    applySelection(SampleSelection::indices({range}, &m_link->order()), description);
}

void SelectionHub::applySelection(SampleSelection selection, const QString &description) {
    m_base = selection;
    m_baseDescription = description;
    if (!m_profileView)
        return;
    QString text = description;
    if (hasTimeRange()) {
        selection.hasTimeRange = true;
        selection.timeBegin = m_timeBegin;
        selection.timeEnd = m_timeEnd;
        text = (text.isEmpty() ? tr("whole profile") : text) + QStringLiteral(" \u00B7 ") +
               tr("time range %1 ms").arg(QLocale().toString(double(m_timeEnd - m_timeBegin) / 1e6, 'f', 1));
    }
    m_current = selection;
    if (selection.all && !selection.hasTimeRange && text.isEmpty())
        m_profileView->clearSelection();
    else
        m_profileView->setSelection(selection, text);
    emit selectionApplied();
}

QString SelectionHub::noSampleText(const SpanSampleInfo &info) {
    const QLocale locale;
    switch (info.reason) {
    case NoSampleReason::None:
        return QString();
    case NoSampleReason::NotLinked:
        return tr("no samples: the profile is not linked to these traces");
    case NoSampleReason::RootsOnly:
        return tr("no samples: only root spans are labelled in this profile (show the root span's samples)");
    case NoSampleReason::OutsideProfileTime:
        return tr("no samples: the profile was not recording while this span ran");
    case NoSampleReason::ShorterThanPeriod:
        return tr("no samples: the span is shorter than the sampling interval (expected %1 samples)")
            .arg(locale.toString(info.expected, 'f', 2));
    case NoSampleReason::NoneRecorded:
        return info.expected >= 0 ? tr("no samples: none recorded while it ran (expected %1; off CPU?)")
                                        .arg(locale.toString(info.expected, 'f', 1))
                                  : tr("no samples: none recorded while it ran (off CPU?)");
    }
    return QString();
}

QString SelectionHub::spanSampleText(uint32_t row) const {
    if (!m_link || !m_set || !m_profile || m_link->linkedSamples() == 0 || row >= m_set->spanCount())
        return QString();
    const SpanSampleInfo self = explainSpan(*m_profile, *m_set, m_link.get(), row, LinkScope::Self);
    const QLocale locale;
    QString text = tr("%n linked sample(s)", nullptr, int(std::min<uint64_t>(self.samples, INT32_MAX)));
    if (self.expected >= 0) {
        text += QStringLiteral(" ") + tr("(expected \u2248 %1 from duration \u00D7 rate)")
                                          .arg(locale.toString(self.expected, 'f', self.expected < 10 ? 1 : 0));
        if (self.samples == 0)
            text += QStringLiteral("; ") + noSampleText(self);
    }
    return text;
}

void SelectionHub::selectRows(const std::vector<uint32_t> &rows, const QString &description) {
    if (!m_link || !m_set || m_link->linkedSamples() == 0) {
        applySelection(SampleSelection::everything(),
                       description + QStringLiteral(" \u2014 ") + tr("profile not linked: whole profile shown"));
        return;
    }
    auto ranges = selfRanges(*m_link, *m_set, rows);
    m_selectedSamples = 0;
    for (const auto &r : ranges)
        m_selectedSamples += qint64(r.second) - qint64(r.first);
    if (ranges.empty())
        ranges.push_back({0, 0}); // an empty selection, not the whole profile
    applySelection(SampleSelection::indices(std::move(ranges), &m_link->order()), description);
}

void SelectionHub::showRootSamples() {
    if (m_spanInfo.rootRow != TraceSet::kNoRow)
        m_traces->setSpanRow(SpanRow(m_spanInfo.rootRow));
}

void SelectionHub::setTimeRange(qint64 beginNs, qint64 endNs) {
    m_timeBegin = beginNs;
    m_timeEnd = endNs;
    applySelection(m_base, m_baseDescription);
}

void SelectionHub::setTraceListModel(views::TraceListModel *model) {
    m_traceList = model;
}

void SelectionHub::highlightFunction(StringId name) {
    std::vector<std::pair<uint32_t, float>> shares;
    std::vector<uint64_t> perTrace;
    if (name.valid() && m_link && m_profile && m_set && m_link->linkedSamples() > 0) {
        const FunctionSamples fs = functionSamples(*m_profile, *m_set, *m_link, name);
        for (uint32_t r = 0; r < fs.perRow.size(); ++r)
            if (fs.perRow[r])
                shares.emplace_back(r, float(double(fs.perRow[r]) / double(fs.rowTotal[r])));
        perTrace = fs.perTrace;
    }
    if (m_timeline)
        m_timeline->setHighlightShares(shares);
    if (m_traceList) {
        QString header;
        if (!perTrace.empty() && m_profile) {
            const std::string_view fn = m_profile->strings.view(name);
            header = tr("Samples in %1").arg(QString::fromUtf8(fn.data(), qsizetype(std::min<size_t>(fn.size(), 40))));
        }
        m_traceList->setSampleCounts(std::move(perTrace), header);
    }
}

} // namespace spanfire::app
