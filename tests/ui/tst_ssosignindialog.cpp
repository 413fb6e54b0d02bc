// The IAM Identity Center sign-in dialog against the in-process emulator behind a temporary
// ~/.aws: it shows the verification page and the user code and opens the page; approving through
// the emulator's approval URL signs in and writes the CLI's token cache (0600) while no label,
// tooltip or accessible text ever holds the token; Cancel stops polling (the emulator sees no
// further request); an expired or refused code is a sentence with Try Again, which starts anew.
#include "accessiblewalk.h"
#include "aws/configresolver.h"
#include "aws/ssotokencache.h"
#include "emulator/emulator.h"
#include "ui/ssosignindialog.h"

#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>
#include <sys/stat.h>

using namespace Qt::StringLiterals;
using ui::SsoSignInDialog;

namespace {

constexpr int kWaitMs = 20'000;
const QString kStartUrl = u"https://corp.awsapps.com/start"_s;

} // namespace

class TestSsoSignInDialog : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void targetFor_onlySsoProfiles();
    void start_showsCodeAndPage_andOpensThePage();
    void approve_signsIn_writesTheCache0600_tokenNeverShown();
    void cancel_stopsPolling();
    void expiredCode_isASentence_tryAgainGetsANewCode();
    void deniedCode_isASentence();

private:
    std::unique_ptr<SsoSignInDialog> makeDialog();
    // Waits for the dialog to show a code; empty when it did not.
    QString waitForCode(SsoSignInDialog *dialog);
    bool decide(const QString &userCode, bool approve);
    quint64 requests() const { return m_emulator->counters().requests; }

    std::shared_ptr<core::ManualClock> m_clock;
    std::unique_ptr<emulator::Emulator> m_emulator;
    std::unique_ptr<QTemporaryDir> m_home;
    std::unique_ptr<aws::ConfigResolver> m_resolver;
    QNetworkAccessManager m_network;
    QList<QUrl> m_opened;
};

void TestSsoSignInDialog::initTestCase()
{
    m_clock = std::make_shared<core::ManualClock>(QDateTime::currentDateTimeUtc());
    emulator::EmulatorOptions options;
    options.fleetSize = 3;
    options.clock = m_clock;
    m_emulator = std::make_unique<emulator::Emulator>(options);
    QVERIFY2(m_emulator->start(), qPrintable(m_emulator->errorString()));
}

void TestSsoSignInDialog::init()
{
    m_opened.clear();
    m_home = std::make_unique<QTemporaryDir>();
    QVERIFY(m_home->isValid());
    QVERIFY(QDir().mkpath(m_home->filePath(u".aws"_s)));
    QFile config(m_home->filePath(u".aws/config"_s));
    QVERIFY(config.open(QIODevice::WriteOnly));
    QVERIFY(config.write(
                QStringLiteral("[sso-session corp]\nsso_start_url = %1\nsso_region = us-east-1\n"
                               "[profile dev]\nsso_session = corp\nsso_account_id = 111122223333\n"
                               "sso_role_name = ReadOnly\nregion = us-east-1\n"
                               "[profile keys]\nregion = us-east-1\n")
                    .arg(kStartUrl)
                    .toUtf8())
        > 0);
    config.close();
    QProcessEnvironment environment;
    environment.insert(u"AWS_ENDPOINT_URL"_s, m_emulator->endpoint().toString());
    m_resolver = std::make_unique<aws::ConfigResolver>(environment, m_home->path());
}

std::unique_ptr<SsoSignInDialog> TestSsoSignInDialog::makeDialog()
{
    const aws::Result<ui::SsoSignInTarget> target
        = SsoSignInDialog::targetFor(*m_resolver, u"dev"_s);
    if (!target.ok()) {
        qWarning("no target: %s", qPrintable(target.error().toString()));
        return nullptr;
    }
    auto dialog
        = std::make_unique<SsoSignInDialog>(target.value(), &m_network, [this](const QUrl &url) {
              m_opened.append(url);
              return true;
          });
    dialog->show();
    return dialog;
}

QString TestSsoSignInDialog::waitForCode(SsoSignInDialog *dialog)
{
    if (!QTest::qWaitFor([dialog] { return !dialog->codeLabel()->text().isEmpty(); }, kWaitMs))
        return {};
    return dialog->codeLabel()->text();
}

bool TestSsoSignInDialog::decide(const QString &userCode, bool approve)
{
    QUrl url = m_emulator->endpoint();
    url.setPath(approve ? u"/_emulator/sso/approve"_s : u"/_emulator/sso/deny"_s);
    url.setQuery(u"user_code="_s + userCode);
    const std::unique_ptr<QNetworkReply> reply(m_network.get(QNetworkRequest(url)));
    return QTest::qWaitFor([&] { return reply->isFinished(); }, kWaitMs)
        && reply->error() == QNetworkReply::NoError;
}

void TestSsoSignInDialog::targetFor_onlySsoProfiles()
{
    const auto dev = SsoSignInDialog::targetFor(*m_resolver, u"dev"_s);
    QVERIFY(dev.ok());
    QCOMPARE(dev.value().settings.startUrl, kStartUrl);
    QCOMPARE(dev.value().endpoints.cacheDirectory, aws::ssoTokenCacheDirectory(m_home->path()));
    QVERIFY(!SsoSignInDialog::targetFor(*m_resolver, u"keys"_s).ok());
    const auto missing = SsoSignInDialog::targetFor(*m_resolver, u"nope"_s);
    QVERIFY(!missing.ok());
    QCOMPARE(missing.error().toString(), u"The config profile (nope) could not be found"_s);
}

void TestSsoSignInDialog::start_showsCodeAndPage_andOpensThePage()
{
    const auto dialog = makeDialog();
    QVERIFY(dialog);
    const QString code = waitForCode(dialog.get());
    QVERIFY(!code.isEmpty());
    QVERIFY(dialog->codeLabel()->textInteractionFlags() & Qt::TextSelectableByMouse);
    QVERIFY(dialog->urlLabel()->text().startsWith(m_emulator->endpoint().toString()));
    QVERIFY(dialog->urlLabel()->textInteractionFlags() & Qt::TextSelectableByKeyboard);
    QCOMPARE(m_opened.size(), 1);
    QVERIFY(m_opened.first().toString().contains(code));
    QVERIFY(dialog->isWaiting());
    QVERIFY(dialog->statusLabel()->text().startsWith(u"Waiting"_s));
    QVERIFY(dialog->openBrowserButton()->isVisible());
    QVERIFY(dialog->openBrowserButton()->isDefault());
    QVERIFY(!dialog->tryAgainButton()->isVisible());
    dialog->openBrowserButton()->click();
    QCOMPARE(m_opened.size(), 2);
    dialog->copyCodeButton()->click();
    QCOMPARE(QApplication::clipboard()->text(), code);
    const QStringList unnamed = accessiblewalk::unnamedControls(dialog.get());
    QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(u", "_s)));
    dialog->reject();
}

void TestSsoSignInDialog::approve_signsIn_writesTheCache0600_tokenNeverShown()
{
    const auto dialog = makeDialog();
    QVERIFY(dialog);
    QSignalSpy signedIn(dialog.get(), &SsoSignInDialog::signedIn);
    const QString code = waitForCode(dialog.get());
    QVERIFY(!code.isEmpty());
    QVERIFY(decide(code, true));
    QVERIFY(signedIn.wait(kWaitMs));
    QCOMPARE(dialog->result(), int(QDialog::Accepted));
    QVERIFY(!dialog->isWaiting());

    const QString cacheDirectory = aws::ssoTokenCacheDirectory(m_home->path());
    const QString file = aws::ssoTokenCacheFile(cacheDirectory, u"corp"_s);
    QVERIFY(QFile::exists(file));
    struct stat status = {};
    QCOMPARE(::stat(QFile::encodeName(file).constData(), &status), 0);
    QCOMPARE(status.st_mode & 0777, 0600u);
    const aws::Result<aws::SsoToken> token = aws::loadSsoToken(cacheDirectory, u"corp"_s);
    QVERIFY(token.ok());
    QVERIFY(!token.value().accessToken.isEmpty());
    QCOMPARE(token.value().startUrl, kStartUrl);

    const QList<QWidget *> widgets = dialog->findChildren<QWidget *>();
    for (const QWidget *widget : widgets) {
        QStringList texts = { widget->toolTip(), widget->accessibleName(),
            widget->accessibleDescription(), widget->whatsThis(), widget->statusTip() };
        if (const auto *label = qobject_cast<const QLabel *>(widget))
            texts.append(label->text());
        if (const auto *button = qobject_cast<const QPushButton *>(widget))
            texts.append(button->text());
        for (const QString &text : texts) {
            QVERIFY2(!text.contains(token.value().accessToken), qPrintable(widget->objectName()));
            QVERIFY2(!text.contains(token.value().refreshToken), qPrintable(widget->objectName()));
            QVERIFY2(!text.contains(token.value().clientSecret), qPrintable(widget->objectName()));
        }
    }
    QVERIFY(!QApplication::clipboard()->text().contains(token.value().accessToken));
}

void TestSsoSignInDialog::cancel_stopsPolling()
{
    const auto dialog = makeDialog();
    QVERIFY(dialog);
    QVERIFY(!waitForCode(dialog.get()).isEmpty());
    // It polls (the emulator's interval is 1 s): two more CreateToken calls arrive.
    const quint64 before = requests();
    QTRY_VERIFY_WITH_TIMEOUT(requests() >= before + 2, kWaitMs);
    dialog->cancelButton()->click();
    QVERIFY(!dialog->isVisible());
    QCOMPARE(dialog->result(), int(QDialog::Rejected));
    QVERIFY(!dialog->isWaiting());
    const quint64 cancelled = requests();
    // Three intervals pass without a further request (a poll would have come in each).
    QTest::qWait(3'000);
    QCOMPARE(requests(), cancelled);
}

void TestSsoSignInDialog::expiredCode_isASentence_tryAgainGetsANewCode()
{
    const auto dialog = makeDialog();
    QVERIFY(dialog);
    const QString first = waitForCode(dialog.get());
    QVERIFY(!first.isEmpty());
    // The device code lasts 10 minutes at the emulator.
    m_clock->advance(std::chrono::minutes(11));
    QTRY_VERIFY_WITH_TIMEOUT(dialog->tryAgainButton()->isVisible(), kWaitMs);
    QCOMPARE(dialog->statusLabel()->text(),
        u"The code expired before the sign-in was approved. Press Try Again for a new code."_s);
    QVERIFY(!dialog->isWaiting());
    QVERIFY(dialog->tryAgainButton()->isDefault());
    QVERIFY(dialog->isVisible());

    const int opened = static_cast<int>(m_opened.size());
    QTest::keyClick(dialog->tryAgainButton(), Qt::Key_Space);
    const QString second = waitForCode(dialog.get());
    QVERIFY(!second.isEmpty());
    QVERIFY(second != first);
    QCOMPARE(m_opened.size(), opened + 1);
    QVERIFY(!dialog->tryAgainButton()->isVisible());
    QSignalSpy signedIn(dialog.get(), &SsoSignInDialog::signedIn);
    QVERIFY(decide(second, true));
    QVERIFY(signedIn.wait(kWaitMs));
}

void TestSsoSignInDialog::deniedCode_isASentence()
{
    const auto dialog = makeDialog();
    QVERIFY(dialog);
    const QString code = waitForCode(dialog.get());
    QVERIFY(!code.isEmpty());
    QVERIFY(decide(code, false));
    QTRY_VERIFY_WITH_TIMEOUT(dialog->tryAgainButton()->isVisible(), kWaitMs);
    QCOMPARE(dialog->statusLabel()->text(),
        u"The sign-in was refused in the browser. Press Try Again to start over."_s);
    QVERIFY(!QFile::exists(
        aws::ssoTokenCacheFile(aws::ssoTokenCacheDirectory(m_home->path()), u"corp"_s)));
}

QTEST_MAIN(TestSsoSignInDialog)
#include "tst_ssosignindialog.moc"
