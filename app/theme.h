#pragma once
// Theme: the application's colour scheme. System follows the platform's
// palette (Qt 6.4 has no colour-scheme hint, so "dark" is read off the
// platform palette's window colour); Light and Dark force Spanfire's own
// palettes on the Fusion style so they look the same on every desktop.
// applyTheme() sets QApplication's palette (and style when forced), so every
// widget repaints; views read colours from their palette. GUI thread only.

#include <QPalette>
#include <QString>

namespace spanfire::app {

enum class ColorScheme { System, Light, Dark };

QString colorSchemeKey(ColorScheme scheme); // "system" / "light" / "dark" (QSettings values)
ColorScheme colorSchemeFromKey(const QString &key);

QPalette lightPalette();
QPalette darkPalette();
// True when `palette` has a dark window background.
bool isDarkPalette(const QPalette &palette);

// Applies the scheme to the running QApplication. System restores the
// palette and style the application started with.
void applyTheme(ColorScheme scheme);
ColorScheme currentTheme();

} // namespace spanfire::app
