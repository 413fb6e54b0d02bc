#include "cli/outputresolution.h"

#include <QTimeZone>

#include <sys/ioctl.h>
#include <unistd.h>

namespace cli {

namespace {

using namespace Qt::StringLiterals;

aws::AwsError configurationError(const QString &message)
{
    aws::AwsError error;
    error.kind = aws::AwsError::Kind::Configuration;
    error.message = message;
    return error;
}

std::optional<OutputFormat> formatByName(const QString &name)
{
    if (name == u"json"_s)
        return OutputFormat::Json;
    if (name == u"text"_s)
        return OutputFormat::Text;
    if (name == u"table"_s)
        return OutputFormat::Table;
    if (name == u"yaml"_s)
        return OutputFormat::Yaml;
    if (name == u"yaml-stream"_s)
        return OutputFormat::YamlStream;
    return std::nullopt;
}

QString formatName(OutputFormat format)
{
    switch (format) {
    case OutputFormat::Json:
        return u"json"_s;
    case OutputFormat::Text:
        return u"text"_s;
    case OutputFormat::Table:
        return u"table"_s;
    case OutputFormat::Yaml:
        return u"yaml"_s;
    case OutputFormat::YamlStream:
        return u"yaml-stream"_s;
    case OutputFormat::Csv:
        return u"csv"_s;
    }
    return QString();
}

QString profileSource(const aws::AwsProfile &profile, const QString &key)
{
    const aws::ConfigProperty *property = profile.property(key);
    return u"profile "_s + profile.name + u" in "_s
        + (property ? property->location() : profile.description());
}

} // namespace

TerminalInfo TerminalInfo::detect()
{
    TerminalInfo info;
    info.stdoutIsTerminal = ::isatty(STDOUT_FILENO) == 1;
    winsize size = {};
    if (info.stdoutIsTerminal && ::ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0)
        info.columns = size.ws_col;
    return info;
}

aws::Result<ResolvedOutput> resolveOutput(const GlobalOptions &options,
    const QProcessEnvironment &environment, const aws::AwsProfile *profile,
    const TerminalInfo &terminal)
{
    ResolvedOutput resolved;
    OutputSettings &settings = resolved.settings;

    QString formatSource = u"default"_s;
    if (options.output) {
        settings.format = *options.output;
        formatSource = u"--output"_s;
    } else {
        QString name;
        if (const QString variable = environment.value(u"AWS_DEFAULT_OUTPUT"_s);
            !variable.isEmpty()) {
            name = variable;
            formatSource = u"AWS_DEFAULT_OUTPUT"_s;
        } else if (profile && !profile->value(u"output"_s).isEmpty()) {
            name = profile->value(u"output"_s);
            formatSource = profileSource(*profile, u"output"_s);
        }
        if (!name.isEmpty()) {
            const std::optional<OutputFormat> format = formatByName(name);
            if (!format) {
                return configurationError(
                    u"Unknown output type: %1 (from %2); valid types are json, table, "
                    "text, yaml and yaml-stream, or pass --output"_s.arg(name, formatSource));
            }
            settings.format = *format;
        }
    }
    resolved.describe.append(
        u"output: %1 (from %2)"_s.arg(formatName(settings.format), formatSource));

    QString timestampFormat = u"iso8601"_s;
    QString timestampSource = u"default"_s;
    if (profile && !profile->value(u"cli_timestamp_format"_s).isEmpty()) {
        timestampFormat = profile->value(u"cli_timestamp_format"_s);
        timestampSource = profileSource(*profile, u"cli_timestamp_format"_s);
    }
    if (timestampFormat == u"iso8601"_s) {
        settings.timestamps.timestamps = lookout::json::CliFormat::Timestamps::Iso8601;
    } else if (timestampFormat == u"wire"_s || timestampFormat == u"none"_s) {
        settings.timestamps.timestamps = lookout::json::CliFormat::Timestamps::Wire;
    } else {
        return configurationError(
            u"Unknown cli_timestamp_format value: %1, valid values are \"none\", \"wire\" "
            "or \"iso8601\" (from %2)"_s.arg(timestampFormat, timestampSource));
    }
    // botocore shows timestamps in the local time zone (dateutil's tzlocal).
    settings.timestamps.timeZone = QTimeZone::systemTimeZone();
    resolved.describe.append(u"timestamps: %1 in time zone %2 (from %3)"_s.arg(
        timestampFormat, QString::fromUtf8(settings.timestamps.timeZone.id()), timestampSource));

    bool columnsOk = false;
    const int columns = environment.value(u"COLUMNS"_s).toInt(&columnsOk);
    if (terminal.stdoutIsTerminal && terminal.columns > 0)
        settings.tableWidth = terminal.columns;
    else if (!terminal.stdoutIsTerminal && columnsOk && columns > 0)
        settings.tableWidth = columns;
    settings.color = options.color == ColorMode::On
        || (options.color == ColorMode::Auto && terminal.stdoutIsTerminal);
    if (settings.format == OutputFormat::Table) {
        resolved.describe.append(u"table: %1 columns, %2"_s.arg(
            QString::number(settings.tableWidth), settings.color ? u"coloured"_s : u"plain"_s));
    }
    return resolved;
}

} // namespace cli
