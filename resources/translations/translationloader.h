#pragma once

#include <QString>
#include <QStringList>

class QCoreApplication;

// Chooses and installs the interface language. Lookout Desk's own catalogues are compiled into
// the binary under :/i18n (lookout-desk_<lang>.qm), so the window finds them wherever it runs
// from: the build tree, /usr, /app in a Flatpak. Qt's own texts (standard buttons, context
// menus of line edits) come from qtbase_<lang>.qm in Qt's translations directory.
namespace resources {

struct InstalledTranslations {
    QString language; // the catalogue chosen, e.g. "de"; empty: the English source texts
    bool applicationLoaded = false;
    bool qtLoaded = false; // false too when Qt's catalogue is not installed
};

// The resource directory of the compiled catalogues.
QString translationsResourceDir();

// Walks `uiLanguages` ("de-AT", "fr", as QLocale::uiLanguages() spells them) in the user's
// order of preference and stops at the first language Lookout Desk has a catalogue for, or at
// English (the source language): LANGUAGE=en:de means English. Installs that catalogue and Qt's
// for the same language on `application`, which owns the translators. `qtTranslationsDir` is
// where qtbase_<lang>.qm lives (tests pass their own).
InstalledTranslations installTranslations(QCoreApplication *application,
    const QStringList &uiLanguages, const QString &qtTranslationsDir);

// installTranslations() for QLocale::system().uiLanguages() (LANGUAGE, then LC_ALL, LC_MESSAGES,
// LANG) and Qt's translations directory (QLibraryInfo::TranslationsPath).
InstalledTranslations installSystemTranslations(QCoreApplication *application);

} // namespace resources
