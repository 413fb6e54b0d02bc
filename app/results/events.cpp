#include "results/events.h"

#include <QHash>

#include <algorithm>

namespace results {

std::vector<Event> findEvents(const Series &series, const EventRules &rules)
{
    std::vector<Event> events;
    const std::optional<qint64> spacing = series.typicalSpacing();
    const double longestGap = spacing ? rules.gapFactor * static_cast<double>(*spacing) : 0;
    Event *current = nullptr;
    for (qsizetype i = 0; i < series.size(); ++i) {
        const Prediction &p = series.at(i);
        if (!p.isAnomaly()) {
            current = nullptr;
            continue;
        }
        if (current && spacing && static_cast<double>(p.time - current->end) > longestGap)
            current = nullptr;
        if (!current) {
            events.push_back(Event { i, i, p.time, p.time, 0, std::nullopt });
            current = &events.back();
        }
        current->last = i;
        current->end = p.time;
        ++current->points;
        if (p.has(Prediction::HasScore))
            current->maxScore = current->maxScore ? qMax(*current->maxScore, p.score) : p.score;
    }
    return events;
}

Contributions contributions(const Series &series, qsizetype first, qsizetype last)
{
    Contributions result;
    first = qMax<qsizetype>(0, first);
    last = qMin(last, series.size() - 1);
    std::vector<double> sums(static_cast<size_t>(series.sensorNames().size()), 0.0);
    std::vector<bool> seen(sums.size(), false);
    for (qsizetype i = first; i <= last; ++i) {
        const std::span<const Diagnostic> diagnostics = series.diagnostics(series.at(i));
        if (diagnostics.empty())
            continue;
        ++result.points;
        for (const Diagnostic &diagnostic : diagnostics) {
            sums[diagnostic.sensor] += diagnostic.share;
            seen[diagnostic.sensor] = true;
        }
    }
    for (size_t sensor = 0; sensor < sums.size(); ++sensor) {
        if (seen[sensor])
            result.sensors.push_back({ static_cast<quint32>(sensor),
                sums[sensor] / static_cast<double>(result.points) });
    }
    std::sort(result.sensors.begin(), result.sensors.end(),
        [&](const SensorShare &a, const SensorShare &b) {
            if (a.share != b.share)
                return a.share > b.share;
            return series.sensorName(a.sensor) < series.sensorName(b.sensor);
        });
    return result;
}

TopSensors topSensors(const Contributions &contributions, int count)
{
    TopSensors result;
    const size_t shown = qMin(static_cast<size_t>(qMax(0, count)), contributions.sensors.size());
    result.top.assign(contributions.sensors.begin(),
        contributions.sensors.begin() + static_cast<std::ptrdiff_t>(shown));
    for (size_t i = shown; i < contributions.sensors.size(); ++i)
        result.others += contributions.sensors[i].share;
    result.otherCount = static_cast<qsizetype>(contributions.sensors.size() - shown);
    return result;
}

QString componentOf(const QString &sensorName)
{
    const qsizetype backslash = sensorName.indexOf(QLatin1Char('\\'));
    return backslash < 0 ? sensorName : sensorName.left(backslash);
}

std::vector<ComponentShare> componentShares(
    const Series &series, const Contributions &contributions)
{
    std::vector<ComponentShare> result;
    QHash<QString, size_t> index;
    for (const SensorShare &sensor : contributions.sensors) {
        const QString component = componentOf(series.sensorName(sensor.sensor));
        auto found = index.constFind(component);
        if (found == index.constEnd()) {
            found = index.insert(component, result.size());
            result.push_back({ component, 0 });
        }
        result[*found].share += sensor.share;
    }
    std::sort(result.begin(), result.end(), [](const ComponentShare &a, const ComponentShare &b) {
        return a.share != b.share ? a.share > b.share : a.component < b.component;
    });
    return result;
}

} // namespace results
