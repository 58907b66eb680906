#pragma once
// ProfileView: the composite profile panel. A tool bar (sample type, search
// box with "matched: X (Y % of total)", orientation, bottom-up / collapse
// recursion toggles, focus/hidden summary), a header naming the current sample
// selection, breadcrumbs, the flame graph, the top-functions table and the
// caller/callee view -- all linked through one ProfileState. A baseline
// (setBaseline, or the Compare button) turns the flame graph differential.
//
// Aggregation (flame tree + top functions) runs behind setProfile() /
// setSelection() / the toggles: synchronously on the GUI thread by default, or,
// with setAsync(true), on one worker thread: a newer request cancels the older
// one, results are applied by a queued call only when their generation is still
// the newest, and the view keeps showing the last finished result meanwhile.
// The selection's `order` pointer, when set, must outlive the selection (it
// points into the dataset's link index). The widget itself is GUI thread only.

#include "model/aggregator.h"
#include "model/flamediff.h"
#include "model/flametree.h"
#include "model/functionstats.h"
#include "model/profile.h"
#include "views/format.h"

#include <QWidget>

#include <atomic>
#include <memory>

class QAction;
class QCheckBox;
class QComboBox;
class QHBoxLayout;
class QLabel;
class QLineEdit;
class QMenu;
class QScrollArea;
class QThreadPool;
class QToolButton;

namespace spanfire::views {

class CallerCalleeView;
class FlameGraphWidget;
class ProfileState;
class TopFunctionsView;

class ProfileView : public QWidget {
    Q_OBJECT
public:
    explicit ProfileView(QWidget *parent = nullptr);
    ~ProfileView() override;

    // Shows a new profile: default sample type, whole profile, no transforms, no zoom.
    void setProfile(std::shared_ptr<const Profile> profile);
    std::shared_ptr<const Profile> profile() const { return m_profile; }
    // Aggregate on a worker thread (true) or synchronously (false, the default).
    void setAsync(bool on);
    bool isAsync() const { return m_async; }
    // True while an asynchronous aggregation is pending.
    bool isAggregating() const { return m_pending; }
    // Restricts the graph and tables to some samples; `description` is shown above the graph.
    void setSelection(const SampleSelection &selection, const QString &description);
    void clearSelection();
    // The current sample selection (e.g. the samples of the selected span).
    const SampleSelection &selection() const { return m_selection; }

    // Compares what is shown with `baseline` (same sample type and transforms):
    // the flame graph is coloured by how each frame path's share changed and a
    // line under the header names the baseline. The selection is copied as
    // plain sample ranges (materializeSelection), so it may outlive the link
    // index it came from. A new profile ends the comparison.
    void setBaseline(const SampleSelection &baseline, const QString &description);
    // Compares with all samples of another profile, matched by function name:
    // before/after, like pprof's -diff_base. The sample type is matched by its
    // type/unit name; when `other` has no such type the line under the header
    // says so and nothing is coloured.
    void setBaselineProfile(std::shared_ptr<const Profile> other, const QString &description);
    void clearBaseline();
    bool hasBaseline() const { return m_hasBaseline; }
    const SampleSelection &baseline() const { return m_baseline; }
    QString compareText() const;
    // The "Compare" button's menu (pin the current samples, whole profile, stop);
    // the app adds its own baselines (e.g. every span of an operation).
    QMenu *compareMenu() const { return m_compareMenu; }
    // Adds a baseline choice to that menu, above "Stop comparing".
    void addBaselineAction(QAction *action);

    ProfileState *state() const { return m_state; }
    FlameGraphWidget *flameWidget() const { return m_flame; }
    TopFunctionsView *topView() const { return m_top; }
    CallerCalleeView *callerCalleeView() const { return m_callers; }
    QLineEdit *searchEdit() const { return m_search; }

    const FlameTree &flameTree() const;
    int64_t matchedTotal() const;
    QString matchedText() const;
    QString headerText() const;
    // Hit testing in flame-widget coordinates.
    int nodeAt(const QPoint &flamePos) const;
    QRect rectOfNode(int node) const;

signals:
    // The flame tree changed (new profile, selection, sample type or transforms).
    void treeChanged();

private:
    // A baseline aggregated once: its flame tree indexed for diffs, and its
    // top functions (from the top-down tree) for the table's change column.
    struct BaselineData {
        FlameBaseline index;
        std::vector<FunctionStat> top;
        FlameTree plain;                  // top-down, for the caller/callee tables
        const Profile *profile = nullptr; // the baseline's (kept alive by the view or by index.byNameOf)
        BaselineData(FlameBaseline i, std::vector<FunctionStat> t, FlameTree p, const Profile *prof)
            : index(std::move(i)), top(std::move(t)), plain(std::move(p)), profile(prof) {}
    };
    struct Result {
        FlameTree tree;
        FlameTree plain; // non-inverted tree for the tables when `tree` is inverted
        bool hasPlain = false;
        std::vector<FunctionStat> top;
        FlameDiff diff; // against the baseline, when there is one
        std::shared_ptr<const BaselineData> baseline;
        uint64_t baselineSerial = 0;
    };
    // The baseline tree is built once per (baseline, sample type, transforms)
    // and reused: a span click then only aggregates the span.
    // What compute() needs of the baseline, by value (it may run on the worker).
    struct BaselineRequest {
        bool active = false;
        SampleSelection selection;         // same profile: these samples (materialized)
        std::shared_ptr<Aggregator> other; // another profile: all its samples
        std::shared_ptr<const Profile> otherProfile;
        int otherColumn = -1;       // -1: it has no samples of the shown type
        Transforms otherTransforms; // the shown transforms in its string ids
        std::shared_ptr<const BaselineData> cached;
        uint64_t serial = 0;
    };
    static Result compute(Aggregator &agg, const SampleSelection &sel, const BaselineRequest &baseline, int column,
                          const Transforms &t, const std::atomic<bool> *cancel);
    BaselineRequest baselineRequest() const;
    std::shared_ptr<const BaselineData> cachedBaseline() const;
    void applyResult(Result r);
    void buildUi();
    void connectState();
    void reaggregate();
    void updateMatched();
    void updateHeader();
    void updateCompare();
    // Sets every baseline field at once (inactive: active false); drops the cached tree.
    void replaceBaseline(bool active, SampleSelection selection, const QString &description,
                         std::shared_ptr<const Profile> other);
    static QString samplesText(uint64_t n); // "1 sample" / "1,234 samples"
    void updateTransformSummary();
    void updateBreadcrumbs();
    void updateCallerCallee();
    void scrollToRoot();
    ValueUnit unit() const;
    const FlameTree &tableTree() const;

    ProfileState *m_state;
    std::shared_ptr<const Profile> m_profile;
    std::shared_ptr<Aggregator> m_aggregator; // used by one thread at a time (GUI, or the 1-thread pool)
    bool m_async = false;
    bool m_pending = false;
    uint64_t m_generation = 0;
    std::shared_ptr<std::atomic<bool>> m_cancel; // of the newest asynchronous request
    QThreadPool *m_pool = nullptr;
    SampleSelection m_selection;
    QString m_selectionDescription;
    SampleSelection m_baseline; // materialized: no order pointer
    QString m_baselineDescription;
    bool m_hasBaseline = false;
    uint64_t m_baselineSerial = 0;                    // bumped by every setBaseline()
    std::shared_ptr<const Profile> m_baselineProfile; // set when comparing with another profile
    std::shared_ptr<Aggregator> m_baselineAggregator;
    // Cache of the baseline tree and what it was built for.
    std::shared_ptr<const BaselineData> m_baselineTree;
    uint64_t m_baselineTreeSerial = 0;
    int m_baselineTreeColumn = -1;
    Transforms m_baselineTreeTransforms;
    std::vector<int64_t> m_profileTotals; // per sample type
    FlameTree m_plainTree;                // non-inverted tree for the tables when the graph is inverted
    bool m_hasPlainTree = false;
    QLabel *m_busy = nullptr;

    QComboBox *m_sampleType = nullptr;
    QLineEdit *m_search = nullptr;
    QToolButton *m_caseSensitive = nullptr;
    QLabel *m_matched = nullptr;
    QComboBox *m_orientation = nullptr;
    QCheckBox *m_inverted = nullptr;
    QCheckBox *m_collapse = nullptr;
    QLabel *m_transformSummary = nullptr;
    QToolButton *m_clearTransforms = nullptr;
    QLabel *m_header = nullptr;
    QToolButton *m_compare = nullptr;
    QMenu *m_compareMenu = nullptr;
    QAction *m_stopCompare = nullptr;
    QAction *m_compareSeparator = nullptr;
    QLabel *m_compareLabel = nullptr;
    QWidget *m_crumbs = nullptr;
    QHBoxLayout *m_crumbsLayout = nullptr;
    QScrollArea *m_scroll = nullptr;
    FlameGraphWidget *m_flame = nullptr;
    TopFunctionsView *m_top = nullptr;
    CallerCalleeView *m_callers = nullptr;
};

} // namespace spanfire::views
