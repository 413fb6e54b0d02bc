// Keychain profiles with no D-Bus session bus at all (the NO_DBUS label points the bus address at
// nothing): the clear message, keys typed in kept in memory for the session only and written
// nowhere, the CLI's refusal to pretend; plus the error classification and input checks.
#include "aws/awsprofiles.h"
#include "aws/configresolver.h"
#include "aws/keychainprofiles.h"
#include "servicedescriptions.h"

#include <QDirIterator>
#include <QSettings>
#include <QTemporaryDir>
#include <QtTest>
#include <qt6keychain/keychain.h>

using aws::AwsError;
using aws::KeychainFailure;
using aws::KeychainProfile;
using aws::KeychainProfileStore;
using aws::KeychainSecret;
using aws::Result;

namespace {

const QString kSecret = QStringLiteral("nodbus-unique-secret-4be1c0de");
const QString kToken = QStringLiteral("nodbus-unique-token-77aa01");

// Every byte of every file under a directory, to prove a secret was written nowhere.
QByteArray everythingUnder(const QString &directory)
{
    QByteArray all;
    QDirIterator it(
        directory, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile file(it.next());
        if (file.open(QIODevice::ReadOnly))
            all += file.readAll();
    }
    return all;
}

} // namespace

class TestKeychainProfilesNoDbus : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();

    void save_withoutDbus_keepsKeysForTheSessionOnly();
    void save_withoutDbus_cliPolicyFailsAndStoresNothing();
    void sessionProfile_isUsableThroughTheResolver();
    void sessionProfile_updateAndRemoveStayInMemory();
    void savedProfile_readWithoutDbus_saysWhichAndWhatToDo();
    void savedProfile_removeWithoutDbus_keepsTheProfile();
    void invalidInput_refusedBeforeTheKeychain_data();
    void invalidInput_refusedBeforeTheKeychain();

    void classify_data();
    void classify();
    void failureMessages_sayWhatToDo();
    void nameProblem_data();
    void nameProblem();
    void sharedProfileClash_namesTheFileAndLine();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<KeychainProfileStore> m_store;
    std::optional<Result<aws::KeychainSaveOutcome>> save(const KeychainProfile &profile,
        const KeychainSecret &secret, KeychainProfileStore::Fallback fallback);
};

void TestKeychainProfilesNoDbus::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY2(
        qEnvironmentVariable("DBUS_SESSION_BUS_ADDRESS").contains(QLatin1String("/nonexistent/")),
        "this test must run with the NO_DBUS label (no session bus)");
}

void TestKeychainProfilesNoDbus::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_settings = std::make_unique<QSettings>(
        m_dir->filePath(QStringLiteral("profiles.ini")), QSettings::IniFormat);
    m_store = std::make_unique<KeychainProfileStore>(
        m_settings.get(), QStringLiteral("lookout-desk-test"));
}

std::optional<Result<aws::KeychainSaveOutcome>> TestKeychainProfilesNoDbus::save(
    const KeychainProfile &profile, const KeychainSecret &secret,
    KeychainProfileStore::Fallback fallback)
{
    std::optional<Result<aws::KeychainSaveOutcome>> outcome;
    m_store->save(profile, secret, fallback, nullptr,
        [&](const Result<aws::KeychainSaveOutcome> &result) { outcome = result; });
    if (!QTest::qWaitFor([&] { return outcome.has_value(); }, 30'000))
        return std::nullopt;
    return outcome;
}

void TestKeychainProfilesNoDbus::save_withoutDbus_keepsKeysForTheSessionOnly()
{
    QSignalSpy changed(m_store.get(), &KeychainProfileStore::profilesChanged);
    const KeychainProfile profile { QStringLiteral("typed"), QStringLiteral("eu-west-1"),
        QString() };
    const auto outcome = save(profile, { QStringLiteral("AKIDTYPED"), kSecret, kToken },
        KeychainProfileStore::Fallback::KeepForSession);
    QVERIFY(outcome && outcome->ok());
    QVERIFY(!outcome->value().inKeychain);
    QCOMPARE(outcome->value().failure, KeychainFailure::NoDbus);
    QVERIFY2(outcome->value().message.startsWith(
                 QLatin1String("No keychain: there is no D-Bus session bus")),
        qPrintable(outcome->value().message));
    QVERIFY(!outcome->value().message.contains(kSecret));
    QCOMPARE(changed.size(), 1);

    QVERIFY(m_store->isSessionOnly(QStringLiteral("typed")));
    QCOMPARE(m_store->profiles(), QList<KeychainProfile> { profile });
    std::optional<Result<KeychainSecret>> secret;
    m_store->readSecret(
        QStringLiteral("typed"), nullptr, [&](const Result<KeychainSecret> &r) { secret = r; });
    QVERIFY(secret.has_value()); // from memory, at once
    QCOMPARE(secret->value(), (KeychainSecret { QStringLiteral("AKIDTYPED"), kSecret, kToken }));

    // Written nowhere: not the settings, nothing in the directory, not in a new session.
    m_settings->sync();
    QVERIFY(m_settings->allKeys().isEmpty());
    const QByteArray written = everythingUnder(m_dir->path());
    QVERIFY(!written.contains(kSecret.toUtf8()));
    QVERIFY(!written.contains("typed"));
    KeychainProfileStore nextSession(m_settings.get(), QStringLiteral("lookout-desk-test"));
    QVERIFY(nextSession.profiles().isEmpty());
}

void TestKeychainProfilesNoDbus::save_withoutDbus_cliPolicyFailsAndStoresNothing()
{
    const auto outcome = save({ QStringLiteral("cli"), {}, {} },
        { QStringLiteral("AKIDCLI"), kSecret, {} }, KeychainProfileStore::Fallback::Fail);
    QVERIFY(outcome && !outcome->ok());
    QCOMPARE(outcome->error().kind, AwsError::Kind::Credentials);
    QCOMPARE(aws::keychainFailureOf(outcome->error()), KeychainFailure::NoDbus);
    QVERIFY2(outcome->error().message.contains(QLatin1String(
                 "Nothing was stored: Lookout Desk never writes keys in plain text.")),
        qPrintable(outcome->error().message));
    QVERIFY(!outcome->error().message.contains(kSecret));
    QVERIFY(m_store->profiles().isEmpty());
    QVERIFY(!m_store->isSessionOnly(QStringLiteral("cli")));
}

void TestKeychainProfilesNoDbus::sessionProfile_isUsableThroughTheResolver()
{
    QVERIFY(save({ QStringLiteral("typed"), QStringLiteral("eu-west-1"),
                     QStringLiteral("http://127.0.0.1:8443") },
        { QStringLiteral("AKIDTYPED"), kSecret, {} },
        KeychainProfileStore::Fallback::KeepForSession)
                ->ok());
    QTemporaryDir home;
    const aws::ConfigResolver resolver(QProcessEnvironment(), home.path(), m_store.get());
    const QList<aws::ProfileListEntry> entries = resolver.profiles();
    QCOMPARE(entries.size(), 1);
    QCOMPARE(entries.first().origin, aws::ProfileListEntry::Origin::SessionOnly);
    aws::RequestedConfig request;
    request.profile = QStringLiteral("typed");
    const Result<aws::ResolvedConfig> connection
        = resolver.resolve(testsupport::lookoutEquipmentService(), request);
    QVERIFY2(connection.ok(), qPrintable(connection.ok() ? QString() : connection.error().message));
    QCOMPARE(connection.value().endpoint, QUrl(QStringLiteral("http://127.0.0.1:8443")));
    QCOMPARE(connection.value().credentials->description(),
        QStringLiteral("profile typed (keys kept in memory for this session)"));
    std::optional<Result<aws::AwsCredentials>> credentials;
    connection.value().credentials->fetch(
        nullptr, [&](const Result<aws::AwsCredentials> &r) { credentials = r; });
    QVERIFY(credentials && credentials->ok());
    QCOMPARE(credentials->value().secretAccessKey, kSecret);
}

void TestKeychainProfilesNoDbus::sessionProfile_updateAndRemoveStayInMemory()
{
    QVERIFY(save({ QStringLiteral("typed"), QStringLiteral("eu-west-1"), {} },
        { QStringLiteral("AKIDTYPED"), kSecret, {} },
        KeychainProfileStore::Fallback::KeepForSession)
                ->ok());
    const KeychainProfile moved { QStringLiteral("typed"), QStringLiteral("us-east-1"),
        QStringLiteral("https://x.example") };
    const Result<KeychainProfile> updated = m_store->updateDetails(moved);
    QVERIFY(updated.ok());
    QCOMPARE(m_store->profile(QStringLiteral("typed")), moved);
    m_settings->sync();
    QVERIFY(m_settings->allKeys().isEmpty());

    std::optional<Result<bool>> removed;
    m_store->remove(QStringLiteral("typed"), nullptr, [&](const Result<bool> &r) { removed = r; });
    QVERIFY(removed && removed->ok());
    QVERIFY(m_store->profiles().isEmpty());
}

void TestKeychainProfilesNoDbus::savedProfile_readWithoutDbus_saysWhichAndWhatToDo()
{
    m_settings->setValue(
        QStringLiteral("KeychainProfiles/stored/region"), QStringLiteral("eu-west-1"));
    std::optional<Result<KeychainSecret>> secret;
    m_store->readSecret(
        QStringLiteral("stored"), nullptr, [&](const Result<KeychainSecret> &r) { secret = r; });
    QVERIFY(QTest::qWaitFor([&] { return secret.has_value(); }, 30'000));
    QVERIFY(!secret->ok());
    QCOMPARE(secret->error().kind, AwsError::Kind::Credentials);
    QCOMPARE(secret->error().exitCode(), 253);
    QCOMPARE(aws::keychainFailureOf(secret->error()), KeychainFailure::NoDbus);
    QVERIFY2(secret->error().message.contains(QLatin1String("dbus-run-session")),
        qPrintable(secret->error().message));
}

void TestKeychainProfilesNoDbus::savedProfile_removeWithoutDbus_keepsTheProfile()
{
    m_settings->setValue(
        QStringLiteral("KeychainProfiles/stored/region"), QStringLiteral("eu-west-1"));
    std::optional<Result<bool>> removed;
    m_store->remove(QStringLiteral("stored"), nullptr, [&](const Result<bool> &r) { removed = r; });
    QVERIFY(QTest::qWaitFor([&] { return removed.has_value(); }, 30'000));
    QVERIFY(!removed->ok());
    QVERIFY2(removed->error().message.contains(QLatin1String("The profile stored was kept")),
        qPrintable(removed->error().message));
    QVERIFY(m_store->profile(QStringLiteral("stored")));
}

void TestKeychainProfilesNoDbus::invalidInput_refusedBeforeTheKeychain_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("region");
    QTest::addColumn<QString>("endpoint");
    QTest::addColumn<QString>("secret");
    QTest::addColumn<QString>("message");
    QTest::newRow("empty name") << QString() << QString() << QString() << kSecret
                                << QStringLiteral("The profile name is empty.");
    QTest::newRow("name with a space")
        << QStringLiteral("my prod") << QString() << QString() << kSecret
        << QStringLiteral("The profile name \"my prod\" is not valid");
    QTest::newRow("name with a slash") << QStringLiteral("a/b") << QString() << QString() << kSecret
                                       << QStringLiteral("is not valid");
    QTest::newRow("bad region")
        << QStringLiteral("ok") << QStringLiteral("eu_west_1!") << QString() << kSecret
        << QStringLiteral("Provided region_name 'eu_west_1!' doesn't match a supported format.");
    QTest::newRow("plain http elsewhere")
        << QStringLiteral("ok") << QString() << QStringLiteral("http://example.com") << kSecret
        << QStringLiteral("plain http is allowed only to loopback");
    QTest::newRow("no secret")
        << QStringLiteral("ok") << QString() << QString() << QString()
        << QStringLiteral("Both the access key id and the secret access key are needed.");
}

void TestKeychainProfilesNoDbus::invalidInput_refusedBeforeTheKeychain()
{
    QFETCH(QString, name);
    QFETCH(QString, region);
    QFETCH(QString, endpoint);
    QFETCH(QString, secret);
    QFETCH(QString, message);
    std::optional<Result<aws::KeychainSaveOutcome>> outcome;
    m_store->save({ name, region, endpoint }, { QStringLiteral("AKID"), secret, {} },
        KeychainProfileStore::Fallback::KeepForSession, nullptr,
        [&](const Result<aws::KeychainSaveOutcome> &r) { outcome = r; });
    QVERIFY(outcome.has_value()); // at once: the keychain was not asked
    QVERIFY(!outcome->ok());
    QCOMPARE(outcome->error().kind, AwsError::Kind::InvalidParameter);
    QVERIFY2(outcome->error().message.contains(message), qPrintable(outcome->error().message));
    QVERIFY(!outcome->error().message.contains(kSecret));
    QVERIFY(m_store->profiles().isEmpty());
}

void TestKeychainProfilesNoDbus::classify_data()
{
    QTest::addColumn<int>("error");
    QTest::addColumn<QString>("text");
    QTest::addColumn<KeychainFailure>("failure");
    // Texts as the libsecret backend of QtKeychain 0.13 reports them.
    QTest::newRow("no bus address")
        << int(QKeychain::OtherError)
        << QStringLiteral("Cannot autolaunch D-Bus without X11 $DISPLAY")
        << KeychainFailure::NoDbus;
    QTest::newRow("bus socket missing")
        << int(QKeychain::OtherError)
        << QStringLiteral("Could not connect: No such file or directory")
        << KeychainFailure::NoDbus;
    QTest::newRow("no secret service")
        << int(QKeychain::OtherError)
        << QStringLiteral("The name org.freedesktop.secrets was not provided by any .service files")
        << KeychainFailure::NoSecretService;
    QTest::newRow("no backend") << int(QKeychain::NoBackendAvailable) << QString()
                                << KeychainFailure::NoSecretService;
    QTest::newRow("no login collection")
        << int(QKeychain::OtherError)
        << QStringLiteral(
               "Object does not exist at path “/org/freedesktop/secrets/collection/login”")
        << KeychainFailure::NoKeyring;
    QTest::newRow("locked") << int(QKeychain::AccessDenied)
                            << QStringLiteral("Cannot create an item in a locked collection")
                            << KeychainFailure::Locked;
    QTest::newRow("denied by user") << int(QKeychain::AccessDeniedByUser)
                                    << QStringLiteral("User denied") << KeychainFailure::Denied;
    QTest::newRow("denied") << int(QKeychain::AccessDenied) << QStringLiteral("Access denied")
                            << KeychainFailure::Denied;
    QTest::newRow("not found") << int(QKeychain::EntryNotFound) << QStringLiteral("Entry not found")
                               << KeychainFailure::NotFound;
    QTest::newRow("something else")
        << int(QKeychain::OtherError) << QStringLiteral("Unknown error") << KeychainFailure::Other;
}

void TestKeychainProfilesNoDbus::classify()
{
    QFETCH(int, error);
    QFETCH(QString, text);
    QFETCH(KeychainFailure, failure);
    QCOMPARE(aws::classifyKeychainError(error, text), failure);
}

void TestKeychainProfilesNoDbus::failureMessages_sayWhatToDo()
{
    const QList<std::pair<KeychainFailure, const char *>> expectations {
        { KeychainFailure::NoDbus, "start a session bus" },
        { KeychainFailure::NoSecretService, "Install and start one" },
        { KeychainFailure::NoKeyring, "Create or unlock your login keyring" },
        { KeychainFailure::Locked, "Unlock your keyring" },
        { KeychainFailure::Denied, "Allow Lookout Desk to use the keychain" },
        { KeychainFailure::NotFound, "lookout-desk configure --profile prod" },
        { KeychainFailure::TimedOut, "did not answer in time" },
        { KeychainFailure::Other, "The keychain failed." },
    };
    for (const auto &[failure, fragment] : expectations) {
        const QString message = aws::keychainFailureMessage(
            failure, QStringLiteral("prod"), QStringLiteral("backend says x"));
        QVERIFY2(message.contains(QLatin1String(fragment)), qPrintable(message));
        QVERIFY(message.endsWith(QLatin1String("(backend says x)")));
    }
}

void TestKeychainProfilesNoDbus::nameProblem_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("valid");
    QTest::newRow("simple") << QStringLiteral("prod") << true;
    QTest::newRow("punctuation") << QStringLiteral("Ops.eu-west_1@acme+x=y") << true;
    QTest::newRow("64 characters") << QString(64, u'a') << true;
    QTest::newRow("65 characters") << QString(65, u'a') << false;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("leading dash") << QStringLiteral("-x") << false;
    QTest::newRow("space") << QStringLiteral("a b") << false;
    QTest::newRow("brackets") << QStringLiteral("[a]") << false;
    QTest::newRow("backslash") << QStringLiteral("a\\b") << false;
}

void TestKeychainProfilesNoDbus::nameProblem()
{
    QFETCH(QString, name);
    QFETCH(bool, valid);
    QCOMPARE(!KeychainProfileStore::nameProblem(name).has_value(), valid);
}

void TestKeychainProfilesNoDbus::sharedProfileClash_namesTheFileAndLine()
{
    const aws::AwsProfiles shared
        = aws::AwsProfiles::fromFiles(aws::SharedConfigFile::parse("\n[profile prod]\nregion = x\n",
                                          QStringLiteral("/h/.aws/config")),
            {});
    QCOMPARE(*KeychainProfileStore::sharedProfileClash(QStringLiteral("prod"), shared),
        QStringLiteral(
            "The name \"prod\" is already used by profile prod in /h/.aws/config line 2. A "
            "keychain "
            "profile cannot share its name with a ~/.aws profile; choose another name."));
    QVERIFY(!KeychainProfileStore::sharedProfileClash(QStringLiteral("desk"), shared));
}

QTEST_GUILESS_MAIN(TestKeychainProfilesNoDbus)
#include "tst_keychainprofiles_nodbus.moc"
