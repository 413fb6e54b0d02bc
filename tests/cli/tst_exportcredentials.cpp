// configure export-credentials: the five formats exactly as the AWS CLI v2's exportcreds.py writes
// them (expected texts taken from its formatters), with and without a session token and an
// expiration, and the format names.
#include "cli/exportcredentials.h"

#include <QtTest>

using cli::CredentialFormat;

namespace {

aws::AwsCredentials temporary()
{
    return { QStringLiteral("ASIAX"), QStringLiteral("se/cr+et"), QStringLiteral("tok\"en"),
        QDateTime(QDate(2026, 12, 7), QTime(13, 0, 0, 123), QTimeZone::utc()), {} };
}

} // namespace

class TestExportCredentials : public QObject {
    Q_OBJECT
private slots:
    void formats_data();
    void formats();
    void longTermKeys_haveNoTokenOrExpiration();
    void wholeSecondExpiration_hasNoFraction();
    void formatNames();
};

void TestExportCredentials::formats_data()
{
    QTest::addColumn<CredentialFormat>("format");
    QTest::addColumn<QString>("expected");
    QTest::newRow("process") << CredentialFormat::Process
                             << "{\n  \"Version\": 1,\n  \"AccessKeyId\": \"ASIAX\",\n"
                                "  \"SecretAccessKey\": \"se/cr+et\",\n"
                                "  \"SessionToken\": \"tok\\\"en\",\n"
                                "  \"Expiration\": \"2026-12-07T13:00:00.123000+00:00\"\n}\n";
    QTest::newRow("env")
        << CredentialFormat::Env
        << "export AWS_ACCESS_KEY_ID=ASIAX\nexport AWS_SECRET_ACCESS_KEY=se/cr+et\n"
           "export AWS_SESSION_TOKEN=tok\"en\n"
           "export AWS_CREDENTIAL_EXPIRATION=2026-12-07T13:00:00.123000+00:00\n";
    QTest::newRow("env-no-export")
        << CredentialFormat::EnvNoExport
        << "AWS_ACCESS_KEY_ID=ASIAX\nAWS_SECRET_ACCESS_KEY=se/cr+et\nAWS_SESSION_TOKEN=tok\"en\n"
           "AWS_CREDENTIAL_EXPIRATION=2026-12-07T13:00:00.123000+00:00\n";
    QTest::newRow("powershell")
        << CredentialFormat::PowerShell
        << "$Env:AWS_ACCESS_KEY_ID=\"ASIAX\"\n$Env:AWS_SECRET_ACCESS_KEY=\"se/cr+et\"\n"
           "$Env:AWS_SESSION_TOKEN=\"tok\"en\"\n"
           "$Env:AWS_CREDENTIAL_EXPIRATION=\"2026-12-07T13:00:00.123000+00:00\"\n";
    QTest::newRow("windows-cmd")
        << CredentialFormat::WindowsCmd
        << "set AWS_ACCESS_KEY_ID=ASIAX\nset AWS_SECRET_ACCESS_KEY=se/cr+et\n"
           "set AWS_SESSION_TOKEN=tok\"en\n"
           "set AWS_CREDENTIAL_EXPIRATION=2026-12-07T13:00:00.123000+00:00\n";
}

void TestExportCredentials::formats()
{
    QFETCH(CredentialFormat, format);
    QFETCH(QString, expected);
    QCOMPARE(cli::formatCredentials(temporary(), format), expected);
}

void TestExportCredentials::longTermKeys_haveNoTokenOrExpiration()
{
    const aws::AwsCredentials keys { QStringLiteral("AKIAX"), QStringLiteral("s"), {}, {}, {} };
    QCOMPARE(cli::formatCredentials(keys, CredentialFormat::Process),
        QStringLiteral("{\n  \"Version\": 1,\n  \"AccessKeyId\": \"AKIAX\",\n"
                       "  \"SecretAccessKey\": \"s\"\n}\n"));
    QCOMPARE(cli::formatCredentials(keys, CredentialFormat::Env),
        QStringLiteral("export AWS_ACCESS_KEY_ID=AKIAX\nexport AWS_SECRET_ACCESS_KEY=s\n"));
}

void TestExportCredentials::wholeSecondExpiration_hasNoFraction()
{
    aws::AwsCredentials credentials = temporary();
    credentials.expiration = QDateTime(QDate(2026, 12, 7), QTime(13, 0, 0), QTimeZone::utc());
    QVERIFY(cli::formatCredentials(credentials, CredentialFormat::EnvNoExport)
                .endsWith(QLatin1String("AWS_CREDENTIAL_EXPIRATION=2026-12-07T13:00:00+00:00\n")));
}

void TestExportCredentials::formatNames()
{
    QCOMPARE(cli::credentialFormatNamed(QStringLiteral("process")), CredentialFormat::Process);
    QCOMPARE(
        cli::credentialFormatNamed(QStringLiteral("windows-cmd")), CredentialFormat::WindowsCmd);
    QVERIFY(!cli::credentialFormatNamed(QStringLiteral("json")));
    QCOMPARE(cli::credentialFormatNames(),
        QStringLiteral("process, env, env-no-export, powershell, windows-cmd"));
}

QTEST_GUILESS_MAIN(TestExportCredentials)
#include "tst_exportcredentials.moc"
