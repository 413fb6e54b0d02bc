#include "emulator/archiveloader.h"

#include "emulator/inputreader.h"
#include "lookout/jsoncodec.h"
#include "lookout/service.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>

namespace emulator {

namespace {

constexpr qint64 kDay = 24LL * 3600 * 1'000'000;

// FNV-1a: a stable per-name seed for the execution history (qHash may change between Qt versions).
quint64 stableHash(const QString &text)
{
    quint64 hash = 1469598103934665603ULL;
    for (QChar c : text) {
        hash ^= c.unicode();
        hash *= 1099511628211ULL;
    }
    return hash;
}

SchedulerRecord recordFrom(
    lookout::InferenceScheduler scheduler, qint64 now, TransitionDurations durations)
{
    SchedulerRecord record;
    record.historySeed = stableHash(*scheduler.inferenceSchedulerName);
    const qint64 created
        = scheduler.createdAt ? scheduler.createdAt->epochMicroseconds : now - 30 * kDay;
    const qint64 updated = scheduler.updatedAt ? scheduler.updatedAt->epochMicroseconds : created;
    const QString status = scheduler.status.value_or(QString());
    if (status == QLatin1String(lookout::status::kRunning)) {
        record.runs.append(RunInterval { qMin(updated, now), std::nullopt });
    } else if (status == QLatin1String(lookout::status::kStopped) && updated > created) {
        record.runs.append(RunInterval { created, updated });
    } else if (status == QLatin1String(lookout::status::kPending)) {
        record.transitionDue = now + durations.pendingMicros;
    } else if (status == QLatin1String(lookout::status::kStopping)) {
        record.transitionDue = now + durations.stoppingMicros;
        if (updated > created)
            record.runs.append(RunInterval { created, updated });
    }
    record.scheduler = std::move(scheduler);
    return record;
}

void addModel(
    QHash<QString, ModelDescription> &models, const lookout::InferenceScheduler &scheduler)
{
    if (!scheduler.modelName || !scheduler.modelArn
        || !InputReader::isIdentifier(*scheduler.modelName))
        return;
    ModelDescription &model = models[*scheduler.modelName];
    if (model.modelName.isEmpty()) {
        model.modelName = *scheduler.modelName;
        model.modelArn = *scheduler.modelArn;
        model.roleArn = scheduler.roleArn;
        model.serverSideKmsKeyId = scheduler.serverSideKmsKeyId;
        model.activeModelVersion = 1;
    }
    if (scheduler.createdAt
        && (!model.createdAt || scheduler.createdAt->epochMicroseconds < *model.createdAt)) {
        model.createdAt = scheduler.createdAt->epochMicroseconds;
        model.lastUpdatedTime = model.createdAt;
    }
}

} // namespace

ArchiveLoad loadArchive(const QString &directory, qint64 now, TransitionDurations durations)
{
    ArchiveLoad load;
    const QFileInfo info(directory);
    if (!info.exists()) {
        load.error = directory + QLatin1String(": no such directory");
        return load;
    }
    if (!info.isDir()) {
        load.error = directory + QLatin1String(": not a directory");
        return load;
    }
    const QDir dir(directory);
    const QStringList files = dir.entryList({ QStringLiteral("*.json") },
        QDir::Files | QDir::Readable | QDir::NoDotAndDotDot, QDir::Name);
    const QStringList allJson = dir.entryList(
        { QStringLiteral("*.json") }, QDir::Files | QDir::NoDotAndDotDot, QDir::Name);
    for (const QString &name : allJson) {
        if (!files.contains(name))
            load.problems.append({ dir.filePath(name), QStringLiteral("not readable") });
    }
    if (allJson.isEmpty()) {
        load.error = directory + QLatin1String(": no *.json files (expected saved `")
            + lookout::service::cliCommand(
                QLatin1StringView(lookout::service::operation::kDescribeInferenceScheduler))
            + QLatin1String(" --output json` outputs)");
        return load;
    }

    std::vector<SchedulerRecord> records;
    QHash<QString, QString> pathByName;
    QHash<QString, ModelDescription> models;
    for (const QString &name : files) {
        const QString path = dir.filePath(name);
        QFile file(path);
        if (file.size() > kMaxArchiveFileBytes) {
            load.problems.append({ path,
                QLatin1String("larger than ") + QString::number(kMaxArchiveFileBytes)
                    + QLatin1String(" bytes") });
            continue;
        }
        if (!file.open(QIODevice::ReadOnly)) {
            load.problems.append({ path, file.errorString() });
            continue;
        }
        const QByteArray content = file.read(kMaxArchiveFileBytes + 1);
        aws::Result<lookout::InferenceScheduler> decoded
            = lookout::json::decodeCliDescribeInferenceScheduler(content);
        if (!decoded) {
            load.problems.append({ path, decoded.error().message });
            continue;
        }
        lookout::InferenceScheduler scheduler = std::move(decoded).value();
        if (!scheduler.inferenceSchedulerName) {
            load.problems.append({ path, QStringLiteral("InferenceSchedulerName is missing") });
            continue;
        }
        const QString schedulerName = *scheduler.inferenceSchedulerName;
        if (!InputReader::isIdentifier(schedulerName)) {
            load.problems.append({ path,
                QLatin1String("InferenceSchedulerName '") + schedulerName
                    + QLatin1String("' does not match ^[0-9a-zA-Z_-]{1,200}$") });
            continue;
        }
        if (pathByName.contains(schedulerName)) {
            load.problems.append({ path,
                QLatin1String("InferenceSchedulerName '") + schedulerName
                    + QLatin1String("' was already loaded from ")
                    + pathByName.value(schedulerName) });
            continue;
        }
        pathByName.insert(schedulerName, path);
        addModel(models, scheduler);
        records.push_back(recordFrom(std::move(scheduler), now, durations));
    }

    if (records.empty()) {
        load.error = directory + QLatin1String(": none of the ") + QString::number(allJson.size())
            + QLatin1String(" *.json files holds a usable describe-inference-scheduler output");
        return load;
    }
    std::vector<ModelDescription> modelList;
    modelList.reserve(static_cast<std::size_t>(models.size()));
    for (ModelDescription &model : models)
        modelList.push_back(std::move(model));
    load.fleet = Fleet(std::move(records), std::move(modelList), durations);
    return load;
}

} // namespace emulator
