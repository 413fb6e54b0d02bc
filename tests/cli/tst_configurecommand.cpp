// `lookout-desk configure` end to end: the built binary with stdin piped, a temporary home and
// AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE pointing at temporary files, against the session's
// Secret Service (a private gnome-keyring from run-isolated); then --delete, list-profiles, the
// refusals and the no-D-Bus path. Secrets must never appear in what it prints or writes.
#include <QDirIterator>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSettings>
#include <QTemporaryDir>
#include <QUuid>
#include <QtTest>
#include <qt6keychain/keychain.h>

namespace {

struct Run {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

bool keychainRequired()
{
    return qEnvironmentVariable("CI") == QLatin1String("true")
        || qEnvironmentVariable("LOOKOUT_REQUIRE_KEYCHAIN") == QLatin1String("1");
}

// The keychain entry as another program sees it; empty when there is none.
QByteArray keychainEntry(const QString &name)
{
    QKeychain::ReadPasswordJob job(QStringLiteral("lookout-desk"));
    job.setAutoDelete(false);
    job.setKey(name);
    bool finished = false;
    QObject::connect(&job, &QKeychain::Job::finished, &job, [&] { finished = true; });
    job.start();
    if (!QTest::qWaitFor([&] { return finished; }, 30'000) || job.error() != QKeychain::NoError)
        return {};
    return job.binaryData();
}

} // namespace

class TestConfigureCommand : public QObject {
    Q_OBJECT
private slots:
    void init();
    void cleanup();

    void configure_storesInKeychain_listsIt_thenDeletes();
    void configure_reconfigureKeepsTheEndpoint();
    void configure_nameOfAConfigFileProfile_isRefused();
    void configure_nameOfACredentialsFileProfile_isRefused();
    void configure_invalidName_isRefused();
    void configure_missingSecret_storesNothing();
    void configure_withoutDbus_saysSoAndStoresNothing();
    void delete_unknownProfile_isTheCliMessage();
    void delete_sharedFileProfile_isRefused();
    void badCommandLine_data();
    void badCommandLine();
    void brokenAwsFile_isReportedWithFileAndLine();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_name;
    QString m_secret;
    QString m_token;

    Run run(const QStringList &arguments, const QByteArray &input = {},
        const QStringList &environment = {});
    QString path(const QString &name) const { return m_dir->filePath(name); }
    QString settingsFile() const
    {
        return path(QStringLiteral("xdg-config/LookoutDesk/profiles.ini"));
    }
    QByteArray answers() const;
    void writeFile(const QString &name, const QByteArray &text);
    void requireKeychainOrSkip(const Run &stored);
    QByteArray everythingWritten() const;
};

void TestConfigureCommand::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    QVERIFY(QDir(m_dir->path()).mkpath(QStringLiteral("home")));
    const QString unique = QUuid::createUuid().toString(QUuid::Id128);
    m_name = QStringLiteral("cli-test-") + unique.left(12);
    m_secret = QStringLiteral("secret-") + unique;
    m_token = QStringLiteral("token-") + unique;
    writeFile(QStringLiteral("aws-config"),
        "[default]\nregion = us-east-1\n\n[profile prod]\nregion = eu-west-1\n");
    writeFile(QStringLiteral("aws-credentials"),
        "[ci]\naws_access_key_id = AKIDCI\naws_secret_access_key = s\n");
}

void TestConfigureCommand::cleanup()
{
    if (!keychainEntry(m_name).isEmpty())
        run({ QStringLiteral("configure"), QStringLiteral("--profile"), m_name,
            QStringLiteral("--delete") });
}

void TestConfigureCommand::writeFile(const QString &name, const QByteArray &text)
{
    QFile file(path(name));
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(file.write(text), text.size());
}

Run TestConfigureCommand::run(
    const QStringList &arguments, const QByteArray &input, const QStringList &environment)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char *name :
        { "AWS_PROFILE", "AWS_DEFAULT_PROFILE", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY",
            "AWS_SESSION_TOKEN", "AWS_REGION", "AWS_DEFAULT_REGION", "DISPLAY", "WAYLAND_DISPLAY" })
        env.remove(QLatin1String(name));
    env.insert(QStringLiteral("HOME"), path(QStringLiteral("home")));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), path(QStringLiteral("xdg-config")));
    env.insert(QStringLiteral("AWS_CONFIG_FILE"), path(QStringLiteral("aws-config")));
    env.insert(
        QStringLiteral("AWS_SHARED_CREDENTIALS_FILE"), path(QStringLiteral("aws-credentials")));
    for (const QString &assignment : environment)
        env.insert(assignment.section(u'=', 0, 0), assignment.section(u'=', 1));
    QProcess process;
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(LOOKOUT_BINARY), arguments);
    if (!process.waitForStarted(30'000))
        return {};
    process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(60'000))
        process.kill();
    return { process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
        process.readAllStandardOutput(), process.readAllStandardError() };
}

QByteArray TestConfigureCommand::answers() const
{
    return QStringLiteral("AKIDCLITEST\n%1\n%2\neu-west-1\n").arg(m_secret, m_token).toUtf8();
}

void TestConfigureCommand::requireKeychainOrSkip(const Run &stored)
{
    if (stored.exitCode == 253 && stored.err.startsWith("No keychain")) {
        if (keychainRequired())
            QFAIL(stored.err.constData());
        QSKIP(stored.err.constData());
    }
}

QByteArray TestConfigureCommand::everythingWritten() const
{
    QByteArray all;
    QDirIterator it(m_dir->path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile file(it.next());
        if (file.open(QIODevice::ReadOnly))
            all += file.readAll();
    }
    return all;
}

void TestConfigureCommand::configure_storesInKeychain_listsIt_thenDeletes()
{
    const Run stored
        = run({ QStringLiteral("configure"), QStringLiteral("--profile"), m_name }, answers());
    requireKeychainOrSkip(stored);
    QVERIFY2(stored.exitCode == 0, stored.err.constData());
    QCOMPARE(stored.out,
        QByteArray("AWS Access Key ID: \nAWS Secret Access Key: \nAWS Session Token (optional): \n"
                   "Default region name: \nStored profile "
            + m_name.toUtf8() + " in the keychain (service lookout-desk).\n"));
    QCOMPARE(stored.err, QByteArray());

    const QJsonObject entry = QJsonDocument::fromJson(keychainEntry(m_name)).object();
    QCOMPARE(entry.value(QLatin1String("AccessKeyId")).toString(), QStringLiteral("AKIDCLITEST"));
    QCOMPARE(entry.value(QLatin1String("SecretAccessKey")).toString(), m_secret);
    QCOMPARE(entry.value(QLatin1String("SessionToken")).toString(), m_token);

    QSettings settings(settingsFile(), QSettings::IniFormat);
    QCOMPARE(settings.value(QStringLiteral("KeychainProfiles/%1/region").arg(m_name)).toString(),
        QStringLiteral("eu-west-1"));
    const QByteArray written = everythingWritten();
    QVERIFY(!written.contains(m_secret.toUtf8()));
    QVERIFY(!written.contains(m_token.toUtf8()));

    const Run listed = run({ QStringLiteral("configure"), QStringLiteral("list-profiles") });
    QCOMPARE(listed.exitCode, 0);
    QCOMPARE(listed.out, "ci\n" + m_name.toUtf8() + "  (keychain)\ndefault\nprod\n");

    const Run deleted = run({ QStringLiteral("configure"), QStringLiteral("--profile"), m_name,
        QStringLiteral("--delete") });
    QVERIFY2(deleted.exitCode == 0, deleted.err.constData());
    QCOMPARE(deleted.out, "Removed keychain profile " + m_name.toUtf8() + ".\n");
    QVERIFY(keychainEntry(m_name).isEmpty());
    QSettings after(settingsFile(), QSettings::IniFormat);
    QVERIFY(!after.contains(QStringLiteral("KeychainProfiles/%1/region").arg(m_name)));
    QCOMPARE(run({ QStringLiteral("configure"), QStringLiteral("list-profiles") }).out,
        QByteArray("ci\ndefault\nprod\n"));
}

void TestConfigureCommand::configure_reconfigureKeepsTheEndpoint()
{
    const Run first
        = run({ QStringLiteral("configure"), QStringLiteral("--profile"), m_name }, answers());
    requireKeychainOrSkip(first);
    QCOMPARE(first.exitCode, 0);
    {
        QSettings settings(settingsFile(), QSettings::IniFormat); // as the GUI would set it
        settings.setValue(QStringLiteral("KeychainProfiles/%1/endpoint_url").arg(m_name),
            QStringLiteral("http://127.0.0.1:8443"));
    }
    const Run second = run({ QStringLiteral("configure"), QStringLiteral("--profile"), m_name },
        "AKIDSECOND\nsecond-secret\n\nap-northeast-2\n");
    QVERIFY2(second.exitCode == 0, second.err.constData());
    QSettings settings(settingsFile(), QSettings::IniFormat);
    QCOMPARE(
        settings.value(QStringLiteral("KeychainProfiles/%1/endpoint_url").arg(m_name)).toString(),
        QStringLiteral("http://127.0.0.1:8443"));
    QCOMPARE(settings.value(QStringLiteral("KeychainProfiles/%1/region").arg(m_name)).toString(),
        QStringLiteral("ap-northeast-2"));
    const QJsonObject entry = QJsonDocument::fromJson(keychainEntry(m_name)).object();
    QCOMPARE(entry.value(QLatin1String("AccessKeyId")).toString(), QStringLiteral("AKIDSECOND"));
    QVERIFY(!entry.contains(QLatin1String("SessionToken")));
}

void TestConfigureCommand::configure_nameOfAConfigFileProfile_isRefused()
{
    const Run refused
        = run({ QStringLiteral("configure"), QStringLiteral("--profile"), QStringLiteral("prod") },
            answers());
    QCOMPARE(refused.exitCode, 252);
    QCOMPARE(refused.err,
        QStringLiteral(
            "The name \"prod\" is already used by profile prod in %1 line 4. A keychain profile "
            "cannot share its name with a ~/.aws profile; choose another name.\n")
            .arg(path(QStringLiteral("aws-config")))
            .toUtf8());
    QCOMPARE(refused.out, QByteArray()); // refused before asking anything
    QVERIFY(keychainEntry(QStringLiteral("prod")).isEmpty());
}

void TestConfigureCommand::configure_nameOfACredentialsFileProfile_isRefused()
{
    const Run refused
        = run({ QStringLiteral("configure"), QStringLiteral("--profile"), QStringLiteral("ci") },
            answers());
    QCOMPARE(refused.exitCode, 252);
    QVERIFY2(refused.err.contains(
                 QByteArray(path(QStringLiteral("aws-credentials")).toUtf8() + " line 1")),
        refused.err.constData());
}

void TestConfigureCommand::configure_invalidName_isRefused()
{
    const Run refused = run(
        { QStringLiteral("configure"), QStringLiteral("--profile"), QStringLiteral("my prod") },
        answers());
    QCOMPARE(refused.exitCode, 252);
    QVERIFY2(refused.err.startsWith("The profile name \"my prod\" is not valid"),
        refused.err.constData());
}

void TestConfigureCommand::configure_missingSecret_storesNothing()
{
    const Run refused
        = run({ QStringLiteral("configure"), QStringLiteral("--profile"), m_name }, "AKIDONLY\n");
    QCOMPARE(refused.exitCode, 252);
    QVERIFY2(refused.err.startsWith("No AWS Secret Access Key was given; nothing was stored."),
        refused.err.constData());
    QVERIFY(!QFile::exists(settingsFile()));
}

void TestConfigureCommand::configure_withoutDbus_saysSoAndStoresNothing()
{
    const Run refused
        = run({ QStringLiteral("configure"), QStringLiteral("--profile"), m_name }, answers(),
            { QStringLiteral(
                "DBUS_SESSION_BUS_ADDRESS=unix:path=/nonexistent/lookout-desk-test-bus") });
    QCOMPARE(refused.exitCode, 253);
    QVERIFY2(refused.err.startsWith("No keychain: there is no D-Bus session bus"),
        refused.err.constData());
    QVERIFY(
        refused.err.contains("Nothing was stored: Lookout Desk never writes keys in plain text."));
    // Said before asking for anything: no question was put.
    QCOMPARE(refused.out, QByteArray());
    QVERIFY(!QFile::exists(settingsFile()));
    for (const QByteArray &text : { refused.out, refused.err, everythingWritten() }) {
        QVERIFY(!text.contains(m_secret.toUtf8()));
        QVERIFY(!text.contains(m_token.toUtf8()));
    }
}

void TestConfigureCommand::delete_unknownProfile_isTheCliMessage()
{
    const Run missing = run({ QStringLiteral("configure"), QStringLiteral("--profile"), m_name,
        QStringLiteral("--delete") });
    QCOMPARE(missing.exitCode, 253);
    QCOMPARE(missing.err, "The config profile (" + m_name.toUtf8() + ") could not be found\n");
}

void TestConfigureCommand::delete_sharedFileProfile_isRefused()
{
    const Run refused = run({ QStringLiteral("configure"), QStringLiteral("--profile"),
        QStringLiteral("prod"), QStringLiteral("--delete") });
    QCOMPARE(refused.exitCode, 252);
    QVERIFY2(refused.err.contains("configure --delete removes only keychain profiles"),
        refused.err.constData());
    QFile config(path(QStringLiteral("aws-config")));
    QVERIFY(config.open(QIODevice::ReadOnly));
    QVERIFY(config.readAll().contains("[profile prod]"));
}

void TestConfigureCommand::badCommandLine_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QByteArray>("message");
    QTest::newRow("no profile") << QStringList { "configure" }
                                << QByteArray("configure needs --profile NAME.");
    QTest::newRow("unknown option") << QStringList { "configure", "--profile", "x", "--frobnicate" }
                                    << QByteArray("Unknown option 'frobnicate'.");
    QTest::newRow("unknown word") << QStringList { "configure", "set", "region" }
                                  << QByteArray("Unknown argument \"set\".");
    QTest::newRow("profile without a value") << QStringList { "configure", "--profile" }
                                             << QByteArray("Missing value after '--profile'.");
    QTest::newRow("list-profiles with --delete") << QStringList { "configure", "list-profiles",
        "--delete" } << QByteArray("list-profiles takes no --profile or --delete.");
}

void TestConfigureCommand::badCommandLine()
{
    QFETCH(QStringList, arguments);
    QFETCH(QByteArray, message);
    const Run refused = run(arguments);
    QCOMPARE(refused.exitCode, 252);
    QVERIFY2(refused.err.startsWith(message), refused.err.constData());
    QVERIFY(refused.err.contains("Usage: lookout-desk configure --profile NAME [--delete]"));
}

void TestConfigureCommand::brokenAwsFile_isReportedWithFileAndLine()
{
    writeFile(QStringLiteral("aws-config"), "[profile prod]\nregion = eu-west-1\nnot a property\n");
    const Run listed = run({ QStringLiteral("configure"), QStringLiteral("list-profiles") });
    QCOMPARE(listed.exitCode, 0);
    QCOMPARE(listed.out, QByteArray("ci\nprod\n"));
    QCOMPARE(listed.err,
        QStringLiteral(
            "Warning: %1 line 3: expected \"key = value\", a [section] header or a comment; "
            "the line is ignored\n")
            .arg(path(QStringLiteral("aws-config")))
            .toUtf8());
}

QTEST_GUILESS_MAIN(TestConfigureCommand)
#include "tst_configurecommand.moc"
