#pragma once
// Exports: getting pictures and numbers out of Spanfire (File > Export).
//  * flame/icicle graph and timeline as PNG (raster, at a chosen scale) and
//    SVG (vector: boxes and labels are QPainter calls into QSvgGenerator);
//  * the current flame tree as folded stacks ("a;b;c value" per leaf path,
//    root-first even when the tree is inverted);
//  * any table model as CSV (RFC 4180 quoting: fields with a comma, quote,
//    CR or LF are quoted, quotes doubled);
//  * a sample selection of a profile as a gzip'ed pprof file: the selected
//    samples with their values, labels and stacks, in a new self-contained
//    Profile (strings, frames, trie and mappings rebuilt), written by the
//    symbolizer's pprof writer.
// Every writer returns false with a message naming the file on failure and
// never leaves a partial file behind (QSaveFile). GUI thread for the widget
// exports; the data functions have no thread affinity.

#include "model/aggregator.h"
#include "model/flametree.h"
#include "model/profile.h"

#include <QSize>
#include <QString>

#include <memory>

class QAbstractItemModel;

namespace spanfire::views {
class FlameGraphWidget;
class SpanTimelineWidget;
} // namespace spanfire::views

namespace spanfire::app {

// "png" or "svg" from the path's suffix (case-insensitive); "" otherwise.
QString exportImageKind(const QString &path);

// Flame/icicle graph in its current state at `logicalSize` (PNG: times `scale` pixels).
bool exportFlame(const views::FlameGraphWidget &flame, const QString &path, const QSize &logicalSize, QString *error,
                 qreal scale = 1.0);
// Timeline at the widget's current size.
bool exportTimeline(views::SpanTimelineWidget &timeline, const QString &path, QString *error, qreal scale = 1.0);

// Folded stacks of a flame tree (one line per node with self value > 0).
QString foldedStacks(const Profile &profile, const FlameTree &tree);

// CSV of a table model's display data (header row first).
QString csvQuote(const QString &field);
QString modelToCsv(const QAbstractItemModel &model);

// The selected samples as a new, self-contained profile.
std::unique_ptr<Profile> selectSamples(const Profile &profile, const SampleSelection &selection);
bool exportSelectionPprof(const Profile &profile, const SampleSelection &selection, const QString &path,
                          QString *error);

// Writes text (UTF-8) atomically.
bool writeTextFile(const QString &path, const QString &text, QString *error);

} // namespace spanfire::app
