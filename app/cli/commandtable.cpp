#include "cli/commandtable.h"

#include "cli/configurecommand.h"
#include "cli/emulatorcommand.h"
#include "cli/invocation.h"
#include "cli/lookoutcalls.h"
#include "cli/resultscommand.h"
#include "cli/ssologincommand.h"
#include "lookout/service.h"

namespace cli {

using namespace Qt::StringLiterals;
namespace operation = lookout::service::operation;

const QList<CommandSpec> &commandTable()
{
    // Scheduler names in the examples are from the fleet `lookout-desk emulator --fleet 40`
    // generates (helptext.h): centrifuge-060 is RUNNING there, pump-station-286 STOPPED.
    static const QList<CommandSpec> table {
        {
            .name = "describe"_L1,
            .operation = QLatin1StringView(operation::kDescribeInferenceScheduler),
            .positional = "NAME"_L1,
            .call = &callDescribe,
            .summary = "{operation}: one scheduler in full.",
            .description = "Prints {operation} for the inference scheduler NAME, "
                           "as\n`{cli} --inference-scheduler-name NAME`\nprints it.",
            .example = "describe centrifuge-060 --output table",
        },
        {
            .name = "list"_L1,
            .operation = QLatin1StringView(operation::kListInferenceSchedulers),
            .parameters = {
                { .option = "--name-prefix"_L1, .placeholder = "P"_L1,
                    .help = "Only schedulers whose name begins with P." },
                { .option = "--status"_L1, .placeholder = "S"_L1,
                    .help = "Only schedulers in status S: PENDING, RUNNING, STOPPING\n"
                            "or STOPPED." },
                { .option = "--model"_L1, .placeholder = "M"_L1,
                    .help = "Only schedulers of the model named M." },
            },
            .call = &callList,
            .summary = "{operation}, every page merged into one list.",
            .description = "Prints every inference scheduler, following each NextToken (500 per "
                           "request), as\none InferenceSchedulerSummaries list.",
            .example = "list --output table",
        },
        {
            .name = "executions"_L1,
            .operation = QLatin1StringView(operation::kListInferenceExecutions),
            .positional = "NAME"_L1,
            .parameters = {
                { .option = "--max-items"_L1, .placeholder = "N"_L1,
                    .type = ValueType::WholeNumber, .minimum = 1, .maximum = 1'000'000,
                    .help = "At most N executions (default: all)." },
                { .option = "--status"_L1, .placeholder = "S"_L1,
                    .help = "Only executions in status S: IN_PROGRESS, SUCCESS or FAILED." },
                { .option = "--start-time-after"_L1, .placeholder = "T"_L1,
                    .type = ValueType::Timestamp, .member = "DataStartTimeAfter"_L1,
                    .help = "Only executions whose data starts after T." },
                { .option = "--end-time-before"_L1, .placeholder = "T"_L1,
                    .type = ValueType::Timestamp, .member = "DataEndTimeBefore"_L1,
                    .help = "Only executions whose data ends before T." },
            },
            .call = &callExecutions,
            .summary = "{operation}, newest first.",
            .description = "Prints the inference executions of the scheduler NAME, newest first, "
                           "as one\nInferenceExecutionSummaries list.",
            .example = "executions centrifuge-060 --output table",
        },
        {
            .name = "events"_L1,
            .operation = QLatin1StringView(operation::kListInferenceEvents),
            .positional = "NAME"_L1,
            .parameters = {
                { .option = "--start-time"_L1, .placeholder = "T"_L1,
                    .type = ValueType::Timestamp, .member = "IntervalStartTime"_L1,
                    .help = "Events that end at T or later (default: 24 hours before\n"
                            "--end-time)." },
                { .option = "--end-time"_L1, .placeholder = "T"_L1,
                    .type = ValueType::Timestamp, .member = "IntervalEndTime"_L1,
                    .help = "Events that start at T or earlier (default: now)." },
                { .option = "--max-items"_L1, .placeholder = "N"_L1,
                    .type = ValueType::WholeNumber, .minimum = 1, .maximum = 1'000'000,
                    .help = "At most N events (default: all)." },
            },
            .call = &callEvents,
            .summary = "{operation}: anomaly events, every page merged.",
            .description = "Prints the anomaly events of the scheduler NAME between --start-time "
                           "and\n--end-time (the last 24 hours when neither is given), following "
                           "each\nNextToken, as one InferenceEventSummaries list. Diagnostics "
                           "is the service's\nstring: a JSON list of the sensors that "
                           "contributed, with their shares.",
            .example = "events centrifuge-060 --output table",
        },
        {
            .name = "start"_L1,
            .operation = QLatin1StringView(operation::kStartInferenceScheduler),
            .positional = "NAME"_L1,
            .call = &callStart,
            .summary = "{operation}.",
            .description = "Calls {operation} for the scheduler NAME and prints the "
                           "answer\n(its new status: PENDING). Only a STOPPED scheduler can be "
                           "started.",
            .example = "start pump-station-286 --output table",
        },
        {
            .name = "stop"_L1,
            .operation = QLatin1StringView(operation::kStopInferenceScheduler),
            .positional = "NAME"_L1,
            .call = &callStop,
            .summary = "{operation}.",
            .description = "Calls {operation} for the scheduler NAME and prints the "
                           "answer\n(its new status: STOPPING). Only a RUNNING or PENDING "
                           "scheduler can be stopped.",
            .example = "stop centrifuge-060 --output table",
        },
        {
            .name = "results"_L1,
            .positional = "SOURCE"_L1,
            .parameters = {
                { .option = "--start-time"_L1, .placeholder = "T"_L1,
                    .type = ValueType::Timestamp,
                    .help = "Only predictions at T or later." },
                { .option = "--end-time"_L1, .placeholder = "T"_L1,
                    .type = ValueType::Timestamp,
                    .help = "Only predictions before T." },
            },
            .csvOutput = true,
            .run = [](const Invocation &invocation) { return runResultsCommand(invocation); },
            .summary = "The predictions and events a scheduler wrote, from S3\n"
                       "(s3://bucket/prefix/ or a scheduler NAME) or a folder.",
            .description = "Reads every results.jsonl file under SOURCE: an s3://bucket/prefix/ "
                           "location\n(ListObjectsV2 and GetObject, with --profile, --region and "
                           "--endpoint-url\nfor S3), a scheduler NAME (its S3 output location, "
                           "from\nDescribeInferenceScheduler; --endpoint-url is then Lookout for "
                           "Equipment's\nand S3's is AWS_ENDPOINT_URL_S3 or the profile's), or "
                           "a folder (for example\nafter `aws s3 sync`). Prints the "
                           "predictions in time order\nand the events: runs of anomalous "
                           "predictions with the sensors that contributed\nmost. --output text "
                           "and table print the events; --output csv prints the\npredictions, "
                           "one column per sensor. Lines that cannot be read are counted on\n"
                           "stderr, the first few with their file and line.",
        },
        {
            .name = "configure"_L1,
            .readsItsOwnOptions = true,
            .run = [](const Invocation &invocation) {
                return runConfigureCommand(invocation.passThrough);
            },
            .summary = "Keychain profiles: configure --profile NAME [--delete],\n"
                       "configure list-profiles.",
        },
        {
            .name = "sso login"_L1,
            .parameters = {
                { .option = "--no-browser"_L1, .type = ValueType::Flag,
                    .help = "Print the sign-in page and the code instead of also opening\nthe "
                            "page in the browser." },
            },
            .run = [](const Invocation &invocation) { return runSsoLoginCommand(invocation); },
            .summary = "Sign in with IAM Identity Center, as aws sso login does:\nthe token "
                       "goes to the AWS CLI's cache (~/.aws/sso/cache).",
            .description = "Signs in to the IAM Identity Center start URL of the profile (its "
                           "sso-session's,\nor its own sso_start_url): shows a page and a code "
                           "to approve in a browser,\nwaits for the approval, and caches the "
                           "token where aws sso login caches it.\nThe profile's SSO "
                           "credentials then work for every command and the window.",
        },
        {
            .name = "emulator"_L1,
            .readsItsOwnOptions = true,
            .run = [](const Invocation &invocation) {
                return runEmulatorCommand(invocation.passThrough);
            },
            .summary = "Serve the built-in emulator of the service on 127.0.0.1.",
        },
    };
    return table;
}

const CommandSpec *findCommand(QStringView name, const QList<CommandSpec> &table)
{
    for (const CommandSpec &command : table) {
        if (name == command.name)
            return &command;
    }
    return nullptr;
}

} // namespace cli
