// ErrorBanner: hidden until an error, the CLI sentence selectable, Retry, legible colours.
#include "models/statuspresentation.h"
#include "ui/errorbanner.h"

#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QtTest>

class TestErrorBanner : public QObject {
    Q_OBJECT
private slots:
    void hiddenUntilAnError();
    void showError_showsHeadlineAndSentence();
    void retry_isAButtonAndASignal();
    void clearError_hidesAndForgets();
    void signIn_offeredForAProfile_byTabAndSignal_goneWithTheError();
    void signInProfile_offeredOnlyForCredentialErrors();
    void retry_emitsAsTheButtonDoes();
    void colours_areLegibleOnLightAndDark_data();
    void colours_areLegibleOnLightAndDark();
};

void TestErrorBanner::hiddenUntilAnError()
{
    QWidget parent;
    auto *banner = new ui::ErrorBanner(&parent);
    parent.show();
    QVERIFY(QTest::qWaitForWindowExposed(&parent));
    QVERIFY(!banner->isVisible());
    QCOMPARE(banner->accessibleName(), QStringLiteral("Error"));
}

void TestErrorBanner::showError_showsHeadlineAndSentence()
{
    QWidget parent;
    auto *banner = new ui::ErrorBanner(&parent);
    parent.show();
    const QString sentence = QStringLiteral(
        "An error occurred (ThrottlingException) when calling the "
        "DescribeInferenceScheduler operation (reached max retries: 2): Rate exceeded");
    banner->showError(QStringLiteral("Could not refresh fan-line-3."), sentence);
    QVERIFY(banner->isVisible());
    QCOMPARE(banner->headline(), QStringLiteral("Could not refresh fan-line-3."));
    QCOMPARE(banner->details(), sentence);
    auto *details = banner->findChild<QLabel *>(QStringLiteral("errorDetailsLabel"));
    QVERIFY(details->textInteractionFlags().testFlag(Qt::TextSelectableByMouse));
    QCOMPARE(details->textFormat(), Qt::PlainText);
    QCOMPARE(banner->accessibleDescription(),
        QStringLiteral("Could not refresh fan-line-3. ") + sentence);
}

void TestErrorBanner::retry_isAButtonAndASignal()
{
    QWidget parent;
    auto *banner = new ui::ErrorBanner(&parent);
    parent.show();
    banner->showError(QStringLiteral("Could not load x."), QStringLiteral("An error occurred"));
    QSignalSpy retry(banner, &ui::ErrorBanner::retryRequested);
    QVERIFY(banner->retryButton()->isVisible());
    QCOMPARE(banner->retryButton()->accessibleName(), QStringLiteral("Retry"));
    QTest::mouseClick(banner->retryButton(), Qt::LeftButton);
    QCOMPARE(retry.size(), 1);
    banner->setRetryVisible(false);
    QVERIFY(!banner->retryButton()->isVisible());
}

void TestErrorBanner::clearError_hidesAndForgets()
{
    QWidget parent;
    auto *banner = new ui::ErrorBanner(&parent);
    parent.show();
    banner->showError(QStringLiteral("Could not load x."), QStringLiteral("An error occurred"));
    banner->clearError();
    QVERIFY(!banner->isVisible());
    QCOMPARE(banner->headline(), QString());
    QCOMPARE(banner->details(), QString());
}

void TestErrorBanner::signIn_offeredForAProfile_byTabAndSignal_goneWithTheError()
{
    QWidget parent;
    ui::ErrorBanner banner(&parent);
    parent.show();
    QVERIFY(QTest::qWaitForWindowExposed(&parent));
    banner.showError(QStringLiteral("Could not load the fleet."),
        QStringLiteral("Error loading SSO Token: Token for corp does not exist"));
    QVERIFY(!banner.signInButton()->isVisible());
    banner.offerSignIn(QStringLiteral("dev"));
    QVERIFY(banner.signInButton()->isVisible());
    QVERIFY(banner.signInButton()->toolTip().contains(QStringLiteral("dev")));
    QVERIFY(banner.signInButton()->accessibleDescription().contains(QStringLiteral("dev")));
    QVERIFY(!banner.signInButton()->accessibleName().isEmpty());
    // Reached by Tab, before Retry.
    QVERIFY(banner.signInButton()->focusPolicy() & Qt::TabFocus);
    QCOMPARE(banner.signInButton()->nextInFocusChain(), banner.retryButton());
    QSignalSpy signIn(&banner, &ui::ErrorBanner::signInRequested);
    banner.signInButton()->setFocus();
    QTest::keyClick(banner.signInButton(), Qt::Key_Space);
    QCOMPARE(signIn.size(), 1);
    banner.clearError();
    QVERIFY(banner.signInButton()->isHidden());
}

void TestErrorBanner::signInProfile_offeredOnlyForCredentialErrors()
{
    QWidget parent;
    ui::ErrorBanner banner(&parent);
    parent.show();
    QVERIFY(QTest::qWaitForWindowExposed(&parent));
    const QString headline = QStringLiteral("Could not list the executions of pump-1.");
    const QString token = QStringLiteral("Error loading SSO Token: Token for corp does not exist");

    // No sign-in profile: a credentials error has Retry only.
    banner.showError(headline, token, true);
    QVERIFY(!banner.signInButton()->isVisible());
    // The owner learns the profile signs in: the error shown now offers it.
    banner.setSignInProfile(QStringLiteral("dev"));
    QVERIFY(banner.signInButton()->isVisible());
    QVERIFY(banner.signInButton()->accessibleDescription().contains(QStringLiteral("dev")));
    // Another kind of error: signing in would not end it.
    banner.showError(headline, QStringLiteral("ThrottlingException: Rate exceeded"), false);
    QVERIFY(!banner.signInButton()->isVisible());
    banner.showError(headline, token, true);
    QVERIFY(banner.signInButton()->isVisible());
    // The connection changes to one that does not sign in.
    banner.setSignInProfile(QString());
    QVERIFY(!banner.signInButton()->isVisible());
    banner.setSignInProfile(QStringLiteral("dev"));
    QVERIFY(banner.signInButton()->isVisible());
    banner.clearError();
    QVERIFY(banner.signInButton()->isHidden());
    // A profile set while no error is shown shows nothing.
    banner.setSignInProfile(QStringLiteral("ops"));
    QVERIFY(banner.signInButton()->isHidden());
    QVERIFY(banner.isHidden());
}

void TestErrorBanner::retry_emitsAsTheButtonDoes()
{
    ui::ErrorBanner banner;
    QSignalSpy retry(&banner, &ui::ErrorBanner::retryRequested);
    banner.retry();
    QCOMPARE(retry.size(), 1);
}

void TestErrorBanner::colours_areLegibleOnLightAndDark_data()
{
    QTest::addColumn<QColor>("window");
    QTest::newRow("light") << QColor(0xef, 0xef, 0xef);
    QTest::newRow("dark") << QColor(0x2b, 0x2b, 0x2b);
}

void TestErrorBanner::colours_areLegibleOnLightAndDark()
{
    QFETCH(QColor, window);
    QWidget parent;
    QPalette palette = parent.palette();
    palette.setColor(QPalette::Window, window);
    parent.setPalette(palette);
    auto *banner = new ui::ErrorBanner(&parent);
    const QColor background = banner->palette().color(QPalette::Window);
    const QColor text = banner->palette().color(QPalette::WindowText);
    QVERIFY(models::contrastRatio(text, background) >= 4.5);
    // The banner follows the palette: dark on a dark window, light on a light one.
    QCOMPARE(models::isDarkPalette(banner->palette()), models::isDarkPalette(palette));
}

QTEST_MAIN(TestErrorBanner)
#include "tst_errorbanner.moc"
