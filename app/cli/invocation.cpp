#include "cli/invocation.h"

#include "cli/configurecommand.h"
#include "cli/emulatorcommand.h"
#include "options/guioptions.h"
#include "options/optionscanner.h"
#include "options/optionvalues.h"

#include <QCoreApplication>

#include <algorithm>

namespace cli {

namespace {

using namespace Qt::StringLiterals;

struct Text {
    Q_DECLARE_TR_FUNCTIONS(cli::Invocation)
};

constexpr QLatin1StringView kProfile("--profile");
constexpr QLatin1StringView kRegion("--region");
constexpr QLatin1StringView kEndpointUrl("--endpoint-url");
constexpr QLatin1StringView kOutput("--output");
constexpr QLatin1StringView kColor("--color");
constexpr QLatin1StringView kReadTimeout("--read-timeout");
constexpr QLatin1StringView kConnectTimeout("--connect-timeout");
constexpr QLatin1StringView kDebug("--debug");
constexpr QLatin1StringView kHelp("--help");
constexpr QLatin1StringView kHelpShort("-h");
constexpr QLatin1StringView kVersion("--version");
constexpr QLatin1StringView kVersionShort("-v");
constexpr QLatin1StringView kNamePrefix("--name-prefix");
constexpr QLatin1StringView kStatus("--status");
constexpr QLatin1StringView kModel("--model");
constexpr QLatin1StringView kMaxItems("--max-items");
constexpr QLatin1StringView kStartTimeAfter("--start-time-after");
constexpr QLatin1StringView kEndTimeBefore("--end-time-before");

constexpr qint64 kMaxItemsLimit = 1'000'000;

const QList<options::OptionSpec> &globalSpecs()
{
    static const QList<options::OptionSpec> specs {
        { kProfile, true },
        { kRegion, true },
        { kEndpointUrl, true },
        { kOutput, true },
        { kColor, true },
        { kReadTimeout, true },
        { kConnectTimeout, true },
        { kDebug, false },
        { kHelp, false },
        { kHelpShort, false },
        { kVersion, false },
        { kVersionShort, false },
    };
    return specs;
}

QList<options::OptionSpec> commandSpecs(Command command)
{
    switch (command) {
    case Command::List:
        return { { kNamePrefix, true }, { kStatus, true }, { kModel, true } };
    case Command::Executions:
        return { { kMaxItems, true }, { kStatus, true }, { kStartTimeAfter, true },
            { kEndTimeBefore, true } };
    case Command::None:
    case Command::Describe:
    case Command::Start:
    case Command::Stop:
    case Command::Configure:
    case Command::Emulator:
        break;
    }
    return {};
}

bool takesSchedulerName(Command command)
{
    return command == Command::Describe || command == Command::Executions
        || command == Command::Start || command == Command::Stop;
}

// Every option any command or the window knows, so that finding the command word skips their
// values whatever order the line is in.
const QList<options::OptionSpec> &everySpec()
{
    static const QList<options::OptionSpec> specs = [] {
        QList<options::OptionSpec> all = globalSpecs();
        all += commandSpecs(Command::List);
        all += commandSpecs(Command::Executions);
        all += options::guiOptionSpecs();
        return all;
    }();
    return specs;
}

QList<QLatin1StringView> commandWords()
{
    return { "describe"_L1, "list"_L1, "executions"_L1, "start"_L1, "stop"_L1,
        QLatin1StringView(kConfigureCommand), QLatin1StringView(kEmulatorCommand) };
}

// Applies the global options; the first bad value is returned.
std::optional<options::CommandLineError> readGlobalOptions(
    const options::ScannedArguments &scanned, GlobalOptions &global)
{
    global.connection.profile = scanned.value(kProfile).value_or(QString());
    global.connection.region = scanned.value(kRegion).value_or(QString());
    global.connection.endpointUrl = scanned.value(kEndpointUrl).value_or(QString());
    global.debug = scanned.has(kDebug);
    for (const auto &[option, target] : { std::pair { kProfile, &global.connection.profile },
             std::pair { kRegion, &global.connection.region },
             std::pair { kEndpointUrl, &global.connection.endpointUrl } }) {
        if (scanned.has(option) && target->trimmed().isEmpty())
            return options::CommandLineError {
                Text::tr("argument %1: expected a non-empty value").arg(option)
            };
    }
    if (const auto text = scanned.value(kOutput)) {
        const options::Result<QString> name
            = options::optionvalue::choice(kOutput, *text, { "json"_L1, "table"_L1, "text"_L1 });
        if (!name)
            return name.error();
        global.output = name.value() == u"json"_s ? OutputFormat::Json
            : name.value() == u"table"_s          ? OutputFormat::Table
                                                  : OutputFormat::Text;
    }
    if (const auto text = scanned.value(kColor)) {
        const options::Result<QString> name
            = options::optionvalue::choice(kColor, *text, { "on"_L1, "off"_L1, "auto"_L1 });
        if (!name)
            return name.error();
        global.color = name.value() == u"on"_s ? ColorMode::On
            : name.value() == u"off"_s         ? ColorMode::Off
                                               : ColorMode::Auto;
    }
    for (const auto &[option, target] : { std::pair { kReadTimeout, &global.readTimeout },
             std::pair { kConnectTimeout, &global.connectTimeout } }) {
        if (const auto text = scanned.value(option)) {
            const options::Result<std::chrono::milliseconds> timeout
                = options::optionvalue::timeoutSeconds(option, *text);
            if (!timeout)
                return timeout.error();
            *target = timeout.value();
        }
    }
    return std::nullopt;
}

std::optional<options::CommandLineError> readCommandOptions(
    const options::ScannedArguments &scanned, Invocation &invocation)
{
    if (invocation.command == Command::List) {
        lookout::InferenceSchedulerFilter &filter = invocation.schedulerFilter;
        filter.namePrefix = scanned.value(kNamePrefix);
        filter.status = scanned.value(kStatus);
        filter.modelName = scanned.value(kModel);
    }
    if (invocation.command == Command::Executions) {
        lookout::InferenceExecutionFilter &filter = invocation.executionFilter;
        filter.status = scanned.value(kStatus);
        if (const auto text = scanned.value(kMaxItems)) {
            const options::Result<qint64> count
                = options::optionvalue::wholeNumber(kMaxItems, *text, 1, kMaxItemsLimit);
            if (!count)
                return count.error();
            invocation.maxItems = static_cast<int>(count.value());
        }
        for (const auto &[option, target] :
            { std::pair { kStartTimeAfter, &filter.dataStartTimeAfter },
                std::pair { kEndTimeBefore, &filter.dataEndTimeBefore } }) {
            if (const auto text = scanned.value(option)) {
                const options::Result<lookout::Timestamp> instant
                    = options::optionvalue::timestamp(option, *text);
                if (!instant)
                    return instant.error();
                *target = instant.value();
            }
        }
    }
    return std::nullopt;
}

} // namespace

QString commandName(Command command)
{
    switch (command) {
    case Command::None:
        return QString();
    case Command::Describe:
        return u"describe"_s;
    case Command::List:
        return u"list"_s;
    case Command::Executions:
        return u"executions"_s;
    case Command::Start:
        return u"start"_s;
    case Command::Stop:
        return u"stop"_s;
    case Command::Configure:
        return QString::fromLatin1(kConfigureCommand);
    case Command::Emulator:
        return QString::fromLatin1(kEmulatorCommand);
    }
    return QString();
}

std::optional<Command> commandByName(const QString &word)
{
    for (const Command command : { Command::Describe, Command::List, Command::Executions,
             Command::Start, Command::Stop, Command::Configure, Command::Emulator }) {
        if (word == commandName(command))
            return command;
    }
    return std::nullopt;
}

QString operationName(Command command)
{
    switch (command) {
    case Command::Describe:
        return u"DescribeInferenceScheduler"_s;
    case Command::List:
        return u"ListInferenceSchedulers"_s;
    case Command::Executions:
        return u"ListInferenceExecutions"_s;
    case Command::Start:
        return u"StartInferenceScheduler"_s;
    case Command::Stop:
        return u"StopInferenceScheduler"_s;
    case Command::None:
    case Command::Configure:
    case Command::Emulator:
        break;
    }
    return QString();
}

options::Result<Invocation> parseInvocation(const QStringList &arguments)
{
    Invocation invocation;
    const std::optional<QString> word = options::firstPositional(arguments, everySpec());
    const std::optional<Command> command = word ? commandByName(*word) : std::nullopt;
    if (command == Command::Configure || command == Command::Emulator) {
        invocation.command = *command;
        invocation.passThrough = QStringList { *word };
        bool skipped = false;
        for (const QString &argument : arguments) {
            if (!skipped && argument == *word) {
                skipped = true;
                continue;
            }
            invocation.passThrough.append(argument);
        }
        return invocation;
    }

    invocation.command = command.value_or(Command::None);
    // Read with every option known, so that the same words are values as when the command was
    // found; options of other commands and of the window are then unknown here.
    options::ScannedArguments scanned = options::scanArguments(arguments, everySpec());
    const QList<options::OptionSpec> allowed = globalSpecs() + commandSpecs(invocation.command);
    QStringList misplaced;
    scanned.options.removeIf([&](const options::ScannedOption &option) {
        const bool known = std::any_of(allowed.begin(), allowed.end(),
            [&](const options::OptionSpec &spec) { return spec.name == option.name; });
        if (!known) {
            misplaced.append(option.name);
            if (!option.value.isEmpty())
                misplaced.append(option.value);
        }
        return !known;
    });
    if (scanned.has(kHelp) || scanned.has(kHelpShort)) {
        invocation.action = Invocation::Action::Help;
        return invocation;
    }
    if (scanned.has(kVersion) || scanned.has(kVersionShort)) {
        invocation.action = Invocation::Action::Version;
        return invocation;
    }
    if (word && !command) {
        QStringList valid;
        for (const QLatin1StringView name : commandWords())
            valid.append(name);
        return options::CommandLineError { Text::tr(
            "argument command: Invalid choice '%1', valid choices are: %2")
                                               .arg(*word, valid.join(QLatin1String(" | "))) };
    }
    if (scanned.error)
        return *scanned.error;
    QStringList rest = scanned.positionals;
    if (word)
        rest.removeOne(*word);
    if (takesSchedulerName(invocation.command) && !rest.isEmpty())
        invocation.schedulerName = rest.takeFirst();
    const QStringList unknown = misplaced + scanned.unknownOptions + rest;
    if (!unknown.isEmpty())
        return options::CommandLineError {
            Text::tr("Unknown options: %1").arg(unknown.join(QLatin1String(", ")))
        };
    if (invocation.command == Command::None)
        return options::CommandLineError { Text::tr(
            "the following arguments are required: command") };
    if (takesSchedulerName(invocation.command) && invocation.schedulerName.isNull())
        return options::CommandLineError { Text::tr("the following arguments are required: NAME") };
    if (auto error = readGlobalOptions(scanned, invocation.global))
        return *error;
    if (auto error = readCommandOptions(scanned, invocation))
        return *error;
    return invocation;
}

bool isHeadlessCommandLine(const QStringList &arguments)
{
    if (options::firstPositional(arguments, everySpec()))
        return true;
    const options::ScannedArguments scanned = options::scanArguments(arguments, everySpec());
    for (const options::ScannedOption &option : scanned.options) {
        for (const options::OptionSpec &spec : globalSpecs()) {
            const bool windowTakesIt
                = spec.name == kProfile || spec.name == kRegion || spec.name == kEndpointUrl;
            if (option.name == spec.name && !windowTakesIt)
                return true;
        }
    }
    return false;
}

} // namespace cli
