// `lookout-desk results SOURCE`: the sample week in every format, time ranges, malformed lines and
// unreadable entries counted on stderr with file and line, the exit statuses when nothing could be
// read, and the built binary run as a shell runs it.
#include "cli/invocation.h"
#include "cli/resultscommand.h"
#include "options/exitcodes.h"
#include "s3folderbucket.h"
#include "scriptedhttpserver.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <sys/stat.h>

using namespace Qt::StringLiterals;

namespace {

const QString kWeek = QStringLiteral(LOOKOUT_TEST_DATA_DIR "/results/pump-week");
const QString kLegacy = QStringLiteral(LOOKOUT_TEST_DATA_DIR "/results/legacy-2021");

struct Run {
    int status = -1;
    QByteArray out;
    QByteArray err;
};

Run run(const QStringList &arguments, const QProcessEnvironment &environment = {},
    const QString &homeDirectory = {})
{
    const options::Result<cli::Invocation> parsed = cli::parseInvocation(arguments);
    if (!parsed.ok())
        qFatal("refused: %s", qPrintable(parsed.error().message));
    QTemporaryDir cache;
    QBuffer out;
    QBuffer err;
    out.open(QIODevice::WriteOnly);
    err.open(QIODevice::WriteOnly);
    cli::ResultsEnvironment env;
    env.environment = environment;
    env.out = &out;
    env.err = &err;
    env.cacheDirectory = cache.path();
    env.homeDirectory = homeDirectory;
    Run result;
    result.status = cli::runResultsCommand(parsed.value(), env);
    result.out = out.data();
    result.err = err.data();
    return result;
}

void write(const QString &path, const QByteArray &contents)
{
    QDir().mkpath(QFileInfo(path).path());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(contents) != contents.size())
        qFatal("cannot write %s", qPrintable(path));
}

QByteArray goodLine(const char *time, int prediction = 0)
{
    return R"({"timestamp": ")" + QByteArray(time) + R"(", "prediction": )"
        + QByteArray::number(prediction) + R"(, "anomaly_score": 0.5, "diagnostics": [{"name": )"
        + R"("pump\\A", "value": 0.25}, {"name": "pump\\B", "value": 0.75}]})" + "\n";
}

QJsonObject json(const QByteArray &text)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(text, &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("not JSON: %s", qPrintable(error.errorString()));
    return document.object();
}

} // namespace

class TestResultsCommand : public QObject {
    Q_OBJECT
private slots:
    void week_json();
    void week_range();
    void text_and_table_printTheEvents();
    void csv_printsThePredictions();
    void outputFormat_fromTheEnvironment();
    void csv_isOnlyForResults();
    void malformedLines_areCountedOnStderr();
    void manyProblems_areSummarised();
    void skippedEntries_areSaid();
    void nothingReadable_fails_data();
    void nothingReadable_fails();
    void emptyRange_isNoFailure();
    void endBeforeStart_isABadCommandLine();
    void help_describesTheCommand();
    void binary_runsAsAShellRunsIt();
    void s3_readsThePrefix();
    void s3_errorsExitAsTheAwsCliDoes();
    void schedulerName_readsItsOutputLocation();
    void sourceKinds();
};

namespace {

// Keys and an S3 endpoint for the scripted server, and nothing else of the user's.
QProcessEnvironment s3Environment(const testsupport::ScriptedHttpServer &server)
{
    QProcessEnvironment environment;
    environment.insert(u"AWS_ACCESS_KEY_ID"_s, u"AKIDEXAMPLE"_s);
    environment.insert(u"AWS_SECRET_ACCESS_KEY"_s, u"wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"_s);
    environment.insert(u"AWS_REGION"_s, u"eu-west-1"_s);
    environment.insert(u"AWS_ENDPOINT_URL_S3"_s, server.url().toString());
    return environment;
}

} // namespace

void TestResultsCommand::s3_readsThePrefix()
{
    testsupport::ScriptedHttpServer server;
    QVERIFY(server.listen());
    const testsupport::S3FolderBucket bucket { kWeek, u"results"_s, u"pump/"_s, 100 };
    server.setHandler(
        [&](const testsupport::RecordedRequest &request) { return bucket.answer(request); });
    QTemporaryDir home;
    const Run result
        = run({ u"results"_s, u"s3://results/pump/"_s, u"--start-time"_s, u"2022-07-29T11:30:00Z"_s,
                  u"--end-time"_s, u"2022-07-29T12:35:00Z"_s },
            s3Environment(server), home.path());
    QVERIFY2(result.status == 0, result.err.constData());
    QCOMPARE(result.err, QByteArray());
    const QJsonObject object = json(result.out);
    QCOMPARE(object[u"Source"_s].toString(), u"s3://results/pump/"_s);
    QCOMPARE(object[u"Files"_s].toInt(), 5);
    QCOMPARE(object[u"Predictions"_s].toArray().size(), 13);
    QCOMPARE(server.requests().size(), 2 + 5); // two pages, five objects
    QCOMPARE(server.requests().first().path(), QByteArray("/results"));

    // --endpoint-url is S3's for an s3:// location.
    QProcessEnvironment withoutVariable = s3Environment(server);
    withoutVariable.remove(u"AWS_ENDPOINT_URL_S3"_s);
    const Run explicitEndpoint = run({ u"results"_s, u"s3://results/pump/2022-07-29T12:00:00Z"_s,
                                         u"--endpoint-url"_s, server.url().toString() },
        withoutVariable, home.path());
    QVERIFY2(explicitEndpoint.status == 0, explicitEndpoint.err.constData());
    QCOMPARE(json(explicitEndpoint.out)[u"Files"_s].toInt(), 1);
}

void TestResultsCommand::s3_errorsExitAsTheAwsCliDoes()
{
    testsupport::ScriptedHttpServer server;
    QVERIFY(server.listen());
    const testsupport::S3FolderBucket bucket { kWeek, u"results"_s, u"pump/"_s };
    server.setHandler(
        [&](const testsupport::RecordedRequest &request) { return bucket.answer(request); });
    QTemporaryDir home;
    const Run noBucket
        = run({ u"results"_s, u"s3://other/pump/"_s }, s3Environment(server), home.path());
    QCOMPARE(noBucket.status, options::exitcode::kServiceError);
    QCOMPARE(noBucket.out, QByteArray());
    QCOMPARE(noBucket.err,
        QByteArray("\nAn error occurred (NoSuchBucket) when calling the ListObjectsV2 operation: "
                   "The specified bucket does not exist (s3://other/pump/)\n"));

    QProcessEnvironment noKeys = s3Environment(server);
    noKeys.remove(u"AWS_ACCESS_KEY_ID"_s);
    noKeys.remove(u"AWS_SECRET_ACCESS_KEY"_s);
    noKeys.insert(u"AWS_CONFIG_FILE"_s, home.filePath(u"none"_s));
    noKeys.insert(u"AWS_SHARED_CREDENTIALS_FILE"_s, home.filePath(u"none"_s));
    noKeys.insert(u"AWS_EC2_METADATA_DISABLED"_s, u"true"_s);
    const Run noCredentials = run({ u"results"_s, u"s3://results/pump/"_s }, noKeys, home.path());
    QCOMPARE(noCredentials.status, options::exitcode::kConfiguration);
    QVERIFY2(
        noCredentials.err.contains("Unable to locate credentials"), noCredentials.err.constData());

    QProcessEnvironment noRegion = s3Environment(server);
    noRegion.remove(u"AWS_REGION"_s);
    noRegion.insert(u"AWS_CONFIG_FILE"_s, home.filePath(u"none"_s));
    const Run withoutRegion = run({ u"results"_s, u"s3://results/pump/"_s }, noRegion, home.path());
    QCOMPARE(withoutRegion.status, options::exitcode::kConfiguration);
    QVERIFY(withoutRegion.err.contains("You must specify a region."));

    const Run noBucketName = run({ u"results"_s, u"s3:///pump/"_s }, s3Environment(server));
    QCOMPARE(noBucketName.status, options::exitcode::kFailure);
    QCOMPARE(
        noBucketName.err, QByteArray("s3:///pump/ names no bucket: write s3://BUCKET/PREFIX/\n"));
}

void TestResultsCommand::schedulerName_readsItsOutputLocation()
{
    testsupport::ScriptedHttpServer lookout;
    QVERIFY(lookout.listen());
    testsupport::ScriptedHttpServer s3;
    QVERIFY(s3.listen());
    const testsupport::S3FolderBucket bucket { kWeek, u"lookout-out"_s, u"pump-7/"_s };
    s3.setHandler(
        [&](const testsupport::RecordedRequest &request) { return bucket.answer(request); });
    lookout.enqueue(testsupport::ScriptedResponse::json(200,
        R"({"InferenceSchedulerName": "pump-7", "Status": "RUNNING", )"
        R"("DataOutputConfiguration": {"S3OutputConfiguration": )"
        R"({"Bucket": "lookout-out", "Prefix": "pump-7/2022-07-29T12:00:00Z"}}})"));
    QTemporaryDir home;
    const Run result
        = run({ u"results"_s, u"pump-7"_s, u"--endpoint-url"_s, lookout.url().toString() },
            s3Environment(s3), home.path());
    QVERIFY2(result.status == 0, result.err.constData());
    QCOMPARE(json(result.out)[u"Files"_s].toInt(), 1);
    QCOMPARE(lookout.requests().size(), 1);
    QCOMPARE(lookout.requests().first().header("X-Amz-Target"),
        QByteArray("AWSLookoutEquipmentFrontendService.DescribeInferenceScheduler"));
    QCOMPARE(s3.requests().size(), 2);

    lookout.enqueue(testsupport::ScriptedResponse::awsError(
        400, "ResourceNotFoundException", "Inference scheduler gone not found"));
    const Run gone = run({ u"results"_s, u"gone"_s, u"--endpoint-url"_s, lookout.url().toString() },
        s3Environment(s3), home.path());
    QCOMPARE(gone.status, options::exitcode::kServiceError);
    QVERIFY2(gone.err.contains("An error occurred (ResourceNotFoundException) when calling the "
                               "DescribeInferenceScheduler operation"),
        gone.err.constData());

    lookout.enqueue(testsupport::ScriptedResponse::json(200, R"({"InferenceSchedulerName": "x"})"));
    const Run noOutput
        = run({ u"results"_s, u"x"_s, u"--endpoint-url"_s, lookout.url().toString() },
            s3Environment(s3), home.path());
    QCOMPARE(noOutput.status, options::exitcode::kFailure);
    QVERIFY2(noOutput.err.contains("the scheduler x names no S3 output location"),
        noOutput.err.constData());
}

void TestResultsCommand::sourceKinds()
{
    QCOMPARE(cli::sourceKindOf(u"s3://b/p/"_s), cli::SourceKind::S3Location);
    QCOMPARE(cli::sourceKindOf(kWeek), cli::SourceKind::Folder);
    QCOMPARE(cli::sourceKindOf(u"./pump-7"_s), cli::SourceKind::Folder);
    QCOMPARE(cli::sourceKindOf(u"pump-7"_s), cli::SourceKind::SchedulerName);
    QCOMPARE(cli::sourceKindOf(u"not a name"_s), cli::SourceKind::Folder);
}

void TestResultsCommand::week_json()
{
    const Run result = run({ u"results"_s, kWeek });
    QCOMPARE(result.status, 0);
    QCOMPARE(result.err, QByteArray());
    const QJsonObject object = json(result.out);
    QCOMPARE(
        object.keys(), QStringList({ u"Events"_s, u"Files"_s, u"Predictions"_s, u"Source"_s }));
    QCOMPARE(object[u"Source"_s].toString(), kWeek);
    QCOMPARE(object[u"Files"_s].toInt(), 166);
    const QJsonArray predictions = object[u"Predictions"_s].toArray();
    QCOMPARE(predictions.size(), 1992);
    QCOMPARE(predictions.first()[u"Timestamp"_s].toString(), u"2022-07-25T00:00:00Z"_s);
    QCOMPARE(predictions.first().toObject().keys(),
        QStringList({ u"Prediction"_s, u"Reason"_s, u"Timestamp"_s })); // machine off
    QCOMPARE(predictions.last()[u"Timestamp"_s].toString(), u"2022-07-31T23:55:00Z"_s);
    const QJsonArray events = object[u"Events"_s].toArray();
    QCOMPARE(events.size(), 8);
    QCOMPARE(events[0][u"Start"_s].toString(), u"2022-07-25T10:00:00Z"_s);
    QCOMPARE(events[0][u"End"_s].toString(), u"2022-07-25T11:25:00Z"_s);
    QCOMPARE(events[0][u"Points"_s].toInt(), 18);
    const QJsonArray top = events[0][u"TopSensors"_s].toArray();
    QCOMPARE(top.size(), 10);
    QCOMPARE(top[0][u"Name"_s].toString(), u"pump\\Sensor3"_s);
    QVERIFY(top[0][u"Share"_s].toDouble() > top[1][u"Share"_s].toDouble());
    QVERIFY(result.out.startsWith("{\n    \"Source\": "));
    QVERIFY(result.out.endsWith("    ]\n}\n"));
}

void TestResultsCommand::week_range()
{
    const Run result = run({ u"results"_s, kWeek, u"--start-time"_s, u"2022-07-29T11:30:00Z"_s,
        u"--end-time"_s, u"2022-07-29T12:35:00+00:00"_s });
    QCOMPARE(result.status, 0);
    const QJsonObject object = json(result.out);
    QCOMPARE(object[u"Files"_s].toInt(), 5); // the executions of 10:00 to 14:00
    QCOMPARE(object[u"Predictions"_s].toArray().size(), 13);
    const QJsonArray events = object[u"Events"_s].toArray();
    QCOMPARE(events.size(), 1);
    QCOMPARE(events[0][u"Points"_s].toInt(), 13);
    QCOMPARE(events[0][u"TopSensors"_s][0][u"Name"_s].toString(), u"pump\\Sensor0"_s);
    // A date and epoch seconds, as `executions` takes them.
    const Run day = run({ u"results"_s, kWeek, u"--start-time"_s, u"2022-07-30"_s, u"--end-time"_s,
        u"1659225600"_s });
    QCOMPARE(day.status, 0);
    QCOMPARE(json(day.out)[u"Predictions"_s].toArray().size(), 288);
}

void TestResultsCommand::text_and_table_printTheEvents()
{
    QTemporaryDir dir;
    write(dir.filePath(u"2022-07-29T12:00:00Z/results.jsonl"_s),
        goodLine("2022-07-29T11:45:00", 1) + goodLine("2022-07-29T11:50:00", 1)
            + goodLine("2022-07-29T11:55:00"));
    const Run text = run({ u"results"_s, dir.path(), u"--output"_s, u"text"_s });
    QCOMPARE(text.status, 0);
    QCOMPARE(text.out,
        "1\t" + dir.path().toUtf8()
            + "\n"
              "EVENTS\t2022-07-29T11:50:00Z\t0.5\t2\t2022-07-29T11:45:00Z\n"
              "TOPSENSORS\tpump\\B\t0.75\n"
              "TOPSENSORS\tpump\\A\t0.25\n");
    QProcessEnvironment narrow;
    narrow.insert(u"COLUMNS"_s, u"80"_s);
    const Run table = run(
        { u"results"_s, dir.path(), u"--output"_s, u"table"_s, u"--color"_s, u"off"_s }, narrow);
    QCOMPARE(table.status, 0);
    // The CLI's table layout (tst_tableformatter checks it byte for byte): the title, the
    // scalars, the events and each event's top sensors.
    const QList<QByteArray> lines = table.out.split('\n');
    QCOMPARE(lines[1].simplified(), "| Results |"_ba);
    QVERIFY2(table.out.contains("|  2022-07-29T11:50:00Z |  0.5      |  2      |  "
                                "2022-07-29T11:45:00Z  ||"),
        table.out.constData());
    QVERIFY2(table.out.contains("TopSensors"), table.out.constData());
    QVERIFY2(table.out.contains("|||  pump\\B "), table.out.constData());
    QVERIFY(!table.out.contains("Predictions"));
}

void TestResultsCommand::csv_printsThePredictions()
{
    const Run result = run({ u"results"_s, kLegacy, u"--output"_s, u"csv"_s });
    QCOMPARE(result.status, 0);
    const QList<QByteArray> lines = result.out.split('\n');
    QCOMPARE(lines.size(), 38); // header, 36 predictions, the empty end
    QCOMPARE(lines[0],
        "Timestamp,Prediction,Reason,AnomalyScore,motor\\Sensor6,motor\\Sensor7,motor\\Sensor8,"
        "motor\\Sensor9,pump\\Sensor0,pump\\Sensor1,pump\\Sensor2,pump\\Sensor3,pump\\Sensor4,"
        "pump\\Sensor5"_ba);
    QCOMPARE(lines[1], "2021-04-13T13:00:00Z,0,NO_ANOMALY_DETECTED,,,,,,,,,,,"_ba);
    QVERIFY(lines[17].startsWith("2021-04-13T14:20:00Z,1,ANOMALY_DETECTED,,"));
    QCOMPARE(lines[17].count(','), 13);
    QVERIFY(!lines[17].contains(",,,"));
}

void TestResultsCommand::outputFormat_fromTheEnvironment()
{
    QProcessEnvironment environment;
    environment.insert(u"AWS_DEFAULT_OUTPUT"_s, u"text"_s);
    const Run text = run({ u"results"_s, kLegacy }, environment);
    QCOMPARE(text.status, 0);
    QVERIFY2(text.out.startsWith("3\t"), text.out.constData());
    environment.insert(u"AWS_DEFAULT_OUTPUT"_s, u"yaml-ish"_s);
    const Run bad = run({ u"results"_s, kLegacy }, environment);
    QCOMPARE(bad.status, options::exitcode::kFailure);
    QVERIFY2(bad.err.contains("Unknown output type: yaml-ish"), bad.err.constData());
}

void TestResultsCommand::csv_isOnlyForResults()
{
    const options::Result<cli::Invocation> describe
        = cli::parseInvocation({ u"describe"_s, u"pump"_s, u"--output"_s, u"csv"_s });
    QVERIFY(!describe.ok());
    QCOMPARE(describe.error().message,
        u"argument --output: Invalid choice 'csv', valid choices are: json | table | text | yaml | "
        u"yaml-stream"_s);
    const options::Result<cli::Invocation> results
        = cli::parseInvocation({ u"results"_s, u"x"_s, u"--output"_s, u"csv"_s });
    QVERIFY(results.ok());
    QCOMPARE(results.value().global.output, cli::OutputFormat::Csv);
    const options::Result<cli::Invocation> wrong
        = cli::parseInvocation({ u"results"_s, u"x"_s, u"--output"_s, u"xml"_s });
    QCOMPARE(wrong.error().message,
        u"argument --output: Invalid choice 'xml', valid choices are: json | table | text | yaml | "
        u"yaml-stream | csv"_s);
}

void TestResultsCommand::malformedLines_areCountedOnStderr()
{
    QTemporaryDir dir;
    write(dir.filePath(u"2022-07-29T12:00:00Z/results.jsonl"_s),
        goodLine("2022-07-29T11:45:00") + "{\"timestamp\": \"2022-07-29T11:50:00\", \"predict\n"
            + goodLine("2022-07-29T11:55:00")
            + R"({"timestamp": "2022-07-29T11:57:00", "anomaly_score": NaN})" + "\n"
            + R"({"timestamp": "2022-07-29T11:58:00", "anomaly)");
    const Run result = run({ u"results"_s, dir.path() });
    QCOMPARE(result.status, 0);
    QCOMPARE(json(result.out)[u"Predictions"_s].toArray().size(), 3);
    QCOMPARE(result.err,
        "Warning: 2022-07-29T12:00:00Z/results.jsonl, line 2: not JSON: a string is not closed; "
        "line skipped\n"
        "Warning: 2022-07-29T12:00:00Z/results.jsonl, line 4: anomaly_score NaN is not a finite "
        "number; read without a score\n"
        "Warning: 2022-07-29T12:00:00Z/results.jsonl, line 5: the object ends inside this line "
        "(not JSON: a string is not closed); line skipped\n"_ba);
}

void TestResultsCommand::manyProblems_areSummarised()
{
    QTemporaryDir dir;
    QByteArray text = goodLine("2022-07-29T11:00:00");
    for (int i = 0; i < 25; ++i)
        text += "oops\n";
    write(dir.filePath(u"a/results.jsonl"_s), text);
    write(dir.filePath(u"b/results.jsonl"_s), "\n\noops\n");
    const Run result = run({ u"results"_s, dir.path() });
    QCOMPARE(result.status, 0);
    const QList<QByteArray> lines = result.err.trimmed().split('\n');
    QCOMPARE(lines.size(), 11);
    QCOMPARE(lines[0],
        "Warning: a/results.jsonl, line 2: not JSON: expected '{' at column 1; line skipped"_ba);
    QCOMPARE(lines[10],
        "Warning: 16 more problems are not listed (in all: 26 lines skipped, 0 lines read in "
        "part, 0 objects not read)"_ba);
}

void TestResultsCommand::skippedEntries_areSaid()
{
    QTemporaryDir dir;
    write(dir.filePath(u"a/results.jsonl"_s), goodLine("2022-07-29T11:00:00"));
    QDir().mkpath(dir.filePath(u"b"_s));
    QCOMPARE(::mkfifo(QFile::encodeName(dir.filePath(u"b/results.jsonl"_s)).constData(), 0600), 0);
    const Run result = run({ u"results"_s, dir.path() });
    QCOMPARE(result.status, 0);
    QCOMPARE(
        result.err, "Warning: b/results.jsonl was not read: a named pipe, not a regular file\n"_ba);
    QCOMPARE(json(result.out)[u"Files"_s].toInt(), 1);
}

void TestResultsCommand::nothingReadable_fails_data()
{
    QTest::addColumn<QString>("layout");
    QTest::addColumn<QString>("message");
    QTest::newRow("missing") << u"missing"_s
                             << u"Cannot read the folder %1/missing: No such file or directory\n"_s;
    QTest::newRow("empty") << u"empty"_s << u"No results.jsonl files in %1/empty\n"_s;
    QTest::newRow("only a pipe") << u"pipe"_s
                                 << u"Warning: results.jsonl was not read: a named pipe, not a "
                                    "regular file\nNo results.jsonl file in %1/pipe could be "
                                    "read\n"_s;
    QTest::newRow("garbage") << u"garbage"_s
                             << u"Warning: x/results.jsonl, line 1: not JSON: expected '{' at "
                                "column 1; line skipped\nNothing could be read from the "
                                "results.jsonl file in %1/garbage\n"_s;
    QTest::newRow("blank") << u"blank"_s
                           << u"No predictions in the 2 results.jsonl files in %1/blank\n"_s;
    QTest::newRow("a file") << u"file"_s << u"%1/file is not a folder\n"_s;
}

void TestResultsCommand::nothingReadable_fails()
{
    QFETCH(QString, layout);
    QFETCH(QString, message);
    QTemporaryDir dir;
    QDir().mkpath(dir.filePath(u"empty/deeper"_s));
    QDir().mkpath(dir.filePath(u"pipe"_s));
    QCOMPARE(
        ::mkfifo(QFile::encodeName(dir.filePath(u"pipe/results.jsonl"_s)).constData(), 0600), 0);
    write(dir.filePath(u"garbage/x/results.jsonl"_s), "garbage\n");
    write(dir.filePath(u"blank/x/results.jsonl"_s), "\n\n");
    write(dir.filePath(u"blank/y/results.jsonl"_s), QByteArray());
    write(dir.filePath(u"file"_s), goodLine("2022-07-29T11:00:00"));
    const Run result = run({ u"results"_s, dir.filePath(layout) });
    QCOMPARE(result.status, options::exitcode::kFailure);
    QCOMPARE(result.out, QByteArray());
    QCOMPARE(QString::fromUtf8(result.err), message.arg(dir.path()));
}

void TestResultsCommand::emptyRange_isNoFailure()
{
    const Run result = run({ u"results"_s, kWeek, u"--start-time"_s, u"2030-01-01"_s });
    QCOMPARE(result.status, 0);
    QCOMPARE(result.err,
        "No predictions in " + kWeek.toUtf8() + " from 2030-01-01T00:00:00Z to the last\n");
    QCOMPARE(json(result.out)[u"Predictions"_s].toArray().size(), 0);
    QCOMPARE(json(result.out)[u"Files"_s].toInt(), 0);
}

void TestResultsCommand::endBeforeStart_isABadCommandLine()
{
    const Run result = run({ u"results"_s, kWeek, u"--start-time"_s, u"2022-07-29"_s,
        u"--end-time"_s, u"2022-07-28T12:00:00Z"_s });
    QCOMPARE(result.status, options::exitcode::kBadCommandLine);
    QVERIFY2(
        result.err.endsWith("lookout-desk: error: argument --end-time: 2022-07-28T12:00:00Z is "
                            "not after --start-time 2022-07-29T00:00:00Z\n"),
        result.err.constData());
    QCOMPARE(result.out, QByteArray());
}

void TestResultsCommand::help_describesTheCommand()
{
    QProcess process;
    process.start(QStringLiteral(LOOKOUT_BINARY), { u"results"_s, u"--help"_s });
    QVERIFY(process.waitForFinished(60'000));
    QCOMPARE(process.exitCode(), 0);
    const QByteArray help = process.readAllStandardOutput();
    QVERIFY2(help.startsWith("Usage: lookout-desk results SOURCE [--start-time T] [--end-time T] "
                             "[global options]\n"),
        help.constData());
    QVERIFY2(help.contains("  --start-time T             Only predictions at T or later.\n"),
        help.constData());
    QVERIFY2(help.contains("an s3://bucket/prefix/ location"), help.constData());
    QVERIFY(!help.contains("Example, against the emulator"));
    process.start(QStringLiteral(LOOKOUT_BINARY), { u"--help"_s });
    QVERIFY(process.waitForFinished(60'000));
    QVERIFY(process.readAllStandardOutput().contains(
        "  results SOURCE             The predictions and events a scheduler wrote, from S3\n"
        "                             (s3://bucket/prefix/ or a scheduler NAME) or a folder.\n"
        "                             [--start-time T] [--end-time T]\n"));
}

void TestResultsCommand::binary_runsAsAShellRunsIt()
{
    QTemporaryDir home;
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"HOME"_s, home.path());
    environment.insert(u"XDG_CACHE_HOME"_s, home.filePath(u"cache"_s));
    environment.remove(u"AWS_DEFAULT_OUTPUT"_s);
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(LOOKOUT_BINARY), { u"results"_s, kLegacy });
    QVERIFY(process.waitForFinished(60'000));
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), 0);
    QCOMPARE(process.readAllStandardError(), QByteArray());
    const QJsonObject object = json(process.readAllStandardOutput());
    QCOMPARE(object[u"Predictions"_s].toArray().size(), 36);
    QCOMPARE(object[u"Events"_s].toArray().size(), 1);
    QVERIFY(!object[u"Events"_s][0].toObject().contains(u"MaxScore"_s));

    process.start(QStringLiteral(LOOKOUT_BINARY), { u"results"_s, home.filePath(u"nothing"_s) });
    QVERIFY(process.waitForFinished(60'000));
    QCOMPARE(process.exitCode(), options::exitcode::kFailure);
    QCOMPARE(process.readAllStandardOutput(), QByteArray());
    QVERIFY(process.readAllStandardError().startsWith("Cannot read the folder "));
}

QTEST_GUILESS_MAIN(TestResultsCommand)
#include "tst_resultscommand.moc"
