#pragma once
// SettingsDialog: edits Preferences (span label keys, debug folders, colour
// scheme, language, default sample type). The dialog only edits a copy:
// accept() stores it in QSettings; applyPreferences() pushes it into a
// running window (theme, SelectionHub link options, LoadJob debug folders,
// the profile view's sample type). The language takes effect at the next
// start. GUI thread only.

#include "app/preferences.h"

#include <QDialog>

class QComboBox;
class QListWidget;
class QPlainTextEdit;

namespace spanfire::app {

class MainWindow;

class SettingsDialog : public QDialog {
    Q_OBJECT
public:
    explicit SettingsDialog(const Preferences &prefs, QWidget *parent = nullptr);

    Preferences preferences() const;
    void setPreferences(const Preferences &prefs);

    QPlainTextEdit *labelKeysEdit() const { return m_labelKeys; }
    QListWidget *debugDirsList() const { return m_debugDirs; }
    QComboBox *colorSchemeChooser() const { return m_scheme; }
    QComboBox *languageChooser() const { return m_language; }
    QComboBox *sampleTypeChooser() const { return m_sampleType; }

    // Shows the dialog for `window`; on OK saves and applies. Returns whether accepted.
    static bool edit(MainWindow *window);

private:
    void addDebugDir();
    void removeDebugDir();
    void restoreDefaults();

    QPlainTextEdit *m_labelKeys = nullptr;
    QListWidget *m_debugDirs = nullptr;
    QComboBox *m_scheme = nullptr;
    QComboBox *m_language = nullptr;
    QComboBox *m_sampleType = nullptr;
};

// Applies the preferences to a running window (everything but the language).
void applyPreferences(MainWindow *window, const Preferences &prefs);
// The per-window part (link options, debug folders, sample type), without the
// application-wide theme (main() applies that once at start).
void applyWindowPreferences(MainWindow *window, const Preferences &prefs);

} // namespace spanfire::app
