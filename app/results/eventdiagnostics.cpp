#include "results/eventdiagnostics.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

#include <cmath>

namespace results {

namespace {

EventDiagnostics asText(QStringView diagnostics)
{
    EventDiagnostics decoded;
    decoded.form = EventDiagnostics::Form::Text;
    decoded.text = diagnostics.toString();
    return decoded;
}

} // namespace

EventDiagnostics decodeEventDiagnostics(QStringView diagnostics)
{
    QJsonParseError error {};
    const QJsonDocument document = QJsonDocument::fromJson(diagnostics.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError || !document.isArray())
        return asText(diagnostics);
    const QJsonArray entries = document.array();
    EventDiagnostics decoded;
    decoded.form = EventDiagnostics::Form::Contributions;
    decoded.sensors.reserve(static_cast<size_t>(entries.size()));
    for (const QJsonValue &entry : entries) {
        if (!entry.isObject())
            return asText(diagnostics);
        const QJsonObject object = entry.toObject();
        const QJsonValue name = object.value(QLatin1String("name"));
        const QJsonValue value = object.value(QLatin1String("value"));
        if (!name.isString() || name.toString().isEmpty() || !value.isDouble())
            return asText(diagnostics);
        const double share = value.toDouble();
        if (!std::isfinite(share) || share < 0 || share > 1)
            return asText(diagnostics);
        decoded.sensors.push_back({ name.toString(), share });
    }
    return decoded;
}

Series contributionSeries(const EventDiagnostics &diagnostics, qint64 time)
{
    ParsedResults parsed;
    Prediction prediction;
    prediction.time = time;
    prediction.flags = Prediction::HasDiagnostics;
    QHash<QString, quint32> index;
    for (const NamedShare &sensor : diagnostics.sensors) {
        auto found = index.constFind(sensor.name);
        if (found == index.constEnd()) {
            found = index.insert(sensor.name, static_cast<quint32>(parsed.sensorNames.size()));
            parsed.sensorNames.append(sensor.name);
        }
        parsed.diagnostics.push_back({ *found, static_cast<float>(sensor.share) });
    }
    prediction.diagnosticCount = static_cast<quint32>(parsed.diagnostics.size());
    parsed.predictions.push_back(prediction);
    Series series;
    series.add(std::move(parsed), QString());
    return series;
}

} // namespace results
