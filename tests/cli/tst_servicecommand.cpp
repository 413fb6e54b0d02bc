// The service commands in this process against the in-process emulator over real loopback HTTP,
// with the environment, home, ~/.aws files and keychain-profile settings of a temporary
// directory: every command, the three output formats, every exit status with its CLI sentence,
// warnings about broken ~/.aws files, --debug, and the keychain left alone unless a keychain
// profile is used (this test runs without a D-Bus session).
#include "cli/invocation.h"
#include "cli/outputtree.h"
#include "cli/servicecommand.h"
#include "cli/tableformatter.h"
#include "cli/textformatter.h"
#include "cli/yamlformatter.h"
#include "emulator/emulator.h"
#include "lookout/jsoncodec.h"
#include "loopbackport.h"

#include <QBuffer>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSettings>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

#include <csignal>

using namespace Qt::StringLiterals;

namespace {

struct Run {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

constexpr char kAccessKeyId[] = "AKIDSERVICECOMMAND01";
const QString kSecret = u"service-command-secret-6f1e2d3c4b5a"_s;
const QString kToken = u"service-command-token-a1b2c3d4e5f6"_s;

} // namespace

class TestServiceCommand : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();

    void describe_printsTheSchedulerAsTheCliJson();
    void list_followsEveryPage_oneMergedList();
    void list_filters();
    void executions_maxItemsAndFilters();
    void events_defaultIsTheDayBeforeTheClocksNow_andMaxItems();
    void startAndStop_printTheNewStatus();
    void textAndTable_areTheFormattersOfTheSameJson();
    void outputFromEnvironment_andTimestampFormatFromProfile();
    void exit252_parameterValidation();
    void exit253_configurationAndCredentials_data();
    void exit253_configurationAndCredentials();
    void exit254_serviceErrors();
    void exit254_retriesExhausted_saysSo();
    void exit255_unreachableAndTimeout();
    void exit130_interruptAbortsTheCall();
    void brokenAwsFiles_warnWithFileAndLine_commandStillRuns();
    void debug_showsResolutionAndHttp_neverASecret();
    void keychain_untouchedUnlessAKeychainProfileIsUsed();

private:
    Run run(const QStringList &arguments, const QStringList &environment = {},
        std::shared_ptr<const core::Clock> clock = core::Clock::system());
    QString path(const QString &name) const { return m_dir->filePath(name); }
    void writeFile(const QString &name, const QByteArray &text);
    QStringList schedulerNames();

    std::unique_ptr<emulator::Emulator> m_emulator;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QSettings> m_settings;
    QNetworkAccessManager m_network;
};

void TestServiceCommand::initTestCase()
{
    qputenv("TZ", "UTC"); // the CLI prints timestamps in the local zone
    emulator::EmulatorOptions options;
    options.fleetSize = 1'100; // three pages of 500
    options.credentials
        = { QString::fromLatin1(kAccessKeyId), kSecret, kToken, std::nullopt, u"test"_s };
    options.transitions.pendingMicros = 3'600'000'000; // stays PENDING while the test looks
    m_emulator = std::make_unique<emulator::Emulator>(options);
    QVERIFY2(m_emulator->start(), qPrintable(m_emulator->errorString()));
}

void TestServiceCommand::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    writeFile(u"config"_s, QByteArray());
    writeFile(u"credentials"_s, QByteArray());
    m_settings = std::make_unique<QSettings>(path(u"profiles.ini"_s), QSettings::IniFormat);
    QVERIFY(m_emulator->setFaults({}));
}

void TestServiceCommand::writeFile(const QString &name, const QByteArray &text)
{
    QFile file(path(name));
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(file.write(text), text.size());
}

Run TestServiceCommand::run(const QStringList &arguments, const QStringList &environment,
    std::shared_ptr<const core::Clock> clock)
{
    Run result;
    const options::Result<cli::Invocation> invocation = cli::parseInvocation(arguments);
    if (!invocation.ok()) {
        result.err = invocation.error().message.toUtf8();
        return result;
    }
    cli::CommandEnvironment command;
    command.environment.insert(u"AWS_ACCESS_KEY_ID"_s, QString::fromLatin1(kAccessKeyId));
    command.environment.insert(u"AWS_SECRET_ACCESS_KEY"_s, kSecret);
    command.environment.insert(u"AWS_SESSION_TOKEN"_s, kToken);
    command.environment.insert(u"AWS_REGION"_s, m_emulator->region());
    command.environment.insert(
        u"AWS_ENDPOINT_URL_LOOKOUTEQUIPMENT"_s, m_emulator->endpoint().toString());
    command.environment.insert(u"AWS_CONFIG_FILE"_s, path(u"config"_s));
    command.environment.insert(u"AWS_SHARED_CREDENTIALS_FILE"_s, path(u"credentials"_s));
    for (const QString &assignment : environment) {
        if (assignment.endsWith(u'='))
            command.environment.remove(assignment.chopped(1));
        else
            command.environment.insert(assignment.section(u'=', 0, 0), assignment.section(u'=', 1));
    }
    command.homeDirectory = path(u"home"_s);
    command.profileSettings = m_settings.get();
    command.network = &m_network;
    command.clock = std::move(clock);
    QBuffer out(&result.out);
    QBuffer err(&result.err);
    out.open(QIODevice::WriteOnly);
    err.open(QIODevice::WriteOnly);
    command.out = &out;
    command.err = &err;
    result.exitCode = cli::runServiceCommand(invocation.value(), command);
    return result;
}

QStringList TestServiceCommand::schedulerNames()
{
    const Run listed = run({ u"list"_s });
    QStringList names;
    const QJsonArray summaries = QJsonDocument::fromJson(listed.out)
                                     .object()
                                     .value(u"InferenceSchedulerSummaries"_s)
                                     .toArray();
    for (const QJsonValue &summary : summaries)
        names.append(summary.toObject().value(u"InferenceSchedulerName"_s).toString());
    return names;
}

void TestServiceCommand::describe_printsTheSchedulerAsTheCliJson()
{
    const QString name = schedulerNames().value(7);
    QVERIFY(!name.isEmpty());
    const Run described = run({ u"describe"_s, name });
    QCOMPARE(described.exitCode, 0);
    QCOMPARE(described.err, QByteArray());
    const std::optional<lookout::InferenceScheduler> scheduler = m_emulator->scheduler(name);
    QVERIFY(scheduler);
    QCOMPARE(described.out, lookout::json::cliDescribeInferenceScheduler(*scheduler));
}

void TestServiceCommand::list_followsEveryPage_oneMergedList()
{
    const Run listed = run({ u"list"_s });
    QCOMPARE(listed.exitCode, 0);
    const QJsonObject root = QJsonDocument::fromJson(listed.out).object();
    QCOMPARE(root.keys(), QStringList { u"InferenceSchedulerSummaries"_s }); // no NextToken
    const QJsonArray summaries = root.value(u"InferenceSchedulerSummaries"_s).toArray();
    QCOMPARE(summaries.size(), m_emulator->schedulerCount());
    QStringList names;
    for (const QJsonValue &summary : summaries)
        names.append(summary.toObject().value(u"InferenceSchedulerName"_s).toString());
    QStringList sorted = names;
    sorted.sort();
    sorted.removeDuplicates();
    QCOMPARE(names, sorted); // in order, none twice across the page boundaries
    QVERIFY(listed.out.startsWith(
        "{\n    \"InferenceSchedulerSummaries\": [\n        {\n            \"ModelName\": "));
}

void TestServiceCommand::list_filters()
{
    const Run running = run({ u"list"_s, u"--status"_s, u"RUNNING"_s });
    QCOMPARE(running.exitCode, 0);
    const QJsonArray summaries = QJsonDocument::fromJson(running.out)
                                     .object()
                                     .value(u"InferenceSchedulerSummaries"_s)
                                     .toArray();
    QVERIFY(!summaries.isEmpty());
    for (const QJsonValue &summary : summaries)
        QCOMPARE(summary.toObject().value(u"Status"_s).toString(), u"RUNNING"_s);

    const QString first = schedulerNames().first();
    const QString prefix = first.left(first.indexOf(u'-') + 1);
    const Run prefixed = run({ u"list"_s, u"--name-prefix"_s, prefix });
    const QJsonArray matching = QJsonDocument::fromJson(prefixed.out)
                                    .object()
                                    .value(u"InferenceSchedulerSummaries"_s)
                                    .toArray();
    QVERIFY(!matching.isEmpty());
    for (const QJsonValue &summary : matching)
        QVERIFY(
            summary.toObject().value(u"InferenceSchedulerName"_s).toString().startsWith(prefix));

    const QString model = QJsonDocument::fromJson(run({ u"describe"_s, first }).out)
                              .object()
                              .value(u"ModelName"_s)
                              .toString();
    const Run ofModel = run({ u"list"_s, u"--model"_s, model });
    for (const QJsonValue &summary : QJsonDocument::fromJson(ofModel.out)
                                         .object()
                                         .value(u"InferenceSchedulerSummaries"_s)
                                         .toArray())
        QCOMPARE(summary.toObject().value(u"ModelName"_s).toString(), model);

    const Run none = run({ u"list"_s, u"--name-prefix"_s, u"no-such-prefix"_s });
    QCOMPARE(none.exitCode, 0);
    QCOMPARE(none.out, QByteArray("{\n    \"InferenceSchedulerSummaries\": []\n}\n"));
}

void TestServiceCommand::executions_maxItemsAndFilters()
{
    const QString name = schedulerNames().first();
    const Run three = run({ u"executions"_s, name, u"--max-items"_s, u"3"_s });
    QCOMPARE(three.exitCode, 0);
    const QJsonArray executions = QJsonDocument::fromJson(three.out)
                                      .object()
                                      .value(u"InferenceExecutionSummaries"_s)
                                      .toArray();
    QCOMPARE(executions.size(), 3);
    QVERIFY(executions[0].toObject().value(u"ScheduledStartTime"_s).toString()
        >= executions[1].toObject().value(u"ScheduledStartTime"_s).toString()); // newest first

    const Run failed
        = run({ u"executions"_s, name, u"--status"_s, u"SUCCESS"_s, u"--max-items"_s, u"20"_s });
    QCOMPARE(failed.exitCode, 0);
    for (const QJsonValue &execution : QJsonDocument::fromJson(failed.out)
                                           .object()
                                           .value(u"InferenceExecutionSummaries"_s)
                                           .toArray())
        QCOMPARE(execution.toObject().value(u"Status"_s).toString(), u"SUCCESS"_s);

    // Nothing can start after the far future.
    const Run none = run({ u"executions"_s, name, u"--start-time-after"_s, u"2999-01-01"_s });
    QCOMPARE(none.exitCode, 0);
    QCOMPARE(none.out, QByteArray("{\n    \"InferenceExecutionSummaries\": []\n}\n"));
}

void TestServiceCommand::events_defaultIsTheDayBeforeTheClocksNow_andMaxItems()
{
    // "Now" two days ago, whole seconds: the default interval is the 24 hours before it.
    const QDateTime now
        = QDateTime::fromSecsSinceEpoch(QDateTime::currentSecsSinceEpoch() - 2 * 86'400, Qt::UTC);
    const auto clock = std::make_shared<core::ManualClock>(now);
    const QString from = QString::number(now.toSecsSinceEpoch() - 86'400);
    const QString to = QString::number(now.toSecsSinceEpoch());
    for (const QString &name : schedulerNames()) {
        const Run explicitDay
            = run({ u"events"_s, name, u"--start-time"_s, from, u"--end-time"_s, to });
        QCOMPARE(explicitDay.exitCode, 0);
        const QJsonArray events = QJsonDocument::fromJson(explicitDay.out)
                                      .object()
                                      .value(u"InferenceEventSummaries"_s)
                                      .toArray();
        if (events.size() < 2)
            continue;
        const Run byDefault = run({ u"events"_s, name }, {}, clock);
        QCOMPARE(byDefault.exitCode, 0);
        QCOMPARE(byDefault.out, explicitDay.out);
        // Only --end-time: the day before it.
        QCOMPARE(run({ u"events"_s, name, u"--end-time"_s, to }).out, explicitDay.out);
        // The system clock's day is another one.
        QVERIFY(run({ u"events"_s, name }).out != explicitDay.out);
        // --max-items 1: the oldest event only.
        const Run one = run({ u"events"_s, name, u"--start-time"_s, from, u"--end-time"_s, to,
            u"--max-items"_s, u"1"_s });
        QCOMPARE(
            QJsonDocument::fromJson(one.out).object().value(u"InferenceEventSummaries"_s).toArray(),
            QJsonArray { events.first() });
        return;
    }
    QFAIL("no scheduler had two events in the day");
}

void TestServiceCommand::startAndStop_printTheNewStatus()
{
    QString stopped;
    QString running;
    const Run listed = run({ u"list"_s });
    for (const QJsonValue &summary : QJsonDocument::fromJson(listed.out)
                                         .object()
                                         .value(u"InferenceSchedulerSummaries"_s)
                                         .toArray()) {
        const QJsonObject object = summary.toObject();
        const QString status = object.value(u"Status"_s).toString();
        if (status == u"STOPPED"_s && stopped.isEmpty())
            stopped = object.value(u"InferenceSchedulerName"_s).toString();
        if (status == u"RUNNING"_s && running.isEmpty())
            running = object.value(u"InferenceSchedulerName"_s).toString();
    }
    QVERIFY(!stopped.isEmpty() && !running.isEmpty());

    const Run started = run({ u"start"_s, stopped });
    QCOMPARE(started.exitCode, 0);
    QCOMPARE(
        QJsonDocument::fromJson(started.out).object().value(u"Status"_s).toString(), u"PENDING"_s);
    QCOMPARE(
        QJsonDocument::fromJson(started.out).object().value(u"InferenceSchedulerName"_s).toString(),
        stopped);
    QCOMPARE(m_emulator->scheduler(stopped)->status, u"PENDING"_s);

    const Run stopping = run({ u"stop"_s, running, u"--output"_s, u"text"_s });
    QCOMPARE(stopping.exitCode, 0);
    QVERIFY2(stopping.out.endsWith("\tSTOPPING\n"), stopping.out.constData());
    QCOMPARE(m_emulator->scheduler(running)->status, u"STOPPING"_s);

    // Starting what is already running is the service's ConflictException.
    const Run again = run({ u"start"_s, stopped });
    QCOMPARE(again.exitCode, 254);
    QVERIFY2(again.err.startsWith(
                 "\nAn error occurred (ConflictException) when calling the StartInferenceScheduler "
                 "operation: "),
        again.err.constData());
}

void TestServiceCommand::textAndTable_areTheFormattersOfTheSameJson()
{
    const QString name = schedulerNames().value(3);
    const QByteArray json = run({ u"describe"_s, name }).out;
    const cli::OutputValue value = cli::readOutputValue(json).value();

    const Run text = run({ u"describe"_s, name, u"--output"_s, u"text"_s });
    QCOMPARE(text.exitCode, 0);
    QCOMPARE(text.out, cli::formatText(value));

    const Run table = run({ u"--output"_s, u"table"_s, u"describe"_s, name }, { u"COLUMNS=100"_s });
    QCOMPARE(table.exitCode, 0);
    QCOMPARE(table.out, cli::formatTable(u"DescribeInferenceScheduler"_s, value, { 100, false }));
    QVERIFY(table.out.contains("|  DescribeInferenceScheduler  |")
        || table.out.contains("DescribeInferenceScheduler"));

    const Run coloured
        = run({ u"describe"_s, name, u"--output"_s, u"table"_s, u"--color"_s, u"on"_s });
    QCOMPARE(coloured.out, cli::formatTable(u"DescribeInferenceScheduler"_s, value, { 80, true }));

    const Run listTable = run({ u"list"_s, u"--name-prefix"_s, name, u"--output"_s, u"table"_s });
    QCOMPARE(listTable.exitCode, 0);
    QVERIFY(listTable.out.contains("ListInferenceSchedulers"));
    QVERIFY(listTable.out.contains("InferenceSchedulerSummaries"));
}

void TestServiceCommand::outputFromEnvironment_andTimestampFormatFromProfile()
{
    const QString name = schedulerNames().first();
    const Run text = run({ u"describe"_s, name }, { u"AWS_DEFAULT_OUTPUT=text"_s });
    QCOMPARE(text.exitCode, 0);
    QVERIFY(!text.out.startsWith('{'));

    writeFile(u"config"_s, "[default]\ncli_timestamp_format = wire\noutput = json\n");
    const Run wire = run({ u"describe"_s, name });
    QCOMPARE(wire.exitCode, 0);
    const lookout::json::CliFormat format { lookout::json::CliFormat::Timestamps::Wire,
        QTimeZone::utc() };
    QCOMPARE(wire.out,
        lookout::json::cliDescribeInferenceScheduler(*m_emulator->scheduler(name), format));
    QVERIFY(QJsonDocument::fromJson(wire.out).object().value(u"CreatedAt"_s).isDouble());

    writeFile(u"config"_s, "[default]\noutput = yaml\n");
    const Run yaml = run({ u"describe"_s, name });
    QCOMPARE(yaml.exitCode, 0);
    const QByteArray describeJson
        = lookout::json::cliDescribeInferenceScheduler(*m_emulator->scheduler(name),
            lookout::json::CliFormat {
                lookout::json::CliFormat::Timestamps::Iso8601, QTimeZone::systemTimeZone() });
    QCOMPARE(yaml.out, cli::formatYaml(cli::readOutputValue(describeJson).value()));
    QVERIFY(yaml.out.startsWith("CreatedAt: '"));
    const Run stream = run({ u"describe"_s, name }, { u"AWS_DEFAULT_OUTPUT=yaml-stream"_s });
    QCOMPARE(stream.exitCode, 0);
    QVERIFY(stream.out.startsWith("- CreatedAt: '"));

    writeFile(u"config"_s, "[default]\noutput = xml\n");
    const Run xml = run({ u"describe"_s, name });
    QCOMPARE(xml.exitCode, 253);
    QVERIFY2(xml.err.contains("Unknown output type: xml (from profile default in "),
        xml.err.constData());
    QCOMPARE(xml.out, QByteArray());
}

void TestServiceCommand::exit252_parameterValidation()
{
    const Run badName = run({ u"describe"_s, u"a b"_s });
    QCOMPARE(badName.exitCode, 252);
    QCOMPARE(badName.err,
        QByteArray("\nParameter validation failed:\nInvalid value for parameter "
                   "InferenceSchedulerName, value: a b, valid pattern: ^[0-9a-zA-Z_-]{1,200}$\n"));
    const Run badStatus = run({ u"list"_s, u"--status"_s, u"ON"_s });
    QCOMPARE(badStatus.exitCode, 252);
    QVERIFY2(badStatus.err.contains(
                 "Invalid value for parameter Status, value: ON, valid values: PENDING, RUNNING, "
                 "STOPPING, STOPPED"),
        badStatus.err.constData());
    QCOMPARE(badStatus.out, QByteArray());
}

void TestServiceCommand::exit253_configurationAndCredentials_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QStringList>("environment");
    QTest::addColumn<QByteArray>("message");
    QTest::newRow("unknown profile")
        << QStringList { u"describe"_s, u"x"_s, u"--profile"_s, u"nope"_s } << QStringList {}
        << QByteArray("\nThe config profile (nope) could not be found\n");
    QTest::newRow("unknown AWS_PROFILE")
        << QStringList { u"describe"_s, u"x"_s }
        << QStringList { u"AWS_ACCESS_KEY_ID="_s, u"AWS_SECRET_ACCESS_KEY="_s,
               u"AWS_PROFILE=gone"_s }
        << QByteArray("\nThe config profile (gone) could not be found\n");
    QTest::newRow("no region")
        << QStringList { u"describe"_s, u"x"_s } << QStringList { u"AWS_REGION="_s }
        << QByteArray("\nYou must specify a region. You can also configure your region by "
                      "running \"aws configure\".\n");
    QTest::newRow("no credentials")
        << QStringList { u"describe"_s, u"x"_s }
        << QStringList { u"AWS_ACCESS_KEY_ID="_s, u"AWS_SECRET_ACCESS_KEY="_s,
               u"AWS_SESSION_TOKEN="_s }
        << QByteArray("\nUnable to locate credentials. You can configure credentials by "
                      "running \"aws configure\".\n");
    QTest::newRow("plain http elsewhere")
        << QStringList { u"list"_s, u"--endpoint-url"_s, u"http://lookout.example.com"_s }
        << QStringList {}
        << QByteArray("\nInvalid endpoint: \"http://lookout.example.com\" (from "
                      "--endpoint-url): plain http is allowed only to loopback "
                      "addresses (127.0.0.1, ::1, localhost); use https://\n");
    QTest::newRow("bad region")
        << QStringList { u"list"_s, u"--region"_s, u"us east 1"_s } << QStringList {}
        << QByteArray("\nProvided region_name 'us east 1' doesn't match a supported format. "
                      "(from --region)\n");
}

void TestServiceCommand::exit253_configurationAndCredentials()
{
    QFETCH(QStringList, arguments);
    QFETCH(QStringList, environment);
    QFETCH(QByteArray, message);
    const Run failed = run(arguments, environment);
    QCOMPARE(failed.err, message);
    QCOMPARE(failed.exitCode, 253);
    QCOMPARE(failed.out, QByteArray());
}

void TestServiceCommand::exit254_serviceErrors()
{
    const Run missing = run({ u"describe"_s, u"no-such-scheduler"_s });
    QCOMPARE(missing.exitCode, 254);
    QCOMPARE(missing.err,
        QByteArray(
            "\nAn error occurred (ResourceNotFoundException) when calling the "
            "DescribeInferenceScheduler operation: Inference scheduler no-such-scheduler does "
            "not exist.\n"));
    QCOMPARE(missing.out, QByteArray());

    const Run wrongSecret = run({ u"list"_s }, { u"AWS_SECRET_ACCESS_KEY=not-the-secret"_s });
    QCOMPARE(wrongSecret.exitCode, 254);
    QVERIFY2(wrongSecret.err.startsWith(
                 "\nAn error occurred (InvalidSignatureException) when calling the "
                 "ListInferenceSchedulers operation: "),
        wrongSecret.err.constData());
}

void TestServiceCommand::exit254_retriesExhausted_saysSo()
{
    emulator::FaultConfig faults;
    faults.throttlingPercent = 100;
    QVERIFY(m_emulator->setFaults(faults));
    const Run throttled = run({ u"describe"_s, u"any"_s }, { u"AWS_MAX_ATTEMPTS=2"_s });
    QCOMPARE(throttled.exitCode, 254);
    QCOMPARE(throttled.err,
        QByteArray(
            "\nAn error occurred (ThrottlingException) when calling the "
            "DescribeInferenceScheduler operation (reached max retries: 1): Rate exceeded\n"));
}

void TestServiceCommand::exit255_unreachableAndTimeout()
{
    const testsupport::RefusingLoopbackPort refusing;
    QVERIFY(refusing.port() != 0);
    const QString endpoint = u"http://127.0.0.1:%1"_s.arg(refusing.port());
    const Run refused
        = run({ u"list"_s, u"--endpoint-url"_s, endpoint }, { u"AWS_MAX_ATTEMPTS=1"_s });
    QCOMPARE(refused.exitCode, 255);
    QVERIFY2(refused.err.startsWith(
                 ("\nCould not connect to the endpoint URL: \"" + endpoint + u"/\""_s).toUtf8()),
        refused.err.constData());

    emulator::FaultConfig faults;
    faults.slowPercent = 100;
    faults.slowDelay = std::chrono::milliseconds(20'000);
    QVERIFY(m_emulator->setFaults(faults));
    const Run slow = run(
        { u"describe"_s, u"any"_s, u"--read-timeout"_s, u"0.3"_s }, { u"AWS_MAX_ATTEMPTS=1"_s });
    QCOMPARE(slow.exitCode, 255);
    QVERIFY2(slow.err.contains(
                 QByteArray("endpoint URL: \"" + m_emulator->endpoint().toString().toUtf8())),
        slow.err.constData());
    QVERIFY2(slow.err.contains("300 ms"), slow.err.constData());
}

void TestServiceCommand::exit130_interruptAbortsTheCall()
{
    emulator::FaultConfig faults;
    faults.slowPercent = 100;
    faults.slowDelay = std::chrono::milliseconds(30'000);
    QVERIFY(m_emulator->setFaults(faults));
    struct sigaction ignore = {};
    ignore.sa_handler = SIG_IGN; // should the watcher not be installed, the test survives to fail
    struct sigaction saved = {};
    ::sigaction(SIGINT, &ignore, &saved);
    QElapsedTimer timer;
    timer.start();
    // Interrupts once the call is under way: the emulator has the request (and sits on it).
    const quint64 requestsBefore = m_emulator->counters().requests;
    QTimer interrupt;
    interrupt.setInterval(10);
    QObject::connect(&interrupt, &QTimer::timeout, [&] {
        if (m_emulator->counters().requests > requestsBefore) {
            interrupt.stop();
            ::raise(SIGINT);
        }
    });
    interrupt.start();
    const Run interrupted = run({ u"describe"_s, u"any"_s });
    ::sigaction(SIGINT, &saved, nullptr);
    QCOMPARE(interrupted.exitCode, 130);
    QCOMPARE(interrupted.out, QByteArray("\n"));
    QCOMPARE(interrupted.err, QByteArray());
    QVERIFY2(timer.elapsed() < 10'000, "the call was not aborted");
}

void TestServiceCommand::brokenAwsFiles_warnWithFileAndLine_commandStillRuns()
{
    writeFile(u"config"_s, "[default\nregion = eu-west-1\n[profile ok]\nregion = us-east-1\n");
    const Run warned = run({ u"list"_s, u"--name-prefix"_s, u"zzz"_s });
    QCOMPARE(warned.exitCode, 0);
    QVERIFY2(warned.err.startsWith(("Warning: " + path(u"config"_s) + u" line 1").toUtf8()),
        warned.err.constData());
    QCOMPARE(warned.out, QByteArray("{\n    \"InferenceSchedulerSummaries\": []\n}\n"));
}

void TestServiceCommand::debug_showsResolutionAndHttp_neverASecret()
{
    const QString name = schedulerNames().first();
    const Run debugged = run({ u"describe"_s, name, u"--debug"_s, u"--read-timeout"_s, u"7"_s });
    QCOMPARE(debugged.exitCode, 0);
    const QString err = QString::fromUtf8(debugged.err);
    for (const QString &expected :
        { u" - lookoutdesk.cli - DEBUG - lookout-desk "_s,
            u"describe (DescribeInferenceScheduler)"_s, u"profile: default (from default)"_s,
            u"region: us-east-1 (from AWS_REGION)"_s,
            QString(u"endpoint: "_s + m_emulator->endpoint().toString()
                + u" (from AWS_ENDPOINT_URL_LOOKOUTEQUIPMENT)"_s),
            u"credentials: environment variables"_s, u"max attempts: 3 (from default)"_s,
            u"retry mode: standard (from default)"_s, u"output: json (from default)"_s,
            u"timeouts: connect 60000 ms, read 7000 ms"_s, u" - lookoutdesk.http - DEBUG - POST "_s,
            u"AWSLookoutEquipmentFrontendService.DescribeInferenceScheduler"_s, u"HTTP 200"_s }) {
        QVERIFY2(
            err.contains(expected), qPrintable(u"missing \""_s + expected + u"\" in:\n"_s + err));
    }
    QVERIFY(!err.contains(kSecret));
    QVERIFY(!err.contains(kToken));
    QVERIFY(!err.contains(u"Signature="_s));
    QVERIFY(!debugged.out.contains(kSecret.toUtf8()));
    // Without --debug, nothing but the output.
    const Run quiet = run({ u"describe"_s, name });
    QCOMPARE(quiet.err, QByteArray());
}

void TestServiceCommand::keychain_untouchedUnlessAKeychainProfileIsUsed()
{
    // A keychain profile exists, but the environment's keys are used: no keychain access, and
    // with no D-Bus session (this test's environment) any access would fail the command.
    m_settings->setValue(u"KeychainProfiles/kc/region"_s, u"us-east-1"_s);
    m_settings->sync();
    const Run environmentKeys = run({ u"list"_s, u"--name-prefix"_s, u"zzz"_s });
    QCOMPARE(environmentKeys.exitCode, 0);

    const Run keychainProfile = run({ u"list"_s, u"--profile"_s, u"kc"_s });
    QCOMPARE(keychainProfile.exitCode, 253);
    QVERIFY2(keychainProfile.err.startsWith("\nNo keychain: there is no D-Bus session bus"),
        keychainProfile.err.constData());
    QCOMPARE(keychainProfile.out, QByteArray());
}

QTEST_GUILESS_MAIN(TestServiceCommand)
#include "tst_servicecommand.moc"
