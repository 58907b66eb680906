#include "app/sessioncontroller.h"

#include "app/loadjob.h"
#include "app/mainwindow.h"
#include "app/profilepanel.h"
#include "app/selectionhub.h"
#include "app/session.h"
#include "model/spantable.h"
#include "views/flamegraphwidget.h"
#include "views/profilestate.h"
#include "views/profileview.h"
#include "views/spantimelinewidget.h"
#include "views/tracelistmodel.h"
#include "views/tracelistview.h"
#include "views/traceselection.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QFileDialog>
#include <QInputDialog>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>

namespace spanfire::app {

namespace {

QString qs(std::string_view s) {
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

std::string utf8(const QString &s) {
    return s.toStdString();
}

QString scopeName(LinkScope s) {
    switch (s) {
    case LinkScope::Self:
        return QStringLiteral("self");
    case LinkScope::Exclusive:
        return QStringLiteral("exclusive");
    case LinkScope::Descendants:
        break;
    }
    return QStringLiteral("descendants");
}

bool scopeFromName(const QString &name, LinkScope *out) {
    if (name == QLatin1String("self"))
        *out = LinkScope::Self;
    else if (name == QLatin1String("exclusive"))
        *out = LinkScope::Exclusive;
    else if (name == QLatin1String("descendants"))
        *out = LinkScope::Descendants;
    else
        return false;
    return true;
}

QString frameName(const Profile &p, FrameId f) {
    return qs(p.strings.view(p.frames.at(f).name));
}

} // namespace

SessionController::SessionController(MainWindow *window) : QObject(window), m_window(window) {
    connect(window->loadJob(), &LoadJob::batchFinished, this, &SessionController::onBatchFinished);
    connect(window->loadJob(), &LoadJob::cancelled, this, &SessionController::onBatchFinished);
    connect(window->selectionHub()->traceSelection(), &views::TraceSelection::spanRowChanged, this, [this] {
        const QString text = note(selectedSpanNoteKey());
        if (!text.isEmpty())
            m_window->statusBar()->showMessage(tr("Note: %1").arg(text.simplified()), 10000);
    });
}

void SessionController::addActions(QMenu *file, QMenu *before) {
    QAction *anchor = file->actions().isEmpty() ? nullptr : file->actions().constLast(); // Quit
    auto *openSession = new QAction(tr("Open &Session..."), file);
    connect(openSession, &QAction::triggered, this, [this] {
        const QString path = QFileDialog::getOpenFileName(m_window, tr("Open Session"), QString(),
                                                          tr("Spanfire sessions (*.spanfire);;All files (*)"));
        if (!path.isEmpty() && !this->openSession(path))
            showError(tr("Could not open session"));
    });
    auto *saveSession = new QAction(tr("Sa&ve Session..."), file);
    saveSession->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    connect(saveSession, &QAction::triggered, this, [this] {
        QString path =
            QFileDialog::getSaveFileName(m_window, tr("Save Session"), QString(), tr("Spanfire sessions (*.spanfire)"));
        if (path.isEmpty())
            return;
        if (!path.endsWith(QLatin1String(".spanfire"), Qt::CaseInsensitive))
            path += QStringLiteral(".spanfire");
        if (!this->saveSession(path))
            showError(tr("Could not save session"));
        else
            m_window->statusBar()->showMessage(tr("Session saved to %1").arg(path), 5000);
    });
    file->insertAction(anchor, openSession);
    file->insertAction(anchor, saveSession);
    file->insertSeparator(anchor);

    auto *edit = new QMenu(tr("&Edit"), m_window);
    edit->addAction(tr("Copy Selected Span &Id"), this, [this] {
        const QString id = selectedSpanIdHex();
        if (!id.isEmpty())
            QApplication::clipboard()->setText(id);
    });
    edit->addAction(tr("Copy Selected &Function Name"), this, [this] {
        const QString name = selectedFrameName();
        if (!name.isEmpty())
            QApplication::clipboard()->setText(name);
    });
    edit->addSeparator();
    edit->addAction(tr("&Note on Selected Span..."), this,
                    [this] { editNote(selectedSpanNoteKey(), tr("span %1").arg(selectedSpanIdHex())); });
    edit->addAction(tr("Note on Selected F&unction..."), this,
                    [this] { editNote(selectedFrameNoteKey(), tr("function %1").arg(selectedFrameName())); });
    m_window->menuBar()->insertMenu(before ? before->menuAction() : nullptr, edit);
}

QString SessionController::selectedSpanIdHex() const {
    const views::TraceSelection *sel = m_window->selectionHub()->traceSelection();
    const auto &set = sel->traceSet();
    const SpanRow row = sel->spanRow();
    if (!set || !row.valid() || row.v >= set->spanCount())
        return {};
    return QString::fromStdString(spanIdHex(set->spanId[row.v]));
}

QString SessionController::selectedSpanNoteKey() const {
    const views::TraceSelection *sel = m_window->selectionHub()->traceSelection();
    const auto &set = sel->traceSet();
    const SpanRow row = sel->spanRow();
    if (!set || !row.valid() || row.v >= set->spanCount())
        return {};
    return spanNoteKey(QString::fromStdString(set->traceId[row.v].hex()),
                       QString::fromStdString(spanIdHex(set->spanId[row.v])));
}

QString SessionController::selectedFrameName() const {
    const views::ProfileView *pv = m_window->profilePanel()->profileView();
    const StringId f = pv->state()->selectedFunction();
    if (!pv->profile() || !f.valid())
        return {};
    return qs(pv->profile()->strings.view(f));
}

QString SessionController::selectedFrameNoteKey() const {
    const QString name = selectedFrameName();
    return name.isEmpty() ? QString() : frameNoteKey(name);
}

void SessionController::setNote(const QString &key, const QString &text) {
    if (key.isEmpty())
        return;
    const QString t = text.trimmed();
    if (t.isEmpty() ? m_notes.remove(key) == 0 : m_notes.value(key) == t)
        return;
    if (!t.isEmpty())
        m_notes.insert(key, t);
    emit notesChanged();
}

void SessionController::editNote(const QString &key, const QString &what) {
    if (key.isEmpty()) {
        m_window->statusBar()->showMessage(tr("Select a span or function first"), 5000);
        return;
    }
    bool ok = false;
    const QString text =
        QInputDialog::getMultiLineText(m_window, tr("Note"), tr("Note on %1:").arg(what), note(key), &ok);
    if (ok)
        setNote(key, text);
}

SessionState SessionController::capture() const {
    SessionState s;
    const Session *session = m_window->session();
    for (const ProfileEntry &e : session->profiles())
        s.files << e.path;
    for (const QString &f : session->traceFiles()) {
        if (!s.files.contains(f))
            s.files << f;
    }
    const views::TraceSelection *sel = m_window->selectionHub()->traceSelection();
    const auto &set = sel->traceSet();
    if (set) {
        const SpanRow row = sel->spanRow();
        if (row.valid() && row.v < set->spanCount()) {
            s.traceId = QString::fromStdString(set->traceId[row.v].hex());
            s.spanId = QString::fromStdString(spanIdHex(set->spanId[row.v]));
        } else if (sel->traceIndex() >= 0 && size_t(sel->traceIndex()) < set->traces.size()) {
            s.traceId = QString::fromStdString(set->traces[size_t(sel->traceIndex())].id.hex());
        }
        const views::TraceListFilterModel *filters = m_window->traceListView()->filterModel();
        if (filters->serviceFilter().valid())
            s.serviceFilter = qs(set->strings.view(filters->serviceFilter()));
        s.operationFilter = filters->operationFilter();
        s.minDurationNs = filters->minimumDurationNs();
        s.errorsOnly = filters->errorsOnly();
        views::SpanTimelineWidget *timeline = m_window->timeline();
        if (timeline->traceIndex() >= 0) {
            const auto range = timeline->visibleRange();
            s.hasTimelineRange = true;
            s.timelineStartNs = range.first;
            s.timelineEndNs = range.second;
        }
    }
    s.scope = scopeName(m_window->selectionHub()->scope());
    const views::ProfileView *pv = m_window->profilePanel()->profileView();
    const views::ProfileState *st = pv->state();
    s.search = st->searchPattern();
    s.searchCaseSensitive = st->searchCaseSensitive();
    s.orientation =
        st->orientation() == views::FlameOrientation::Icicle ? QStringLiteral("icicle") : QStringLiteral("flame");
    if (const auto &profile = pv->profile()) {
        if (st->sampleType() >= 0 && size_t(st->sampleType()) < profile->sampleTypes.size())
            s.sampleType = QString::fromStdString(profile->sampleTypeName(size_t(st->sampleType())));
        s.frame = selectedFrameName();
        for (FrameId f : st->zoomPath())
            s.flameZoom << frameName(*profile, f);
    }
    s.notes = m_notes;
    return s;
}

void SessionController::apply(const SessionState &state) {
    if (m_window->loadJob()->isRunning())
        m_window->cancelLoading();
    m_window->session()->clear();
    m_notes = state.notes;
    emit notesChanged();
    m_restore = state;
    m_pending = true;
    if (state.files.isEmpty())
        onBatchFinished();
    else
        m_window->loadJob()->start(state.files);
}

void SessionController::onBatchFinished() {
    if (!m_pending)
        return;
    m_pending = false;
    m_window->selectionHub()->waitForLink();
    restoreViews(m_restore);
    emit sessionApplied();
}

void SessionController::restoreViews(const SessionState &s) {
    views::ProfileView *pv = m_window->profilePanel()->profileView();
    views::ProfileState *st = pv->state();
    const auto profile = pv->profile();
    if (profile && !s.sampleType.isEmpty()) {
        const int column = profile->findSampleType(utf8(s.sampleType));
        if (column >= 0)
            st->setSampleType(column);
    }
    if (!s.orientation.isEmpty())
        st->setOrientation(s.orientation == QLatin1String("icicle") ? views::FlameOrientation::Icicle
                                                                    : views::FlameOrientation::Flame);
    LinkScope scope = LinkScope::Descendants;
    if (scopeFromName(s.scope, &scope)) {
        QComboBox *chooser = m_window->scopeChooser();
        const int index = chooser->findData(int(scope));
        if (index >= 0)
            chooser->setCurrentIndex(index);
    }

    views::TraceSelection *sel = m_window->selectionHub()->traceSelection();
    if (const auto set = sel->traceSet()) {
        views::TraceListFilterModel *filters = m_window->traceListView()->filterModel();
        filters->setServiceFilter(s.serviceFilter.isEmpty() ? StringId() : set->strings.find(utf8(s.serviceFilter)));
        filters->setOperationFilter(s.operationFilter);
        filters->setMinimumDurationNs(s.minDurationNs);
        filters->setErrorsOnly(s.errorsOnly);
        TraceId trace;
        uint64_t span = 0;
        if (!s.traceId.isEmpty() && parseTraceIdHex(utf8(s.traceId), &trace)) {
            const uint32_t row = !s.spanId.isEmpty() && parseSpanIdHex(utf8(s.spanId), &span) ? set->find(trace, span)
                                                                                              : TraceSet::kNoRow;
            if (row != TraceSet::kNoRow && row < set->spanCount()) {
                sel->setSpanRow(SpanRow(row));
            } else {
                const int t = set->findTrace(trace);
                if (t >= 0)
                    sel->setTraceIndex(t);
            }
        }
        if (s.hasTimelineRange && m_window->timeline()->traceIndex() >= 0 && s.timelineEndNs > s.timelineStartNs)
            m_window->timeline()->zoomTo(s.timelineStartNs, s.timelineEndNs);
    }

    st->setSearch(s.search, s.searchCaseSensitive);
    if (profile) {
        const StringId f = s.frame.isEmpty() ? StringId() : profile->strings.find(utf8(s.frame));
        st->setSelectedFunction(f);
        // Zoom: follow the names down the current tree.
        const FlameTree &tree = pv->flameTree();
        std::vector<FrameId> path;
        uint32_t cur = 0;
        for (const QString &name : s.flameZoom) {
            if (tree.nodes.empty())
                break;
            uint32_t found = 0;
            for (uint32_t k = cur + 1; k < tree.nodes[cur].end; k = tree.nodes[k].end) {
                if (frameName(*profile, tree.nodes[k].frame) == name) {
                    found = k;
                    break;
                }
            }
            if (found == 0)
                break;
            path.push_back(tree.nodes[found].frame);
            cur = found;
        }
        st->setZoomPath(path);
    }
}

bool SessionController::saveSession(const QString &path) {
    m_lastError.clear();
    return writeSessionFile(path, capture(), &m_lastError);
}

bool SessionController::openSession(const QString &path) {
    m_lastError.clear();
    SessionState state;
    if (!readSessionFile(path, &state, &m_lastError))
        return false;
    apply(state);
    return true;
}

void SessionController::showError(const QString &title) {
    auto *box = new QMessageBox(QMessageBox::Warning, title, m_lastError, QMessageBox::Ok, m_window);
    box->setTextFormat(Qt::PlainText);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

} // namespace spanfire::app
