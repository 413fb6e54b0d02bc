// The emulator's S3 subset against the real AWS CLI's s3 commands (`aws s3 ls`, `cp … -`,
// `sync`), with Debian's AWS CLI v2 (/usr/bin/aws; without it the v2 rows fail under CI=true and
// skip elsewhere) and a v1 on PATH (skipped without one), each given --endpoint-url as a user
// gives it; and `lookout-desk results` on the folder `aws s3 sync` left. The user's AWS
// configuration is shut out (a config file of our own, an empty credentials file, no instance
// metadata, no profile).
#include "emulatorprocess.h"
#include "headlessrun.h"

#include <QDir>
#include <QDirIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

#include <algorithm>
#include <csignal>

using namespace Qt::StringLiterals;

namespace {

struct CliResult {
    int exitCode = -1;
    QByteArray out;
    QString err;
    QJsonObject json() const { return QJsonDocument::fromJson(out).object(); }
};

constexpr qint64 kMinuteMs = 60'000;

// A scheduler whose results the tests read.
struct Target {
    QString name;
    QString bucket;
    QString prefix;
};

} // namespace

class TestAwsCliS3 : public QObject {
    Q_OBJECT
private slots:
    void initTestCase_data();
    void initTestCase();
    void init();
    void cleanupTestCase();
    void ls_withoutBucket_listsTheOutputBuckets();
    void ls_recursive_listsTheSuccessfulExecutionsResults();
    void ls_delimiter_showsTheExecutionFolders();
    void cp_toStdout_printsTheResults();
    void sync_thenLookoutDeskResults_readsEveryPrediction();
    void oddKeys_spacesPlusPercentAndNonAscii();
    void errors_noSuchBucket_noSuchKey_badSignature();

private:
    CliResult aws(const QStringList &arguments, EmulatorProcess *emulator = nullptr,
        const QString &secret = {});
    // Lookout Desk's own command against the generated fleet's emulator.
    e2e::ProcessRun lookoutDesk(const QStringList &arguments) const;
    QStringList successfulResultKeys(const Target &target);
    // The newest whole day of the week kept in which the target's anomaly events start; empty,
    // with `problem` saying why, when there is none or the listing failed.
    QString newestDayWithAnEvent(QString &problem);
    // `aws s3 ls --recursive` lines → keys.
    static QStringList keysOf(const QByteArray &listing);

    const e2e::AwsCli *m_cli = nullptr; // the current row's
    QTemporaryDir m_home;
    std::unique_ptr<EmulatorProcess> m_emulator; // a generated fleet
    std::unique_ptr<EmulatorProcess> m_archived; // one archived scheduler with an odd prefix
    Target m_target; // a RUNNING 5-minute scheduler of the generated fleet
    const QString m_oddPrefix = u"odd é t+%/"_s;
};

void TestAwsCliS3::initTestCase_data()
{
    QTest::addColumn<int>("awsCliMajorVersion");
    for (const int major : e2e::awsCliMajorVersions())
        QTest::addRow("AWS CLI v%d", major) << major;
}

void TestAwsCliS3::initTestCase()
{
    QVERIFY2(e2e::awsClis().problems.isEmpty(), qPrintable(e2e::awsClis().problems.join(u'\n')));
    QVERIFY(m_home.isValid());
    QFile config(m_home.filePath(u"config"_s));
    QVERIFY(config.open(QIODevice::WriteOnly));
    QVERIFY(config.write("[default]\ncli_timestamp_format = iso8601\n") > 0);
    config.close();
    QFile credentials(m_home.filePath(u"credentials"_s));
    QVERIFY(credentials.open(QIODevice::WriteOnly));
    credentials.close();

    m_emulator = std::make_unique<EmulatorProcess>();
    QVERIFY2(m_emulator->start({ u"--fleet"_s, u"60"_s, u"--seed"_s, u"11"_s }),
        qPrintable(m_emulator->error()));

    // An archived scheduler that has been running for ten days, writing under a prefix with a
    // space, '+', '%' and a non-ASCII letter.
    QVERIFY(QDir(m_home.path()).mkpath(u"archive"_s));
    const QString updated = QDateTime::currentDateTimeUtc().addDays(-10).toString(Qt::ISODate);
    const QJsonObject archived {
        { u"InferenceSchedulerName"_s, u"odd-one"_s },
        { u"InferenceSchedulerArn"_s,
            u"arn:aws:lookoutequipment:us-east-1:123456789012:inference-scheduler/odd-one/x"_s },
        { u"ModelName"_s, u"odd-model"_s },
        { u"ModelArn"_s, u"arn:aws:lookoutequipment:us-east-1:123456789012:model/odd-model/y"_s },
        { u"Status"_s, u"RUNNING"_s },
        { u"DataUploadFrequency"_s, u"PT1H"_s },
        { u"DataDelayOffsetInMinutes"_s, 0 },
        { u"CreatedAt"_s, updated },
        { u"UpdatedAt"_s, updated },
        { u"DataOutputConfiguration"_s,
            QJsonObject { { u"S3OutputConfiguration"_s,
                QJsonObject {
                    { u"Bucket"_s, u"odd-results"_s }, { u"Prefix"_s, m_oddPrefix } } } } },
    };
    QFile archive(m_home.filePath(u"archive/odd-one.json"_s));
    QVERIFY(archive.open(QIODevice::WriteOnly));
    QVERIFY(archive.write(QJsonDocument(archived).toJson()) > 0);
    archive.close();
    m_archived = std::make_unique<EmulatorProcess>();
    QVERIFY2(m_archived->start({ u"--from"_s, m_home.filePath(u"archive"_s) }),
        qPrintable(m_archived->error()));
}

void TestAwsCliS3::init()
{
    QFETCH_GLOBAL(int, awsCliMajorVersion);
    const e2e::AwsCliChoice choice = e2e::awsCli(awsCliMajorVersion);
    E2E_REQUIRE_AWS_CLI(choice);
    m_cli = choice.cli;
    if (!m_target.name.isEmpty())
        return;
    // The first RUNNING scheduler that uploads every 5 minutes and has run for over a week.
    const CliResult listed = aws({ u"lookoutequipment"_s, u"list-inference-schedulers"_s,
        u"--status"_s, u"RUNNING"_s, u"--output"_s, u"json"_s });
    QVERIFY2(listed.exitCode == 0, qPrintable(listed.err));
    for (const QJsonValue &summary :
        listed.json().value(u"InferenceSchedulerSummaries"_s).toArray()) {
        const QJsonObject object = summary.toObject();
        if (object.value(u"DataUploadFrequency"_s).toString() != u"PT5M"_s)
            continue;
        const QString name = object.value(u"InferenceSchedulerName"_s).toString();
        const CliResult described = aws({ u"lookoutequipment"_s, u"describe-inference-scheduler"_s,
            u"--inference-scheduler-name"_s, name, u"--output"_s, u"json"_s });
        QVERIFY2(described.exitCode == 0, qPrintable(described.err));
        const QJsonObject output = described.json()
                                       .value(u"DataOutputConfiguration"_s)
                                       .toObject()
                                       .value(u"S3OutputConfiguration"_s)
                                       .toObject();
        const QDateTime updated = QDateTime::fromString(
            described.json().value(u"UpdatedAt"_s).toString(), Qt::ISODateWithMs);
        if (updated.isValid() && updated.daysTo(QDateTime::currentDateTimeUtc()) > 8) {
            m_target = Target { name, output.value(u"Bucket"_s).toString(),
                output.value(u"Prefix"_s).toString() };
            break;
        }
    }
    QVERIFY2(!m_target.name.isEmpty(), "the fleet has a 5-minute scheduler running for a week");
}

void TestAwsCliS3::cleanupTestCase()
{
    if (m_emulator)
        QCOMPARE(m_emulator->stop(SIGTERM), 0);
    if (m_archived)
        QCOMPARE(m_archived->stop(SIGTERM), 0);
}

CliResult TestAwsCliS3::aws(
    const QStringList &arguments, EmulatorProcess *emulator, const QString &secret)
{
    EmulatorProcess *target = emulator ? emulator : m_emulator.get();
    QProcessEnvironment environment = e2e::bareEnvironment();
    environment.insert(u"AWS_CONFIG_FILE"_s, m_home.filePath(u"config"_s));
    environment.insert(u"AWS_SHARED_CREDENTIALS_FILE"_s, m_home.filePath(u"credentials"_s));
    environment.insert(u"AWS_ACCESS_KEY_ID"_s, target->variable(u"AWS_ACCESS_KEY_ID"_s));
    environment.insert(u"AWS_SECRET_ACCESS_KEY"_s,
        secret.isEmpty() ? target->variable(u"AWS_SECRET_ACCESS_KEY"_s) : secret);
    environment.insert(u"AWS_DEFAULT_REGION"_s, target->variable(u"AWS_REGION"_s));
    environment.insert(u"AWS_REGION"_s, target->variable(u"AWS_REGION"_s));
    const e2e::ProcessRun run = e2e::runProcess(m_cli->program,
        arguments
            + QStringList { u"--endpoint-url"_s,
                target->variable(u"AWS_ENDPOINT_URL_LOOKOUTEQUIPMENT"_s) },
        environment, {}, 180'000);
    CliResult result;
    result.exitCode = run.finished ? run.exitCode : -1;
    result.out = run.out;
    result.err = QString::fromUtf8(run.err);
    if (!run.finished)
        result.err += u"aws did not finish within 180 s"_s;
    return result;
}

QStringList TestAwsCliS3::keysOf(const QByteArray &listing)
{
    // "2026-03-04 09:58:41       1234 inference-results/x/2026-03-04T09:55:00Z/results.jsonl"
    QStringList keys;
    for (const QByteArray &line : listing.split('\n')) {
        const QString text = QString::fromUtf8(line);
        const QStringList fields = text.split(u' ', Qt::SkipEmptyParts);
        if (fields.size() < 4)
            continue;
        const qsizetype keyStart
            = text.indexOf(fields[3], text.indexOf(fields[2]) + fields[2].size());
        keys.append(text.sliced(keyStart));
    }
    return keys;
}

e2e::ProcessRun TestAwsCliS3::lookoutDesk(const QStringList &arguments) const
{
    QProcessEnvironment environment = e2e::bareEnvironment();
    for (const char *name : { "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_REGION",
             "AWS_ENDPOINT_URL_LOOKOUTEQUIPMENT" })
        environment.insert(
            QString::fromLatin1(name), m_emulator->variable(QString::fromLatin1(name)));
    return e2e::runProcess(QStringLiteral(LOOKOUT_BINARY),
        arguments + QStringList { u"--output"_s, u"json"_s }, environment, {}, 120'000);
}

// The CustomerResultObject keys of the scheduler's SUCCESS executions, page by page (the
// service model has no paginator for the CLI to follow NextToken by itself).
QStringList TestAwsCliS3::successfulResultKeys(const Target &target)
{
    // Lookout Desk's own executions command (its output is checked against the AWS CLI's by the
    // parity tests): a Python CLI takes seconds for the week's 2,000 executions on a loaded
    // machine, and this runs several times per CLI.
    const e2e::ProcessRun run
        = lookoutDesk({ u"executions"_s, target.name, u"--status"_s, u"SUCCESS"_s });
    if (!run.finished || run.exitCode != 0)
        return { u"lookout-desk executions failed: "_s + QString::fromUtf8(run.err) };
    QStringList keys;
    for (const QJsonValue &execution : QJsonDocument::fromJson(run.out)
                                           .object()
                                           .value(u"InferenceExecutionSummaries"_s)
                                           .toArray()) {
        const QJsonObject object = execution.toObject().value(u"CustomerResultObject"_s).toObject();
        if (object.value(u"Bucket"_s).toString() == target.bucket)
            keys.append(object.value(u"Key"_s).toString());
    }
    std::sort(keys.begin(), keys.end());
    return keys;
}

QString TestAwsCliS3::newestDayWithAnEvent(QString &problem)
{
    // Whole days only: yesterday back to six days ago (the seventh is partly out of the week).
    const QDate today = QDateTime::currentDateTimeUtc().date();
    const QDate oldest = today.addDays(-6);
    const e2e::ProcessRun run = lookoutDesk({ u"events"_s, m_target.name, u"--start-time"_s,
        oldest.startOfDay(Qt::UTC).toString(Qt::ISODate), u"--end-time"_s,
        today.startOfDay(Qt::UTC).toString(Qt::ISODate) });
    if (!run.finished || run.exitCode != 0) {
        problem = u"lookout-desk events failed: "_s + QString::fromUtf8(run.err);
        return {};
    }
    QDate newest;
    for (const QJsonValue &event :
        QJsonDocument::fromJson(run.out).object().value(u"InferenceEventSummaries"_s).toArray()) {
        const QDate day = QDateTime::fromString(
            event.toObject().value(u"EventStartTime"_s).toString(), Qt::ISODateWithMs)
                              .toUTC()
                              .date();
        if (day >= oldest && day < today && (!newest.isValid() || day > newest))
            newest = day;
    }
    if (!newest.isValid())
        problem = u"no anomaly event of %1 starts between %2 and %3"_s.arg(
            m_target.name, oldest.toString(Qt::ISODate), today.toString(Qt::ISODate));
    return newest.isValid() ? newest.toString(Qt::ISODate) : QString();
}

void TestAwsCliS3::ls_withoutBucket_listsTheOutputBuckets()
{
    const CliResult result = aws({ u"s3"_s, u"ls"_s });
    QVERIFY2(result.exitCode == 0, qPrintable(result.err));
    // "2024-05-01 08:00:00 northfield-lookout-results-us-east-1"
    const QStringList lines = QString::fromUtf8(result.out).split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 1);
    QVERIFY2(lines.first().endsWith(u' ' + m_target.bucket), qPrintable(lines.first()));
}

void TestAwsCliS3::ls_recursive_listsTheSuccessfulExecutionsResults()
{
    // A new execution may finish, or the oldest leave the 7 days, while the CLIs run: the
    // listing must equal the executions listed just before it or, failing that, just after.
    for (int attempt = 0; attempt < 3; ++attempt) {
        const QStringList before = successfulResultKeys(m_target);
        const CliResult listed = aws({ u"s3"_s, u"ls"_s,
            u"s3://"_s + m_target.bucket + u'/' + m_target.prefix, u"--recursive"_s });
        QVERIFY2(listed.exitCode == 0, qPrintable(listed.err));
        const QStringList keys = keysOf(listed.out);
        if (keys != before && keys != successfulResultKeys(m_target))
            continue;
        // A week of 5-minute executions, less the few that failed.
        QVERIFY2(
            keys.size() > 1850 && keys.size() <= 2016, qPrintable(QString::number(keys.size())));
        QVERIFY(keys.first().startsWith(m_target.prefix));
        QVERIFY(keys.first().endsWith(u"Z/results.jsonl"_s));
        return;
    }
    QFAIL("the listing matched neither the executions before it nor those after it");
}

void TestAwsCliS3::ls_delimiter_showsTheExecutionFolders()
{
    const CliResult top
        = aws({ u"s3"_s, u"ls"_s, u"s3://"_s + m_target.bucket + u"/inference-results/"_s });
    QVERIFY2(top.exitCode == 0, qPrintable(top.err));
    QVERIFY2(
        top.out.contains(("PRE " + m_target.name + '/').toUtf8()), top.out.left(2000).constData());
    const CliResult folders
        = aws({ u"s3"_s, u"ls"_s, u"s3://"_s + m_target.bucket + u'/' + m_target.prefix });
    QVERIFY2(folders.exitCode == 0, qPrintable(folders.err));
    const QStringList lines = QString::fromUtf8(folders.out).split(u'\n', Qt::SkipEmptyParts);
    QVERIFY(lines.size() > 1850);
    QVERIFY2(QRegularExpression(u"^\\s+PRE \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:00Z/$"_s)
                 .match(lines.first())
                 .hasMatch(),
        qPrintable(lines.first()));
}

void TestAwsCliS3::cp_toStdout_printsTheResults()
{
    const QStringList keys = successfulResultKeys(m_target);
    QVERIFY(!keys.isEmpty());
    // From the middle of the week kept: the oldest can leave it while the CLI starts.
    const CliResult result = aws({ u"s3"_s, u"cp"_s,
        u"s3://"_s + m_target.bucket + u'/' + keys.at(keys.size() / 2), u"-"_s });
    QVERIFY2(result.exitCode == 0, qPrintable(result.err));
    const QList<QByteArray> lines = result.out.trimmed().split('\n');
    QVERIFY(!lines.isEmpty());
    for (const QByteArray &line : lines) {
        QJsonParseError error;
        const QJsonObject prediction = QJsonDocument::fromJson(line, &error).object();
        QVERIFY2(error.error == QJsonParseError::NoError, line.constData());
        QVERIFY(QDateTime::fromString(
            prediction.value(u"timestamp"_s).toString() + u'Z', Qt::ISODateWithMs)
                    .isValid());
        const QString reason = prediction.value(u"prediction_reason"_s).toString();
        QCOMPARE(
            prediction.value(u"prediction"_s).toInt(), reason == u"ANOMALY_DETECTED"_s ? 1 : 0);
        if (reason == u"MACHINE_OFF"_s) {
            QVERIFY(!prediction.contains(u"diagnostics"_s));
            continue;
        }
        double sum = 0;
        for (const QJsonValue &diagnostic : prediction.value(u"diagnostics"_s).toArray()) {
            QVERIFY(diagnostic.toObject().value(u"name"_s).toString().contains(u'\\'));
            sum += diagnostic.toObject().value(u"value"_s).toDouble();
        }
        QVERIFY2(qAbs(sum - 1) < 1e-9, line.constData());
    }
}

void TestAwsCliS3::sync_thenLookoutDeskResults_readsEveryPrediction()
{
    QTemporaryDir folder;
    QVERIFY(folder.isValid());
    // One whole day of the week (288 five-minute executions, less the failed ones): the CLIs
    // fetch a few dozen objects a second, and the whole week would cost minutes of CI per CLI.
    // A day with an anomaly event, so that the events read are compared, not two empty lists.
    QString problem;
    const QString eventDay = newestDayWithAnEvent(problem);
    QVERIFY2(!eventDay.isEmpty(), qPrintable(problem));
    const QString day = eventDay + u"T*"_s;
    const CliResult synced
        = aws({ u"s3"_s, u"sync"_s, u"s3://"_s + m_target.bucket + u'/' + m_target.prefix,
            folder.path(), u"--exclude"_s, u"*"_s, u"--include"_s, day, u"--only-show-errors"_s });
    QVERIFY2(synced.exitCode == 0, qPrintable(synced.err));

    // What the files hold, read here line by line: predictions in time order, and events as
    // runs of anomalies without a gap of more than 3 spacings (the product's rule).
    QStringList files;
    QDirIterator it(
        folder.path(), { u"results.jsonl"_s }, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        files.append(it.next());
    QVERIFY2(files.size() > 250 && files.size() <= 288, qPrintable(QString::number(files.size())));
    std::sort(files.begin(), files.end());
    QList<std::pair<qint64, bool>> points; // (ms, anomalous)
    for (const QString &path : files) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        for (const QByteArray &line : file.readAll().split('\n')) {
            if (line.isEmpty())
                continue;
            const QJsonObject object = QJsonDocument::fromJson(line).object();
            points.append({ QDateTime::fromString(
                                object.value(u"timestamp"_s).toString() + u'Z', Qt::ISODateWithMs)
                                .toMSecsSinceEpoch(),
                object.value(u"prediction"_s).toInt() == 1 });
        }
    }
    QList<qint64> spacings;
    for (qsizetype i = 1; i < points.size(); ++i)
        spacings.append(points[i].first - points[i - 1].first);
    std::sort(spacings.begin(), spacings.end());
    const qint64 spacing = spacings.at(spacings.size() / 2);
    QVERIFY(spacing >= kMinuteMs);
    int events = 0;
    for (qsizetype i = 0; i < points.size(); ++i) {
        const bool starts = points[i].second
            && (i == 0 || !points[i - 1].second
                || points[i].first - points[i - 1].first > 3 * spacing);
        events += starts ? 1 : 0;
    }
    QVERIFY(events > 0);

    const e2e::ProcessRun run = e2e::runProcess(QStringLiteral(LOOKOUT_BINARY),
        { u"results"_s, folder.path(), u"--output"_s, u"json"_s }, e2e::bareEnvironment(), {},
        120'000);
    QVERIFY2(run.finished && run.exitCode == 0, run.err.constData());
    const QJsonObject read = QJsonDocument::fromJson(run.out).object();
    QCOMPARE(read.value(u"Predictions"_s).toArray().size(), points.size());
    QCOMPARE(read.value(u"Events"_s).toArray().size(), events);
}

void TestAwsCliS3::oddKeys_spacesPlusPercentAndNonAscii()
{
    const auto listOddResults = [this] {
        return aws(
            { u"s3"_s, u"ls"_s, u"s3://odd-results/"_s, u"--recursive"_s }, m_archived.get());
    };
    const CliResult listed = listOddResults();
    QVERIFY2(listed.exitCode == 0, qPrintable(listed.err));
    const QStringList keys = keysOf(listed.out);
    // Ten days of hourly executions, kept for the last seven, less the few that failed.
    QVERIFY2(keys.size() > 150 && keys.size() <= 169, qPrintable(QString::number(keys.size())));
    for (const QString &key : keys)
        QVERIFY2(key.startsWith(m_oddPrefix), qPrintable(key));

    const CliResult copied
        = aws({ u"s3"_s, u"cp"_s, u"s3://odd-results/"_s + keys.last(), u"-"_s }, m_archived.get());
    QVERIFY2(copied.exitCode == 0, qPrintable(copied.err));
    QVERIFY(copied.out.startsWith("{\"timestamp\": "));

    // The week kept moves on the hour (an execution comes, the oldest leaves): a sync is compared
    // with the listings just before and after it, and taken again when they differ.
    for (int attempt = 0; attempt < 3; ++attempt) {
        const QStringList before = keysOf(listOddResults().out);
        QTemporaryDir folder;
        const CliResult synced = aws(
            { u"s3"_s, u"sync"_s, u"s3://odd-results/"_s, folder.path(), u"--only-show-errors"_s },
            m_archived.get());
        QVERIFY2(synced.exitCode == 0, qPrintable(synced.err));
        const QStringList after = keysOf(listOddResults().out);
        if (before != after)
            continue;
        for (const QString &key : after)
            QVERIFY2(QFile::exists(folder.filePath(key)), qPrintable(key));
        QCOMPARE(
            QDir(folder.filePath(m_oddPrefix)).entryList(QDir::Dirs | QDir::NoDotAndDotDot).size(),
            after.size());
        return;
    }
    QFAIL("the week kept changed during each of three syncs");
}

void TestAwsCliS3::errors_noSuchBucket_noSuchKey_badSignature()
{
    const CliResult bucket = aws({ u"s3"_s, u"ls"_s, u"s3://no-such-bucket/"_s });
    QVERIFY(bucket.exitCode != 0);
    QVERIFY2(bucket.err.contains(u"NoSuchBucket"_s), qPrintable(bucket.err));

    const CliResult key
        = aws({ u"s3"_s, u"cp"_s, u"s3://"_s + m_target.bucket + u"/no/such/key.jsonl"_s, u"-"_s });
    QVERIFY(key.exitCode != 0);
    QVERIFY2(key.err.contains(u"404"_s) || key.err.contains(u"Not Found"_s), qPrintable(key.err));

    const CliResult signature = aws({ u"s3"_s, u"ls"_s, u"s3://"_s + m_target.bucket + u'/' },
        nullptr, u"NotTheEmulatorsSecret"_s);
    QVERIFY(signature.exitCode != 0);
    QVERIFY2(signature.err.contains(u"SignatureDoesNotMatch"_s), qPrintable(signature.err));
    QVERIFY(!signature.err.contains(u"NotTheEmulatorsSecret"_s));
}

QTEST_GUILESS_MAIN(TestAwsCliS3)
#include "tst_awscli_s3.moc"
