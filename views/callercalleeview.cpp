#include "views/callercalleeview.h"

#include "views/topfunctionsmodel.h"

#include <QHeaderView>
#include <QLabel>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace spanfire::views {

CallerCalleeView::CallerCalleeView(QWidget *parent)
    : QWidget(parent), m_header(new QLabel(this)), m_callers(new TopFunctionsModel(this)),
      m_callees(new TopFunctionsModel(this)) {
    m_header->setTextFormat(Qt::PlainText); // function names are untrusted
    m_header->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_header);
    auto *callersLabel = new QLabel(tr("Callers"), this);
    layout->addWidget(callersLabel);
    layout->addWidget(makeTable(m_callers), 1);
    auto *calleesLabel = new QLabel(tr("Callees"), this);
    layout->addWidget(calleesLabel);
    layout->addWidget(makeTable(m_callees), 1);
    clear();
}

QTableView *CallerCalleeView::makeTable(TopFunctionsModel *model) {
    auto *proxy = new QSortFilterProxyModel(this);
    proxy->setSourceModel(model);
    proxy->setSortRole(TopFunctionsModel::SortRole);
    auto *table = new QTableView(this);
    table->setModel(proxy);
    table->setSortingEnabled(true);
    table->sortByColumn(TopFunctionsModel::Cum, Qt::DescendingOrder);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->verticalHeader()->hide();
    table->verticalHeader()->setDefaultSectionSize(table->fontMetrics().height() + 4);
    table->horizontalHeader()->setStretchLastSection(true);
    // Numeric columns just wide enough for "999.99 ms" / "99.99 %"; the name gets the rest.
    table->horizontalHeader()->setDefaultSectionSize(
        table->fontMetrics().horizontalAdvance(QStringLiteral("999.99 ms")) + 16);
    table->setWordWrap(false);
    connect(table, &QTableView::doubleClicked, this, [this, proxy, model](const QModelIndex &idx) {
        const StringId name = model->functionAt(proxy->mapToSource(idx).row());
        if (name.valid() && name.v != 0)
            emit functionChosen(name);
    });
    return table;
}

void CallerCalleeView::clear() {
    m_function = StringId();
    m_callers->clear();
    m_callees->clear();
    m_header->setText(tr("Choose a function in the graph or the table to see its callers and callees."));
}

void CallerCalleeView::setFunction(std::shared_ptr<const Profile> profile, const FlameTree &tree, StringId name,
                                   ValueUnit unit, const FlameTree *baseline, const Profile *baselineProfile) {
    if (!profile || !name.valid()) {
        clear();
        return;
    }
    m_function = name;
    FunctionNeighbors nb = functionNeighbors(tree, *profile, name);
    const int64_t total = tree.total();
    const auto v = profile->strings.view(name);
    m_header->setText(tr("%1 \u2014 flat %2 (%3), cum %4 (%5)")
                          .arg(QString::fromUtf8(v.data(), qsizetype(v.size())), formatValue(nb.self.flat, unit),
                               formatPercent(nb.self.flat, total), formatValue(nb.self.cum, unit),
                               formatPercent(nb.self.cum, total)));
    m_callers->setStats(profile, std::move(nb.callers), total, unit);
    m_callees->setStats(profile, std::move(nb.callees), total, unit);
    if (!baseline || !baselineProfile) {
        m_callers->setBaseline(false, {}, 0);
        m_callees->setBaseline(false, {}, 0);
        return;
    }
    // The baseline's neighbours of the same function, keyed by the shown profile's name ids.
    const bool same = baselineProfile == profile.get();
    const StringId baseName = same ? name : baselineProfile->strings.find(v);
    FunctionNeighbors base;
    if (baseName.valid())
        base = functionNeighbors(*baseline, *baselineProfile, baseName);
    const int64_t baseTotal = baseline->total();
    m_callers->setBaseline(true, renameFunctions(std::move(base.callers), *baselineProfile, *profile), baseTotal);
    m_callees->setBaseline(true, renameFunctions(std::move(base.callees), *baselineProfile, *profile), baseTotal);
    m_header->setText(m_header->text() + QStringLiteral(" \u00B7 ") +
                      tr("baseline: cum %1").arg(formatPercent(base.self.cum, baseTotal)));
}

QString CallerCalleeView::headerText() const {
    return m_header->text();
}

} // namespace spanfire::views
