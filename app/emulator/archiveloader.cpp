#include "emulator/archiveloader.h"

#include "core/boundedfile.h"
#include "core/visibletext.h"
#include "emulator/inputreader.h"
#include "lookout/jsoncodec.h"
#include "lookout/service.h"

#include <QDir>
#include <QFileInfo>
#include <QHash>

#include <optional>

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

QString printablePath(const QString &path)
{
    return core::visibleText(path);
}

// Whether `path` names something inside `root` (both canonical).
bool isInside(const QString &path, const QString &root)
{
    return path.startsWith(root.endsWith(u'/') ? root : root + u'/');
}

// Why the *.json entry `info` of the archive is not read, or nothing when it may be.
std::optional<QString> entryProblem(const QFileInfo &info, const QString &root)
{
    if (info.fileName().startsWith(u'.'))
        return QStringLiteral("is a hidden file");
    if (info.isSymLink()) {
        const QString target = info.canonicalFilePath();
        if (target.isEmpty())
            return QStringLiteral("is a symbolic link to nothing");
        if (!isInside(target, root))
            return QStringLiteral("is a symbolic link that leads out of the directory");
    }
    return std::nullopt;
}

} // namespace

ArchiveLoad loadArchive(const QString &directory, qint64 now, TransitionDurations durations)
{
    ArchiveLoad load;
    const QFileInfo info(directory);
    if (!info.exists()) {
        load.error = printablePath(directory) + QLatin1String(": no such directory");
        return load;
    }
    if (!info.isDir()) {
        load.error = printablePath(directory) + QLatin1String(": not a directory");
        return load;
    }
    const QString root = info.canonicalFilePath();
    const QDir dir(directory);
    // Everything named *.json, hidden and special files and links to nothing included, so that
    // each one not served is named with why.
    const QFileInfoList entries = dir.entryInfoList({ QStringLiteral("*.json") },
        QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot, QDir::Name);
    if (entries.isEmpty()) {
        load.error = printablePath(directory) + QLatin1String(": no *.json files (expected saved `")
            + lookout::service::cliCommand(
                QLatin1StringView(lookout::service::operation::kDescribeInferenceScheduler))
            + QLatin1String(" --output json` outputs)");
        return load;
    }
    QList<QString> files;
    for (const QFileInfo &entry : entries) {
        if (const auto problem = entryProblem(entry, root)) {
            load.problems.append({ printablePath(entry.filePath()), *problem });
            continue;
        }
        files.append(entry.fileName());
    }

    std::vector<SchedulerRecord> records;
    QHash<QString, QString> pathByName;
    QHash<QString, ModelDescription> models;
    for (const QString &name : files) {
        const QString path = dir.filePath(name);
        const core::Result<QByteArray, core::FileReadError> read
            = core::readBoundedFile(path, kMaxArchiveFileBytes);
        if (!read.ok()) {
            load.problems.append({ printablePath(path), read.error().reason });
            continue;
        }
        const QByteArray &content = read.value();
        aws::Result<lookout::InferenceScheduler> decoded
            = lookout::json::decodeCliDescribeInferenceScheduler(content);
        if (!decoded) {
            load.problems.append(
                { printablePath(path), core::visibleText(decoded.error().message) });
            continue;
        }
        lookout::InferenceScheduler scheduler = std::move(decoded).value();
        if (!scheduler.inferenceSchedulerName) {
            load.problems.append(
                { printablePath(path), QStringLiteral("InferenceSchedulerName is missing") });
            continue;
        }
        const QString schedulerName = *scheduler.inferenceSchedulerName;
        if (!InputReader::isIdentifier(schedulerName)) {
            load.problems.append({ printablePath(path),
                QLatin1String("InferenceSchedulerName '") + core::visibleText(schedulerName)
                    + QLatin1String("' does not match ^[0-9a-zA-Z_-]{1,200}$") });
            continue;
        }
        if (pathByName.contains(schedulerName)) {
            load.problems.append({ printablePath(path),
                QLatin1String("InferenceSchedulerName '") + schedulerName
                    + QLatin1String("' was already loaded from ")
                    + printablePath(pathByName.value(schedulerName)) });
            continue;
        }
        pathByName.insert(schedulerName, path);
        addModel(models, scheduler);
        records.push_back(recordFrom(std::move(scheduler), now, durations));
    }

    if (records.empty()) {
        load.error = printablePath(directory) + QLatin1String(": none of the ")
            + QString::number(entries.size())
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
