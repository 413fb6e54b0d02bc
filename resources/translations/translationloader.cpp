#include "resources/translations/translationloader.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QLoggingCategory>
#include <QTranslator>

#include <memory>

Q_LOGGING_CATEGORY(lcTranslations, "lookoutdesk.translations", QtWarningMsg)

namespace resources {

namespace {

const QString kCatalogue = QStringLiteral("lookout-desk");
const QString kQtCatalogue = QStringLiteral("qtbase");

bool isSourceLanguage(const QLocale &locale)
{
    return locale.language() == QLocale::English || locale.language() == QLocale::C;
}

} // namespace

QString translationsResourceDir()
{
    return QStringLiteral(":/i18n");
}

InstalledTranslations installTranslations(
    QCoreApplication *application, const QStringList &uiLanguages, const QString &qtTranslationsDir)
{
    InstalledTranslations installed;
    for (const QString &name : uiLanguages) {
        const QLocale preferred(name);
        if (isSourceLanguage(preferred))
            return installed;
        // A stack translator's load() tries lookout-desk_de_AT, then lookout-desk_de, and so on.
        auto ours = std::make_unique<QTranslator>(application);
        if (!ours->load(preferred, kCatalogue, QStringLiteral("_"), translationsResourceDir()))
            continue;
        installed.language = ours->language();
        installed.applicationLoaded = QCoreApplication::installTranslator(ours.release());

        auto qt = std::make_unique<QTranslator>(application);
        if (qt->load(preferred, kQtCatalogue, QStringLiteral("_"), qtTranslationsDir)) {
            installed.qtLoaded = QCoreApplication::installTranslator(qt.release());
        } else {
            qCInfo(lcTranslations) << "No Qt translation for" << preferred.name() << "in"
                                   << qtTranslationsDir << "; standard buttons stay in English";
        }
        return installed;
    }
    return installed;
}

InstalledTranslations installSystemTranslations(QCoreApplication *application)
{
    return installTranslations(application, QLocale::system().uiLanguages(),
        QLibraryInfo::path(QLibraryInfo::TranslationsPath));
}

} // namespace resources
