#pragma once
// Flame-graph colours. Every frame gets a stable colour from a hash of its
// "package": the Go import path ("net/http"), the top-level C++/Rust namespace
// ("std"), or the module basename for unsymbolized frames and bare C names.
// The base palette is warm, as in flamegraph.pl; matches of a search and the
// selected function use separate palettes so they stand out; everything else
// can be dimmed while a search is active. Pure functions, any thread.

#include <QColor>

#include <cstdint>
#include <string_view>

namespace spanfire::views {

namespace FlameColors {

// The package prefix used for colouring (a view into `name` or `module`).
std::string_view packageOf(std::string_view name, std::string_view module);
// Stable 32-bit hash (FNV-1a) of a byte string.
uint32_t stableHash(std::string_view s);

QRgb baseColor(uint32_t packageHash); // warm red/orange/yellow
// baseColor of the package, varied slightly per function so that neighbouring frames of one package
// (e.g. all unsymbolized frames of one binary) stay distinguishable.
QRgb frameColor(uint32_t packageHash, uint32_t nameHash);
QRgb matchColor(uint32_t packageHash);    // magenta/purple family
QRgb selectedColor(uint32_t packageHash); // blue family
// Differential graphs: `delta` (target share - baseline share) on a scale
// where |delta| >= `scale` is full colour: red = larger share than in the
// baseline, blue = smaller, a light neutral grey for no change. The square
// root lifts small changes off the grey.
QRgb diffColor(double delta, double scale);
QRgb focusOutline(); // keyboard focus frame outline
QRgb mergedColor();  // runs of sub-pixel frames merged into one box
QRgb rootColor();
// Faded version of `c` (search active, frame does not match; zoom ancestors).
QRgb dimmed(QRgb c);
// Black or white, whichever reads better on `background`.
QRgb textColorFor(QRgb background);

} // namespace FlameColors

} // namespace spanfire::views
