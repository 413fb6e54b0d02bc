#pragma once

#include "aws/awscredentials.h"
#include "core/clock.h"
#include "emulator/churn.h"
#include "emulator/faultinjector.h"
#include "emulator/fleet.h"
#include "emulator/fleetgenerator.h"
#include "emulator/httplimits.h"

#include <QHostAddress>
#include <QString>
#include <QStringList>

#include <memory>

namespace emulator {

// Everything that shapes one emulator. Defaults give a 200-scheduler demo fleet on a free
// loopback port in us-east-1, accepting the demo keys, no churn, no faults.
struct EmulatorOptions {
    QHostAddress address = QHostAddress::LocalHost;
    quint16 port = 0; // 0: any free port
    QString region = QStringLiteral("us-east-1");
    aws::AwsCredentials credentials = demoCredentials();

    int fleetSize = 200; // generated fleet, unless archiveDirectory is set
    quint64 fleetSeed = 1;
    QString archiveDirectory; // serve saved describe-inference-scheduler JSON

    TransitionDurations transitions; // PENDING → RUNNING, STOPPING → STOPPED
    // Days of executions each scheduler keeps before its latest activity (1 to 400).
    int executionRetentionDays = SchedulerRecord::kDefaultRetentionDays;
    ChurnConfig churn;
    FaultConfig faults;
    QStringList deniedOperations; // answered AccessDeniedException ("StopInferenceScheduler")
    HttpLimits limits;
    std::shared_ptr<const core::Clock> clock; // null: the system clock
    // What signatures are checked against and Date says (ServiceConfig::requestClock); null: clock.
    std::shared_ptr<const core::Clock> requestClock;
    bool ownThread = true; // serve on a private QThread (the GUI's --demo)

    // Empty when usable; otherwise the first problem, worded for a command line.
    QString validate() const;

    // Fixed keys that say what they are: only this emulator accepts them.
    static aws::AwsCredentials demoCredentials();
    static constexpr char kDemoAccessKeyId[] = "AKIALOOKOUTDESKDEMO1";
    static constexpr char kDemoSecretAccessKey[] = "LookoutDeskDemoSecretKeyForTheEmulator00";
};

} // namespace emulator
