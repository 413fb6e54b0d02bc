#include "emulator/fleetgenerator.h"

#include "emulator/seededrandom.h"
#include "lookout/service.h"

#include <QSet>

#include <array>

namespace emulator {

namespace {

constexpr qint64 kSecond = 1'000'000;
constexpr qint64 kMinute = 60 * kSecond;
constexpr qint64 kHour = 60 * kMinute;
constexpr qint64 kDay = 24 * kHour;
constexpr quint64 kEarlierRunSalt = 0x5ea71e5ULL;

// printf-free name templates: a stem, a number width, and an optional suffix.
struct AssetKind {
    const char *stem;
    int width; // zero-padded digits, 0 for none
    const char *suffix; // after the number
    const char *component;
    std::array<const char *, 4> sensors;
};

constexpr std::array<AssetKind, 16> kAssetKinds = { {
    { "pump-station", 3, "", "pump",
        { "discharge_pressure", "flow_rate", "motor_current", "bearing_temp" } },
    { "compressor-line", 0, "", "compressor",
        { "suction_pressure", "discharge_temp", "vibration_rms", "oil_pressure" } },
    { "turbine", 2, "-bearing", "turbine",
        { "bearing_temp", "shaft_speed", "vibration_x", "vibration_y" } },
    { "conveyor", 0, "-drive", "conveyor",
        { "belt_speed", "motor_current", "gearbox_temp", "load" } },
    { "chiller", 2, "", "chiller",
        { "supply_temp", "return_temp", "condenser_pressure", "power_kw" } },
    { "boiler-feed-pump", 0, "", "boiler_feed",
        { "inlet_pressure", "outlet_pressure", "motor_temp", "flow_rate" } },
    { "fan-array", 0, "", "fan", { "airflow", "motor_current", "vibration_rms", "bearing_temp" } },
    { "gearbox", 3, "", "gearbox", { "oil_temp", "input_speed", "vibration_rms", "torque" } },
    { "hydraulic-press", 0, "", "press",
        { "hydraulic_pressure", "cycle_time", "oil_temp", "stroke" } },
    { "kiln", 0, "-burner", "kiln", { "flame_temp", "gas_flow", "shell_temp", "draft_pressure" } },
    { "mixer", 2, "", "mixer", { "motor_current", "shaft_speed", "torque", "bearing_temp" } },
    { "blower", 0, "", "blower",
        { "discharge_pressure", "motor_current", "vibration_rms", "inlet_temp" } },
    { "cooling-tower", 0, "", "cooling_tower",
        { "water_temp", "fan_speed", "basin_level", "vibration_rms" } },
    { "extruder", 2, "", "extruder",
        { "barrel_temp", "screw_speed", "melt_pressure", "motor_load" } },
    { "generator", 0, "", "generator",
        { "winding_temp", "output_kw", "frequency", "vibration_rms" } },
    { "centrifuge", 3, "", "centrifuge",
        { "bowl_speed", "differential_speed", "vibration_rms", "motor_current" } },
} };

constexpr std::array<const char *, 8> kSites = { "mill-2", "plant-a", "refinery-north",
    "harbor-works", "site-7", "east-yard", "plant-b", "delta-station" };
constexpr std::array<const char *, 6> kCompanies
    = { "northfield", "riverside", "lakeshore", "summitworks", "ironbridge", "bluewater" };
constexpr std::array<const char *, 12> kTimeZones = { "+00:00", "+00:00", "+00:00", "-05:00",
    "-06:00", "-08:00", "+01:00", "+02:00", "+05:30", "+08:00", "+09:00", "+10:00" };
constexpr std::array<const char *, 3> kTimestampFormats
    = { "EPOCH", "yyyy-MM-dd-HH-mm-ss", "yyyyMMddHHmmss" };
constexpr std::array<const char *, 6> kDelimiters = { "_", "_", "-", "-", "", " " };
constexpr std::array<const char *, 10> kFrequencies
    = { "PT5M", "PT5M", "PT5M", "PT10M", "PT15M", "PT15M", "PT30M", "PT1H", "PT1H", "PT5M" };
constexpr std::array<qint64, 9> kDelayOffsets = { 0, 0, 0, 0, 5, 5, 10, 15, 60 };
constexpr std::array<const char *, 3> kSamplingRates = { "PT1M", "PT5M", "PT10M" };

QString uuid(SeededRandom &random)
{
    const QByteArray hex = QByteArray::number(random.next(), 16).rightJustified(16, '0')
        + QByteArray::number(random.next(), 16).rightJustified(16, '0');
    return QString::fromLatin1(hex.mid(0, 8) + '-' + hex.mid(8, 4) + "-4" + hex.mid(13, 3) + '-'
        + "89ab"[hex[16] % 4] + hex.mid(17, 3) + '-' + hex.mid(20, 12));
}

QString number(qint64 value, int width)
{
    return QString::number(value).rightJustified(width, QLatin1Char('0'));
}

QString assetName(const AssetKind &kind, qint64 value)
{
    return QLatin1String(kind.stem) + QLatin1Char('-') + number(value, kind.width)
        + QLatin1String(kind.suffix);
}

QString schemaFor(const AssetKind &kind)
{
    QString columns = QStringLiteral("{\"Name\":\"Timestamp\",\"Type\":\"DATETIME\"}");
    for (const char *sensor : kind.sensors)
        columns += QLatin1String(",{\"Name\":\"") + QLatin1String(sensor)
            + QLatin1String("\",\"Type\":\"DOUBLE\"}");
    return QLatin1String("{\"Components\":[{\"ComponentName\":\"") + QLatin1String(kind.component)
        + QLatin1String("\",\"Columns\":[") + columns + QLatin1String("]}]}");
}

struct Account {
    QString id;
    QString region;
    QString company;
    QString inputBucket;
    QString outputBucket;
    QString kmsKeyArn;
    QList<QString> roles;

    QString arn(QLatin1StringView resource, const QString &path) const
    {
        return QLatin1String("arn:aws:") + QLatin1String(lookout::service::kSigningName)
            + QLatin1Char(':') + region + QLatin1Char(':') + id + QLatin1Char(':') + resource
            + QLatin1Char('/') + path;
    }
};

ModelDescription makeModel(const Account &account, const AssetKind &kind, const QString &name,
    SeededRandom &random, qint64 now)
{
    ModelDescription model;
    model.modelName = name;
    model.modelArn
        = account.arn(QLatin1StringView("model"), name + QLatin1Char('/') + uuid(random));
    const QString dataset = QLatin1String(kind.stem) + QLatin1String("-sensor-history");
    model.datasetName = dataset;
    model.datasetArn
        = account.arn(QLatin1StringView("dataset"), dataset + QLatin1Char('/') + uuid(random));
    model.schema = schemaFor(kind);
    if (random.chance(60)) {
        model.labelsBucket = account.inputBucket;
        model.labelsPrefix = QLatin1String("labels/") + dataset + QLatin1Char('/');
    }
    const qint64 created = now - random.between(60, 1000) * kDay - random.between(0, kDay - 1);
    model.createdAt = created;
    model.trainingDataStartTime = created - random.between(300, 700) * kDay;
    model.trainingDataEndTime = created - random.between(60, 120) * kDay;
    model.evaluationDataStartTime = model.trainingDataEndTime;
    model.evaluationDataEndTime = created - random.between(1, 30) * kDay;
    model.roleArn = account.roles.front();
    model.targetSamplingRate = QLatin1String(random.pick(kSamplingRates));
    model.trainingExecutionStartTime = created + random.between(1, 10) * kMinute;
    model.trainingExecutionEndTime
        = *model.trainingExecutionStartTime + random.between(40, 400) * kMinute;
    const int anomalous = static_cast<int>(random.below(4));
    model.modelMetrics = QLatin1String("{\"labeled_ranges\":[],\"predicted_ranges\":[{\"start\":\"")
        + QDateTime::fromMSecsSinceEpoch(*model.evaluationDataStartTime / 1000, Qt::UTC)
              .toString(Qt::ISODate)
        + QLatin1String("\",\"end\":\"")
        + QDateTime::fromMSecsSinceEpoch(*model.evaluationDataEndTime / 1000, Qt::UTC)
              .toString(Qt::ISODate)
        + QLatin1String(
            "\"}],\"unknown_sensors\":[],\"unused_sensors\":[],\"anomalous_sensor_count\":")
        + QString::number(anomalous) + QLatin1Char('}');
    if (random.chance(40))
        model.serverSideKmsKeyId = account.kmsKeyArn;
    if (random.chance(30)) {
        model.offCondition = QLatin1String(kind.component) + QLatin1String("\\")
            + QLatin1String(kind.sensors[0]) + QLatin1String(" < 0.5");
    }
    const qint64 version = random.between(1, 4);
    model.activeModelVersion = version;
    model.modelVersionActivatedAt = *model.trainingExecutionEndTime + (version - 1) * 30 * kDay;
    if (version > 1) {
        model.previousActiveModelVersion = version - 1;
        model.previousModelVersionActivatedAt = *model.modelVersionActivatedAt - 30 * kDay;
        model.retrainingSchedulerStatus = QStringLiteral("RUNNING");
    }
    model.lastUpdatedTime = qMin(now, *model.modelVersionActivatedAt);
    const quint32 quality = random.below(100);
    model.modelQuality = quality < 80 ? QStringLiteral("QUALITY_THRESHOLD_MET")
        : quality < 95                ? QStringLiteral("CANNOT_DETERMINE_QUALITY")
                                      : QStringLiteral("POOR_QUALITY_DETECTED");
    model.accumulatedInferenceDataStartTime = *model.trainingExecutionEndTime;
    model.accumulatedInferenceDataEndTime = now - random.between(1, 60) * kMinute;
    return model;
}

Account makeAccount(const GeneratedFleetSpec &spec, SeededRandom &random)
{
    Account account;
    account.id = QString::number(random.between(100'000'000'000, 999'999'999'999));
    account.region = spec.region;
    account.company = QLatin1String(random.pick(kCompanies));
    account.inputBucket = account.company + QLatin1String("-sensor-data-") + spec.region;
    account.outputBucket = account.company + QLatin1String("-lookout-results-") + spec.region;
    account.kmsKeyArn = QLatin1String("arn:aws:kms:") + spec.region + QLatin1Char(':') + account.id
        + QLatin1String(":key/") + uuid(random);
    const QString iam = QLatin1String("arn:aws:iam::") + account.id + QLatin1String(":role/");
    account.roles = { iam + QLatin1String("LookoutEquipmentInferenceRole"),
        iam + QLatin1String("service-role/AmazonLookoutEquipmentRole"),
        iam + account.company + QLatin1String("-lookout-inference") };
    return account;
}

} // namespace

QString GeneratedFleetSpec::validate() const
{
    if (count < 1 || count > kMaxCount) {
        return QLatin1String("fleet size must be within 1..") + QString::number(kMaxCount)
            + QLatin1String(", not ") + QString::number(count);
    }
    return {};
}

Fleet generateFleet(const GeneratedFleetSpec &spec, qint64 now, TransitionDurations durations)
{
    SeededRandom random(spec.seed);
    const Account account = makeAccount(spec, random);

    // A few models per kind of asset, shared by that kind's schedulers.
    const int modelsPerKind
        = qBound(1, spec.count / (6 * static_cast<int>(kAssetKinds.size())), 12);
    std::vector<ModelDescription> models;
    for (const AssetKind &kind : kAssetKinds) {
        for (int variant = 0; variant < modelsPerKind; ++variant) {
            const QString name = QLatin1String(kind.stem)
                + (variant % 2 == 0 ? QLatin1String("-anomaly-v") : QLatin1String("-model-v"))
                + QString::number(variant / 2 + 1)
                + (variant % 2 == 0 ? QString() : QStringLiteral("-tuned"));
            models.push_back(makeModel(account, kind, name, random, now));
        }
    }

    QSet<QString> names;
    names.reserve(spec.count);
    const qint64 numberRange = qMax<qint64>(999, spec.count / 4);
    std::vector<SchedulerRecord> schedulers;
    schedulers.reserve(static_cast<std::size_t>(spec.count));
    while (static_cast<int>(schedulers.size()) < spec.count) {
        const auto kindIndex = random.below(static_cast<quint32>(kAssetKinds.size()));
        const AssetKind &kind = kAssetKinds[kindIndex];
        const QString asset = assetName(kind, random.between(1, numberRange));
        const QString name = random.chance(30)
            ? QString(QLatin1String(random.pick(kSites)) + QLatin1Char('-') + asset)
            : asset;
        if (names.contains(name))
            continue;
        names.insert(name);

        const ModelDescription &model = models[kindIndex * static_cast<std::size_t>(modelsPerKind)
            + random.below(static_cast<quint32>(modelsPerKind))];
        SchedulerRecord record;
        record.historySeed = random.next();
        record.modelVersion = model.activeModelVersion.value_or(1);
        lookout::InferenceScheduler &scheduler = record.scheduler;
        scheduler.modelArn = model.modelArn;
        scheduler.modelName = model.modelName;
        scheduler.inferenceSchedulerName = name;
        scheduler.inferenceSchedulerArn = account.arn(
            QLatin1StringView("inference-scheduler"), name + QLatin1Char('/') + uuid(random));
        scheduler.dataDelayOffsetInMinutes = random.pick(kDelayOffsets);
        scheduler.dataUploadFrequency = QLatin1String(random.pick(kFrequencies));

        lookout::InferenceInputConfiguration input;
        const bool sitePrefix = random.chance(50);
        input.s3InputConfiguration = lookout::S3Location { account.inputBucket,
            sitePrefix ? QString(QLatin1String("plants/") + QLatin1String(random.pick(kSites))
                + QLatin1Char('/') + name + QLatin1Char('/'))
                       : QString(name + QLatin1String("/input/")) };
        input.inputTimeZoneOffset = QLatin1String(random.pick(kTimeZones));
        input.inferenceInputNameConfiguration = lookout::InferenceInputNameConfiguration {
            QLatin1String(random.pick(kTimestampFormats)), QLatin1String(random.pick(kDelimiters))
        };
        scheduler.dataInputConfiguration = input;

        lookout::InferenceOutputConfiguration output;
        output.s3OutputConfiguration = lookout::S3Location { account.outputBucket,
            QLatin1String("inference-results/") + name + QLatin1Char('/') };
        if (random.chance(30))
            output.kmsKeyId
                = random.chance(50) ? QStringLiteral("alias/lookout-results") : account.kmsKeyArn;
        scheduler.dataOutputConfiguration = output;
        scheduler.roleArn = account.roles[random.below(static_cast<quint32>(account.roles.size()))];
        if (random.chance(40))
            scheduler.serverSideKmsKeyId = account.kmsKeyArn;

        const qint64 created = qMax(*model.createdAt + kDay, now - random.between(14, 700) * kDay)
            - random.between(0, kDay - 1);
        scheduler.createdAt = timestampFromMicros(created);
        const qint64 firstRun = created + random.between(1, 30) * kMinute;
        const quint32 roll = random.below(100);
        qint64 updated = created;
        if (roll < 80) {
            updated = random.between(firstRun, now - kHour);
            scheduler.status = QString::fromLatin1(lookout::status::kRunning);
            if (updated - firstRun > 2 * kDay && random.chance(30))
                record.runs.append(RunInterval { firstRun, firstRun + (updated - firstRun) / 2 });
            record.runs.append(RunInterval { updated, std::nullopt });
        } else if (roll < 92) {
            updated = random.between(firstRun + kHour, now - kHour);
            scheduler.status = QString::fromLatin1(lookout::status::kStopped);
            record.runs.append(RunInterval { firstRun, updated });
        } else if (roll < 96) {
            updated = now - random.between(0, 2 * kSecond);
            scheduler.status = QString::fromLatin1(lookout::status::kPending);
            record.transitionDue
                = now + random.between(kSecond / 2, qMax(kSecond, durations.pendingMicros));
            if (random.chance(50))
                record.runs.append(
                    RunInterval { firstRun, random.between(firstRun + kHour, now - kHour) });
        } else {
            updated = now - random.between(0, 2 * kSecond);
            scheduler.status = QString::fromLatin1(lookout::status::kStopping);
            record.transitionDue
                = now + random.between(kSecond / 2, qMax(kSecond, durations.stoppingMicros));
            record.runs.append(RunInterval { firstRun, updated });
        }
        scheduler.updatedAt = timestampFromMicros(qMax(created, updated));
        if (!record.runs.isEmpty()) {
            scheduler.latestInferenceResult = QString::fromLatin1(
                random.chance(15) ? lookout::result::kAnomalous : lookout::result::kNormal);
        } else {
            // A PENDING scheduler being started again: it ran before, so it has executions and
            // results to show. Drawn apart from the fleet's sequence, which stays as it was.
            SeededRandom earlier(record.historySeed ^ kEarlierRunSalt);
            record.runs.append(
                RunInterval { firstRun, earlier.between(firstRun + kHour, now - kHour) });
            scheduler.latestInferenceResult = QString::fromLatin1(
                earlier.chance(15) ? lookout::result::kAnomalous : lookout::result::kNormal);
        }
        schedulers.push_back(std::move(record));
    }
    return Fleet(std::move(schedulers), std::move(models), durations);
}

} // namespace emulator
