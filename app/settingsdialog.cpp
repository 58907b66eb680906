#include "app/settingsdialog.h"

#include "app/loadjob.h"
#include "app/mainwindow.h"
#include "app/profilepanel.h"
#include "app/selectionhub.h"
#include "model/linkindex.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace spanfire::app {

SettingsDialog::SettingsDialog(const Preferences &prefs, QWidget *parent) : QDialog(parent) {
    setWindowTitle(tr("Settings"));
    auto *form = new QFormLayout;

    m_labelKeys = new QPlainTextEdit(this);
    m_labelKeys->setTabChangesFocus(true);
    m_labelKeys->setToolTip(tr("pprof label keys that hold span ids, one per line, tried in order"));
    m_labelKeys->setMaximumHeight(fontMetrics().lineSpacing() * 6);
    auto *keysLabel = new QLabel(tr("Span &label keys:"), this);
    keysLabel->setBuddy(m_labelKeys);
    form->addRow(keysLabel, m_labelKeys);

    m_debugDirs = new QListWidget(this);
    m_debugDirs->setToolTip(tr("Folders searched for debug information when symbolizing profiles"));
    m_debugDirs->setMaximumHeight(fontMetrics().lineSpacing() * 6);
    auto *addDir = new QPushButton(tr("&Add..."), this);
    auto *removeDir = new QPushButton(tr("Re&move"), this);
    connect(addDir, &QPushButton::clicked, this, &SettingsDialog::addDebugDir);
    connect(removeDir, &QPushButton::clicked, this, &SettingsDialog::removeDebugDir);
    auto *dirButtons = new QVBoxLayout;
    dirButtons->addWidget(addDir);
    dirButtons->addWidget(removeDir);
    dirButtons->addStretch(1);
    auto *dirs = new QHBoxLayout;
    dirs->addWidget(m_debugDirs, 1);
    dirs->addLayout(dirButtons);
    auto *dirsLabel = new QLabel(tr("&Debug folders:"), this);
    dirsLabel->setBuddy(m_debugDirs);
    form->addRow(dirsLabel, dirs);

    m_scheme = new QComboBox(this);
    m_scheme->addItem(tr("Follow the system"), int(ColorScheme::System));
    m_scheme->addItem(tr("Light"), int(ColorScheme::Light));
    m_scheme->addItem(tr("Dark"), int(ColorScheme::Dark));
    auto *schemeLabel = new QLabel(tr("&Colour scheme:"), this);
    schemeLabel->setBuddy(m_scheme);
    form->addRow(schemeLabel, m_scheme);

    m_language = new QComboBox(this);
    for (const QString &name : availableLanguages()) {
        if (name.isEmpty()) {
            m_language->addItem(tr("Follow the system"), name);
            continue;
        }
        const QLocale locale(name);
        QString native = locale.nativeLanguageName();
        if (!native.isEmpty())
            native[0] = native[0].toUpper();
        m_language->addItem(native.isEmpty() ? name : native, name);
    }
    auto *languageLabel = new QLabel(tr("L&anguage:"), this);
    languageLabel->setBuddy(m_language);
    form->addRow(languageLabel, m_language);
    form->addRow(QString(), new QLabel(tr("A new language takes effect when Spanfire is started again."), this));

    m_sampleType = new QComboBox(this);
    m_sampleType->setEditable(true);
    m_sampleType->setInsertPolicy(QComboBox::NoInsert);
    m_sampleType->setToolTip(tr("Sample type shown first when a profile has it, e.g. cpu or alloc_space; empty = the "
                                "profile's own default"));
    for (const char *type : {"", "cpu", "samples", "wall", "alloc_space", "alloc_objects", "inuse_space",
                             "inuse_objects", "contentions", "delay"})
        m_sampleType->addItem(QString::fromLatin1(type));
    auto *typeLabel = new QLabel(tr("Default &sample type:"), this);
    typeLabel->setBuddy(m_sampleType);
    form->addRow(typeLabel, m_sampleType);

    auto *buttons =
        new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel | QDialogButtonBox::RestoreDefaults, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(buttons->button(QDialogButtonBox::RestoreDefaults), &QPushButton::clicked, this,
            &SettingsDialog::restoreDefaults);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);
    setPreferences(prefs);
}

Preferences SettingsDialog::preferences() const {
    Preferences p;
    QStringList keys;
    for (const QString &line : m_labelKeys->toPlainText().split(QLatin1Char('\n'))) {
        if (!line.trimmed().isEmpty())
            keys << line.trimmed();
    }
    p.labelKeys = keys.isEmpty() ? Preferences::defaultLabelKeys() : keys;
    for (int i = 0; i < m_debugDirs->count(); ++i)
        p.debugDirs << m_debugDirs->item(i)->text();
    p.colorScheme = ColorScheme(m_scheme->currentData().toInt());
    p.language = m_language->currentData().toString();
    p.defaultSampleType = m_sampleType->currentText().trimmed();
    return p;
}

void SettingsDialog::setPreferences(const Preferences &prefs) {
    m_labelKeys->setPlainText(prefs.labelKeys.join(QLatin1Char('\n')));
    m_debugDirs->clear();
    m_debugDirs->addItems(prefs.debugDirs);
    m_scheme->setCurrentIndex(qMax(0, m_scheme->findData(int(prefs.colorScheme))));
    m_language->setCurrentIndex(qMax(0, m_language->findData(prefs.language)));
    m_sampleType->setCurrentText(prefs.defaultSampleType);
}

void SettingsDialog::addDebugDir() {
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Debug Folder"));
    if (!dir.isEmpty() && m_debugDirs->findItems(dir, Qt::MatchExactly).isEmpty())
        m_debugDirs->addItem(dir);
}

void SettingsDialog::removeDebugDir() {
    delete m_debugDirs->takeItem(m_debugDirs->currentRow());
}

void SettingsDialog::restoreDefaults() {
    setPreferences(Preferences());
}

bool SettingsDialog::edit(MainWindow *window) {
    SettingsDialog dialog(Preferences::load(), window);
    if (dialog.exec() != QDialog::Accepted)
        return false;
    const Preferences prefs = dialog.preferences();
    prefs.save();
    applyPreferences(window, prefs);
    return true;
}

void applyPreferences(MainWindow *window, const Preferences &prefs) {
    if (prefs.colorScheme != currentTheme())
        applyTheme(prefs.colorScheme);
    applyWindowPreferences(window, prefs);
}

void applyWindowPreferences(MainWindow *window, const Preferences &prefs) {
    if (!window)
        return;
    LinkOptions options;
    options.labelKeys.clear();
    for (const QString &key : prefs.labelKeys)
        options.labelKeys.push_back(key.toStdString());
    window->selectionHub()->setLinkOptions(options);
    window->loadJob()->setDebugDirs(prefs.debugDirs);
    applyDefaultSampleType(window->profilePanel()->profileView(), prefs.defaultSampleType);
}

} // namespace spanfire::app
