// IAM Identity Center credentials end to end against the emulator on loopback: a token signed in
// through the emulator's device flow and cached as `aws sso login` caches it, then the chain's
// SSO source: role credentials with their expiry, refreshed ahead of it; an sso-session token near
// its end refreshed through CreateToken and written back; the CLI's sentences for a missing,
// expired or rejected token; an unreachable portal.
#include "aws/awsprofiles.h"
#include "aws/credentialchain.h"
#include "aws/ssoclient.h"
#include "aws/ssotokencache.h"
#include "emulator/emulator.h"
#include "emulatorssosignin.h"

#include <QTemporaryDir>
#include <QtTest>

#include <sys/stat.h>

using aws::AwsCredentials;
using aws::CredentialChain;
using aws::Result;

namespace {

const QString kStartUrl = QStringLiteral("https://corp.awsapps.com/start");

QByteArray sessionConfig(const QString &extra = {})
{
    return QStringLiteral("[sso-session corp]\nsso_start_url = %1\nsso_region = us-east-1\n"
                          "[profile dev]\nsso_session = corp\nsso_account_id = 111122223333\n"
                          "sso_role_name = ReadOnly\n%2"
                          "[profile legacy]\nsso_start_url = %1\nsso_region = us-east-1\n"
                          "sso_account_id = 111122223333\nsso_role_name = ReadOnly\n")
        .arg(kStartUrl, extra)
        .toUtf8();
}

// The error's sentence, or nothing when there is none (QVERIFY2 evaluates its message always).
QString problem(const Result<AwsCredentials> &result)
{
    return result.ok() ? QString() : result.error().toString();
}

template<typename T> std::optional<Result<T>> wait(std::optional<Result<T>> &slot)
{
    if (!QTest::qWaitFor([&] { return slot.has_value(); }, 20'000))
        return std::nullopt;
    return slot;
}

} // namespace

class TestSsoCredentials : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();

    void sessionProfile_cachedToken_givesRoleCredentialsWithExpiry();
    void legacyProfile_cachedToken_givesRoleCredentials();
    void noCachedToken_isBotocoresSentence_exit253();
    void legacyProfile_expiredToken_isTheCliSentence_withoutACall();
    void sessionProfile_tokenNearItsEnd_isRefreshed_andWrittenBack();
    void sessionProfile_expiredToken_refreshRefused_isTheCliSentence();
    void rejectedToken_isTheCliSentence();
    void chain_refreshesRoleCredentialsAheadOfExpiry();
    void unreachablePortal_isANetworkError();
    void brokenCacheFile_isAnErrorNamingIt();

private:
    // The device flow against the emulator, as `aws sso login` runs it; the token as cached.
    aws::SsoToken signIn();
    void cache(const QString &name, const aws::SsoToken &token);
    std::shared_ptr<CredentialChain> chain(
        const QString &profile, const QStringList &environment = {});
    std::optional<Result<AwsCredentials>> fetch(CredentialChain &chain);
    QString tokenFile(const QString &name) const
    {
        return aws::ssoTokenCacheFile(aws::ssoTokenCacheDirectory(m_home->path()), name);
    }

    std::unique_ptr<emulator::Emulator> m_emulator;
    std::unique_ptr<QTemporaryDir> m_home;
    QDateTime m_now;
};

void TestSsoCredentials::initTestCase()
{
    emulator::EmulatorOptions options;
    options.fleetSize = 3;
    m_emulator = std::make_unique<emulator::Emulator>(options);
    QVERIFY2(m_emulator->start(), qPrintable(m_emulator->errorString()));
}

void TestSsoCredentials::init()
{
    m_home = std::make_unique<QTemporaryDir>();
    QVERIFY(m_home->isValid());
    QVERIFY(QDir().mkpath(m_home->filePath(QStringLiteral(".aws"))));
    QFile config(m_home->filePath(QStringLiteral(".aws/config")));
    QVERIFY(config.open(QIODevice::WriteOnly));
    QVERIFY(config.write(sessionConfig()) > 0);
    m_now = QDateTime::currentDateTimeUtc();
}

aws::SsoToken TestSsoCredentials::signIn()
{
    return signInAtEmulator(m_emulator->endpoint(), kStartUrl, QStringLiteral("us-east-1"), m_now);
}

void TestSsoCredentials::cache(const QString &name, const aws::SsoToken &token)
{
    QCOMPARE(
        aws::saveSsoToken(aws::ssoTokenCacheDirectory(m_home->path()), name, token), QString());
}

std::shared_ptr<CredentialChain> TestSsoCredentials::chain(
    const QString &profile, const QStringList &environment)
{
    QProcessEnvironment env;
    env.insert(QStringLiteral("AWS_ENDPOINT_URL"), m_emulator->endpoint().toString());
    env.insert(QStringLiteral("AWS_CONFIG_FILE"), m_home->filePath(QStringLiteral(".aws/config")));
    for (const QString &assignment : environment)
        env.insert(assignment.section(u'=', 0, 0), assignment.section(u'=', 1));
    const QString home = m_home->path();
    auto selector = [profile, env, home] {
        return aws::selectCredentialSource(aws::selectProfile(profile, env), env,
            aws::AwsProfiles::load(env, home), nullptr, home);
    };
    return std::make_shared<CredentialChain>(
        selector, nullptr, aws::CredentialProcessOptions {}, [this] { return m_now; });
}

std::optional<Result<AwsCredentials>> TestSsoCredentials::fetch(CredentialChain &chain)
{
    std::optional<Result<AwsCredentials>> outcome;
    chain.fetch(nullptr, [&](const Result<AwsCredentials> &result) { outcome = result; });
    return wait(outcome);
}

void TestSsoCredentials::sessionProfile_cachedToken_givesRoleCredentialsWithExpiry()
{
    const aws::SsoToken token = signIn();
    QVERIFY(!token.accessToken.isEmpty());
    cache(QStringLiteral("corp"), token);
    const auto provider = chain(QStringLiteral("dev"));
    const QString source = QStringLiteral(
        "IAM Identity Center session corp, account 111122223333, role ReadOnly (profile dev)");
    QCOMPARE(provider->description(), source);
    const auto credentials = fetch(*provider);
    QVERIFY(credentials);
    QVERIFY2(credentials->ok(), qPrintable(problem(*credentials)));
    QVERIFY(credentials->value().accessKeyId.startsWith(QLatin1String("ASIA")));
    QVERIFY(credentials->value().hasSessionToken());
    QVERIFY(credentials->value().expiration);
    // The emulator's role credentials last an hour from when they were issued.
    const qint64 left = QDateTime::currentDateTimeUtc().secsTo(*credentials->value().expiration);
    QVERIFY2(left > 3500 && left <= 3600, qPrintable(QString::number(left)));
    QCOMPARE(credentials->value().source, source);
    // Once fetched, the chain's description also says when they expire.
    QCOMPARE(provider->description(),
        source + QStringLiteral("; the credentials expire at ")
            + credentials->value().expiration->toString(Qt::ISODate));
    // Cached: a second fetch costs no call and gives the same keys.
    const auto again = fetch(*provider);
    QVERIFY(again && again->ok());
    QCOMPARE(again->value().accessKeyId, credentials->value().accessKeyId);
}

void TestSsoCredentials::legacyProfile_cachedToken_givesRoleCredentials()
{
    cache(kStartUrl, signIn());
    QVERIFY(QFile::exists(tokenFile(kStartUrl)));
    const auto credentials = fetch(*chain(QStringLiteral("legacy")));
    QVERIFY(credentials);
    QVERIFY2(credentials->ok(), qPrintable(problem(*credentials)));
    QVERIFY(credentials->value().accessKeyId.startsWith(QLatin1String("ASIA")));
}

void TestSsoCredentials::noCachedToken_isBotocoresSentence_exit253()
{
    const auto session = fetch(*chain(QStringLiteral("dev")));
    QVERIFY(session && !session->ok());
    QCOMPARE(session->error().toString(),
        QStringLiteral("Error loading SSO Token: Token for corp does not exist"));
    QCOMPARE(session->error().exitCode(), 253);
    const auto legacy = fetch(*chain(QStringLiteral("legacy")));
    QVERIFY(legacy && !legacy->ok());
    QCOMPARE(legacy->error().toString(),
        QStringLiteral("Error loading SSO Token: Token for %1 does not exist").arg(kStartUrl));
}

void TestSsoCredentials::legacyProfile_expiredToken_isTheCliSentence_withoutACall()
{
    aws::SsoToken token = signIn();
    token.expiresAt = m_now.addSecs(-1);
    cache(kStartUrl, token);
    // An unreachable portal proves no call is made.
    const auto credentials = fetch(*chain(
        QStringLiteral("legacy"), { QStringLiteral("AWS_ENDPOINT_URL_SSO=http://127.0.0.1:9") }));
    QVERIFY(credentials && !credentials->ok());
    QCOMPARE(credentials->error().toString(),
        QStringLiteral("The SSO session associated with this profile has expired or is otherwise "
                       "invalid. To refresh this SSO session run aws sso login with the "
                       "corresponding profile."));
    QCOMPARE(credentials->error().exitCode(), 253);
}

void TestSsoCredentials::sessionProfile_tokenNearItsEnd_isRefreshed_andWrittenBack()
{
    aws::SsoToken token = signIn();
    token.expiresAt = m_now.addSecs(10 * 60); // inside botocore's 15-minute refresh window
    cache(QStringLiteral("corp"), token);
    const auto credentials = fetch(*chain(QStringLiteral("dev")));
    QVERIFY(credentials);
    QVERIFY2(credentials->ok(), qPrintable(problem(*credentials)));

    const auto written
        = aws::loadSsoToken(aws::ssoTokenCacheDirectory(m_home->path()), QStringLiteral("corp"));
    QVERIFY(written.ok());
    QVERIFY(written.value().accessToken != token.accessToken);
    QVERIFY(written.value().refreshToken != token.refreshToken); // the emulator rotates them
    QCOMPARE(
        written.value().expiresAt.toSecsSinceEpoch(), m_now.addSecs(8 * 3600).toSecsSinceEpoch());
    QCOMPARE(written.value().clientId, token.clientId);
    QCOMPARE(written.value().clientSecret, token.clientSecret);
    QCOMPARE(written.value().registrationExpiresAt, token.registrationExpiresAt);
    QCOMPARE(written.value().startUrl, kStartUrl);
    QCOMPARE(written.value().region, QStringLiteral("us-east-1"));
    struct stat info { };
    QCOMPARE(::stat(QFile::encodeName(tokenFile(QStringLiteral("corp"))).constData(), &info), 0);
    QCOMPARE(info.st_mode & 0777, 0600U);
}

void TestSsoCredentials::sessionProfile_expiredToken_refreshRefused_isTheCliSentence()
{
    aws::SsoToken token = signIn();
    token.expiresAt = m_now.addSecs(-60);
    token.refreshToken = QStringLiteral("not-issued");
    cache(QStringLiteral("corp"), token);
    const auto credentials = fetch(*chain(QStringLiteral("dev")));
    QVERIFY(credentials && !credentials->ok());
    QCOMPARE(credentials->error().toString(),
        QStringLiteral("Error when retrieving token from sso: Token has expired and refresh "
                       "failed"));
    QCOMPARE(credentials->error().exitCode(), 253);
    // The cache is left as it was.
    const auto kept
        = aws::loadSsoToken(aws::ssoTokenCacheDirectory(m_home->path()), QStringLiteral("corp"));
    QVERIFY(kept.ok());
    QCOMPARE(kept.value().refreshToken, QStringLiteral("not-issued"));
}

void TestSsoCredentials::rejectedToken_isTheCliSentence()
{
    aws::SsoToken token = signIn();
    token.accessToken = QStringLiteral("revoked");
    cache(QStringLiteral("corp"), token);
    const auto credentials = fetch(*chain(QStringLiteral("dev")));
    QVERIFY(credentials && !credentials->ok());
    QCOMPARE(credentials->error().toString(),
        QStringLiteral("The SSO session associated with this profile has expired or is otherwise "
                       "invalid. To refresh this SSO session run aws sso login with the "
                       "corresponding profile."));
    QVERIFY(!credentials->error().toString().contains(QLatin1String("revoked")));
}

void TestSsoCredentials::chain_refreshesRoleCredentialsAheadOfExpiry()
{
    cache(QStringLiteral("corp"), signIn());
    const auto provider = chain(QStringLiteral("dev"));
    const auto first = fetch(*provider);
    QVERIFY(first && first->ok());
    const quint64 afterFirst = m_emulator->counters().requests;
    m_now = m_now.addSecs(30 * 60); // 30 minutes left: still good, no call
    const auto second = fetch(*provider);
    QVERIFY(second && second->ok());
    QCOMPARE(second->value().accessKeyId, first->value().accessKeyId);
    QCOMPARE(m_emulator->counters().requests, afterFirst);
    m_now = m_now.addSecs(16 * 60); // 14 minutes left: inside the advisory window
    const auto third = fetch(*provider);
    QVERIFY(third && third->ok());
    // One GetRoleCredentials call. The emulator keeps one key per sign-in and moves its expiry,
    // so the refresh shows as that call and an expiry no earlier than the first one's.
    QCOMPARE(m_emulator->counters().requests, afterFirst + 1);
    QVERIFY(third->value().expiration && first->value().expiration);
    QVERIFY(*third->value().expiration >= *first->value().expiration);
}

void TestSsoCredentials::unreachablePortal_isANetworkError()
{
    cache(QStringLiteral("corp"), signIn());
    const auto credentials = fetch(*chain(
        QStringLiteral("dev"), { QStringLiteral("AWS_ENDPOINT_URL_SSO=http://127.0.0.1:9") }));
    QVERIFY(credentials && !credentials->ok());
    QCOMPARE(credentials->error().kind, aws::AwsError::Kind::Network);
    QVERIFY2(credentials->error().toString().contains(QLatin1String("127.0.0.1:9")),
        qPrintable(problem(*credentials)));
    QCOMPARE(credentials->error().operation, QStringLiteral("GetRoleCredentials"));
}

void TestSsoCredentials::brokenCacheFile_isAnErrorNamingIt()
{
    QVERIFY(QDir().mkpath(aws::ssoTokenCacheDirectory(m_home->path())));
    QFile file(tokenFile(QStringLiteral("corp")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    QVERIFY(file.write("{\"accessToken\": \"x\", \"expiresAt\": 12}") > 0);
    file.close();
    const auto credentials = fetch(*chain(QStringLiteral("dev")));
    QVERIFY(credentials && !credentials->ok());
    QVERIFY2(credentials->error().toString().contains(tokenFile(QStringLiteral("corp"))),
        qPrintable(problem(*credentials)));
}

QTEST_GUILESS_MAIN(TestSsoCredentials)
#include "tst_ssocredentials.moc"
