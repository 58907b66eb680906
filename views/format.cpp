#include "views/format.h"

#include <array>
#include <cmath>
#include <cstdlib>

namespace spanfire::views {

namespace {

bool equalsIgnoreCase(std::string_view a, std::string_view b) {
    if (a.size() != b.size())
        return false;
    for (size_t i = 0; i < a.size(); ++i) {
        const char x = (a[i] >= 'A' && a[i] <= 'Z') ? char(a[i] - 'A' + 'a') : a[i];
        if (x != b[i])
            return false;
    }
    return true;
}

QString scaled(double v, const QString &suffix) {
    // Three significant digits: 1.23, 12.3, 123.
    const double a = std::fabs(v);
    const int decimals = a < 10 ? 2 : (a < 100 ? 1 : 0);
    return QString::number(v, 'f', decimals) + QLatin1Char(' ') + suffix;
}

QString formatDuration(double ns) {
    const double a = std::fabs(ns);
    if (a < 1000)
        return QString::number(static_cast<int64_t>(ns)) + QLatin1String(" ns");
    if (a < 1e6)
        return scaled(ns / 1e3, QStringLiteral("\u00B5s"));
    if (a < 1e9)
        return scaled(ns / 1e6, QStringLiteral("ms"));
    if (a < 60e9)
        return scaled(ns / 1e9, QStringLiteral("s"));
    if (a < 3600e9)
        return scaled(ns / 60e9, QStringLiteral("min"));
    return scaled(ns / 3600e9, QStringLiteral("h"));
}

} // namespace

ValueUnit unitFromString(std::string_view u) {
    if (equalsIgnoreCase(u, "nanoseconds") || equalsIgnoreCase(u, "nanosecond") || equalsIgnoreCase(u, "ns"))
        return ValueUnit::Nanoseconds;
    if (equalsIgnoreCase(u, "microseconds") || equalsIgnoreCase(u, "microsecond") || equalsIgnoreCase(u, "us"))
        return ValueUnit::Microseconds;
    if (equalsIgnoreCase(u, "milliseconds") || equalsIgnoreCase(u, "millisecond") || equalsIgnoreCase(u, "ms"))
        return ValueUnit::Milliseconds;
    if (equalsIgnoreCase(u, "seconds") || equalsIgnoreCase(u, "second") || equalsIgnoreCase(u, "s"))
        return ValueUnit::Seconds;
    if (equalsIgnoreCase(u, "bytes") || equalsIgnoreCase(u, "byte") || equalsIgnoreCase(u, "b"))
        return ValueUnit::Bytes;
    return ValueUnit::Count;
}

QString formatValue(int64_t value, ValueUnit unit) {
    const double v = static_cast<double>(value);
    switch (unit) {
    case ValueUnit::Nanoseconds:
        return formatDuration(v);
    case ValueUnit::Microseconds:
        return formatDuration(v * 1e3);
    case ValueUnit::Milliseconds:
        return formatDuration(v * 1e6);
    case ValueUnit::Seconds:
        return formatDuration(v * 1e9);
    case ValueUnit::Bytes: {
        const double a = std::fabs(v);
        if (a < 1024)
            return QString::number(value) + QLatin1String(" B");
        static constexpr std::array<const char *, 5> kSuffix = {"KiB", "MiB", "GiB", "TiB", "PiB"};
        double s = v / 1024;
        size_t k = 0;
        while (std::fabs(s) >= 1024 && k + 1 < kSuffix.size()) {
            s /= 1024;
            ++k;
        }
        return scaled(s, QLatin1String(kSuffix[k]));
    }
    case ValueUnit::Count:
        break;
    }
    const double a = std::fabs(v);
    if (a < 1000)
        return QString::number(value);
    if (a < 1e6)
        return scaled(v / 1e3, QStringLiteral("k"));
    if (a < 1e9)
        return scaled(v / 1e6, QStringLiteral("M"));
    return scaled(v / 1e9, QStringLiteral("G"));
}

QString formatPercent(int64_t part, int64_t whole) {
    if (whole == 0)
        return QStringLiteral("0 %");
    const double p = 100.0 * static_cast<double>(part) / static_cast<double>(whole);
    const double a = std::fabs(p);
    const int decimals = a == 0 ? 0 : (a < 0.1 ? 3 : (a < 10 ? 2 : 1));
    return QString::number(p, 'f', decimals) + QLatin1String(" %");
}

QString formatExact(int64_t value) {
    QString digits = QString::number(value < 0 ? -static_cast<uint64_t>(value) : static_cast<uint64_t>(value));
    QString out;
    const int n = digits.size();
    for (int i = 0; i < n; ++i) {
        if (i > 0 && (n - i) % 3 == 0)
            out += QChar(0x202F); // narrow no-break space
        out += digits[i];
    }
    return value < 0 ? QLatin1Char('-') + out : out;
}

} // namespace spanfire::views
