#include "cli/invocation.h"

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

QList<options::OptionSpec> parameterSpecs(const CommandSpec &command)
{
    QList<options::OptionSpec> specs;
    for (const ParameterSpec &parameter : command.parameters)
        specs.append({ parameter.option, parameter.type != ValueType::Flag });
    return specs;
}

// Every option any command or the window knows, so that finding the command word skips their
// values whatever order the line is in.
QList<options::OptionSpec> everySpec(const QList<CommandSpec> &table)
{
    QList<options::OptionSpec> all = globalSpecs();
    for (const CommandSpec &command : table)
        all += parameterSpecs(command);
    all += options::guiOptionSpecs();
    return all;
}

// The table's rows whose first word is `word`: one row, or the commands of a group ("sso").
QList<const CommandSpec *> rowsStartingWith(const QString &word, const QList<CommandSpec> &table)
{
    QList<const CommandSpec *> rows;
    for (const CommandSpec &command : table) {
        const QLatin1StringView name = command.name;
        const qsizetype space = name.indexOf(u' ');
        if ((space < 0 ? name : name.left(space)) == word)
            rows.append(&command);
    }
    return rows;
}

QString choices(const QStringList &names)
{
    return names.join(QLatin1String(" | "));
}

// Applies the global options; the first bad value is returned.
std::optional<options::CommandLineError> readGlobalOptions(
    const options::ScannedArguments &scanned, const CommandSpec &command, GlobalOptions &global)
{
    global.requestedConfig.profile = scanned.value(kProfile).value_or(QString());
    global.requestedConfig.region = scanned.value(kRegion).value_or(QString());
    global.requestedConfig.endpointUrl = scanned.value(kEndpointUrl).value_or(QString());
    global.debug = scanned.has(kDebug);
    for (const auto &[option, target] : { std::pair { kProfile, &global.requestedConfig.profile },
             std::pair { kRegion, &global.requestedConfig.region },
             std::pair { kEndpointUrl, &global.requestedConfig.endpointUrl } }) {
        if (scanned.has(option) && target->trimmed().isEmpty())
            return options::CommandLineError {
                Text::tr("argument %1: expected a non-empty value").arg(option)
            };
    }
    if (const auto text = scanned.value(kOutput)) {
        QList<QLatin1StringView> formats { "json"_L1, "table"_L1, "text"_L1, "yaml"_L1,
            "yaml-stream"_L1 };
        if (command.csvOutput)
            formats.append("csv"_L1);
        const options::Result<QString> name = options::optionvalue::choice(kOutput, *text, formats);
        if (!name)
            return name.error();
        global.output = name.value() == u"json"_s ? OutputFormat::Json
            : name.value() == u"table"_s          ? OutputFormat::Table
            : name.value() == u"yaml"_s           ? OutputFormat::Yaml
            : name.value() == u"yaml-stream"_s    ? OutputFormat::YamlStream
            : name.value() == u"csv"_s            ? OutputFormat::Csv
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

// Checks and converts each parameter given, in the table's order; the first bad value is
// returned.
std::optional<options::CommandLineError> readParameters(const options::ScannedArguments &scanned,
    const CommandSpec &command, CommandArguments &arguments)
{
    for (const ParameterSpec &parameter : command.parameters) {
        const std::optional<QString> text = scanned.value(parameter.option);
        if (!text)
            continue;
        switch (parameter.type) {
        case ValueType::Text:
            arguments.set(parameter.option, *text);
            break;
        case ValueType::Flag:
            arguments.set(parameter.option, true);
            break;
        case ValueType::WholeNumber: {
            const options::Result<qint64> number = options::optionvalue::wholeNumber(
                parameter.option, *text, parameter.minimum, parameter.maximum);
            if (!number)
                return number.error();
            arguments.set(parameter.option, number.value());
            break;
        }
        case ValueType::Timestamp: {
            const options::Result<lookout::Timestamp> instant
                = options::optionvalue::timestamp(parameter.option, *text);
            if (!instant && !parameter.member.isEmpty()) {
                arguments.set(parameter.option, RefusedTimestamp { parameter.member, *text });
                break;
            }
            if (!instant)
                return instant.error();
            arguments.set(parameter.option, instant.value());
            break;
        }
        }
    }
    return std::nullopt;
}

} // namespace

QString Invocation::commandName() const
{
    return command ? QString(command->name) : QString();
}

options::Result<Invocation> parseInvocation(
    const QStringList &arguments, const QList<CommandSpec> &table)
{
    Invocation invocation;
    const QList<options::OptionSpec> every = everySpec(table);
    const std::optional<QString> word = options::firstPositional(arguments, every);
    const QList<const CommandSpec *> rows
        = word ? rowsStartingWith(*word, table) : QList<const CommandSpec *>();
    const CommandSpec *single
        = rows.size() == 1 && rows.first()->name == *word ? rows.first() : nullptr;
    if (single && single->readsItsOwnOptions) {
        invocation.command = single;
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

    // Read with every option known, so that the same words are values as when the command was
    // found; options of other commands and of the window are then unknown here.
    options::ScannedArguments scanned = options::scanArguments(arguments, every);
    QStringList rest = scanned.positionals;
    if (word)
        rest.removeOne(*word);
    // A group's command is named by the next word ("sso login").
    QString operationWord;
    if (single) {
        invocation.command = single;
    } else if (!rows.isEmpty() && !rest.isEmpty()) {
        operationWord = rest.takeFirst();
        for (const CommandSpec *row : rows) {
            if (row->name == *word + u' ' + operationWord)
                invocation.command = row;
        }
    }

    QList<options::OptionSpec> allowed = globalSpecs();
    if (invocation.command)
        allowed += parameterSpecs(*invocation.command);
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
    if (word && rows.isEmpty()) {
        QStringList valid;
        for (const CommandSpec &command : table) {
            const QString first = QString(command.name).section(u' ', 0, 0);
            if (!valid.contains(first))
                valid.append(first);
        }
        return options::CommandLineError { Text::tr(
            "argument command: Invalid choice '%1', valid choices are: %2")
                                               .arg(*word, choices(valid)) };
    }
    if (!rows.isEmpty() && !invocation.command) {
        if (operationWord.isNull())
            return options::CommandLineError { Text::tr(
                "the following arguments are required: operation") };
        QStringList valid;
        for (const CommandSpec *row : rows)
            valid.append(QString(row->name).section(u' ', 1));
        return options::CommandLineError { Text::tr(
            "argument operation: Invalid choice '%1', valid choices are: %2")
                                               .arg(operationWord, choices(valid)) };
    }
    if (scanned.error)
        return *scanned.error;
    const CommandSpec *command = invocation.command;
    if (command && !command->positional.isEmpty() && !rest.isEmpty())
        invocation.arguments.positional = rest.takeFirst();
    const QStringList unknown = misplaced + scanned.unknownOptions + rest;
    if (!unknown.isEmpty())
        return options::CommandLineError {
            Text::tr("Unknown options: %1").arg(unknown.join(QLatin1String(", ")))
        };
    if (!command)
        return options::CommandLineError { Text::tr(
            "the following arguments are required: command") };
    QStringList missing;
    if (!command->positional.isEmpty() && invocation.arguments.positional.isNull())
        missing.append(command->positional);
    for (const ParameterSpec &parameter : command->parameters) {
        if (parameter.required && !scanned.has(parameter.option))
            missing.append(parameter.option);
    }
    if (!missing.isEmpty())
        return options::CommandLineError { Text::tr("the following arguments are required: %1")
                                               .arg(missing.join(QLatin1String(", "))) };
    if (auto error = readGlobalOptions(scanned, *command, invocation.global))
        return *error;
    if (auto error = readParameters(scanned, *command, invocation.arguments))
        return *error;
    return invocation;
}

bool isHeadlessCommandLine(const QStringList &arguments, const QList<CommandSpec> &table)
{
    const QList<options::OptionSpec> every = everySpec(table);
    if (options::firstPositional(arguments, every))
        return true;
    const options::ScannedArguments scanned = options::scanArguments(arguments, every);
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
