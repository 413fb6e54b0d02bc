// The command table: every row is complete, and a row is all a new command needs besides its own
// code. Two rows added here as the coming commands would be (`events`, a service call with
// required time parameters; `sso logout`, a second command of the `sso` group beside the table's
// own `sso login`) and the table's own `results`
// (which calls no service) are parsed, refused, listed in --help, given their own help and, for
// `events`, run and printed in every format, with no change anywhere else.
#include "cli/commandtable.h"
#include "cli/helptext.h"
#include "cli/invocation.h"
#include "cli/lookoutcalls.h"
#include "cli/servicecommand.h"

#include <QBuffer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSet>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

using namespace Qt::StringLiterals;

namespace {

// What `events` would deliver: the CLI's JSON of one event spanning the asked interval.
void callEvents(const cli::ServiceCall &call, cli::CliJsonCallback done)
{
    const auto seconds = [](const std::optional<lookout::Timestamp> &time) {
        return static_cast<double>(time->epochMicroseconds) / 1e6;
    };
    const QJsonObject event { { u"InferenceSchedulerName"_s, call.arguments.positional },
        { u"EventStartTime"_s, seconds(call.arguments.timestamp("--start-time"_L1)) },
        { u"EventEndTime"_s, seconds(call.arguments.timestamp("--end-time"_L1)) } };
    const QByteArray json
        = QJsonDocument(QJsonObject { { u"InferenceEventSummaries"_s, QJsonArray { event } } })
              .toJson(QJsonDocument::Indented);
    QTimer::singleShot(0, call.context, [done = std::move(done), json] { done(json); });
}

int runRecorded(const cli::Invocation &invocation)
{
    return invocation.arguments.positional.isEmpty() ? 0 : 7;
}

const QList<cli::CommandSpec> &extendedTable()
{
    static const QList<cli::CommandSpec> table = [] {
        QList<cli::CommandSpec> rows = cli::commandTable();
        // The table's own `events` gives way to one whose times are required and whose answer
        // is canned, so that what is checked here is the table's machinery, not the service.
        rows.removeIf([](const cli::CommandSpec &row) { return row.name == "events"_L1; });
        rows.append({
            .name = "events"_L1,
            .operation = "ListInferenceEvents"_L1,
            .positional = "NAME"_L1,
            .parameters = {
                { .option = "--start-time"_L1, .placeholder = "T"_L1,
                    .type = cli::ValueType::Timestamp, .required = true,
                    .help = "Events that end after T." },
                { .option = "--end-time"_L1, .placeholder = "T"_L1,
                    .type = cli::ValueType::Timestamp, .required = true,
                    .help = "Events that start before T." },
            },
            .call = &callEvents,
            .summary = "ListInferenceEvents, every page merged into one list.",
            .description = "Prints the anomalous events of the scheduler NAME.",
            .example = "events centrifuge-060 --start-time 2024-03-04 --end-time 2024-03-05",
        });
        rows.append({
            .name = "sso logout"_L1,
            .run = &runRecorded,
            .summary = "Sign out of IAM Identity Center.",
            .description = "Removes the cached token.",
        });
        return rows;
    }();
    return table;
}

cli::Invocation parsed(const QStringList &arguments)
{
    const options::Result<cli::Invocation> result
        = cli::parseInvocation(arguments, extendedTable());
    if (!result.ok())
        qFatal("refused: %s", qPrintable(result.error().message));
    return result.value();
}

QString refusal(const QStringList &arguments)
{
    const options::Result<cli::Invocation> result
        = cli::parseInvocation(arguments, extendedTable());
    return result.ok() ? u"(accepted)"_s : result.error().message;
}

} // namespace

class TestCommandTable : public QObject {
    Q_OBJECT
private slots:
    void rows_areComplete();
    void newRows_areParsed();
    void newRows_refusals_data();
    void newRows_refusals();
    void newRows_areInTheHelp();
    void newServiceRow_runsAndPrintsInEveryFormat_data();
    void newServiceRow_runsAndPrintsInEveryFormat();
};

void TestCommandTable::rows_areComplete()
{
    QSet<QString> names;
    for (const cli::CommandSpec &command : cli::commandTable()) {
        const QString name = command.name;
        QVERIFY2(!name.isEmpty() && !names.contains(name), qPrintable(name));
        names.insert(name);
        QVERIFY2(!command.call != !command.run, qPrintable(name)); // exactly one
        QVERIFY2(*command.summary, qPrintable(name));
        if (command.call) {
            QVERIFY2(!command.operation.isEmpty(), qPrintable(name));
            QVERIFY2(*command.description, qPrintable(name));
            QVERIFY2(*command.example, qPrintable(name));
            QVERIFY2(QString::fromUtf8(command.example).startsWith(name + u' '), qPrintable(name));
        }
        QVERIFY2(!command.readsItsOwnOptions || command.parameters.isEmpty(), qPrintable(name));
        QSet<QString> options;
        for (const cli::ParameterSpec &parameter : command.parameters) {
            const QString option = parameter.option;
            QVERIFY2(option.startsWith(u"--"_s) && !options.contains(option), qPrintable(option));
            options.insert(option);
            QCOMPARE(parameter.placeholder.isEmpty(), parameter.type == cli::ValueType::Flag);
            QVERIFY2(*parameter.help, qPrintable(option));
            QVERIFY(parameter.type != cli::ValueType::WholeNumber
                || parameter.minimum <= parameter.maximum);
        }
    }
}

void TestCommandTable::newRows_areParsed()
{
    const cli::Invocation events = parsed({ u"--output"_s, u"text"_s, u"events"_s, u"--end-time"_s,
        u"2024-03-05"_s, u"pump-1"_s, u"--start-time"_s, u"1709510400"_s });
    QCOMPARE(events.commandName(), u"events"_s);
    QCOMPARE(events.arguments.positional, u"pump-1"_s);
    QCOMPARE(events.arguments.timestamp("--start-time"_L1)->epochMicroseconds,
        Q_INT64_C(1709510400000000));
    QCOMPARE(events.arguments.timestamp("--end-time"_L1)->epochMicroseconds,
        Q_INT64_C(1709596800000000));
    QCOMPARE(events.global.output, cli::OutputFormat::Text);

    const cli::Invocation results = parsed({ u"results"_s, u"s3://bucket/results/"_s });
    QCOMPARE(results.commandName(), u"results"_s);
    QCOMPARE(results.arguments.positional, u"s3://bucket/results/"_s);
    QCOMPARE(results.command, cli::findCommand(u"results", extendedTable()));
    QVERIFY(results.command->run && !results.command->call);

    const cli::Invocation login = parsed({ u"sso"_s, u"--no-browser"_s, u"login"_s });
    QCOMPARE(login.commandName(), u"sso login"_s);
    QVERIFY(login.arguments.flag("--no-browser"_L1));
    QVERIFY(!parsed({ u"sso"_s, u"login"_s }).arguments.flag("--no-browser"_L1));
    QCOMPARE(parsed({ u"sso"_s, u"login"_s, u"--help"_s }).action, cli::Invocation::Action::Help);
    QVERIFY(!parsed({ u"sso"_s, u"--help"_s }).command);
    const cli::Invocation logout = parsed({ u"sso"_s, u"logout"_s });
    QCOMPARE(logout.commandName(), u"sso logout"_s);
    QCOMPARE(logout.command, cli::findCommand(u"sso logout", extendedTable()));

    // The rows before them read the line as they did.
    QCOMPARE(parsed({ u"executions"_s, u"pump-1"_s, u"--max-items"_s, u"3"_s })
                 .arguments.wholeNumber("--max-items"_L1),
        3);
}

void TestCommandTable::newRows_refusals_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    QTest::newRow("required options") << QStringList { u"events"_s, u"pump-1"_s }
                                      << u"the following arguments are required: --start-time, "
                                         "--end-time"_s;
    QTest::newRow("everything required") << QStringList { u"events"_s }
                                         << u"the following arguments are required: NAME, "
                                            "--start-time, --end-time"_s;
    QTest::newRow("bad time") << QStringList { u"events"_s, u"a"_s, u"--start-time"_s, u"soon"_s,
        u"--end-time"_s, u"1"_s }
                              << u"argument --start-time: expected a date-time such as "
                                 "2024-03-04T18:52:22Z, 2024-03-04T18:52:22+05:30 or 2024-03-04, "
                                 "or epoch seconds, not 'soon'"_s;
    QTest::newRow("flag with value") << QStringList { u"sso"_s, u"login"_s, u"--no-browser=yes"_s }
                                     << u"argument --no-browser: ignored explicit argument 'yes'"_s;
    QTest::newRow("group alone") << QStringList { u"sso"_s }
                                 << u"the following arguments are required: operation"_s;
    QTest::newRow("unknown operation")
        << QStringList { u"sso"_s, u"logoff"_s }
        << u"argument operation: Invalid choice 'logoff', valid choices are: login | logout"_s;
    QTest::newRow("unknown command")
        << QStringList { u"event"_s }
        << u"argument command: Invalid choice 'event', valid choices are: describe | list | "
           "executions | start | stop | results | configure | sso | emulator | events"_s;
    QTest::newRow("another row's option") << QStringList { u"describe"_s, u"a"_s, u"--start-time"_s,
        u"1"_s } << u"Unknown options: --start-time, 1"_s;
    QTest::newRow("results takes one source")
        << QStringList { u"results"_s, u"a"_s, u"b"_s } << u"Unknown options: b"_s;
}

void TestCommandTable::newRows_refusals()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    QCOMPARE(refusal(arguments), message);
}

void TestCommandTable::newRows_areInTheHelp()
{
    const QString general = cli::generalHelp(extendedTable());
    QVERIFY2(general.contains(u"\n  emulator                   Serve the built-in emulator of the "
                              "service on 127.0.0.1.\n"
                              "  events NAME                ListInferenceEvents, every page "
                              "merged into one list.\n"
                              "                             --start-time T --end-time T\n"
                              "  sso logout                 Sign out of IAM Identity Center.\n"
                              "Run 'lookout-desk <command> --help'"_s),
        qPrintable(general));

    const QString events = cli::commandHelp(cli::findCommand(u"events", extendedTable()));
    QVERIFY2(
        events.startsWith(
            u"Usage: lookout-desk events NAME --start-time T --end-time T [global options]\n"
            "\n"
            "Prints the anomalous events of the scheduler NAME.\n"
            "\n"
            "Parameters:\n"
            "  --start-time T             Events that end after T.\n"
            "  --end-time T               Events that start before T.\n"
            "                             T: 2024-03-04T18:52:22Z, 2024-03-04T18:52:22+05:30,\n"
            "                             2024-03-04 (UTC) or epoch seconds.\n"
            "\n"
            "Global options (anywhere on the line):\n"_s),
        qPrintable(events));
    QVERIFY2(events.contains(u"\n  lookout-desk events centrifuge-060 --start-time 2024-03-04 "
                             "--end-time 2024-03-05\n  kill \"$emulator\"\n"_s),
        qPrintable(events));

    // No example for a command the emulator cannot show.
    const QString results = cli::commandHelp(cli::findCommand(u"results", extendedTable()));
    QVERIFY2(results.startsWith(u"Usage: lookout-desk results SOURCE [--start-time T] "
                                "[--end-time T] [global options]\n"_s),
        qPrintable(results));
    QVERIFY(!results.contains(u"Example"_s));
}

void TestCommandTable::newServiceRow_runsAndPrintsInEveryFormat_data()
{
    QTest::addColumn<QString>("format");
    QTest::addColumn<QString>("printed");
    QTest::newRow("json") << u"json"_s << u"\"InferenceSchedulerName\": \"pump-1\""_s;
    QTest::newRow("text") << u"text"_s << u"INFERENCEEVENTSUMMARIES\t"_s;
    QTest::newRow("table") << u"table"_s << u"ListInferenceEvents"_s; // its title
}

void TestCommandTable::newServiceRow_runsAndPrintsInEveryFormat()
{
    QFETCH(QString, format);
    QFETCH(QString, printed);
    const cli::Invocation invocation
        = parsed({ u"events"_s, u"pump-1"_s, u"--start-time"_s, u"2024-03-04"_s, u"--end-time"_s,
            u"2024-03-05"_s, u"--output"_s, format, u"--color"_s, u"off"_s });
    QTemporaryDir home;
    QVERIFY(home.isValid());
    QNetworkAccessManager network;
    QBuffer out;
    QBuffer err;
    out.open(QIODevice::WriteOnly);
    err.open(QIODevice::WriteOnly);
    cli::CommandEnvironment environment;
    // A connection that resolves; the row's call makes no request.
    environment.environment.insert(u"AWS_ACCESS_KEY_ID"_s, u"AKIDCOMMANDTABLE0001"_s);
    environment.environment.insert(u"AWS_SECRET_ACCESS_KEY"_s, u"command-table-secret"_s);
    environment.environment.insert(u"AWS_REGION"_s, u"us-east-1"_s);
    environment.environment.insert(u"AWS_ENDPOINT_URL"_s, u"http://127.0.0.1:9"_s);
    environment.environment.insert(u"AWS_CONFIG_FILE"_s, home.filePath(u"config"_s));
    environment.environment.insert(u"AWS_SHARED_CREDENTIALS_FILE"_s, home.filePath(u"creds"_s));
    environment.homeDirectory = home.path();
    environment.network = &network;
    environment.out = &out;
    environment.err = &err;
    QCOMPARE(cli::runServiceCommand(invocation, environment), 0);
    QCOMPARE(err.data(), QByteArray());
    QVERIFY2(out.data().contains(printed.toUtf8()), out.data().constData());
    QVERIFY2(out.data().contains("1709510400"), out.data().constData());
}

QTEST_GUILESS_MAIN(TestCommandTable)
#include "tst_commandtable.moc"
