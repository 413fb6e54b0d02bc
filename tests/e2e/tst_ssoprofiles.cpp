// IAM Identity Center profiles through the built binary, as a shell runs it, against the emulator
// (in this process): without a cached token the CLI's sentence and exit 253; with a token cached
// as `aws sso login` caches it, Lookout calls signed with the role credentials the portal gave,
// --debug naming the session, account and role but never a token. Where Debian's AWS CLI v2 is
// installed, it reads the same cache file and gets its keys from the same emulator portal (2.9.19
// reads no AWS_ENDPOINT_URL_SSO, so its endpoint rule set for sso is replaced through
// AWS_DATA_PATH), and prints the same sentence without a token.
#include "aws/ssotokencache.h"
#include "emulator/emulator.h"
#include "emulatorssosignin.h"
#include "headlessrun.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::StringLiterals;

namespace {

const QString kStartUrl = u"https://corp.awsapps.com/start"_s;

} // namespace

class TestSsoProfiles : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();

    void noToken_isBotocoresSentence_exit253_data();
    void noToken_isBotocoresSentence_exit253();
    void signedIn_lookoutCallsWork_andDebugNamesTheSessionNeverAToken_data();
    void signedIn_lookoutCallsWork_andDebugNamesTheSessionNeverAToken();
    void awsCliV2_readsTheSameCache_fromTheSameEmulator_data();
    void awsCliV2_readsTheSameCache_fromTheSameEmulator();
    void ssoLogin_approved_cachesTheToken_forTheCommands_data();
    void ssoLogin_approved_cachesTheToken_forTheCommands();
    void ssoLogin_denied_isTheServicesError();
    void ssoLogin_profileWithoutSso_isTheCliSentence_exit253();

private:
    QProcessEnvironment environment() const;
    // Starts `sso login --no-browser` for `profile`, waits for its code and approves (or denies)
    // it at the emulator; the process, still running or ended.
    std::unique_ptr<QProcess> startLogin(const QString &profile, bool approve, QString *code);
    void data();
    QString cacheDirectory() const { return aws::ssoTokenCacheDirectory(m_home->path()); }

    std::unique_ptr<emulator::Emulator> m_emulator;
    std::unique_ptr<QTemporaryDir> m_home;
};

void TestSsoProfiles::initTestCase()
{
    emulator::EmulatorOptions options;
    options.fleetSize = 3;
    m_emulator = std::make_unique<emulator::Emulator>(options);
    QVERIFY2(m_emulator->start(), qPrintable(m_emulator->errorString()));
}

void TestSsoProfiles::init()
{
    m_home = std::make_unique<QTemporaryDir>();
    QVERIFY(m_home->isValid());
    QVERIFY(QDir().mkpath(m_home->filePath(u".aws"_s)));
    QFile config(m_home->filePath(u".aws/config"_s));
    QVERIFY(config.open(QIODevice::WriteOnly));
    QVERIFY(config.write(QStringLiteral(
                "[sso-session corp]\nsso_start_url = %1\nsso_region = us-east-1\n"
                "[profile dev]\nsso_session = corp\nsso_account_id = 111122223333\n"
                "sso_role_name = ReadOnly\nregion = us-east-1\n"
                "[profile legacy]\nsso_start_url = %1\nsso_region = us-east-1\n"
                "sso_account_id = 111122223333\nsso_role_name = ReadOnly\nregion = us-east-1\n")
                             .arg(kStartUrl)
                             .toUtf8())
        > 0);
    QFile credentials(m_home->filePath(u".aws/credentials"_s));
    QVERIFY(credentials.open(QIODevice::WriteOnly));
}

QProcessEnvironment TestSsoProfiles::environment() const
{
    QProcessEnvironment environment = e2e::bareEnvironment();
    environment.insert(u"HOME"_s, m_home->path());
    environment.insert(u"XDG_CONFIG_HOME"_s, m_home->filePath(u".config"_s));
    environment.insert(u"AWS_ENDPOINT_URL"_s, m_emulator->endpoint().toString());
    return environment;
}

void TestSsoProfiles::data()
{
    QTest::addColumn<QString>("profile");
    QTest::addColumn<QString>("tokenName");
    QTest::newRow("sso-session profile") << u"dev"_s << u"corp"_s;
    QTest::newRow("legacy profile") << u"legacy"_s << kStartUrl;
}

void TestSsoProfiles::noToken_isBotocoresSentence_exit253_data()
{
    data();
}

void TestSsoProfiles::noToken_isBotocoresSentence_exit253()
{
    QFETCH(QString, profile);
    QFETCH(QString, tokenName);
    const QByteArray sentence
        = "\nError loading SSO Token: Token for " + tokenName.toUtf8() + " does not exist\n";
    const e2e::ProcessRun run = e2e::runProcess(
        QStringLiteral(LOOKOUT_BINARY), { u"list"_s, u"--profile"_s, profile }, environment());
    QVERIFY(run.finished);
    QCOMPARE(run.exitCode, 253);
    QCOMPARE(run.err, sentence);
    QCOMPARE(run.out, QByteArray());

    const e2e::AwsCliChoice choice = e2e::awsCli(2);
    if (!choice.cli)
        QSKIP(qPrintable(
            u"lookout-desk checked; the CLI comparison is skipped: "_s + choice.missing));
    const e2e::ProcessRun cli = e2e::runProcess(choice.cli->program,
        { u"lookoutequipment"_s, u"list-inference-schedulers"_s, u"--profile"_s, profile,
            u"--endpoint-url"_s, m_emulator->endpoint().toString() },
        environment());
    QVERIFY(cli.finished);
    QCOMPARE(cli.err, sentence);
    // 2.9.19 ends botocore's SSOTokenLoadError with 255 (it is none of its ConfigurationErrors);
    // lookout-desk counts every credential problem as one, 253.
    QCOMPARE(cli.exitCode, 255);
}

void TestSsoProfiles::signedIn_lookoutCallsWork_andDebugNamesTheSessionNeverAToken_data()
{
    data();
}

void TestSsoProfiles::signedIn_lookoutCallsWork_andDebugNamesTheSessionNeverAToken()
{
    QFETCH(QString, profile);
    QFETCH(QString, tokenName);
    const aws::SsoToken token = signInAtEmulator(
        m_emulator->endpoint(), kStartUrl, u"us-east-1"_s, QDateTime::currentDateTimeUtc());
    QVERIFY(!token.accessToken.isEmpty());
    QCOMPARE(aws::saveSsoToken(cacheDirectory(), tokenName, token), QString());

    const e2e::ProcessRun run = e2e::runProcess(QStringLiteral(LOOKOUT_BINARY),
        { u"list"_s, u"--profile"_s, profile, u"--debug"_s }, environment());
    QVERIFY(run.finished);
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QCOMPARE(QJsonDocument::fromJson(run.out)
                 .object()
                 .value(u"InferenceSchedulerSummaries"_s)
                 .toArray()
                 .size(),
        3);
    const QString session = profile == QLatin1String("dev")
        ? u"IAM Identity Center session corp"_s
        : u"IAM Identity Center start URL "_s + kStartUrl;
    QVERIFY2(run.err.contains(
                 (session + u", account 111122223333, role ReadOnly (profile "_s + profile + u')')
                     .toUtf8()),
        run.err.constData());
    QVERIFY2(run.err.contains(" with ASIA\xe2\x80\xa6"), run.err.constData());
    for (const QString &secret : { token.accessToken, token.refreshToken, token.clientSecret }) {
        QVERIFY(!run.err.contains(secret.toUtf8()));
        QVERIFY(!run.out.contains(secret.toUtf8()));
    }
}

void TestSsoProfiles::awsCliV2_readsTheSameCache_fromTheSameEmulator_data()
{
    data();
}

void TestSsoProfiles::awsCliV2_readsTheSameCache_fromTheSameEmulator()
{
    QFETCH(QString, profile);
    QFETCH(QString, tokenName);
    const e2e::AwsCliChoice choice = e2e::awsCli(2);
    E2E_REQUIRE_AWS_CLI(choice);
    const aws::SsoToken token = signInAtEmulator(
        m_emulator->endpoint(), kStartUrl, u"us-east-1"_s, QDateTime::currentDateTimeUtc());
    QVERIFY(!token.accessToken.isEmpty());
    QCOMPARE(aws::saveSsoToken(cacheDirectory(), tokenName, token), QString());

    // The CLI's sso client resolves its endpoint from this rule set: the emulator, always.
    const QString data = m_home->filePath(u"botocore-data"_s);
    QVERIFY(QDir().mkpath(data + u"/sso/2019-06-10"_s));
    QFile rules(data + u"/sso/2019-06-10/endpoint-rule-set-1.json"_s);
    QVERIFY(rules.open(QIODevice::WriteOnly));
    QVERIFY(rules.write(QStringLiteral(
                R"({"version": "1.0", "parameters": {"Region": {"builtIn": "AWS::Region", )"
                R"("required": false, "type": "String"}}, "rules": [{"conditions": [], )"
                R"("endpoint": {"url": "%1", "properties": {}, "headers": {}}, )"
                R"("type": "endpoint"}]})")
                            .arg(m_emulator->endpoint().toString())
                            .toUtf8())
        > 0);
    rules.close();
    QProcessEnvironment environment = this->environment();
    environment.insert(u"AWS_DATA_PATH"_s, data);
    const e2e::ProcessRun cli = e2e::runProcess(choice.cli->program,
        { u"configure"_s, u"export-credentials"_s, u"--profile"_s, profile }, environment);
    QVERIFY(cli.finished);
    QVERIFY2(cli.exitCode == 0, cli.err.constData());
    const QJsonObject exported = QJsonDocument::fromJson(cli.out).object();
    const QString keyId = exported.value(u"AccessKeyId"_s).toString();
    QVERIFY2(keyId.startsWith(u"ASIA"_s), cli.out.constData());
    // The same key works for lookout-desk's calls: the emulator issued it for this token.
    QProcessEnvironment withKeys = this->environment();
    withKeys.insert(u"AWS_ACCESS_KEY_ID"_s, keyId);
    withKeys.insert(u"AWS_SECRET_ACCESS_KEY"_s, exported.value(u"SecretAccessKey"_s).toString());
    withKeys.insert(u"AWS_SESSION_TOKEN"_s, exported.value(u"SessionToken"_s).toString());
    withKeys.insert(u"AWS_REGION"_s, u"us-east-1"_s);
    const e2e::ProcessRun run
        = e2e::runProcess(QStringLiteral(LOOKOUT_BINARY), { u"list"_s }, withKeys);
    QVERIFY2(run.exitCode == 0, run.err.constData());
    // And lookout-desk, from the same cache file, is given keys of its own by the same portal.
    const e2e::ProcessRun own = e2e::runProcess(QStringLiteral(LOOKOUT_BINARY),
        { u"list"_s, u"--profile"_s, profile, u"--debug"_s }, this->environment());
    QVERIFY2(own.exitCode == 0, own.err.constData());
    QVERIFY2(own.err.contains(" with ASIA\xe2\x80\xa6"), own.err.constData());
}

std::unique_ptr<QProcess> TestSsoProfiles::startLogin(
    const QString &profile, bool approve, QString *code)
{
    auto process = std::make_unique<QProcess>();
    process->setProcessEnvironment(environment());
    process->start(QStringLiteral(LOOKOUT_BINARY),
        { u"sso"_s, u"login"_s, u"--profile"_s, profile, u"--no-browser"_s });
    const QRegularExpression codeLine(u"\n\n([A-Z]{4}-[A-Z]{4})\n"_s);
    QByteArray shown;
    const bool shownOrEnded = QTest::qWaitFor(
        [&] {
            shown += process->readAllStandardOutput();
            return codeLine.match(QString::fromUtf8(shown)).hasMatch()
                || process->state() == QProcess::NotRunning;
        },
        60'000);
    *code = shownOrEnded ? codeLine.match(QString::fromUtf8(shown)).captured(1) : QString();
    process->setProperty("shown", shown);
    if (code->isEmpty())
        return process;
    QNetworkAccessManager network;
    QUrl decide = m_emulator->endpoint();
    decide.setPath(approve ? u"/_emulator/sso/approve"_s : u"/_emulator/sso/deny"_s);
    decide.setQuery(u"user_code="_s + *code);
    const std::unique_ptr<QNetworkReply> reply(network.get(QNetworkRequest(decide)));
    if (!QTest::qWaitFor([&] { return reply->isFinished(); }, 20'000)
        || reply->error() != QNetworkReply::NoError)
        code->clear(); // the caller's check then fails
    return process;
}

void TestSsoProfiles::ssoLogin_approved_cachesTheToken_forTheCommands_data()
{
    data();
}

void TestSsoProfiles::ssoLogin_approved_cachesTheToken_forTheCommands()
{
    QFETCH(QString, profile);
    QFETCH(QString, tokenName);
    QString code;
    const std::unique_ptr<QProcess> login = startLogin(profile, true, &code);
    QVERIFY2(!code.isEmpty(), login->property("shown").toByteArray().constData());
    // The emulator asks for one poll per second and slows a faster client down; the wait is for
    // the process to end, however many polls that takes.
    QVERIFY(QTest::qWaitFor([&] { return login->state() == QProcess::NotRunning; }, 60'000));
    const QByteArray out = login->property("shown").toByteArray() + login->readAllStandardOutput();
    QVERIFY2(login->exitCode() == 0, login->readAllStandardError().constData());
    const QByteArray page = m_emulator->endpoint().toString().toUtf8() + "/_emulator/sso/device";
    QCOMPARE(out,
        "Browser will not be automatically opened.\nPlease visit the following URL:\n\n" + page
            + "\n\nThen enter the code:\n\n" + code.toUtf8()
            + "\n\nAlternatively, you may visit the following URL which will autofill the code "
              "upon loading:\n"
            + page + "?user_code=" + code.toUtf8()
            + "\nSuccessfully logged into Start URL: " + kStartUrl.toUtf8() + "\n");

    const QString file = aws::ssoTokenCacheFile(cacheDirectory(), tokenName);
    QVERIFY(QFile::exists(file));
    QCOMPARE(QFile::permissions(file)
            & ~(QFile::ReadOwner | QFile::WriteOwner | QFile::ReadUser | QFile::WriteUser),
        QFile::Permissions());
    const auto cached = aws::loadSsoToken(cacheDirectory(), tokenName);
    QVERIFY(cached.ok());
    QVERIFY(!cached.value().refreshToken.isEmpty());
    QVERIFY(!out.contains(cached.value().accessToken.toUtf8()));

    const e2e::ProcessRun run = e2e::runProcess(
        QStringLiteral(LOOKOUT_BINARY), { u"list"_s, u"--profile"_s, profile }, environment());
    QVERIFY2(run.exitCode == 0, run.err.constData());
}

void TestSsoProfiles::ssoLogin_denied_isTheServicesError()
{
    QString code;
    const std::unique_ptr<QProcess> login = startLogin(u"dev"_s, false, &code);
    QVERIFY(!code.isEmpty());
    QVERIFY(QTest::qWaitFor([&] { return login->state() == QProcess::NotRunning; }, 60'000));
    QCOMPARE(login->readAllStandardError(),
        QByteArray("\nAn error occurred (AccessDeniedException) when calling the CreateToken "
                   "operation: The user denied the authorization\n"));
    QCOMPARE(login->exitCode(), 254);
    QVERIFY(!QFile::exists(aws::ssoTokenCacheFile(cacheDirectory(), u"corp"_s)));
}

void TestSsoProfiles::ssoLogin_profileWithoutSso_isTheCliSentence_exit253()
{
    QFile config(m_home->filePath(u".aws/config"_s));
    QVERIFY(config.open(QIODevice::Append));
    QVERIFY(config.write("[profile plain]\nregion = us-east-1\n"
                         "[profile lost]\nsso_session = gone\n")
        > 0);
    config.close();
    const e2e::ProcessRun plain = e2e::runProcess(QStringLiteral(LOOKOUT_BINARY),
        { u"sso"_s, u"login"_s, u"--profile"_s, u"plain"_s }, environment());
    QCOMPARE(plain.exitCode, 253);
    QCOMPARE(plain.err,
        QByteArray("\nMissing the following required SSO configuration values: sso_start_url, "
                   "sso_region. To make sure this profile is properly configured to use SSO, "
                   "please run: aws configure sso\n"));
    const e2e::ProcessRun lost = e2e::runProcess(QStringLiteral(LOOKOUT_BINARY),
        { u"sso"_s, u"login"_s, u"--profile"_s, u"lost"_s }, environment());
    QCOMPARE(lost.exitCode, 253);
    QCOMPARE(lost.err, QByteArray("\nThe specified sso-session does not exist: \"gone\"\n"));

    const e2e::AwsCliChoice choice = e2e::awsCli(2);
    if (!choice.cli)
        QSKIP(qPrintable(
            u"lookout-desk checked; the CLI comparison is skipped: "_s + choice.missing));
    for (const QString &profile : { u"plain"_s, u"lost"_s }) {
        const e2e::ProcessRun cli = e2e::runProcess(choice.cli->program,
            { u"sso"_s, u"login"_s, u"--profile"_s, profile, u"--no-browser"_s }, environment());
        QCOMPARE(cli.exitCode, 253);
        QCOMPARE(cli.err, profile == u"plain"_s ? plain.err : lost.err);
    }
}

QTEST_GUILESS_MAIN(TestSsoProfiles)
#include "tst_ssoprofiles.moc"
