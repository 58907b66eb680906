#include "app/preferences.h"

#include "model/linkindex.h"
#include "model/profile.h"
#include "views/profilestate.h"
#include "views/profileview.h"

#include <QComboBox>
#include <QSettings>

namespace spanfire::app {

namespace {
const QString kLabelKeys = QStringLiteral("preferences/labelKeys");
const QString kDebugDirs = QStringLiteral("preferences/debugDirs");
const QString kColorScheme = QStringLiteral("preferences/colorScheme");
const QString kLanguage = QStringLiteral("preferences/language");
const QString kSampleType = QStringLiteral("preferences/defaultSampleType");

QStringList cleaned(QStringList list) {
    for (QString &s : list)
        s = s.trimmed();
    list.removeAll(QString());
    list.removeDuplicates();
    return list;
}
} // namespace

QStringList Preferences::defaultLabelKeys() {
    QStringList keys;
    for (const std::string &k : LinkOptions().labelKeys)
        keys << QString::fromStdString(k);
    return keys;
}

Preferences Preferences::load() {
    QSettings s;
    Preferences p;
    const QStringList keys = cleaned(s.value(kLabelKeys).toStringList());
    if (!keys.isEmpty())
        p.labelKeys = keys;
    p.debugDirs = cleaned(s.value(kDebugDirs).toStringList());
    p.colorScheme = colorSchemeFromKey(s.value(kColorScheme).toString());
    p.language = s.value(kLanguage).toString();
    p.defaultSampleType = s.value(kSampleType).toString().trimmed();
    return p;
}

void Preferences::save() const {
    QSettings s;
    s.setValue(kLabelKeys, cleaned(labelKeys));
    s.setValue(kDebugDirs, cleaned(debugDirs));
    s.setValue(kColorScheme, colorSchemeKey(colorScheme));
    s.setValue(kLanguage, language);
    s.setValue(kSampleType, defaultSampleType.trimmed());
}

bool Preferences::operator==(const Preferences &o) const {
    return labelKeys == o.labelKeys && debugDirs == o.debugDirs && colorScheme == o.colorScheme &&
           language == o.language && defaultSampleType == o.defaultSampleType;
}

QStringList availableLanguages() {
    return {QString(), QStringLiteral("en"), QStringLiteral("de"), QStringLiteral("ja"), QStringLiteral("zh_CN")};
}

bool applyDefaultSampleType(views::ProfileView *view, const QString &name) {
    if (!view || name.isEmpty() || !view->profile())
        return false;
    const Profile &p = *view->profile();
    const std::string wanted = name.toStdString();
    for (size_t i = 0; i < p.sampleTypes.size(); ++i) {
        if (p.sampleTypeName(i) != wanted && p.strings.view(p.sampleTypes[i].type) != wanted)
            continue;
        // The view's sample-type chooser lists "type/unit" per column; choosing
        // there keeps chooser and state in step (it forwards to the state).
        const QString text = QString::fromStdString(p.sampleTypeName(i));
        for (QComboBox *combo : view->findChildren<QComboBox *>()) {
            if (combo->count() == int(p.sampleTypes.size()) && combo->itemText(int(i)) == text &&
                combo->itemData(int(i)).toInt() == int(i)) {
                combo->setCurrentIndex(int(i));
                return view->state()->sampleType() == int(i);
            }
        }
        view->state()->setSampleType(int(i));
        return true;
    }
    return false;
}

} // namespace spanfire::app
