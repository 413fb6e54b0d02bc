// The credential chain's assumed roles and web identities end to end: ConfigResolver resolves a
// profile from files in a private home, the chain calls the emulator's STS over loopback (AWS
// Query, XML), and the temporary keys it gets sign a Lookout for Equipment call. Counts the
// emulator's requests: one STS round trip per role hop, none while cached credentials are valid.
#include "aws/awsjsonclient.h"
#include "aws/configresolver.h"
#include "core/clock.h"
#include "emulator/emulator.h"
#include "servicedescriptions.h"

#include <QNetworkAccessManager>
#include <QTemporaryDir>
#include <QtTest>

using aws::AwsCredentials;
using aws::Result;
using emulator::Emulator;
using emulator::EmulatorOptions;

namespace {

const QByteArray kDemoKeys = "aws_access_key_id = AKIALOOKOUTDESKDEMO1\n"
                             "aws_secret_access_key = LookoutDeskDemoSecretKeyForTheEmulator00\n";

bool writeFile(const QString &path, const QByteArray &text)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(text) == text.size();
}

std::optional<Result<AwsCredentials>> fetchNow(aws::CredentialsProvider &provider)
{
    std::optional<Result<AwsCredentials>> outcome;
    provider.fetch(nullptr, [&](const Result<AwsCredentials> &result) { outcome = result; });
    if (!QTest::qWaitFor([&] { return outcome.has_value(); }, 20'000))
        return std::nullopt;
    return outcome;
}

QString keyOrError(const std::optional<Result<AwsCredentials>> &outcome)
{
    if (!outcome)
        return QStringLiteral("no answer");
    return outcome->ok() ? outcome->value().accessKeyId
                         : QStringLiteral("error: ") + outcome->error().toString();
}

// The real time plus an offset the test moves: the emulator checks signatures and expirations
// against it while the clients sign with the real time.
class OffsetClock final : public core::Clock {
public:
    QDateTime now() const override { return QDateTime::currentDateTimeUtc().addSecs(offset); }
    qint64 offset = 0;
};

} // namespace

class TestCredentialChainSts : public QObject {
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void roleViaSourceProfile_signsLookoutCalls();
    void cachedCredentials_costNoRequest_invalidateAsksAgain();
    void concurrentFetches_shareOneAssumeRole();
    void chainOfTwo_oneRoundTripPerHop();
    void credentialSourceEnvironment();
    void roleSessionName_defaultsAsTheCli();
    void webIdentity_tokenFileReadAtEachRefresh();
    void webIdentity_fromTheEnvironment();
    void webIdentity_missingOrHugeTokenFile_isAClearError();
    void accessDenied_asTheCliWordsIt();
    void mfa_codeAskedAndSent();
    void mfa_wrongOrNoCode_andNoPrompt();
    void expiredTokenAnswer_assumesTheRoleAgainAndRetriesOnce();
    void unreachableSts_isANetworkError();
    void invalidStsSetting_isReportedOnFetch();

private:
    std::unique_ptr<aws::ConfigResolver> resolver(const QStringList &environment);
    Result<aws::ResolvedConfig> resolve(
        const QString &profile, const QStringList &environment = {});
    quint64 requests() const { return m_emulator->counters().requests; }

    std::unique_ptr<QTemporaryDir> m_home;
    std::unique_ptr<Emulator> m_emulator;
    std::unique_ptr<aws::ConfigResolver> m_resolver;
    QDateTime m_now;
    aws::MfaPrompt m_mfaPrompt;
};

void TestCredentialChainSts::init()
{
    m_home = std::make_unique<QTemporaryDir>();
    QVERIFY(m_home->isValid());
    EmulatorOptions options;
    options.fleetSize = 5;
    options.ownThread = false;
    options.deniedOperations = { QStringLiteral("StopInferenceScheduler") };
    m_emulator = std::make_unique<Emulator>(options);
    QVERIFY2(m_emulator->start(), qPrintable(m_emulator->errorString()));
    m_now = QDateTime::currentDateTimeUtc();
    m_mfaPrompt = nullptr;
}

void TestCredentialChainSts::cleanup()
{
    m_resolver.reset();
    m_emulator.reset();
}

std::unique_ptr<aws::ConfigResolver> TestCredentialChainSts::resolver(
    const QStringList &environment)
{
    QProcessEnvironment env;
    env.insert(QStringLiteral("AWS_ENDPOINT_URL"), m_emulator->endpoint().toString());
    env.insert(QStringLiteral("AWS_REGION"), QStringLiteral("us-east-1"));
    for (const QString &assignment : environment)
        env.insert(assignment.section(u'=', 0, 0), assignment.section(u'=', 1));
    auto made = std::make_unique<aws::ConfigResolver>(env, m_home->path());
    made->setNow([this] { return m_now; });
    made->setMfaPrompt(m_mfaPrompt);
    return made;
}

Result<aws::ResolvedConfig> TestCredentialChainSts::resolve(
    const QString &profile, const QStringList &environment)
{
    m_resolver = resolver(environment);
    aws::RequestedConfig request;
    request.profile = profile;
    return m_resolver->resolve(testsupport::lookoutEquipmentService(), request);
}

void TestCredentialChainSts::roleViaSourceProfile_signsLookoutCalls()
{
    QVERIFY(writeFile(m_home->filePath(".aws/config"),
        "[profile dev]\n" + kDemoKeys
            + "[profile reader]\nrole_arn = arn:aws:iam::123456789012:role/reader\n"
              "source_profile = dev\nrole_session_name = alice\nduration_seconds = 1800\n"));
    const Result<aws::ResolvedConfig> config = resolve(QStringLiteral("reader"));
    QVERIFY2(config.ok(), qPrintable(config.ok() ? QString() : config.error().toString()));
    const auto credentials = fetchNow(*config.value().credentials);
    QVERIFY2(keyOrError(credentials).startsWith(QLatin1String("ASIA")),
        qPrintable(keyOrError(credentials)));
    QVERIFY(credentials->value().hasSessionToken());
    QVERIFY(qAbs(credentials->value().expiration->secsTo(m_now.addSecs(1800))) < 120);
    const QString description = config.value().credentials->description();
    QVERIFY2(description.startsWith(QLatin1String("assume role "
                                                  "arn:aws:iam::123456789012:role/reader via "
                                                  "profile dev (source_profile); the credentials "
                                                  "expire at ")),
        qPrintable(description));
    QVERIFY(!description.contains(credentials->value().accessKeyId));

    QNetworkAccessManager network;
    aws::AwsJsonClient client(
        &network, config.value().clientSettings(), config.value().credentials);
    std::optional<Result<QByteArray>> listed;
    client.call("ListInferenceSchedulers", "{}", nullptr,
        [&](const Result<QByteArray> &result) { listed = result; });
    QVERIFY(QTest::qWaitFor([&] { return listed.has_value(); }, 20'000));
    QVERIFY2(listed->ok(), qPrintable(listed->ok() ? QString() : listed->error().toString()));
}

void TestCredentialChainSts::cachedCredentials_costNoRequest_invalidateAsksAgain()
{
    QVERIFY(writeFile(m_home->filePath(".aws/config"),
        "[profile dev]\n" + kDemoKeys
            + "[profile reader]\nrole_arn = arn:aws:iam::123456789012:role/reader\n"
              "source_profile = dev\n"));
    const Result<aws::ResolvedConfig> config = resolve(QStringLiteral("reader"));
    QVERIFY(config.ok());
    const quint64 before = requests();
    const QString first = keyOrError(fetchNow(*config.value().credentials));
    QVERIFY2(first.startsWith(QLatin1String("ASIA")), qPrintable(first));
    QCOMPARE(requests(), before + 1);
    QCOMPARE(keyOrError(fetchNow(*config.value().credentials)), first);
    QCOMPARE(requests(), before + 1);

    // Inside the advisory window (15 minutes before the hour's end) the role is asked again.
    m_now = m_now.addSecs(50 * 60);
    QCOMPARE(keyOrError(fetchNow(*config.value().credentials)), first); // the same session
    QCOMPARE(requests(), before + 2);

    config.value().credentials->invalidate();
    QCOMPARE(keyOrError(fetchNow(*config.value().credentials)).left(4), QStringLiteral("ASIA"));
    QCOMPARE(requests(), before + 3);
}

void TestCredentialChainSts::concurrentFetches_shareOneAssumeRole()
{
    QVERIFY(writeFile(m_home->filePath(".aws/config"),
        "[profile dev]\n" + kDemoKeys
            + "[profile reader]\nrole_arn = arn:aws:iam::123456789012:role/reader\n"
              "source_profile = dev\n"));
    const Result<aws::ResolvedConfig> config = resolve(QStringLiteral("reader"));
    QVERIFY(config.ok());
    const quint64 before = requests();
    QStringList keys;
    for (int i = 0; i < 3; ++i)
        config.value().credentials->fetch(nullptr, [&](const Result<AwsCredentials> &result) {
            keys.append(result.ok() ? result.value().accessKeyId : result.error().toString());
        });
    QVERIFY(QTest::qWaitFor([&] { return keys.size() == 3; }, 20'000));
    QVERIFY2(keys[0].startsWith(QLatin1String("ASIA")), qPrintable(keys[0]));
    QCOMPARE(keys, QStringList(3, keys[0]));
    QCOMPARE(requests(), before + 1);
}

void TestCredentialChainSts::chainOfTwo_oneRoundTripPerHop()
{
    QVERIFY(writeFile(m_home->filePath(".aws/credentials"), "[dev]\n" + kDemoKeys));
    QVERIFY(writeFile(m_home->filePath(".aws/config"),
        "[profile hop1]\nrole_arn = arn:aws:iam::123456789012:role/hop1\nsource_profile = dev\n"
        "role_session_name = one\n"
        "[profile hop2]\nrole_arn = arn:aws:iam::210987654321:role/hop2\nsource_profile = hop1\n"
        "role_session_name = two\n"));
    const Result<aws::ResolvedConfig> viaOne = resolve(QStringLiteral("hop1"));
    const QString hop1 = keyOrError(fetchNow(*viaOne.value().credentials));
    const Result<aws::ResolvedConfig> config = resolve(QStringLiteral("hop2"));
    QVERIFY(config.ok());
    const quint64 before = requests();
    const QString key = keyOrError(fetchNow(*config.value().credentials));
    QVERIFY2(key.startsWith(QLatin1String("ASIA")), qPrintable(key));
    QVERIFY(key != hop1);
    QCOMPARE(requests(), before + 2);
}

void TestCredentialChainSts::credentialSourceEnvironment()
{
    QVERIFY(writeFile(m_home->filePath(".aws/config"),
        "[profile ci]\nrole_arn = arn:aws:iam::123456789012:role/ci\n"
        "credential_source = Environment\n"));
    const Result<aws::ResolvedConfig> config = resolve(QStringLiteral("ci"),
        { "AWS_ACCESS_KEY_ID=AKIALOOKOUTDESKDEMO1",
            "AWS_SECRET_ACCESS_KEY=LookoutDeskDemoSecretKeyForTheEmulator00" });
    QVERIFY(config.ok());
    const QString key = keyOrError(fetchNow(*config.value().credentials));
    QVERIFY2(key.startsWith(QLatin1String("ASIA")), qPrintable(key));
}

void TestCredentialChainSts::roleSessionName_defaultsAsTheCli()
{
    QVERIFY(writeFile(m_home->filePath(".aws/config"),
        "[profile dev]\n" + kDemoKeys
            + "[profile reader]\nrole_arn = arn:aws:iam::123456789012:role/reader\n"
              "source_profile = dev\n"));
    const Result<aws::ResolvedConfig> config = resolve(QStringLiteral("reader"));
    const QString key = keyOrError(fetchNow(*config.value().credentials));
    QVERIFY2(key.startsWith(QLatin1String("ASIA")), qPrintable(key));
    // The emulator derives the key from the role and the session name: the CLI's default name,
    // botocore-session-<the chain's time>, gives the same key when asked for directly.
    QVERIFY(writeFile(m_home->filePath(".aws/config"),
        "[profile dev]\n" + kDemoKeys
            + "[profile named]\nrole_arn = arn:aws:iam::123456789012:role/reader\n"
              "source_profile = dev\nrole_session_name = botocore-session-"
            + QByteArray::number(m_now.toSecsSinceEpoch()) + "\n"));
    const Result<aws::ResolvedConfig> named = resolve(QStringLiteral("named"));
    QCOMPARE(keyOrError(fetchNow(*named.value().credentials)), key);
}

void TestCredentialChainSts::webIdentity_tokenFileReadAtEachRefresh()
{
    const QString tokenFile = m_home->filePath(QStringLiteral("token"));
    QVERIFY(writeFile(tokenFile, "eyJhbGciOi.eyJzdWIiOi.c2lnbmF0dXJl\n"));
    QVERIFY(writeFile(m_home->filePath(".aws/config"),
        "[profile pod]\nrole_arn = arn:aws:iam::123456789012:role/pod\n"
        "web_identity_token_file = "
            + tokenFile.toUtf8() + "\nrole_session_name = pod\n"));
    const Result<aws::ResolvedConfig> config = resolve(QStringLiteral("pod"));
    QVERIFY(config.ok());
    const QString key = keyOrError(fetchNow(*config.value().credentials));
    QVERIFY2(key.startsWith(QLatin1String("ASIA")), qPrintable(key));

    // The token rotated to one STS refuses: the next refresh reads it (inside the mandatory
    // window the refusal is the answer).
    QVERIFY(writeFile(tokenFile, "revoked"));
    m_now = m_now.addSecs(55 * 60);
    const auto refreshed = fetchNow(*config.value().credentials);
    QVERIFY(refreshed && !refreshed->ok());
    QCOMPARE(refreshed->error().code, QStringLiteral("InvalidIdentityToken"));
    QVERIFY2(refreshed->error().toString().startsWith(
                 QLatin1String("An error occurred (InvalidIdentityToken) when calling the "
                               "AssumeRoleWithWebIdentity operation: ")),
        qPrintable(refreshed->error().toString()));
}

void TestCredentialChainSts::webIdentity_fromTheEnvironment()
{
    const QString tokenFile = m_home->filePath(QStringLiteral("token"));
    QVERIFY(writeFile(tokenFile, "eyJhbGciOi.eyJzdWIiOi.c2lnbmF0dXJl"));
    const Result<aws::ResolvedConfig> config = resolve({},
        { QStringLiteral("AWS_WEB_IDENTITY_TOKEN_FILE=") + tokenFile,
            "AWS_ROLE_ARN=arn:aws:iam::123456789012:role/pod", "AWS_ROLE_SESSION_NAME=envpod" });
    QVERIFY2(config.ok(), qPrintable(config.ok() ? QString() : config.error().toString()));
    const QString key = keyOrError(fetchNow(*config.value().credentials));
    QVERIFY2(key.startsWith(QLatin1String("ASIA")), qPrintable(key));
}

void TestCredentialChainSts::webIdentity_missingOrHugeTokenFile_isAClearError()
{
    const QString tokenFile = m_home->filePath(QStringLiteral("token"));
    QVERIFY(writeFile(m_home->filePath(".aws/config"),
        "[profile pod]\nrole_arn = arn:aws:iam::123456789012:role/pod\n"
        "web_identity_token_file = "
            + tokenFile.toUtf8() + "\n"));
    const quint64 before = requests();
    Result<aws::ResolvedConfig> config = resolve(QStringLiteral("pod"));
    QString error = keyOrError(fetchNow(*config.value().credentials));
    QVERIFY2(
        error.contains(QLatin1String("Unable to read the web identity token file: ") + tokenFile),
        qPrintable(error));

    QVERIFY(writeFile(tokenFile, QByteArray(aws::kMaxWebIdentityTokenBytes + 1, 'a')));
    config = resolve(QStringLiteral("pod"));
    error = keyOrError(fetchNow(*config.value().credentials));
    QVERIFY2(
        error.contains(QLatin1String("a token is at most 20,000 characters")), qPrintable(error));

    QVERIFY(writeFile(tokenFile, "\n"));
    config = resolve(QStringLiteral("pod"));
    error = keyOrError(fetchNow(*config.value().credentials));
    QVERIFY2(error.contains(QLatin1String("is empty")), qPrintable(error));
    QCOMPARE(requests(), before); // nothing was sent
}

void TestCredentialChainSts::expiredTokenAnswer_assumesTheRoleAgainAndRetriesOnce()
{
    m_emulator.reset();
    auto clock = std::make_shared<OffsetClock>();
    EmulatorOptions options;
    options.fleetSize = 5;
    options.ownThread = false;
    options.requestClock = clock;
    m_emulator = std::make_unique<Emulator>(options);
    QVERIFY(m_emulator->start());
    QVERIFY(writeFile(m_home->filePath(".aws/config"),
        "[profile dev]\n" + kDemoKeys
            + "[profile reader]\nrole_arn = arn:aws:iam::123456789012:role/reader\n"
              "source_profile = dev\nrole_session_name = retry\n"));
    const Result<aws::ResolvedConfig> config = resolve(QStringLiteral("reader"));
    QNetworkAccessManager network;
    aws::AwsJsonClient client(
        &network, config.value().clientSettings(), config.value().credentials);
    const auto list = [&] {
        std::optional<Result<QByteArray>> listed;
        client.call("ListInferenceSchedulers", "{}", nullptr,
            [&](const Result<QByteArray> &result) { listed = result; });
        if (!QTest::qWaitFor([&] { return listed.has_value(); }, 20'000))
            return QStringLiteral("no answer");
        return listed->ok() ? QStringLiteral("ok") : listed->error().toString();
    };
    QCOMPARE(list(), QStringLiteral("ok"));
    const quint64 before = requests();

    // For the emulator an hour and five minutes pass; for the chain the credentials still look
    // valid, so it is the service's ExpiredTokenException that makes it ask STS again.
    clock->offset = 65 * 60;
    QCOMPARE(list(), QStringLiteral("ok"));
    // The list refused as skewed, again with the corrected clock (ExpiredTokenException),
    // AssumeRole refused as skewed and sent again, then the list once more.
    QCOMPARE(requests() - before, quint64(5));
}

void TestCredentialChainSts::mfa_codeAskedAndSent()
{
    QVERIFY(writeFile(m_home->filePath(".aws/config"),
        "[profile dev]\n" + kDemoKeys
            + "[profile admin]\nrole_arn = arn:aws:iam::123456789012:role/admin\n"
              "source_profile = dev\nmfa_serial = arn:aws:iam::123456789012:mfa/alice\n"));
    QStringList asked;
    m_mfaPrompt = [&](const QString &profile, const QString &serial, auto answer) {
        asked.append(profile + u' ' + serial);
        answer(QStringLiteral("123456"));
    };
    const Result<aws::ResolvedConfig> config = resolve(QStringLiteral("admin"));
    const quint64 before = requests();
    const QString key = keyOrError(fetchNow(*config.value().credentials));
    QVERIFY2(key.startsWith(QLatin1String("ASIA")), qPrintable(key));
    QCOMPARE(asked, QStringList { "admin arn:aws:iam::123456789012:mfa/alice" });
    QCOMPARE(requests(), before + 1);
    // Cached: no second question.
    QCOMPARE(keyOrError(fetchNow(*config.value().credentials)), key);
    QCOMPARE(asked.size(), 1);
}

void TestCredentialChainSts::mfa_wrongOrNoCode_andNoPrompt()
{
    QVERIFY(writeFile(m_home->filePath(".aws/config"),
        "[profile dev]\n" + kDemoKeys
            + "[profile admin]\nrole_arn = arn:aws:iam::123456789012:role/admin\n"
              "source_profile = dev\nmfa_serial = arn:aws:iam::123456789012:mfa/alice\n"));
    m_mfaPrompt
        = [](const QString &, const QString &, auto answer) { answer(QStringLiteral("000000")); };
    Result<aws::ResolvedConfig> config = resolve(QStringLiteral("admin"));
    QCOMPARE(keyOrError(fetchNow(*config.value().credentials)),
        QStringLiteral("error: An error occurred (AccessDenied) when calling the AssumeRole "
                       "operation: MultiFactorAuthentication failed with invalid MFA one time "
                       "pass code."));

    m_mfaPrompt = [](const QString &, const QString &, auto answer) { answer(std::nullopt); };
    config = resolve(QStringLiteral("admin"));
    QCOMPARE(keyOrError(fetchNow(*config.value().credentials)),
        QStringLiteral("error: No MFA code was given for arn:aws:iam::123456789012:mfa/alice."));

    m_mfaPrompt = nullptr;
    const quint64 before = requests();
    config = resolve(QStringLiteral("admin"));
    const QString error = keyOrError(fetchNow(*config.value().credentials));
    QVERIFY2(error.contains(QLatin1String("The profile admin assumes its role with the MFA device "
                                          "arn:aws:iam::123456789012:mfa/alice, and the code can "
                                          "be typed only in a terminal")),
        qPrintable(error));
    QCOMPARE(requests(), before);
}

void TestCredentialChainSts::accessDenied_asTheCliWordsIt()
{
    m_emulator.reset();
    EmulatorOptions options;
    options.fleetSize = 5;
    options.ownThread = false;
    options.deniedOperations = { QStringLiteral("AssumeRole") };
    m_emulator = std::make_unique<Emulator>(options);
    QVERIFY(m_emulator->start());
    QVERIFY(writeFile(m_home->filePath(".aws/config"),
        "[profile dev]\n" + kDemoKeys
            + "[profile reader]\nrole_arn = arn:aws:iam::123456789012:role/reader\n"
              "source_profile = dev\n"));
    const Result<aws::ResolvedConfig> config = resolve(QStringLiteral("reader"));
    const auto outcome = fetchNow(*config.value().credentials);
    QVERIFY(outcome && !outcome->ok());
    QCOMPARE(outcome->error().toString(),
        QStringLiteral("An error occurred (AccessDenied) when calling the AssumeRole operation: "
                       "User: arn:aws:iam::123456789012:user/emulator is not authorized to "
                       "perform: sts:AssumeRole on resource: "
                       "arn:aws:iam::123456789012:role/reader"));
    QCOMPARE(outcome->error().exitCode(), 254);
}

void TestCredentialChainSts::unreachableSts_isANetworkError()
{
    QVERIFY(writeFile(m_home->filePath(".aws/config"),
        "[profile dev]\n" + kDemoKeys
            + "[profile reader]\nrole_arn = arn:aws:iam::123456789012:role/reader\n"
              "source_profile = dev\n"));
    // A port nothing listens on: the emulator's, once it has stopped.
    const QString endpoint = m_emulator->endpoint().toString();
    m_emulator->stop();
    const Result<aws::ResolvedConfig> config = resolve(QStringLiteral("reader"),
        { QStringLiteral("AWS_ENDPOINT_URL_STS=") + endpoint, "AWS_MAX_ATTEMPTS=1" });
    const auto outcome = fetchNow(*config.value().credentials);
    QVERIFY(outcome && !outcome->ok());
    QCOMPARE(outcome->error().kind, aws::AwsError::Kind::Network);
    QCOMPARE(outcome->error().operation, QStringLiteral("AssumeRole"));
}

void TestCredentialChainSts::invalidStsSetting_isReportedOnFetch()
{
    // Resolving succeeds (the Lookout settings are fine); the credentials say what is wrong,
    // before any request.
    QVERIFY(writeFile(m_home->filePath(".aws/config"),
        "[profile dev]\n" + kDemoKeys
            + "[profile reader]\nrole_arn = arn:aws:iam::1:role/r\nsource_profile = dev\n"
              "sts_regional_endpoints = bogus\n"));
    QProcessEnvironment env;
    env.insert(QStringLiteral("AWS_REGION"), QStringLiteral("eu-west-1"));
    m_resolver = std::make_unique<aws::ConfigResolver>(env, m_home->path());
    aws::RequestedConfig request;
    request.profile = QStringLiteral("reader");
    const Result<aws::ResolvedConfig> config
        = m_resolver->resolve(testsupport::lookoutEquipmentService(), request);
    QVERIFY(config.ok());
    const auto outcome = fetchNow(*config.value().credentials);
    QVERIFY(outcome && !outcome->ok());
    QVERIFY2(outcome->error().message.startsWith(
                 QLatin1String("STS regional endpoints option bogus is invalid (from profile "
                               "reader in ")),
        qPrintable(outcome->error().message));
}

QTEST_GUILESS_MAIN(TestCredentialChainSts)
#include "tst_credentialchain_sts.moc"
