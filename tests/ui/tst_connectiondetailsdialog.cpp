// ConnectionDetailsDialog: the connection's values with their sources, or why there is none;
// problems in ~/.aws files below; Copy puts exactly what is shown on the clipboard. A user name
// and password in the endpoint never show, and text shown as the headline is plain text.
#include "aws/credentialsprovider.h"
#include "ui/connectiondetailsdialog.h"

#include <QClipboard>
#include <QDialogButtonBox>
#include <QGuiApplication>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QtTest>

using namespace Qt::StringLiterals;
using ui::ConnectionDetailsDialog;

namespace {

aws::ResolvedConfig config(const QString &endpoint)
{
    aws::ResolvedConfig config;
    config.profile = { u"prod"_s, u"--profile"_s };
    config.region = { u"eu-west-1"_s, u"AWS_REGION"_s };
    config.endpoint = QUrl(endpoint);
    config.endpointSource = u"--endpoint-url"_s;
    config.maxAttempts = { u"3"_s, u"the default"_s };
    config.retryMode = { u"standard"_s, u"the default"_s };
    aws::AwsCredentials credentials;
    credentials.accessKeyId = u"AKIDEXAMPLE"_s;
    credentials.secretAccessKey = u"secretNeverShownInTheDialog000000000000"_s;
    credentials.source = u"shared credentials file (~/.aws/credentials)"_s;
    config.credentials = std::make_shared<aws::StaticCredentialsProvider>(credentials);
    return config;
}

QPushButton *copyButton(ConnectionDetailsDialog &dialog)
{
    return dialog.findChild<QPushButton *>(u"copyDetailsPushButton"_s);
}

} // namespace

class TestConnectionDetailsDialog : public QObject {
    Q_OBJECT

private slots:
    void connected_showsEachValueWithItsSource()
    {
        ConnectionDetailsDialog dialog;
        dialog.setConfig(u"prod · eu-west-1"_s, config(u"https://lookout.example.com"_s));
        QCOMPARE(
            dialog.headline(), u"Connected as prod · eu-west-1 to https://lookout.example.com"_s);
        QCOMPARE(dialog.detailsText(),
            u"profile: prod (from --profile)\n"
            u"region: eu-west-1 (from AWS_REGION)\n"
            u"endpoint: https://lookout.example.com (from --endpoint-url)\n"
            u"credentials: shared credentials file (~/.aws/credentials)\n"
            u"max attempts: 3 (from the default)\n"
            u"retry mode: standard (from the default)"_s);
        QVERIFY(!dialog.detailsText().contains(u"secretNeverShown"_s));
    }

    void userInfoInTheEndpoint_isNeverShown()
    {
        ConnectionDetailsDialog dialog;
        dialog.setConfig(u"x"_s, config(u"http://someone:hunter2@127.0.0.1:8080/"_s));
        QCOMPARE(dialog.headline(), u"Connected as x to http://127.0.0.1:8080/"_s);
        QVERIFY(!dialog.detailsText().contains(u"hunter2"_s));
        QVERIFY(!dialog.detailsText().contains(u"someone"_s));
    }

    void problem_showsTheErrorAndTheHint()
    {
        ConnectionDetailsDialog dialog;
        dialog.setProblem(u"prod"_s, u"You must specify a region."_s,
            u"Set one with --region or in the profile."_s);
        QCOMPARE(dialog.headline(), u"Not connected (prod): You must specify a region."_s);
        QCOMPARE(dialog.detailsText(), u"Set one with --region or in the profile."_s);
        // No hint: no lines, and the previous connection's lines are gone too.
        dialog.setConfig(u"prod"_s, config(u"https://a.example"_s));
        dialog.setProblem(u"prod"_s, u"Unable to locate credentials."_s, QString());
        QCOMPARE(dialog.detailsText(), QString());
    }

    void fileProblems_followTheValues_andEmptyHidesThem()
    {
        ConnectionDetailsDialog dialog;
        dialog.setProblem(u"p"_s, u"e"_s, u"hint"_s);
        dialog.setFileProblems({ u"/home/me/.aws/config line 3: no '=' in \"region eu\""_s,
            u"/home/me/.aws/credentials line 9: a key outside any section"_s });
        QCOMPARE(dialog.detailsText(),
            u"hint\n\nProblems in the AWS configuration files (the rest of them still works):\n"
            u"/home/me/.aws/config line 3: no '=' in \"region eu\"\n"
            u"/home/me/.aws/credentials line 9: a key outside any section"_s);
        // They stay when the connection changes, and go when there are none.
        dialog.setProblem(u"p"_s, u"e"_s, QString());
        QVERIFY(dialog.detailsText().startsWith(u"\nProblems in the AWS configuration files"_s));
        dialog.setFileProblems({});
        QCOMPARE(dialog.detailsText(), QString());
    }

    void manyFileProblems_areAllListed()
    {
        ConnectionDetailsDialog dialog;
        QStringList problems;
        for (int i = 1; i <= 5000; ++i)
            problems.append(u"/home/me/.aws/config line %1: broken"_s.arg(i));
        dialog.setFileProblems(problems);
        QCOMPARE(dialog.detailsText().count(u'\n'), 5000 + 1);
        QVERIFY(dialog.detailsText().endsWith(u"line 5000: broken"_s));
    }

    void markupInTheHeadline_isShownAsText()
    {
        ConnectionDetailsDialog dialog;
        dialog.setProblem(u"<b>p</b>"_s, u"profile <img src=x> not found"_s, QString());
        QCOMPARE(dialog.headline(), u"Not connected (<b>p</b>): profile <img src=x> not found"_s);
        auto *label = dialog.findChild<QLabel *>(u"headlineLabel"_s);
        QVERIFY(label);
        QCOMPARE(label->textFormat(), Qt::PlainText);
    }

    void copy_putsWhatIsShownOnTheClipboard()
    {
        ConnectionDetailsDialog dialog;
        dialog.setConfig(u"prod"_s, config(u"https://lookout.example.com"_s));
        dialog.setFileProblems({ u"line 1: bad"_s });
        QSignalSpy messages(&dialog, &ConnectionDetailsDialog::statusMessage);
        QGuiApplication::clipboard()->setText(u"before"_s);
        QPushButton *copy = copyButton(dialog);
        QVERIFY(copy);
        QCOMPARE(copy->accessibleName(), u"Copy connection details"_s);
        QCOMPARE(copy->text(), u"&Copy"_s); // Alt+C
        copy->click();
        QCOMPARE(QGuiApplication::clipboard()->text(), dialog.detailsText());
        QCOMPARE(messages.size(), 1);
        QCOMPARE(messages.at(0).at(0).toString(), u"Copied connection details"_s);
        QVERIFY(!QGuiApplication::clipboard()->text().contains(u"secretNeverShown"_s));
    }

    void copy_withNothingShown_copiesNothing()
    {
        ConnectionDetailsDialog dialog;
        QGuiApplication::clipboard()->setText(u"before"_s);
        copyButton(dialog)->click();
        QCOMPARE(QGuiApplication::clipboard()->text(), QString());
    }

    void languageChange_keepsTheTexts()
    {
        ConnectionDetailsDialog dialog;
        dialog.setProblem(u"p"_s, u"error"_s, u"hint"_s);
        dialog.setFileProblems({ u"line 1"_s });
        const QString before = dialog.detailsText();
        QEvent change(QEvent::LanguageChange);
        QCoreApplication::sendEvent(&dialog, &change);
        QCOMPARE(dialog.detailsText(), before);
        QCOMPARE(dialog.headline(), u"Not connected (p): error"_s);
        QCOMPARE(copyButton(dialog)->text(), u"&Copy"_s);
        QCOMPARE(dialog.findChildren<QPushButton *>(u"copyDetailsPushButton"_s).size(), 1);
    }

    void severalConnections_oneSectionEach_copiedWhole()
    {
        ConnectionDetailsDialog dialog;
        ConnectionDetailsDialog::Section prod;
        prod.label = u"prod · eu-west-1"_s;
        prod.state = u"answering, updated 12:03:05 (20 s ago)"_s;
        prod.accounts = { u"111122223333"_s };
        prod.config = config(u"https://lookout.example.com"_s);
        ConnectionDetailsDialog::Section staging;
        staging.label = u"staging · us-east-1"_s;
        staging.state = u"failing, last updated 12:01:00 (2 min ago): expired"_s;
        staging.accounts = { u"444455556666"_s, u"777788889999"_s };
        staging.error = u"An error occurred (ExpiredToken) when calling the "
                        u"ListInferenceSchedulers operation: expired"_s;
        staging.hint = u"Sign in again."_s;
        staging.config = config(u"https://staging.example.com"_s);
        ConnectionDetailsDialog::Section missing;
        missing.label = u"nosuch"_s;
        missing.state = u"failing, never updated: The config profile (nosuch) could not be found"_s;
        missing.error = u"The config profile (nosuch) could not be found"_s;
        dialog.setConnections(
            u"3 connections · 1 answering · 2 failing"_s, { prod, staging, missing });
        dialog.setFileProblems({ u"line 1: bad"_s });
        QCOMPARE(dialog.headline(), u"3 connections · 1 answering · 2 failing"_s);
        const QString values = u"profile: prod (from --profile)\n"
                               u"region: eu-west-1 (from AWS_REGION)\n"
                               u"endpoint: %1 (from --endpoint-url)\n"
                               u"credentials: shared credentials file (~/.aws/credentials)\n"
                               u"max attempts: 3 (from the default)\n"
                               u"retry mode: standard (from the default)"_s;
        QCOMPARE(dialog.detailsText(),
            u"Connection 1 of 3: prod · eu-west-1\n"
            u"state: answering, updated 12:03:05 (20 s ago)\n"
            u"account: 111122223333\n"_s
                + values.arg(u"https://lookout.example.com"_s)
                + u"\n\nConnection 2 of 3: staging · us-east-1\n"
                  u"state: failing, last updated 12:01:00 (2 min ago): expired\n"
                  u"account: 444455556666, 777788889999\n"
                  u"last error: An error occurred (ExpiredToken) when calling the "
                  u"ListInferenceSchedulers operation: expired\n"_s
                + values.arg(u"https://staging.example.com"_s)
                + u"\nSign in again.\n\n"
                  u"Connection 3 of 3: nosuch\n"
                  u"state: failing, never updated: The config profile (nosuch) could not be "
                  u"found\n"
                  u"account: not known until its schedulers are listed\n"
                  u"last error: The config profile (nosuch) could not be found\n\n"
                  u"Problems in the AWS configuration files (the rest of them still works):\n"
                  u"line 1: bad"_s);
        QVERIFY(!dialog.detailsText().contains(u"secretNeverShown"_s));
        QGuiApplication::clipboard()->setText(u"before"_s);
        copyButton(dialog)->click();
        QCOMPARE(QGuiApplication::clipboard()->text(), dialog.detailsText());
        // Back to one connection: its values alone, as before.
        dialog.setConfig(u"prod"_s, config(u"https://lookout.example.com"_s));
        QVERIFY(dialog.detailsText().startsWith(u"profile: prod (from --profile)\n"_s));
        QVERIFY(!dialog.detailsText().contains(u"Connection 1 of"_s));
    }

    void severalConnections_userInfoAndMarkupStayText()
    {
        ConnectionDetailsDialog dialog;
        ConnectionDetailsDialog::Section section;
        section.label = u"<b>x</b>"_s;
        section.state = u"answering"_s;
        section.config = config(u"http://someone:hunter2@127.0.0.1:8080/"_s);
        dialog.setConnections(u"<img src=x> 2 connections"_s, { section, section });
        QCOMPARE(dialog.headline(), u"<img src=x> 2 connections"_s);
        QVERIFY(dialog.detailsText().contains(u"Connection 2 of 2: <b>x</b>\n"_s));
        QVERIFY(!dialog.detailsText().contains(u"hunter2"_s));
        QVERIFY(!dialog.detailsText().contains(u"someone"_s));
        // Sections stay through a language change.
        const QString before = dialog.detailsText();
        QEvent change(QEvent::LanguageChange);
        QCoreApplication::sendEvent(&dialog, &change);
        QCOMPARE(dialog.detailsText(), before);
    }

    void detailsAreReadOnly_andClosable()
    {
        ConnectionDetailsDialog dialog;
        auto *details = dialog.findChild<QPlainTextEdit *>(u"detailsTextEdit"_s);
        QVERIFY(details && details->isReadOnly());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QTest::keyClick(&dialog, Qt::Key_Escape);
        QVERIFY(!dialog.isVisible());
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
    }
};

QTEST_MAIN(TestConnectionDetailsDialog)
#include "tst_connectiondetailsdialog.moc"
