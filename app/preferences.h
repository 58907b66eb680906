#pragma once
// Preferences: what the Settings dialog configures, persisted in QSettings
// (group "preferences") and applied to the running window:
//  * labelKeys  - pprof label keys that carry span ids, tried in order
//                 (SelectionHub builds its LinkIndex with them);
//  * debugDirs  - folders searched for debug info when symbolizing on import
//                 (LoadJob passes them as ImportOptions::debugDirs);
//  * colorScheme - System / Light / Dark (applyTheme);
//  * language   - "" = follow the system locale, else a locale name such as
//                 "de" (takes effect at the next start: widgets are built
//                 translated once);
//  * defaultSampleType - sample type name shown first when a profile has it
//                 (e.g. "alloc_space"); "" = the profile's own default.
// Empty/absent values read back as the defaults. GUI thread only.

#include "app/theme.h"

#include <QString>
#include <QStringList>

#include <memory>

namespace spanfire {
class Profile;
namespace views {
class ProfileView;
}
} // namespace spanfire

namespace spanfire::app {

struct Preferences {
    QStringList labelKeys = defaultLabelKeys();
    QStringList debugDirs;
    ColorScheme colorScheme = ColorScheme::System;
    QString language;
    QString defaultSampleType;

    static QStringList defaultLabelKeys(); // model::LinkOptions' defaults
    static Preferences load();
    void save() const;
    bool operator==(const Preferences &o) const;
    bool operator!=(const Preferences &o) const { return !(*this == o); }
};

// Languages Spanfire ships (locale names, "" = system) for the dialog.
QStringList availableLanguages();
// Selects `name` as the sample type of the view's current profile when the
// profile has a sample type of that name; returns whether it did.
bool applyDefaultSampleType(views::ProfileView *view, const QString &name);

} // namespace spanfire::app
