#include "views/flamecolors.h"

#include <algorithm>
#include <cmath>

namespace spanfire::views::FlameColors {

namespace {

std::string_view basename(std::string_view path) {
    const size_t slash = path.find_last_of("/\\");
    return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

// Three independent values in [0, 1) from one hash.
void split(uint32_t h, double &a, double &b, double &c) {
    uint32_t x = h * 0x9E3779B1u;
    a = double((x >> 8) & 0xFF) / 256.0;
    x = (x ^ (x >> 15)) * 0x85EBCA77u;
    b = double((x >> 8) & 0xFF) / 256.0;
    x = (x ^ (x >> 13)) * 0xC2B2AE3Du;
    c = double((x >> 8) & 0xFF) / 256.0;
}

int clamp255(double v) {
    return v < 0 ? 0 : (v > 255 ? 255 : int(v));
}

} // namespace

std::string_view packageOf(std::string_view name, std::string_view module) {
    if (name.empty())
        return basename(module);
    // Unsymbolized "libfoo.so+0x1234": colour by module.
    const size_t plus = name.find("+0x");
    if (plus != std::string_view::npos && plus > 0)
        return basename(name.substr(0, plus));
    // C++ / Rust: top-level namespace, ignoring a leading "::" or return type.
    size_t paren = name.find('(');
    std::string_view head = paren == std::string_view::npos ? name : name.substr(0, paren);
    const size_t space = head.rfind(' ');
    if (space != std::string_view::npos && head.find('<') == std::string_view::npos)
        head = head.substr(space + 1); // "void foo::bar" -> "foo::bar"
    const size_t colons = head.find("::");
    if (colons != std::string_view::npos && colons > 0)
        return head.substr(0, colons);
    // Go: "net/http.(*conn).serve" -> "net/http"; "main.work" -> "main".
    const size_t lastSlash = head.rfind('/');
    const size_t dot = head.find('.', lastSlash == std::string_view::npos ? 0 : lastSlash + 1);
    if (dot != std::string_view::npos && dot > 0)
        return head.substr(0, dot);
    // Bare C names: the module when known, else the name itself.
    if (!module.empty())
        return basename(module);
    return head;
}

uint32_t stableHash(std::string_view s) {
    uint32_t h = 2166136261u;
    for (unsigned char c : s) {
        h ^= c;
        h *= 16777619u;
    }
    return h;
}

QRgb baseColor(uint32_t h) {
    double a, b, c;
    split(h, a, b, c);
    // Close to flamegraph.pl's "hot" palette (r 205..255, g 0..230, b 0..55), but with the darkest reds
    // lifted so that black text stays readable on every box.
    return qRgb(215 + int(40 * c), 75 + int(150 * a), 20 + int(50 * b));
}

QRgb frameColor(uint32_t packageHash, uint32_t nameHash) {
    const QRgb c = baseColor(packageHash);
    double a, b, d;
    split(nameHash, a, b, d);
    // +-12 on red and green: same family, visibly different neighbours.
    return qRgb(clamp255(qRed(c) + (a - 0.5) * 24), clamp255(qGreen(c) + (b - 0.5) * 36), qBlue(c));
}

QRgb matchColor(uint32_t h) {
    double a, b, c;
    split(h, a, b, c);
    return qRgb(200 + int(40 * a), int(30 * b), 200 + int(40 * c));
}

QRgb selectedColor(uint32_t h) {
    double a, b, c;
    split(h, a, b, c);
    return qRgb(40 + int(40 * a), 120 + int(50 * b), 220 + int(35 * c));
}

QRgb diffColor(double delta, double scale) {
    const double t = scale > 0 && std::isfinite(delta) ? std::sqrt(std::min(1.0, std::fabs(delta) / scale)) : 0.0;
    const QRgb neutral = qRgb(222, 220, 216);
    const QRgb end = delta > 0 ? qRgb(222, 45, 38) : qRgb(49, 110, 214);
    auto mix = [t](int a, int b) { return clamp255(a + (b - a) * t); };
    return qRgb(mix(qRed(neutral), qRed(end)), mix(qGreen(neutral), qGreen(end)), mix(qBlue(neutral), qBlue(end)));
}

QRgb focusOutline() {
    return qRgb(20, 20, 20);
}
QRgb mergedColor() {
    return qRgb(190, 180, 170);
}
QRgb rootColor() {
    return qRgb(230, 200, 160);
}

QRgb dimmed(QRgb c) {
    // Mix 75 % towards a light grey, keeping a hint of the hue.
    const double k = 0.25;
    return qRgb(clamp255(qRed(c) * k + 228 * (1 - k)), clamp255(qGreen(c) * k + 226 * (1 - k)),
                clamp255(qBlue(c) * k + 222 * (1 - k)));
}

QRgb textColorFor(QRgb bg) {
    const double lum = 0.299 * qRed(bg) + 0.587 * qGreen(bg) + 0.114 * qBlue(bg);
    return lum < 100 ? qRgb(255, 255, 255) : qRgb(0, 0, 0);
}

} // namespace spanfire::views::FlameColors
