#include "models/resultstext.h"

#include "results/resultstime.h"

#include <QCoreApplication>
#include <QLocale>

#include <algorithm>
#include <vector>

namespace models {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(models::ResultsText)
};

QString joined(
    const results::Series &series, const std::vector<results::SensorShare> &shares, size_t shown)
{
    QStringList parts;
    for (size_t i = 0; i < shown; ++i)
        parts.append(
            series.sensorName(shares[i].sensor) + QLatin1Char(' ') + shareText(shares[i].share));
    QString text = parts.join(QLatin1String(", "));
    if (shares.size() > shown)
        text += QStringLiteral(", …");
    return text;
}

} // namespace

QString scoreText(double score)
{
    return QLocale().toString(score, 'f', 3);
}

QString shareText(double share)
{
    return Text::tr("%1 %").arg(QLocale().toString(share * 100, 'f', 1));
}

QString eventDurationText(qint64 microseconds)
{
    const qint64 minutes = microseconds / results::kMicrosecondsPerMinute;
    if (microseconds <= 0)
        return Text::tr("one prediction");
    if (minutes < 1)
        return Text::tr("%1 s").arg(microseconds / results::kMicrosecondsPerSecond);
    if (minutes < 60)
        return Text::tr("%1 min").arg(minutes);
    if (minutes < 48 * 60) {
        return minutes % 60 == 0 ? Text::tr("%1 h").arg(minutes / 60)
                                 : Text::tr("%1 h %2 min").arg(minutes / 60).arg(minutes % 60);
    }
    // Two days or more from here on.
    const qint64 hours = minutes / 60;
    return hours % 24 == 0 ? Text::tr("%1 days").arg(hours / 24)
                           : Text::tr("%1 days %2 h").arg(hours / 24).arg(hours % 24);
}

QString topSensorsText(
    const results::Series &series, std::span<const results::Diagnostic> diagnostics, int count)
{
    std::vector<results::SensorShare> shares;
    shares.reserve(diagnostics.size());
    for (const results::Diagnostic &diagnostic : diagnostics)
        shares.push_back({ diagnostic.sensor, diagnostic.share });
    const size_t shown = std::min(shares.size(), static_cast<size_t>(std::max(0, count)));
    std::partial_sort(shares.begin(), shares.begin() + static_cast<std::ptrdiff_t>(shown),
        shares.end(), [&](const results::SensorShare &a, const results::SensorShare &b) {
            if (a.share != b.share)
                return a.share > b.share;
            return series.sensorName(a.sensor) < series.sensorName(b.sensor);
        });
    return joined(series, shares, shown);
}

QString topSensorsText(
    const results::Series &series, const results::Contributions &contributions, int count)
{
    const size_t shown
        = std::min(contributions.sensors.size(), static_cast<size_t>(std::max(0, count)));
    return joined(series, contributions.sensors, shown);
}

} // namespace models
