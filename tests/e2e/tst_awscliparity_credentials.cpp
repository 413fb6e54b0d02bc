// `aws configure export-credentials --profile NAME` (AWS CLI v2) and `lookout-desk configure
// export-credentials --profile NAME` against the emulator's STS resolve the same credentials for
// every kind of role profile: a role via a source profile with static keys, a chain of two, a
// role with credential_source = Environment, a web identity in the profile and one in the
// environment. The emulator derives a session's keys from the role and the session name, so
// the same access key id, secret and token from both proves both sent the same AssumeRole (or
// AssumeRoleWithWebIdentity) through the same chain of hops, each signed with the right keys
// (the emulator checks the signatures). The CLI reaches the emulator's STS through an endpoint
// rule set in AWS_DATA_PATH (Debian's v2 2.9.19 reads no AWS_ENDPOINT_URL_STS); lookout-desk
// through AWS_ENDPOINT_URL_STS.
#include "emulator/emulator.h"
#include "headlessrun.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::StringLiterals;

namespace {

const QByteArray kToken = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJwb2QifQ.c2lnbmF0dXJl";

// The STS endpoint rule set of botocore's model reduced to one rule: every STS call goes to
// `endpoint`. Its parameters are the model's, which the CLI fills in.
QByteArray stsRuleSet(const QString &endpoint)
{
    const auto parameter = [](const char *builtIn, const char *type, bool required) {
        QJsonObject object { { u"builtIn"_s, QLatin1String(builtIn) },
            { u"type"_s, QLatin1String(type) }, { u"required"_s, required },
            { u"documentation"_s, u"as in the STS model"_s } };
        if (required)
            object.insert(u"default"_s, false);
        return object;
    };
    const QJsonObject ruleSet {
        { u"version"_s, u"1.0"_s },
        { u"parameters"_s,
            QJsonObject {
                { u"Region"_s, parameter("AWS::Region", "String", false) },
                { u"UseDualStack"_s, parameter("AWS::UseDualStack", "Boolean", true) },
                { u"UseFIPS"_s, parameter("AWS::UseFIPS", "Boolean", true) },
                { u"Endpoint"_s, parameter("SDK::Endpoint", "String", false) },
                { u"UseGlobalEndpoint"_s,
                    parameter("AWS::STS::UseGlobalEndpoint", "Boolean", true) },
            } },
        { u"rules"_s,
            QJsonArray { QJsonObject {
                { u"conditions"_s, QJsonArray() },
                { u"endpoint"_s,
                    QJsonObject { { u"url"_s, endpoint }, { u"properties"_s, QJsonObject() },
                        { u"headers"_s, QJsonObject() } } },
                { u"type"_s, u"endpoint"_s },
            } } },
    };
    return QJsonDocument(ruleSet).toJson();
}

bool writeFile(const QString &path, const QByteArray &text)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(text) == text.size();
}

} // namespace

class TestAwsCliParityCredentials : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void sameCredentials_data();
    void sameCredentials();
    void mfaCode_readFromStdinWithoutATerminal();

private:
    QProcessEnvironment environment(const QStringList &extra) const;

    const e2e::AwsCli *m_cli = nullptr;
    std::unique_ptr<emulator::Emulator> m_emulator;
    QTemporaryDir m_dir;
};

void TestAwsCliParityCredentials::initTestCase()
{
    const e2e::AwsCliChoice choice = e2e::awsCli(2);
    E2E_REQUIRE_AWS_CLI(choice);
    m_cli = choice.cli;
    qInfo("Comparing with %s", qPrintable(m_cli->version));
    QVERIFY(m_dir.isValid());
    emulator::EmulatorOptions options;
    options.fleetSize = 5;
    m_emulator = std::make_unique<emulator::Emulator>(options);
    QVERIFY2(m_emulator->start(), qPrintable(m_emulator->errorString()));

    QVERIFY(writeFile(m_dir.filePath(u"data/sts/2011-06-15/endpoint-rule-set-1.json"_s),
        stsRuleSet(m_emulator->endpoint().toString())));
    QVERIFY(writeFile(m_dir.filePath(u"token"_s), kToken + '\n'));
    const QByteArray keys = "aws_access_key_id = " + m_emulator->credentials().accessKeyId.toUtf8()
        + "\naws_secret_access_key = " + m_emulator->credentials().secretAccessKey.toUtf8() + '\n';
    QVERIFY(writeFile(m_dir.filePath(u"credentials"_s), "[dev]\n" + keys));
    QVERIFY(writeFile(m_dir.filePath(u"config"_s),
        "[profile role]\nrole_arn = arn:aws:iam::123456789012:role/reader\n"
        "source_profile = dev\nrole_session_name = parity-role\n"
        "[profile chained]\nrole_arn = arn:aws:iam::210987654321:role/second\n"
        "source_profile = role\nrole_session_name = parity-chain\nexternal_id = partner-7\n"
        "duration_seconds = 1800\n"
        "[profile fromenv]\nrole_arn = arn:aws:iam::123456789012:role/ci\n"
        "credential_source = Environment\nrole_session_name = parity-env\n"
        "[profile admin]\nrole_arn = arn:aws:iam::123456789012:role/admin\n"
        "source_profile = dev\nrole_session_name = parity-mfa\n"
        "mfa_serial = arn:aws:iam::123456789012:mfa/alice\n"
        "[profile pod]\nrole_arn = arn:aws:iam::123456789012:role/pod\n"
        "web_identity_token_file = "
            + m_dir.filePath(u"token"_s).toUtf8() + "\nrole_session_name = parity-web\n"));
}

QProcessEnvironment TestAwsCliParityCredentials::environment(const QStringList &extra) const
{
    QProcessEnvironment environment = e2e::bareEnvironment();
    environment.insert(u"HOME"_s, m_dir.path());
    environment.insert(u"XDG_CONFIG_HOME"_s, m_dir.filePath(u"xdg"_s));
    environment.insert(u"AWS_CONFIG_FILE"_s, m_dir.filePath(u"config"_s));
    environment.insert(u"AWS_SHARED_CREDENTIALS_FILE"_s, m_dir.filePath(u"credentials"_s));
    environment.insert(u"AWS_DATA_PATH"_s, m_dir.filePath(u"data"_s));
    environment.insert(u"AWS_ENDPOINT_URL_STS"_s, m_emulator->endpoint().toString());
    environment.insert(u"AWS_REGION"_s, m_emulator->region()); // lookout-desk needs one
    for (const QString &assignment : extra)
        environment.insert(assignment.section(u'=', 0, 0), assignment.section(u'=', 1));
    return environment;
}

void TestAwsCliParityCredentials::sameCredentials_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QStringList>("environment");
    const QStringList exportFor { u"configure"_s, u"export-credentials"_s, u"--profile"_s };
    QTest::newRow("role via a source profile with static keys")
        << (exportFor + QStringList { u"role"_s }) << QStringList();
    QTest::newRow("a chain of two roles")
        << (exportFor + QStringList { u"chained"_s }) << QStringList();
    QTest::newRow("credential_source = Environment")
        << (exportFor + QStringList { u"fromenv"_s })
        << QStringList { u"AWS_ACCESS_KEY_ID="_s + m_emulator->credentials().accessKeyId,
               u"AWS_SECRET_ACCESS_KEY="_s + m_emulator->credentials().secretAccessKey };
    QTest::newRow("web identity in the profile")
        << (exportFor + QStringList { u"pod"_s }) << QStringList();
    QTest::newRow("web identity in the environment")
        << QStringList { u"configure"_s, u"export-credentials"_s }
        << QStringList { u"AWS_WEB_IDENTITY_TOKEN_FILE="_s + m_dir.filePath(u"token"_s),
               u"AWS_ROLE_ARN=arn:aws:iam::123456789012:role/envpod"_s,
               u"AWS_ROLE_SESSION_NAME=parity-envweb"_s };
}

void TestAwsCliParityCredentials::sameCredentials()
{
    QFETCH(QStringList, arguments);
    QFETCH(QStringList, environment);
    const QList<e2e::ProcessRun> runs = e2e::runProcesses({
        { m_cli->program, arguments, this->environment(environment), 180'000 },
        { QStringLiteral(LOOKOUT_BINARY), arguments, this->environment(environment), 60'000 },
    });
    const e2e::ProcessRun &cli = runs[0];
    const e2e::ProcessRun &desk = runs[1];
    QVERIFY2(cli.finished && cli.exitCode == 0, cli.err.constData());
    QVERIFY2(desk.finished && desk.exitCode == 0, desk.err.constData());
    const QJsonObject fromCli = QJsonDocument::fromJson(cli.out).object();
    const QJsonObject fromDesk = QJsonDocument::fromJson(desk.out).object();
    QVERIFY2(fromCli.value(u"AccessKeyId"_s).toString().startsWith(u"ASIA"_s), cli.out.constData());
    // The same keys and the same shape; the expirations are each process's request time plus
    // the duration, so they may differ by the seconds between the two runs.
    QCOMPARE(fromDesk.keys(), fromCli.keys());
    for (const QString &key :
        { u"Version"_s, u"AccessKeyId"_s, u"SecretAccessKey"_s, u"SessionToken"_s })
        QCOMPARE(fromDesk.value(key), fromCli.value(key));
    const QDateTime cliExpiry
        = QDateTime::fromString(fromCli.value(u"Expiration"_s).toString(), Qt::ISODate);
    const QDateTime deskExpiry
        = QDateTime::fromString(fromDesk.value(u"Expiration"_s).toString(), Qt::ISODate);
    QVERIFY(cliExpiry.isValid() && deskExpiry.isValid());
    QVERIFY2(qAbs(cliExpiry.secsTo(deskExpiry)) < 120, desk.out.constData());
}

// Without a controlling terminal (setsid) both read the code from stdin, as Python's getpass
// falls back to, after the same prompt; the same code gives the same keys, a wrong one the same
// error.
void TestAwsCliParityCredentials::mfaCode_readFromStdinWithoutATerminal()
{
    const QStringList arguments { u"configure"_s, u"export-credentials"_s, u"--profile"_s,
        u"admin"_s };
    const auto run = [&](const QString &program, const QByteArray &code) {
        return e2e::runProcess(u"/usr/bin/setsid"_s, QStringList { program } + arguments,
            environment({}), code + '\n', 180'000);
    };
    const e2e::ProcessRun cli = run(m_cli->program, "123456");
    const e2e::ProcessRun desk = run(QStringLiteral(LOOKOUT_BINARY), "123456");
    QVERIFY2(cli.exitCode == 0, cli.err.constData());
    QVERIFY2(desk.exitCode == 0, desk.err.constData());
    const QByteArray prompt = "Enter MFA code for arn:aws:iam::123456789012:mfa/alice: ";
    QVERIFY2(cli.err.contains(prompt), cli.err.constData());
    QVERIFY2(desk.err.contains(prompt), desk.err.constData());
    const QJsonObject fromCli = QJsonDocument::fromJson(cli.out).object();
    const QJsonObject fromDesk = QJsonDocument::fromJson(desk.out).object();
    QVERIFY(fromCli.value(u"AccessKeyId"_s).toString().startsWith(u"ASIA"_s));
    QCOMPARE(fromDesk.value(u"AccessKeyId"_s), fromCli.value(u"AccessKeyId"_s));
    QCOMPARE(fromDesk.value(u"SessionToken"_s), fromCli.value(u"SessionToken"_s));

    // The CLI keeps assumed-role credentials in ~/.aws/cli/cache (lookout-desk writes none).
    QVERIFY(QDir(m_dir.filePath(u".aws/cli/cache"_s)).removeRecursively());
    const e2e::ProcessRun wrongCli = run(m_cli->program, "000000");
    const e2e::ProcessRun wrongDesk = run(QStringLiteral(LOOKOUT_BINARY), "000000");
    QCOMPARE(wrongDesk.exitCode, wrongCli.exitCode);
    QCOMPARE(wrongDesk.exitCode, 254); // the service answered
    const QByteArray denied = "An error occurred (AccessDenied) when calling the AssumeRole "
                              "operation: MultiFactorAuthentication failed with invalid MFA one "
                              "time pass code.";
    QVERIFY2(wrongCli.err.contains(denied), wrongCli.err.constData());
    QVERIFY2(wrongDesk.err.contains(denied), wrongDesk.err.constData());
}

QTEST_GUILESS_MAIN(TestAwsCliParityCredentials)
#include "tst_awscliparity_credentials.moc"
