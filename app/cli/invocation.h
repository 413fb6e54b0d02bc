#pragma once

#include "aws/configresolver.h"
#include "cli/commandarguments.h"
#include "cli/commandtable.h"
#include "cli/outputsettings.h"
#include "options/commandlineerror.h"

#include <QString>
#include <QStringList>

#include <chrono>
#include <optional>

// What a headless command line asks for: `lookout-desk <command> [parameters]` with the global
// options anywhere on the line, read like the AWS CLI reads its own. Which commands there are,
// and what each takes, is the command table's (commandtable.h).
namespace cli {

// Options every service command takes. Unset ones fall back as in the AWS CLI.
struct GlobalOptions {
    aws::RequestedConfig requestedConfig; // --profile, --region, --endpoint-url
    std::optional<OutputFormat> output; // --output
    ColorMode color = ColorMode::Auto; // --color
    std::optional<std::chrono::milliseconds> readTimeout; // --read-timeout (0 s: none)
    std::optional<std::chrono::milliseconds> connectTimeout; // --connect-timeout (0 s: none)
    bool debug = false; // --debug
};

struct Invocation {
    enum class Action { Run, Help, Version };
    Action action = Action::Run;
    // The table's row; for Help the command asked about, or null.
    const CommandSpec *command = nullptr;
    GlobalOptions global;

    // The command's positional argument and parameters, checked as its row says.
    CommandArguments arguments;

    // A command that reads its own options (configure, emulator) gets its name, then every
    // other argument in the order given.
    QStringList passThrough;

    // The command's words ("describe"); empty when there is none.
    QString commandName() const;
};

// `arguments`: the command line after the program name. --help (or -h) anywhere wins over
// everything, then --version (or -v); otherwise a command is required. Refusals, in argparse's
// words: an unknown command, unknown options, a missing or extra argument, an option without its
// value, a value that is not of the parameter's type or out of its range. Text values (names,
// filters) are checked later by LookoutClient against the service model, with botocore's words.
options::Result<Invocation> parseInvocation(
    const QStringList &arguments, const QList<CommandSpec> &table = commandTable());

// True when the command line is for the headless side: a command word, --help, --version or an
// option only the commands take (--output, --debug, …). Window options alone (--demo,
// --profile, …) and Qt's own (-platform …) are not.
bool isHeadlessCommandLine(
    const QStringList &arguments, const QList<CommandSpec> &table = commandTable());

} // namespace cli
