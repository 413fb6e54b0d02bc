// The window's command line: connection options, --scheduler, --refresh-interval, --demo and
// its emulator options, --results, Qt's own options left alone, and each refusal's text.
#include "options/guioptions.h"

#include <QtTest>

using namespace Qt::StringLiterals;
using options::GuiOptions;
using options::Theme;

namespace {

QStringList line(const QStringList &arguments)
{
    return QStringList { u"lookout-desk"_s } + arguments;
}

GuiOptions parsed(const QStringList &arguments)
{
    const options::Result<GuiOptions> result = options::parseGuiOptions(line(arguments));
    if (!result.ok())
        qFatal("refused: %s", qPrintable(result.error().message));
    return result.value();
}

} // namespace

class TestGuiOptions : public QObject {
    Q_OBJECT
private slots:
    void none_givesDefaults()
    {
        const GuiOptions options = parsed({});
        QVERIFY(options.requestedConfig.profile.isEmpty());
        QVERIFY(options.requestedConfig.region.isEmpty());
        QVERIFY(options.requestedConfig.endpointUrl.isEmpty());
        QVERIFY(options.schedulerName.isEmpty());
        QVERIFY(!options.refreshIntervalSeconds);
        QVERIFY(!options.demo);
        QCOMPARE(options::parseGuiOptions({}).ok(), true); // not even a program name
    }

    void connectionSchedulerAndInterval()
    {
        const GuiOptions options = parsed({ u"--profile"_s, u"prod"_s, u"--region=eu-west-1"_s,
            u"--endpoint-url"_s, u"https://lookout.example.com"_s, u"--scheduler"_s, u"pump-1"_s,
            u"--refresh-interval"_s, u"30"_s });
        QCOMPARE(options.requestedConfig.profile, u"prod"_s);
        QCOMPARE(options.requestedConfig.region, u"eu-west-1"_s);
        QCOMPARE(options.requestedConfig.endpointUrl, u"https://lookout.example.com"_s);
        QCOMPARE(options.requestedConfig.profileOrigin, u"--profile"_s);
        QCOMPARE(options.schedulerName, u"pump-1"_s);
        QCOMPARE(options.refreshIntervalSeconds, 30);
        QCOMPARE(parsed({ u"--refresh-interval"_s, u"0"_s }).refreshIntervalSeconds, 0);
        QCOMPARE(parsed({ u"--refresh-interval"_s, u"86400"_s }).refreshIntervalSeconds, 86400);
        QCOMPARE(options.schedulerTab, options::SchedulerTab::Details);
    }

    // --connection PROFILE[@REGION], repeatable, in command-line order.
    void connection_isRepeatable()
    {
        const GuiOptions options = parsed({ u"--connection"_s, u"plant-a@eu-west-1"_s,
            u"--connection=plant-b"_s, u"--connection"_s, u"ops@team@ap-northeast-2"_s,
            u"--endpoint-url"_s, u"https://lookout.example.com"_s });
        QCOMPARE(options.connections.size(), 3);
        QCOMPARE(
            options.connections[0], (options::ConnectionSpec { u"plant-a"_s, u"eu-west-1"_s }));
        QCOMPARE(options.connections[1], (options::ConnectionSpec { u"plant-b"_s, QString() }));
        // The region is after the last '@'.
        QCOMPARE(options.connections[2],
            (options::ConnectionSpec { u"ops@team"_s, u"ap-northeast-2"_s }));
        QCOMPARE(options.connections[2].toText(), u"ops@team@ap-northeast-2"_s);
        QCOMPARE(options.connections[1].toText(), u"plant-b"_s);
        QVERIFY(options.requestedConfig.profile.isEmpty());
        QCOMPARE(options.requestedConfig.endpointUrl, u"https://lookout.example.com"_s);
        QVERIFY(parsed({}).connections.isEmpty());
    }

    // --show names a tab of the scheduler's pane, from the one table of them.
    void show_opensTheSchedulerOnATab()
    {
        for (const options::SchedulerTabName &entry : options::kSchedulerTabNames) {
            const GuiOptions options
                = parsed({ u"--scheduler"_s, u"pump-1"_s, u"--show"_s, QString(entry.name) });
            QCOMPARE(options.schedulerTab, entry.tab);
        }
        QCOMPARE(
            parsed({ u"--demo"_s, u"--scheduler"_s, u"a"_s, u"--show=results"_s }).schedulerTab,
            options::SchedulerTab::Results);
        QCOMPARE(parsed({ u"--scheduler"_s, u"a"_s, u"--show"_s, u"history"_s }).schedulerTab,
            options::SchedulerTab::History);
        QCOMPARE(parsed({ u"--scheduler"_s, u"a"_s, u"--show"_s, u"events"_s }).schedulerTab,
            options::SchedulerTab::Events);
        QCOMPARE(std::size(options::kSchedulerTabNames), std::size_t(4));
    }

    void demo_withEmulatorOptions()
    {
        const GuiOptions options = parsed({ u"--demo"_s, u"--fleet"_s, u"500"_s, u"--seed"_s,
            u"7"_s, u"--churn"_s, u"--region"_s, u"eu-west-1"_s });
        QVERIFY(options.demo);
        QCOMPARE(options.demoEmulator.fleetSize, 500);
        QCOMPARE(options.demoEmulator.fleetSeed, 7u);
        QVERIFY(options.demoEmulator.churn.enabled);
        QCOMPARE(options.demoEmulator.churn.seed, 7u);
        QCOMPARE(options.demoEmulator.region, u"eu-west-1"_s);
        QVERIFY(options.demoEmulator.ownThread); // the window's thread stays free
        const GuiOptions archive = parsed({ u"--demo"_s, u"--from"_s, u"/srv/archive"_s });
        QCOMPARE(archive.demoEmulator.archiveDirectory, u"/srv/archive"_s);
        QVERIFY(!archive.demoEmulator.churn.enabled);
        QCOMPARE(
            parsed({ u"--demo"_s }).demoEmulator.fleetSize, emulator::EmulatorOptions {}.fleetSize);
    }

    void results_opensAFolder()
    {
        const GuiOptions options = parsed({ u"--results"_s, u"/srv/results out"_s });
        QCOMPARE(options.resultsLocation, u"/srv/results out"_s);
        QVERIFY(!options.demo);
        QVERIFY(parsed({}).resultsLocation.isEmpty());
        QCOMPARE(parsed({ u"--results=relative/dir"_s }).resultsLocation, u"relative/dir"_s);
    }

    void results_opensAnS3LocationWithItsConnection()
    {
        const GuiOptions options
            = parsed({ u"--results"_s, u"s3://bucket/out/"_s, u"--profile"_s, u"prod"_s,
                u"--region"_s, u"eu-west-1"_s, u"--endpoint-url"_s, u"http://127.0.0.1:9000"_s });
        QCOMPARE(options.resultsLocation, u"s3://bucket/out/"_s);
        QCOMPARE(options.requestedConfig.profile, u"prod"_s);
        QCOMPARE(options.requestedConfig.region, u"eu-west-1"_s);
        QCOMPARE(options.requestedConfig.endpointUrl, u"http://127.0.0.1:9000"_s);
    }

    void wall_opensTheWallDisplay()
    {
        QVERIFY(!parsed({}).wall);
        const GuiOptions options
            = parsed({ u"--wall"_s, u"--demo"_s, u"--refresh-interval"_s, u"10"_s });
        QVERIFY(options.wall);
        QVERIFY(options.demo);
        QCOMPARE(options.refreshIntervalSeconds, 10);
        QVERIFY(parsed({ u"--wall"_s, u"--profile"_s, u"plant"_s }).wall);
    }

    void theme_systemUnlessChosen()
    {
        QCOMPARE(parsed({}).theme, Theme::System);
        QCOMPARE(parsed({ u"--theme"_s, u"dark"_s, u"--wall"_s }).theme, Theme::Dark);
        QCOMPARE(parsed({ u"--theme=light"_s }).theme, Theme::Light);
        QCOMPARE(parsed({ u"--theme"_s, u"high-contrast"_s }).theme, Theme::HighContrast);
        QCOMPARE(parsed({ u"--theme"_s, u"system"_s }).theme, Theme::System);
        QCOMPARE(
            parsed({ u"--results"_s, u"/srv/out"_s, u"--theme"_s, u"dark"_s }).theme, Theme::Dark);
    }

    void qtOptions_areLeftToQt()
    {
        const GuiOptions options
            = parsed({ u"-platform"_s, u"offscreen"_s, u"--style"_s, u"fusion"_s, u"-reverse"_s,
                u"-qwindowgeometry"_s, u"800x600"_s, u"--scheduler"_s, u"a"_s });
        QCOMPARE(options.schedulerName, u"a"_s);
    }

    void refusals_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown") << QStringList { u"--bogus"_s, u"word"_s }
                                 << u"Unknown options: --bogus, word"_s;
        QTest::newRow("--wall with --results")
            << QStringList { u"--results"_s, u"/srv/out"_s, u"--wall"_s }
            << u"argument --wall: not with --results, which opens a folder of results"_s;
        QTest::newRow("unknown theme")
            << QStringList { u"--theme"_s, u"solarized"_s }
            << u"argument --theme: expected one of system, light, dark, high-contrast, "
               "not 'solarized'"_s;
        QTest::newRow("theme without value")
            << QStringList { u"--theme"_s } << u"argument --theme: expected one argument"_s;
        QTest::newRow("headless option")
            << QStringList { u"--output"_s, u"json"_s } << u"Unknown options: --output, json"_s;
        QTest::newRow("missing value")
            << QStringList { u"--scheduler"_s } << u"argument --scheduler: expected one argument"_s;
        QTest::newRow("empty profile") << QStringList { u"--profile="_s }
                                       << u"argument --profile: expected a non-empty value"_s;
        QTest::newRow("bad scheduler")
            << QStringList { u"--scheduler"_s, u"a b"_s }
            << u"argument --scheduler: Invalid value for parameter InferenceSchedulerName, "
               "value: a b, valid pattern: ^[0-9a-zA-Z_-]{1,200}$"_s;
        QTest::newRow("interval word")
            << QStringList { u"--refresh-interval"_s, u"fast"_s }
            << u"argument --refresh-interval: expected 0 (off) or a whole number of seconds "
               "from 5 to 86400, not 'fast'"_s;
        QTest::newRow("interval too short")
            << QStringList { u"--refresh-interval"_s, u"2"_s }
            << u"argument --refresh-interval: expected 0 (off) or a whole number of "
               "seconds from 5 to 86400, not '2'"_s;
        QTest::newRow("interval too long")
            << QStringList { u"--refresh-interval"_s, u"86401"_s }
            << u"argument --refresh-interval: expected 0 (off) or a whole number of "
               "seconds from 5 to 86400, not '86401'"_s;
        QTest::newRow("fleet without demo")
            << QStringList { u"--fleet"_s, u"5"_s } << u"argument --fleet: only with --demo"_s;
        QTest::newRow("churn without demo")
            << QStringList { u"--churn"_s } << u"argument --churn: only with --demo"_s;
        QTest::newRow("demo and profile")
            << QStringList { u"--demo"_s, u"--profile"_s, u"p"_s }
            << u"argument --profile: not with --demo, which uses its own endpoint and keys"_s;
        QTest::newRow("demo and endpoint")
            << QStringList { u"--demo"_s, u"--endpoint-url"_s, u"http://127.0.0.1:1"_s }
            << u"argument --endpoint-url: not with --demo, which uses its own endpoint "
               "and keys"_s;
        QTest::newRow("from and fleet")
            << QStringList { u"--demo"_s, u"--from"_s, u"d"_s, u"--fleet"_s, u"3"_s }
            << u"argument --from: serves saved files; not with --fleet or --seed"_s;
        QTest::newRow("fleet zero") << QStringList { u"--demo"_s, u"--fleet"_s,
            u"0"_s } << u"argument --fleet: expected a whole number from 1 to 100000, not '0'"_s;
        QTest::newRow("seed negative")
            << QStringList { u"--demo"_s, u"--seed"_s, u"-1"_s }
            << u"argument --seed: expected a whole number from 0 to 9007199254740991, not '-1'"_s;
        QTest::newRow("results empty") << QStringList { u"--results"_s, u""_s }
                                       << u"argument --results: expected a non-empty value"_s;
        QTest::newRow("results without value")
            << QStringList { u"--results"_s } << u"argument --results: expected one argument"_s;
        QTest::newRow("results from s3 and demo")
            << QStringList { u"--results"_s, u"S3://bucket/out/"_s, u"--demo"_s }
            << u"argument --demo: not with --results, which opens results in S3"_s;
        QTest::newRow("results and demo")
            << QStringList { u"--results"_s, u"d"_s, u"--demo"_s }
            << u"argument --demo: not with --results, which opens a folder of results"_s;
        QTest::newRow("results and scheduler")
            << QStringList { u"--scheduler"_s, u"s"_s, u"--results"_s, u"d"_s }
            << u"argument --scheduler: not with --results, which opens a folder of results"_s;
        QTest::newRow("results and profile")
            << QStringList { u"--results"_s, u"d"_s, u"--profile"_s, u"p"_s }
            << u"argument --profile: not with --results, which opens a folder of results"_s;
        QTest::newRow("show without scheduler") << QStringList { u"--show"_s, u"results"_s }
                                                << u"argument --show: only with --scheduler"_s;
        QTest::newRow("show unknown tab")
            << QStringList { u"--scheduler"_s, u"s"_s, u"--show"_s, u"chart"_s }
            << u"argument --show: expected one of details, history, events, results, not 'chart'"_s;
        QTest::newRow("show empty")
            << QStringList { u"--scheduler"_s, u"s"_s, u"--show"_s, u""_s }
            << u"argument --show: expected one of details, history, events, results, not ''"_s;
        QTest::newRow("results and show")
            << QStringList { u"--results"_s, u"d"_s, u"--show"_s, u"results"_s }
            << u"argument --show: not with --results, which opens a folder of results"_s;
        QTest::newRow("connection bad region")
            << QStringList { u"--connection"_s, u"prod@eu west 1"_s }
            << u"argument --connection: Provided region_name 'eu west 1' doesn't match a "
               "supported format."_s;
        QTest::newRow("connection without profile")
            << QStringList { u"--connection"_s, u"@eu-west-1"_s }
            << u"argument --connection: expected PROFILE or PROFILE@REGION, not '@eu-west-1'"_s;
        QTest::newRow("connection without region")
            << QStringList { u"--connection"_s, u"prod@"_s }
            << u"argument --connection: expected PROFILE or PROFILE@REGION, not 'prod@'"_s;
        QTest::newRow("connection empty") << QStringList { u"--connection="_s }
                                          << u"argument --connection: expected a non-empty value"_s;
        QTest::newRow("connection twice") << QStringList {
            u"--connection"_s, u"a@us-east-1"_s, u"--connection"_s, u"a@us-east-1"_s
        } << u"argument --connection: 'a@us-east-1' is given twice"_s;
        QTest::newRow("connection and profile")
            << QStringList { u"--connection"_s, u"a"_s, u"--profile"_s, u"b"_s }
            << u"argument --profile: not with --connection, which names each profile and region"_s;
        QTest::newRow("connection and demo")
            << QStringList { u"--connection"_s, u"a"_s, u"--demo"_s }
            << u"argument --demo: not with --connection, which names each profile and region"_s;
        QTest::newRow("connection and results")
            << QStringList { u"--results"_s, u"d"_s, u"--connection"_s, u"a"_s }
            << u"argument --connection: not with --results, which opens a folder of results"_s;
        QTest::newRow("demo bad region")
            << QStringList { u"--demo"_s, u"--region"_s, u"not a region"_s }
            << u"argument --demo: region 'not a region' is not a region name like "
               "us-east-1"_s;
    }
    void refusals()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        const options::Result<GuiOptions> result = options::parseGuiOptions(line(arguments));
        QVERIFY(!result.ok());
        QCOMPARE(result.error().message, message);
    }
};

QTEST_GUILESS_MAIN(TestGuiOptions)
#include "tst_guioptions.moc"
