// The results window of an s3:// location (`lookout-desk --results s3://…`) against the
// in-process emulator behind a temporary ~/.aws: an IAM Identity Center profile without a token
// shows the CLI's sentence with Sign In, and once signed in the location is read; a role with
// mfa_serial asks for its code in a dialog naming the profile and the device (Cancel ends that
// read with a sentence, never a hang); an unknown profile fails as the headless command does.
#include "aws/configresolver.h"
#include "emulator/emulator.h"
#include "emulator/executionhistory.h"
#include "emulator/fleetgenerator.h"
#include "emulatorssosignin.h"
#include "results/s3source.h"
#include "results/scheduleroutput.h"
#include "ui/errorbanner.h"
#include "ui/mfaprompter.h"
#include "ui/resultswindow.h"
#include "ui/s3resultswindow.h"
#include "ui/ssosignindialog.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPushButton>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using namespace Qt::StringLiterals;
using ui::S3ResultsWindow;

namespace {

constexpr int kWaitMs = 30'000;
const QString kDevice = u"arn:aws:iam::111122223333:mfa/alice"_s;

bool writeFile(const QString &path, const QString &text)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(text.toUtf8()) == text.toUtf8().size();
}

} // namespace

class TestS3ResultsWindow : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void unknownProfile_failsAsTheCommandDoes();
    void ssoProfileWithoutToken_signInFromTheBanner_readsTheLocation();
    void roleWithMfa_asksInADialog_thenReads();
    void roleWithMfa_cancel_isASentenceWithoutSignIn();

private:
    std::unique_ptr<S3ResultsWindow> open(const QString &profile);
    // Opens the window on the role with mfa_serial and starts it: the dialog asking for the code,
    // or null when none came.
    ui::MfaDialog *startWithMfa(const std::unique_ptr<S3ResultsWindow> &opened);
    // The listing arrived: the load is reading objects, no banner.
    static bool waitForListing(ui::ResultsWindow *window);

    std::shared_ptr<core::ManualClock> m_clock;
    std::unique_ptr<emulator::Emulator> m_emulator;
    std::optional<results::S3Location> m_location;
    std::unique_ptr<QTemporaryDir> m_home;
    std::unique_ptr<aws::ConfigResolver> m_resolver;
    QNetworkAccessManager m_network;
};

void TestS3ResultsWindow::initTestCase()
{
    m_clock = std::make_shared<core::ManualClock>(QDateTime::currentDateTimeUtc());
    emulator::EmulatorOptions options;
    options.fleetSize = 5;
    options.fleetSeed = 5;
    options.clock = m_clock;
    m_emulator = std::make_unique<emulator::Emulator>(options);
    QVERIFY2(m_emulator->start(), qPrintable(m_emulator->errorString()));

    // The output location of a scheduler whose executions wrote results.
    const qint64 now = m_clock->now().toMSecsSinceEpoch() * 1000;
    const emulator::Fleet fleet = emulator::generateFleet(
        { options.fleetSize, options.fleetSeed, options.region }, now, options.transitions);
    for (int i = 0; i < fleet.size() && !m_location; ++i) {
        const emulator::SchedulerRecord &record = fleet.at(i);
        if (emulator::successfulExecutions(record, now).empty())
            continue;
        const auto described = m_emulator->scheduler(record.name());
        QVERIFY(described);
        m_location = results::schedulerOutputLocation(record.name(), *described);
    }
    QVERIFY2(m_location, "no scheduler of the fleet wrote results");
}

void TestS3ResultsWindow::init()
{
    m_home = std::make_unique<QTemporaryDir>();
    QVERIFY(m_home->isValid());
    QVERIFY(QDir().mkpath(m_home->filePath(u".aws"_s)));
    QVERIFY(writeFile(m_home->filePath(u".aws/config"_s),
        u"[sso-session corp]\nsso_start_url = https://corp.awsapps.com/start\n"
        "sso_region = us-east-1\n\n"
        "[profile sso]\nsso_session = corp\nsso_account_id = 111122223333\n"
        "sso_role_name = ReadOnly\nregion = us-east-1\n\n"
        "[profile mfa]\nrole_arn = arn:aws:iam::111122223333:role/Reader\n"
        "source_profile = keys\nmfa_serial = %1\nregion = us-east-1\n\n"
        "[profile keys]\nregion = us-east-1\n"_s.arg(kDevice)));
    const aws::AwsCredentials keys = m_emulator->credentials();
    QVERIFY(writeFile(m_home->filePath(u".aws/credentials"_s),
        u"[keys]\naws_access_key_id = %1\naws_secret_access_key = %2\n"_s.arg(
            keys.accessKeyId, keys.secretAccessKey)));
    QProcessEnvironment environment;
    environment.insert(u"AWS_ENDPOINT_URL"_s, m_emulator->endpoint().toString());
    m_resolver = std::make_unique<aws::ConfigResolver>(environment, m_home->path());
}

std::unique_ptr<S3ResultsWindow> TestS3ResultsWindow::open(const QString &profile)
{
    aws::RequestedConfig requested;
    requested.profile = profile;
    S3ResultsWindow::Opened opened = S3ResultsWindow::open(*m_location, m_resolver.get(), requested,
        &m_network, nullptr, [](const QUrl &) { return true; });
    if (const auto *error = std::get_if<aws::AwsError>(&opened)) {
        qWarning("not opened: %s", qPrintable(error->toString()));
        return nullptr;
    }
    return std::move(std::get<std::unique_ptr<S3ResultsWindow>>(opened));
}

bool TestS3ResultsWindow::waitForListing(ui::ResultsWindow *window)
{
    return QTest::qWaitFor(
               [window] { return window->loader().progress().objectsListed > 0; }, kWaitMs)
        && window->errorBanner()->isHidden();
}

ui::MfaDialog *TestS3ResultsWindow::startWithMfa(const std::unique_ptr<S3ResultsWindow> &opened)
{
    if (!opened)
        return nullptr;
    opened->window()->show();
    opened->window()->start();
    ui::MfaPrompter *prompter = opened->mfaPrompter();
    if (!QTest::qWaitFor([prompter] { return prompter->currentDialog() != nullptr; }, kWaitMs))
        return nullptr;
    return prompter->currentDialog();
}

void TestS3ResultsWindow::unknownProfile_failsAsTheCommandDoes()
{
    aws::RequestedConfig requested;
    requested.profile = u"nope"_s;
    const S3ResultsWindow::Opened opened
        = S3ResultsWindow::open(*m_location, m_resolver.get(), requested, &m_network, nullptr);
    const auto *error = std::get_if<aws::AwsError>(&opened);
    QVERIFY(error);
    QCOMPARE(error->toString(), u"The config profile (nope) could not be found"_s);
    QCOMPARE(error->exitCode(), 253); // a configuration error, as for the headless commands
}

void TestS3ResultsWindow::ssoProfileWithoutToken_signInFromTheBanner_readsTheLocation()
{
    const std::unique_ptr<S3ResultsWindow> opened = open(u"sso"_s);
    QVERIFY(opened);
    ui::ResultsWindow *window = opened->window();
    window->show();
    QVERIFY(QTest::qWaitForWindowExposed(window));
    window->start();
    ui::ErrorBanner *banner = window->errorBanner();
    QTRY_VERIFY_WITH_TIMEOUT(!banner->isHidden(), kWaitMs);
    QCOMPARE(banner->details(), u"Error loading SSO Token: Token for corp does not exist"_s);
    QPushButton *signIn = banner->signInButton();
    QVERIFY(signIn->isVisible());
    QVERIFY(signIn->focusPolicy() & Qt::TabFocus);
    QVERIFY(signIn->accessibleDescription().contains(u"sso"_s));

    signIn->setFocus();
    QTest::keyClick(signIn, Qt::Key_Space);
    ui::SsoSignInDialog *dialog = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT(
        (dialog = window->findChild<ui::SsoSignInDialog *>()) != nullptr, kWaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->codeLabel()->text().isEmpty(), kWaitMs);
    QVERIFY(approveAtEmulator(m_network, m_emulator->endpoint(), dialog->codeLabel()->text()));

    QVERIFY(waitForListing(window));
    QVERIFY(!signIn->isVisible());
    QTRY_VERIFY_WITH_TIMEOUT(!window->findChild<ui::SsoSignInDialog *>(), kWaitMs);
    window->cancelLoad();
}

void TestS3ResultsWindow::roleWithMfa_asksInADialog_thenReads()
{
    const std::unique_ptr<S3ResultsWindow> opened = open(u"mfa"_s);
    ui::MfaDialog *dialog = startWithMfa(opened);
    QVERIFY(dialog);
    QVERIFY2(dialog->promptLabel()->text().contains(u"mfa"_s),
        qPrintable(dialog->promptLabel()->text()));
    QVERIFY(dialog->promptLabel()->text().contains(kDevice));
    QTest::keyClicks(dialog->codeEdit(), u"123456"_s);
    QTest::keyClick(dialog->codeEdit(), Qt::Key_Return);
    QVERIFY(waitForListing(opened->window()));
    QCOMPARE(opened->mfaPrompter()->currentDialog(), nullptr);
    opened->window()->cancelLoad();
}

void TestS3ResultsWindow::roleWithMfa_cancel_isASentenceWithoutSignIn()
{
    const std::unique_ptr<S3ResultsWindow> opened = open(u"mfa"_s);
    ui::MfaDialog *dialog = startWithMfa(opened);
    QVERIFY(dialog);
    dialog->buttons()->button(QDialogButtonBox::Cancel)->click();
    ui::ErrorBanner *banner = opened->window()->errorBanner();
    QTRY_VERIFY_WITH_TIMEOUT(!banner->isHidden(), kWaitMs);
    QCOMPARE(banner->details(), u"No MFA code was given for %1."_s.arg(kDevice));
    QVERIFY(!banner->signInButton()->isVisible()); // not an IAM Identity Center profile
}

QTEST_MAIN(TestS3ResultsWindow)
#include "tst_s3resultswindow.moc"
