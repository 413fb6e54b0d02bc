#include "emulator/faultinjector.h"

namespace emulator {

namespace {

constexpr std::chrono::milliseconds kMaxSlowDelay { 120'000 };

} // namespace

FaultConfig FaultConfig::mixed(double totalPercent, quint64 seed)
{
    FaultConfig config;
    config.throttlingPercent = totalPercent * 0.4;
    config.internalErrorPercent = totalPercent * 0.3;
    config.slowPercent = totalPercent * 0.2;
    config.malformedPercent = totalPercent * 0.1;
    config.seed = seed;
    return config;
}

bool FaultConfig::any() const
{
    return throttlingPercent > 0 || internalErrorPercent > 0 || malformedPercent > 0
        || slowPercent > 0;
}

QString FaultConfig::validate() const
{
    const std::pair<const char *, double> rates[] = {
        { "throttling", throttlingPercent },
        { "internal error", internalErrorPercent },
        { "malformed body", malformedPercent },
        { "slow response", slowPercent },
    };
    for (const auto &[name, percent] : rates) {
        if (!(percent >= 0 && percent <= 100)) {
            return QString::fromLatin1(name) + QLatin1String(" percent must be within 0..100, not ")
                + QString::number(percent);
        }
    }
    const double total = throttlingPercent + internalErrorPercent + malformedPercent + slowPercent;
    if (total > 100) {
        return QLatin1String("fault percentages add up to ") + QString::number(total)
            + QLatin1String(", more than 100");
    }
    if (slowDelay.count() < 0 || slowDelay > kMaxSlowDelay) {
        return QLatin1String("slow response delay must be within 0..")
            + QString::number(kMaxSlowDelay.count()) + QLatin1String(" ms, not ")
            + QString::number(slowDelay.count());
    }
    return {};
}

Fault FaultInjector::draw()
{
    if (!m_config.any())
        return Fault::None;
    double roll = m_random.unit() * 100.0;
    if ((roll -= m_config.throttlingPercent) < 0)
        return Fault::Throttling;
    if ((roll -= m_config.internalErrorPercent) < 0)
        return Fault::InternalError;
    if ((roll -= m_config.malformedPercent) < 0)
        return Fault::Malformed;
    if ((roll -= m_config.slowPercent) < 0)
        return Fault::Slow;
    return Fault::None;
}

QByteArray FaultInjector::corrupt(const QByteArray &body)
{
    switch (m_random.below(3)) {
    case 0:
        return body.left(body.size() / 2); // cut mid-document
    case 1:
        return QByteArrayLiteral("<html><head><title>502 Bad Gateway</title></head>"
                                 "<body><h1>502 Bad Gateway</h1></body></html>");
    default:
        // Valid JSON whose members have the wrong types everywhere a decoder looks.
        return QByteArrayLiteral("{\"InferenceSchedulerName\":42,\"Status\":[],"
                                 "\"InferenceSchedulerSummaries\":\"none\","
                                 "\"InferenceExecutionSummaries\":{},\"NextToken\":7}");
    }
}

} // namespace emulator
