#include "cli/helptext.h"

#include "appinfo.h"
#include "lookout/service.h"
#include "options/guioptions.h"

#include <QCoreApplication>

namespace cli {

namespace {

using namespace Qt::StringLiterals;

struct Text {
    Q_DECLARE_TR_FUNCTIONS(cli::HelpText)
};

// Where the help's second column starts, and how wide generated lines (synopses, parameter
// lists) may grow before they wrap: the help's widest lines.
constexpr qsizetype kColumn = 29;
constexpr qsizetype kWrapWidth = 90;

// "details, history, events, results": the values --show takes.
QString schedulerTabNames()
{
    QStringList names;
    for (const options::SchedulerTabName &entry : options::kSchedulerTabNames)
        names.append(entry.name);
    return names.join(u", "_s);
}

QString binary()
{
    return QString::fromLatin1(appinfo::kBinaryName);
}

// `left` in the first column and `text` in the second; each "\n" in `text` starts a line
// indented to the second column. A `left` too wide for its column puts `text` below it.
QString twoColumns(const QString &left, const QString &text)
{
    QString out = u"  "_s + left;
    const QString indent(kColumn, u' ');
    if (out.size() >= kColumn)
        out += u'\n' + indent;
    else
        out = out.leftJustified(kColumn);
    out += QString(text).replace(u"\n"_s, u"\n"_s + indent);
    return out + u'\n';
}

// `items` after `first`, separated by spaces, starting a new line indented by `indent` when
// a line would grow wider than kWrapWidth.
QString wrapped(QString first, const QStringList &items, qsizetype indent)
{
    QString out;
    QString line = std::move(first);
    for (const QString &item : items) {
        if (line.trimmed().isEmpty()) {
            line += item;
        } else if (line.size() + 1 + item.size() > kWrapWidth) {
            out += line + u'\n';
            line = QString(indent, u' ') + item;
        } else {
            line += u' ' + item;
        }
    }
    return out + line + u'\n';
}

// "[--name-prefix P]" for each parameter; a required one without the brackets.
QStringList parameterItems(const CommandSpec &command)
{
    QStringList items;
    for (const ParameterSpec &parameter : command.parameters) {
        QString item = parameter.option;
        if (!parameter.placeholder.isEmpty())
            item += u' ' + QString(parameter.placeholder);
        items.append(parameter.required ? item : u'[' + item + u']');
    }
    return items;
}

QString wordsAndPositional(const CommandSpec &command)
{
    QString words = command.name;
    if (!command.positional.isEmpty())
        words += u' ' + QString(command.positional);
    return words;
}

// A row's summary or description, with the operation's names in place of {operation} and {cli}.
QString helpText(const char *text, const CommandSpec &command)
{
    QString out = QString::fromUtf8(text);
    if (!command.operation.isEmpty()) {
        out.replace(u"{operation}"_s, command.operation);
        out.replace(u"{cli}"_s, lookout::service::cliCommand(command.operation));
    }
    return out;
}

QString commandList(const QList<CommandSpec> &table)
{
    QString out;
    for (const CommandSpec &command : table) {
        out += twoColumns(wordsAndPositional(command), helpText(command.summary, command));
        if (!command.parameters.isEmpty())
            out += wrapped(QString(kColumn, u' '), parameterItems(command), kColumn);
    }
    return out;
}

QString parameterList(const CommandSpec &command)
{
    QString out;
    QStringList timePlaceholders;
    for (const ParameterSpec &parameter : command.parameters) {
        QString left = parameter.option;
        if (!parameter.placeholder.isEmpty())
            left += u' ' + QString(parameter.placeholder);
        out += twoColumns(left, QString::fromUtf8(parameter.help));
        if (parameter.type == ValueType::Timestamp
            && !timePlaceholders.contains(QString(parameter.placeholder)))
            timePlaceholders.append(parameter.placeholder);
    }
    // What a time may look like, once for all of a command's time parameters.
    if (!timePlaceholders.isEmpty()) {
        out += QString(kColumn, u' ')
            + Text::tr("%1: 2024-03-04T18:52:22Z, 2024-03-04T18:52:22+05:30,\n")
                  .arg(timePlaceholders.join(u", "_s))
            + QString(kColumn, u' ') + Text::tr("2024-03-04 (UTC) or epoch seconds.\n");
    }
    return out;
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
        "  --output FORMAT            json, table, text, yaml or yaml-stream (default: "
        "AWS_DEFAULT_OUTPUT,\n"
        "                             the profile's output, else json).\n"
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

QString generalHelp(const QList<CommandSpec> &table)
{
    return Text::tr(
               "Usage: %1 [WINDOW OPTIONS]\n"
               "       %1 <command> [parameters] [global options]\n"
               "       %1 --version | --help\n"
               "\n"
               "Without a command, opens Lookout Desk, a viewer for Amazon Lookout for Equipment "
               "inference\n"
               "schedulers. With one, prints what `aws %2` prints for the same call, "
               "needing\n"
               "no display.\n"
               "\n"
               "Commands:\n")
               .arg(binary(), QString::fromLatin1(lookout::service::kCliServiceName))
        + commandList(table)
        + Text::tr("Run '%1 <command> --help' for a command's parameters.\n\n").arg(binary())
        + globalOptionsText()
        + Text::tr(
            "\n"
            "Window options:\n"
            "  --profile NAME, --region REGION, --endpoint-url URL\n"
            "                             Open on this connection (as for the commands).\n"
            "  --connection PROFILE[@REGION]\n"
            "                             Watch this profile, in REGION; repeat it to watch\n"
            "                             several accounts and regions on one table (instead of\n"
            "                             --profile and --region).\n"
            "  --scheduler NAME           Open with this scheduler shown.\n"
            "  --show TAB                 With --scheduler: open on this tab (%1).\n"
            "  --refresh-interval SECONDS Refresh every SECONDS (5 to 86400; 0 turns it off).\n"
            "  --wall                     Open full screen on the dashboard for a wall display:\n"
            "                             the pointer hides when idle, the screen does not blank;\n"
            "                             Esc or F11 leaves full screen.\n"
            "  --theme THEME              The window's colours: system (the default), light,\n"
            "                             dark or high-contrast.\n"
            "  --demo                     Start the emulator in-process and open the window on "
            "it.\n"
            "  --fleet N                  With --demo: generate N schedulers (default 200).\n"
            "  --seed S                   With --demo: seed of the generated fleet (default 1).\n"
            "  --churn                    With --demo: change statuses and results over time.\n"
            "  --from DIR                 With --demo: serve the saved "
            "describe-inference-scheduler JSON\n"
            "                             files in DIR instead of a generated fleet.\n"
            "  --results SOURCE           Open a results window on a folder of results.jsonl "
            "files\n"
            "                             or an s3://bucket/prefix/ location.\n"
            "\n"
            "Other options:\n"
            "  -h, --help                 Print this help and exit.\n"
            "  -v, --version              Print the version and exit.\n"
            "\n"
            "Exit status: 0 success, 130 interrupted, 252 bad command line, 253 configuration or\n"
            "credentials unusable, 254 the service answered with an error, 255 any other "
            "failure.\n")
              .arg(schedulerTabNames());
}

QString commandHelp(const CommandSpec *command, const QList<CommandSpec> &table)
{
    if (!command || command->readsItsOwnOptions)
        return generalHelp(table);
    const QString indent = u"  "_s;
    QString help = wrapped(Text::tr("Usage: %1 %2").arg(binary(), wordsAndPositional(*command)),
        parameterItems(*command) + QStringList { Text::tr("[global options]") }, 7);
    help += u'\n' + helpText(command->description, *command) + u'\n';
    if (!command->parameters.isEmpty())
        help += Text::tr("\nParameters:\n") + parameterList(*command);
    help += u'\n' + globalOptionsText();
    if (*command->example) {
        help += Text::tr("\nExample, against the emulator:\n")
            + emulatorStartLines(QString::fromLatin1(kExampleFleetOptions), indent) + indent
            + binary() + u' ' + QString::fromUtf8(command->example) + u'\n' + indent
            + u"kill \"$emulator\"\n"_s;
    }
    return help;
}

QString emulatorStartLines(const QString &emulatorOptions, const QString &indent)
{
    const QStringList lines {
        binary() + u" emulator "_s + emulatorOptions + u" > emulator.env &"_s,
        u"emulator=$!"_s,
        u"for attempt in $(seq 300); do"_s,
        u"    [ -s emulator.env ] && break"_s,
        u"    kill -0 \"$emulator\" 2>/dev/null || break"_s,
        u"    sleep 0.1"_s,
        u"done"_s,
        u"if [ -s emulator.env ]; then"_s,
        u"    . ./emulator.env"_s,
        u"else"_s,
        u"    kill \"$emulator\" 2>/dev/null; wait \"$emulator\""_s,
        u"    echo \"the emulator did not start (exit status $?)\" >&2"_s,
        u"fi"_s,
    };
    QString out;
    for (const QString &line : lines)
        out += indent + line + u'\n';
    return out;
}

} // namespace cli
