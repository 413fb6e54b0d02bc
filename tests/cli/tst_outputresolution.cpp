// How a command prints: --output over AWS_DEFAULT_OUTPUT over the profile's output; the
// profile's cli_timestamp_format; the table's width and colour from the terminal, $COLUMNS and
// --color; and the refusals for values the CLI would not accept either.
#include "aws/sharedconfigfile.h"
#include "cli/outputresolution.h"

#include <QtTest>

using namespace Qt::StringLiterals;
using cli::OutputFormat;
using Timestamps = lookout::json::CliFormat::Timestamps;

namespace {

aws::AwsProfiles profilesFrom(const QByteArray &config)
{
    return aws::AwsProfiles::fromFiles(
        aws::SharedConfigFile::parse(config, u"/home/u/.aws/config"_s),
        aws::SharedConfigFile::parse(QByteArray(), u"/home/u/.aws/credentials"_s));
}

QProcessEnvironment environmentWith(const QStringList &assignments)
{
    QProcessEnvironment environment;
    for (const QString &assignment : assignments)
        environment.insert(assignment.section(u'=', 0, 0), assignment.section(u'=', 1));
    return environment;
}

cli::ResolvedOutput resolved(const cli::GlobalOptions &options, const QStringList &environment = {},
    const aws::AwsProfile *profile = nullptr, cli::TerminalInfo terminal = {})
{
    const auto result
        = cli::resolveOutput(options, environmentWith(environment), profile, terminal);
    if (!result.ok())
        qFatal("refused: %s", qPrintable(result.error().message));
    return result.value();
}

} // namespace

class TestOutputResolution : public QObject {
    Q_OBJECT
private slots:
    void defaults_jsonIso8601LocalZone80ColumnsPlain()
    {
        const cli::ResolvedOutput output = resolved({});
        QCOMPARE(output.settings.format, OutputFormat::Json);
        QCOMPARE(output.settings.timestamps.timestamps, Timestamps::Iso8601);
        QCOMPARE(output.settings.timestamps.timeZone, QTimeZone::systemTimeZone());
        QCOMPARE(output.settings.tableWidth, 80);
        QVERIFY(!output.settings.color);
        QCOMPARE(output.describe.first(), u"output: json (from default)"_s);
    }

    void format_precedence()
    {
        const aws::AwsProfiles profiles = profilesFrom("[default]\noutput = table\n");
        const aws::AwsProfile *profile = profiles.profile(u"default"_s);
        cli::GlobalOptions options;
        QCOMPARE(resolved(options, {}, profile).settings.format, OutputFormat::Table);
        QCOMPARE(resolved(options, {}, profile).describe.first(),
            u"output: table (from profile default in /home/u/.aws/config line 2)"_s);
        QCOMPARE(resolved(options, { u"AWS_DEFAULT_OUTPUT=text"_s }, profile).settings.format,
            OutputFormat::Text);
        QCOMPARE(resolved(options, { u"AWS_DEFAULT_OUTPUT=text"_s }, profile).describe.first(),
            u"output: text (from AWS_DEFAULT_OUTPUT)"_s);
        options.output = OutputFormat::Json;
        QCOMPARE(resolved(options, { u"AWS_DEFAULT_OUTPUT=text"_s }, profile).settings.format,
            OutputFormat::Json);
    }

    void yamlAndYamlStream_fromEnvironmentOrProfile()
    {
        const auto fromEnvironment = cli::resolveOutput(
            {}, environmentWith({ u"AWS_DEFAULT_OUTPUT=yaml"_s }), nullptr, {});
        QVERIFY(fromEnvironment.ok());
        QCOMPARE(fromEnvironment.value().settings.format, OutputFormat::Yaml);
        QCOMPARE(
            fromEnvironment.value().describe.first(), u"output: yaml (from AWS_DEFAULT_OUTPUT)"_s);
        const aws::AwsProfiles profiles = profilesFrom("[default]\noutput = yaml-stream\n");
        const auto fromProfile = cli::resolveOutput({}, {}, profiles.profile(u"default"_s), {});
        QVERIFY(fromProfile.ok());
        QCOMPARE(fromProfile.value().settings.format, OutputFormat::YamlStream);
    }

    void unknownFormat_inEnvironmentOrProfile_isAConfigurationError()
    {
        const auto fromEnvironment
            = cli::resolveOutput({}, environmentWith({ u"AWS_DEFAULT_OUTPUT=xml"_s }), nullptr, {});
        QVERIFY(!fromEnvironment.ok());
        QCOMPARE(fromEnvironment.error().kind, aws::AwsError::Kind::Configuration);
        QCOMPARE(fromEnvironment.error().message,
            u"Unknown output type: xml (from AWS_DEFAULT_OUTPUT); valid types are json, table, "
            u"text, yaml and yaml-stream, or pass --output"_s);
        QCOMPARE(fromEnvironment.error().exitCode(), 253);
        const aws::AwsProfiles profiles = profilesFrom("[default]\noutput = YAML\n");
        QVERIFY(!cli::resolveOutput({}, {}, profiles.profile(u"default"_s), {}).ok());
        // --output makes the configured value irrelevant, as in the CLI.
        cli::GlobalOptions options;
        options.output = OutputFormat::Text;
        QVERIFY(cli::resolveOutput(
            options, environmentWith({ u"AWS_DEFAULT_OUTPUT=xml"_s }), nullptr, {})
                    .ok());
    }

    void timestampFormat_fromProfile()
    {
        for (const auto &[value, expected] :
            { std::pair { "wire", Timestamps::Wire }, std::pair { "none", Timestamps::Wire },
                std::pair { "iso8601", Timestamps::Iso8601 } }) {
            const aws::AwsProfiles profiles
                = profilesFrom(QByteArray("[profile p]\ncli_timestamp_format = ") + value);
            QCOMPARE(resolved({}, {}, profiles.profile(u"p"_s)).settings.timestamps.timestamps,
                expected);
        }
        const aws::AwsProfiles bad = profilesFrom("[profile p]\ncli_timestamp_format = epoch\n");
        const auto result = cli::resolveOutput({}, {}, bad.profile(u"p"_s), {});
        QVERIFY(!result.ok());
        QCOMPARE(result.error().message,
            u"Unknown cli_timestamp_format value: epoch, valid values are \"none\", \"wire\" or "
            u"\"iso8601\" (from "
            "profile p in /home/u/.aws/config line 2)"_s);
    }

    void tableWidth_terminalThenColumnsThen80()
    {
        cli::GlobalOptions options;
        options.output = OutputFormat::Table;
        QCOMPARE(
            resolved(options, { u"COLUMNS=132"_s }, nullptr, { true, 100 }).settings.tableWidth,
            100);
        QCOMPARE(resolved(options, { u"COLUMNS=132"_s }, nullptr, { false, 0 }).settings.tableWidth,
            132);
        QCOMPARE(
            resolved(options, { u"COLUMNS=wide"_s }, nullptr, { false, 0 }).settings.tableWidth,
            80);
        QCOMPARE(
            resolved(options, { u"COLUMNS=-5"_s }, nullptr, { false, 0 }).settings.tableWidth, 80);
        QCOMPARE(resolved(options, {}, nullptr, { true, 0 }).settings.tableWidth, 80);
        QCOMPARE(resolved(options, { u"COLUMNS=132"_s }, nullptr, { false, 0 }).describe.last(),
            u"table: 132 columns, plain"_s);
    }

    void colour_onOffOrWhenATerminal()
    {
        cli::GlobalOptions options;
        QVERIFY(resolved(options, {}, nullptr, { true, 80 }).settings.color);
        QVERIFY(!resolved(options, {}, nullptr, { false, 0 }).settings.color);
        options.color = cli::ColorMode::On;
        QVERIFY(resolved(options, {}, nullptr, { false, 0 }).settings.color);
        options.color = cli::ColorMode::Off;
        QVERIFY(!resolved(options, {}, nullptr, { true, 80 }).settings.color);
    }
};

QTEST_GUILESS_MAIN(TestOutputResolution)
#include "tst_outputresolution.moc"
