#pragma once

#include "aws/connectionresolver.h"
#include "cli/outputsettings.h"
#include "lookout/requestbodies.h"
#include "options/commandlineerror.h"

#include <QString>
#include <QStringList>

#include <chrono>
#include <optional>

// What a headless command line asks for: `lookout-desk <command> [parameters]` with the global
// options anywhere on the line, read like the AWS CLI reads its own.
namespace cli {

enum class Command {
    None,
    Describe, // describe NAME
    List, // list [--name-prefix P] [--status S] [--model M]
    Executions, // executions NAME [--max-items N] [--status S] [--start-time-after T]
                // [--end-time-before T]
    Start, // start NAME
    Stop, // stop NAME
    Configure, // configure …: its own options (configurecommand.h)
    Emulator, // emulator …: its own options (emulatorcommand.h)
};

// The word on the command line ("describe"); commandByName() is its inverse.
QString commandName(Command command);
std::optional<Command> commandByName(const QString &word);
// The AWS operation a service command calls ("DescribeInferenceScheduler"); empty for others.
QString operationName(Command command);

// Options every service command takes. Unset ones fall back as in the AWS CLI.
struct GlobalOptions {
    aws::ConnectionRequest connection; // --profile, --region, --endpoint-url
    std::optional<OutputFormat> output; // --output
    ColorMode color = ColorMode::Auto; // --color
    std::optional<std::chrono::milliseconds> readTimeout; // --read-timeout (0 s: none)
    std::optional<std::chrono::milliseconds> connectTimeout; // --connect-timeout (0 s: none)
    bool debug = false; // --debug
};

struct Invocation {
    enum class Action { Run, Help, Version };
    Action action = Action::Run;
    Command command = Command::None; // for Help: the command asked about, or None
    GlobalOptions global;

    QString schedulerName; // describe, executions, start, stop
    lookout::InferenceSchedulerFilter schedulerFilter; // list
    lookout::InferenceExecutionFilter executionFilter; // executions
    std::optional<int> maxItems; // executions

    // configure and emulator parse their own options: the command word, then every other
    // argument in the order given.
    QStringList passThrough;
};

// `arguments`: the command line after the program name. --help (or -h) anywhere wins over
// everything, then --version (or -v); otherwise a command is required. Refusals: an unknown
// command, unknown options, a missing or extra argument, an option without its value, a value
// out of range. Scheduler names and filter values are checked later by LookoutClient, with
// botocore's words.
options::Result<Invocation> parseInvocation(const QStringList &arguments);

// True when the command line is for the headless side: a command word, --help, --version or an
// option only the commands take (--output, --debug, …). Window options alone (--demo,
// --profile, …) and Qt's own (-platform …) are not.
bool isHeadlessCommandLine(const QStringList &arguments);

} // namespace cli
