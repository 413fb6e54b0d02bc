#pragma once

// What the window tests share: emulators behind a temporary ~/.aws (one profile per emulator,
// the demo keys in ~/.aws/credentials), a resolver on an empty environment, a demo endpoint, a
// fleet session whose refresh timer is fired by hand, and a details controller whose re-poll
// timer never fires by itself, so every request a test counts is one it caused.
#include "aws/configresolver.h"
#include "clienttestdoubles.h"
#include "emulator/emulator.h"
#include "manualtimer.h"
#include "models/fleetsession.h"
#include "models/schedulerdetailscontroller.h"
#include "ui/choiceresolver.h"
#include "ui/demoendpoint.h"
#include "ui/mainwindow.h"

#include <QDir>
#include <QFile>
#include <QNetworkAccessManager>
#include <QSettings>
#include <QTemporaryDir>
#include <QtTest>

#include <map>
#include <memory>

namespace fleettest {

inline const QDateTime kStart = QDateTime(QDate(2026, 3, 1), QTime(12, 3, 5), Qt::UTC);

// A generated fleet on a clock that stands still (at the real time, so signatures stay valid):
// PENDING and STOPPING schedulers stay so until a test moves the clock.
inline emulator::EmulatorOptions fleetOptions(int size, quint64 seed = 1)
{
    emulator::EmulatorOptions options;
    options.fleetSize = size;
    options.fleetSeed = seed;
    options.clock = std::make_shared<core::ManualClock>(QDateTime::currentDateTimeUtc());
    return options;
}

struct Environment {
    QTemporaryDir home;
    std::map<QString, std::unique_ptr<emulator::Emulator>> emulators; // by profile name
    std::unique_ptr<aws::ConfigResolver> resolver;
    std::unique_ptr<ui::DemoEndpoint> demo;
    std::unique_ptr<ui::ChoiceResolver> choices;
    QNetworkAccessManager network;
    std::unique_ptr<QSettings> settings;
    std::shared_ptr<core::ManualClock> clock = std::make_shared<core::ManualClock>(kStart);
    testsupport::ManualTimer *refreshTimer = nullptr;
    std::unique_ptr<models::FleetSession> session;
    std::unique_ptr<models::SchedulerDetailsController> details;

    // Starts one emulator per profile, writes ~/.aws, and builds the rest. `extraConfig` is
    // appended to ~/.aws/config (profiles without an emulator, broken lines).
    bool setUp(std::map<QString, emulator::EmulatorOptions> profiles,
        emulator::EmulatorOptions demoOptions = fleetOptions(30, 7),
        const QString &extraConfig = {}, QProcessEnvironment environment = QProcessEnvironment())
    {
        if (!home.isValid() || !QDir(home.path()).mkpath(QStringLiteral(".aws")))
            return false;
        QString config;
        QString credentials;
        for (auto &[name, options] : profiles) {
            auto started = std::make_unique<emulator::Emulator>(options);
            if (!started->start()) {
                qWarning(
                    "emulator for %s: %s", qPrintable(name), qPrintable(started->errorString()));
                return false;
            }
            config += QStringLiteral("[profile %1]\nregion = %2\nendpoint_url = %3\n\n")
                          .arg(name, started->region(), started->endpoint().toString());
            credentials
                += QStringLiteral("[%1]\naws_access_key_id = %2\naws_secret_access_key = %3\n\n")
                       .arg(name, started->credentials().accessKeyId,
                           started->credentials().secretAccessKey);
            emulators[name] = std::move(started);
        }
        config += extraConfig;
        if (!write(QStringLiteral(".aws/config"), config)
            || !write(QStringLiteral(".aws/credentials"), credentials))
            return false;
        resolver = std::make_unique<aws::ConfigResolver>(environment, home.path());
        demo = std::make_unique<ui::DemoEndpoint>(std::move(demoOptions));
        choices = std::make_unique<ui::ChoiceResolver>(
            resolver.get(), demo.get(), aws::RequestedConfig());
        settings = std::make_unique<QSettings>(
            home.filePath(QStringLiteral("window.ini")), QSettings::IniFormat);
        auto timer = std::make_unique<testsupport::ManualTimer>();
        refreshTimer = timer.get();
        session = std::make_unique<models::FleetSession>(&network, clock, std::move(timer));
        details = std::make_unique<models::SchedulerDetailsController>(
            clock, std::make_unique<testsupport::ManualTimer>());
        return true;
    }

    // What a MainWindow on this environment is built with; `setup` brings the test's own fields.
    ui::MainWindowSetup windowSetup(ui::MainWindowSetup setup = {})
    {
        setup.network = &network;
        setup.settings = settings.get();
        setup.choices = choices.get();
        setup.session = session.get();
        setup.details = details.get();
        return setup;
    }

    // Replaces the connection source's command line (--profile, --region, --endpoint-url).
    void setCommandLine(const aws::RequestedConfig &request)
    {
        choices = std::make_unique<ui::ChoiceResolver>(resolver.get(), demo.get(), request);
    }

    // As `--profile NAME` on the command line.
    void useProfile(const QString &name)
    {
        aws::RequestedConfig request;
        request.profile = name;
        setCommandLine(request);
    }

    emulator::Emulator &emulator(const QString &profile) { return *emulators.at(profile); }

    bool write(const QString &relativePath, const QString &text) const
    {
        QFile file(home.filePath(relativePath));
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return false;
        return file.write(text.toUtf8()) >= 0;
    }
};

} // namespace fleettest
