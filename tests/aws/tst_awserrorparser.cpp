// Error type and message from AWS JSON 1.0 error responses: header and body forms, precedence,
// and bodies that are not what they should be.
#include "aws/awserrorparser.h"

#include <QtTest>

class TestAwsErrorParser : public QObject {
    Q_OBJECT
private slots:
    void shortErrorCode_data();
    void shortErrorCode();
    void parse_data();
    void parse();
};

void TestAwsErrorParser::shortErrorCode_data()
{
    QTest::addColumn<QString>("raw");
    QTest::addColumn<QString>("code");
    QTest::newRow("short") << QStringLiteral("ValidationException")
                           << QStringLiteral("ValidationException");
    QTest::newRow("namespace") << QStringLiteral(
        "com.amazonaws.lookoutequipment#ValidationException")
                               << QStringLiteral("ValidationException");
    QTest::newRow("uri suffix") << QStringLiteral(
        "ValidationException:http://internal.amazon.com/coral/com.amazon.coral.validate/")
                                << QStringLiteral("ValidationException");
    QTest::newRow("namespace and uri") << QStringLiteral(
        "aws.protocoltests#FooError:http://internal.amazon.com/coral/com.amazon.coral.validate/")
                                       << QStringLiteral("FooError");
    QTest::newRow("several hashes")
        << QStringLiteral("a#b#ThrottlingException") << QStringLiteral("ThrottlingException");
    QTest::newRow("spaces") << QStringLiteral("  ConflictException  ")
                            << QStringLiteral("ConflictException");
    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("only hash") << QStringLiteral("#") << QString();
    QTest::newRow("only colon") << QStringLiteral(":http://x") << QString();
}

void TestAwsErrorParser::shortErrorCode()
{
    QFETCH(QString, raw);
    QFETCH(QString, code);
    QCOMPARE(aws::shortErrorCode(raw), code);
}

void TestAwsErrorParser::parse_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("message");

    QTest::newRow("__type and message")
        << QByteArray()
        << QByteArray(
               R"({"__type":"com.amazonaws.lookoutequipment#ResourceNotFoundException","message":"gone"})")
        << QStringLiteral("ResourceNotFoundException") << QStringLiteral("gone");
    QTest::newRow("header beats __type")
        << QByteArray("ThrottlingException:http://internal.amazon.com/")
        << QByteArray(R"({"__type":"ValidationException","message":"slow down"})")
        << QStringLiteral("ThrottlingException") << QStringLiteral("slow down");
    QTest::newRow("__type beats code")
        << QByteArray()
        << QByteArray(R"({"code":"Other","__type":"ConflictException","Message":"busy"})")
        << QStringLiteral("ConflictException") << QStringLiteral("busy");
    QTest::newRow("code alone") << QByteArray() << QByteArray(R"({"code":"AccessDeniedException"})")
                                << QStringLiteral("AccessDeniedException") << QString();
    QTest::newRow("message beats Message")
        << QByteArray() << QByteArray(R"({"__type":"X","Message":"second","message":"first"})")
        << QStringLiteral("X") << QStringLiteral("first");
    QTest::newRow("empty message falls back to Message")
        << QByteArray() << QByteArray(R"({"__type":"X","message":"","Message":"second"})")
        << QStringLiteral("X") << QStringLiteral("second");
    QTest::newRow("header, html body")
        << QByteArray("ServiceQuotaExceededException")
        << QByteArray("<html><body>quota</body></html>")
        << QStringLiteral("ServiceQuotaExceededException") << QString();
    QTest::newRow("no type anywhere") << QByteArray() << QByteArray(R"({"message":"nope"})")
                                      << QString() << QStringLiteral("nope");
    QTest::newRow("type not a string")
        << QByteArray() << QByteArray(R"({"__type":42,"message":7})") << QString() << QString();
    QTest::newRow("array body") << QByteArray() << QByteArray(R"([{"__type":"X"}])") << QString()
                                << QString();
    QTest::newRow("truncated body")
        << QByteArray() << QByteArray(R"({"__type":"Validat)") << QString() << QString();
    QTest::newRow("empty body") << QByteArray() << QByteArray() << QString() << QString();
    QTest::newRow("blank header ignored")
        << QByteArray("   ") << QByteArray(R"({"__type":"Y"})") << QStringLiteral("Y") << QString();
}

void TestAwsErrorParser::parse()
{
    QFETCH(QByteArray, header);
    QFETCH(QByteArray, body);
    QFETCH(QString, code);
    QFETCH(QString, message);
    const aws::ServiceErrorFields fields = aws::parseServiceError(header, body);
    QCOMPARE(fields.code, code);
    QCOMPARE(fields.message, message);
}

QTEST_GUILESS_MAIN(TestAwsErrorParser)
#include "tst_awserrorparser.moc"
