// Issue 4's secret hygiene, end to end: with a unique secret key and session token, store a
// keychain profile with `configure`, call `describe` through it against a local endpoint, run
// the error paths (wrong secret, unreachable endpoint, bad region, missing scheduler) and
// `--debug`, list and delete the profile; then search everything the runs printed and every file
// written under the temporary HOME and XDG directories for the secret and the token, as text
// and in base64. Needs the Secret Service (run-isolated provides a private gnome-keyring);
// without one it skips, or fails in CI.
#include "emulator/emulator.h"
#include "headlessrun.h"
#include "loopbackport.h"

#include <QDirIterator>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QUuid>
#include <QtTest>

using namespace Qt::StringLiterals;

class TestSecretHygiene : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void wholeFlow_neverShowsOrWritesTheSecretOrToken();

private:
    e2e::ProcessRun run(const QStringList &arguments, const QByteArray &input = {});
    QStringList forbiddenForms() const;
    // Files under the temporary directory, or -1 when one cannot be read or holds a secret.
    int searchWrittenFiles();

    std::unique_ptr<emulator::Emulator> m_emulator;
    QTemporaryDir m_dir;
    QString m_profile;
    QString m_accessKeyId;
    QString m_secret;
    QString m_token;
    QList<QByteArray> m_printed;
};

void TestSecretHygiene::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const QString unique = QUuid::createUuid().toString(QUuid::Id128);
    m_profile = u"hygiene-"_s + unique.left(10);
    m_accessKeyId = u"AKIDHYGIENE"_s + unique.left(9).toUpper();
    m_secret = u"hygieneSecret"_s + unique;
    m_token
        = u"hygieneToken"_s + unique + u"/+="_s; // characters that base64 and URLs treat specially
    emulator::EmulatorOptions options;
    options.fleetSize = 5;
    options.credentials = { m_accessKeyId, m_secret, m_token, std::nullopt, u"test"_s };
    m_emulator = std::make_unique<emulator::Emulator>(options);
    QVERIFY2(m_emulator->start(), qPrintable(m_emulator->errorString()));
    for (const char *name : { "home", "xdg-config", "xdg-data", "xdg-cache", "xdg-state", "tmp" })
        QVERIFY(QDir(m_dir.path()).mkpath(QString::fromLatin1(name)));
}

void TestSecretHygiene::cleanupTestCase()
{
    if (!m_profile.isEmpty() && m_dir.isValid())
        run({ u"configure"_s, u"--profile"_s, m_profile, u"--delete"_s });
}

e2e::ProcessRun TestSecretHygiene::run(const QStringList &arguments, const QByteArray &input)
{
    QProcessEnvironment environment = e2e::bareEnvironment(true);
    environment.insert(u"HOME"_s, m_dir.filePath(u"home"_s));
    environment.insert(u"XDG_CONFIG_HOME"_s, m_dir.filePath(u"xdg-config"_s));
    environment.insert(u"XDG_DATA_HOME"_s, m_dir.filePath(u"xdg-data"_s));
    environment.insert(u"XDG_CACHE_HOME"_s, m_dir.filePath(u"xdg-cache"_s));
    environment.insert(u"XDG_STATE_HOME"_s, m_dir.filePath(u"xdg-state"_s));
    environment.insert(u"TMPDIR"_s, m_dir.filePath(u"tmp"_s));
    environment.insert(u"AWS_CONFIG_FILE"_s, m_dir.filePath(u"home/.aws/config"_s));
    environment.insert(
        u"AWS_SHARED_CREDENTIALS_FILE"_s, m_dir.filePath(u"home/.aws/credentials"_s));
    environment.insert(u"AWS_ENDPOINT_URL_LOOKOUTEQUIPMENT"_s, m_emulator->endpoint().toString());
    const e2e::ProcessRun result
        = e2e::runProcess(QStringLiteral(LOOKOUT_BINARY), arguments, environment, input, 150'000);
    m_printed << result.out << result.err;
    return result;
}

QStringList TestSecretHygiene::forbiddenForms() const
{
    return { m_secret, m_token, QString::fromLatin1(m_secret.toUtf8().toBase64()),
        QString::fromLatin1(m_token.toUtf8().toBase64()),
        QString::fromLatin1(m_secret.toUtf8().toHex()),
        QString::fromLatin1(QUrl::toPercentEncoding(m_token)) };
}

void TestSecretHygiene::wholeFlow_neverShowsOrWritesTheSecretOrToken()
{
    // The search itself finds a planted token (UTF-16, as QSettings might write it), so a pass
    // below means something.
    {
        QFile canary(m_dir.filePath(u"tmp/canary"_s));
        QVERIFY(canary.open(QIODevice::WriteOnly));
        canary.write(
            QByteArray(reinterpret_cast<const char *>(m_token.utf16()), m_token.size() * 2));
    }
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"canary holds a secret$"_s));
    QCOMPARE(searchWrittenFiles(), -1);
    QVERIFY(QFile::remove(m_dir.filePath(u"tmp/canary"_s)));

    // configure: the four answers on stdin, as a script would pipe them.
    const QByteArray answers = m_accessKeyId.toUtf8() + '\n' + m_secret.toUtf8() + '\n'
        + m_token.toUtf8() + '\n' + m_emulator->region().toUtf8() + '\n';
    const e2e::ProcessRun stored = run({ u"configure"_s, u"--profile"_s, m_profile }, answers);
    QVERIFY(stored.finished);
    if (stored.exitCode != 0) {
        const bool required = qEnvironmentVariable("CI") == u"true"_s
            || qEnvironmentVariable("LOOKOUT_REQUIRE_KEYCHAIN") == u"1"_s;
        if (!required)
            QSKIP(qPrintable(u"no usable keychain: "_s + QString::fromUtf8(stored.err)));
        QFAIL(stored.err.constData());
    }

    const e2e::ProcessRun listed = run({ u"list"_s, u"--profile"_s, m_profile });
    QCOMPARE(listed.exitCode, 0);
    const QByteArray firstName
        = listed.out.mid(listed.out.indexOf("\"InferenceSchedulerName\": \"") + 27)
              .split('"')
              .first();
    QVERIFY(!firstName.isEmpty());
    const QString scheduler = QString::fromUtf8(firstName);

    const e2e::ProcessRun described = run({ u"describe"_s, scheduler, u"--profile"_s, m_profile });
    QCOMPARE(described.exitCode, 0);
    QVERIFY(described.out.contains(firstName));
    const e2e::ProcessRun debugged
        = run({ u"describe"_s, scheduler, u"--profile"_s, m_profile, u"--debug"_s });
    QCOMPARE(debugged.exitCode, 0);
    QVERIFY(debugged.err.contains("lookoutdesk.http - DEBUG - POST"));
    QVERIFY2(
        debugged.err.contains(QByteArray("credentials: keychain profile " + m_profile.toUtf8())),
        debugged.err.constData());
    const e2e::ProcessRun tableAndText = run({ u"executions"_s, scheduler, u"--profile"_s,
        m_profile, u"--max-items"_s, u"2"_s, u"--output"_s, u"table"_s });
    QCOMPARE(tableAndText.exitCode, 0);

    // Error paths, each with --debug so the log is searched too.
    const e2e::ProcessRun missing
        = run({ u"describe"_s, u"ghost"_s, u"--profile"_s, m_profile, u"--debug"_s });
    QCOMPARE(missing.exitCode, 254);
    const testsupport::RefusingLoopbackPort refusing;
    QVERIFY(refusing.port() != 0);
    const QString unreachable = u"http://127.0.0.1:%1"_s.arg(refusing.port());
    const e2e::ProcessRun refused = run({ u"describe"_s, scheduler, u"--profile"_s, m_profile,
        u"--endpoint-url"_s, unreachable, u"--debug"_s });
    QCOMPARE(refused.exitCode, 255);
    const e2e::ProcessRun badRegion = run({ u"describe"_s, scheduler, u"--profile"_s, m_profile,
        u"--region"_s, u"not a region"_s, u"--debug"_s });
    QCOMPARE(badRegion.exitCode, 253);
    const e2e::ProcessRun otherRegion = run({ u"describe"_s, scheduler, u"--profile"_s, m_profile,
        u"--region"_s, u"eu-west-1"_s, u"--debug"_s });
    QCOMPARE(otherRegion.exitCode, 254); // signed for the wrong region: the emulator refuses it

    // A wrong secret: the same profile name re-configured with another secret, same token.
    const QByteArray wrongAnswers = m_accessKeyId.toUtf8() + "\nwrong-" + m_secret.toUtf8().left(8)
        + '\n' + m_token.toUtf8() + '\n' + m_emulator->region().toUtf8() + '\n';
    QCOMPARE(run({ u"configure"_s, u"--profile"_s, m_profile }, wrongAnswers).exitCode, 0);
    const e2e::ProcessRun denied
        = run({ u"describe"_s, scheduler, u"--profile"_s, m_profile, u"--debug"_s });
    QCOMPARE(denied.exitCode, 254);
    QVERIFY2(denied.err.contains("InvalidSignatureException"), denied.err.constData());

    QCOMPARE(run({ u"configure"_s, u"list-profiles"_s }).exitCode, 0);
    QVERIFY2(
        searchWrittenFiles() > 0, "nothing written: the profile's settings file should be there");
    const e2e::ProcessRun deleted
        = run({ u"configure"_s, u"--profile"_s, m_profile, u"--delete"_s });
    QCOMPARE(deleted.exitCode, 0);
    m_profile.clear();
    QVERIFY(searchWrittenFiles() >= 0);

    const QStringList forbidden = forbiddenForms();
    for (qsizetype i = 0; i < m_printed.size(); ++i) {
        for (const QString &secret : forbidden)
            QVERIFY2(!m_printed[i].contains(secret.toUtf8()),
                qPrintable(u"run output %1 holds a secret"_s.arg(i)));
    }
}

int TestSecretHygiene::searchWrittenFiles()
{
    const QStringList forbidden = forbiddenForms();
    int files = 0;
    QDirIterator it(
        m_dir.path(), QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile file(it.next());
        if (!file.open(QIODevice::ReadOnly)) {
            qWarning("cannot read %s", qPrintable(file.fileName()));
            return -1;
        }
        const QByteArray content = file.readAll();
        ++files;
        for (const QString &secret : forbidden) {
            if (content.contains(secret.toUtf8())
                || content.contains(QByteArray(
                    reinterpret_cast<const char *>(secret.utf16()), secret.size() * 2))) {
                qWarning("%s holds a secret", qPrintable(file.fileName()));
                return -1;
            }
        }
    }
    return files;
}

QTEST_GUILESS_MAIN(TestSecretHygiene)
#include "tst_secrethygiene.moc"
