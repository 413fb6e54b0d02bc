// lookout-desk's headless commands next to the AWS CLI itself, against the same emulator with the
// same settings: describe, list (one page's worth, which the CLI shows without a NextToken), its
// filters and executions in a fixed time window print the same bytes in json, text and table
// form (table at the CLI's 80 columns for piped output), and in yaml and yaml-stream (AWS CLI v2
// only: v1 has no YAML output), and the same error sentences. Both
// cli_timestamp_format settings. Every test runs with Debian's AWS CLI v2 (/usr/bin/aws; without
// it the v2 runs fail under CI=true and skip elsewhere) and again with a v1 on PATH (skipped
// without one). lookout-desk prints what v2 prints; where v1 differs (its exit statuses, no blank
// line before its configure hints) the CLI's own behaviour is checked against its major version.
#include "core/clock.h"
#include "emulator/emulator.h"
#include "headlessrun.h"

#include <QDateTime>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

struct Pair {
    QString name;
    QStringList ours; // lookout-desk arguments, without --output
    QStringList theirs; // aws arguments, without --output
};

// One row of sameOutput: a pair of commands in one output form and timestamp format.
struct Comparison {
    QString tag;
    QString timestampFormat;
    QStringList ours; // with --output
    QStringList theirs; // with lookoutequipment and --output
    int sinceAwsCliMajorVersion = 1; // the first CLI version that has this output
};

} // namespace

class TestAwsCliParityCommands : public QObject {
    Q_OBJECT
private slots:
    void initTestCase_data();
    void initTestCase();
    void init();
    void sameOutput_data();
    void sameOutput();
    void sameErrorSentences();

private:
    QProcessEnvironment environment(const QString &timestampFormat) const;
    e2e::ProcessSpec cli(
        const QStringList &arguments, const QProcessEnvironment &environment) const;
    e2e::ProcessSpec desk(
        const QStringList &arguments, const QProcessEnvironment &environment) const;
    QList<Comparison> comparisons() const;

    const e2e::AwsCli *m_cli = nullptr; // the current row's
    std::shared_ptr<core::ManualClock> m_clock;
    std::unique_ptr<emulator::Emulator> m_emulator;
    QTemporaryDir m_dir;
    QStringList m_names;
    QString m_runningModel;
    QString m_after; // a closed window in the past: the same executions whenever each runs
    QString m_before;
    // A closed span of three days in the past for events: the same events whenever each runs.
    QString m_eventsFrom;
    QString m_eventsTo;
    // Each comparison's output, run all at once the first time a row needs one (the CLI takes
    // a second of CPU to start): lookout-desk's once, each CLI's once per major version.
    QList<e2e::ProcessRun> m_deskRuns;
    QHash<int, QList<e2e::ProcessRun>> m_cliRuns;
};

void TestAwsCliParityCommands::initTestCase_data()
{
    QTest::addColumn<int>("awsCliMajorVersion");
    for (const int major : e2e::awsCliMajorVersions())
        QTest::addRow("AWS CLI v%d", major) << major;
}

void TestAwsCliParityCommands::initTestCase()
{
    QVERIFY2(e2e::awsClis().problems.isEmpty(), qPrintable(e2e::awsClis().problems.join(u'\n')));
    for (const int major : e2e::awsCliMajorVersions()) {
        if (const e2e::AwsCli *cli = e2e::awsCli(major).cli)
            qInfo("Comparing with %s", qPrintable(cli->version));
    }
    QVERIFY(m_dir.isValid());
    for (const char *format : { "iso8601", "wire" }) {
        QFile config(m_dir.filePath(u"config-"_s + QLatin1String(format)));
        QVERIFY(config.open(QIODevice::WriteOnly));
        config.write(QByteArray("[default]\ncli_timestamp_format = ") + format + '\n');
    }
    QFile credentials(m_dir.filePath(u"credentials"_s));
    QVERIFY(credentials.open(QIODevice::WriteOnly));

    emulator::EmulatorOptions options;
    options.fleetSize = 40; // within the emulator's default page of 50: the CLI shows no NextToken
    options.fleetSeed = 11;
    // The generated fleet starts with some schedulers PENDING or STOPPING, each settling within a
    // second at these durations. Each comparison runs two processes one after the other (seconds
    // apart under AddressSanitizer), so both must see a fleet that no longer changes by itself.
    options.transitions.pendingMicros = 0;
    options.transitions.stoppingMicros = 0;
    // The fleet's clock stands still, so no execution runs between the two processes of a
    // comparison: an event still going on would otherwise grow between them (its end, duration
    // and shares). Signatures are checked against the real time, which the processes sign with,
    // however long the test runs (the service accepts 5 minutes of skew).
    m_clock = std::make_shared<core::ManualClock>(QDateTime::currentDateTimeUtc());
    options.clock = m_clock;
    options.requestClock = core::Clock::system();
    m_emulator = std::make_unique<emulator::Emulator>(options);
    QVERIFY2(m_emulator->start(), qPrintable(m_emulator->errorString()));

    const auto inTransition = [](const QJsonArray &summaries) {
        return std::any_of(summaries.begin(), summaries.end(), [](const QJsonValue &summary) {
            const QString status = summary.toObject().value(u"Status"_s).toString();
            return status == u"PENDING"_s || status == u"STOPPING"_s;
        });
    };
    QJsonArray summaries;
    for (int attempt = 0; attempt < 20; ++attempt) {
        const e2e::ProcessRun listed = e2e::runProcess(
            QStringLiteral(LOOKOUT_BINARY), { u"list"_s }, environment(u"iso8601"_s));
        QCOMPARE(listed.exitCode, 0);
        summaries = QJsonDocument::fromJson(listed.out)
                        .object()
                        .value(u"InferenceSchedulerSummaries"_s)
                        .toArray();
        if (!inTransition(summaries))
            break;
        m_clock->advance(std::chrono::seconds(1)); // transitions settle at emulator time
        QTest::qWait(250);
    }
    QVERIFY2(!inTransition(summaries),
        "the emulator's fleet is still PENDING or STOPPING after 20 listings");
    for (const QJsonValue &summary : std::as_const(summaries)) {
        m_names.append(summary.toObject().value(u"InferenceSchedulerName"_s).toString());
        if (summary.toObject().value(u"Status"_s).toString() == u"RUNNING"_s)
            m_runningModel = summary.toObject().value(u"ModelName"_s).toString();
    }
    QCOMPARE(m_names.size(), 40);
    const qint64 hour = QDateTime::currentSecsSinceEpoch() / 3600 * 3600;
    m_after = QString::number(hour - 5 * 3600);
    m_before = QString::number(hour - 2 * 3600);
    m_eventsFrom = QString::number(hour - 3 * 24 * 3600);
    m_eventsTo = QString::number(hour - 3600);
}

void TestAwsCliParityCommands::init()
{
    QFETCH_GLOBAL(int, awsCliMajorVersion);
    const e2e::AwsCliChoice choice = e2e::awsCli(awsCliMajorVersion);
    E2E_REQUIRE_AWS_CLI(choice);
    m_cli = choice.cli;
}

// The CLI with `arguments`; v2, which does not read AWS_ENDPOINT_URL_LOOKOUTEQUIPMENT, is given
// the same endpoint with --endpoint-url.
e2e::ProcessSpec TestAwsCliParityCommands::cli(
    const QStringList &arguments, const QProcessEnvironment &environment) const
{
    QStringList all = arguments;
    if (!m_cli->readsServiceEndpointVariables())
        all << u"--endpoint-url"_s << m_emulator->endpoint().toString();
    return { m_cli->program, all, environment, 180'000 };
}

e2e::ProcessSpec TestAwsCliParityCommands::desk(
    const QStringList &arguments, const QProcessEnvironment &environment) const
{
    return { QStringLiteral(LOOKOUT_BINARY), arguments, environment, 60'000 };
}

QProcessEnvironment TestAwsCliParityCommands::environment(const QString &timestampFormat) const
{
    QProcessEnvironment environment = e2e::bareEnvironment();
    environment.insert(u"HOME"_s, m_dir.path());
    environment.insert(u"XDG_CONFIG_HOME"_s, m_dir.filePath(u"xdg"_s));
    environment.insert(u"AWS_CONFIG_FILE"_s, m_dir.filePath(u"config-"_s + timestampFormat));
    environment.insert(u"AWS_SHARED_CREDENTIALS_FILE"_s, m_dir.filePath(u"credentials"_s));
    environment.insert(u"AWS_ACCESS_KEY_ID"_s, m_emulator->credentials().accessKeyId);
    environment.insert(u"AWS_SECRET_ACCESS_KEY"_s, m_emulator->credentials().secretAccessKey);
    environment.insert(
        u"AWS_DEFAULT_REGION"_s, m_emulator->region()); // AWS CLI v1 reads only this one
    environment.insert(u"AWS_REGION"_s, m_emulator->region());
    environment.insert(u"AWS_ENDPOINT_URL_LOOKOUTEQUIPMENT"_s, m_emulator->endpoint().toString());
    environment.insert(u"TZ"_s, u"Asia/Kolkata"_s); // both print timestamps in the local zone
    // The CLI parses with the model lookout-desk follows (tests/data/aws-model/SOURCE.md), not
    // with an older one of its own: Debian's v2 would drop ModelVersion from executions.
    environment.insert(u"AWS_DATA_PATH"_s, QStringLiteral(LOOKOUT_TEST_DATA_DIR "/aws-model"));
    return environment;
}

QList<Comparison> TestAwsCliParityCommands::comparisons() const
{
    const QList<Pair> pairs {
        { u"describe"_s, { u"describe"_s, m_names.at(0) },
            { u"describe-inference-scheduler"_s, u"--inference-scheduler-name"_s, m_names.at(0) } },
        { u"describe another"_s, { u"describe"_s, m_names.at(17) },
            { u"describe-inference-scheduler"_s, u"--inference-scheduler-name"_s,
                m_names.at(17) } },
        { u"list"_s, { u"list"_s }, { u"list-inference-schedulers"_s } },
        { u"list by status"_s, { u"list"_s, u"--status"_s, u"RUNNING"_s },
            { u"list-inference-schedulers"_s, u"--status"_s, u"RUNNING"_s } },
        { u"list by prefix"_s, { u"list"_s, u"--name-prefix"_s, m_names.at(5).left(3) },
            { u"list-inference-schedulers"_s, u"--inference-scheduler-name-begins-with"_s,
                m_names.at(5).left(3) } },
        { u"list by model"_s, { u"list"_s, u"--model"_s, m_runningModel },
            { u"list-inference-schedulers"_s, u"--model-name"_s, m_runningModel } },
        { u"list, nothing found"_s, { u"list"_s, u"--name-prefix"_s, u"zzz-none"_s },
            { u"list-inference-schedulers"_s, u"--inference-scheduler-name-begins-with"_s,
                u"zzz-none"_s } },
        { u"executions in a window"_s,
            { u"executions"_s, m_names.at(2), u"--start-time-after"_s, m_after,
                u"--end-time-before"_s, m_before },
            { u"list-inference-executions"_s, u"--inference-scheduler-name"_s, m_names.at(2),
                u"--data-start-time-after"_s, m_after, u"--data-end-time-before"_s, m_before } },
        { u"events in a window"_s,
            { u"events"_s, m_names.at(2), u"--start-time"_s, m_eventsFrom, u"--end-time"_s,
                m_eventsTo },
            { u"list-inference-events"_s, u"--inference-scheduler-name"_s, m_names.at(2),
                u"--interval-start-time"_s, m_eventsFrom, u"--interval-end-time"_s, m_eventsTo } },
        { u"events of another"_s,
            { u"events"_s, m_names.at(9), u"--start-time"_s, m_eventsFrom, u"--end-time"_s,
                m_eventsTo },
            { u"list-inference-events"_s, u"--inference-scheduler-name"_s, m_names.at(9),
                u"--interval-start-time"_s, m_eventsFrom, u"--interval-end-time"_s, m_eventsTo } },
    };
    QList<Comparison> all;
    for (const QString &format : { u"iso8601"_s, u"wire"_s }) {
        for (const QString &output :
            { u"json"_s, u"text"_s, u"table"_s, u"yaml"_s, u"yaml-stream"_s }) {
            for (const Pair &pair : pairs) {
                const QStringList outputOption { u"--output"_s, output };
                all.append({ pair.name + u", "_s + output + u", "_s + format, format,
                    pair.ours + outputOption,
                    QStringList { u"lookoutequipment"_s } + pair.theirs + outputOption,
                    output.startsWith(u"yaml"_s) ? 2 : 1 });
            }
        }
    }
    return all;
}

void TestAwsCliParityCommands::sameOutput_data()
{
    QTest::addColumn<qsizetype>("index");
    const QList<Comparison> all = comparisons();
    for (qsizetype i = 0; i < all.size(); ++i)
        QTest::newRow(qPrintable(all[i].tag)) << i;
}

void TestAwsCliParityCommands::sameOutput()
{
    QFETCH(qsizetype, index);
    const QList<Comparison> all = comparisons();
    if (m_deskRuns.isEmpty()) {
        QList<e2e::ProcessSpec> specs;
        for (const Comparison &comparison : all)
            specs.append(desk(comparison.ours, environment(comparison.timestampFormat)));
        m_deskRuns = e2e::runProcesses(specs);
    }
    if (!m_cliRuns.contains(m_cli->majorVersion)) {
        QList<e2e::ProcessSpec> specs;
        for (const Comparison &comparison : all)
            specs.append(cli(comparison.theirs, environment(comparison.timestampFormat)));
        m_cliRuns.insert(m_cli->majorVersion, e2e::runProcesses(specs));
    }
    const e2e::ProcessRun &theirs = m_cliRuns.value(m_cli->majorVersion).at(index);
    const e2e::ProcessRun &ours = m_deskRuns.at(index);
    QVERIFY2(ours.finished && ours.exitCode == 0, ours.err.constData());
    if (all[index].sinceAwsCliMajorVersion > m_cli->majorVersion) {
        // An older CLI refuses the format: there is nothing of its to compare with.
        QVERIFY2(theirs.finished && theirs.exitCode != 0, theirs.out.constData());
        QVERIFY2(theirs.err.contains("Invalid choice"), theirs.err.constData());
        return;
    }
    QVERIFY2(theirs.finished && theirs.exitCode == 0, theirs.err.constData());
    QVERIFY(!theirs.out.contains("NextToken")); // one page: comparable with the merged listing
    if (ours.out != theirs.out)
        qWarning("--- aws\n%s--- lookout-desk\n%s", theirs.out.constData(), ours.out.constData());
    QCOMPARE(ours.out, theirs.out);
}

void TestAwsCliParityCommands::sameErrorSentences()
{
    const QProcessEnvironment iso = environment(u"iso8601"_s);
    QProcessEnvironment wrongSecret = iso;
    wrongSecret.insert(u"AWS_SECRET_ACCESS_KEY"_s, u"definitely-not-the-secret"_s);
    QProcessEnvironment noRegion = iso;
    noRegion.remove(u"AWS_REGION"_s);
    noRegion.remove(u"AWS_DEFAULT_REGION"_s);
    QProcessEnvironment noKeys = iso;
    noKeys.remove(u"AWS_ACCESS_KEY_ID"_s);
    noKeys.remove(u"AWS_SECRET_ACCESS_KEY"_s);
    const QStringList list { u"lookoutequipment"_s, u"list-inference-schedulers"_s };
    const QStringList events { u"lookoutequipment"_s, u"list-inference-events"_s,
        u"--inference-scheduler-name"_s };
    enum { Missing, Denied, NoRegion, NoKeys, NoProfile, EventsMissing, EventsBadTime };
    // The CLI's runs, then lookout-desk's, all at once.
    const QList<e2e::ProcessRun> runs = e2e::runProcesses({
        cli({ u"lookoutequipment"_s, u"describe-inference-scheduler"_s,
                u"--inference-scheduler-name"_s, u"ghost"_s },
            iso),
        cli(list, wrongSecret),
        cli(list, noRegion),
        cli(list, noKeys),
        cli(list + QStringList { u"--profile"_s, u"ghost"_s }, iso),
        cli(events
                + QStringList { u"ghost"_s, u"--interval-start-time"_s, m_eventsFrom,
                    u"--interval-end-time"_s, m_eventsTo },
            iso),
        cli(events
                + QStringList { m_names.at(2), u"--interval-start-time"_s, u"soon"_s,
                    u"--interval-end-time"_s, m_eventsTo },
            iso),
        desk({ u"describe"_s, u"ghost"_s }, iso),
        desk({ u"list"_s }, wrongSecret),
        desk({ u"list"_s }, noRegion),
        desk({ u"list"_s }, noKeys),
        desk({ u"list"_s, u"--profile"_s, u"ghost"_s }, iso),
        desk({ u"events"_s, u"ghost"_s, u"--start-time"_s, m_eventsFrom, u"--end-time"_s,
                 m_eventsTo },
            iso),
        desk({ u"events"_s, m_names.at(2), u"--start-time"_s, u"soon"_s, u"--end-time"_s,
                 m_eventsTo },
            iso),
    });
    const auto theirs = [&runs](int which) { return runs.at(which); };
    const auto ours = [&runs](int which) { return runs.at(7 + which); };

    QCOMPARE(theirs(Missing).exitCode, m_cli->serviceErrorExitCode());
    QVERIFY(theirs(Missing).err.startsWith("\nAn error occurred (ResourceNotFoundException)"));
    QCOMPARE(ours(Missing).err, theirs(Missing).err);
    QCOMPARE(ours(Missing).exitCode, 254);

    QCOMPARE(theirs(Denied).exitCode, m_cli->serviceErrorExitCode());
    QVERIFY(theirs(Denied).err.contains("InvalidSignatureException"));
    QCOMPARE(ours(Denied).err, theirs(Denied).err);
    QCOMPARE(ours(Denied).exitCode, 254);

    // The two configure hints: v2 prints them after a blank line like every other error, v1
    // without one; lookout-desk prints what v2 prints.
    const auto asV2Prints = [this](const QByteArray &printed) {
        return m_cli->majorVersion == 1 ? "\n" + printed : printed;
    };
    QCOMPARE(theirs(NoRegion).exitCode, m_cli->configurationErrorExitCode());
    QCOMPARE(theirs(NoRegion).err,
        m_cli->configurationHint("You must specify a region. You can also configure your region "
                                 "by running \"aws configure\".\n"));
    QCOMPARE(ours(NoRegion).err, asV2Prints(theirs(NoRegion).err));
    QCOMPARE(ours(NoRegion).exitCode, 253);

    QCOMPARE(theirs(NoKeys).exitCode, m_cli->configurationErrorExitCode());
    QCOMPARE(theirs(NoKeys).err,
        m_cli->configurationHint("Unable to locate credentials. You can configure credentials "
                                 "by running \"aws configure\".\n"));
    QCOMPARE(ours(NoKeys).err, asV2Prints(theirs(NoKeys).err));
    QCOMPARE(ours(NoKeys).exitCode, 253);

    // An unknown profile: the same sentence; the CLI exits with 255 (a general error in 2.9.19),
    // lookout-desk with 253, a configuration problem (aws-conventions.md).
    QCOMPARE(theirs(NoProfile).exitCode, m_cli->unknownProfileExitCode());
    QCOMPARE(ours(NoProfile).err, theirs(NoProfile).err);
    QCOMPARE(ours(NoProfile).exitCode, 253);

    QCOMPARE(theirs(EventsMissing).exitCode, m_cli->serviceErrorExitCode());
    QVERIFY(theirs(EventsMissing)
                .err.startsWith("\nAn error occurred (ResourceNotFoundException) when calling the "
                                "ListInferenceEvents operation"));
    QCOMPARE(ours(EventsMissing).err, theirs(EventsMissing).err);
    QCOMPARE(ours(EventsMissing).exitCode, 254);

    // A time that is none: a bad command line, 252 for both (v1 ends every failure with 255),
    // refused in botocore's words by both.
    QCOMPARE(theirs(EventsBadTime).exitCode, m_cli->majorVersion == 1 ? 255 : 252);
    QVERIFY(theirs(EventsBadTime).err.contains("Invalid type for parameter IntervalStartTime"));
    QCOMPARE(ours(EventsBadTime).err, theirs(EventsBadTime).err);
    QCOMPARE(ours(EventsBadTime).exitCode, 252);
}

QTEST_GUILESS_MAIN(TestAwsCliParityCommands)
#include "tst_awscliparity_commands.moc"
