// The interface language: the user's order of preference decides, English (the source language)
// ends the search, regional variants fall back to the language, Qt's own catalogue comes along
// from the directory given, and a missing one leaves only Qt's texts in English.
#include "resources/translations/translationloader.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTemporaryDir>
#include <QTranslator>
#include <QtTest>

using resources::InstalledTranslations;
using resources::installTranslations;

class TestTranslationLoader : public QObject {
    Q_OBJECT

private slots:
    void cleanup();

    void german_installsOursAndQts();
    void germanVariant_fallsBackToGerman();
    void preferenceOrder_firstKnownLanguageWins();
    void englishFirst_staysEnglish();
    void unknownOrEmpty_staysEnglish();
    void noQtCatalogue_stillInstallsOurs();
    void catalogueIsCompiledIn();

private:
    static QString qtDir() { return QLibraryInfo::path(QLibraryInfo::TranslationsPath); }
    static QString menuText() { return QCoreApplication::translate("ui::MainWindow", "&File"); }
    static QString qtText() { return QCoreApplication::translate("QPlatformTheme", "Close"); }
};

void TestTranslationLoader::cleanup()
{
    // Deleting a translator removes it from the application.
    qDeleteAll(QCoreApplication::instance()->findChildren<QTranslator *>());
    QCOMPARE(menuText(), QStringLiteral("&File"));
}

void TestTranslationLoader::german_installsOursAndQts()
{
    const InstalledTranslations installed
        = installTranslations(QCoreApplication::instance(), { QStringLiteral("de-DE") }, qtDir());
    QCOMPARE(installed.language, QStringLiteral("de"));
    QVERIFY(installed.applicationLoaded);
    QVERIFY2(installed.qtLoaded,
        qPrintable(
            QStringLiteral("no qtbase_de.qm in %1 (Debian: qt6-translations-l10n)").arg(qtDir())));
    QCOMPARE(menuText(), QStringLiteral("&Datei"));
    QCOMPARE(qtText(), QStringLiteral("Schließen"));
}

void TestTranslationLoader::germanVariant_fallsBackToGerman()
{
    for (const char *variant : { "de-AT", "de-CH", "de" }) {
        const InstalledTranslations installed = installTranslations(
            QCoreApplication::instance(), { QString::fromLatin1(variant) }, qtDir());
        QVERIFY2(installed.applicationLoaded, variant);
        QCOMPARE(menuText(), QStringLiteral("&Datei"));
        cleanup();
    }
}

void TestTranslationLoader::preferenceOrder_firstKnownLanguageWins()
{
    // LANGUAGE=fr:de with no French catalogue: German, not English.
    const InstalledTranslations installed = installTranslations(QCoreApplication::instance(),
        { QStringLiteral("fr-FR"), QStringLiteral("fr"), QStringLiteral("de") }, qtDir());
    QCOMPARE(installed.language, QStringLiteral("de"));
    QCOMPARE(menuText(), QStringLiteral("&Datei"));
}

void TestTranslationLoader::englishFirst_staysEnglish()
{
    // LANGUAGE=en_GB:de: the user reads English first, so no German even though it exists.
    const InstalledTranslations installed = installTranslations(QCoreApplication::instance(),
        { QStringLiteral("en-GB"), QStringLiteral("de-DE") }, qtDir());
    QVERIFY(installed.language.isEmpty());
    QVERIFY(!installed.applicationLoaded);
    QVERIFY(!installed.qtLoaded);
    QCOMPARE(menuText(), QStringLiteral("&File"));
    QVERIFY(QCoreApplication::instance()->findChildren<QTranslator *>().isEmpty());
}

void TestTranslationLoader::unknownOrEmpty_staysEnglish()
{
    for (const QStringList &languages : { QStringList { QStringLiteral("ja-JP") },
             QStringList { QStringLiteral("C") }, QStringList {}, QStringList { QString() } }) {
        const InstalledTranslations installed
            = installTranslations(QCoreApplication::instance(), languages, qtDir());
        QVERIFY2(!installed.applicationLoaded, qPrintable(languages.join(QLatin1Char(':'))));
        QCOMPARE(menuText(), QStringLiteral("&File"));
        QVERIFY(QCoreApplication::instance()->findChildren<QTranslator *>().isEmpty());
    }
}

void TestTranslationLoader::noQtCatalogue_stillInstallsOurs()
{
    QTemporaryDir empty;
    QVERIFY(empty.isValid());
    const InstalledTranslations installed = installTranslations(
        QCoreApplication::instance(), { QStringLiteral("de-DE") }, empty.path());
    QVERIFY(installed.applicationLoaded);
    QVERIFY(!installed.qtLoaded);
    QCOMPARE(menuText(), QStringLiteral("&Datei"));
    QCOMPARE(qtText(), QStringLiteral("Close"));
}

void TestTranslationLoader::catalogueIsCompiledIn()
{
    QVERIFY(QFileInfo(resources::translationsResourceDir() + QStringLiteral("/lookout-desk_de.qm"))
                .size()
        > 0);
}

QTEST_GUILESS_MAIN(TestTranslationLoader)
#include "tst_translationloader.moc"
