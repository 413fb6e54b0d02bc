// The headless command line: every command and option, global options anywhere, --help and
// --version winning, each refusal's text, and which command lines belong to the window.
#include "cli/invocation.h"

#include <QtTest>

#include <limits>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using cli::Invocation;

namespace {

Invocation parsed(const QStringList &arguments)
{
    const options::Result<Invocation> result = cli::parseInvocation(arguments);
    if (!result.ok())
        qFatal("refused: %s", qPrintable(result.error().message));
    return result.value();
}

QString refusal(const QStringList &arguments)
{
    const options::Result<Invocation> result = cli::parseInvocation(arguments);
    return result.ok() ? u"(accepted)"_s : result.error().message;
}

} // namespace

class TestInvocation : public QObject {
    Q_OBJECT
private slots:
    void describe_name()
    {
        const Invocation invocation = parsed({ u"describe"_s, u"pump-1"_s });
        QCOMPARE(invocation.action, Invocation::Action::Run);
        QCOMPARE(invocation.commandName(), u"describe"_s);
        QCOMPARE(invocation.arguments.positional, u"pump-1"_s);
        QVERIFY(!invocation.global.output);
        QVERIFY(!invocation.global.debug);
        QCOMPARE(invocation.global.color, cli::ColorMode::Auto);
    }

    void globalOptions_anywhere_allOfThem()
    {
        const Invocation invocation = parsed({ u"--profile"_s, u"prod"_s, u"--debug"_s,
            u"describe"_s, u"--region=eu-west-1"_s, u"pump-1"_s, u"--endpoint-url"_s,
            u"http://127.0.0.1:4566"_s, u"--output"_s, u"table"_s, u"--color"_s, u"off"_s,
            u"--read-timeout"_s, u"2.5"_s, u"--connect-timeout"_s, u"0"_s });
        QCOMPARE(invocation.commandName(), u"describe"_s);
        QCOMPARE(invocation.arguments.positional, u"pump-1"_s);
        QCOMPARE(invocation.global.requestedConfig.profile, u"prod"_s);
        QCOMPARE(invocation.global.requestedConfig.region, u"eu-west-1"_s);
        QCOMPARE(invocation.global.requestedConfig.endpointUrl, u"http://127.0.0.1:4566"_s);
        QCOMPARE(invocation.global.output, cli::OutputFormat::Table);
        QCOMPARE(invocation.global.color, cli::ColorMode::Off);
        QCOMPARE(invocation.global.readTimeout, 2500ms);
        QCOMPARE(invocation.global.connectTimeout,
            std::chrono::milliseconds(std::numeric_limits<int>::max()));
        QVERIFY(invocation.global.debug);
        QCOMPARE(parsed({ u"describe"_s, u"x"_s, u"--output"_s, u"text"_s }).global.output,
            cli::OutputFormat::Text);
        QCOMPARE(parsed({ u"describe"_s, u"x"_s, u"--output=json"_s }).global.output,
            cli::OutputFormat::Json);
        QCOMPARE(parsed({ u"describe"_s, u"x"_s, u"--color"_s, u"on"_s }).global.color,
            cli::ColorMode::On);
    }

    void list_filters()
    {
        const Invocation invocation = parsed({ u"list"_s, u"--name-prefix"_s, u"pump-"_s,
            u"--status"_s, u"RUNNING"_s, u"--model"_s, u"pump-model"_s });
        QCOMPARE(invocation.commandName(), u"list"_s);
        QCOMPARE(invocation.arguments.text("--name-prefix"_L1), u"pump-"_s);
        QCOMPARE(invocation.arguments.text("--status"_L1), u"RUNNING"_s);
        QCOMPARE(invocation.arguments.text("--model"_L1), u"pump-model"_s);
        QVERIFY(parsed({ u"list"_s }).arguments.noParameters());
    }

    void commandOptions_mayComeBeforeTheCommand()
    {
        QCOMPARE(parsed({ u"--status"_s, u"STOPPED"_s, u"list"_s }).arguments.text("--status"_L1),
            u"STOPPED"_s);
    }

    void executions_everyOption()
    {
        const Invocation invocation = parsed({ u"executions"_s, u"pump-1"_s, u"--max-items"_s,
            u"25"_s, u"--status"_s, u"FAILED"_s, u"--start-time-after"_s, u"2024-03-04T00:00:00Z"_s,
            u"--end-time-before"_s, u"1709600000"_s });
        QCOMPARE(invocation.commandName(), u"executions"_s);
        QCOMPARE(invocation.arguments.positional, u"pump-1"_s);
        QCOMPARE(invocation.arguments.wholeNumber("--max-items"_L1), 25);
        QCOMPARE(invocation.arguments.text("--status"_L1), u"FAILED"_s);
        QCOMPARE(invocation.arguments.timestamp("--start-time-after"_L1)->epochMicroseconds,
            Q_INT64_C(1709510400000000));
        QCOMPARE(invocation.arguments.timestamp("--end-time-before"_L1)->epochMicroseconds,
            Q_INT64_C(1709600000000000));
        QVERIFY(!parsed({ u"executions"_s, u"pump-1"_s }).arguments.wholeNumber("--max-items"_L1));
    }

    // A service command's time that is no time is kept, with the request member it fills, for
    // botocore's refusal when the request is validated (lookoutcalls.cpp); a later valid one
    // replaces it.
    void serviceTimes_notTimes_areKeptForBotocoresRefusal()
    {
        const Invocation events = parsed({ u"events"_s, u"pump-1"_s, u"--start-time"_s, u"monday"_s,
            u"--end-time"_s, u"2024-02-30"_s });
        QVERIFY(!events.arguments.timestamp("--start-time"_L1));
        const QList<cli::RefusedTimestamp> refused = events.arguments.refusedTimestamps();
        QCOMPARE(refused.size(), 2);
        QCOMPARE(QString(refused[0].member), u"IntervalStartTime"_s);
        QCOMPARE(refused[0].text, u"monday"_s);
        QCOMPARE(QString(refused[1].member), u"IntervalEndTime"_s);
        QCOMPARE(refused[1].text, u"2024-02-30"_s);

        const Invocation executions = parsed({ u"executions"_s, u"pump-1"_s,
            u"--start-time-after"_s, u"soon"_s, u"--start-time-after"_s, u"1709600000"_s });
        QVERIFY(executions.arguments.refusedTimestamps().isEmpty());
        QCOMPARE(executions.arguments.timestamp("--start-time-after"_L1)->epochMicroseconds,
            Q_INT64_C(1709600000000000));
    }

    void startAndStop()
    {
        QCOMPARE(parsed({ u"start"_s, u"a"_s }).commandName(), u"start"_s);
        QCOMPARE(parsed({ u"stop"_s, u"a"_s }).commandName(), u"stop"_s);
        QCOMPARE(QString(cli::findCommand(u"start")->operation), u"StartInferenceScheduler"_s);
        QCOMPARE(QString(cli::findCommand(u"stop")->operation), u"StopInferenceScheduler"_s);
    }

    void nameStartingWithADash_afterDoubleDash()
    {
        QCOMPARE(parsed({ u"describe"_s, u"--"_s, u"-pump"_s }).arguments.positional, u"-pump"_s);
    }

    void help_winsEverywhere_evenOverErrors()
    {
        for (const QStringList &line : { QStringList { u"--help"_s },
                 QStringList { u"-h"_s, u"--bogus"_s }, QStringList { u"describe"_s, u"--help"_s },
                 QStringList { u"--output"_s, u"xml"_s, u"-h"_s },
                 QStringList { u"nonsense"_s, u"--help"_s },
                 QStringList { u"--version"_s, u"--help"_s } }) {
            QCOMPARE(parsed(line).action, Invocation::Action::Help);
        }
        QCOMPARE(parsed({ u"describe"_s, u"-h"_s }).commandName(), u"describe"_s);
        QVERIFY(!parsed({ u"--help"_s }).command);
    }

    void version_winsOverErrors()
    {
        QCOMPARE(parsed({ u"--version"_s }).action, Invocation::Action::Version);
        QCOMPARE(parsed({ u"-v"_s, u"--bogus"_s }).action, Invocation::Action::Version);
    }

    void configureAndEmulator_passTheirArgumentsThrough()
    {
        const Invocation configure
            = parsed({ u"--debug"_s, u"configure"_s, u"--profile"_s, u"p"_s, u"--delete"_s });
        QCOMPARE(configure.commandName(), u"configure"_s);
        QCOMPARE(configure.passThrough,
            (QStringList { u"configure"_s, u"--debug"_s, u"--profile"_s, u"p"_s, u"--delete"_s }));
        const Invocation emulator = parsed({ u"emulator"_s, u"--fleet"_s, u"10"_s, u"--help"_s });
        QCOMPARE(emulator.commandName(), u"emulator"_s);
        QCOMPARE(emulator.action, Invocation::Action::Run); // its own --help
        QCOMPARE(emulator.passThrough,
            (QStringList { u"emulator"_s, u"--fleet"_s, u"10"_s, u"--help"_s }));
    }

    void refusals_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        QTest::newRow("nothing") << QStringList { u"--debug"_s }
                                 << u"the following arguments are required: command"_s;
        QTest::newRow("unknown command")
            << QStringList { u"describ"_s, u"x"_s }
            << u"argument command: Invalid choice 'describ', valid choices are: describe | "
               "list | executions | events | start | stop | results | configure | sso | emulator"_s;
        QTest::newRow("missing name")
            << QStringList { u"describe"_s } << u"the following arguments are required: NAME"_s;
        QTest::newRow("missing name, executions") << QStringList { u"executions"_s,
            u"--max-items"_s, u"3"_s } << u"the following arguments are required: NAME"_s;
        QTest::newRow("extra argument")
            << QStringList { u"describe"_s, u"a"_s, u"b"_s } << u"Unknown options: b"_s;
        QTest::newRow("list takes no name")
            << QStringList { u"list"_s, u"a"_s } << u"Unknown options: a"_s;
        QTest::newRow("unknown options") << QStringList { u"describe"_s, u"a"_s, u"--bogus"_s,
            u"--x=1"_s } << u"Unknown options: --bogus, --x=1"_s;
        QTest::newRow("other command's option") << QStringList { u"describe"_s, u"a"_s,
            u"--status"_s, u"RUNNING"_s } << u"Unknown options: --status, RUNNING"_s;
        QTest::newRow("window option")
            << QStringList { u"describe"_s, u"a"_s, u"--demo"_s } << u"Unknown options: --demo"_s;
        QTest::newRow("missing value") << QStringList { u"describe"_s, u"a"_s, u"--profile"_s }
                                       << u"argument --profile: expected one argument"_s;
        QTest::newRow("empty profile") << QStringList { u"describe"_s, u"a"_s, u"--profile="_s }
                                       << u"argument --profile: expected a non-empty value"_s;
        QTest::newRow("empty region") << QStringList { u"describe"_s, u"a"_s, u"--region"_s,
            u" "_s } << u"argument --region: expected a non-empty value"_s;
        QTest::newRow("empty endpoint") << QStringList { u"describe"_s, u"a"_s,
            u"--endpoint-url="_s } << u"argument --endpoint-url: expected a non-empty value"_s;
        QTest::newRow("bad output")
            << QStringList { u"describe"_s, u"a"_s, u"--output"_s, u"xml"_s }
            << u"argument --output: Invalid choice 'xml', valid choices are: json | table | text | "
               u"yaml | yaml-stream"_s;
        QTest::newRow("bad color")
            << QStringList { u"describe"_s, u"a"_s, u"--color"_s, u"yes"_s }
            << u"argument --color: Invalid choice 'yes', valid choices are: on | off | auto"_s;
        QTest::newRow("bad read timeout")
            << QStringList { u"describe"_s, u"a"_s, u"--read-timeout"_s, u"soon"_s }
            << u"argument --read-timeout: expected a number of seconds from 0 (no "
               "timeout) to 2147483, not 'soon'"_s;
        QTest::newRow("bad connect timeout")
            << QStringList { u"describe"_s, u"a"_s, u"--connect-timeout=-1"_s }
            << u"argument --connect-timeout: expected a number of seconds from 0 (no "
               "timeout) to 2147483, not '-1'"_s;
        QTest::newRow("debug with value") << QStringList { u"describe"_s, u"a"_s, u"--debug=1"_s }
                                          << u"argument --debug: ignored explicit argument '1'"_s;
        QTest::newRow("max items zero")
            << QStringList { u"executions"_s, u"a"_s, u"--max-items"_s, u"0"_s }
            << u"argument --max-items: expected a whole number from 1 to 1000000, not '0'"_s;
        QTest::newRow("max items word")
            << QStringList { u"executions"_s, u"a"_s, u"--max-items"_s, u"all"_s }
            << u"argument --max-items: expected a whole number from 1 to 1000000, not 'all'"_s;
        // `results` reads its times itself; the service commands' times are refused later, by
        // botocore's rules (serviceTimes_notTimes_areKeptForBotocoresRefusal).
        QTest::newRow("bad start time")
            << QStringList { u"results"_s, u"d"_s, u"--start-time"_s, u"monday"_s }
            << u"argument --start-time: expected a date-time such as "
               "2024-03-04T18:52:22Z, 2024-03-04T18:52:22+05:30 or 2024-03-04, or epoch "
               "seconds, not 'monday'"_s;
        QTest::newRow("bad end time")
            << QStringList { u"results"_s, u"d"_s, u"--end-time"_s, u"2024-02-30"_s }
            << u"argument --end-time: expected a date-time such as "
               "2024-03-04T18:52:22Z, 2024-03-04T18:52:22+05:30 or 2024-03-04, or epoch "
               "seconds, not '2024-02-30'"_s;
    }
    void refusals()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        QCOMPARE(refusal(arguments), message);
    }

    void headless_orWindow_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<bool>("headless");
        QTest::newRow("no arguments") << QStringList {} << false;
        QTest::newRow("window connection") << QStringList { u"--profile"_s, u"p"_s, u"--region"_s,
            u"r"_s, u"--endpoint-url"_s, u"http://127.0.0.1:1"_s }
                                           << false;
        QTest::newRow("demo") << QStringList { u"--demo"_s, u"--fleet"_s, u"50"_s, u"--churn"_s,
            u"--from"_s, u"dir"_s }
                              << false;
        QTest::newRow("scheduler")
            << QStringList { u"--scheduler"_s, u"list"_s, u"--refresh-interval"_s, u"30"_s }
            << false;
        QTest::newRow("qt options") << QStringList { u"-platform"_s, u"offscreen"_s, u"--style"_s,
            u"fusion"_s, u"-reverse"_s }
                                    << false;
        QTest::newRow("results window") << QStringList { u"--results"_s, u"/srv/out"_s } << false;
        QTest::newRow("unknown option") << QStringList { u"--bogus"_s } << false;
        QTest::newRow("command") << QStringList { u"describe"_s, u"x"_s } << true;
        QTest::newRow("command after window options")
            << QStringList { u"--profile"_s, u"p"_s, u"list"_s } << true;
        QTest::newRow("unknown word") << QStringList { u"describ"_s } << true;
        QTest::newRow("help") << QStringList { u"--help"_s } << true;
        QTest::newRow("h") << QStringList { u"-h"_s } << true;
        QTest::newRow("version") << QStringList { u"--version"_s } << true;
        QTest::newRow("v") << QStringList { u"-v"_s } << true;
        QTest::newRow("output") << QStringList { u"--output"_s, u"json"_s } << true;
        QTest::newRow("debug") << QStringList { u"--debug"_s } << true;
        QTest::newRow("read timeout") << QStringList { u"--read-timeout"_s, u"1"_s } << true;
        QTest::newRow("emulator") << QStringList { u"emulator"_s } << true;
        QTest::newRow("configure")
            << QStringList { u"configure"_s, u"--profile"_s, u"x"_s } << true;
    }
    void headless_orWindow()
    {
        QFETCH(QStringList, arguments);
        QFETCH(bool, headless);
        QCOMPARE(cli::isHeadlessCommandLine(arguments), headless);
    }
};

QTEST_GUILESS_MAIN(TestInvocation)
#include "tst_invocation.moc"
