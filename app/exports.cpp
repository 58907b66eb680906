#include "app/exports.h"

#include "importers/symbolize/pprofwriter.h"
#include "views/flamegraphwidget.h"
#include "views/spantimelinewidget.h"

#include <QAbstractItemModel>
#include <QBuffer>
#include <QCoreApplication>
#include <QFileInfo>
#include <QImage>
#include <QPainter>
#include <QSaveFile>
#include <QSvgGenerator>

#include <algorithm>
#include <cmath>
#include <unordered_map>

namespace spanfire::app {

namespace {

// Translation context of this file (lupdate reads the macro; free functions have no tr()).
struct Exports {
    Q_DECLARE_TR_FUNCTIONS(spanfire::app::Exports)
};

QString qs(std::string_view s) {
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

bool writeBytes(const QString &path, const QByteArray &bytes, QString *error) {
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size() || !f.commit()) {
        if (error)
            *error = Exports::tr("Could not write %1: %2").arg(path, f.errorString());
        return false;
    }
    return true;
}

// Paints with `paint(painter)` into an SVG or PNG of `logicalSize`.
bool writePng(const QImage &img, const QString &path, QString *error) {
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    if (!img.save(&buffer, "PNG")) {
        if (error)
            *error = Exports::tr("Could not write %1: PNG encoding failed").arg(path);
        return false;
    }
    return writeBytes(path, bytes, error);
}

template <class Paint>
bool exportPicture(const QString &path, const QSize &logicalSize, qreal scale, const QString &title, QString *error,
                   Paint &&paint) {
    const QString kind = exportImageKind(path);
    if (logicalSize.isEmpty()) {
        if (error)
            *error = Exports::tr("Could not write %1: nothing to export (empty view)").arg(path);
        return false;
    }
    if (kind == QLatin1String("svg")) {
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        QSvgGenerator gen;
        gen.setOutputDevice(&buffer);
        gen.setSize(logicalSize);
        gen.setViewBox(QRect(QPoint(0, 0), logicalSize));
        gen.setTitle(title);
        gen.setDescription(Exports::tr("Exported from Spanfire"));
        {
            QPainter p(&gen);
            paint(p);
        }
        return writeBytes(path, buffer.data(), error);
    }
    if (kind == QLatin1String("png")) {
        QImage img(logicalSize * scale, QImage::Format_ARGB32_Premultiplied);
        img.setDevicePixelRatio(scale);
        img.fill(Qt::white);
        {
            QPainter p(&img);
            paint(p);
        }
        return writePng(img, path, error);
    }
    if (error)
        *error = Exports::tr("Could not write %1: unknown image type (use .png or .svg)").arg(path);
    return false;
}

} // namespace

QString exportImageKind(const QString &path) {
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("png") || suffix == QLatin1String("svg"))
        return suffix;
    return {};
}

bool exportFlame(const views::FlameGraphWidget &flame, const QString &path, const QSize &logicalSize, QString *error,
                 qreal scale) {
    if (exportImageKind(path) == QLatin1String("png")) {
        if (logicalSize.isEmpty()) {
            if (error)
                *error = Exports::tr("Could not write %1: nothing to export (empty view)").arg(path);
            return false;
        }
        const QImage img = flame.paintToImage(logicalSize, scale);
        return writePng(img, path, error);
    }
    return exportPicture(path, logicalSize, scale, Exports::tr("Flame graph"), error,
                         [&](QPainter &p) { flame.paintVector(p, logicalSize); });
}

bool exportTimeline(views::SpanTimelineWidget &timeline, const QString &path, QString *error, qreal scale) {
    return exportPicture(path, timeline.size(), scale, Exports::tr("Span timeline"), error,
                         [&](QPainter &p) { timeline.paintExport(p); });
}

QString foldedStacks(const Profile &profile, const FlameTree &tree) {
    QString out;
    std::vector<QString> names(tree.nodes.size());
    std::vector<uint32_t> path;
    for (size_t i = 1; i < tree.nodes.size(); ++i) {
        const FlameNode &n = tree.nodes[i];
        QString name = qs(profile.strings.view(profile.frames.at(n.frame).name));
        name.replace(QLatin1Char('\n'), QLatin1Char(' '));
        name.replace(QLatin1Char(';'), QLatin1Char(':')); // ';' separates frames
        names[i] = name;
        if (n.self <= 0)
            continue;
        path.clear();
        for (uint32_t k = uint32_t(i); k != 0; k = tree.nodes[k].parent)
            path.push_back(k);
        if (!tree.inverted) // root-first
            std::reverse(path.begin(), path.end());
        QStringList parts;
        for (uint32_t k : path)
            parts << names[k];
        out += parts.join(QLatin1Char(';')) + QLatin1Char(' ') + QString::number(n.self) + QLatin1Char('\n');
    }
    return out;
}

QString csvQuote(const QString &field) {
    if (!field.contains(QLatin1Char(',')) && !field.contains(QLatin1Char('"')) && !field.contains(QLatin1Char('\n')) &&
        !field.contains(QLatin1Char('\r')))
        return field;
    QString q = field;
    q.replace(QLatin1String("\""), QLatin1String("\"\""));
    return QLatin1Char('"') + q + QLatin1Char('"');
}

QString modelToCsv(const QAbstractItemModel &model) {
    QString out;
    const int cols = model.columnCount();
    QStringList row;
    for (int c = 0; c < cols; ++c)
        row << csvQuote(model.headerData(c, Qt::Horizontal, Qt::DisplayRole).toString());
    out += row.join(QLatin1Char(',')) + QStringLiteral("\r\n");
    // Depth-first over the tree (a table is a tree of depth one).
    auto visit = [&](const QModelIndex &parent, auto &&self) -> void {
        for (int r = 0; r < model.rowCount(parent); ++r) {
            row.clear();
            for (int c = 0; c < cols; ++c)
                row << csvQuote(model.index(r, c, parent).data(Qt::DisplayRole).toString());
            out += row.join(QLatin1Char(',')) + QStringLiteral("\r\n");
            const QModelIndex child = model.index(r, 0, parent);
            if (model.hasChildren(child))
                self(child, self);
        }
    };
    visit(QModelIndex(), visit);
    return out;
}

std::unique_ptr<Profile> selectSamples(const Profile &in, const SampleSelection &sel) {
    auto out = std::make_unique<Profile>();
    Profile &p = *out;
    p.sourceName = in.sourceName;
    p.format = in.format;
    std::vector<StringId> smap(in.strings.size());
    auto str = [&](StringId id) {
        if (!id.valid() || id.v >= smap.size())
            return StringId(0);
        if (!smap[id.v].valid() && id.v != 0)
            smap[id.v] = p.strings.intern(in.strings.view(id));
        return smap[id.v];
    };
    for (const ValueType &t : in.sampleTypes)
        p.sampleTypes.push_back({str(t.type), str(t.unit)});
    p.defaultSampleType = in.defaultSampleType;
    p.periodType = {str(in.periodType.type), str(in.periodType.unit)};
    p.period = in.period;
    p.timeNanos = in.timeNanos;
    p.durationNanos = in.durationNanos;
    for (StringId c : in.comments)
        p.comments.push_back(str(c));
    p.dropFrames = str(in.dropFrames);
    p.keepFrames = str(in.keepFrames);
    p.docUrl = str(in.docUrl);
    for (Mapping m : in.mappings) {
        m.file = str(m.file);
        m.buildId = str(m.buildId);
        p.mappings.push_back(m);
    }
    p.values.resize(in.values.size());

    constexpr uint32_t kUnset = UINT32_MAX;
    std::vector<uint32_t> fmap(in.frames.size(), kUnset);
    std::vector<uint32_t> nmap(in.trie.size(), kUnset);
    nmap[0] = 0;
    auto frame = [&](FrameId f) {
        if (fmap[f.v] == kUnset) {
            Frame c = in.frames.at(f);
            c.name = str(c.name);
            c.systemName = str(c.systemName);
            c.file = str(c.file);
            c.module = str(c.module);
            c.buildId = str(c.buildId);
            fmap[f.v] = p.frames.intern(c).v;
        }
        return FrameId(fmap[f.v]);
    };
    std::vector<uint32_t> chain;
    auto node = [&](uint32_t leaf) {
        chain.clear();
        for (uint32_t n = leaf; nmap[n] == kUnset; n = in.trie.parent(NodeId(n)).v)
            chain.push_back(n);
        for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
            const uint32_t parent = nmap[in.trie.parent(NodeId(*it)).v];
            nmap[*it] = p.trie.child(NodeId(parent), frame(in.trie.frame(NodeId(*it)))).v;
        }
        return nmap[leaf];
    };
    std::vector<uint32_t> lmap(in.labelSets.size(), kUnset);
    lmap[0] = 0;
    std::vector<Label> labels;
    const bool timed = sel.hasTimeRange && !in.sampleTime.empty();
    const bool links = !in.sampleSpanId.empty();
    auto take = [&](uint32_t i) {
        if (sel.hasTimeRange && (!timed || in.sampleTime[i] < sel.timeBegin || in.sampleTime[i] >= sel.timeEnd))
            return;
        p.sampleNode.push_back(node(in.sampleNode[i]));
        for (size_t k = 0; k < in.values.size(); ++k)
            p.values[k].push_back(in.values[k][i]);
        const uint32_t ls = in.sampleLabels.empty() ? 0 : in.sampleLabels[i];
        if (lmap[ls] == kUnset) {
            labels.clear();
            for (const Label *l = in.labelSets.begin(LabelSetId(ls)); l != in.labelSets.end(LabelSetId(ls)); ++l)
                labels.push_back(Label{str(l->key), str(l->str), str(l->unit), l->num});
            sortLabels(labels);
            lmap[ls] = p.labelSets.intern(labels).v;
        }
        p.sampleLabels.push_back(lmap[ls]);
        if (!in.sampleTime.empty())
            p.sampleTime.push_back(in.sampleTime[i]);
        if (links) {
            p.sampleSpanId.push_back(in.sampleSpanId[i]);
            p.sampleTraceId.push_back(in.sampleTraceId[i]);
        }
    };
    if (sel.all) {
        for (uint32_t i = 0; i < uint32_t(in.sampleCount()); ++i)
            take(i);
    } else {
        const uint32_t limit = sel.order ? uint32_t(sel.order->size()) : uint32_t(in.sampleCount());
        for (const auto &[b, e] : sel.ranges) {
            for (uint32_t k = b; k < std::min(e, limit); ++k)
                take(sel.order ? (*sel.order)[k] : k);
        }
    }
    p.finish();
    return out;
}

bool exportSelectionPprof(const Profile &profile, const SampleSelection &selection, const QString &path,
                          QString *error) {
    const std::unique_ptr<Profile> subset = selectSamples(profile, selection);
    const std::string bytes = writePprof(*subset);
    return writeBytes(path, QByteArray(bytes.data(), qsizetype(bytes.size())), error);
}

bool writeTextFile(const QString &path, const QString &text, QString *error) {
    return writeBytes(path, text.toUtf8(), error);
}

} // namespace spanfire::app
