#pragma once
// CallerCalleeView: for one chosen function, its own flat/cum and two tables:
// the callers (time of the function reached from each caller) and the callees
// (time spent in each callee under the function), from functionNeighbors().
// Double-clicking a row emits functionChosen to navigate. GUI thread only.

#include "model/flametree.h"
#include "model/functionstats.h"
#include "model/profile.h"
#include "views/format.h"

#include <QWidget>

#include <memory>

class QLabel;
class QTableView;

namespace spanfire::views {

class TopFunctionsModel;

class CallerCalleeView : public QWidget {
    Q_OBJECT
public:
    explicit CallerCalleeView(QWidget *parent = nullptr);

    // `tree` must be non-inverted. An invalid name clears the view. With a
    // baseline (a non-inverted tree of `baselineProfile`, which may be another
    // profile: functions are then matched by name) both tables get the change
    // column and the header the function's cum share in the baseline.
    void setFunction(std::shared_ptr<const Profile> profile, const FlameTree &tree, StringId name, ValueUnit unit,
                     const FlameTree *baseline = nullptr, const Profile *baselineProfile = nullptr);
    void clear();

    StringId function() const { return m_function; }
    TopFunctionsModel *callersModel() const { return m_callers; }
    TopFunctionsModel *calleesModel() const { return m_callees; }
    QString headerText() const;

signals:
    void functionChosen(spanfire::StringId name);

private:
    QTableView *makeTable(TopFunctionsModel *model);

    StringId m_function;
    QLabel *m_header;
    TopFunctionsModel *m_callers;
    TopFunctionsModel *m_callees;
};

} // namespace spanfire::views
