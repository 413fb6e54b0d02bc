// The keychain profile dialog against the session's real Secret Service (a private gnome-keyring
// from run-isolated): saving closes the dialog with the keys in the keychain, editing replaces
// them, deleting removes the entry. Where a keychain is required (CI, LOOKOUT_REQUIRE_KEYCHAIN=1)
// an unreachable keychain fails the test instead of skipping it.
#include "ui/profiledialog.h"

#include <QDialogButtonBox>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QUuid>
#include <QtTest>

using aws::KeychainProfileStore;

class TestProfileDialogKeychain : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void createEditDelete_throughTheKeychain();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<KeychainProfileStore> m_store;
    QString m_name;
    std::optional<aws::Result<aws::KeychainSecret>> readSecret();
};

void TestProfileDialogKeychain::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestProfileDialogKeychain::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_settings = std::make_unique<QSettings>(
        m_dir->filePath(QStringLiteral("profiles.ini")), QSettings::IniFormat);
    m_store = std::make_unique<KeychainProfileStore>(m_settings.get(),
        QStringLiteral("lookout-desk-test-") + QUuid::createUuid().toString(QUuid::WithoutBraces));
    m_name = QStringLiteral("dialog-") + QUuid::createUuid().toString(QUuid::Id128).left(12);
}

void TestProfileDialogKeychain::cleanup()
{
    if (m_store && m_store->profile(m_name)) {
        bool done = false;
        m_store->remove(m_name, nullptr, [&](const aws::Result<bool> &) { done = true; });
        QVERIFY(QTest::qWaitFor([&] { return done; }, 30'000));
    }
}

std::optional<aws::Result<aws::KeychainSecret>> TestProfileDialogKeychain::readSecret()
{
    std::optional<aws::Result<aws::KeychainSecret>> secret;
    m_store->readSecret(
        m_name, nullptr, [&](const aws::Result<aws::KeychainSecret> &r) { secret = r; });
    if (!QTest::qWaitFor([&] { return secret.has_value(); }, 30'000))
        return std::nullopt;
    return secret;
}

void TestProfileDialogKeychain::createEditDelete_throughTheKeychain()
{
    {
        ui::ProfileDialog dialog(m_store.get(), aws::AwsProfiles());
        dialog.show();
        QSignalSpy saved(&dialog, &ui::ProfileDialog::profileSaved);
        QTest::keyClicks(dialog.findChild<QLineEdit *>(QStringLiteral("nameLineEdit")), m_name);
        QTest::keyClicks(dialog.findChild<QLineEdit *>(QStringLiteral("accessKeyIdLineEdit")),
            QStringLiteral("AKIDFIRST"));
        QTest::keyClicks(dialog.findChild<QLineEdit *>(QStringLiteral("secretAccessKeyLineEdit")),
            QStringLiteral("first"));
        QTest::mouseClick(
            dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save), Qt::LeftButton);
        QVERIFY(QTest::qWaitFor([&] { return saved.size() == 1; }, 30'000));
        if (!saved.first().at(1).toBool()) {
            const QByteArray why = "keychain unreachable: " + dialog.message().toUtf8();
            if (qEnvironmentVariable("CI") == QLatin1String("true")
                || qEnvironmentVariable("LOOKOUT_REQUIRE_KEYCHAIN") == QLatin1String("1"))
                QFAIL(why.constData());
            QSKIP(why.constData());
        }
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QVERIFY(!dialog.isVisible());
        QVERIFY(!m_store->isSessionOnly(m_name));
    }
    QCOMPARE(readSecret()->value().accessKeyId, QStringLiteral("AKIDFIRST"));

    {
        ui::ProfileDialog dialog(m_store.get(), aws::AwsProfiles());
        QVERIFY(dialog.editProfile(m_name));
        dialog.show();
        QSignalSpy saved(&dialog, &ui::ProfileDialog::profileSaved);
        QTest::keyClicks(dialog.findChild<QLineEdit *>(QStringLiteral("accessKeyIdLineEdit")),
            QStringLiteral("AKIDSECOND"));
        QTest::keyClicks(dialog.findChild<QLineEdit *>(QStringLiteral("secretAccessKeyLineEdit")),
            QStringLiteral("second"));
        QTest::mouseClick(
            dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save), Qt::LeftButton);
        QVERIFY(QTest::qWaitFor([&] { return saved.size() == 1; }, 30'000));
        QCOMPARE(saved.first().at(1).toBool(), true);
    }
    QCOMPARE(readSecret()->value(),
        (aws::KeychainSecret {
            QStringLiteral("AKIDSECOND"), QStringLiteral("second"), QString() }));

    {
        ui::ProfileDialog dialog(m_store.get(), aws::AwsProfiles());
        QVERIFY(dialog.editProfile(m_name));
        dialog.show();
        QSignalSpy deleted(&dialog, &ui::ProfileDialog::profileDeleted);
        QTest::mouseClick(
            dialog.findChild<QPushButton *>(QStringLiteral("deleteButton")), Qt::LeftButton);
        QMessageBox *confirmation = nullptr;
        QVERIFY(QTest::qWaitFor([&] {
            confirmation = dialog.findChild<QMessageBox *>(QStringLiteral("deleteConfirmation"));
            return confirmation && confirmation->isVisible();
        }));
        QTest::mouseClick(confirmation->button(QMessageBox::Yes), Qt::LeftButton);
        QVERIFY(QTest::qWaitFor([&] { return deleted.size() == 1; }, 30'000));
    }
    QVERIFY(!m_store->profile(m_name));
    KeychainProfileStore probe(m_settings.get(), m_store->service());
    m_settings->setValue(QStringLiteral("KeychainProfiles/%1/region").arg(m_name),
        QString()); // re-plant the name only
    std::optional<aws::Result<aws::KeychainSecret>> gone;
    probe.readSecret(m_name, nullptr, [&](const aws::Result<aws::KeychainSecret> &r) { gone = r; });
    QVERIFY(QTest::qWaitFor([&] { return gone.has_value(); }, 30'000));
    QCOMPARE(aws::keychainFailureOf(gone->error()),
        aws::KeychainFailure::NotFound); // the entry is gone too
    m_settings->remove(QStringLiteral("KeychainProfiles"));
}

QTEST_MAIN(TestProfileDialogKeychain)
#include "tst_profiledialog_keychain.moc"
