#include "views/profileview.h"

#include "model/functionstats.h"
#include "views/callercalleeview.h"
#include "views/flamegraphwidget.h"
#include "views/profilestate.h"
#include "views/topfunctionsmodel.h"
#include "views/topfunctionsview.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFontMetrics>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QScrollArea>
#include <QScrollBar>
#include <QShortcut>
#include <QSplitter>
#include <QThreadPool>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace spanfire::views {

namespace {
constexpr int kCrumbMaxChars = 40;
QString fromUtf8(std::string_view s) {
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}
} // namespace

ProfileView::ProfileView(QWidget *parent)
    : QWidget(parent), m_state(new ProfileState(this)), m_pool(new QThreadPool(this)) {
    m_pool->setMaxThreadCount(1); // requests are serialised; a newer one cancels the older
    buildUi();
    connectState();
    setProfile(nullptr);
}

ProfileView::~ProfileView() {
    if (m_cancel)
        m_cancel->store(true);
    m_pool->waitForDone(); // a running job may still post to this object
}

void ProfileView::setAsync(bool on) {
    if (on == m_async)
        return;
    if (m_cancel)
        m_cancel->store(true);
    m_pool->waitForDone(); // never two threads on one Aggregator
    m_async = on;
    if (m_pending) {
        m_pending = false;
        reaggregate();
    }
}

void ProfileView::buildUi() {
    m_sampleType = new QComboBox(this);
    m_sampleType->setToolTip(tr("Sample type"));
    m_sampleType->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_search = new QLineEdit(this);
    m_search->setPlaceholderText(tr("Search functions (regex, Ctrl+F)"));
    m_search->setClearButtonEnabled(true);
    m_caseSensitive = new QToolButton(this);
    m_caseSensitive->setText(tr("Aa"));
    m_caseSensitive->setCheckable(true);
    m_caseSensitive->setToolTip(tr("Case-sensitive search"));
    m_matched = new QLabel(this);
    m_matched->setTextFormat(Qt::PlainText);
    m_orientation = new QComboBox(this);
    m_orientation->addItem(tr("Flame graph"), int(FlameOrientation::Flame));
    m_orientation->addItem(tr("Icicle graph"), int(FlameOrientation::Icicle));
    m_inverted = new QCheckBox(tr("Bottom-up"), this);
    m_inverted->setToolTip(tr("Invert the stacks: leaf functions become roots"));
    m_collapse = new QCheckBox(tr("Collapse recursion"), this);
    m_transformSummary = new QLabel(this);
    m_transformSummary->setTextFormat(Qt::PlainText);
    m_clearTransforms = new QToolButton(this);
    m_clearTransforms->setText(tr("Show all"));
    m_clearTransforms->setToolTip(tr("Remove the focus and show hidden functions again"));

    m_compare = new QToolButton(this);
    m_compare->setText(tr("Compare"));
    m_compare->setToolTip(tr("Compare these samples with a baseline: frames are coloured red where their share "
                             "grew, blue where it shrank"));
    m_compare->setPopupMode(QToolButton::InstantPopup);
    m_compareMenu = new QMenu(m_compare);
    QAction *pin = m_compareMenu->addAction(tr("Use the samples shown now as the baseline"));
    pin->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_B));
    pin->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(pin);
    connect(pin, &QAction::triggered, this, [this] {
        const QString what = m_selectionDescription.isEmpty() ? tr("whole profile") : m_selectionDescription;
        setBaseline(m_selection, what);
    });
    QAction *whole = m_compareMenu->addAction(tr("Compare with the whole profile"));
    connect(whole, &QAction::triggered, this,
            [this] { setBaseline(SampleSelection::everything(), tr("whole profile")); });
    m_compareSeparator = m_compareMenu->addSeparator();
    m_stopCompare = m_compareMenu->addAction(tr("Stop comparing"));
    m_stopCompare->setEnabled(false);
    connect(m_stopCompare, &QAction::triggered, this, &ProfileView::clearBaseline);
    m_compare->setMenu(m_compareMenu);

    auto *bar = new QHBoxLayout;
    bar->setSpacing(6);
    bar->addWidget(m_sampleType);
    bar->addWidget(m_search, 1);
    bar->addWidget(m_caseSensitive);
    bar->addWidget(m_matched);
    bar->addWidget(m_orientation);
    bar->addWidget(m_inverted);
    bar->addWidget(m_collapse);
    bar->addWidget(m_transformSummary);
    bar->addWidget(m_clearTransforms);
    bar->addWidget(m_compare);

    m_busy = new QLabel(tr("aggregating\u2026"), this);
    m_busy->setVisible(false);
    m_header = new QLabel(this);
    m_header->setTextFormat(Qt::PlainText); // span names are untrusted
    QFont hf = m_header->font();
    hf.setBold(true);
    m_header->setFont(hf);

    m_compareLabel = new QLabel(this);
    m_compareLabel->setTextFormat(Qt::PlainText); // descriptions hold span names
    m_compareLabel->setWordWrap(true);
    m_compareLabel->setVisible(false);

    m_crumbs = new QWidget(this);
    m_crumbsLayout = new QHBoxLayout(m_crumbs);
    m_crumbsLayout->setContentsMargins(0, 0, 0, 0);
    m_crumbsLayout->setSpacing(2);

    m_flame = new FlameGraphWidget;
    m_scroll = new QScrollArea(this);
    m_scroll->setWidget(m_flame);
    m_scroll->setWidgetResizable(true);
    m_scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_scroll->setFrameShape(QFrame::NoFrame);

    auto *flamePane = new QWidget(this);
    auto *flameLayout = new QVBoxLayout(flamePane);
    flameLayout->setContentsMargins(0, 0, 0, 0);
    flameLayout->setSpacing(2);
    auto *headerRow = new QHBoxLayout;
    headerRow->addWidget(m_header, 1);
    headerRow->addWidget(m_busy);
    flameLayout->addLayout(headerRow);
    flameLayout->addWidget(m_compareLabel);
    flameLayout->addWidget(m_crumbs);
    flameLayout->addWidget(m_scroll, 1);

    m_top = new TopFunctionsView(this);
    m_callers = new CallerCalleeView(this);
    auto *bottom = new QSplitter(Qt::Horizontal, this);
    bottom->addWidget(m_top);
    bottom->addWidget(m_callers);
    bottom->setStretchFactor(0, 3);
    bottom->setStretchFactor(1, 2);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(flamePane);
    split->addWidget(bottom);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    split->setSizes({600, 400}); // proportions: the flame graph gets 60 % initially
    bottom->setSizes({600, 400});

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(bar);
    layout->addWidget(split, 1);

    auto *find = new QShortcut(QKeySequence::Find, this);
    find->setContext(Qt::WidgetWithChildrenShortcut);
    connect(find, &QShortcut::activated, this, [this] {
        m_search->setFocus(Qt::ShortcutFocusReason);
        m_search->selectAll();
    });
}

void ProfileView::connectState() {
    // Widgets -> state.
    connect(m_sampleType, qOverload<int>(&QComboBox::currentIndexChanged), this, [this](int i) {
        if (i >= 0)
            m_state->setSampleType(m_sampleType->itemData(i).toInt());
    });
    auto pushSearch = [this] { m_state->setSearch(m_search->text(), m_caseSensitive->isChecked()); };
    connect(m_search, &QLineEdit::textChanged, this, pushSearch);
    // Enter hands the keyboard to the graph (arrows, Enter to zoom); Esc in the box clears the search.
    connect(m_search, &QLineEdit::returnPressed, m_flame, qOverload<>(&QWidget::setFocus));
    auto *clearSearch = new QShortcut(QKeySequence(Qt::Key_Escape), m_search);
    clearSearch->setContext(Qt::WidgetShortcut);
    connect(clearSearch, &QShortcut::activated, m_search, &QLineEdit::clear);
    connect(m_caseSensitive, &QToolButton::toggled, this, pushSearch);
    connect(m_orientation, qOverload<int>(&QComboBox::currentIndexChanged), this,
            [this](int i) { m_state->setOrientation(FlameOrientation(m_orientation->itemData(i).toInt())); });
    connect(m_inverted, &QCheckBox::toggled, m_state, &ProfileState::setInverted);
    connect(m_collapse, &QCheckBox::toggled, m_state, &ProfileState::setCollapseRecursion);
    connect(m_clearTransforms, &QToolButton::clicked, this, [this] {
        Transforms t = m_state->transforms();
        t.focusFunction = StringId();
        t.hiddenFunctions.clear();
        m_state->setTransforms(t);
    });
    connect(m_flame, &FlameGraphWidget::frameSelected, this,
            [this](int node) { m_state->setSelectedFunction(m_flame->functionOfNode(node)); });
    connect(m_flame, &FlameGraphWidget::zoomChanged, this, [this] {
        m_state->setZoomPath(m_flame->zoomPath());
        updateBreadcrumbs();
    });
    connect(m_flame, &FlameGraphWidget::focusFunctionRequested, m_state, &ProfileState::setFocusFunction);
    connect(m_flame, &FlameGraphWidget::hideFunctionRequested, m_state, &ProfileState::hideFunction);
    connect(m_top, &TopFunctionsView::functionChosen, m_state, &ProfileState::setSelectedFunction);
    connect(m_callers, &CallerCalleeView::functionChosen, m_state, &ProfileState::setSelectedFunction);

    // State -> widgets.
    connect(m_state, &ProfileState::sampleTypeChanged, this, &ProfileView::reaggregate);
    connect(m_state, &ProfileState::transformsChanged, this, [this] {
        const Transforms &t = m_state->transforms();
        const QSignalBlocker b1(m_inverted), b2(m_collapse);
        m_inverted->setChecked(t.inverted);
        m_collapse->setChecked(t.collapseRecursion);
        reaggregate();
    });
    connect(m_state, &ProfileState::orientationChanged, this, [this](FlameOrientation o) {
        m_flame->setOrientation(o);
        const QSignalBlocker b(m_orientation);
        m_orientation->setCurrentIndex(m_orientation->findData(int(o)));
        scrollToRoot();
    });
    connect(m_state, &ProfileState::searchChanged, this, [this](const QString &pattern, bool cs) {
        m_flame->setSearch(pattern, cs);
        if (m_search->text() != pattern) {
            const QSignalBlocker b(m_search);
            m_search->setText(pattern);
        }
        updateMatched();
    });
    connect(m_state, &ProfileState::selectedFunctionChanged, this, [this](StringId name) {
        m_flame->setHighlightedFunction(name);
        m_top->selectFunction(name);
        updateCallerCallee();
    });
    connect(m_state, &ProfileState::zoomPathChanged, this, [this] {
        if (m_flame->zoomPath() != m_state->zoomPath())
            m_flame->zoomToPath(m_state->zoomPath());
    });
}

void ProfileView::setProfile(std::shared_ptr<const Profile> profile) {
    m_profile = std::move(profile);
    m_aggregator = m_profile ? std::make_shared<Aggregator>(m_profile) : nullptr;
    m_selection = SampleSelection::everything();
    m_selectionDescription.clear();
    replaceBaseline(false, SampleSelection::everything(), QString(), nullptr);
    m_profileTotals.clear();
    {
        const QSignalBlocker b(m_sampleType);
        m_sampleType->clear();
        if (m_profile) {
            for (size_t i = 0; i < m_profile->sampleTypes.size(); ++i) {
                m_sampleType->addItem(fromUtf8(m_profile->sampleTypeName(i)), int(i));
                m_profileTotals.push_back(m_profile->total(i));
            }
        }
    }
    const int def = m_profile && m_profile->defaultSampleType >= 0 &&
                            size_t(m_profile->defaultSampleType) < m_profile->sampleTypes.size()
                        ? m_profile->defaultSampleType
                        : 0;
    {
        const QSignalBlocker b(m_sampleType);
        m_sampleType->setCurrentIndex(m_sampleType->findData(def));
    }
    m_sampleType->setEnabled(m_sampleType->count() > 1);
    // Reset state without triggering one aggregation per change.
    {
        const QSignalBlocker b(m_state);
        m_state->setSampleType(def);
        m_state->setTransforms(Transforms{});
        m_state->setSelectedFunction(StringId());
        m_state->setZoomPath({});
    }
    {
        const QSignalBlocker b1(m_inverted), b2(m_collapse);
        m_inverted->setChecked(false);
        m_collapse->setChecked(false);
    }
    m_flame->setHighlightedFunction(StringId());
    m_callers->clear();
    // Never show one profile's tree with another's ids, not even while a worker aggregates.
    m_flame->setData(m_profile, FlameTree{});
    m_top->model()->clear();
    reaggregate();
}

void ProfileView::setSelection(const SampleSelection &selection, const QString &description) {
    m_selection = selection;
    m_selectionDescription = description;
    reaggregate();
}

void ProfileView::clearSelection() {
    setSelection(SampleSelection::everything(), QString());
}

void ProfileView::setBaseline(const SampleSelection &baseline, const QString &description) {
    if (!m_profile)
        return;
    replaceBaseline(true, materializeSelection(baseline, m_profile->sampleCount()), description, nullptr);
    reaggregate();
}

void ProfileView::replaceBaseline(bool active, SampleSelection selection, const QString &description,
                                  std::shared_ptr<const Profile> other) {
    m_hasBaseline = active;
    m_baseline = std::move(selection);
    m_baselineDescription = description;
    m_baselineProfile = std::move(other);
    m_baselineAggregator = m_baselineProfile ? std::make_shared<Aggregator>(m_baselineProfile) : nullptr;
    m_baselineTree.reset(); // the cached tree belonged to the previous baseline
    ++m_baselineSerial;
}

void ProfileView::addBaselineAction(QAction *action) {
    m_compareMenu->insertAction(m_compareSeparator, action);
}

void ProfileView::setBaselineProfile(std::shared_ptr<const Profile> other, const QString &description) {
    if (!m_profile || !other)
        return;
    if (other == m_profile) {
        setBaseline(SampleSelection::everything(), description);
        return;
    }
    replaceBaseline(true, SampleSelection::everything(), description, std::move(other));
    reaggregate();
}

void ProfileView::clearBaseline() {
    if (!m_hasBaseline)
        return;
    replaceBaseline(false, SampleSelection::everything(), QString(), nullptr);
    reaggregate();
}

ValueUnit ProfileView::unit() const {
    const int col = m_state->sampleType();
    if (!m_profile || col < 0 || size_t(col) >= m_profile->sampleTypes.size())
        return ValueUnit::Count;
    return unitFromString(m_profile->strings.view(m_profile->sampleTypes[size_t(col)].unit));
}

const FlameTree &ProfileView::flameTree() const {
    return m_flame->tree();
}
const FlameTree &ProfileView::tableTree() const {
    return m_hasPlainTree ? m_plainTree : m_flame->tree();
}

namespace {
bool sameTransforms(const Transforms &a, const Transforms &b) {
    return a.inverted == b.inverted && a.collapseRecursion == b.collapseRecursion &&
           a.focusFunction == b.focusFunction && a.hiddenFunctions == b.hiddenFunctions;
}
} // namespace

std::shared_ptr<const ProfileView::BaselineData> ProfileView::cachedBaseline() const {
    if (m_hasBaseline && m_baselineTree && m_baselineTreeSerial == m_baselineSerial &&
        m_baselineTreeColumn == m_state->sampleType() &&
        sameTransforms(m_baselineTreeTransforms, m_state->transforms()))
        return m_baselineTree;
    return nullptr;
}

ProfileView::BaselineRequest ProfileView::baselineRequest() const {
    BaselineRequest b;
    b.active = m_hasBaseline;
    if (!m_hasBaseline)
        return b;
    b.serial = m_baselineSerial;
    b.cached = cachedBaseline();
    if (!m_baselineProfile) {
        b.selection = m_baseline;
        return b;
    }
    b.other = m_baselineAggregator;
    b.otherProfile = m_baselineProfile;
    const Profile &other = *m_baselineProfile;
    const int col = m_state->sampleType();
    if (m_profile && col >= 0 && size_t(col) < m_profile->sampleTypes.size()) {
        const std::string name = m_profile->sampleTypeName(size_t(col));
        for (size_t i = 0; i < other.sampleTypes.size() && b.otherColumn < 0; ++i)
            if (other.sampleTypeName(i) == name)
                b.otherColumn = int(i);
    }
    // The transforms name functions by string id: translate them by name. A
    // focus on a function the other profile lacks keeps nothing there.
    const Transforms &t = m_state->transforms();
    b.otherTransforms.inverted = t.inverted;
    b.otherTransforms.collapseRecursion = t.collapseRecursion;
    if (t.focusFunction.valid()) {
        const StringId f = other.strings.find(m_profile->strings.view(t.focusFunction));
        b.otherTransforms.focusFunction = f.valid() ? f : StringId(StringId::kNone - 1);
    }
    for (StringId h : t.hiddenFunctions)
        if (const StringId o = other.strings.find(m_profile->strings.view(h)); o.valid())
            b.otherTransforms.hiddenFunctions.push_back(o);
    return b;
}

ProfileView::Result ProfileView::compute(Aggregator &agg, const SampleSelection &sel, const BaselineRequest &baseline,
                                         int col, const Transforms &t, const std::atomic<bool> *cancel) {
    Result r;
    r.tree = agg.build(sel, col, t, cancel);
    r.baselineSerial = baseline.serial;
    if (baseline.active) {
        r.baseline = baseline.cached;
        if (!r.baseline && baseline.other && baseline.otherColumn >= 0) {
            // Another profile: all its samples, matched by function name.
            Aggregator &oa = *baseline.other;
            const Profile &other = *baseline.otherProfile;
            FlameTree tree =
                oa.build(SampleSelection::everything(), baseline.otherColumn, baseline.otherTransforms, cancel);
            Transforms plain = baseline.otherTransforms;
            plain.inverted = false;
            FlameBaseline index(tree, baseline.otherProfile);
            FlameTree plainTree = baseline.otherTransforms.inverted
                                      ? oa.build(SampleSelection::everything(), baseline.otherColumn, plain, cancel)
                                      : std::move(tree);
            // The table keys functions by the shown profile's name ids.
            std::vector<FunctionStat> top = renameFunctions(topFunctions(plainTree, other), other, agg.profile());
            r.baseline =
                std::make_shared<const BaselineData>(std::move(index), std::move(top), std::move(plainTree), &other);
        } else if (!r.baseline && !baseline.other) {
            FlameTree tree = agg.build(baseline.selection, col, t, cancel);
            FlameBaseline index(tree);
            Transforms plain = t;
            plain.inverted = false;
            FlameTree plainTree = t.inverted ? agg.build(baseline.selection, col, plain, cancel) : std::move(tree);
            std::vector<FunctionStat> top = topFunctions(plainTree, agg.profile());
            r.baseline = std::make_shared<const BaselineData>(std::move(index), std::move(top), std::move(plainTree),
                                                              &agg.profile());
        }
        if (r.baseline)
            r.diff = diffFlameTrees(r.tree, r.baseline->index, &agg.profile());
    }
    if (t.inverted) {
        // Top functions and callers/callees are defined on top-down stacks.
        Transforms plain = t;
        plain.inverted = false;
        r.plain = agg.build(sel, col, plain, cancel);
        r.hasPlain = true;
    }
    r.top = topFunctions(r.hasPlain ? r.plain : r.tree, agg.profile());
    return r;
}

void ProfileView::reaggregate() {
    const uint64_t generation = ++m_generation;
    if (m_cancel)
        m_cancel->store(true);
    m_cancel.reset();
    if (!m_aggregator) {
        m_pending = false;
        applyResult(Result{});
        return;
    }
    const int col = m_state->sampleType();
    if (!m_async) {
        m_pending = false;
        applyResult(compute(*m_aggregator, m_selection, baselineRequest(), col, m_state->transforms(), nullptr));
        return;
    }
    m_pending = true;
    m_busy->setVisible(true);
    auto cancel = std::make_shared<std::atomic<bool>>(false);
    m_cancel = cancel;
    m_pool->start([this, agg = m_aggregator, sel = m_selection, baseline = baselineRequest(), col,
                   t = m_state->transforms(), cancel, generation] {
        Result r = compute(*agg, sel, baseline, col, t, cancel.get());
        if (cancel->load())
            return;
        // The destructor waits for this job, so `this` is alive here; the queued call is dropped
        // with the object's posted events if it is deleted before the call runs.
        QMetaObject::invokeMethod(
            this,
            [this, generation, r = std::make_shared<Result>(std::move(r))]() mutable {
                if (generation != m_generation)
                    return; // superseded
                m_pending = false;
                applyResult(std::move(*r));
            },
            Qt::QueuedConnection);
    });
}

void ProfileView::applyResult(Result r) {
    m_busy->setVisible(false);
    // The state's frame path, not the widget's: the widget may still show another profile's tree.
    const std::vector<FrameId> zoomPath = m_state->zoomPath();
    FlameTree tree = std::move(r.tree);
    m_plainTree = std::move(r.plain);
    m_hasPlainTree = r.hasPlain;
    m_flame->setData(m_profile, std::move(tree));
    m_flame->setDiff(std::move(r.diff));
    if (r.baseline && m_hasBaseline && r.baselineSerial == m_baselineSerial) {
        // Results arrive in request order for the newest generation only, so
        // the column and transforms are the current ones.
        m_baselineTree = r.baseline;
        m_baselineTreeSerial = r.baselineSerial;
        m_baselineTreeColumn = m_state->sampleType();
        m_baselineTreeTransforms = m_state->transforms();
    }
    m_flame->zoomToPath(zoomPath);
    m_flame->setOrientation(m_state->orientation());
    m_flame->setHighlightedFunction(m_state->selectedFunction());
    if (m_profile) {
        m_top->model()->setStats(m_profile, std::move(r.top), tableTree().total(), unit());
        if (r.baseline)
            m_top->model()->setBaseline(true, r.baseline->top, r.baseline->index.rootTotal());
        else
            m_top->model()->setBaseline(false, {}, 0);
        m_top->selectFunction(m_state->selectedFunction());
    } else {
        m_top->model()->clear();
    }
    updateCallerCallee();
    updateMatched();
    updateHeader();
    updateCompare();
    updateTransformSummary();
    updateBreadcrumbs();
    scrollToRoot();
    emit treeChanged();
}

void ProfileView::updateCallerCallee() {
    const StringId fn = m_state->selectedFunction();
    if (!m_profile || !fn.valid() || fn.v == 0) {
        m_callers->clear();
        return;
    }
    // The baseline only when the cached one is the current baseline's.
    const BaselineData *b =
        m_hasBaseline && m_baselineTree && m_baselineTreeSerial == m_baselineSerial ? m_baselineTree.get() : nullptr;
    m_callers->setFunction(m_profile, tableTree(), fn, unit(), b ? &b->plain : nullptr, b ? b->profile : nullptr);
}

int64_t ProfileView::matchedTotal() const {
    return m_flame->matchedTotal();
}

QString ProfileView::matchedText() const {
    return m_matched->text();
}

void ProfileView::updateMatched() {
    if (m_state->searchPattern().isEmpty()) {
        m_matched->clear();
        return;
    }
    if (!m_flame->searchActive()) {
        m_matched->setText(tr("invalid regular expression"));
        return;
    }
    const int64_t total = m_flame->tree().total();
    m_matched->setText(
        tr("matched: %1 (%2 of total)")
            .arg(formatValue(m_flame->matchedTotal(), unit()), formatPercent(m_flame->matchedTotal(), total)));
}

QString ProfileView::headerText() const {
    return m_header->text();
}

void ProfileView::updateHeader() {
    if (!m_profile) {
        m_header->setText(tr("No profile loaded"));
        return;
    }
    const FlameTree &t = m_flame->tree();
    const int col = m_state->sampleType();
    const int64_t whole = col >= 0 && size_t(col) < m_profileTotals.size() ? m_profileTotals[size_t(col)] : 0;
    const QString what = m_selectionDescription.isEmpty() ? tr("whole profile") : m_selectionDescription;
    const QString samples = samplesText(t.sampleCount);
    QString text = what + QStringLiteral(" \u00B7 ") + samples;
    if (!m_selectionDescription.isEmpty() || !m_selection.all)
        text += QStringLiteral(" \u00B7 ") + tr("%1 of profile").arg(formatPercent(t.total(), whole));
    else
        text += QStringLiteral(" \u00B7 ") + tr("total %1").arg(formatValue(t.total(), unit()));
    m_header->setText(text);
}

QString ProfileView::samplesText(uint64_t n) {
    return n == 1 ? tr("1 sample") : tr("%1 samples").arg(QLocale().toString(qulonglong(n)));
}

QString ProfileView::compareText() const {
    return m_compareLabel->text();
}

void ProfileView::updateCompare() {
    m_stopCompare->setEnabled(m_hasBaseline);
    const FlameDiff &d = m_flame->diff();
    if (m_hasBaseline && !d.active() && m_baselineProfile && m_profile) {
        const int col = m_state->sampleType();
        const QString type = col >= 0 && size_t(col) < m_profile->sampleTypes.size()
                                 ? fromUtf8(m_profile->sampleTypeName(size_t(col)))
                                 : QString();
        m_compareLabel->setText(
            tr("Compared with: %1 \u2014 it has no %2 samples: nothing to compare").arg(m_baselineDescription, type));
        m_compareLabel->setVisible(true);
        return;
    }
    if (!m_hasBaseline || !d.active()) {
        m_compareLabel->clear();
        m_compareLabel->setVisible(false);
        return;
    }
    const QString samples = samplesText(d.baseSamples);
    QString text = tr("Compared with: %1 (%2)").arg(m_baselineDescription, samples);
    if (d.baseRoot <= 0)
        text += QStringLiteral(" \u2014 ") + tr("the baseline has no samples: nothing to compare");
    else if (m_flame->tree().total() <= 0)
        text += QStringLiteral(" \u2014 ") + tr("no samples shown: nothing to compare");
    else
        text += QStringLiteral(" \u00B7 ") + tr("red: larger share than in the baseline, blue: smaller (up to "
                                                "%1 percentage points)")
                                                 .arg(QLocale().toString(d.maxAbsDelta * 100, 'f', 1));
    if (d.baseOnly > 0 && d.baseRoot > 0)
        text += QStringLiteral(" \u00B7 ") +
                tr("%1 of the baseline is in stacks not shown here").arg(formatPercent(d.baseOnly, d.baseRoot));
    m_compareLabel->setText(text);
    m_compareLabel->setVisible(true);
}

void ProfileView::updateTransformSummary() {
    const Transforms &t = m_state->transforms();
    QStringList parts;
    if (m_profile && t.focusFunction.valid())
        parts << tr("focus: %1").arg(fromUtf8(m_profile->strings.view(t.focusFunction)));
    if (!t.hiddenFunctions.empty())
        parts << tr("%n hidden", nullptr, int(t.hiddenFunctions.size()));
    m_transformSummary->setText(parts.join(QStringLiteral(" \u00B7 ")));
    m_clearTransforms->setVisible(!parts.isEmpty());
}

void ProfileView::updateBreadcrumbs() {
    while (QLayoutItem *item = m_crumbsLayout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    auto *back = new QToolButton(m_crumbs);
    back->setText(tr("\u2190 Back"));
    back->setToolTip(tr("Back (Backspace, Alt+Left)"));
    back->setEnabled(m_flame->canZoomBack());
    connect(back, &QToolButton::clicked, m_flame, &FlameGraphWidget::zoomBack);
    m_crumbsLayout->addWidget(back);
    std::vector<uint32_t> chain;
    const auto &nodes = m_flame->tree().nodes;
    for (uint32_t n = m_flame->zoomNode(); n < nodes.size(); n = nodes[n].parent) {
        chain.push_back(n);
        if (n == 0)
            break;
    }
    std::reverse(chain.begin(), chain.end());
    for (size_t i = 0; i < chain.size(); ++i) {
        if (i > 0) {
            auto *sep = new QLabel(QStringLiteral("\u203A"), m_crumbs);
            m_crumbsLayout->addWidget(sep);
        }
        const uint32_t node = chain[i];
        QString name = m_flame->nodeName(int(node));
        const QString full = name;
        if (name.size() > kCrumbMaxChars)
            name = name.left(kCrumbMaxChars - 1) + QChar(0x2026);
        auto *crumb = new QToolButton(m_crumbs);
        crumb->setText(name.replace(QLatin1Char('&'), QStringLiteral("&&")));
        crumb->setToolTip(Qt::convertFromPlainText(full));
        crumb->setAutoRaise(true);
        crumb->setEnabled(i + 1 < chain.size());
        connect(crumb, &QToolButton::clicked, m_flame, [this, node] { m_flame->zoomTo(node); });
        m_crumbsLayout->addWidget(crumb);
    }
    m_crumbsLayout->addStretch(1);
}

void ProfileView::scrollToRoot() {
    // Keep the root row in view: bottom for a flame graph, top for an icicle.
    QTimer::singleShot(0, this, [this] {
        QScrollBar *sb = m_scroll->verticalScrollBar();
        sb->setValue(m_state->orientation() == FlameOrientation::Flame ? sb->maximum() : sb->minimum());
    });
}

int ProfileView::nodeAt(const QPoint &flamePos) const {
    return m_flame->nodeAt(flamePos);
}
QRect ProfileView::rectOfNode(int node) const {
    return m_flame->rectOfNode(node);
}

} // namespace spanfire::views
