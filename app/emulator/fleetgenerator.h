#pragma once

#include "emulator/fleet.h"

#include <QString>

namespace emulator {

struct GeneratedFleetSpec {
    int count = 200;
    quint64 seed = 1;
    QString region = QStringLiteral("us-east-1");

    static constexpr int kMaxCount = 100'000;
    QString validate() const; // empty when valid
};

// A realistic fleet for demos and tests: names like pump-station-042 or mill-2-compressor-line-7,
// shared models with full DescribeModel descriptions, one 12-digit account, the region in every
// ARN, buckets and prefixes, time zones such as +05:30, file-name timestamp formats and
// delimiters, KMS keys, roles, statuses mostly RUNNING with some STOPPED, PENDING and STOPPING,
// LatestInferenceResult sometimes ANOMALOUS, creation and update times, and run history for the
// executions. The same spec and the same `now` always give the same fleet.
Fleet generateFleet(const GeneratedFleetSpec &spec, qint64 now, TransitionDurations durations = {});

} // namespace emulator
