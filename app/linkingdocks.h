#pragma once
// LinkingDocks: the span <-> sample linking additions to a MainWindow
// (issue 4 §3/§4): an "Operations" dock (operation = service + span name,
// with count, p50/p95/max duration and linked samples; selecting one shows
// the merged samples of all its spans), linked samples vs expected in the
// timeline tooltip and span details, the trace list's "samples in selected
// function" column, and a "show the root span's samples" action when only
// root spans are labelled, and an "Activity" dock (samples over time; a
// dragged range filters the flame graph). Recomputes its statistics when the link changes.
// GUI thread only; owned by the main window.

#include "model/profile.h"

#include <QObject>

#include <memory>

class QAction;
class QSortFilterProxyModel;
class QTableView;

namespace spanfire::views {
class ActivityChart;
}

namespace spanfire::app {

class MainWindow;
class OperationsModel;

class LinkingDocks : public QObject {
    Q_OBJECT
public:
    explicit LinkingDocks(MainWindow *window);

    OperationsModel *operationsModel() const { return m_model; }
    QTableView *operationsView() const { return m_view; }
    QAction *rootSamplesAction() const { return m_rootAction; }
    views::ActivityChart *activityChart() const { return m_chart; }
    // Selects operation `index` (row of the source model).
    void selectOperation(int index);

private:
    void refresh();

    MainWindow *m_window;
    OperationsModel *m_model = nullptr;
    QSortFilterProxyModel *m_proxy = nullptr;
    QTableView *m_view = nullptr;
    QAction *m_rootAction = nullptr;
    views::ActivityChart *m_chart = nullptr;
    std::shared_ptr<const Profile> m_chartProfile;
};

} // namespace spanfire::app
