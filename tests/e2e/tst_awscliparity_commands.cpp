// lookout-desk's headless commands next to the AWS CLI itself (`aws` on PATH), against the same
// emulator with the same settings: describe, list (one page's worth, which the CLI shows
// without a NextToken), its filters and executions in a fixed time window print the same bytes
// in json, text and table form (table at the CLI's 80 columns for piped output), and the same
// error sentences. Both cli_timestamp_format settings. Skipped, saying why, without `aws`. Exit
// statuses: lookout-desk's are AWS CLI v2's; the CLI's own are checked against its major version.
#include "emulator/emulator.h"
#include "headlessrun.h"

#include <QDateTime>
#include <QFile>
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

} // namespace

class TestAwsCliParityCommands : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void sameOutput_data();
    void sameOutput();
    void sameErrorSentences();

private:
    QProcessEnvironment environment(const QString &timestampFormat) const;

    e2e::AwsCli m_cli;
    std::unique_ptr<emulator::Emulator> m_emulator;
    QTemporaryDir m_dir;
    QStringList m_names;
    QString m_runningModel;
};

void TestAwsCliParityCommands::initTestCase()
{
    QString problem;
    const std::optional<e2e::AwsCli> cli = e2e::findAwsCli(&problem);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    if (!cli)
        QSKIP("no `aws` on PATH to compare with");
    m_cli = *cli;
    qInfo("Comparing with %s", qPrintable(m_cli.version));
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
    return environment;
}

void TestAwsCliParityCommands::sameOutput_data()
{
    QTest::addColumn<QString>("timestampFormat");
    QTest::addColumn<QString>("output");
    QTest::addColumn<QStringList>("ours");
    QTest::addColumn<QStringList>("theirs");
    if (m_cli.program.isEmpty())
        return;
    // A closed window in the past: the same executions for both, whenever each runs.
    const qint64 hour = QDateTime::currentSecsSinceEpoch() / 3600 * 3600;
    const QString after = QString::number(hour - 5 * 3600);
    const QString before = QString::number(hour - 2 * 3600);
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
            { u"executions"_s, m_names.at(2), u"--start-time-after"_s, after,
                u"--end-time-before"_s, before },
            { u"list-inference-executions"_s, u"--inference-scheduler-name"_s, m_names.at(2),
                u"--data-start-time-after"_s, after, u"--data-end-time-before"_s, before } },
    };
    for (const QString &format : { u"iso8601"_s, u"wire"_s }) {
        for (const QString &output : { u"json"_s, u"text"_s, u"table"_s }) {
            for (const Pair &pair : pairs) {
                QTest::addRow(
                    "%s, %s, %s", qPrintable(pair.name), qPrintable(output), qPrintable(format))
                    << format << output << pair.ours
                    << (QStringList { u"lookoutequipment"_s } + pair.theirs);
            }
        }
    }
}

void TestAwsCliParityCommands::sameOutput()
{
    QFETCH(QString, timestampFormat);
    QFETCH(QString, output);
    QFETCH(QStringList, ours);
    QFETCH(QStringList, theirs);
    const QStringList outputOption { u"--output"_s, output };
    const e2e::ProcessRun cli = e2e::runProcess(
        m_cli.program, theirs + outputOption, environment(timestampFormat), {}, 180'000);
    QVERIFY2(cli.finished && cli.exitCode == 0, cli.err.constData());
    const e2e::ProcessRun desk = e2e::runProcess(
        QStringLiteral(LOOKOUT_BINARY), ours + outputOption, environment(timestampFormat));
    QVERIFY2(desk.finished && desk.exitCode == 0, desk.err.constData());
    QVERIFY(!cli.out.contains("NextToken")); // one page: comparable with the merged listing
    if (desk.out != cli.out)
        qWarning("--- aws\n%s--- lookout-desk\n%s", cli.out.constData(), desk.out.constData());
    QCOMPARE(desk.out, cli.out);
}

void TestAwsCliParityCommands::sameErrorSentences()
{
    const QProcessEnvironment iso = environment(u"iso8601"_s);
    const e2e::ProcessRun cliMissing = e2e::runProcess(m_cli.program,
        { u"lookoutequipment"_s, u"describe-inference-scheduler"_s, u"--inference-scheduler-name"_s,
            u"ghost"_s },
        iso, {}, 180'000);
    const e2e::ProcessRun deskMissing
        = e2e::runProcess(QStringLiteral(LOOKOUT_BINARY), { u"describe"_s, u"ghost"_s }, iso);
    QCOMPARE(cliMissing.exitCode, m_cli.serviceErrorExitCode());
    QVERIFY(!cliMissing.err.isEmpty());
    QCOMPARE(deskMissing.err, cliMissing.err);
    QCOMPARE(deskMissing.exitCode, 254);

    QProcessEnvironment wrongSecret = iso;
    wrongSecret.insert(u"AWS_SECRET_ACCESS_KEY"_s, u"definitely-not-the-secret"_s);
    const e2e::ProcessRun cliDenied = e2e::runProcess(m_cli.program,
        { u"lookoutequipment"_s, u"list-inference-schedulers"_s }, wrongSecret, {}, 180'000);
    const e2e::ProcessRun deskDenied
        = e2e::runProcess(QStringLiteral(LOOKOUT_BINARY), { u"list"_s }, wrongSecret);
    QCOMPARE(cliDenied.exitCode, m_cli.serviceErrorExitCode());
    QVERIFY(cliDenied.err.contains("InvalidSignatureException"));
    QCOMPARE(deskDenied.err, cliDenied.err);
    QCOMPARE(deskDenied.exitCode, 254);

    QProcessEnvironment noRegion = iso;
    noRegion.remove(u"AWS_REGION"_s);
    noRegion.remove(u"AWS_DEFAULT_REGION"_s);
    const e2e::ProcessRun cliNoRegion = e2e::runProcess(m_cli.program,
        { u"lookoutequipment"_s, u"list-inference-schedulers"_s }, noRegion, {}, 180'000);
    const e2e::ProcessRun deskNoRegion
        = e2e::runProcess(QStringLiteral(LOOKOUT_BINARY), { u"list"_s }, noRegion);
    QCOMPARE(cliNoRegion.exitCode, m_cli.configurationErrorExitCode());
    QCOMPARE(deskNoRegion.err, cliNoRegion.err);
    QCOMPARE(deskNoRegion.exitCode, 253);

    QProcessEnvironment noKeys = iso;
    noKeys.remove(u"AWS_ACCESS_KEY_ID"_s);
    noKeys.remove(u"AWS_SECRET_ACCESS_KEY"_s);
    const e2e::ProcessRun cliNoKeys = e2e::runProcess(m_cli.program,
        { u"lookoutequipment"_s, u"list-inference-schedulers"_s }, noKeys, {}, 180'000);
    const e2e::ProcessRun deskNoKeys
        = e2e::runProcess(QStringLiteral(LOOKOUT_BINARY), { u"list"_s }, noKeys);
    QCOMPARE(cliNoKeys.exitCode, m_cli.configurationErrorExitCode());
    QCOMPARE(deskNoKeys.err, cliNoKeys.err);
    QCOMPARE(deskNoKeys.exitCode, 253);

    const e2e::ProcessRun cliNoProfile = e2e::runProcess(m_cli.program,
        { u"lookoutequipment"_s, u"list-inference-schedulers"_s, u"--profile"_s, u"ghost"_s }, iso,
        {}, 180'000);
    const e2e::ProcessRun deskNoProfile = e2e::runProcess(
        QStringLiteral(LOOKOUT_BINARY), { u"list"_s, u"--profile"_s, u"ghost"_s }, iso);
    QCOMPARE(cliNoProfile.exitCode, m_cli.configurationErrorExitCode());
    QCOMPARE(deskNoProfile.err, cliNoProfile.err);
    QCOMPARE(deskNoProfile.exitCode, 253);
}

QTEST_GUILESS_MAIN(TestAwsCliParityCommands)
#include "tst_awscliparity_commands.moc"
