#include "views/topfunctionsview.h"

#include "views/topfunctionsmodel.h"

#include <QHeaderView>
#include <QLineEdit>
#include <QRegularExpression>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace spanfire::views {

TopFunctionsView::TopFunctionsView(QWidget *parent)
    : QWidget(parent), m_model(new TopFunctionsModel(this)), m_proxy(new QSortFilterProxyModel(this)),
      m_table(new QTableView(this)), m_filter(new QLineEdit(this)) {
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(TopFunctionsModel::SortRole);
    m_proxy->setFilterKeyColumn(TopFunctionsModel::Function);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);

    m_filter->setPlaceholderText(tr("Filter functions (regex)"));
    m_filter->setClearButtonEnabled(true);
    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString &text) {
        QRegularExpression re(text, QRegularExpression::CaseInsensitiveOption);
        // An incomplete regex while typing filters literally instead of hiding everything.
        if (!re.isValid())
            re = QRegularExpression(QRegularExpression::escape(text), QRegularExpression::CaseInsensitiveOption);
        m_proxy->setFilterRegularExpression(re);
    });

    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(TopFunctionsModel::Flat, Qt::DescendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 4);
    // The name column takes the rest, also when the baseline's change column follows it.
    m_table->horizontalHeader()->setStretchLastSection(false);
    const auto stretchName = [this] {
        m_table->horizontalHeader()->setSectionResizeMode(TopFunctionsModel::Function, QHeaderView::Stretch);
    };
    stretchName();
    connect(m_model, &QAbstractItemModel::modelReset, this, stretchName);
    // Numeric columns just wide enough for "999.99 ms" / "99.99 %"; the name gets the rest.
    m_table->horizontalHeader()->setDefaultSectionSize(
        m_table->fontMetrics().horizontalAdvance(QStringLiteral("999.99 ms")) + 16);
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideMiddle);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &TopFunctionsView::onCurrentChanged);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_filter);
    layout->addWidget(m_table);
}

void TopFunctionsView::onCurrentChanged() {
    if (m_updating)
        return;
    const QModelIndex cur = m_table->currentIndex();
    if (!cur.isValid())
        return;
    const QModelIndex src = m_proxy->mapToSource(cur);
    emit functionChosen(m_model->functionAt(src.row()));
}

void TopFunctionsView::selectFunction(StringId name) {
    m_updating = true;
    const int row = name.valid() ? m_model->rowOf(name) : -1;
    const QModelIndex idx = row >= 0 ? m_proxy->mapFromSource(m_model->index(row, 0)) : QModelIndex();
    if (idx.isValid()) {
        m_table->selectionModel()->setCurrentIndex(idx,
                                                   QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        m_table->scrollTo(idx);
    } else {
        m_table->selectionModel()->clearSelection();
    }
    m_updating = false;
}

} // namespace spanfire::views
