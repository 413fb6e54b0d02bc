#include "emulator/resultswriter.h"

#include "emulator/executionhistory.h"
#include "emulator/seededrandom.h"
#include "lookout/inferencescheduler.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cmath>
#include <vector>

namespace emulator {

namespace {

constexpr qint64 kSecond = 1'000'000;
constexpr qint64 kMinute = 60 * kSecond;
constexpr qint64 kHour = 60 * kMinute;

// Runs of anomalies: in each 4-hour block, with this chance, one run starting anywhere in the
// block and lasting 15 minutes to 3 hours (so it may reach into the next block).
constexpr qint64 kAnomalyBlock = 4 * kHour;
constexpr double kAnomalyRunPercent = 22;
// Machine-off periods of models with an OffCondition: per 6-hour block, 30 minutes to 4 hours.
constexpr qint64 kOffBlock = 6 * kHour;
constexpr double kOffPercent = 25;

// Salts that keep the draws of runs, off periods and per-point noise apart.
constexpr quint64 kAnomalySalt = 0xa40aa1e5ULL;
constexpr quint64 kOffSalt = 0x0ff0ff0fULL;
constexpr quint64 kPointSalt = 0x9013715eULL;

qint64 floorDiv(qint64 value, qint64 divisor)
{
    const qint64 quotient = value / divisor;
    return (value % divisor != 0 && value < 0) ? quotient - 1 : quotient;
}

struct Run {
    qint64 start = 0;
    qint64 end = 0;
    quint64 draw = 0; // what else the run decides (its culprit sensors)
};

// The run of a block that covers time, if any: blocks' runs last at most one block, so only the
// block of time and the one before can reach it.
std::optional<Run> runAt(
    quint64 seed, quint64 salt, qint64 block, double percent, qint64 shortest, qint64 time)
{
    const qint64 index = floorDiv(time, block);
    for (qint64 candidate = index; candidate >= index - 1; --candidate) {
        SeededRandom random(SeededRandom::combine(seed ^ salt, static_cast<quint64>(candidate)));
        if (!random.chance(percent))
            continue;
        Run run;
        run.start = candidate * block + random.between(0, block - 1);
        run.end = run.start + random.between(shortest, block - kHour);
        run.draw = random.next();
        if (time >= run.start && time < run.end)
            return run;
    }
    return std::nullopt;
}

void appendNumber(QByteArray &line, double value, int decimals)
{
    QByteArray text = QByteArray::number(value, 'f', decimals);
    while (text.endsWith('0'))
        text.chop(1);
    if (text.endsWith('.'))
        text.append('0');
    line += text;
}

} // namespace

ResultsWriter::ResultsWriter(const Fleet &fleet)
{
    for (int i = 0; i < fleet.modelCount(); ++i) {
        const ModelDescription &model = fleet.modelAt(i);
        ModelTraits traits;
        traits.sensors = sensorsOfSchema(model.schema.value_or(QString()));
        traits.samplingMicros = durationMicros(model.targetSamplingRate.value_or(QString()));
        traits.hasOffCondition = model.offCondition.has_value();
        m_traits.insert(model.modelName, traits);
    }
}

QStringList ResultsWriter::sensorsOfSchema(const QString &schema)
{
    QStringList sensors;
    const QJsonObject document = QJsonDocument::fromJson(schema.toUtf8()).object();
    for (const QJsonValue &component : document.value(QLatin1String("Components")).toArray()) {
        const QString componentName
            = component.toObject().value(QLatin1String("ComponentName")).toString();
        for (const QJsonValue &column :
            component.toObject().value(QLatin1String("Columns")).toArray()) {
            const QJsonObject columnObject = column.toObject();
            const QString name = columnObject.value(QLatin1String("Name")).toString();
            if (name.isEmpty()
                || columnObject.value(QLatin1String("Type")).toString()
                    == QLatin1String("DATETIME"))
                continue;
            sensors.append(componentName + QLatin1Char('\\') + name);
        }
    }
    return sensors;
}

qint64 ResultsWriter::durationMicros(const QString &isoDuration)
{
    if (!isoDuration.startsWith(QLatin1String("PT")) || isoDuration.size() < 4)
        return 0;
    bool ok = false;
    const qint64 count = isoDuration.mid(2, isoDuration.size() - 3).toLongLong(&ok);
    if (!ok || count <= 0)
        return 0;
    switch (isoDuration.back().unicode()) {
    case 'S':
        return count * kSecond;
    case 'M':
        return count * kMinute;
    case 'H':
        return count * kHour;
    default:
        return 0;
    }
}

ResultsWriter::Latest ResultsWriter::latestOf(const SchedulerRecord &record)
{
    const std::optional<QString> &result = record.scheduler.latestInferenceResult;
    if (result == QLatin1String(lookout::result::kAnomalous))
        return Latest::Anomalous;
    if (result == QLatin1String(lookout::result::kNormal))
        return Latest::Normal;
    return Latest::Unconstrained;
}

ResultsWriter::ModelTraits ResultsWriter::traitsOf(const SchedulerRecord &record) const
{
    return m_traits.value(record.scheduler.modelName.value_or(QString()));
}

QStringList ResultsWriter::sensors(const SchedulerRecord &record) const
{
    return traitsOf(record).sensors;
}

qint64 ResultsWriter::shareDenominator(qsizetype sensorCount)
{
    return sensorCount <= 50 ? 100 : 10'000;
}

std::vector<qint64> ResultsWriter::apportion(const std::vector<double> &weights, qint64 denominator)
{
    double total = 0;
    for (const double weight : weights)
        total += weight;
    std::vector<qint64> units(weights.size());
    if (weights.empty())
        return units;
    std::vector<std::pair<double, std::size_t>> remainders;
    qint64 given = 0;
    for (std::size_t i = 0; i < weights.size(); ++i) {
        const double exact = weights[i] / total * static_cast<double>(denominator);
        units[i] = static_cast<qint64>(std::floor(exact));
        given += units[i];
        remainders.emplace_back(exact - std::floor(exact), i);
    }
    std::sort(remainders.begin(), remainders.end(),
        [](const auto &a, const auto &b) { return a.first > b.first; });
    for (std::size_t i = 0; given < denominator; ++i, ++given)
        ++units[remainders[i % remainders.size()].second];
    return units;
}

QByteArray ResultsWriter::shareText(qint64 units, qint64 denominator)
{
    QByteArray text;
    appendNumber(text, static_cast<double>(units) / static_cast<double>(denominator),
        denominator == 100 ? 2 : 4);
    return text;
}

void ResultsWriter::appendJsonString(QByteArray &out, const QString &text)
{
    out += '"';
    for (const char c : text.toUtf8()) {
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (static_cast<unsigned char>(c) < 0x20) {
            out += "\\u00";
            out += QByteArray::number(static_cast<unsigned char>(c), 16).rightJustified(2, '0');
        } else {
            out += c;
        }
    }
    out += '"';
}

qint64 ResultsWriter::stepMicros(const SchedulerRecord &record, qint64 scheduled) const
{
    const ExecutionWindow window = executionWindow(record, scheduled);
    const qint64 length = window.dataEnd - window.dataStart;
    const qint64 sampling = traitsOf(record).samplingMicros;
    return sampling > 0 ? qMin(sampling, length) : length;
}

std::vector<ResultsWriter::Point> ResultsWriter::points(
    const SchedulerRecord &record, qint64 scheduled, Latest latest, Detail detail) const
{
    const ModelTraits traits = traitsOf(record);
    const ExecutionWindow window = executionWindow(record, scheduled);
    const qint64 step = stepMicros(record, scheduled);
    std::vector<Point> result;
    for (qint64 time = (floorDiv(window.dataStart - 1, step) + 1) * step; time < window.dataEnd;
         time += step) {
        Point point;
        point.time = time;
        result.push_back(point);
    }

    const quint64 seed = record.historySeed;
    const qsizetype sensorCount = traits.sensors.size();
    const qint64 denominator = shareDenominator(sensorCount);
    for (std::size_t i = 0; i < result.size(); ++i) {
        Point &point = result[i];
        const bool off = traits.hasOffCondition
            && runAt(seed, kOffSalt, kOffBlock, kOffPercent, 30 * kMinute, point.time).has_value();
        std::optional<Run> anomaly = runAt(
            seed, kAnomalySalt, kAnomalyBlock, kAnomalyRunPercent, 15 * kMinute, point.time);
        bool anomalous = anomaly.has_value() && !off;
        if (latest == Latest::Normal)
            anomalous = false;
        if (latest == Latest::Anomalous && i + 1 == result.size())
            anomalous = true; // the newest point, even if the machine looked off
        point.state = anomalous ? Point::State::Anomalous
            : off               ? Point::State::MachineOff
                                : Point::State::Normal;
        if (detail == Detail::StatesOnly || point.state == Point::State::MachineOff)
            continue;
        SeededRandom noise(
            SeededRandom::combine(seed ^ kPointSalt, static_cast<quint64>(point.time)));
        point.score = anomalous ? 0.62 + 0.38 * noise.unit() : 0.02 + 0.4 * noise.unit();
        if (sensorCount == 0)
            continue;
        std::vector<double> weights(static_cast<std::size_t>(sensorCount));
        for (double &weight : weights)
            weight = 0.5 + noise.unit();
        if (anomalous) {
            // The run's culprits: one sensor takes most of the blame, another some.
            const quint64 draw = anomaly ? anomaly->draw : noise.next();
            const auto first = static_cast<std::size_t>(draw % sensorCount);
            const auto second = static_cast<std::size_t>((draw >> 16) % sensorCount);
            weights[first] += 1.5 * static_cast<double>(sensorCount);
            weights[second] += 0.4 * static_cast<double>(sensorCount);
        }
        point.shares = apportion(weights, denominator);
    }
    return result;
}

QByteArray ResultsWriter::write(
    const SchedulerRecord &record, qint64 scheduled, Latest latest) const
{
    const QStringList sensorNames = sensors(record);
    const qint64 denominator = shareDenominator(sensorNames.size());
    const std::vector<Point> all = points(record, scheduled, latest, Detail::Full);
    QByteArray out;
    out.reserve(static_cast<qsizetype>(all.size()) * (120 + 40 * sensorNames.size()));
    for (const Point &point : all) {
        out += "{\"timestamp\": \"";
        out += QDateTime::fromMSecsSinceEpoch(point.time / 1000, Qt::UTC)
                   .toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzz000"))
                   .toLatin1();
        out += "\", \"prediction\": ";
        out += point.state == Point::State::Anomalous ? '1' : '0';
        out += ", \"prediction_reason\": \"";
        if (point.state == Point::State::MachineOff) {
            out += "MACHINE_OFF\"}\n";
            continue;
        }
        out += point.state == Point::State::Anomalous ? "ANOMALY_DETECTED\""
                                                      : "NO_ANOMALY_DETECTED\"";
        out += ", \"anomaly_score\": ";
        appendNumber(out, point.score, 5);
        if (!point.shares.empty()) {
            out += ", \"diagnostics\": [";
            for (qsizetype s = 0; s < sensorNames.size(); ++s) {
                if (s > 0)
                    out += ", ";
                out += "{\"name\": ";
                appendJsonString(out, sensorNames[s]);
                out += ", \"value\": ";
                out += shareText(point.shares[static_cast<std::size_t>(s)], denominator);
                out += '}';
            }
            out += ']';
        }
        out += "}\n";
    }
    return out;
}

} // namespace emulator
