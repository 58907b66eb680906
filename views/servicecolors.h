#pragma once
// ServiceColors: a stable colour per service name. The colour depends only on
// the name's bytes (FNV-1a hash into a fixed palette of distinguishable,
// medium-light hues), so a service keeps its colour across files, traces and
// sessions. Pure functions, any thread.

#include <QColor>

#include <string_view>

namespace spanfire::views {

class ServiceColors {
public:
    // Bar colour of a service.
    static QColor color(std::string_view service);
    // The same hue, lighter: used for the parts of a bar covered by children.
    static QColor childTone(const QColor &c);
    // Palette size (colours repeat beyond this many services).
    static int paletteSize();
    static QColor paletteColor(int i);
};

} // namespace spanfire::views
