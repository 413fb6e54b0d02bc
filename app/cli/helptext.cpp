#include "cli/helptext.h"

#include "appinfo.h"

#include <QCoreApplication>

namespace cli {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(cli::HelpText)
};

QString binary()
{
    return QString::fromLatin1(appinfo::kBinaryName);
}

QString globalOptionsText()
{
    return Text::tr(
        "Global options (anywhere on the line):\n"
        "  --profile NAME             Profile from ~/.aws/config and ~/.aws/credentials, or a "
        "keychain\n"
        "                             profile (default: AWS_PROFILE, else \"default\").\n"
        "  --region REGION            Region (default: AWS_REGION, AWS_DEFAULT_REGION, the "
        "profile's).\n"
        "  --endpoint-url URL         Endpoint instead of the configured or regional one; plain "
        "http://\n"
        "                             only to loopback addresses.\n"
        "  --output json|table|text   Output format (default: AWS_DEFAULT_OUTPUT, the profile's "
        "output,\n"
        "                             else json).\n"
        "  --color on|off|auto        Colour table output (default auto: when stdout is a "
        "terminal).\n"
        "  --read-timeout SECONDS     Longest wait for data once a request is sent (default 60; 0: "
        "none).\n"
        "  --connect-timeout SECONDS  Longest wait to connect and send a request (default 60; 0: "
        "none).\n"
        "  --debug                    Print on stderr how the profile, credentials, region and "
        "endpoint\n"
        "                             were resolved and every HTTP exchange. Never prints a "
        "secret.\n");
}

} // namespace

QString usageBlock()
{
    return Text::tr("usage: %1 [options] <command> [parameters]\n"
                    "To see help text, you can run:\n"
                    "\n"
                    "  %1 --help\n"
                    "  %1 <command> --help\n")
        .arg(binary());
}

QString generalHelp()
{
    return Text::tr(
               "Usage: %1 [WINDOW OPTIONS]\n"
               "       %1 <command> [parameters] [global options]\n"
               "       %1 --version | --help\n"
               "\n"
               "Without a command, opens Lookout Desk, a viewer for Amazon Lookout for Equipment "
               "inference\n"
               "schedulers. With one, prints what `aws lookoutequipment` prints for the same call, "
               "needing\n"
               "no display.\n"
               "\n"
               "Commands:\n"
               "  describe NAME              DescribeInferenceScheduler: one scheduler in full.\n"
               "  list                       ListInferenceSchedulers, every page merged into one "
               "list.\n"
               "                             [--name-prefix P] [--status S] [--model M]\n"
               "  executions NAME            ListInferenceExecutions, newest first.\n"
               "                             [--max-items N] [--status S] [--start-time-after T]\n"
               "                             [--end-time-before T]\n"
               "  start NAME                 StartInferenceScheduler.\n"
               "  stop NAME                  StopInferenceScheduler.\n"
               "  configure                  Keychain profiles: configure --profile NAME "
               "[--delete],\n"
               "                             configure list-profiles.\n"
               "  emulator                   Serve the built-in emulator of the service on "
               "127.0.0.1.\n"
               "Run '%1 <command> --help' for a command's parameters.\n"
               "\n")
               .arg(binary())
        + globalOptionsText()
        + Text::tr(
            "\n"
            "Window options:\n"
            "  --profile NAME, --region REGION, --endpoint-url URL\n"
            "                             Open on this connection (as for the commands).\n"
            "  --scheduler NAME           Open with this scheduler shown.\n"
            "  --refresh-interval SECONDS Refresh every SECONDS (5 to 86400; 0 turns it off).\n"
            "  --demo                     Start the emulator in-process and open the window on "
            "it.\n"
            "  --fleet N                  With --demo: generate N schedulers (default 200).\n"
            "  --seed S                   With --demo: seed of the generated fleet (default 1).\n"
            "  --churn                    With --demo: change statuses and results over time.\n"
            "  --from DIR                 With --demo: serve the saved "
            "describe-inference-scheduler JSON\n"
            "                             files in DIR instead of a generated fleet.\n"
            "\n"
            "Other options:\n"
            "  -h, --help                 Print this help and exit.\n"
            "  -v, --version              Print the version and exit.\n"
            "\n"
            "Exit status: 0 success, 130 interrupted, 252 bad command line, 253 configuration or\n"
            "credentials unusable, 254 the service answered with an error, 255 any other "
            "failure.\n");
}

QString commandHelp(Command command)
{
    QString synopsis;
    QString description;
    QString parameters;
    switch (command) {
    case Command::Describe:
        synopsis = Text::tr("%1 describe NAME [global options]").arg(binary());
        description = Text::tr(
            "Prints DescribeInferenceScheduler for the inference scheduler NAME, as\n"
            "`aws lookoutequipment describe-inference-scheduler --inference-scheduler-name NAME`\n"
            "prints it.\n");
        break;
    case Command::List:
        synopsis = Text::tr("%1 list [--name-prefix P] [--status S] [--model M] [global options]")
                       .arg(binary());
        description = Text::tr(
            "Prints every inference scheduler, following each NextToken (500 per request), as\n"
            "one InferenceSchedulerSummaries list.\n");
        parameters = Text::tr(
            "  --name-prefix P            Only schedulers whose name begins with P.\n"
            "  --status S                 Only schedulers in status S: PENDING, RUNNING, STOPPING\n"
            "                             or STOPPED.\n"
            "  --model M                  Only schedulers of the model named M.\n");
        break;
    case Command::Executions:
        synopsis
            = Text::tr("%1 executions NAME [--max-items N] [--status S] [--start-time-after T]\n"
                       "       [--end-time-before T] [global options]")
                  .arg(binary());
        description = Text::tr(
            "Prints the inference executions of the scheduler NAME, newest first, as one\n"
            "InferenceExecutionSummaries list.\n");
        parameters = Text::tr(
            "  --max-items N              At most N executions (default: all).\n"
            "  --status S                 Only executions in status S: IN_PROGRESS, SUCCESS or "
            "FAILED.\n"
            "  --start-time-after T       Only executions whose data starts after T.\n"
            "  --end-time-before T        Only executions whose data ends before T.\n"
            "                             T: 2024-03-04T18:52:22Z, 2024-03-04T18:52:22+05:30,\n"
            "                             2024-03-04 (UTC) or epoch seconds.\n");
        break;
    case Command::Start:
    case Command::Stop: {
        const QString word = commandName(command);
        synopsis = Text::tr("%1 %2 NAME [global options]").arg(binary(), word);
        description = Text::tr("Calls %1 for the scheduler NAME and prints the answer\n"
                               "(its new status: PENDING or STOPPING).\n")
                          .arg(operationName(command));
        break;
    }
    case Command::None:
    case Command::Configure:
    case Command::Emulator:
        return generalHelp();
    }
    QString help = Text::tr("Usage: %1\n\n").arg(synopsis) + description;
    if (!parameters.isEmpty())
        help += Text::tr("\nParameters:\n") + parameters;
    help += QLatin1Char('\n') + globalOptionsText();
    help += Text::tr("\nExample, against the emulator:\n"
                     "  %1 emulator --fleet 20 > emulator.env &\n"
                     "  until [ -s emulator.env ]; do sleep 0.1; done; . ./emulator.env\n"
                     "  %1 %2 --output table\n")
                .arg(binary(),
                    command == Command::List
                        ? commandName(command)
                        : commandName(command) + QLatin1String(" centrifuge-060"));
    return help;
}

} // namespace cli
