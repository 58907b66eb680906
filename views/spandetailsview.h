#pragma once
// SpanDetailsView: everything about one span: name, service, kind, status (and
// message), start, duration, self time, ids; then attributes, resource
// attributes, scope (name, version, attributes), events (offset from the span
// start, name, attributes) and links. A link (or the parent) that points to a
// loaded span is shown as a link; activating it emits spanLinkActivated(row)
// and, when bound, selects that span in the shared TraceSelection.
// All names and values are untrusted: they are shown as plain text only
// (tree items are plain; the header QLabel uses Qt::PlainText). GUI thread.

#include "model/ids.h"

#include <QWidget>

#include <functional>
#include <memory>
#include <utility>
#include <vector>

class QLabel;
class QTreeWidget;
class QTreeWidgetItem;

namespace spanfire {
class TraceSet;
struct Attribute;
} // namespace spanfire

namespace spanfire::views {

class TraceSelection;

class SpanDetailsView : public QWidget {
    Q_OBJECT
public:
    enum { TargetRowRole = Qt::UserRole + 1 }; // on link items: the target SpanRow value

    explicit SpanDetailsView(QWidget *parent = nullptr);
    ~SpanDetailsView() override;

    void setSelection(TraceSelection *selection); // not owned; follows its span
    void setTraceSet(std::shared_ptr<const TraceSet> set);
    void showSpan(SpanRow row); // invalid row clears
    SpanRow span() const { return m_row; }

    QLabel *titleLabel() const { return m_title; }
    QTreeWidget *tree() const { return m_tree; }
    // The selected rows as "key<TAB>value" lines (what Ctrl+C copies).
    QString selectedText() const;

    // Attribute value as display text (strings as they are, numbers, booleans).
    static QString attributeValue(const TraceSet &set, const Attribute &a);
    // Extra (key, value) rows shown in a "Profile" section for a span, e.g.
    // linked samples vs expected. Re-shows the current span.
    using ExtraRows = std::function<std::vector<std::pair<QString, QString>>(uint32_t row)>;
    void setExtraRows(ExtraRows extra);

signals:
    void spanLinkActivated(spanfire::SpanRow row);

private:
    void onItemActivated(QTreeWidgetItem *item);
    QTreeWidgetItem *addSection(const QString &title);
    void addAttributes(QTreeWidgetItem *parent, uint32_t begin, uint32_t end);
    void addLinkItem(QTreeWidgetItem *parent, const QString &key, const QString &value, uint32_t targetRow);

    std::shared_ptr<const TraceSet> m_set;
    TraceSelection *m_selection = nullptr;
    SpanRow m_row;
    ExtraRows m_extraRows;
    QLabel *m_title = nullptr;
    QLabel *m_subtitle = nullptr;
    QTreeWidget *m_tree = nullptr;
};

} // namespace spanfire::views
