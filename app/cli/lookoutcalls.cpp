#include "cli/lookoutcalls.h"

#include "lookout/jsoncodec.h"
#include "lookout/lookoutclient.h"
#include "lookout/parametervalidation.h"
#include "lookout/service.h"

#include <QTimer>

namespace cli {

namespace {

using namespace Qt::StringLiterals;

// Adapts a typed callback to one that delivers the CLI's JSON for the value.
template<typename T, typename Encode>
lookout::LookoutClient::Callback<T> printedAs(CliJsonCallback done, Encode encode)
{
    return [done = std::move(done), encode = std::move(encode)](const aws::Result<T> &result) {
        if (!result.ok())
            done(result.error());
        else
            done(encode(result.value()));
    };
}

lookout::LookoutClient::Callback<lookout::SchedulerStateChange> printedStateChange(
    CliJsonCallback done)
{
    return printedAs<lookout::SchedulerStateChange>(std::move(done),
        [](const auto &change) { return lookout::json::cliSchedulerStateChange(change); });
}

} // namespace

void callDescribe(const ServiceCall &call, CliJsonCallback done)
{
    call.client.describeInferenceScheduler(call.arguments.positional, call.context,
        printedAs<lookout::InferenceScheduler>(
            std::move(done), [timestamps = call.timestamps](const auto &scheduler) {
                return lookout::json::cliDescribeInferenceScheduler(scheduler, timestamps);
            }));
}

void callList(const ServiceCall &call, CliJsonCallback done)
{
    lookout::InferenceSchedulerFilter filter;
    filter.namePrefix = call.arguments.text("--name-prefix"_L1);
    filter.status = call.arguments.text("--status"_L1);
    filter.modelName = call.arguments.text("--model"_L1);
    call.client.listInferenceSchedulers(filter, call.context, {},
        printedAs<QList<lookout::InferenceSchedulerSummary>>(
            std::move(done), [](const auto &summaries) {
                return lookout::json::cliListInferenceSchedulers(summaries);
            }));
}

namespace {

// --max-items, which the command table bounds to 1..1000000.
std::optional<int> maxItemsOf(const ServiceCall &call)
{
    if (const auto count = call.arguments.wholeNumber("--max-items"_L1))
        return static_cast<int>(*count);
    return std::nullopt;
}

// A timestamp whose text is no time is refused as botocore refuses it, when it validates the
// request: with the name's problems before it, in the model's order. True when one was; the
// error is delivered from the event loop, as the client delivers its own.
bool refusedTimestamps(const ServiceCall &call, const char *operation, CliJsonCallback &done)
{
    const QList<RefusedTimestamp> refused = call.arguments.refusedTimestamps();
    if (refused.isEmpty())
        return false;
    lookout::ParameterCheck check;
    check.identifier("InferenceSchedulerName"_L1, call.arguments.positional);
    for (const RefusedTimestamp &timestamp : refused)
        check.notATimestamp(timestamp.member, timestamp.text);
    const aws::AwsError error = *check.error(QString::fromLatin1(operation));
    auto deliver = [done = std::move(done), error] { done(error); };
    if (call.context)
        QTimer::singleShot(0, call.context, std::move(deliver));
    else
        QTimer::singleShot(0, std::move(deliver));
    return true;
}

} // namespace

void callExecutions(const ServiceCall &call, CliJsonCallback done)
{
    if (refusedTimestamps(call, lookout::service::operation::kListInferenceExecutions, done))
        return;
    lookout::InferenceExecutionFilter filter;
    filter.status = call.arguments.text("--status"_L1);
    filter.dataStartTimeAfter = call.arguments.timestamp("--start-time-after"_L1);
    filter.dataEndTimeBefore = call.arguments.timestamp("--end-time-before"_L1);
    const std::optional<int> maxItems = maxItemsOf(call);
    call.client.listInferenceExecutions(call.arguments.positional, filter, maxItems, call.context,
        printedAs<QList<lookout::InferenceExecutionSummary>>(
            std::move(done), [timestamps = call.timestamps](const auto &executions) {
                return lookout::json::cliListInferenceExecutions(executions, timestamps);
            }));
}

void callEvents(const ServiceCall &call, CliJsonCallback done)
{
    if (refusedTimestamps(call, lookout::service::operation::kListInferenceEvents, done))
        return;
    // The API requires both ends; the default is the day before now, as the window shows it.
    constexpr qint64 kDayMicros = 24LL * 60 * 60 * 1'000'000;
    const std::optional<lookout::Timestamp> end = call.arguments.timestamp("--end-time"_L1);
    const std::optional<lookout::Timestamp> start = call.arguments.timestamp("--start-time"_L1);
    lookout::InferenceEventInterval interval;
    interval.end = end.value_or(lookout::Timestamp::fromDateTime(call.clock.now()));
    interval.start
        = start.value_or(lookout::Timestamp { interval.end.epochMicroseconds - kDayMicros });
    const std::optional<int> maxItems = maxItemsOf(call);
    call.client.listInferenceEvents(call.arguments.positional, interval, maxItems, call.context,
        printedAs<QList<lookout::InferenceEventSummary>>(
            std::move(done), [timestamps = call.timestamps](const auto &events) {
                return lookout::json::cliListInferenceEvents(events, timestamps);
            }));
}

void callStart(const ServiceCall &call, CliJsonCallback done)
{
    call.client.startInferenceScheduler(
        call.arguments.positional, call.context, printedStateChange(std::move(done)));
}

void callStop(const ServiceCall &call, CliJsonCallback done)
{
    call.client.stopInferenceScheduler(
        call.arguments.positional, call.context, printedStateChange(std::move(done)));
}

} // namespace cli
