#include "views/spandetailsview.h"

#include "model/spantable.h"
#include "views/timelinelayout.h"
#include "views/traceselection.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDateTime>
#include <QHeaderView>
#include <QLabel>
#include <QTreeWidget>
#include <QTreeWidgetItemIterator>
#include <QVBoxLayout>

#include <cstring>

namespace spanfire::views {

namespace {

QString qs(std::string_view s) {
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

QString absoluteTime(int64_t ns) {
    const QDateTime t = QDateTime::fromMSecsSinceEpoch(ns / 1000000);
    const int64_t subMs = ((ns % 1000000) + 1000000) % 1000000;
    return t.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz")) +
           QStringLiteral("%1").arg(qint64(subMs), 6, 10, QLatin1Char('0'));
}

} // namespace

SpanDetailsView::SpanDetailsView(QWidget *parent) : QWidget(parent) {
    m_title = new QLabel(this);
    m_title->setTextFormat(Qt::PlainText);
    m_title->setWordWrap(true);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont f = m_title->font();
    f.setBold(true);
    f.setPointSizeF(f.pointSizeF() * 1.15);
    m_title->setFont(f);
    m_subtitle = new QLabel(this);
    m_subtitle->setTextFormat(Qt::PlainText);
    m_subtitle->setWordWrap(true);
    m_subtitle->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_tree = new QTreeWidget(this);
    m_tree->setColumnCount(2);
    m_tree->setHeaderLabels({tr("Key"), tr("Value")});
    m_tree->setUniformRowHeights(true);
    m_tree->setWordWrap(false);
    m_tree->setAlternatingRowColors(true);
    m_tree->setSelectionMode(QAbstractItemView::ExtendedSelection);
    // Ctrl+C (and the context menu) copy the selected rows as "key<TAB>value" lines.
    auto *copy = new QAction(tr("Copy"), m_tree);
    copy->setShortcut(QKeySequence::Copy);
    copy->setShortcutContext(Qt::WidgetShortcut);
    connect(copy, &QAction::triggered, this, [this] { QApplication::clipboard()->setText(selectedText()); });
    m_tree->addAction(copy);
    m_tree->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_tree->header()->setSectionResizeMode(0, QHeaderView::Interactive);
    m_tree->header()->resizeSection(0, 200);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_title);
    layout->addWidget(m_subtitle);
    layout->addWidget(m_tree, 1);
    connect(m_tree, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) { onItemActivated(item); });
    connect(m_tree, &QTreeWidget::itemClicked, this, [this](QTreeWidgetItem *item) { onItemActivated(item); });
    showSpan(SpanRow());
}

SpanDetailsView::~SpanDetailsView() = default;

void SpanDetailsView::setSelection(TraceSelection *selection) {
    if (m_selection)
        disconnect(m_selection, nullptr, this, nullptr);
    m_selection = selection;
    if (!m_selection)
        return;
    connect(m_selection, &TraceSelection::traceSetChanged, this, [this] { setTraceSet(m_selection->traceSet()); });
    connect(m_selection, &TraceSelection::spanRowChanged, this, &SpanDetailsView::showSpan);
    connect(m_selection, &QObject::destroyed, this, [this] { m_selection = nullptr; });
    setTraceSet(m_selection->traceSet());
    showSpan(m_selection->spanRow());
}

void SpanDetailsView::setTraceSet(std::shared_ptr<const TraceSet> set) {
    m_set = std::move(set);
    showSpan(SpanRow());
}

QString SpanDetailsView::attributeValue(const TraceSet &set, const Attribute &a) {
    switch (a.type) {
    case AttrType::Empty:
        return {};
    case AttrType::String:
    case AttrType::Bytes:
    case AttrType::Array:
    case AttrType::KvList:
        return qs(set.strings.view(StringId(uint32_t(a.bits))));
    case AttrType::Bool:
        return a.bits ? QStringLiteral("true") : QStringLiteral("false");
    case AttrType::Int:
        return QString::number(qint64(a.bits));
    case AttrType::Double: {
        double d = 0;
        std::memcpy(&d, &a.bits, sizeof d);
        return QString::number(d, 'g', 17);
    }
    }
    return {};
}

QTreeWidgetItem *SpanDetailsView::addSection(const QString &title) {
    auto *item = new QTreeWidgetItem(m_tree, {title});
    QFont f = item->font(0);
    f.setBold(true);
    item->setFont(0, f);
    item->setFirstColumnSpanned(true);
    item->setExpanded(true);
    return item;
}

void SpanDetailsView::addAttributes(QTreeWidgetItem *parent, uint32_t begin, uint32_t end) {
    end = std::min<uint32_t>(end, uint32_t(m_set->attributes.size()));
    for (uint32_t i = begin; i < end; ++i) {
        const Attribute &a = m_set->attributes[i];
        const QString value = attributeValue(*m_set, a);
        auto *item = new QTreeWidgetItem(parent, {qs(m_set->strings.view(a.key)), value});
        // Tooltips guess rich text: wrap the escaped value so that it shows literally.
        item->setToolTip(1, QStringLiteral("<p style='white-space:pre-wrap'>") + value.left(2000).toHtmlEscaped() +
                                QStringLiteral("</p>"));
    }
}

void SpanDetailsView::addLinkItem(QTreeWidgetItem *parent, const QString &key, const QString &value,
                                  uint32_t targetRow) {
    auto *item = new QTreeWidgetItem(parent, {key, value});
    if (targetRow != TraceSet::kNoRow) {
        item->setData(0, TargetRowRole, uint(targetRow));
        item->setForeground(1, palette().brush(QPalette::Link));
        QFont f = item->font(1);
        f.setUnderline(true);
        item->setFont(1, f);
        item->setToolTip(1, tr("Click to go to this span"));
    } else {
        item->setToolTip(1, tr("This span is not loaded"));
    }
}

void SpanDetailsView::showSpan(SpanRow spanRow) {
    m_tree->clear();
    if (!m_set || !spanRow.valid() || spanRow.v >= m_set->spanCount()) {
        m_row = SpanRow();
        m_title->setText(tr("No span selected"));
        m_subtitle->clear();
        return;
    }
    m_row = spanRow;
    const TraceSet &s = *m_set;
    const uint32_t r = spanRow.v;
    const TraceSummary *trace = s.trace[r] < s.traces.size() ? &s.traces[s.trace[r]] : nullptr;
    m_title->setText(qs(s.strings.view(s.name[r])));
    m_subtitle->setText(qs(s.strings.view(s.serviceOf(r))) + QStringLiteral(" \u00b7 ") +
                        formatDuration(double(s.durationNs(r))));

    QTreeWidgetItem *span = addSection(tr("Span"));
    auto add = [](QTreeWidgetItem *parent, const QString &k, const QString &v) {
        return new QTreeWidgetItem(parent, {k, v});
    };
    add(span, tr("Name"), qs(s.strings.view(s.name[r])));
    add(span, tr("Service"), qs(s.strings.view(s.serviceOf(r))));
    add(span, tr("Kind"), QString::fromLatin1(spanKindName(s.kind[r])));
    QTreeWidgetItem *status = add(span, tr("Status"), QString::fromLatin1(statusCodeName(s.status[r])));
    if (s.status[r] == StatusCode::Error)
        status->setForeground(1, QColor(0xd0, 0x1c, 0x1c));
    const std::string_view message = s.strings.view(s.statusMessage[r]);
    if (!message.empty())
        add(span, tr("Status message"), qs(message));
    const int64_t traceStart = trace ? trace->startNs : s.startNs[r];
    add(span, tr("Start"),
        tr("+%1 (%2)").arg(formatDuration(double(s.startNs[r] - traceStart)), absoluteTime(s.startNs[r])));
    add(span, tr("Duration"), formatDuration(double(s.durationNs(r))));
    add(span, tr("Self time"), formatDuration(double(s.selfTimeNs(r))));
    if (r + 1 < s.childOffsets.size() && s.childOffsets[r + 1] > s.childOffsets[r])
        add(span, tr("Children"),
            tr("%1 direct, %2 in the subtree")
                .arg(s.childOffsets[r + 1] - s.childOffsets[r])
                .arg(s.subtreeEnd[r] > r ? s.subtreeEnd[r] - r - 1 : 0));
    add(span, tr("Span id"), QString::fromStdString(spanIdHex(s.spanId[r])));
    add(span, tr("Trace id"), QString::fromStdString(s.traceId[r].hex()));
    if (s.parent[r] != TraceSet::kNoRow)
        addLinkItem(span, tr("Parent"), qs(s.strings.view(s.name[s.parent[r]])), s.parent[r]);
    else if (s.parentSpanId[r] != 0)
        add(span, tr("Parent"), tr("%1 (missing)").arg(QString::fromStdString(spanIdHex(s.parentSpanId[r]))));
    if (s.flags[r] & TraceSet::kOrphan)
        add(span, tr("Orphan"), tr("the parent span is not in the loaded data"));

    if (r < s.attrEnd.size() && s.attrEnd[r] > s.attrBegin[r])
        addAttributes(addSection(tr("Attributes")), s.attrBegin[r], s.attrEnd[r]);

    if (s.resource[r] < s.resources.size()) {
        const Resource &res = s.resources[s.resource[r]];
        if (res.attrEnd > res.attrBegin)
            addAttributes(addSection(tr("Resource")), res.attrBegin, res.attrEnd);
    }
    if (s.scope[r] < s.scopes.size()) {
        const Scope &sc = s.scopes[s.scope[r]];
        if (sc.name.v != 0 || sc.version.v != 0 || sc.attrEnd > sc.attrBegin) {
            QTreeWidgetItem *scope = addSection(tr("Scope"));
            add(scope, tr("Name"), qs(s.strings.view(sc.name)));
            if (sc.version.v != 0)
                add(scope, tr("Version"), qs(s.strings.view(sc.version)));
            addAttributes(scope, sc.attrBegin, sc.attrEnd);
        }
    }

    if (r + 1 < s.eventOffsets.size() && s.eventOffsets[r + 1] > s.eventOffsets[r]) {
        QTreeWidgetItem *events = addSection(tr("Events (%1)").arg(s.eventOffsets[r + 1] - s.eventOffsets[r]));
        for (uint32_t k = s.eventOffsets[r]; k < s.eventOffsets[r + 1] && k < s.events.size(); ++k) {
            const SpanEvent &e = s.events[k];
            auto *item = add(events, QStringLiteral("+") + formatDuration(double(e.timeNs - s.startNs[r])),
                             qs(s.strings.view(e.name)));
            addAttributes(item, e.attrBegin, e.attrEnd);
            item->setExpanded(e.attrEnd - e.attrBegin <= 8);
        }
    }

    if (r + 1 < s.linkOffsets.size() && s.linkOffsets[r + 1] > s.linkOffsets[r]) {
        QTreeWidgetItem *links = addSection(tr("Links (%1)").arg(s.linkOffsets[r + 1] - s.linkOffsets[r]));
        for (uint32_t k = s.linkOffsets[r]; k < s.linkOffsets[r + 1] && k < s.links.size(); ++k) {
            const SpanLink &l = s.links[k];
            const uint32_t target = s.find(l.traceId, l.spanId);
            QString text = QString::fromStdString(l.traceId.hex()) + QLatin1Char('/') +
                           QString::fromStdString(spanIdHex(l.spanId));
            if (target != TraceSet::kNoRow)
                text = qs(s.strings.view(s.name[target])) + QStringLiteral("  (") + text + QLatin1Char(')');
            addLinkItem(links, tr("Link %1").arg(k - s.linkOffsets[r] + 1), text, target);
            QTreeWidgetItem *item = links->child(links->childCount() - 1);
            if (l.traceState.v != 0)
                add(item, tr("Trace state"), qs(s.strings.view(l.traceState)));
            addAttributes(item, l.attrBegin, l.attrEnd);
        }
    }
    if (m_extraRows) {
        const auto extra = m_extraRows(r);
        if (!extra.empty()) {
            QTreeWidgetItem *section = addSection(tr("Profile"));
            for (const auto &[key, value] : extra)
                new QTreeWidgetItem(section, {key, value});
        }
    }
    m_tree->resizeColumnToContents(0);
}

void SpanDetailsView::setExtraRows(ExtraRows extra) {
    m_extraRows = std::move(extra);
    showSpan(m_row);
}

QString SpanDetailsView::selectedText() const {
    QStringList lines;
    // In tree order, not click order.
    for (QTreeWidgetItemIterator it(m_tree, QTreeWidgetItemIterator::Selected); *it; ++it)
        lines << ((*it)->text(1).isEmpty() ? (*it)->text(0) : (*it)->text(0) + QLatin1Char('\t') + (*it)->text(1));
    return lines.join(QLatin1Char('\n'));
}

void SpanDetailsView::onItemActivated(QTreeWidgetItem *item) {
    if (!item || !m_set)
        return;
    const QVariant v = item->data(0, TargetRowRole);
    if (!v.isValid())
        return;
    const SpanRow target(v.toUInt());
    if (target.v >= m_set->spanCount())
        return;
    emit spanLinkActivated(target);
    if (m_selection)
        m_selection->setSpanRow(target);
}

} // namespace spanfire::views
