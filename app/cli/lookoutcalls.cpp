#include "cli/lookoutcalls.h"

#include <QTimer>

namespace cli {

namespace {

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

} // namespace

void callLookout(const Invocation &invocation, lookout::LookoutClient &client,
    const lookout::json::CliFormat &timestamps, QObject *context, CliJsonCallback done)
{
    const QString &name = invocation.schedulerName;
    switch (invocation.command) {
    case Command::Describe:
        client.describeInferenceScheduler(name, context,
            printedAs<lookout::InferenceScheduler>(
                std::move(done), [timestamps](const auto &scheduler) {
                    return lookout::json::cliDescribeInferenceScheduler(scheduler, timestamps);
                }));
        return;
    case Command::List:
        client.listInferenceSchedulers(invocation.schedulerFilter, context, {},
            printedAs<QList<lookout::InferenceSchedulerSummary>>(
                std::move(done), [](const auto &summaries) {
                    return lookout::json::cliListInferenceSchedulers(summaries);
                }));
        return;
    case Command::Executions:
        client.listInferenceExecutions(name, invocation.executionFilter, invocation.maxItems,
            context,
            printedAs<QList<lookout::InferenceExecutionSummary>>(
                std::move(done), [timestamps](const auto &executions) {
                    return lookout::json::cliListInferenceExecutions(executions, timestamps);
                }));
        return;
    case Command::Start:
    case Command::Stop: {
        auto printed = printedAs<lookout::SchedulerStateChange>(std::move(done),
            [](const auto &change) { return lookout::json::cliSchedulerStateChange(change); });
        if (invocation.command == Command::Start)
            client.startInferenceScheduler(name, context, std::move(printed));
        else
            client.stopInferenceScheduler(name, context, std::move(printed));
        return;
    }
    case Command::None:
    case Command::Configure:
    case Command::Emulator:
        break;
    }
    // A caller's mistake, reported like any other failure rather than crashing.
    aws::AwsError error;
    error.kind = aws::AwsError::Kind::InvalidParameter;
    error.message = QStringLiteral("'%1' is not a Lookout for Equipment command")
                        .arg(commandName(invocation.command));
    QTimer::singleShot(0, context, [done = std::move(done), error] { done(error); });
}

} // namespace cli
