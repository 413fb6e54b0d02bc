#include "emulator/lookoutoperations.h"

#include "emulator/executionhistory.h"
#include "emulator/inferenceevents.h"
#include "emulator/inputreader.h"
#include "emulator/modeldescription.h"
#include "lookout/jsoncodec.h"
#include "lookout/service.h"

namespace emulator {

namespace {

using namespace Qt::StringLiterals;

const auto kSchedulerName = "InferenceSchedulerName"_L1;

OperationResult failure(ServiceError error)
{
    return OperationResult { {}, std::move(error) };
}

ServiceError schedulerNotFound(const QString &name)
{
    return serviceerrors::resourceNotFound(
        u"Inference scheduler "_s + name + u" does not exist."_s);
}

ServiceError invalidToken()
{
    return serviceerrors::validation(
        u"Invalid NextToken: it was not issued by this endpoint for the same request parameters."_s);
}

QByteArray scopeOf(std::initializer_list<QString> parts)
{
    QByteArray scope;
    for (const QString &part : parts) {
        scope += part.toUtf8();
        scope += '\n';
    }
    return scope;
}

QString optionalText(const std::optional<QString> &value)
{
    return value ? u"="_s + *value : QString();
}

QString optionalTime(const std::optional<qint64> &value)
{
    return value ? QString::number(*value) : QString();
}

} // namespace

std::optional<int> LookoutOperations::findScheduler(const QString &name) const
{
    const int index = m_fleet.indexOf(name);
    return index < 0 ? std::nullopt : std::optional<int>(index);
}

OperationResult LookoutOperations::describeInferenceScheduler(const QJsonObject &input) const
{
    InputReader reader(input);
    const std::optional<QString> name
        = reader.identifier(kSchedulerName, InputReader::Presence::Required);
    if (auto error = reader.error())
        return failure(*error);
    const std::optional<int> index = findScheduler(*name);
    if (!index)
        return failure(schedulerNotFound(*name));
    return OperationResult {
        lookout::json::encodeDescribeInferenceScheduler(m_fleet.at(*index).scheduler), {}
    };
}

OperationResult LookoutOperations::listInferenceSchedulers(const QJsonObject &input) const
{
    InputReader reader(input);
    const std::optional<QString> token = reader.nextToken("NextToken"_L1);
    const std::optional<int> maxResults = reader.maxResults("MaxResults"_L1);
    const std::optional<QString> prefix
        = reader.identifier("InferenceSchedulerNameBeginsWith"_L1, InputReader::Presence::Optional);
    const std::optional<QString> modelName
        = reader.identifier("ModelName"_L1, InputReader::Presence::Optional);
    const std::optional<QString> status = reader.enumValue(
        "Status"_L1, { "PENDING"_L1, "RUNNING"_L1, "STOPPING"_L1, "STOPPED"_L1 });
    if (auto error = reader.error())
        return failure(*error);

    const QByteArray scope = scopeOf(
        { QString(QLatin1StringView(lookout::service::operation::kListInferenceSchedulers)),
            optionalText(prefix), optionalText(modelName), optionalText(status) });
    int index = prefix ? m_fleet.lowerBound(*prefix) : 0;
    if (token) {
        const std::optional<QByteArray> cursor = m_tokens.redeem(*token, scope);
        if (!cursor)
            return failure(invalidToken());
        const QString after = QString::fromUtf8(*cursor);
        index = qMax(index, m_fleet.lowerBound(after));
        if (index < m_fleet.size() && m_fleet.at(index).name() == after)
            ++index;
    }

    const int limit = maxResults.value_or(kDefaultMaxResults);
    lookout::InferenceSchedulerPage page;
    page.summaries.reserve(qMin(limit, m_fleet.size()));
    for (; index < m_fleet.size(); ++index) {
        const SchedulerRecord &record = m_fleet.at(index);
        if (prefix && !record.name().startsWith(*prefix))
            break; // names are sorted: the prefix range is over
        if (status && record.scheduler.status != *status)
            continue;
        if (modelName && record.scheduler.modelName != *modelName)
            continue;
        if (page.summaries.size() == limit) {
            page.nextToken
                = m_tokens.issue(scope, page.summaries.last().inferenceSchedulerName->toUtf8());
            break;
        }
        page.summaries.append(lookout::summaryOf(record.scheduler));
    }
    return OperationResult { lookout::json::encodeListInferenceSchedulers(page), {} };
}

OperationResult LookoutOperations::listInferenceExecutions(
    const QJsonObject &input, qint64 now) const
{
    InputReader reader(input);
    const std::optional<QString> token = reader.nextToken("NextToken"_L1);
    const std::optional<int> maxResults = reader.maxResults("MaxResults"_L1);
    const std::optional<QString> name
        = reader.identifier(kSchedulerName, InputReader::Presence::Required);
    ExecutionFilter filter;
    filter.dataStartTimeAfter = reader.timestamp("DataStartTimeAfter"_L1);
    filter.dataEndTimeBefore = reader.timestamp("DataEndTimeBefore"_L1);
    filter.status = reader.enumValue("Status"_L1, { "IN_PROGRESS"_L1, "SUCCESS"_L1, "FAILED"_L1 });
    if (auto error = reader.error())
        return failure(*error);
    const std::optional<int> index = findScheduler(*name);
    if (!index)
        return failure(schedulerNotFound(*name));

    const QByteArray scope = scopeOf(
        { QString(QLatin1StringView(lookout::service::operation::kListInferenceExecutions)), *name,
            optionalTime(filter.dataStartTimeAfter), optionalTime(filter.dataEndTimeBefore),
            optionalText(filter.status) });
    std::optional<qint64> before;
    if (token) {
        const std::optional<QByteArray> cursor = m_tokens.redeem(*token, scope);
        bool isNumber = false;
        before = cursor ? cursor->toLongLong(&isNumber) : 0;
        if (!isNumber)
            return failure(invalidToken());
    }

    const SchedulerRecord &record = m_fleet.at(*index);
    const ExecutionSlice slice = listExecutions(record, filter, before,
        maxResults.value_or(kDefaultMaxResults), now, m_writer.sensors(record));
    lookout::InferenceExecutionPage page;
    page.summaries = slice.executions;
    if (slice.continueBefore)
        page.nextToken = m_tokens.issue(scope, QByteArray::number(*slice.continueBefore));
    return OperationResult { lookout::json::encodeListInferenceExecutions(page), {} };
}

OperationResult LookoutOperations::listInferenceEvents(const QJsonObject &input, qint64 now) const
{
    InputReader reader(input);
    const std::optional<QString> token = reader.nextToken("NextToken"_L1);
    const std::optional<int> maxResults = reader.maxResults("MaxResults"_L1);
    const std::optional<QString> name
        = reader.identifier(kSchedulerName, InputReader::Presence::Required);
    const std::optional<qint64> intervalStart
        = reader.timestamp("IntervalStartTime"_L1, InputReader::Presence::Required);
    const std::optional<qint64> intervalEnd
        = reader.timestamp("IntervalEndTime"_L1, InputReader::Presence::Required);
    if (auto error = reader.error())
        return failure(*error);
    if (*intervalStart > *intervalEnd)
        return failure(serviceerrors::validation(
            u"IntervalStartTime must not be later than IntervalEndTime."_s));
    const std::optional<int> index = findScheduler(*name);
    if (!index)
        return failure(schedulerNotFound(*name));

    const QByteArray scope
        = scopeOf({ QString(QLatin1StringView(lookout::service::operation::kListInferenceEvents)),
            *name, optionalTime(intervalStart), optionalTime(intervalEnd) });
    std::optional<qint64> after;
    if (token) {
        const std::optional<QByteArray> cursor = m_tokens.redeem(*token, scope);
        bool isNumber = false;
        after = cursor ? cursor->toLongLong(&isNumber) : 0;
        if (!isNumber)
            return failure(invalidToken());
    }

    const EventSlice slice = listEvents(m_writer, m_fleet.at(*index), *intervalStart, *intervalEnd,
        after, maxResults.value_or(kDefaultMaxResults), now);
    lookout::InferenceEventPage page;
    page.summaries = slice.events;
    if (slice.continueAfter)
        page.nextToken = m_tokens.issue(scope, QByteArray::number(*slice.continueAfter));
    return OperationResult { lookout::json::encodeListInferenceEvents(page), {} };
}

OperationResult LookoutOperations::startInferenceScheduler(const QJsonObject &input, qint64 now)
{
    return changeState(input, now, true);
}

OperationResult LookoutOperations::stopInferenceScheduler(const QJsonObject &input, qint64 now)
{
    return changeState(input, now, false);
}

OperationResult LookoutOperations::changeState(const QJsonObject &input, qint64 now, bool start)
{
    InputReader reader(input);
    const std::optional<QString> name
        = reader.identifier(kSchedulerName, InputReader::Presence::Required);
    if (auto error = reader.error())
        return failure(*error);
    const std::optional<int> index = findScheduler(*name);
    if (!index)
        return failure(schedulerNotFound(*name));
    if (const std::optional<QString> conflict
        = start ? m_fleet.start(*index, now) : m_fleet.stop(*index, now))
        return failure(serviceerrors::conflict(*conflict));
    const lookout::InferenceScheduler &scheduler = m_fleet.at(*index).scheduler;
    const lookout::SchedulerStateChange change { scheduler.modelArn, scheduler.modelName,
        scheduler.inferenceSchedulerName, scheduler.inferenceSchedulerArn, scheduler.status };
    return OperationResult { lookout::json::encodeSchedulerStateChange(change), {} };
}

OperationResult LookoutOperations::describeModel(const QJsonObject &input) const
{
    InputReader reader(input);
    const std::optional<QString> name
        = reader.identifier("ModelName"_L1, InputReader::Presence::Required);
    if (auto error = reader.error())
        return failure(*error);
    const ModelDescription *model = m_fleet.model(*name);
    if (!model)
        return failure(
            serviceerrors::resourceNotFound(u"Model "_s + *name + u" does not exist."_s));
    return OperationResult { encodeDescribeModel(*model), {} };
}

} // namespace emulator
