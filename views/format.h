#pragma once
// Value formatting for profile views: turns raw sample values into short
// human-readable strings with units (ns -> µs/ms/s, bytes -> KiB/MiB/GiB,
// counts with k/M suffixes) and percentages. Pure functions, any thread.

#include <QString>

#include <cstdint>
#include <string_view>

namespace spanfire::views {

enum class ValueUnit { Count, Nanoseconds, Microseconds, Milliseconds, Seconds, Bytes };

// Maps a pprof unit string ("nanoseconds", "bytes", "count", "ms", ...) to a unit.
ValueUnit unitFromString(std::string_view unit);

// "1.23 ms", "45.6 MiB", "12.3 k". Exact integers below 1000 (or 1 KiB) are shown as is.
QString formatValue(int64_t value, ValueUnit unit);
// "12.3 %"; a zero denominator gives "0 %".
QString formatPercent(int64_t part, int64_t whole);
// Full precision with thousands separators, for tooltips: "1 234 567".
QString formatExact(int64_t value);

} // namespace spanfire::views
