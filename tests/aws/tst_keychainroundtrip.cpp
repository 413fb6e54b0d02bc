// A write/read/delete round trip through QtKeychain against the session's real Secret Service
// (gnome-keyring under dbus-run-session from run-isolated). Where a keychain is required (CI, or
// LOOKOUT_REQUIRE_KEYCHAIN=1) an unreachable keychain fails the test instead of skipping it.
#include <QEventLoop>
#include <QTimer>
#include <QUuid>
#include <QtTest>
#include <qt6keychain/keychain.h>

namespace {

const QString kService = QStringLiteral("lookout-desk-test");

bool keychainRequired()
{
    return qEnvironmentVariable("CI") == QLatin1String("true")
        || qEnvironmentVariable("LOOKOUT_REQUIRE_KEYCHAIN") == QLatin1String("1");
}

// Runs a job to completion (bounded, so a keychain waiting on an unlock prompt cannot hang).
bool runJob(QKeychain::Job *job)
{
    QEventLoop loop;
    bool finished = false;
    QObject::connect(job, &QKeychain::Job::finished, &loop, [&] {
        finished = true;
        loop.quit();
    });
    QTimer::singleShot(20'000, &loop, &QEventLoop::quit);
    job->start();
    if (!finished)
        loop.exec();
    return finished;
}

} // namespace

class TestKeychainRoundTrip : public QObject {
    Q_OBJECT
private slots:
    void writeReadDelete_realSecretService();
};

void TestKeychainRoundTrip::writeReadDelete_realSecretService()
{
    const QString key
        = QStringLiteral("roundtrip-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QByteArray secret = QUuid::createUuid().toByteArray();

    auto *write = new QKeychain::WritePasswordJob(kService);
    write->setInsecureFallback(false);
    write->setKey(key);
    write->setBinaryData(secret);
    QVERIFY2(runJob(write), "writing to the keychain did not finish within 20 s");
    if (write->error() != QKeychain::NoError) {
        const QByteArray why = "keychain unreachable: " + write->errorString().toUtf8();
        if (keychainRequired())
            QFAIL(why.constData());
        QSKIP(why.constData());
    }

    auto *read = new QKeychain::ReadPasswordJob(kService);
    read->setInsecureFallback(false);
    read->setKey(key);
    QVERIFY(runJob(read));
    QCOMPARE(read->error(), QKeychain::NoError);
    QCOMPARE(read->binaryData(), secret);

    auto *remove = new QKeychain::DeletePasswordJob(kService);
    remove->setKey(key);
    QVERIFY(runJob(remove));
    QCOMPARE(remove->error(), QKeychain::NoError);

    auto *readAgain = new QKeychain::ReadPasswordJob(kService);
    readAgain->setKey(key);
    QVERIFY(runJob(readAgain));
    QCOMPARE(readAgain->error(), QKeychain::EntryNotFound);
}

QTEST_GUILESS_MAIN(TestKeychainRoundTrip)
#include "tst_keychainroundtrip.moc"
