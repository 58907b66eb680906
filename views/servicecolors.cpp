#include "views/servicecolors.h"

#include "model/spantable.h"

#include <cstdint>

namespace spanfire::views {

namespace {

// 20 hues with similar lightness, readable with black text, apart enough to
// tell neighbours in a timeline apart (after Tableau 20). Pure reds are left
// out: red means "error" in the timeline.
constexpr QRgb kPalette[] = {
    0x4e79a7, 0xf28e2b, 0x59a14f, 0xb07aa1, 0x76b7b2, 0xedc948, 0xff9da7, 0x9c755f, 0x17becf, 0x86bcb6,
    0xa0cbe8, 0xffbe7d, 0x8cd17d, 0xd4a6c8, 0xb6992d, 0xf1ce63, 0x499894, 0xbcbd22, 0x9467bd, 0x79706e,
};
constexpr int kPaletteSize = int(sizeof(kPalette) / sizeof(kPalette[0]));

uint32_t fnv1a(std::string_view s) {
    uint32_t h = 2166136261u;
    for (unsigned char c : s) {
        h ^= c;
        h *= 16777619u;
    }
    return h;
}

} // namespace

QColor ServiceColors::color(std::string_view service) {
    return QColor::fromRgb(kPalette[fnv1a(service) % kPaletteSize]);
}

void ServiceColors::assign(const TraceSet &set) {
    m_set = &set;
    m_slot.clear();
    bool taken[kPaletteSize] = {};
    int used = 0;
    for (StringId s : set.services) { // sorted by name: the assignment is deterministic
        int slot = int(fnv1a(set.strings.view(s)) % kPaletteSize);
        if (used < kPaletteSize) {
            while (taken[slot])
                slot = (slot + 1) % kPaletteSize;
            taken[slot] = true;
            ++used;
        }
        m_slot[s.v] = slot;
    }
}

QColor ServiceColors::colorOf(StringId service) const {
    const auto it = m_slot.find(service.v);
    if (it != m_slot.end())
        return QColor::fromRgb(kPalette[it->second]);
    return m_set ? color(m_set->strings.view(service)) : QColor(Qt::gray);
}

QColor ServiceColors::childTone(const QColor &c) {
    // Blend 55 % towards white: same hue, clearly lighter.
    return QColor::fromRgbF(float(c.redF() * 0.45 + 0.55), float(c.greenF() * 0.45 + 0.55),
                            float(c.blueF() * 0.45 + 0.55));
}

int ServiceColors::paletteSize() {
    return kPaletteSize;
}

QColor ServiceColors::paletteColor(int i) {
    return QColor::fromRgb(kPalette[((i % kPaletteSize) + kPaletteSize) % kPaletteSize]);
}

} // namespace spanfire::views
