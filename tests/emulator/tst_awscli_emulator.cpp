// The "Done when" of the emulator: the real AWS CLI against `lookout-desk emulator`, configured
// only by eval of the lines the emulator prints (v2, which does not read the endpoint variable,
// is also given --endpoint-url "$AWS_ENDPOINT_URL_LOOKOUTEQUIPMENT", as the README shows). Every
// test runs once with Debian's AWS CLI v2 (/usr/bin/aws; without it the v2 runs fail under
// CI=true and skip elsewhere) and once with a v1 on PATH (skipped without one). The user's AWS
// configuration is shut out (a config file of our own, an empty credentials file, no instance
// metadata, no profile).
#include "emulatorprocess.h"
#include "headlessrun.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

#include <csignal>

using namespace Qt::StringLiterals;

namespace {

struct CliResult {
    int exitCode = -1;
    QByteArray out;
    QString err;
    QJsonObject json() const { return QJsonDocument::fromJson(out).object(); }
};

} // namespace

class TestAwsCliAgainstEmulator : public QObject {
    Q_OBJECT
private slots:
    void initTestCase_data();
    void initTestCase();
    void init();
    void cleanupTestCase();
    void describe();
    void list_withMaxResultsAndNextToken();
    void listExecutions();
    void listInferenceEvents_pagedByTheCli_andItsErrors();
    void startAndStop_throughTheirTransitions();
    void conflict_isTheServicesError();
    void invalidName_getsTheServicesValidationText();
    void describeModel();
    void wrongSecret_isInvalidSignatureException();

private:
    CliResult aws(const QStringList &arguments, const QString &extraShell = {});
    QString firstName(const QString &status);
    QString listFirstName(const QString &status);

    const e2e::AwsCli *m_cli = nullptr; // the current row's
    QTemporaryDir m_home;
    std::unique_ptr<EmulatorProcess> m_emulator;
    QHash<QString, QString> m_firstNames;
};

void TestAwsCliAgainstEmulator::initTestCase_data()
{
    QTest::addColumn<int>("awsCliMajorVersion");
    for (const int major : e2e::awsCliMajorVersions())
        QTest::addRow("AWS CLI v%d", major) << major;
}

void TestAwsCliAgainstEmulator::initTestCase()
{
    QVERIFY2(e2e::awsClis().problems.isEmpty(), qPrintable(e2e::awsClis().problems.join(u'\n')));
    for (const int major : e2e::awsCliMajorVersions()) {
        if (const e2e::AwsCli *cli = e2e::awsCli(major).cli)
            qInfo("Testing %s (service errors exit with %d)", qPrintable(cli->version),
                cli->serviceErrorExitCode());
    }
    QVERIFY(m_home.isValid());
    // ISO 8601 timestamps from either version: v2 prints them by default, v1 only when asked
    // (otherwise it passes on the wire's epoch seconds).
    QFile config(m_home.filePath(QStringLiteral("config")));
    QVERIFY(config.open(QIODevice::WriteOnly));
    QVERIFY(config.write("[default]\ncli_timestamp_format = iso8601\n") > 0);
    QFile credentials(m_home.filePath(QStringLiteral("credentials")));
    QVERIFY(credentials.open(QIODevice::WriteOnly));
    m_emulator = std::make_unique<EmulatorProcess>();
    QVERIFY2(m_emulator->start({ QStringLiteral("--fleet"), QStringLiteral("60"),
                 QStringLiteral("--seed"), QStringLiteral("11"),
                 QStringLiteral("--transition-seconds"), QStringLiteral("0") }),
        qPrintable(m_emulator->error()));
}

void TestAwsCliAgainstEmulator::init()
{
    QFETCH_GLOBAL(int, awsCliMajorVersion);
    const e2e::AwsCliChoice choice = e2e::awsCli(awsCliMajorVersion);
    E2E_REQUIRE_AWS_CLI(choice);
    m_cli = choice.cli;
}

void TestAwsCliAgainstEmulator::cleanupTestCase()
{
    if (m_emulator)
        QCOMPARE(m_emulator->stop(SIGTERM), 0);
}

CliResult TestAwsCliAgainstEmulator::aws(const QStringList &arguments, const QString &extraShell)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const QString &name : environment.keys()) {
        if (name.startsWith(QLatin1String("AWS_")))
            environment.remove(name);
    }
    environment.insert(
        QStringLiteral("AWS_CONFIG_FILE"), m_home.filePath(QStringLiteral("config")));
    environment.insert(QStringLiteral("AWS_SHARED_CREDENTIALS_FILE"),
        m_home.filePath(QStringLiteral("credentials")));
    environment.insert(QStringLiteral("AWS_EC2_METADATA_DISABLED"), QStringLiteral("true"));
    environment.insert(QStringLiteral("LOOKOUT_EMULATOR_ENV"), m_emulator->exportLines());

    QProcess process;
    process.setProcessEnvironment(environment);
    // Exactly what a user does: eval the printed lines, then call the CLI.
    const QString endpoint = m_cli->readsServiceEndpointVariables()
        ? QString()
        : QStringLiteral(" --endpoint-url \"$AWS_ENDPOINT_URL_LOOKOUTEQUIPMENT\"");
    process.start(QStringLiteral("/bin/sh"),
        QStringList { QStringLiteral("-c"),
            QStringLiteral("eval \"$LOOKOUT_EMULATOR_ENV\" && ") + extraShell
                + QStringLiteral(" exec \"$0\" lookoutequipment --output json") + endpoint
                + QStringLiteral(" \"$@\""),
            m_cli->program }
            + arguments);
    CliResult result;
    if (!process.waitForFinished(120'000)) {
        process.kill();
        process.waitForFinished();
        result.err = QStringLiteral("aws did not finish within 120 s");
        return result;
    }
    result.exitCode = process.exitCode();
    result.out = process.readAllStandardOutput();
    result.err = QString::fromUtf8(process.readAllStandardError());
    return result;
}

// The first scheduler in `status`, as the CLI lists it; asked once per CLI and status (each run
// of the CLI costs a second), which holds because every test leaves the schedulers it changes in
// the status it found them in.
QString TestAwsCliAgainstEmulator::firstName(const QString &status)
{
    const QString key = QString::number(m_cli->majorVersion) + u' ' + status;
    if (!m_firstNames.contains(key))
        m_firstNames.insert(key, listFirstName(status));
    return m_firstNames.value(key);
}

QString TestAwsCliAgainstEmulator::listFirstName(const QString &status)
{
    const CliResult listed = aws({ QStringLiteral("list-inference-schedulers"),
        QStringLiteral("--status"), status, QStringLiteral("--max-results"), QStringLiteral("1") });
    const QJsonArray summaries
        = listed.json().value(QLatin1String("InferenceSchedulerSummaries")).toArray();
    return summaries.isEmpty()
        ? QString()
        : summaries.first().toObject().value(QLatin1String("InferenceSchedulerName")).toString();
}

void TestAwsCliAgainstEmulator::describe()
{
    const QString name = firstName(QStringLiteral("RUNNING"));
    QVERIFY(!name.isEmpty());
    const CliResult result = aws({ QStringLiteral("describe-inference-scheduler"),
        QStringLiteral("--inference-scheduler-name"), name });
    QVERIFY2(result.exitCode == 0, qPrintable(result.err));
    const QJsonObject scheduler = result.json();
    QCOMPARE(scheduler.value(QLatin1String("InferenceSchedulerName")).toString(), name);
    QCOMPARE(scheduler.value(QLatin1String("Status")).toString(), QStringLiteral("RUNNING"));
    QVERIFY(scheduler.value(QLatin1String("InferenceSchedulerArn"))
                .toString()
                .startsWith(QLatin1String("arn:aws:lookoutequipment:us-east-1:")));
    // botocore turned the epoch seconds into ISO 8601 with an offset.
    QVERIFY2(QRegularExpression(
                 QStringLiteral("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?\\+00:00$"))
                 .match(scheduler.value(QLatin1String("CreatedAt")).toString())
                 .hasMatch(),
        qPrintable(scheduler.value(QLatin1String("CreatedAt")).toString()));
    QVERIFY(scheduler.value(QLatin1String("DataInputConfiguration"))
                .toObject()
                .contains(QLatin1String("S3InputConfiguration")));
}

void TestAwsCliAgainstEmulator::list_withMaxResultsAndNextToken()
{
    QStringList names;
    QString token;
    for (int page = 0; page < 3; ++page) {
        QStringList arguments { QStringLiteral("list-inference-schedulers"),
            QStringLiteral("--max-results"), QStringLiteral("25") };
        if (!token.isEmpty())
            arguments << QStringLiteral("--next-token") << token;
        const CliResult result = aws(arguments);
        QVERIFY2(result.exitCode == 0, qPrintable(result.err));
        const QJsonArray summaries
            = result.json().value(QLatin1String("InferenceSchedulerSummaries")).toArray();
        QCOMPARE(summaries.size(), page < 2 ? 25 : 10);
        for (const QJsonValue &summary : summaries)
            names.append(
                summary.toObject().value(QLatin1String("InferenceSchedulerName")).toString());
        token = result.json().value(QLatin1String("NextToken")).toString();
        QCOMPARE(token.isEmpty(), page == 2);
    }
    QCOMPARE(QSet<QString>(names.begin(), names.end()).size(), 60);
}

void TestAwsCliAgainstEmulator::listExecutions()
{
    const QString name = firstName(QStringLiteral("RUNNING"));
    const CliResult result = aws(
        { QStringLiteral("list-inference-executions"), QStringLiteral("--inference-scheduler-name"),
            name, QStringLiteral("--max-results"), QStringLiteral("5") });
    QVERIFY2(result.exitCode == 0, qPrintable(result.err));
    const QJsonArray executions
        = result.json().value(QLatin1String("InferenceExecutionSummaries")).toArray();
    QCOMPARE(executions.size(), 5);
    QCOMPARE(
        executions.first().toObject().value(QLatin1String("InferenceSchedulerName")).toString(),
        name);
    QVERIFY(!result.json().value(QLatin1String("NextToken")).toString().isEmpty());
}

void TestAwsCliAgainstEmulator::listInferenceEvents_pagedByTheCli_andItsErrors()
{
    const QString name = firstName(QStringLiteral("RUNNING"));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    // The whole week the emulator keeps: its anomalies are a function of time, and a scheduler
    // can go a few days without one.
    const QString from = now.addDays(-7).toString(Qt::ISODate);
    const QString to = now.toString(Qt::ISODate);
    const QStringList interval { QStringLiteral("list-inference-events"),
        QStringLiteral("--inference-scheduler-name"), name, QStringLiteral("--interval-start-time"),
        from, QStringLiteral("--interval-end-time"), to };
    // The service's paging, which the CLI passes through (the operation has no paginator).
    const CliResult all = aws(interval + QStringList { QStringLiteral("--max-results"), u"500"_s });
    QVERIFY2(all.exitCode == 0, qPrintable(all.err));
    const QJsonArray events = all.json().value(QLatin1String("InferenceEventSummaries")).toArray();
    QVERIFY2(events.size() > 2, all.out.constData());
    QVERIFY(!all.json().contains(QLatin1String("NextToken")));
    for (const QJsonValue &value : events) {
        const QJsonObject event = value.toObject();
        QCOMPARE(event.value(QLatin1String("InferenceSchedulerName")).toString(), name);
        QVERIFY(event.value(QLatin1String("EventDurationInSeconds")).toInteger() >= 0);
        const QJsonArray diagnostics
            = QJsonDocument::fromJson(event.value(QLatin1String("Diagnostics")).toString().toUtf8())
                  .array();
        QVERIFY(!diagnostics.isEmpty());
        QVERIFY(
            diagnostics.first().toObject().value(QLatin1String("name")).toString().contains(u'\\'));
    }
    const CliResult first = aws(interval + QStringList { QStringLiteral("--max-results"), u"1"_s });
    QVERIFY2(first.exitCode == 0, qPrintable(first.err));
    QCOMPARE(first.json().value(QLatin1String("InferenceEventSummaries")).toArray(),
        QJsonArray { events.at(0) });
    const QString token = first.json().value(QLatin1String("NextToken")).toString();
    QVERIFY(!token.isEmpty());
    const CliResult second = aws(interval
        + QStringList {
            QStringLiteral("--max-results"), u"1"_s, QStringLiteral("--next-token"), token });
    QVERIFY2(second.exitCode == 0, qPrintable(second.err));
    QCOMPARE(second.json().value(QLatin1String("InferenceEventSummaries")).toArray(),
        QJsonArray { events.at(1) });

    const CliResult ghost = aws({ QStringLiteral("list-inference-events"),
        QStringLiteral("--inference-scheduler-name"), QStringLiteral("ghost"),
        QStringLiteral("--interval-start-time"), from, QStringLiteral("--interval-end-time"), to });
    QCOMPARE(ghost.exitCode, m_cli->serviceErrorExitCode());
    QVERIFY2(ghost.err.contains(QStringLiteral("An error occurred (ResourceNotFoundException) "
                                               "when calling the ListInferenceEvents operation: "
                                               "Inference scheduler ghost does not exist.")),
        qPrintable(ghost.err));

    const CliResult backwards = aws({ QStringLiteral("list-inference-events"),
        QStringLiteral("--inference-scheduler-name"), name, QStringLiteral("--interval-start-time"),
        to, QStringLiteral("--interval-end-time"), from });
    QCOMPARE(backwards.exitCode, m_cli->serviceErrorExitCode());
    QVERIFY2(backwards.err.contains(QStringLiteral("(ValidationException) when calling the "
                                                   "ListInferenceEvents operation: "
                                                   "IntervalStartTime must not be later than "
                                                   "IntervalEndTime.")),
        qPrintable(backwards.err));
}

void TestAwsCliAgainstEmulator::startAndStop_throughTheirTransitions()
{
    const QString name = firstName(QStringLiteral("STOPPED"));
    QVERIFY(!name.isEmpty());
    const QStringList target { QStringLiteral("--inference-scheduler-name"), name };
    const auto status = [&] {
        return aws(QStringList { QStringLiteral("describe-inference-scheduler") } + target)
            .json()
            .value(QLatin1String("Status"))
            .toString();
    };

    const CliResult started
        = aws(QStringList { QStringLiteral("start-inference-scheduler") } + target);
    QVERIFY2(started.exitCode == 0, qPrintable(started.err));
    QCOMPARE(started.json().value(QLatin1String("Status")).toString(), QStringLiteral("PENDING"));
    QCOMPARE(started.json().value(QLatin1String("InferenceSchedulerName")).toString(), name);
    QCOMPARE(status(), QStringLiteral("RUNNING")); // --transition-seconds 0

    const CliResult stopped
        = aws(QStringList { QStringLiteral("stop-inference-scheduler") } + target);
    QVERIFY2(stopped.exitCode == 0, qPrintable(stopped.err));
    QCOMPARE(stopped.json().value(QLatin1String("Status")).toString(), QStringLiteral("STOPPING"));
    QCOMPARE(status(), QStringLiteral("STOPPED"));
}

void TestAwsCliAgainstEmulator::conflict_isTheServicesError()
{
    const QString name = firstName(QStringLiteral("STOPPED"));
    const CliResult result = aws({ QStringLiteral("stop-inference-scheduler"),
        QStringLiteral("--inference-scheduler-name"), name });
    QCOMPARE(result.exitCode, m_cli->serviceErrorExitCode());
    QCOMPARE(result.err.trimmed(),
        QStringLiteral(
            "An error occurred (ConflictException) when calling the StopInferenceScheduler "
            "operation: Inference scheduler ")
            + name + QStringLiteral(" cannot be stopped while it is STOPPED."));
}

void TestAwsCliAgainstEmulator::invalidName_getsTheServicesValidationText()
{
    const CliResult result = aws({ QStringLiteral("describe-inference-scheduler"),
        QStringLiteral("--inference-scheduler-name"), QStringLiteral("pump station") });
    QCOMPARE(result.exitCode, m_cli->serviceErrorExitCode());
    QCOMPARE(result.err.trimmed(),
        QStringLiteral(
            "An error occurred (ValidationException) when calling the DescribeInferenceScheduler "
            "operation: "
            "1 validation error detected: Value 'pump station' at 'inferenceSchedulerName' failed "
            "to satisfy "
            "constraint: Member must satisfy regular expression pattern: ^[0-9a-zA-Z_-]{1,200}$"));
}

void TestAwsCliAgainstEmulator::describeModel()
{
    const QString name = firstName(QStringLiteral("RUNNING"));
    const QString model = aws({ QStringLiteral("describe-inference-scheduler"),
                                  QStringLiteral("--inference-scheduler-name"), name })
                              .json()
                              .value(QLatin1String("ModelName"))
                              .toString();
    const CliResult result
        = aws({ QStringLiteral("describe-model"), QStringLiteral("--model-name"), model });
    QVERIFY2(result.exitCode == 0, qPrintable(result.err));
    QCOMPARE(result.json().value(QLatin1String("ModelName")).toString(), model);
    QCOMPARE(result.json().value(QLatin1String("Status")).toString(), QStringLiteral("SUCCESS"));
}

void TestAwsCliAgainstEmulator::wrongSecret_isInvalidSignatureException()
{
    const QString name = firstName(QStringLiteral("RUNNING"));
    const CliResult result = aws({ QStringLiteral("describe-inference-scheduler"),
                                     QStringLiteral("--inference-scheduler-name"), name },
        QStringLiteral("AWS_SECRET_ACCESS_KEY=not-the-demo-secret"));
    QCOMPARE(result.exitCode, m_cli->serviceErrorExitCode());
    QCOMPARE(result.err.trimmed(),
        QStringLiteral("An error occurred (InvalidSignatureException) when calling the "
                       "DescribeInferenceScheduler operation: "
                       "The request signature we calculated does not match the signature you "
                       "provided. Check your AWS "
                       "Secret Access Key and signing method. Consult the service documentation "
                       "for details."));
}

QTEST_GUILESS_MAIN(TestAwsCliAgainstEmulator)
#include "tst_awscli_emulator.moc"
