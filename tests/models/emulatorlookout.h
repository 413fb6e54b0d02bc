#pragma once

#include "aws/awsjsonclient.h"
#include "emulator/emulator.h"
#include "lookout/lookoutclient.h"
#include "lookout/service.h"
#include "lookoutjsonclient.h"

#include <QDateTime>
#include <QNetworkAccessManager>

#include <memory>

// The in-process emulator (its generated fleet of `fleetSize` schedulers) and a LookoutClient
// for it, with one attempt per call so that injected faults arrive at once. The emulator's clock
// stands at the real time (it checks signatures against it) and stays there.
namespace testsupport {

struct EmulatorLookout {
    std::shared_ptr<core::ManualClock> clock;
    std::unique_ptr<emulator::Emulator> emulator;
    std::unique_ptr<QNetworkAccessManager> network;
    std::unique_ptr<aws::AwsJsonClient> jsonClient;

    // False, with the emulator's errorString(), when it could not start.
    bool start(int fleetSize = 40)
    {
        clock = std::make_shared<core::ManualClock>(QDateTime::currentDateTimeUtc());
        emulator::EmulatorOptions options;
        options.fleetSize = fleetSize;
        options.clock = clock;
        emulator = std::make_unique<emulator::Emulator>(options);
        if (!emulator->start())
            return false;
        network = std::make_unique<QNetworkAccessManager>();
        jsonClient = testsupport::oneAttemptLookoutClient(
            network.get(), emulator->endpoint(), emulator->region(), emulator->credentials());
        return true;
    }

    lookout::LookoutClient client() const { return lookout::LookoutClient(jsonClient.get()); }
    qint64 now() const { return clock->now().toMSecsSinceEpoch() * 1000; }
};

} // namespace testsupport
