#include "emulator/emulatoroptions.h"

namespace emulator {

namespace {

constexpr qint64 kMaxTransitionMicros = 3'600'000'000LL; // an hour

bool isPrintableAscii(const QString &text)
{
    for (QChar c : text) {
        if (c.unicode() < 0x21 || c.unicode() > 0x7e)
            return false;
    }
    return true;
}

bool isRegionName(const QString &region)
{
    if (region.isEmpty() || region.size() > 64)
        return false;
    for (QChar c : region) {
        if (!((c >= QLatin1Char('a') && c <= QLatin1Char('z'))
                || (c >= QLatin1Char('0') && c <= QLatin1Char('9')) || c == QLatin1Char('-')))
            return false;
    }
    return true;
}

} // namespace

aws::AwsCredentials EmulatorOptions::demoCredentials()
{
    aws::AwsCredentials credentials;
    credentials.accessKeyId = QString::fromLatin1(kDemoAccessKeyId);
    credentials.secretAccessKey = QString::fromLatin1(kDemoSecretAccessKey);
    credentials.source = QStringLiteral("emulator demo keys");
    return credentials;
}

QString EmulatorOptions::validate() const
{
    if (!isRegionName(region))
        return QLatin1String("region '") + region
            + QLatin1String("' is not a region name like us-east-1");
    if (!isPrintableAscii(credentials.accessKeyId) || credentials.accessKeyId.isEmpty())
        return QStringLiteral("the access key id must be non-empty printable ASCII without spaces");
    if (!isPrintableAscii(credentials.secretAccessKey) || credentials.secretAccessKey.isEmpty())
        return QStringLiteral(
            "the secret access key must be non-empty printable ASCII without spaces");
    if (!isPrintableAscii(credentials.sessionToken) && !credentials.sessionToken.isEmpty())
        return QStringLiteral("the session token must be printable ASCII without spaces");
    if (archiveDirectory.isEmpty()) {
        const QString fleetProblem = GeneratedFleetSpec { fleetSize, fleetSeed, region }.validate();
        if (!fleetProblem.isEmpty())
            return fleetProblem;
    }
    if (executionRetentionDays < 1 || executionRetentionDays > SchedulerRecord::kMaxRetentionDays)
        return QStringLiteral("execution retention must be within 1..400 days");
    for (const qint64 micros : { transitions.pendingMicros, transitions.stoppingMicros }) {
        if (micros < 0 || micros > kMaxTransitionMicros)
            return QStringLiteral("transition time must be within 0..3600 seconds");
    }
    if (limits.maxConnections < 1 || limits.maxHeaderBytes < 1024 || limits.maxBodyBytes < 1024
        || limits.maxHeaderCount < 8 || limits.idleTimeout.count() < 1
        || limits.requestTimeout.count() < 1 || limits.writeTimeout.count() < 1
        || limits.lingerTimeout.count() < 0)
        return QStringLiteral("HTTP limits must allow at least one connection, 1 KiB of headers "
                              "and body, 8 header fields and positive timeouts");
    const QString churnProblem = churn.validate();
    if (!churnProblem.isEmpty())
        return churnProblem;
    return faults.validate();
}

} // namespace emulator
