// Keychain profiles on the real Secret Service (gnome-keyring under a private dbus-run-session
// from run-isolated): the round trip, what goes to QSettings (never the secret), and the chain
// reading a keychain profile. Where a keychain is required (CI, LOOKOUT_REQUIRE_KEYCHAIN=1) an
// unreachable keychain fails the test instead of skipping it.
#include "aws/configresolver.h"
#include "aws/keychainprofiles.h"
#include "servicedescriptions.h"

#include <QSettings>
#include <QTemporaryDir>
#include <QUuid>
#include <QtTest>
#include <qt6keychain/keychain.h>

using aws::AwsError;
using aws::KeychainFailure;
using aws::KeychainProfile;
using aws::KeychainProfileStore;
using aws::KeychainSecret;
using aws::Result;

namespace {

bool keychainRequired()
{
    return qEnvironmentVariable("CI") == QLatin1String("true")
        || qEnvironmentVariable("LOOKOUT_REQUIRE_KEYCHAIN") == QLatin1String("1");
}

template<typename T>
std::optional<Result<T>> waitFor(
    const std::function<void(std::function<void(const Result<T> &)>)> &start)
{
    std::optional<Result<T>> outcome;
    start([&](const Result<T> &result) { outcome = result; });
    if (!QTest::qWaitFor([&] { return outcome.has_value(); }, 30'000))
        return std::nullopt;
    return outcome;
}

// Runs a raw QtKeychain job to its end (to plant or inspect entries behind the store's back).
// The caller owns the job: waiting also runs deferred deletes, so it must not delete itself.
bool runRawJob(QKeychain::Job *job)
{
    job->setAutoDelete(false);
    bool finished = false;
    QObject::connect(job, &QKeychain::Job::finished, job, [&] { finished = true; });
    job->start();
    return QTest::qWaitFor([&] { return finished; }, 30'000);
}

} // namespace

class TestKeychainProfiles : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();

    void saveReadUpdateRemove_roundTrip();
    void save_replacesKeysOfAnExistingProfile();
    void settingsFile_neverHoldsTheSecret();
    void resolvedConnection_fetchesKeysFromTheKeychain();
    void missingEntry_saysSoAndWhatToDo();
    void foreignEntry_isReportedAsDamaged();
    void remove_unknownProfile_isTheCliMessage();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<KeychainProfileStore> m_store;
    QString m_service;
    QString m_name;

    std::optional<Result<aws::KeychainSaveOutcome>> save(
        const KeychainProfile &profile, const KeychainSecret &secret);
    std::optional<Result<KeychainSecret>> read(const QString &name);
    std::optional<Result<bool>> remove(const QString &name);
};

void TestKeychainProfiles::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestKeychainProfiles::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_settings = std::make_unique<QSettings>(
        m_dir->filePath(QStringLiteral("profiles.ini")), QSettings::IniFormat);
    // A service and profile name of their own, so nothing real is ever touched.
    m_service
        = QStringLiteral("lookout-desk-test-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    m_name = QStringLiteral("test-") + QUuid::createUuid().toString(QUuid::Id128).left(12);
    m_store = std::make_unique<KeychainProfileStore>(m_settings.get(), m_service);

    // Probe once: skip (or fail where a keychain is required) when there is none.
    const auto probe
        = save({ m_name, {}, {} }, { QStringLiteral("AKIDPROBE"), QStringLiteral("probe"), {} });
    QVERIFY(probe && probe->ok());
    if (!probe->value().inKeychain) {
        const QByteArray why = "keychain unreachable: " + probe->value().message.toUtf8();
        if (keychainRequired())
            QFAIL(why.constData());
        QSKIP(why.constData());
    }
    const auto removed = remove(m_name);
    QVERIFY(removed && removed->ok());
}

void TestKeychainProfiles::cleanup()
{
    if (m_store && m_store->profile(m_name))
        remove(m_name);
    m_store.reset();
    m_settings.reset();
}

std::optional<Result<aws::KeychainSaveOutcome>> TestKeychainProfiles::save(
    const KeychainProfile &profile, const KeychainSecret &secret)
{
    return waitFor<aws::KeychainSaveOutcome>([&](auto done) {
        m_store->save(
            profile, secret, KeychainProfileStore::Fallback::KeepForSession, nullptr, done);
    });
}

std::optional<Result<KeychainSecret>> TestKeychainProfiles::read(const QString &name)
{
    return waitFor<KeychainSecret>([&](auto done) { m_store->readSecret(name, nullptr, done); });
}

std::optional<Result<bool>> TestKeychainProfiles::remove(const QString &name)
{
    return waitFor<bool>([&](auto done) { m_store->remove(name, nullptr, done); });
}

void TestKeychainProfiles::saveReadUpdateRemove_roundTrip()
{
    QSignalSpy changed(m_store.get(), &KeychainProfileStore::profilesChanged);
    const KeychainProfile profile { m_name, QStringLiteral("eu-west-1"),
        QStringLiteral("http://127.0.0.1:8443") };
    const KeychainSecret secret { QStringLiteral("AKIDROUNDTRIP"),
        QStringLiteral("secret/+=round-trip"), QStringLiteral("session-token") };
    const auto saved = save(profile, secret);
    QVERIFY(saved && saved->ok());
    QVERIFY(saved->value().inKeychain);
    QVERIFY(!saved->value().failure);
    QCOMPARE(changed.size(), 1);
    QVERIFY(!m_store->isSessionOnly(m_name));
    QCOMPARE(m_store->profile(m_name), profile);
    QVERIFY(m_store->profiles().contains(profile));

    // A new store (a new session) finds it again.
    KeychainProfileStore again(m_settings.get(), m_service);
    std::optional<Result<KeychainSecret>> readAgain;
    again.readSecret(m_name, nullptr, [&](const Result<KeychainSecret> &r) { readAgain = r; });
    QVERIFY(QTest::qWaitFor([&] { return readAgain.has_value(); }, 30'000));
    QVERIFY(readAgain->ok());
    QCOMPARE(readAgain->value(), secret);

    const KeychainProfile moved { m_name, QStringLiteral("us-east-1"), QString() };
    QVERIFY(m_store->updateDetails(moved).ok());
    QCOMPARE(m_store->profile(m_name), moved);
    QCOMPARE(read(m_name)->value(), secret); // keys untouched

    const auto removed = remove(m_name);
    QVERIFY(removed && removed->ok());
    QVERIFY(!m_store->profile(m_name));
    const auto gone = read(m_name);
    QVERIFY(gone && !gone->ok());
    QCOMPARE(gone->error().message,
        QStringLiteral("The config profile (%1) could not be found").arg(m_name));
    const auto raw = std::make_unique<QKeychain::ReadPasswordJob>(m_service);
    raw->setKey(m_name);
    QVERIFY(runRawJob(raw.get()));
    QCOMPARE(raw->error(), QKeychain::EntryNotFound);
}

void TestKeychainProfiles::save_replacesKeysOfAnExistingProfile()
{
    QVERIFY(save({ m_name, {}, {} },
        { QStringLiteral("AKIDFIRST"), QStringLiteral("first"), QStringLiteral("t") })
                ->ok());
    QVERIFY(save({ m_name, QStringLiteral("eu-west-1"), {} },
        { QStringLiteral("AKIDSECOND"), QStringLiteral("second"), {} })
                ->ok());
    const auto secret = read(m_name);
    QCOMPARE(secret->value(),
        (KeychainSecret { QStringLiteral("AKIDSECOND"), QStringLiteral("second"), QString() }));
    QCOMPARE(m_store->profile(m_name)->region, QStringLiteral("eu-west-1"));
}

void TestKeychainProfiles::settingsFile_neverHoldsTheSecret()
{
    const QString secret
        = QStringLiteral("unique-secret-") + QUuid::createUuid().toString(QUuid::Id128);
    const QString token
        = QStringLiteral("unique-token-") + QUuid::createUuid().toString(QUuid::Id128);
    QVERIFY(save({ m_name, QStringLiteral("eu-west-1"), {} },
        { QStringLiteral("AKIDHYGIENE"), secret, token })
                ->ok());
    m_settings->sync();
    QFile file(m_settings->fileName());
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray text = file.readAll();
    QVERIFY(text.contains(m_name.toUtf8()));
    QVERIFY(text.contains("eu-west-1"));
    QVERIFY(!text.contains(secret.toUtf8()));
    QVERIFY(!text.contains(token.toUtf8()));
    QVERIFY(!text.contains("AKIDHYGIENE"));
}

void TestKeychainProfiles::resolvedConnection_fetchesKeysFromTheKeychain()
{
    QVERIFY(save({ m_name, QStringLiteral("ap-northeast-2"), {} },
        { QStringLiteral("AKIDCHAIN"), QStringLiteral("chain-secret"), {} })
                ->ok());
    QTemporaryDir home;
    const aws::ConfigResolver resolver(QProcessEnvironment(), home.path(), m_store.get());
    aws::RequestedConfig request;
    request.profile = m_name;
    const Result<aws::ResolvedConfig> connection
        = resolver.resolve(testsupport::lookoutEquipmentService(), request);
    QVERIFY2(connection.ok(), qPrintable(connection.ok() ? QString() : connection.error().message));
    std::optional<Result<aws::AwsCredentials>> credentials;
    connection.value().credentials->fetch(
        nullptr, [&](const Result<aws::AwsCredentials> &r) { credentials = r; });
    QVERIFY(QTest::qWaitFor([&] { return credentials.has_value(); }, 30'000));
    QVERIFY(credentials->ok());
    QCOMPARE(credentials->value().accessKeyId, QStringLiteral("AKIDCHAIN"));
    QCOMPARE(credentials->value().secretAccessKey, QStringLiteral("chain-secret"));
    QCOMPARE(credentials->value().source, QStringLiteral("keychain profile %1").arg(m_name));
}

void TestKeychainProfiles::missingEntry_saysSoAndWhatToDo()
{
    QVERIFY(
        save({ m_name, {}, {} }, { QStringLiteral("AKIDMISSING"), QStringLiteral("s"), {} })->ok());
    const auto raw = std::make_unique<QKeychain::DeletePasswordJob>(m_service);
    raw->setKey(m_name);
    QVERIFY(runRawJob(raw.get()));
    const auto secret = read(m_name);
    QVERIFY(secret && !secret->ok());
    QCOMPARE(aws::keychainFailureOf(secret->error()), KeychainFailure::NotFound);
    QVERIFY2(secret->error().message.contains(
                 QStringLiteral("lookout-desk configure --profile %1").arg(m_name)),
        qPrintable(secret->error().message));
    // Removing the profile still works when its entry is already gone.
    QVERIFY(remove(m_name)->ok());
    QVERIFY(!m_store->profile(m_name));
}

void TestKeychainProfiles::foreignEntry_isReportedAsDamaged()
{
    QVERIFY(
        save({ m_name, {}, {} }, { QStringLiteral("AKIDFOREIGN"), QStringLiteral("s"), {} })->ok());
    const auto raw = std::make_unique<QKeychain::WritePasswordJob>(m_service);
    raw->setInsecureFallback(false);
    raw->setKey(m_name);
    raw->setTextData(QStringLiteral("not json"));
    QVERIFY(runRawJob(raw.get()));
    QCOMPARE(raw->error(), QKeychain::NoError);
    const auto secret = read(m_name);
    QVERIFY(secret && !secret->ok());
    QCOMPARE(secret->error().kind, AwsError::Kind::Credentials);
    QVERIFY2(secret->error().message.contains(
                 QLatin1String("is not one Lookout Desk wrote, or is damaged")),
        qPrintable(secret->error().message));
}

void TestKeychainProfiles::remove_unknownProfile_isTheCliMessage()
{
    const auto removed = remove(QStringLiteral("never-created"));
    QVERIFY(removed && !removed->ok());
    QCOMPARE(removed->error().kind, AwsError::Kind::Configuration);
    QCOMPARE(removed->error().message,
        QStringLiteral("The config profile (never-created) could not be found"));
}

QTEST_GUILESS_MAIN(TestKeychainProfiles)
#include "tst_keychainprofiles.moc"
