// The keychain profile dialog on the offscreen platform with no D-Bus session bus (NO_DBUS): the
// no-keychain message with keys kept for the session only, name clashes, input checks, editing,
// deleting, and that every field is labelled, named and reachable from the keyboard.
#include "ui/profiledialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using aws::KeychainProfileStore;

namespace {

const QString kSecret = QStringLiteral("dialog-unique-secret-91f2");

aws::AwsProfiles sharedProfiles()
{
    return aws::AwsProfiles::fromFiles(
        aws::SharedConfigFile::parse(
            "[default]\nregion = us-east-1\n\n[profile prod]\nregion = eu-west-1\n",
            QStringLiteral("/home/u/.aws/config")),
        aws::SharedConfigFile::parse("[ci]\naws_access_key_id = A\naws_secret_access_key = s\n",
            QStringLiteral("/home/u/.aws/credentials")));
}

} // namespace

class TestProfileDialog : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();

    void fields_labelledNamedAndKeyboardReachable();
    void secretFields_neverEcho();
    void save_withoutKeychain_explainsAndKeepsKeysForTheSession();
    void save_nameOfASharedProfile_isRefused_data();
    void save_nameOfASharedProfile_isRefused();
    void save_invalidInput_isRefused_data();
    void save_invalidInput_isRefused();
    void save_existingKeychainName_isRefusedInNewMode();
    void edit_emptyKeyFields_keepStoredKeys();
    void edit_tokenWithoutKeys_isRefused();
    void edit_unknownProfile_returnsFalse();
    void delete_asksFirst_thenRemoves();
    void delete_answeredNo_keepsTheProfile();
    void cancel_savesNothing();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<KeychainProfileStore> m_store;
    std::unique_ptr<ui::ProfileDialog> m_dialog;

    template<typename T> T *child(const char *name) const
    {
        return m_dialog->findChild<T *>(QLatin1String(name));
    }
    void fill(const QString &name, const QString &keyId, const QString &secret,
        const QString &token, const QString &region, const QString &endpoint);
    QPushButton *button(QDialogButtonBox::StandardButton which) const
    {
        return child<QDialogButtonBox>("buttonBox")->button(which);
    }
    void createSessionProfile(const QString &name);
};

void TestProfileDialog::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY2(
        qEnvironmentVariable("DBUS_SESSION_BUS_ADDRESS").contains(QLatin1String("/nonexistent/")),
        "this test must run with the NO_DBUS label (no session bus)");
}

void TestProfileDialog::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_settings = std::make_unique<QSettings>(
        m_dir->filePath(QStringLiteral("profiles.ini")), QSettings::IniFormat);
    m_store = std::make_unique<KeychainProfileStore>(
        m_settings.get(), QStringLiteral("lookout-desk-test"));
    m_dialog = std::make_unique<ui::ProfileDialog>(m_store.get(), sharedProfiles());
    m_dialog->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_dialog.get()));
}

void TestProfileDialog::cleanup()
{
    m_dialog.reset();
    m_store.reset();
    m_settings.reset();
}

void TestProfileDialog::fill(const QString &name, const QString &keyId, const QString &secret,
    const QString &token, const QString &region, const QString &endpoint)
{
    const auto type = [](QWidget *widget, const QString &text) {
        if (auto *line = qobject_cast<QLineEdit *>(widget)) {
            line->clear();
            QTest::keyClicks(line, text);
        } else if (auto *combo = qobject_cast<QComboBox *>(widget)) {
            combo->setCurrentText(QString());
            QTest::keyClicks(combo, text);
        }
    };
    if (!child<QLineEdit>("nameLineEdit")->isReadOnly())
        type(child<QLineEdit>("nameLineEdit"), name);
    type(child<QLineEdit>("accessKeyIdLineEdit"), keyId);
    type(child<QLineEdit>("secretAccessKeyLineEdit"), secret);
    type(child<QLineEdit>("sessionTokenLineEdit"), token);
    type(child<QComboBox>("regionComboBox"), region);
    type(child<QLineEdit>("endpointUrlLineEdit"), endpoint);
}

void TestProfileDialog::createSessionProfile(const QString &name)
{
    bool done = false;
    m_store->save({ name, QStringLiteral("eu-west-1"), QString() },
        { QStringLiteral("AKIDSTORED"), kSecret, QString() },
        KeychainProfileStore::Fallback::KeepForSession, nullptr,
        [&](const aws::Result<aws::KeychainSaveOutcome> &) { done = true; });
    QVERIFY(QTest::qWaitFor([&] { return done; }, 30'000));
    QVERIFY(m_store->isSessionOnly(name));
}

void TestProfileDialog::fields_labelledNamedAndKeyboardReachable()
{
    QVERIFY(!m_dialog->windowTitle().isEmpty());
    QVERIFY(!m_dialog->accessibleName().isEmpty());
    const QList<const char *> fields { "nameLineEdit", "accessKeyIdLineEdit",
        "secretAccessKeyLineEdit", "sessionTokenLineEdit", "regionComboBox",
        "endpointUrlLineEdit" };
    for (const char *name : fields) {
        QWidget *field = child<QWidget>(name);
        QVERIFY2(field, name);
        QVERIFY2(!field->accessibleName().isEmpty(), name);
        QVERIFY2(field->focusPolicy() & Qt::TabFocus, name);
        // A label with a mnemonic leads to it (Alt+letter).
        const QList<QLabel *> labels = m_dialog->findChildren<QLabel *>();
        const bool labelled = std::any_of(labels.cbegin(), labels.cend(), [&](const QLabel *label) {
            return label->buddy() == field && label->text().contains(u'&');
        });
        QVERIFY2(labelled, name);
    }
    // Tab walks the fields in order, from the first.
    child<QLineEdit>("nameLineEdit")->setFocus();
    QVERIFY(QTest::qWaitFor([&] { return child<QLineEdit>("nameLineEdit")->hasFocus(); }));
    for (qsizetype i = 1; i < fields.size(); ++i) {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QWidget *expected = child<QWidget>(fields.at(i));
        QVERIFY2(QApplication::focusWidget() == expected
                || expected->isAncestorOf(QApplication::focusWidget()),
            fields.at(i));
    }
    QVERIFY(button(QDialogButtonBox::Save)->isDefault());
    QVERIFY(!child<QPushButton>("deleteButton")->isVisible());
}

void TestProfileDialog::secretFields_neverEcho()
{
    QCOMPARE(child<QLineEdit>("secretAccessKeyLineEdit")->echoMode(), QLineEdit::Password);
    QCOMPARE(child<QLineEdit>("sessionTokenLineEdit")->echoMode(), QLineEdit::Password);
    QCOMPARE(child<QLineEdit>("accessKeyIdLineEdit")->echoMode(), QLineEdit::Normal);
}

void TestProfileDialog::save_withoutKeychain_explainsAndKeepsKeysForTheSession()
{
    QSignalSpy saved(m_dialog.get(), &ui::ProfileDialog::profileSaved);
    fill(QStringLiteral("plant-north"), QStringLiteral("AKIDDIALOG"), kSecret,
        QStringLiteral("token-x"), QStringLiteral("eu-west-1"),
        QStringLiteral("http://127.0.0.1:8443"));
    QTest::mouseClick(button(QDialogButtonBox::Save), Qt::LeftButton);
    QVERIFY(QTest::qWaitFor([&] { return saved.size() == 1; }, 30'000));
    QCOMPARE(saved.first().at(0).toString(), QStringLiteral("plant-north"));
    QCOMPARE(saved.first().at(1).toBool(), false);

    QVERIFY2(
        m_dialog->message().startsWith(QLatin1String("No keychain: there is no D-Bus session bus")),
        qPrintable(m_dialog->message()));
    QVERIFY(m_dialog->message().contains(QLatin1String("kept in memory for this session only")));
    QVERIFY(!m_dialog->message().contains(kSecret));
    QCOMPARE(child<QLabel>("messageLabel")->accessibleDescription(), m_dialog->message());
    QVERIFY(m_dialog->isVisible()); // stays open so the message is read
    QVERIFY(child<QLineEdit>("secretAccessKeyLineEdit")->text().isEmpty());
    QVERIFY(!button(QDialogButtonBox::Save));

    QVERIFY(m_store->isSessionOnly(QStringLiteral("plant-north")));
    QCOMPARE(m_store->profile(QStringLiteral("plant-north")),
        (aws::KeychainProfile { QStringLiteral("plant-north"), QStringLiteral("eu-west-1"),
            QStringLiteral("http://127.0.0.1:8443") }));
    m_settings->sync();
    QVERIFY(m_settings->allKeys().isEmpty());

    QTest::mouseClick(button(QDialogButtonBox::Close), Qt::LeftButton);
    QCOMPARE(m_dialog->result(), int(QDialog::Accepted));
}

void TestProfileDialog::save_nameOfASharedProfile_isRefused_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("where");
    QTest::newRow("config file profile")
        << QStringLiteral("prod") << QStringLiteral("/home/u/.aws/config line 4");
    QTest::newRow("config file default")
        << QStringLiteral("default") << QStringLiteral("/home/u/.aws/config line 1");
    QTest::newRow("credentials file profile")
        << QStringLiteral("ci") << QStringLiteral("/home/u/.aws/credentials line 1");
}

void TestProfileDialog::save_nameOfASharedProfile_isRefused()
{
    QFETCH(QString, name);
    QFETCH(QString, where);
    fill(name, QStringLiteral("AKID"), kSecret, QString(), QString(), QString());
    QTest::mouseClick(button(QDialogButtonBox::Save), Qt::LeftButton);
    QCOMPARE(m_dialog->message(),
        QStringLiteral("The name “%1” is already used by a profile in %2. A keychain profile "
                       "cannot share its name "
                       "with a ~/.aws profile; choose another name.")
            .arg(name, where));
    QVERIFY(m_store->profiles().isEmpty());
    QVERIFY(m_dialog->isVisible());
}

void TestProfileDialog::save_invalidInput_isRefused_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("keyId");
    QTest::addColumn<QString>("secret");
    QTest::addColumn<QString>("region");
    QTest::addColumn<QString>("endpoint");
    QTest::addColumn<QString>("message");
    QTest::newRow("empty name") << QString() << "AKID" << kSecret << QString() << QString()
                                << QStringLiteral("The profile name must be 1 to 64 letters");
    QTest::newRow("name with a space")
        << QStringLiteral("plant north") << "AKID" << kSecret << QString() << QString()
        << QStringLiteral("The profile name must be 1 to 64 letters");
    QTest::newRow("no secret") << QStringLiteral("ok") << "AKID" << QString() << QString()
                               << QString()
                               << QStringLiteral(
                                      "Enter both the access key ID and the secret access key.");
    QTest::newRow("no key id") << QStringLiteral("ok") << QString() << kSecret << QString()
                               << QString()
                               << QStringLiteral(
                                      "Enter both the access key ID and the secret access key.");
    QTest::newRow("bad region") << QStringLiteral("ok") << "AKID" << kSecret
                                << QStringLiteral("eu west") << QString()
                                << QStringLiteral("“eu west” is not a region name");
    QTest::newRow("plain http elsewhere")
        << QStringLiteral("ok") << "AKID" << kSecret << QString()
        << QStringLiteral("http://lookout.example.com")
        << QStringLiteral("The endpoint URL must start with https://");
    QTest::newRow("not a URL") << QStringLiteral("ok") << "AKID" << kSecret << QString()
                               << QStringLiteral("lookout")
                               << QStringLiteral("The endpoint URL must start with https://");
}

void TestProfileDialog::save_invalidInput_isRefused()
{
    QFETCH(QString, name);
    QFETCH(QString, keyId);
    QFETCH(QString, secret);
    QFETCH(QString, region);
    QFETCH(QString, endpoint);
    QFETCH(QString, message);
    QSignalSpy saved(m_dialog.get(), &ui::ProfileDialog::profileSaved);
    fill(name, keyId, secret, QString(), region, endpoint);
    QTest::keyClick(child<QLineEdit>("endpointUrlLineEdit"), Qt::Key_Return); // Enter presses Save
    QVERIFY2(m_dialog->message().startsWith(message), qPrintable(m_dialog->message()));
    QVERIFY(!m_dialog->message().contains(kSecret));
    QVERIFY(saved.isEmpty());
    QVERIFY(m_store->profiles().isEmpty());
    QVERIFY(m_dialog->isVisible());
}

void TestProfileDialog::save_existingKeychainName_isRefusedInNewMode()
{
    createSessionProfile(QStringLiteral("taken"));
    fill(QStringLiteral("taken"), QStringLiteral("AKIDNEW"), QStringLiteral("other"), QString(),
        QString(), QString());
    QTest::mouseClick(button(QDialogButtonBox::Save), Qt::LeftButton);
    QCOMPARE(m_dialog->message(),
        QStringLiteral("A keychain profile named “taken” already exists. Choose another name, or "
                       "edit that profile."));
}

void TestProfileDialog::edit_emptyKeyFields_keepStoredKeys()
{
    createSessionProfile(QStringLiteral("plant-south"));
    QVERIFY(m_dialog->editProfile(QStringLiteral("plant-south")));
    QVERIFY(m_dialog->isEditing());
    QVERIFY(child<QLineEdit>("nameLineEdit")->isReadOnly());
    QCOMPARE(child<QLineEdit>("nameLineEdit")->text(), QStringLiteral("plant-south"));
    QCOMPARE(child<QComboBox>("regionComboBox")->currentText(), QStringLiteral("eu-west-1"));
    QVERIFY(
        child<QLineEdit>("secretAccessKeyLineEdit")->text().isEmpty()); // the secret is never shown
    QVERIFY(!child<QLineEdit>("secretAccessKeyLineEdit")->placeholderText().isEmpty());
    QVERIFY(child<QPushButton>("deleteButton")->isVisible());

    QSignalSpy saved(m_dialog.get(), &ui::ProfileDialog::profileSaved);
    fill(QString(), QString(), QString(), QString(), QStringLiteral("ap-northeast-2"),
        QStringLiteral("https://e.example"));
    QTest::mouseClick(button(QDialogButtonBox::Save), Qt::LeftButton);
    QCOMPARE(saved.size(), 1);
    QCOMPARE(m_dialog->result(), int(QDialog::Accepted));
    QCOMPARE(
        m_store->profile(QStringLiteral("plant-south"))->region, QStringLiteral("ap-northeast-2"));
    QCOMPARE(m_store->profile(QStringLiteral("plant-south"))->endpointUrl,
        QStringLiteral("https://e.example"));
    std::optional<aws::Result<aws::KeychainSecret>> secret;
    m_store->readSecret(QStringLiteral("plant-south"), nullptr,
        [&](const aws::Result<aws::KeychainSecret> &r) { secret = r; });
    QVERIFY(secret && secret->ok());
    QCOMPARE(secret->value().secretAccessKey, kSecret);
}

void TestProfileDialog::edit_tokenWithoutKeys_isRefused()
{
    createSessionProfile(QStringLiteral("plant-south"));
    QVERIFY(m_dialog->editProfile(QStringLiteral("plant-south")));
    fill(QString(), QString(), QString(), QStringLiteral("just-a-token"),
        QStringLiteral("eu-west-1"), QString());
    QTest::mouseClick(button(QDialogButtonBox::Save), Qt::LeftButton);
    QVERIFY2(m_dialog->message().startsWith(
                 QLatin1String("Enter both the access key ID and the secret access key, or "
                               "leave all three key fields empty")),
        qPrintable(m_dialog->message()));
}

void TestProfileDialog::edit_unknownProfile_returnsFalse()
{
    QVERIFY(!m_dialog->editProfile(QStringLiteral("nobody")));
    QVERIFY(!m_dialog->isEditing());
}

void TestProfileDialog::delete_asksFirst_thenRemoves()
{
    createSessionProfile(QStringLiteral("old-plant"));
    QVERIFY(m_dialog->editProfile(QStringLiteral("old-plant")));
    QSignalSpy deleted(m_dialog.get(), &ui::ProfileDialog::profileDeleted);
    QTest::mouseClick(child<QPushButton>("deleteButton"), Qt::LeftButton);
    QMessageBox *confirmation = nullptr;
    QVERIFY(QTest::qWaitFor([&] {
        confirmation = m_dialog->findChild<QMessageBox *>(QStringLiteral("deleteConfirmation"));
        return confirmation && confirmation->isVisible();
    }));
    QVERIFY(deleted.isEmpty());
    QVERIFY(m_store->profile(QStringLiteral("old-plant")));
    QCOMPARE(confirmation->defaultButton(), confirmation->button(QMessageBox::No));
    QTest::mouseClick(confirmation->button(QMessageBox::Yes), Qt::LeftButton);
    QVERIFY(QTest::qWaitFor([&] { return deleted.size() == 1; }, 30'000));
    QCOMPARE(deleted.first().at(0).toString(), QStringLiteral("old-plant"));
    QVERIFY(!m_store->profile(QStringLiteral("old-plant")));
    QCOMPARE(m_dialog->result(), int(QDialog::Accepted));
}

void TestProfileDialog::delete_answeredNo_keepsTheProfile()
{
    createSessionProfile(QStringLiteral("old-plant"));
    QVERIFY(m_dialog->editProfile(QStringLiteral("old-plant")));
    QTest::mouseClick(child<QPushButton>("deleteButton"), Qt::LeftButton);
    QMessageBox *confirmation = nullptr;
    QVERIFY(QTest::qWaitFor([&] {
        confirmation = m_dialog->findChild<QMessageBox *>(QStringLiteral("deleteConfirmation"));
        return confirmation && confirmation->isVisible();
    }));
    QTest::keyClick(confirmation, Qt::Key_Escape);
    QVERIFY(QTest::qWaitFor(
        [&] { return !m_dialog->findChild<QMessageBox *>(QStringLiteral("deleteConfirmation")); }));
    QVERIFY(m_store->profile(QStringLiteral("old-plant")));
    QVERIFY(m_dialog->isVisible());
}

void TestProfileDialog::cancel_savesNothing()
{
    fill(QStringLiteral("abandoned"), QStringLiteral("AKID"), kSecret, QString(), QString(),
        QString());
    QTest::keyClick(m_dialog.get(), Qt::Key_Escape);
    QCOMPARE(m_dialog->result(), int(QDialog::Rejected));
    QVERIFY(m_store->profiles().isEmpty());
}

QTEST_MAIN(TestProfileDialog)
#include "tst_profiledialog.moc"
