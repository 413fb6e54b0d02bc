#include "ui/guiapplication.h"

#include "appinfo.h"
#include "aws/configresolver.h"
#include "aws/keychainprofiles.h"
#include "core/interruptwatcher.h"
#include "options/exitcodes.h"
#include "options/guioptions.h"
#include "resources/resourcepaths.h"
#include "results/foldersource.h"
#include "results/objectcache.h"
#include "results/s3source.h"
#include "ui/choiceresolver.h"
#include "ui/demoendpoint.h"
#include "ui/idlecursorhider.h"
#include "ui/mainwindow.h"
#include "ui/platformstartguard.h"
#include "ui/resultswindow.h"
#include "ui/s3resultswindow.h"
#include "ui/screensaverinhibitor.h"
#include "ui/theme.h"
#include "ui/windowlogging.h"

#include <QApplication>
#include <QIcon>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QSettings>
#include <QTextStream>

#include <optional>

namespace ui {

namespace {

QString commandLineProblemText(const QString &message)
{
    return message + QLatin1Char('\n')
        + QApplication::translate("GuiApplication", "Run '%1 --help' for the options.")
              .arg(QString::fromLatin1(appinfo::kBinaryName));
}

// The platform Qt was asked for: -platform (or --platform) NAME, else QT_QPA_PLATFORM.
QString requestedPlatform(const QStringList &arguments)
{
    for (qsizetype i = 1; i + 1 < arguments.size(); ++i) {
        if (arguments.at(i) == QLatin1String("-platform")
            || arguments.at(i) == QLatin1String("--platform"))
            return arguments.at(i + 1);
    }
    return qEnvironmentVariable("QT_QPA_PLATFORM");
}

// Runs when Qt's platform could not start, before any translation is loaded (so in English, as
// the commands speak): a refused command line is still a refused command line (252); otherwise
// one sentence says what is missing and that the commands need none of it (255).
int reportNoWindow(const QStringList &arguments)
{
    const options::Result<options::GuiOptions> parsed = options::parseGuiOptions(arguments);
    QTextStream err(stderr);
    if (!parsed.ok()) {
        err << appinfo::kBinaryName << ": " << commandLineProblemText(parsed.error().message)
            << '\n';
        return options::exitcode::kBadCommandLine;
    }
    err << appinfo::kBinaryName << ": cannot open the window: "
        << missingDisplayText(requestedPlatform(arguments), qEnvironmentVariable("DISPLAY"),
               qEnvironmentVariable("WAYLAND_DISPLAY"))
        << ". The commands work without a display, for example '" << appinfo::kBinaryName
        << " list'; see '" << appinfo::kBinaryName << " --help'.\n";
    return options::exitcode::kFailure;
}

} // namespace

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
    return reportStartupError(commandLineProblemText(message), options::exitcode::kBadCommandLine);
}

// Ctrl+C, SIGTERM and SIGHUP (a session's end, `kill`, a closed terminal) close every window as
// Quit would: the windows are then destroyed in order, which ends what they started (a
// credential_process and its children). Connected before any window starts work, so a signal that
// arrives while the window is still being built waits for the event loop instead of killing the
// process.
void closeWindowsOnTermination(const core::InterruptWatcher &terminationSignals)
{
    QObject::connect(&terminationSignals, &core::InterruptWatcher::interrupted,
        QCoreApplication::instance(), [] {
            QApplication::closeAllWindows();
            QApplication::quit();
        });
}

// Runs the event loop until the last window closes or a termination signal closes them; the exit
// status after a signal is 128 + its number, as for the headless commands.
int runEventLoop(const core::InterruptWatcher &terminationSignals)
{
    const int exitCode = QApplication::exec();
    return terminationSignals.wasInterrupted() ? terminationSignals.exitCode() : exitCode;
}

// `--results DIR` or `--results s3://bucket/prefix/` (with --profile, --region and --endpoint-url
// for S3, resolved as the headless `results` command resolves them).
int runResultsWindow(
    const options::GuiOptions &options, const core::InterruptWatcher &terminationSignals)
{
    const QString &named = options.resultsLocation;
    if (!results::S3Location::isS3Url(named)) {
        results::FolderSource source(named);
        ResultsWindow window(&source);
        window.show();
        window.start();
        return runEventLoop(terminationSignals);
    }
    QString problem;
    const std::optional<results::S3Location> location = results::S3Location::parse(named, &problem);
    if (!location)
        return reportBadCommandLine(QStringLiteral("argument --results: ") + problem);
    const std::unique_ptr<QSettings> profileSettings
        = aws::KeychainProfileStore::openDefaultSettings();
    aws::KeychainProfileStore keychain(profileSettings.get());
    aws::ConfigResolver resolver = aws::ConfigResolver::forCurrentProcess(&keychain);
    QNetworkAccessManager network;
    results::ObjectCache cache(results::ObjectCache::defaultDirectory());
    S3ResultsWindow::Opened opened
        = S3ResultsWindow::open(*location, &resolver, options.requestedConfig, &network, &cache);
    if (const aws::AwsError *error = std::get_if<aws::AwsError>(&opened))
        return reportStartupError(error->toString(), error->exitCode());
    ResultsWindow *window = std::get<std::unique_ptr<S3ResultsWindow>>(opened)->window();
    window->show();
    window->start();
    return runEventLoop(terminationSignals);
}

} // namespace

int runGuiApplication(int argc, char *argv[])
{
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));
    std::optional<PlatformStartGuard> platformGuard(
        std::in_place, [&arguments] { return reportNoWindow(arguments); });
    QApplication app(argc, argv);
    platformGuard.reset();
    const core::InterruptWatcher terminationSignals;
    closeWindowsOnTermination(terminationSignals);
    quietWindowLogging();
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

    applyTheme(options.theme);
    if (!options.resultsLocation.isEmpty())
        return runResultsWindow(options, terminationSignals);

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
    setup.schedulerTab = options.schedulerTab;
    results::ObjectCache resultsCache(results::ObjectCache::defaultDirectory());
    setup.resultsCache = &resultsCache;
    setup.refreshIntervalSeconds = options.refreshIntervalSeconds;
    setup.demo = options.demo;
    setup.wall = options.wall;
    setup.connections = options.connections;
    MainWindow window(setup);
    window.show();
    // A wall display: the screen stays on while the window runs, the pointer hides when idle.
    std::optional<ScreenSaverInhibitor> screenStaysOn;
    std::optional<IdleCursorHider> pointerHides;
    if (options.wall) {
        screenStaysOn.emplace(QString::fromLatin1(appinfo::kApplicationName),
            QApplication::translate("GuiApplication", "Showing the dashboard on a wall display"));
        pointerHides.emplace();
    }
    return runEventLoop(terminationSignals);
}

} // namespace ui
