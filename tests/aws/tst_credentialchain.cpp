// The credential chain: the AWS CLI's precedence (a matrix over explicit profile, environment
// keys, AWS_PROFILE / AWS_DEFAULT_PROFILE, the two files, credential_process, keychain profiles)
// and the provider's caching and refresh of credential_process output under an injected clock.
#include "aws/awsprofiles.h"
#include "aws/credentialchain.h"
#include "aws/keychainprofiles.h"
#include "executablescript.h"

#include <QSettings>
#include <QTemporaryDir>
#include <QtTest>

using aws::AwsCredentials;
using aws::AwsError;
using aws::AwsProfiles;
using aws::CredentialChain;
using aws::CredentialSource;
using aws::Result;
using aws::SharedConfigFile;

namespace {

const QDateTime kStart = QDateTime(QDate(2025, 6, 1), QTime(12, 0), QTimeZone::utc());

QProcessEnvironment environmentFrom(const QStringList &assignments)
{
    QProcessEnvironment environment;
    for (const QString &assignment : assignments) {
        const qsizetype equals = assignment.indexOf(u'=');
        environment.insert(assignment.left(equals), assignment.mid(equals + 1));
    }
    return environment;
}

bool writeFile(const QString &path, const QByteArray &text)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(text) == text.size();
}

// Fetches and waits (on the event loop, bounded) for the answer; empty when none came.
std::optional<Result<AwsCredentials>> fetchNow(aws::CredentialsProvider &provider)
{
    std::optional<Result<AwsCredentials>> outcome;
    provider.fetch(nullptr, [&](const Result<AwsCredentials> &result) { outcome = result; });
    if (!QTest::qWaitFor([&] { return outcome.has_value(); }, 20'000))
        return std::nullopt;
    return outcome;
}

// The key id, or "error: <message>", so a failing comparison shows why.
QString keyOf(const std::optional<Result<AwsCredentials>> &outcome)
{
    if (!outcome)
        return QStringLiteral("no answer");
    return outcome->ok() ? outcome->value().accessKeyId
                         : QStringLiteral("error: ") + outcome->error().message;
}

QString readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

// "env:KEY", "file:KEY", "process:COMMAND", "keychain:PROFILE",
// "role:ARN#session!externalId+duration?mfaSerial<-SOURCE", "web:ARN#session@tokenFile".
QString shortForm(const CredentialSource &source)
{
    switch (source.kind) {
    case CredentialSource::Kind::Environment:
        return QStringLiteral("env:") + source.credentials.accessKeyId;
    case CredentialSource::Kind::SharedFileKeys:
        return QStringLiteral("file:") + source.credentials.accessKeyId;
    case CredentialSource::Kind::Process:
        return QStringLiteral("process:") + source.command;
    case CredentialSource::Kind::Keychain:
        return QStringLiteral("keychain:") + source.profile;
    case CredentialSource::Kind::AssumeRole: {
        QString text = QStringLiteral("role:") + source.roleArn;
        if (!source.roleSessionName.isEmpty())
            text += u'#' + source.roleSessionName;
        if (!source.externalId.isEmpty())
            text += u'!' + source.externalId;
        if (source.durationSeconds)
            text += u'+' + QString::number(*source.durationSeconds);
        if (!source.mfaSerial.isEmpty())
            text += u'?' + source.mfaSerial;
        return text + QStringLiteral("<-") + shortForm(*source.roleSource);
    }
    case CredentialSource::Kind::WebIdentity:
        return QStringLiteral("web:%1#%2@%3")
            .arg(source.roleArn, source.roleSessionName, source.tokenFile);
    case CredentialSource::Kind::Sso:
        return QStringLiteral("sso:") + source.description;
    }
    return {};
}

} // namespace

class TestCredentialChain : public QObject {
    Q_OBJECT
private slots:
    void init();

    void precedence_data();
    void precedence();
    void selectProfile_order();
    void keychainProfile_usedWhenNoSharedProfileHasTheName();
    void keychainProfile_asSourceProfile();
    void sharedProfile_winsOverKeychainProfileOfTheSameName();
    void explicitKeychainProfile_beatsEnvironmentKeys();

    void staticKeys_deliveredAtOnce();
    void failedSelection_isDeliveredOnFetch();
    void process_cachedUntilAdvisoryWindow_thenRefreshed();
    void process_advisoryRefreshFailure_keepsOldCredentials();
    void process_mandatoryRefreshFailure_isAnError();
    void process_concurrentFetches_shareOneRun();
    void process_nonZeroExit_reachesTheCaller();
    void invalidate_rereadsTheFiles();
    void invalidate_rerunsTheProcess();
    void contextDestroyed_callbackNeverRuns();
    void chainDestroyedWhileRunning_noCallback();
    void keychainSourceWithoutStore_isAClearError();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QDateTime m_now;
    QString m_expirationFile;
    QString m_countFile;
    QString m_failFile;
    QString writeRefreshingScript();
    std::shared_ptr<CredentialChain> processChain(const QString &command);
};

void TestCredentialChain::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_now = kStart;
    m_expirationFile = m_dir->filePath(QStringLiteral("expiration"));
    m_countFile = m_dir->filePath(QStringLiteral("count"));
    m_failFile = m_dir->filePath(QStringLiteral("fail"));
}

void TestCredentialChain::precedence_data()
{
    QTest::addColumn<QByteArray>("config");
    QTest::addColumn<QByteArray>("credentials");
    QTest::addColumn<QStringList>("environment");
    QTest::addColumn<QString>("explicitProfile");
    QTest::addColumn<QString>(
        "expected"); // "source:AccessKeyId or command" or "error:<kind>:<message fragment>"

    const QByteArray prodKeys = "[prod]\naws_access_key_id = PRODKEY\naws_secret_access_key = s\n";
    const QByteArray defaultKeys
        = "[default]\naws_access_key_id = DEFAULTKEY\naws_secret_access_key = s\n";
    const QStringList envKeys { "AWS_ACCESS_KEY_ID=ENVKEY", "AWS_SECRET_ACCESS_KEY=s" };
    const QString none;

    QTest::newRow("nothing anywhere") << QByteArray() << QByteArray() << QStringList() << none
                                      << "error:credentials:Unable to locate credentials. You can "
                                         "configure credentials by running \"aws configure\".";
    QTest::newRow("environment keys")
        << QByteArray() << QByteArray() << envKeys << none << "env:ENVKEY";
    QTest::newRow("environment keys win over the default profile")
        << QByteArray() << defaultKeys << envKeys << none << "env:ENVKEY";
    QTest::newRow("environment keys win even with AWS_PROFILE set")
        << QByteArray() << prodKeys << (envKeys + QStringList { "AWS_PROFILE=prod" }) << none
        << "env:ENVKEY";
    QTest::newRow("an explicit profile beats environment keys")
        << QByteArray() << prodKeys << envKeys << QStringLiteral("prod") << "file:PRODKEY";
    QTest::newRow("AWS_PROFILE without environment keys")
        << QByteArray() << (prodKeys + defaultKeys) << QStringList { "AWS_PROFILE=prod" } << none
        << "file:PRODKEY";
    QTest::newRow("AWS_PROFILE beats AWS_DEFAULT_PROFILE")
        << QByteArray("[profile dev]\naws_access_key_id = DEVKEY\naws_secret_access_key = s\n")
        << prodKeys << QStringList { "AWS_PROFILE=prod", "AWS_DEFAULT_PROFILE=dev" } << none
        << "file:PRODKEY";
    QTest::newRow("AWS_DEFAULT_PROFILE alone")
        << QByteArray("[profile dev]\naws_access_key_id = DEVKEY\naws_secret_access_key = s\n")
        << prodKeys << QStringList { "AWS_DEFAULT_PROFILE=dev" } << none << "file:DEVKEY";
    QTest::newRow("default profile")
        << QByteArray() << (prodKeys + defaultKeys) << QStringList() << none << "file:DEFAULTKEY";
    QTest::newRow("credentials file beats config file")
        << QByteArray("[profile prod]\naws_access_key_id = CONFIGKEY\naws_secret_access_key = s\n")
        << prodKeys << QStringList() << QStringLiteral("prod") << "file:PRODKEY";
    QTest::newRow("credentials file keys beat credential_process")
        << QByteArray("[profile prod]\ncredential_process = /bin/false\n") << prodKeys
        << QStringList() << QStringLiteral("prod") << "file:PRODKEY";
    QTest::newRow("credential_process beats config file keys")
        << QByteArray(
               "[profile prod]\ncredential_process = /bin/tool --x\naws_access_key_id = CONFIGKEY\n"
               "aws_secret_access_key = s\n")
        << QByteArray() << QStringList() << QStringLiteral("prod") << "process:/bin/tool --x";
    QTest::newRow("credential_process in the credentials file")
        << QByteArray() << QByteArray("[prod]\ncredential_process = /bin/tool\n") << QStringList()
        << QStringLiteral("prod") << "process:/bin/tool";
    QTest::newRow("config file keys when nothing else")
        << QByteArray("[profile prod]\naws_access_key_id = CONFIGKEY\naws_secret_access_key = s\n")
        << QByteArray() << QStringList() << QStringLiteral("prod") << "file:CONFIGKEY";
    QTest::newRow("partial keys in the credentials file")
        << QByteArray() << QByteArray("[prod]\naws_access_key_id = X\n") << QStringList()
        << QStringLiteral("prod")
        << "error:credentials:Partial credentials found in shared-credentials-file, missing: "
           "aws_secret_access_key";
    QTest::newRow("partial keys in the config file")
        << QByteArray("[profile prod]\naws_access_key_id = X\n") << QByteArray() << QStringList()
        << QStringLiteral("prod")
        << "error:credentials:Partial credentials found in config-file, missing: "
           "aws_secret_access_key";
    QTest::newRow("partial environment keys")
        << QByteArray() << defaultKeys << QStringList { "AWS_ACCESS_KEY_ID=ENVKEY" } << none
        << "error:credentials:Partial credentials found in env, missing: AWS_SECRET_ACCESS_KEY";
    QTest::newRow("a secret without a key id in the environment is not a key pair")
        << QByteArray() << defaultKeys << QStringList { "AWS_SECRET_ACCESS_KEY=s" } << none
        << "file:DEFAULTKEY";
    const QByteArray roleA = "[profile a]\nrole_arn = arn:aws:iam::1:role/a\n";
    QTest::newRow("assume role via source_profile with static keys")
        << (roleA + "source_profile = prod\n") << prodKeys << QStringList() << QStringLiteral("a")
        << "role:arn:aws:iam::1:role/a<-file:PRODKEY";
    QTest::newRow("assume role wins over the profile's own keys")
        << (roleA + "source_profile = prod\naws_access_key_id = OWN\naws_secret_access_key = s\n")
        << prodKeys << QStringList() << QStringLiteral("a")
        << "role:arn:aws:iam::1:role/a<-file:PRODKEY";
    QTest::newRow("a chain of two roles")
        << (roleA
               + "source_profile = b\n[profile b]\nrole_arn = arn:aws:iam::1:role/b\n"
                 "source_profile = prod\n")
        << prodKeys << QStringList() << QStringLiteral("a")
        << "role:arn:aws:iam::1:role/a<-role:arn:aws:iam::1:role/b<-file:PRODKEY";
    QTest::newRow("a source profile with keys and a role gives its keys")
        << (roleA
               + "source_profile = b\n[profile b]\nrole_arn = arn:aws:iam::1:role/b\n"
                 "source_profile = prod\naws_access_key_id = BKEY\naws_secret_access_key = s\n")
        << prodKeys << QStringList() << QStringLiteral("a")
        << "role:arn:aws:iam::1:role/a<-file:BKEY";
    QTest::newRow("a source profile's credential_process")
        << (roleA + "source_profile = b\n[profile b]\ncredential_process = /bin/tool\n")
        << QByteArray() << QStringList() << QStringLiteral("a")
        << "role:arn:aws:iam::1:role/a<-process:/bin/tool";
    QTest::newRow("a role's own keys when it is its own source")
        << (roleA + "source_profile = a\naws_access_key_id = OWN\naws_secret_access_key = s\n")
        << QByteArray() << QStringList() << QStringLiteral("a")
        << "role:arn:aws:iam::1:role/a<-file:OWN";
    QTest::newRow("a cycle names the profiles")
        << (roleA
               + "source_profile = b\n[profile b]\nrole_arn = arn:aws:iam::1:role/b\n"
                 "source_profile = a\n")
        << QByteArray() << QStringList() << QStringLiteral("a")
        << "error:configuration:Infinite loop in credential configuration detected. Attempting "
           "to load from profile a which has already been visited. Visited profiles: ['a', 'b']";
    QTest::newRow("a self reference without keys is a cycle")
        << (roleA + "source_profile = a\n") << QByteArray() << QStringList() << QStringLiteral("a")
        << "error:configuration:Attempting to load from profile a which has already been "
           "visited. Visited profiles: ['a']";
    QTest::newRow("a missing source profile")
        << (roleA + "source_profile = gone\n") << QByteArray() << QStringList()
        << QStringLiteral("a")
        << "error:configuration:The source_profile \"gone\" referenced in the profile \"a\" does "
           "not exist.";
    QTest::newRow("a source profile without credentials")
        << (roleA + "source_profile = b\n[profile b]\nregion = eu-west-1\n") << QByteArray()
        << QStringList() << QStringLiteral("a")
        << "error:configuration:The source profile \"b\" must have credentials.";
    QTest::newRow("a source profile does not take environment keys")
        << (roleA + "source_profile = b\n[profile b]\nregion = eu-west-1\n") << QByteArray()
        << envKeys << QStringLiteral("a")
        << "error:configuration:The source profile \"b\" must have credentials.";
    QTest::newRow("role without a source")
        << roleA << QByteArray() << QStringList() << QStringLiteral("a")
        << "error:credentials:Partial credentials found in assume-role, missing: source_profile "
           "or credential_source";
    QTest::newRow("role with both sources")
        << (roleA + "source_profile = prod\ncredential_source = Environment\n") << prodKeys
        << QStringList() << QStringLiteral("a")
        << "error:configuration:The profile \"a\" contains both source_profile and "
           "credential_source.";
    QTest::newRow("credential_source Environment")
        << (roleA + "credential_source = Environment\n") << QByteArray() << envKeys
        << QStringLiteral("a") << "role:arn:aws:iam::1:role/a<-env:ENVKEY";
    QTest::newRow("credential_source Environment without keys")
        << (roleA + "credential_source = Environment\n") << QByteArray() << QStringList()
        << QStringLiteral("a")
        << "error:credentials:Error when retrieving credentials from Environment: No "
           "credentials found in credential_source referenced in profile a";
    QTest::newRow("credential_source Ec2InstanceMetadata is not implemented")
        << (roleA + "credential_source = Ec2InstanceMetadata\n") << QByteArray() << QStringList()
        << QStringLiteral("a")
        << "error:credentials:The profile a takes the credentials of its role from "
           "Ec2InstanceMetadata (credential_source), which Lookout Desk does not implement";
    QTest::newRow("credential_source EcsContainer is not implemented")
        << (roleA + "credential_source = EcsContainer\n") << QByteArray() << QStringList()
        << QStringLiteral("a") << "error:credentials:from EcsContainer (credential_source)";
    QTest::newRow("an unknown credential_source")
        << (roleA + "credential_source = Laptop\n") << QByteArray() << QStringList()
        << QStringLiteral("a")
        << "error:configuration:The credential source \"Laptop\" referenced in profile \"a\" is "
           "not valid.";
    QTest::newRow("a role with an MFA device")
        << (roleA + "source_profile = prod\nmfa_serial = arn:aws:iam::1:mfa/me\n") << prodKeys
        << QStringList() << QStringLiteral("a")
        << "role:arn:aws:iam::1:role/a?arn:aws:iam::1:mfa/me<-file:PRODKEY";
    QTest::newRow("role settings") << (roleA
        + "source_profile = prod\nrole_session_name = me\nexternal_id = ext\n"
          "duration_seconds = 1800\n")
                                   << prodKeys << QStringList() << QStringLiteral("a")
                                   << "role:arn:aws:iam::1:role/a#me!ext+1800<-file:PRODKEY";
    QTest::newRow("duration_seconds that is no number is ignored, as botocore does")
        << (roleA + "source_profile = prod\nduration_seconds = long\n") << prodKeys << QStringList()
        << QStringLiteral("a") << "role:arn:aws:iam::1:role/a<-file:PRODKEY";
    const QStringList webEnv { "AWS_WEB_IDENTITY_TOKEN_FILE=/run/token",
        "AWS_ROLE_ARN=arn:aws:iam::1:role/env", "AWS_ROLE_SESSION_NAME=pod" };
    QTest::newRow("web identity in the profile")
        << QByteArray(
               "[profile w]\nweb_identity_token_file = /t\nrole_arn = arn:aws:iam::1:role/w\n"
               "role_session_name = s\n")
        << QByteArray() << QStringList() << QStringLiteral("w") << "web:arn:aws:iam::1:role/w#s@/t";
    QTest::newRow("web identity in the environment, no profile")
        << QByteArray() << QByteArray() << webEnv << none
        << "web:arn:aws:iam::1:role/env#pod@/run/token";
    QTest::newRow("web identity in the environment beats the profile's keys")
        << QByteArray() << defaultKeys << webEnv << none
        << "web:arn:aws:iam::1:role/env#pod@/run/token";
    QTest::newRow("environment keys beat the environment's web identity")
        << QByteArray() << QByteArray() << (webEnv + envKeys) << none << "env:ENVKEY";
    QTest::newRow("an explicit profile ignores the environment's web identity")
        << QByteArray() << prodKeys << webEnv << QStringLiteral("prod") << "file:PRODKEY";
    QTest::newRow("the environment's web identity settings override the profile's")
        << QByteArray(
               "[profile w]\nweb_identity_token_file = /t\nrole_arn = arn:aws:iam::1:role/w\n")
        << QByteArray() << QStringList { "AWS_PROFILE=w", "AWS_ROLE_ARN=arn:aws:iam::1:role/env" }
        << none << "web:arn:aws:iam::1:role/env#@/t";
    QTest::newRow("a role_arn with a token file is a web identity, not an assumed role")
        << QByteArray(
               "[profile w]\nweb_identity_token_file = /t\nrole_arn = arn:aws:iam::1:role/w\n"
               "source_profile = prod\n")
        << prodKeys << QStringList() << QStringLiteral("w") << "web:arn:aws:iam::1:role/w#@/t";
    QTest::newRow("a web identity without a role")
        << QByteArray() << QByteArray() << QStringList { "AWS_WEB_IDENTITY_TOKEN_FILE=/t" } << none
        << "error:configuration:configured to assume role with web identity but has no role ARN "
           "configured.";
    const QByteArray corp = "[sso-session corp]\nsso_start_url = https://corp.awsapps.com/start\n"
                            "sso_region = us-east-1\n";
    QTest::newRow("sso-session profile")
        << (corp
               + "[profile prod]\nsso_session = corp\nsso_account_id = 111122223333\n"
                 "sso_role_name = ReadOnly\n")
        << QByteArray() << QStringList() << QStringLiteral("prod")
        << "sso:IAM Identity Center session corp, account 111122223333, role ReadOnly "
           "(profile prod)";
    QTest::newRow("SSO comes before static keys of the same profile, as in botocore")
        << (corp + "[profile prod]\nsso_session = corp\nsso_account_id = 1\nsso_role_name = R\n")
        << prodKeys << QStringList() << QStringLiteral("prod")
        << "sso:IAM Identity Center session corp, account 1, role R (profile prod)";
    QTest::newRow("a role whose source profile uses IAM Identity Center")
        << (corp + roleA
               + "source_profile = sso\n[profile sso]\nsso_session = corp\n"
                 "sso_account_id = 1\nsso_role_name = R\n")
        << QByteArray() << QStringList() << QStringLiteral("a")
        << "role:arn:aws:iam::1:role/a<-sso:IAM Identity Center session corp, account 1, role R "
           "(profile sso)";
    QTest::newRow("legacy SSO profile")
        << QByteArray("[profile prod]\nsso_start_url = https://x\nsso_region = eu-west-1\n"
                      "sso_account_id = 1\nsso_role_name = R\n")
        << QByteArray() << QStringList() << QStringLiteral("prod")
        << "sso:IAM Identity Center start URL https://x, account 1, role R (profile prod)";
    QTest::newRow("an sso-session that does not exist")
        << QByteArray("[profile prod]\nsso_session = corp\nsso_account_id = 1\n"
                      "sso_role_name = R\n")
        << QByteArray() << QStringList() << QStringLiteral("prod")
        << "error:configuration:The specified sso-session does not exist: \"corp\"";
    QTest::newRow("missing SSO settings, named as botocore names them")
        << QByteArray("[profile prod]\nsso_session = corp\nsso_account_id = 1\n[sso-session "
                      "corp]\nsso_region = us-east-1\n")
        << QByteArray() << QStringList() << QStringLiteral("prod")
        << "error:configuration:The profile \"prod\" is configured to use SSO but is missing "
           "required configuration: sso_role_name, sso_start_url";
    QTest::newRow("a setting that differs between profile and sso-session")
        << (corp
               + "[profile prod]\nsso_session = corp\nsso_account_id = 1\nsso_role_name = R\n"
                 "sso_region = eu-west-1\n")
        << QByteArray() << QStringList() << QStringLiteral("prod")
        << "error:configuration:The value for sso_region is inconsistent between profile "
           "(eu-west-1) and sso-session (us-east-1).";
    QTest::newRow("an invalid sso_region")
        << QByteArray("[profile prod]\nsso_start_url = https://x\nsso_region = not a region\n"
                      "sso_account_id = 1\nsso_role_name = R\n")
        << QByteArray() << QStringList() << QStringLiteral("prod")
        << "error:configuration:doesn't match a supported format. (sso_region of profile prod";
    QTest::newRow("sso_start_url without account or role is not an SSO credential source")
        << QByteArray("[profile prod]\nsso_start_url = https://x\n") << QByteArray()
        << QStringList() << QStringLiteral("prod")
        << "error:credentials:Unable to locate credentials.";
    QTest::newRow("unknown explicit profile")
        << QByteArray() << defaultKeys << QStringList() << QStringLiteral("nope")
        << "error:configuration:The config profile (nope) could not be found";
    QTest::newRow("unknown AWS_PROFILE fails even with environment keys")
        << QByteArray() << QByteArray() << (envKeys + QStringList { "AWS_PROFILE=nope" }) << none
        << "error:configuration:The config profile (nope) could not be found";
    QTest::newRow("an absent default profile is no error of its own")
        << QByteArray() << QByteArray() << QStringList() << QStringLiteral("default")
        << "error:credentials:Unable to locate credentials.";
    QTest::newRow("a profile without credentials")
        << QByteArray("[profile prod]\nregion = eu-west-1\n") << QByteArray() << QStringList()
        << QStringLiteral("prod") << "error:credentials:Unable to locate credentials.";
}

void TestCredentialChain::precedence()
{
    QFETCH(QByteArray, config);
    QFETCH(QByteArray, credentials);
    QFETCH(QStringList, environment);
    QFETCH(QString, explicitProfile);
    QFETCH(QString, expected);

    const AwsProfiles profiles
        = AwsProfiles::fromFiles(SharedConfigFile::parse(config, QStringLiteral("/h/.aws/config")),
            SharedConfigFile::parse(credentials, QStringLiteral("/h/.aws/credentials")));
    const QProcessEnvironment env = environmentFrom(environment);
    const Result<CredentialSource> source = aws::selectCredentialSource(
        aws::selectProfile(explicitProfile, env), env, profiles, nullptr);
    QString actual;
    if (!source.ok()) {
        actual = QStringLiteral("error:%1:%2")
                     .arg(AwsError::kindName(source.error().kind), source.error().message);
        const QString expectedKind = expected.section(u':', 0, 1) + u':';
        const QString expectedText = expected.section(u':', 2);
        QVERIFY2(actual.startsWith(expectedKind) && actual.contains(expectedText),
            qPrintable(QStringLiteral("got %1, expected %2").arg(actual, expected)));
        return;
    }
    QCOMPARE(shortForm(source.value()), expected);
}

void TestCredentialChain::selectProfile_order()
{
    const QProcessEnvironment both = environmentFrom({ "AWS_PROFILE=a", "AWS_DEFAULT_PROFILE=b" });
    QCOMPARE(aws::selectProfile(QStringLiteral("x"), both).name, QStringLiteral("x"));
    QCOMPARE(aws::selectProfile(QStringLiteral("x"), both).source, QStringLiteral("--profile"));
    QVERIFY(aws::selectProfile(QStringLiteral("x"), both).explicitlyChosen);
    QCOMPARE(aws::selectProfile({}, both).name, QStringLiteral("a"));
    QCOMPARE(aws::selectProfile({}, both).source, QStringLiteral("AWS_PROFILE"));
    QVERIFY(!aws::selectProfile({}, both).explicitlyChosen);
    const QProcessEnvironment onlyDefault
        = environmentFrom({ "AWS_PROFILE=", "AWS_DEFAULT_PROFILE=b" });
    QCOMPARE(aws::selectProfile({}, onlyDefault).source, QStringLiteral("AWS_DEFAULT_PROFILE"));
    QCOMPARE(aws::selectProfile({}, QProcessEnvironment()).name, QStringLiteral("default"));
    QCOMPARE(
        aws::selectProfile(QStringLiteral("x"), both, QStringLiteral("the profile picker")).source,
        QStringLiteral("the profile picker"));
}

void TestCredentialChain::keychainProfile_usedWhenNoSharedProfileHasTheName()
{
    QSettings settings(m_dir->filePath(QStringLiteral("profiles.ini")), QSettings::IniFormat);
    settings.setValue(QStringLiteral("KeychainProfiles/mine/region"), QStringLiteral("eu-west-1"));
    aws::KeychainProfileStore store(&settings);
    const AwsProfiles profiles
        = AwsProfiles::fromFiles(SharedConfigFile::parse("[profile prod]\nregion = x\n", {}), {});
    const Result<CredentialSource> source = aws::selectCredentialSource(
        aws::selectProfile(QStringLiteral("mine"), {}), {}, profiles, &store);
    QVERIFY(source.ok());
    QCOMPARE(source.value().kind, CredentialSource::Kind::Keychain);
    QCOMPARE(source.value().description, QStringLiteral("keychain profile mine"));
    const QProcessEnvironment viaEnvironment = environmentFrom({ "AWS_PROFILE=mine" });
    QCOMPARE(aws::selectCredentialSource(
                 aws::selectProfile({}, viaEnvironment), viaEnvironment, profiles, &store)
                 .value()
                 .kind,
        CredentialSource::Kind::Keychain);
}

void TestCredentialChain::keychainProfile_asSourceProfile()
{
    QSettings settings(m_dir->filePath(QStringLiteral("profiles.ini")), QSettings::IniFormat);
    settings.setValue(QStringLiteral("KeychainProfiles/mine/region"), QStringLiteral("eu-west-1"));
    aws::KeychainProfileStore store(&settings);
    const AwsProfiles profiles = AwsProfiles::fromFiles(
        SharedConfigFile::parse(
            "[profile a]\nrole_arn = arn:aws:iam::1:role/a\nsource_profile = mine\n", {}),
        {});
    const Result<CredentialSource> source = aws::selectCredentialSource(
        aws::selectProfile(QStringLiteral("a"), {}), {}, profiles, &store);
    QVERIFY2(source.ok(), qPrintable(source.ok() ? QString() : source.error().message));
    QCOMPARE(
        shortForm(source.value()), QStringLiteral("role:arn:aws:iam::1:role/a<-keychain:mine"));
    QCOMPARE(source.value().description,
        QStringLiteral("assume role arn:aws:iam::1:role/a via profile mine (source_profile)"));
}

void TestCredentialChain::sharedProfile_winsOverKeychainProfileOfTheSameName()
{
    QSettings settings(m_dir->filePath(QStringLiteral("profiles.ini")), QSettings::IniFormat);
    settings.setValue(QStringLiteral("KeychainProfiles/prod/region"), QStringLiteral("eu-west-1"));
    aws::KeychainProfileStore store(&settings);
    const AwsProfiles profiles = AwsProfiles::fromFiles({},
        SharedConfigFile::parse(
            "[prod]\naws_access_key_id = FILEKEY\naws_secret_access_key = s\n", {}));
    const Result<CredentialSource> source = aws::selectCredentialSource(
        aws::selectProfile(QStringLiteral("prod"), {}), {}, profiles, &store);
    QCOMPARE(source.value().kind, CredentialSource::Kind::SharedFileKeys);
    QCOMPARE(source.value().credentials.accessKeyId, QStringLiteral("FILEKEY"));
}

void TestCredentialChain::explicitKeychainProfile_beatsEnvironmentKeys()
{
    QSettings settings(m_dir->filePath(QStringLiteral("profiles.ini")), QSettings::IniFormat);
    settings.setValue(QStringLiteral("KeychainProfiles/mine/region"), QString());
    aws::KeychainProfileStore store(&settings);
    const QProcessEnvironment env
        = environmentFrom({ "AWS_ACCESS_KEY_ID=ENVKEY", "AWS_SECRET_ACCESS_KEY=s" });
    const Result<CredentialSource> source = aws::selectCredentialSource(
        aws::selectProfile(QStringLiteral("mine"), env), env, AwsProfiles(), &store);
    QCOMPARE(source.value().kind, CredentialSource::Kind::Keychain);
}

void TestCredentialChain::staticKeys_deliveredAtOnce()
{
    const QProcessEnvironment env = environmentFrom(
        { "AWS_ACCESS_KEY_ID=ENVKEY", "AWS_SECRET_ACCESS_KEY=s", "AWS_SESSION_TOKEN=tok" });
    CredentialChain chain(
        [&] {
            return aws::selectCredentialSource(
                aws::selectProfile({}, env), env, AwsProfiles(), nullptr);
        },
        nullptr);
    std::optional<Result<AwsCredentials>> outcome;
    chain.fetch(nullptr, [&](const Result<AwsCredentials> &result) { outcome = result; });
    QVERIFY(outcome.has_value()); // before fetch() returned
    QCOMPARE(outcome->value().accessKeyId, QStringLiteral("ENVKEY"));
    QCOMPARE(outcome->value().sessionToken, QStringLiteral("tok"));
    QCOMPARE(chain.description(), QStringLiteral("environment variables (AWS_ACCESS_KEY_ID)"));
}

void TestCredentialChain::failedSelection_isDeliveredOnFetch()
{
    CredentialChain chain(
        [] {
            return aws::selectCredentialSource(
                aws::selectProfile({}, {}), {}, AwsProfiles(), nullptr);
        },
        nullptr);
    const auto outcome = fetchNow(chain);
    QVERIFY(outcome && !outcome->ok());
    QCOMPARE(outcome->error().kind, AwsError::Kind::Credentials);
    QVERIFY(chain.description().startsWith(
        QLatin1String("no credentials (Unable to locate credentials.")));
}

// The script prints a key id numbered by its run and the Expiration the test wrote; it fails with
// a message while the "fail" file exists.
QString TestCredentialChain::writeRefreshingScript()
{
    return testing_support::writeExecutableScript(m_dir->path(), QStringLiteral("refreshing.sh"),
        QStringLiteral(
            "count=$(( $(cat '%1' 2>/dev/null || echo 0) + 1 )); echo $count > '%1'\n"
            "if [ -e '%2' ]; then echo \"refresh refused on run $count\" >&2; exit 1; fi\n"
            "printf '{\"Version\":1,\"AccessKeyId\":\"KEY%s\",\"SecretAccessKey\":\"s\","
            "\"SessionToken\":\"t\",\"Expiration\":\"%s\"}' $count \"$(cat '%3')\"\n")
            .arg(m_countFile, m_failFile, m_expirationFile)
            .toUtf8());
}

std::shared_ptr<CredentialChain> TestCredentialChain::processChain(const QString &command)
{
    CredentialSource source;
    source.kind = CredentialSource::Kind::Process;
    source.profile = QStringLiteral("proc");
    source.description = QStringLiteral("profile proc in /h/.aws/config line 2");
    source.command = command;
    aws::CredentialProcessOptions options;
    options.timeout = std::chrono::milliseconds(20'000);
    return std::make_shared<CredentialChain>([source] { return Result<CredentialSource>(source); },
        nullptr, options, [this] { return m_now; });
}

void TestCredentialChain::process_cachedUntilAdvisoryWindow_thenRefreshed()
{
    QVERIFY(writeFile(m_expirationFile, "2025-06-01T13:00:00Z"));
    const auto chain = processChain(writeRefreshingScript());

    auto outcome = fetchNow(*chain);
    QCOMPARE(keyOf(outcome), QStringLiteral("KEY1"));
    QCOMPARE(outcome->value().source,
        QStringLiteral("credential_process of profile proc in /h/.aws/config line 2"));

    m_now = kStart.addSecs(44 * 60); // 16 minutes left: still cached
    outcome = fetchNow(*chain);
    QCOMPARE(keyOf(outcome), QStringLiteral("KEY1"));
    QCOMPARE(readAll(m_countFile).trimmed(), QStringLiteral("1"));

    QVERIFY(writeFile(m_expirationFile, "2025-06-01T14:00:00Z"));
    m_now = kStart.addSecs(46 * 60); // 14 minutes left: advisory refresh
    outcome = fetchNow(*chain);
    QCOMPARE(keyOf(outcome), QStringLiteral("KEY2"));
    QCOMPARE(
        *outcome->value().expiration, QDateTime(QDate(2025, 6, 1), QTime(14, 0), QTimeZone::utc()));
    outcome = fetchNow(*chain);
    QCOMPARE(keyOf(outcome), QStringLiteral("KEY2"));
    QCOMPARE(readAll(m_countFile).trimmed(), QStringLiteral("2"));
}

void TestCredentialChain::process_advisoryRefreshFailure_keepsOldCredentials()
{
    QVERIFY(writeFile(m_expirationFile, "2025-06-01T13:00:00Z"));
    const auto chain = processChain(writeRefreshingScript());
    QCOMPARE(keyOf(fetchNow(*chain)), QStringLiteral("KEY1"));

    QVERIFY(writeFile(m_failFile, "x"));
    m_now = kStart.addSecs(48 * 60); // 12 minutes left: refresh wanted, not yet required
    const auto outcome = fetchNow(*chain);
    QCOMPARE(keyOf(outcome), QStringLiteral("KEY1"));
    QCOMPARE(readAll(m_countFile).trimmed(), QStringLiteral("2")); // it did try
}

void TestCredentialChain::process_mandatoryRefreshFailure_isAnError()
{
    QVERIFY(writeFile(m_expirationFile, "2025-06-01T13:00:00Z"));
    const auto chain = processChain(writeRefreshingScript());
    QCOMPARE(keyOf(fetchNow(*chain)), QStringLiteral("KEY1"));

    QVERIFY(writeFile(m_failFile, "x"));
    m_now = kStart.addSecs(52 * 60); // 8 minutes left: refresh required
    auto outcome = fetchNow(*chain);
    QVERIFY(outcome && !outcome->ok());
    QCOMPARE(outcome->error().kind, AwsError::Kind::Credentials);
    QVERIFY2(outcome->error().message.contains(QLatin1String("refresh refused on run 2")),
        qPrintable(outcome->error().message));

    QVERIFY(QFile::remove(m_failFile)); // the next fetch recovers without a restart
    QVERIFY(writeFile(m_expirationFile, "2025-06-01T15:00:00Z"));
    outcome = fetchNow(*chain);
    QCOMPARE(keyOf(outcome), QStringLiteral("KEY3"));
}

void TestCredentialChain::process_concurrentFetches_shareOneRun()
{
    QVERIFY(writeFile(m_expirationFile, "2025-06-01T13:00:00Z"));
    const auto chain = processChain(writeRefreshingScript());
    QStringList keys;
    for (int i = 0; i < 3; ++i)
        chain->fetch(nullptr, [&](const Result<AwsCredentials> &result) { keys << keyOf(result); });
    QVERIFY(QTest::qWaitFor([&] { return keys.size() == 3; }, 20'000));
    QCOMPARE(keys, QStringList({ "KEY1", "KEY1", "KEY1" }));
    QCOMPARE(readAll(m_countFile).trimmed(), QStringLiteral("1"));
}

void TestCredentialChain::process_nonZeroExit_reachesTheCaller()
{
    const auto chain = processChain(testing_support::writeExecutableScript(m_dir->path(),
        QStringLiteral("fails.sh"), "echo 'SSO session expired, run aws sso login' >&2\nexit 2\n"));
    const auto outcome = fetchNow(*chain);
    QVERIFY(outcome && !outcome->ok());
    QVERIFY2(outcome->error().message.startsWith(
                 QLatin1String("Error when retrieving credentials from custom-process: SSO session "
                               "expired, run aws sso login")),
        qPrintable(outcome->error().message));
}

void TestCredentialChain::invalidate_rereadsTheFiles()
{
    const QString credentialsPath = m_dir->filePath(QStringLiteral("credentials"));
    QVERIFY(writeFile(
        credentialsPath, "[default]\naws_access_key_id = OLDKEY\naws_secret_access_key = s\n"));
    const QProcessEnvironment env
        = environmentFrom({ QStringLiteral("AWS_SHARED_CREDENTIALS_FILE=") + credentialsPath });
    const QString home = m_dir->path();
    CredentialChain chain(
        [env, home] {
            return aws::selectCredentialSource(
                aws::selectProfile({}, env), env, AwsProfiles::load(env, home), nullptr);
        },
        nullptr);
    QCOMPARE(keyOf(fetchNow(chain)), QStringLiteral("OLDKEY"));
    QVERIFY(writeFile(
        credentialsPath, "[default]\naws_access_key_id = NEWKEY\naws_secret_access_key = s\n"));
    QCOMPARE(keyOf(fetchNow(chain)), QStringLiteral("OLDKEY"));
    chain.invalidate();
    QCOMPARE(keyOf(fetchNow(chain)), QStringLiteral("NEWKEY"));
}

void TestCredentialChain::invalidate_rerunsTheProcess()
{
    QVERIFY(writeFile(m_expirationFile, "2025-06-01T18:00:00Z"));
    const auto chain = processChain(writeRefreshingScript());
    QCOMPARE(keyOf(fetchNow(*chain)), QStringLiteral("KEY1"));
    chain->invalidate(); // e.g. the service answered ExpiredTokenException
    QCOMPARE(keyOf(fetchNow(*chain)), QStringLiteral("KEY2"));
}

void TestCredentialChain::contextDestroyed_callbackNeverRuns()
{
    QVERIFY(writeFile(m_expirationFile, "2025-06-01T18:00:00Z"));
    const auto chain = processChain(writeRefreshingScript());
    auto context = std::make_unique<QObject>();
    bool called = false;
    chain->fetch(context.get(), [&](const Result<AwsCredentials> &) { called = true; });
    context.reset();
    std::optional<Result<AwsCredentials>> later;
    chain->fetch(nullptr, [&](const Result<AwsCredentials> &result) { later = result; });
    QVERIFY(QTest::qWaitFor([&] { return later.has_value(); }, 20'000));
    QVERIFY(!called);
}

void TestCredentialChain::chainDestroyedWhileRunning_noCallback()
{
    const QString started = m_dir->filePath(QStringLiteral("started"));
    auto chain = processChain(
        testing_support::writeExecutableScript(m_dir->path(), QStringLiteral("slow.sh"),
            QStringLiteral("touch '%1'\nexec sleep 60\n").arg(started).toUtf8()));
    bool called = false;
    chain->fetch(nullptr, [&](const Result<AwsCredentials> &) { called = true; });
    QVERIFY(QTest::qWaitFor([&] { return QFile::exists(started); }, 20'000));
    chain.reset();
    QCoreApplication::processEvents();
    QVERIFY(!called);
}

void TestCredentialChain::keychainSourceWithoutStore_isAClearError()
{
    CredentialSource source;
    source.kind = CredentialSource::Kind::Keychain;
    source.profile = QStringLiteral("mine");
    source.description = QStringLiteral("keychain profile mine");
    CredentialChain chain([source] { return Result<CredentialSource>(source); }, nullptr);
    const auto outcome = fetchNow(chain);
    QVERIFY(outcome && !outcome->ok());
    QCOMPARE(
        outcome->error().message, QStringLiteral("The keychain profile mine cannot be used here."));
}

QTEST_GUILESS_MAIN(TestCredentialChain)
#include "tst_credentialchain.moc"
