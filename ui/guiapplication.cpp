#include "ui/guiapplication.h"

#include "appinfo.h"
#include "aws/configresolver.h"
#include "aws/keychainprofiles.h"
#include "aws/s3client.h"
#include "options/exitcodes.h"
#include "options/guioptions.h"
#include "resources/resourcepaths.h"
#include "results/foldersource.h"
#include "results/s3source.h"
#include "ui/choiceresolver.h"
#include "ui/demoendpoint.h"
#include "ui/mainwindow.h"
#include "ui/resultswindow.h"

#include <QApplication>
#include <QIcon>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QSettings>
#include <QTextStream>

namespace ui {

int reportStartupError(const QString &message, int exitCode)
{
    QTextStream(stderr) << appinfo::kBinaryName << ": " << message << '\n';
    // Nobody would see a box on these platforms, and it would wait forever to be closed.
    const QString platform = QGuiApplication::platformName();
    if (platform != QLatin1String("offscreen") && platform != QLatin1String("minimal"))
        QMessageBox::critical(nullptr,
            QApplication::translate("GuiApplication", "Lookout Desk cannot start"), message);
    return exitCode;
}

namespace {

// A command line the window cannot use: the reason, and where the options are described (252).
int reportBadCommandLine(const QString &message)
{
    return reportStartupError(message + QLatin1Char('\n')
            + QApplication::translate("GuiApplication", "Run '%1 --help' for the options.")
                  .arg(QString::fromLatin1(appinfo::kBinaryName)),
        options::exitcode::kBadCommandLine);
}

// `--results DIR` or `--results s3://bucket/prefix/` (with --profile, --region and --endpoint-url
// for S3, resolved as the headless `results` command resolves them).
int runResultsWindow(const options::GuiOptions &options)
{
    const QString &named = options.resultsLocation;
    if (!results::S3Location::isS3Url(named)) {
        results::FolderSource source(named);
        ResultsWindow window(&source);
        window.show();
        window.start();
        return QApplication::exec();
    }
    QString problem;
    const std::optional<results::S3Location> location = results::S3Location::parse(named, &problem);
    if (!location)
        return reportBadCommandLine(QStringLiteral("argument --results: ") + problem);
    const std::unique_ptr<QSettings> profileSettings
        = aws::KeychainProfileStore::openDefaultSettings();
    aws::KeychainProfileStore keychain(profileSettings.get());
    const aws::ConfigResolver resolver = aws::ConfigResolver::forCurrentProcess(&keychain);
    const aws::Result<aws::ResolvedConfig> config
        = resolver.resolve(aws::s3ServiceDescription(), options.requestedConfig);
    if (!config.ok())
        return reportStartupError(config.error().toString(), config.error().exitCode());
    QNetworkAccessManager network;
    auto opened = results::S3Source::open(*location, config.value(), &network);
    if (const aws::AwsError *error = std::get_if<aws::AwsError>(&opened))
        return reportStartupError(error->toString(), error->exitCode());
    const std::unique_ptr<results::S3Source> source
        = std::move(std::get<std::unique_ptr<results::S3Source>>(opened));
    ResultsWindow window(source.get());
    window.show();
    window.start();
    return QApplication::exec();
}

} // namespace

int runGuiApplication(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QString::fromLatin1(appinfo::kApplicationName));
    QApplication::setApplicationVersion(QString::fromLatin1(appinfo::kVersion));
    QApplication::setOrganizationName(QString::fromLatin1(appinfo::kOrganizationName));
    QApplication::setOrganizationDomain(QString::fromLatin1(appinfo::kOrganizationDomain));
    QGuiApplication::setDesktopFileName(QString::fromLatin1(appinfo::kApplicationId));
    QApplication::setWindowIcon(QIcon(resources::applicationIconPath()));

    const options::Result<options::GuiOptions> parsed
        = options::parseGuiOptions(QApplication::arguments());
    if (!parsed.ok())
        return reportBadCommandLine(parsed.error().message);
    const options::GuiOptions &options = parsed.value();

    if (!options.resultsLocation.isEmpty())
        return runResultsWindow(options);

    // --demo shapes the emulator; otherwise the Demo entry starts the default one when picked.
    DemoEndpoint demo(options.demo ? options.demoEmulator : DemoEndpoint::defaultOptions());
    if (options.demo) {
        const aws::Result<aws::ResolvedConfig> started = demo.config();
        if (!started.ok())
            return reportStartupError(started.error().message, options::exitcode::kFailure);
    }

    const std::unique_ptr<QSettings> profileSettings
        = aws::KeychainProfileStore::openDefaultSettings();
    aws::KeychainProfileStore keychain(profileSettings.get());
    aws::ConfigResolver resolver = aws::ConfigResolver::forCurrentProcess(&keychain);
    ChoiceResolver choices(&resolver, &demo, options.requestedConfig);
    QNetworkAccessManager network;
    QSettings settings(QSettings::IniFormat, QSettings::UserScope,
        QString::fromLatin1(appinfo::kOrganizationName), QStringLiteral("window"));

    MainWindowSetup setup;
    setup.network = &network;
    setup.settings = &settings;
    setup.choices = &choices;
    setup.keychain = &keychain;
    setup.schedulerName = options.schedulerName;
    setup.refreshIntervalSeconds = options.refreshIntervalSeconds;
    setup.demo = options.demo;
    MainWindow window(setup);
    window.show();
    return QApplication::exec();
}

} // namespace ui
