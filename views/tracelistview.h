#pragma once
// TraceListView: the trace list (TraceListModel behind a TraceListFilterModel)
// with a filter bar: service, operation, minimum duration, errors only, and a
// "find trace id" box. Selecting a row sets TraceSelection::traceIndex; a
// trace selected elsewhere is selected and scrolled to here (both ways,
// through TraceSelection only). GUI thread.

#include <QWidget>

#include <memory>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QTableView;

namespace spanfire {
class TraceSet;
}

namespace spanfire::views {

class TraceListModel;
class TraceListFilterModel;
class TraceSelection;

class TraceListView : public QWidget {
    Q_OBJECT
public:
    explicit TraceListView(QWidget *parent = nullptr);
    ~TraceListView() override;

    // Binds to a shared selection (not owned); its TraceSet is shown.
    void setSelection(TraceSelection *selection);
    // Shows a TraceSet without a shared selection (tests, render).
    void setTraceSet(std::shared_ptr<const TraceSet> set);

    TraceListModel *sourceModel() const { return m_model; }
    TraceListFilterModel *filterModel() const { return m_proxy; }
    QTableView *tableView() const { return m_table; }
    QLineEdit *findEdit() const { return m_find; }

    // Selects the trace whose id starts with `hexPrefix`; false when not found
    // (or filtered out: then the filters are cleared first and it retries).
    bool findTrace(const QString &hexPrefix);
    int currentTrace() const;

signals:
    void traceActivated(int traceIndex);

private:
    void onTraceSetChanged();
    void onTraceIndexChanged(int traceIndex);
    void onCurrentRowChanged();
    void applyFilters();
    void clearFilters();
    void selectTrace(int traceIndex);

    TraceSelection *m_selection = nullptr;
    TraceListModel *m_model = nullptr;
    TraceListFilterModel *m_proxy = nullptr;
    QTableView *m_table = nullptr;
    QComboBox *m_service = nullptr;
    QLineEdit *m_operation = nullptr;
    QLineEdit *m_minDuration = nullptr;
    QCheckBox *m_errorsOnly = nullptr;
    QLineEdit *m_find = nullptr;
    QLabel *m_status = nullptr;
    bool m_updating = false;
};

} // namespace spanfire::views
