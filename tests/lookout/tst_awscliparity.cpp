// The cli* encoders against the AWS CLI itself: each wire body goes through botocore's parser
// and the CLI's JSON formatter (tests/data/lookout/awscli_output.py, in the CLI's own Python:
// Debian's AWS CLI v2, and a v1 on PATH) and must print exactly the bytes lookout-desk prints for
// the same response.
#include "headlessrun.h"
#include "lookout/jsoncodec.h"
#include "samplevalues.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace lookout;

namespace {

// The service model lookout-desk follows, for botocore (tests/data/aws-model/SOURCE.md): the CLI
// is compared on how it parses and prints, not on the age of its own model (Debian's v2 2.9.19
// has no ModelVersion in execution summaries).
const QString kServiceModel = QStringLiteral(LOOKOUT_TEST_DATA_DIR "/aws-model");

struct ParityCase {
    QString name;
    QString operation; // the model's operation name, as botocore wants it
    QByteArray wireBody; // what the service (or the emulator) sends
    QByteArray ours; // what lookout-desk prints for it
};

struct CliSetting {
    QString timestampFormat; // cli_timestamp_format: "iso8601" or "wire"
    QByteArray timeZone; // the CLI's local zone, an IANA id
    json::CliFormat format() const
    {
        return { timestampFormat == u"wire"_s ? json::CliFormat::Timestamps::Wire
                                              : json::CliFormat::Timestamps::Iso8601,
            QTimeZone(timeZone) };
    }
};

InferenceScheduler unicodeScheduler()
{
    InferenceScheduler s = test::fullScheduler();
    s.dataInputConfiguration->s3InputConfiguration->prefix = QString::fromUtf8(
        "Pr\xc3\xbc"
        "fstand/\xc3\x96lpumpe \xe6\x97\xa5\xe6\x9c\xac \xf0\x9f\x98\x80/\"quoted\" back\\slash/"
        "tab\there/nl\nthere/\x01\x1f\x7f/\xe2\x80\xa8/");
    s.dataOutputConfiguration->kmsKeyId
        = QString::fromUtf8("alias/cl\xc3\xa9-\xce\xb1\xce\xb2\xce\xb3");
    s.createdAt = Timestamp { 1'709'578'342'000'000 }; // integral: no fraction printed
    s.updatedAt = Timestamp { 1'709'578'342'000'001 }; // one microsecond
    return s;
}

InferenceScheduler partialScheduler()
{
    InferenceScheduler s;
    s.inferenceSchedulerName = u"only-some-members"_s;
    s.status = u"HIBERNATING"_s;
    s.dataDelayOffsetInMinutes = 0;
    s.createdAt = Timestamp { -1'500'000 }; // before the epoch
    s.dataInputConfiguration = InferenceInputConfiguration {};
    s.dataOutputConfiguration = InferenceOutputConfiguration {};
    s.dataOutputConfiguration->s3OutputConfiguration = S3Location { u"bucket"_s, u""_s };
    return s;
}

} // namespace

class TestAwsCliParity : public QObject {
    Q_OBJECT

private slots:
    void ourOutput_equalsTheCli_data()
    {
        QTest::addColumn<int>("awsCliMajorVersion");
        QTest::addColumn<QString>("timestampFormat");
        QTest::addColumn<QByteArray>("timeZone");
        for (const int major : e2e::awsCliMajorVersions()) {
            QTest::addRow("AWS CLI v%d, iso8601, UTC", major)
                << major << u"iso8601"_s << QByteArray("UTC");
            QTest::addRow("AWS CLI v%d, iso8601, Asia/Kolkata", major)
                << major << u"iso8601"_s << QByteArray("Asia/Kolkata");
            QTest::addRow("AWS CLI v%d, iso8601, America/New_York", major)
                << major << u"iso8601"_s << QByteArray("America/New_York");
            QTest::addRow("AWS CLI v%d, wire", major) << major << u"wire"_s << QByteArray("UTC");
        }
    }

    void ourOutput_equalsTheCli()
    {
        QFETCH(int, awsCliMajorVersion);
        const e2e::AwsCliChoice choice = e2e::awsCli(awsCliMajorVersion, true);
        E2E_REQUIRE_AWS_CLI(choice);
        QFETCH(QString, timestampFormat);
        QFETCH(QByteArray, timeZone);
        const CliSetting setting { timestampFormat, timeZone };
        QVERIFY(QTimeZone(timeZone).isValid());
        const json::CliFormat format = setting.format();

        QList<ParityCase> cases;
        const auto addScheduler = [&](const QString &name, const InferenceScheduler &scheduler) {
            cases.append({ name, u"DescribeInferenceScheduler"_s,
                json::encodeDescribeInferenceScheduler(scheduler),
                json::cliDescribeInferenceScheduler(scheduler, format) });
        };
        addScheduler(u"full"_s, test::fullScheduler());
        addScheduler(u"unicode and integral timestamps"_s, unicodeScheduler());
        addScheduler(u"absent members"_s, partialScheduler());
        addScheduler(u"empty response"_s, InferenceScheduler {});

        InferenceExecutionSummary summerExecution = test::fullExecution();
        summerExecution.dataStartTime = Timestamp { 1'720'000'000'250'000 };
        const QList<InferenceExecutionSummary> executions { test::fullExecution(), summerExecution,
            InferenceExecutionSummary {} };
        cases.append({ u"executions"_s, u"ListInferenceExecutions"_s,
            json::encodeListInferenceExecutions({ executions, std::nullopt }),
            json::cliListInferenceExecutions(executions, format) });
        cases.append({ u"no executions"_s, u"ListInferenceExecutions"_s,
            json::encodeListInferenceExecutions({}),
            json::cliListInferenceExecutions({}, format) });

        if (format.timestamps == json::CliFormat::Timestamps::Iso8601 && timeZone == "UTC") {
            const QList<InferenceSchedulerSummary> summaries { test::numberedSummary(1),
                test::numberedSummary(2), InferenceSchedulerSummary {} };
            cases.append({ u"summaries"_s, u"ListInferenceSchedulers"_s,
                json::encodeListInferenceSchedulers({ summaries, std::nullopt }),
                json::cliListInferenceSchedulers(summaries) });
            cases.append({ u"no summaries"_s, u"ListInferenceSchedulers"_s,
                json::encodeListInferenceSchedulers({}), json::cliListInferenceSchedulers({}) });
            const SchedulerStateChange change {
                u"arn:aws:lookoutequipment:us-east-1:123456789012:model/m/1"_s, u"m"_s, u"s"_s,
                std::nullopt, u"PENDING"_s
            };
            cases.append({ u"start"_s, u"StartInferenceScheduler"_s,
                json::encodeSchedulerStateChange(change), json::cliSchedulerStateChange(change) });
        }

        // Bodies as another endpoint might write them; the CLI reads each number as a double and
        // rounds the microseconds half-even, and so must the decoder. Only iso8601 shows the
        // rounded instant (wire prints Python's repr of the double, which is not an instant).
        if (format.timestamps == json::CliFormat::Timestamps::Iso8601) {
            QList<const char *> numbers { "1709578342", "1709578342.308482", "1709578342.3084825",
                "1709578342.9999995", "1709578342.9999996", "1709578342.500", "1.7095783423e9",
                "17095783423084820E-7", "0.0000025", "-0.0000025", "0", "253402214400.25",
                // New York's DST changes: spring forward, both 01:30 of the fall back
                "1710055800", "1730611800", "1730615400" };
            // dateutil's tzlocal, which the CLI uses, applies today's offsets to every date, so
            // dates from before a zone's rules last changed (Kolkata in 1915) print differently.
            if (timeZone == "UTC")
                numbers.append("-1709578342.308482");
            for (const char *number : std::as_const(numbers)) {
                const QByteArray body
                    = QByteArray("{\"CreatedAt\":") + number + ",\"UpdatedAt\":" + number + '}';
                const auto decoded = json::decodeDescribeInferenceScheduler(body);
                QVERIFY2(decoded.ok(), qPrintable(test::errorText(decoded)));
                cases.append(
                    { u"number "_s + QLatin1StringView(number), u"DescribeInferenceScheduler"_s,
                        body, json::cliDescribeInferenceScheduler(decoded.value(), format) });
            }
        }

        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QStringList arguments { QStringLiteral(LOOKOUT_TEST_DATA_DIR "/lookout/awscli_output.py"),
            timestampFormat };
        for (qsizetype i = 0; i < cases.size(); ++i) {
            QFile body(dir.filePath(u"body-%1.json"_s.arg(i)));
            QVERIFY(body.open(QIODevice::WriteOnly));
            body.write(cases[i].wireBody);
            arguments << cases[i].operation << body.fileName()
                      << dir.filePath(u"cli-%1.json"_s.arg(i));
        }
        QProcess python;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(u"TZ"_s, QString::fromLatin1(timeZone));
        environment.insert(u"AWS_DATA_PATH"_s, kServiceModel);
        python.setProcessEnvironment(environment);
        python.start(choice.cli->python, arguments);
        QVERIFY2(python.waitForFinished(120'000), qPrintable(python.errorString()));
        QVERIFY2(python.exitStatus() == QProcess::NormalExit && python.exitCode() == 0,
            python.readAllStandardError().constData());

        for (qsizetype i = 0; i < cases.size(); ++i) {
            QFile cli(dir.filePath(u"cli-%1.json"_s.arg(i)));
            QVERIFY2(cli.open(QIODevice::ReadOnly), qPrintable(cases[i].name));
            const QByteArray expected = cli.readAll();
            if (cases[i].ours != expected) {
                qWarning("case %s\n--- wire body\n%s\n--- the AWS CLI\n%s--- lookout-desk\n%s",
                    qPrintable(cases[i].name), cases[i].wireBody.constData(), expected.constData(),
                    cases[i].ours.constData());
            }
            QCOMPARE(cases[i].ours, expected);
        }
    }

    // The encoders' output read back by botocore is the same instant: compared through the
    // CLI's isoformat, which shows every microsecond.
    void ourWireTimestamps_readBackByBotocore_giveTheSameDatetime_data()
    {
        QTest::addColumn<int>("awsCliMajorVersion");
        for (const int major : e2e::awsCliMajorVersions())
            QTest::addRow("AWS CLI v%d", major) << major;
    }

    void ourWireTimestamps_readBackByBotocore_giveTheSameDatetime()
    {
        QFETCH(int, awsCliMajorVersion);
        const e2e::AwsCliChoice choice = e2e::awsCli(awsCliMajorVersion, true);
        E2E_REQUIRE_AWS_CLI(choice);
        QList<InferenceExecutionSummary> executions;
        const qint64 starts[]
            = { Q_INT64_C(1'709'578'342'308'482), Q_INT64_C(1'709'578'342'000'001),
                  Q_INT64_C(1'709'578'342'999'999), Q_INT64_C(1'999'999'999'999'999),
                  Q_INT64_C(-86'400'000'001), Q_INT64_C(946'684'800'000'000) };
        for (const qint64 micros : starts) {
            InferenceExecutionSummary execution;
            execution.scheduledStartTime = Timestamp { micros };
            executions.append(execution);
        }
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QFile body(dir.filePath(u"body.json"_s));
        QVERIFY(body.open(QIODevice::WriteOnly));
        body.write(json::encodeListInferenceExecutions({ executions, std::nullopt }));
        body.close();
        QProcess python;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(u"TZ"_s, u"UTC"_s);
        environment.insert(u"AWS_DATA_PATH"_s, kServiceModel);
        python.setProcessEnvironment(environment);
        python.start(choice.cli->python,
            { QStringLiteral(LOOKOUT_TEST_DATA_DIR "/lookout/awscli_output.py"), u"iso8601"_s,
                u"ListInferenceExecutions"_s, body.fileName(), dir.filePath(u"cli.json"_s) });
        QVERIFY(python.waitForFinished(120'000));
        QVERIFY2(python.exitCode() == 0, python.readAllStandardError().constData());
        QFile cli(dir.filePath(u"cli.json"_s));
        QVERIFY(cli.open(QIODevice::ReadOnly));
        const QByteArray printed = cli.readAll();
        QVERIFY(printed.contains("\"ScheduledStartTime\": \"2024-03-04T18:52:22.308482+00:00\""));
        QVERIFY(printed.contains("\"ScheduledStartTime\": \"2024-03-04T18:52:22.000001+00:00\""));
        QVERIFY(printed.contains("\"ScheduledStartTime\": \"2024-03-04T18:52:22.999999+00:00\""));
        QVERIFY(printed.contains("\"ScheduledStartTime\": \"2033-05-18T03:33:19.999999+00:00\""));
        QVERIFY(printed.contains("\"ScheduledStartTime\": \"1969-12-30T23:59:59.999999+00:00\""));
        QVERIFY(printed.contains("\"ScheduledStartTime\": \"2000-01-01T00:00:00+00:00\""));
        QCOMPARE(printed, json::cliListInferenceExecutions(executions));
    }
};

QTEST_GUILESS_MAIN(TestAwsCliParity)
#include "tst_awscliparity.moc"
