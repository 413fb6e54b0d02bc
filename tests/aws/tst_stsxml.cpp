// The STS XML reader: AssumeRole and AssumeRoleWithWebIdentity answers as botocore's model
// describes them, error documents, and hostile or broken ones (DTDs, entities, truncation,
// missing fields, oversized texts), which end in a problem that says where, never a crash.
#include "aws/stsxml.h"

#include <QtTest>

using aws::AwsCredentials;
using aws::stsxml::XmlProblem;

namespace {

QByteArray answer(const QByteArray &operation, const QByteArray &credentials)
{
    return "<" + operation + "Response xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">\n"
        + "  <" + operation + "Result>\n"
        + "    <AssumedRoleUser><Arn>arn:aws:sts::1:assumed-role/r/s</Arn></AssumedRoleUser>\n"
        + "    <Credentials>" + credentials + "</Credentials>\n" + "  </" + operation + "Result>\n"
        + "  <ResponseMetadata><RequestId>c6104cbe</RequestId></ResponseMetadata>\n" + "</"
        + operation + "Response>\n";
}

const QByteArray kCredentials = "<AccessKeyId>ASIAEXAMPLE123456789</AccessKeyId>"
                                "<SecretAccessKey>wJalrXUtnFEMI/K7MDENG</SecretAccessKey>"
                                "<SessionToken>IQoJb3JpZ2luX2VjEXAMPLE</SessionToken>"
                                "<Expiration>2026-12-07T13:00:00.123Z</Expiration>";

QString problemOf(const std::variant<AwsCredentials, XmlProblem> &parsed)
{
    const auto *problem = std::get_if<XmlProblem>(&parsed);
    return problem ? problem->message : QStringLiteral("(parsed)");
}

} // namespace

class TestStsXml : public QObject {
    Q_OBJECT
private slots:
    void assumeRole_credentials();
    void webIdentity_credentials();
    void problems_data();
    void problems();
    void longTexts_areBounded();
    void errorDocument_fields();
    void errorDocument_otherBodies_giveNoCode();
};

void TestStsXml::assumeRole_credentials()
{
    const auto parsed = aws::stsxml::parseCredentials(
        answer("AssumeRole", kCredentials), QStringLiteral("AssumeRole"));
    QVERIFY2(std::holds_alternative<AwsCredentials>(parsed), qPrintable(problemOf(parsed)));
    const AwsCredentials &credentials = std::get<AwsCredentials>(parsed);
    QCOMPARE(credentials.accessKeyId, QStringLiteral("ASIAEXAMPLE123456789"));
    QCOMPARE(credentials.secretAccessKey, QStringLiteral("wJalrXUtnFEMI/K7MDENG"));
    QCOMPARE(credentials.sessionToken, QStringLiteral("IQoJb3JpZ2luX2VjEXAMPLE"));
    QCOMPARE(*credentials.expiration,
        QDateTime(QDate(2026, 12, 7), QTime(13, 0, 0, 123), QTimeZone::utc()));
}

void TestStsXml::webIdentity_credentials()
{
    const auto parsed
        = aws::stsxml::parseCredentials(answer("AssumeRoleWithWebIdentity", kCredentials),
            QStringLiteral("AssumeRoleWithWebIdentity"));
    QVERIFY2(std::holds_alternative<AwsCredentials>(parsed), qPrintable(problemOf(parsed)));
    // The answer of another operation is not this one's.
    QVERIFY(problemOf(aws::stsxml::parseCredentials(answer("AssumeRole", kCredentials),
                          QStringLiteral("AssumeRoleWithWebIdentity")))
                .contains(QStringLiteral("not <AssumeRoleWithWebIdentityResponse>")));
}

void TestStsXml::problems_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("expected");
    const QByteArray good = answer("AssumeRole", kCredentials);
    QTest::newRow("empty") << QByteArray() << "the answer is empty";
    QTest::newRow("not xml") << QByteArray("{\"Credentials\":{}}") << "malformed XML";
    QTest::newRow("truncated") << good.left(good.size() - 30) << "malformed XML";
    QTest::newRow("dtd") << ("<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY a \"aaaa\">]>" + good)
                         << "a document type declaration";
    QTest::newRow("entity") << answer("AssumeRole",
        "<AccessKeyId>&a;</AccessKeyId><SecretAccessKey>s</SecretAccessKey>"
        "<SessionToken>t</SessionToken><Expiration>2026-12-07T13:00:00Z</Expiration>")
                            << "malformed XML";
    QTest::newRow("no result") << QByteArray("<AssumeRoleResponse><Other/></AssumeRoleResponse>")
                               << "no <AssumeRoleResult>";
    QTest::newRow("no credentials")
        << QByteArray("<AssumeRoleResponse><AssumeRoleResult/></AssumeRoleResponse>")
        << "no <Credentials>";
    QTest::newRow("no secret") << answer("AssumeRole",
        "<AccessKeyId>ASIA</AccessKeyId><SessionToken>t</SessionToken>"
        "<Expiration>2026-12-07T13:00:00Z</Expiration>")
                               << "the <Credentials> have no <SecretAccessKey>";
    QTest::newRow("no token") << answer("AssumeRole",
        "<AccessKeyId>ASIA</AccessKeyId><SecretAccessKey>s</SecretAccessKey>"
        "<Expiration>2026-12-07T13:00:00Z</Expiration>")
                              << "the <Credentials> have no <SessionToken>";
    QTest::newRow("bad expiration") << answer("AssumeRole",
        "<AccessKeyId>ASIA</AccessKeyId><SecretAccessKey>s</SecretAccessKey>"
        "<SessionToken>t</SessionToken><Expiration>tomorrow</Expiration>")
                                    << "the <Expiration> \"tomorrow\" is not an ISO 8601 time";
    QTest::newRow("error document")
        << QByteArray("<ErrorResponse><Error><Code>AccessDenied</Code></Error></ErrorResponse>")
        << "the document is <ErrorResponse>, not <AssumeRoleResponse>";
}

void TestStsXml::problems()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, expected);
    const QString problem
        = problemOf(aws::stsxml::parseCredentials(body, QStringLiteral("AssumeRole")));
    QVERIFY2(problem.contains(expected), qPrintable(problem));
}

void TestStsXml::longTexts_areBounded()
{
    const QByteArray huge(1024 * 1024, 'A');
    const auto parsed = aws::stsxml::parseCredentials(
        answer("AssumeRole",
            "<AccessKeyId>" + huge
                + "</AccessKeyId><SecretAccessKey>s</SecretAccessKey>"
                  "<SessionToken>t</SessionToken>"
                  "<Expiration>2026-12-07T13:00:00Z</Expiration>"),
        QStringLiteral("AssumeRole"));
    QVERIFY(std::holds_alternative<AwsCredentials>(parsed));
    QCOMPARE(std::get<AwsCredentials>(parsed).accessKeyId.size(), 64 * 1024);
}

void TestStsXml::errorDocument_fields()
{
    const aws::stsxml::ServiceErrorFields fields = aws::stsxml::parseError(
        "<ErrorResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">\n"
        "  <Error>\n    <Type>Sender</Type>\n    <Code>AccessDenied</Code>\n"
        "    <Message>User: arn:aws:iam::1:user/u is not authorized to perform: "
        "sts:AssumeRole\non resource</Message>\n  </Error>\n"
        "  <RequestId>4fd6-abc</RequestId>\n</ErrorResponse>");
    QCOMPARE(fields.type, QStringLiteral("Sender"));
    QCOMPARE(fields.code, QStringLiteral("AccessDenied"));
    // One line: a message cannot break the CLI's sentence.
    QCOMPARE(fields.message,
        QStringLiteral("User: arn:aws:iam::1:user/u is not authorized to perform: "
                       "sts:AssumeRole\\non resource"));
    QCOMPARE(fields.requestId, QStringLiteral("4fd6-abc"));
}

void TestStsXml::errorDocument_otherBodies_giveNoCode()
{
    for (const QByteArray &body : { QByteArray(), QByteArray("<html>503</html>"),
             QByteArray("<!DOCTYPE x [<!ENTITY e \"AccessDenied\">]><ErrorResponse><Error>"
                        "<Code>&e;</Code></Error></ErrorResponse>") }) {
        QVERIFY2(aws::stsxml::parseError(body).code.isEmpty(), body.constData());
    }
}

QTEST_GUILESS_MAIN(TestStsXml)
#include "tst_stsxml.moc"
