// parseSigV4Authorization: every well-formed header parses, every malformed one is an
// InvalidParameter error naming what is wrong, and nothing it is fed can make it misbehave.
#include "aws/sigv4authorization.h"
#include "aws/sigv4signer.h"

#include <QtTest>

using aws::AwsError;
using aws::parseSigV4Authorization;
using aws::SigV4Authorization;

namespace {

// aws-c-auth's get-vanilla header (tests/data/sigv4/aws-c-auth-v4/get-vanilla).
const QByteArray kGoodHeader
    = "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, "
      "SignedHeaders=host;x-amz-date, "
      "Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31";
const QByteArray kGoodCredential = "AKIDEXAMPLE/20150830/us-east-1/service/aws4_request";
const QByteArray kGoodSignature
    = "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31";
constexpr qsizetype kLimit = 8192;

QByteArray header(
    const QByteArray &credential, const QByteArray &signedHeaders, const QByteArray &signature)
{
    return "AWS4-HMAC-SHA256 Credential=" + credential + ", SignedHeaders=" + signedHeaders
        + ", Signature=" + signature;
}

// A valid header of exactly `length` bytes: padded with unique signed header names, the last one
// sized to land on the length.
QByteArray validHeaderOfLength(qsizetype length)
{
    QByteArray names = "host";
    for (int i = 0; header(kGoodCredential, names, kGoodSignature).size() + 20 < length; ++i)
        names += ";x-pad-" + QByteArray::number(i);
    const qsizetype missing = length - header(kGoodCredential, names, kGoodSignature).size();
    names += ';' + QByteArray(missing - 1, 'z');
    return header(kGoodCredential, names, kGoodSignature);
}

} // namespace

class TestSigV4Authorization : public QObject {
    Q_OBJECT
private slots:
    void goodHeader_parsesEveryPart();
    void goodHeader_acceptsLayoutVariants_data();
    void goodHeader_acceptsLayoutVariants();
    void signerOutput_parsesBackToItsParts();
    void malformed_isInvalidParameterNamingTheProblem_data();
    void malformed_isInvalidParameterNamingTheProblem();
    void hugeInput_refusedByLengthAlone();
    void limit_acceptsExactlyTheLimit();
    void messages_neverQuoteSignatureOrLongValues();
};

void TestSigV4Authorization::goodHeader_parsesEveryPart()
{
    const aws::Result<SigV4Authorization> parsed = parseSigV4Authorization(kGoodHeader);
    QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().message));
    const SigV4Authorization &authorization = parsed.value();
    QCOMPARE(authorization.accessKeyId, QByteArray("AKIDEXAMPLE"));
    QCOMPARE(authorization.scopeDate, QByteArray("20150830"));
    QCOMPARE(authorization.region, QByteArray("us-east-1"));
    QCOMPARE(authorization.service, QByteArray("service"));
    QCOMPARE(authorization.terminator, QByteArray("aws4_request"));
    QCOMPARE(authorization.signedHeaders, (QList<QByteArray> { "host", "x-amz-date" }));
    QCOMPARE(authorization.signature, kGoodSignature);
}

void TestSigV4Authorization::goodHeader_acceptsLayoutVariants_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::newRow("no spaces after commas") << QByteArray("AWS4-HMAC-SHA256 Credential="
        + kGoodCredential + ",SignedHeaders=host;x-amz-date,Signature=" + kGoodSignature);
    QTest::newRow("fields in another order") << QByteArray("AWS4-HMAC-SHA256 Signature="
        + kGoodSignature + ", SignedHeaders=host;x-amz-date, Credential=" + kGoodCredential);
    QTest::newRow("tabs and surrounding whitespace")
        << QByteArray(" \tAWS4-HMAC-SHA256\t Credential=" + kGoodCredential
               + " ,\tSignedHeaders=host;x-amz-date , " + "Signature=" + kGoodSignature + " \t");
}

void TestSigV4Authorization::goodHeader_acceptsLayoutVariants()
{
    QFETCH(QByteArray, value);
    const aws::Result<SigV4Authorization> parsed = parseSigV4Authorization(value);
    QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().message));
    QCOMPARE(parsed.value().accessKeyId, QByteArray("AKIDEXAMPLE"));
    QCOMPARE(parsed.value().signedHeaders, (QList<QByteArray> { "host", "x-amz-date" }));
    QCOMPARE(parsed.value().signature, kGoodSignature);
}

void TestSigV4Authorization::signerOutput_parsesBackToItsParts()
{
    aws::sigv4::Request request;
    request.method = "POST";
    request.path = "/";
    request.headers
        = { { "Content-Type", "application/x-amz-json-1.0" }, { "Host", "127.0.0.1:8443" },
              { "X-Amz-Target", "AWSLookoutEquipmentFrontendService.ListInferenceSchedulers" } };
    request.body = "{}";
    aws::AwsCredentials credentials;
    credentials.accessKeyId = QStringLiteral("ASIAEXAMPLE7");
    credentials.secretAccessKey = QStringLiteral("secret");
    credentials.sessionToken = QStringLiteral("token");
    const aws::sigv4::Signature signature = aws::sigv4::sign(request, credentials, "ap-northeast-2",
        "lookoutequipment", QDateTime(QDate(2026, 10, 6), QTime(23, 59, 59), Qt::UTC));

    const aws::Result<SigV4Authorization> parsed = parseSigV4Authorization(signature.authorization);
    QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().message));
    QCOMPARE(parsed.value().accessKeyId, QByteArray("ASIAEXAMPLE7"));
    QCOMPARE(parsed.value().scopeDate, QByteArray("20261006"));
    QCOMPARE(parsed.value().region, QByteArray("ap-northeast-2"));
    QCOMPARE(parsed.value().service, QByteArray("lookoutequipment"));
    QCOMPARE(parsed.value().signedHeaders, signature.signedHeaders.split(';'));
    QCOMPARE(parsed.value().signature, signature.signature);
}

void TestSigV4Authorization::malformed_isInvalidParameterNamingTheProblem_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<QString>("problem");

    const QByteArray signedHeaders = "host;x-amz-date";
    // Garbage and the algorithm.
    QTest::newRow("empty") << QByteArray() << QStringLiteral("it is empty");
    QTest::newRow("only whitespace") << QByteArray(" \t ") << QStringLiteral("it is empty");
    QTest::newRow("algorithm alone")
        << QByteArray("AWS4-HMAC-SHA256 ") << QStringLiteral("nothing follows AWS4-HMAC-SHA256");
    QTest::newRow("basic auth")
        << QByteArray("Basic dXNlcjpwYXNzd29yZA==")
        << QStringLiteral("the algorithm is \"Basic\"; only AWS4-HMAC-SHA256 is supported");
    QTest::newRow("lower-case algorithm") << QByteArray(
        "aws4-hmac-sha256 Credential=x") << QStringLiteral("the algorithm is \"aws4-hmac-sha256\"");
    QTest::newRow("no algorithm") << QByteArray(
        "Credential=" + kGoodCredential + ", SignedHeaders=host")
                                  << QStringLiteral(
                                         "it does not start with the algorithm AWS4-HMAC-SHA256");
    QTest::newRow("newline") << QByteArray("AWS4-HMAC-SHA256 Credential=a\nb")
                             << QStringLiteral("byte 29 is 0x0a, which is not printable ASCII");
    QTest::newRow("nul") << QByteArray("AWS4-HMAC-SHA256\0 Credential", 28)
                         << QStringLiteral("byte 16 is 0x00, which is not printable ASCII");
    QTest::newRow("non-ascii") << QByteArray("AWS4-HMAC-SHA256 Credential=\xc3\xa9")
                               << QStringLiteral("byte 28 is 0xc3, which is not printable ASCII");
    QTest::newRow("random bytes") << QByteArray("\x9f\x01\xff garbage \x7f", 13)
                                  << QStringLiteral("byte 0 is 0x9f, which is not printable ASCII");

    // Fields.
    QTest::newRow("missing credential")
        << QByteArray("AWS4-HMAC-SHA256 SignedHeaders=host, Signature=" + kGoodSignature)
        << QStringLiteral("it lacks Credential");
    QTest::newRow("missing signature")
        << QByteArray("AWS4-HMAC-SHA256 Credential=" + kGoodCredential + ", SignedHeaders=host")
        << QStringLiteral("it lacks Signature");
    QTest::newRow("missing two") << QByteArray("AWS4-HMAC-SHA256 Credential=" + kGoodCredential)
                                 << QStringLiteral("it lacks SignedHeaders and Signature");
    QTest::newRow("duplicate credential") << QByteArray(
        header(kGoodCredential, signedHeaders, kGoodSignature) + ", Credential=" + kGoodCredential)
                                          << QStringLiteral("Credential appears more than once");
    QTest::newRow("duplicate signature") << QByteArray(
        header(kGoodCredential, signedHeaders, kGoodSignature) + ", Signature=" + kGoodSignature)
                                         << QStringLiteral("Signature appears more than once");
    QTest::newRow("unknown field")
        << QByteArray(header(kGoodCredential, signedHeaders, kGoodSignature) + ", Foo=bar")
        << QStringLiteral("field 4 has the unknown name \"Foo\"");
    QTest::newRow("case matters in names")
        << QByteArray("AWS4-HMAC-SHA256 credential=" + kGoodCredential)
        << QStringLiteral("field 1 has the unknown name \"credential\"");
    QTest::newRow("field without value sign")
        << QByteArray("AWS4-HMAC-SHA256 Credential")
        << QStringLiteral("field 1 \"Credential\" is not NAME=VALUE");
    QTest::newRow("stray comma") << QByteArray(
        "AWS4-HMAC-SHA256 Credential=" + kGoodCredential + ", , SignedHeaders=host")
                                 << QStringLiteral("field 2 is empty (a stray comma?)");
    QTest::newRow("trailing comma")
        << QByteArray(header(kGoodCredential, signedHeaders, kGoodSignature) + ",")
        << QStringLiteral("field 4 is empty");
    QTest::newRow("empty credential") << QByteArray(header({}, signedHeaders, kGoodSignature))
                                      << QStringLiteral("Credential is empty");
    QTest::newRow("space inside a value") << QByteArray(
        "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE /20150830/us-east-1/service/aws4_request")
                                          << QStringLiteral("Credential contains whitespace");

    // The credential scope.
    QTest::newRow("scope of four parts") << header("AKIDEXAMPLE/20150830/us-east-1/aws4_request",
        signedHeaders, kGoodSignature) << QStringLiteral("but has 4 part(s)");
    QTest::newRow("scope of six parts") << header(
        "AKIDEXAMPLE/20150830/us-east-1/service/extra/aws4_request", signedHeaders, kGoodSignature)
                                        << QStringLiteral("but has 6 part(s)");
    QTest::newRow("empty access key") << header("/20150830/us-east-1/service/aws4_request",
        signedHeaders, kGoodSignature) << QStringLiteral("the Credential's access key id is empty");
    QTest::newRow("empty region") << header(
        "AKIDEXAMPLE/20150830//service/aws4_request", signedHeaders, kGoodSignature)
                                  << QStringLiteral("the Credential's region is empty");
    QTest::newRow("access key punctuation")
        << header("AKID-EXAMPLE/20150830/us-east-1/service/aws4_request", signedHeaders,
               kGoodSignature)
        << QStringLiteral("the Credential's access key id \"AKID-EXAMPLE\" is not alphanumeric");
    QTest::newRow("month 13")
        << header(
               "AKIDEXAMPLE/20151330/us-east-1/service/aws4_request", signedHeaders, kGoodSignature)
        << QStringLiteral("the Credential's date \"20151330\" is not a date in yyyyMMdd form");
    QTest::newRow("february 30") << header("AKIDEXAMPLE/20150230/us-east-1/service/aws4_request",
        signedHeaders,
        kGoodSignature) << QStringLiteral("the Credential's date \"20150230\" is not a date");
    QTest::newRow("iso date") << header("AKIDEXAMPLE/2015-08-30/us-east-1/service/aws4_request",
        signedHeaders,
        kGoodSignature) << QStringLiteral("the Credential's date \"2015-08-30\" is not a date");
    QTest::newRow("seven digits") << header("AKIDEXAMPLE/2015083/us-east-1/service/aws4_request",
        signedHeaders,
        kGoodSignature) << QStringLiteral("the Credential's date \"2015083\" is not a date");
    QTest::newRow("region punctuation")
        << header(
               "AKIDEXAMPLE/20150830/us@east-1/service/aws4_request", signedHeaders, kGoodSignature)
        << QStringLiteral("the Credential's region \"us@east-1\" has characters other than");
    QTest::newRow("service punctuation")
        << header(
               "AKIDEXAMPLE/20150830/us-east-1/serv!ce/aws4_request", signedHeaders, kGoodSignature)
        << QStringLiteral("the Credential's service \"serv!ce\" has characters other than");
    QTest::newRow("wrong terminator")
        << header("AKIDEXAMPLE/20150830/us-east-1/service/aws4_requests", signedHeaders,
               kGoodSignature)
        << QStringLiteral("the Credential must end in aws4_request, not \"aws4_requests\"");
    QTest::newRow("sigv2-style terminator") << header(
        "AKIDEXAMPLE/20150830/us-east-1/service/aws2_request", signedHeaders, kGoodSignature)
                                            << QStringLiteral("not \"aws2_request\"");
    QTest::newRow("over-long scope part")
        << header("AKIDEXAMPLE/20150830/" + QByteArray(129, 'r') + "/service/aws4_request",
               signedHeaders, kGoodSignature)
        << QStringLiteral(
               "the Credential's region is 129 characters long; at most 128 are accepted");

    // SignedHeaders.
    QTest::newRow("upper-case header")
        << header(kGoodCredential, "Host;x-amz-date", kGoodSignature)
        << QStringLiteral("SignedHeaders entry 1 \"Host\" is not a lower-case header name");
    QTest::newRow("empty header name") << header(kGoodCredential, "host;;x-amz-date",
        kGoodSignature) << QStringLiteral("SignedHeaders entry 2 is empty");
    QTest::newRow("trailing semicolon") << header(kGoodCredential, "host;x-amz-date;",
        kGoodSignature) << QStringLiteral("SignedHeaders entry 3 is empty");
    QTest::newRow("header listed twice") << header(kGoodCredential, "host;x-amz-date;host",
        kGoodSignature) << QStringLiteral("SignedHeaders lists \"host\" twice");
    QTest::newRow("separator in a name")
        << header(kGoodCredential, "host:port;x-amz-date", kGoodSignature)
        << QStringLiteral("SignedHeaders entry 1 \"host:port\" is not a lower-case");

    // Signature.
    QTest::newRow("short signature")
        << header(kGoodCredential, signedHeaders, kGoodSignature.left(63))
        << QStringLiteral("Signature must be 64 lower-case hex digits (got 63 characters)");
    QTest::newRow("long signature") << header(kGoodCredential, signedHeaders, kGoodSignature + "0")
                                    << QStringLiteral("(got 65 characters)");
    QTest::newRow("upper-case signature")
        << header(kGoodCredential, signedHeaders, kGoodSignature.toUpper())
        << QStringLiteral("Signature must be 64 lower-case hex digits (got 64 characters, not all "
                          "lower-case hex)");
    QTest::newRow("not hex") << header(kGoodCredential, signedHeaders, QByteArray(64, 'g'))
                             << QStringLiteral("not all lower-case hex");
}

void TestSigV4Authorization::malformed_isInvalidParameterNamingTheProblem()
{
    QFETCH(QByteArray, value);
    QFETCH(QString, problem);
    const aws::Result<SigV4Authorization> parsed = parseSigV4Authorization(value);
    QVERIFY2(!parsed.ok(), "a malformed header was accepted");
    QCOMPARE(parsed.error().kind, AwsError::Kind::InvalidParameter);
    const QString message = parsed.error().message;
    QVERIFY2(
        message.startsWith(QStringLiteral("Invalid Authorization header: ")), qPrintable(message));
    QVERIFY2(message.contains(problem),
        qPrintable(QStringLiteral("\"%1\" does not say \"%2\"").arg(message, problem)));
}

void TestSigV4Authorization::hugeInput_refusedByLengthAlone()
{
    // A megabyte of a valid-looking header: refused for its length, whatever follows.
    QByteArray huge = header(kGoodCredential, "host", kGoodSignature) + ", ";
    huge += QByteArray(1024 * 1024 - huge.size(), 'A');
    const aws::Result<SigV4Authorization> parsed = parseSigV4Authorization(huge);
    QVERIFY(!parsed.ok());
    QCOMPARE(parsed.error().message,
        QStringLiteral(
            "Invalid Authorization header: it is 1048576 bytes long; at most 8192 are accepted"));

    const QByteArray justOver = validHeaderOfLength(kLimit + 1);
    QCOMPARE(justOver.size(), kLimit + 1);
    QVERIFY(!parseSigV4Authorization(justOver).ok());
}

void TestSigV4Authorization::limit_acceptsExactlyTheLimit()
{
    const QByteArray atLimit = validHeaderOfLength(kLimit);
    QCOMPARE(atLimit.size(), kLimit);
    const aws::Result<SigV4Authorization> parsed = parseSigV4Authorization(atLimit);
    QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().message));
    QVERIFY(parsed.value().signedHeaders.size() > 500);
}

void TestSigV4Authorization::messages_neverQuoteSignatureOrLongValues()
{
    const QByteArray secretLooking
        = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789ABCDEF";
    const aws::Result<SigV4Authorization> badSignature
        = parseSigV4Authorization(header(kGoodCredential, "host", secretLooking));
    QVERIFY(!badSignature.ok());
    QVERIFY(!badSignature.error().message.contains(QStringLiteral("0123456789")));

    const QByteArray longName(5000, 'x');
    const aws::Result<SigV4Authorization> longField
        = parseSigV4Authorization(QByteArray("AWS4-HMAC-SHA256 " + longName + "=1"));
    QVERIFY(!longField.ok());
    QVERIFY2(longField.error().message.size() < 200, qPrintable(longField.error().message));
    QVERIFY(longField.error().message.contains(QStringLiteral("…\"")));

    // A first word that could be a bare token is not echoed either.
    const aws::Result<SigV4Authorization> bareToken
        = parseSigV4Authorization("c2VjcmV0LXRva2VuLXZhbHVl/+== x");
    QVERIFY(!bareToken.ok());
    QVERIFY(!bareToken.error().message.contains(QStringLiteral("c2VjcmV0")));
}

QTEST_GUILESS_MAIN(TestSigV4Authorization)
#include "tst_sigv4authorization.moc"
