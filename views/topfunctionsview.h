#pragma once
// TopFunctionsView: filter box + sortable table over a TopFunctionsModel
// (through a QSortFilterProxyModel: SortRole for numbers, case-insensitive
// regex filter on the Function column). Choosing a row emits functionChosen;
// selectFunction() selects a row from outside without re-emitting.
// GUI thread only.

#include "model/ids.h"

#include <QWidget>

class QLineEdit;
class QSortFilterProxyModel;
class QTableView;

namespace spanfire::views {

class TopFunctionsModel;

class TopFunctionsView : public QWidget {
    Q_OBJECT
public:
    explicit TopFunctionsView(QWidget *parent = nullptr);

    TopFunctionsModel *model() const { return m_model; }
    QSortFilterProxyModel *proxy() const { return m_proxy; }
    QTableView *table() const { return m_table; }
    QLineEdit *filterEdit() const { return m_filter; }

    // Selects (and scrolls to) the row of `name`; clears the selection when absent.
    void selectFunction(StringId name);

signals:
    void functionChosen(spanfire::StringId name);

private:
    void onCurrentChanged();

    TopFunctionsModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QTableView *m_table;
    QLineEdit *m_filter;
    bool m_updating = false;
};

} // namespace spanfire::views
