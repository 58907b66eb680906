#pragma once
// Translations: installs the Spanfire translation (embedded :/i18n/*.qm) and
// Qt's own (qtbase_*.qm from the Qt installation) for a locale, by default the
// system's. GUI thread, after the QApplication exists.

#include <QLocale>

namespace spanfire::app {

// Returns true when a Spanfire translation for the locale was found.
bool installTranslations(const QLocale &locale = QLocale());

} // namespace spanfire::app
