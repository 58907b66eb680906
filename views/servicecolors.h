#pragma once
// ServiceColors: a stable colour per service name.
// color(name) depends only on the name's bytes (FNV-1a hash into a fixed
// palette of distinguishable, medium-light hues without pure reds, which mean
// "error"), so a service keeps its colour across files and sessions.
// An instance assign()ed to a TraceSet removes collisions inside that set:
// services are visited in name order and a taken palette slot is probed
// forward to the next free one (until the palette is exhausted), so equal sets
// of services always get equal colours. GUI thread; static functions any thread.

#include "model/ids.h"

#include <QColor>

#include <string_view>
#include <unordered_map>

namespace spanfire {
class TraceSet;
}

namespace spanfire::views {

class ServiceColors {
public:
    // Bar colour of a service by hash alone.
    static QColor color(std::string_view service);
    // The same hue, lighter: used for the parts of a bar covered by children.
    static QColor childTone(const QColor &c);
    // Palette size (colours repeat beyond this many services).
    static int paletteSize();
    static QColor paletteColor(int i);

    // Collision-free colours for the services of `set` (set->services).
    void assign(const TraceSet &set);
    // Colour of a service of the assigned set; hash colour for others.
    QColor colorOf(StringId service) const;

private:
    const TraceSet *m_set = nullptr;
    std::unordered_map<uint32_t, int> m_slot; // service string id -> palette index
};

} // namespace spanfire::views
