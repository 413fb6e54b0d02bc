// SigV4Signer against both official AWS test suites in tests/data/sigv4 (read at test time, one
// row per case, header and query forms), and the cases the suites leave out.
#include "aws/sigv4signer.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QtTest>

#include <algorithm>
#include <optional>

using aws::AwsCredentials;
using aws::SigV4Options;
using aws::SigV4Presigned;
using aws::SigV4Request;
using aws::SigV4Signature;
using aws::SigV4Signer;

namespace {

const QString kSuiteRoot = QStringLiteral(LOOKOUT_TEST_DATA_DIR "/sigv4");
const QString kAwsCAuthRoot = kSuiteRoot + QStringLiteral("/aws-c-auth-v4");
const QString kBotocoreRoot = kSuiteRoot + QStringLiteral("/botocore-aws4_testsuite");

// The suites' README: 38 aws-c-auth cases, 34 botocore cases. Counting them guards against a
// data folder that went missing or half-copied, which would otherwise pass with fewer rows.
constexpr int kAwsCAuthCaseCount = 38;
constexpr int kBotocoreCaseCount = 34;

// The botocore suite has no context.json; its README gives these values for every case.
const QString kSuiteAccessKeyId = QStringLiteral("AKIDEXAMPLE");
const QString kSuiteSecret = QStringLiteral("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
constexpr QByteArrayView kSuiteRegion = "us-east-1";
constexpr QByteArrayView kSuiteService = "service";

using HeaderList = QList<std::pair<QByteArray, QByteArray>>;

// A raw HTTP/1.1 request as the suites write it.
struct RawRequest {
    QByteArray method;
    QByteArray path;
    QByteArray query;
    HeaderList headers; // names and values exactly as written (values untrimmed)
    QByteArray body;

    QByteArray header(QByteArrayView lowerCaseName) const
    {
        for (const auto &[name, value] : headers) {
            if (name.toLower() == lowerCaseName)
                return value.trimmed();
        }
        return {};
    }
};

// Request line, header lines (an indented line continues the previous value: the obs-fold is
// replaced by one space and the indentation kept, so the signer's whitespace collapsing is what
// gets tested), a blank line, the body. The request target is everything between the first and
// the last space of the request line: the get-space cases write "/example space/" raw, which
// HTTP forbids (the suite README calls that line invalid) but which means exactly that path.
std::optional<RawRequest> parseRawRequest(const QByteArray &text, QString *error)
{
    RawRequest request;
    const qsizetype blank = text.indexOf("\n\n");
    const QByteArray head = blank < 0 ? text : text.left(blank);
    if (blank >= 0)
        request.body = text.mid(blank + 2);
    const QList<QByteArray> lines = head.split('\n');

    const QByteArray requestLine = lines.value(0);
    const qsizetype firstSpace = requestLine.indexOf(' ');
    const qsizetype lastSpace = requestLine.lastIndexOf(' ');
    if (firstSpace <= 0 || lastSpace <= firstSpace + 1
        || !requestLine.mid(lastSpace + 1).startsWith("HTTP/")) {
        *error = QStringLiteral("line 1: not a request line (METHOD TARGET HTTP/x.y): \"%1\"")
                     .arg(QString::fromUtf8(requestLine));
        return std::nullopt;
    }
    request.method = requestLine.left(firstSpace);
    const QByteArray target = requestLine.mid(firstSpace + 1, lastSpace - firstSpace - 1);
    if (!target.startsWith('/')) {
        *error = QStringLiteral("line 1: request target \"%1\" does not start with '/'")
                     .arg(QString::fromUtf8(target));
        return std::nullopt;
    }
    const qsizetype question = target.indexOf('?');
    request.path = question < 0 ? target : target.left(question);
    request.query = question < 0 ? QByteArray() : target.mid(question + 1);

    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray &line = lines[i];
        if (line.isEmpty() && i == lines.size() - 1)
            break; // the newline ending the last header of a request without a body
        if (line.startsWith(' ') || line.startsWith('\t')) {
            if (request.headers.isEmpty()) {
                *error = QStringLiteral("line %1: continuation line before any header").arg(i + 1);
                return std::nullopt;
            }
            request.headers.last().second += ' ' + line;
            continue;
        }
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0) {
            *error = QStringLiteral("line %1: header line without a name and ':': \"%2\"")
                         .arg(i + 1)
                         .arg(QString::fromUtf8(line));
            return std::nullopt;
        }
        request.headers.append({ line.left(colon), line.mid(colon + 1) });
    }
    return request;
}

std::optional<QByteArray> readFile(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read %1: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    return file.readAll();
}

SigV4Request toSigV4Request(const RawRequest &raw)
{
    return SigV4Request { raw.method, raw.path, raw.query, raw.headers, raw.body };
}

// Headers as an HTTP stack would see them, for comparing a signed request with the expected one:
// names lower case, values without the optional whitespace around them, repeated headers in
// their order, otherwise sorted by name.
HeaderList comparableHeaders(HeaderList headers)
{
    for (auto &[name, value] : headers) {
        name = name.toLower();
        value = value.trimmed();
    }
    std::stable_sort(headers.begin(), headers.end(),
        [](const auto &a, const auto &b) { return a.first < b.first; });
    return headers;
}

QByteArray headerListText(const HeaderList &headers)
{
    QByteArray text;
    for (const auto &[name, value] : headers)
        text += name + ": " + value + '\n';
    return text;
}

// What the client sends after header signing: its own headers minus those the signer replaces,
// plus the signer's (see SigV4Signer's rules).
HeaderList headersAfterSigning(const HeaderList &requestHeaders, const SigV4Signature &signature)
{
    HeaderList sent;
    for (const auto &[name, value] : requestHeaders) {
        const QByteArray lower = name.toLower();
        if (lower == "authorization" || lower == "x-amz-date"
            || (!signature.securityToken.isEmpty() && lower == "x-amz-security-token")
            || (!signature.contentSha256.isEmpty() && lower == "x-amz-content-sha256"))
            continue;
        sent.append({ name, value });
    }
    sent.append({ "X-Amz-Date", signature.amzDate });
    if (!signature.securityToken.isEmpty())
        sent.append({ "X-Amz-Security-Token", signature.securityToken });
    if (!signature.contentSha256.isEmpty())
        sent.append({ "x-amz-content-sha256", signature.contentSha256 });
    sent.append({ "Authorization", signature.authorization });
    return sent;
}

// One aws-c-auth case: the request and its context.json.
struct AwsCAuthCase {
    RawRequest request;
    AwsCredentials credentials;
    QByteArray region;
    QByteArray service;
    QDateTime time;
    SigV4Options options;
    std::chrono::seconds expires { 0 };
};

std::optional<AwsCAuthCase> loadAwsCAuthCase(const QString &directory, QString *error)
{
    const std::optional<QByteArray> requestText
        = readFile(directory + QStringLiteral("/request.txt"), error);
    const std::optional<QByteArray> contextText
        = readFile(directory + QStringLiteral("/context.json"), error);
    if (!requestText || !contextText)
        return std::nullopt;
    std::optional<RawRequest> request = parseRawRequest(*requestText, error);
    if (!request) {
        *error = QStringLiteral("%1/request.txt: %2").arg(directory, *error);
        return std::nullopt;
    }
    QJsonParseError jsonError;
    const QJsonDocument document = QJsonDocument::fromJson(*contextText, &jsonError);
    if (!document.isObject()) {
        *error = QStringLiteral("%1/context.json: %2").arg(directory, jsonError.errorString());
        return std::nullopt;
    }
    const QJsonObject context = document.object();
    const QJsonObject credentials = context.value(QStringLiteral("credentials")).toObject();

    AwsCAuthCase result;
    result.request = *request;
    result.credentials.accessKeyId = credentials.value(QStringLiteral("access_key_id")).toString();
    result.credentials.secretAccessKey
        = credentials.value(QStringLiteral("secret_access_key")).toString();
    result.credentials.sessionToken = credentials.value(QStringLiteral("token")).toString();
    result.region = context.value(QStringLiteral("region")).toString().toUtf8();
    result.service = context.value(QStringLiteral("service")).toString().toUtf8();
    result.time
        = QDateTime::fromString(context.value(QStringLiteral("timestamp")).toString(), Qt::ISODate);
    result.options.normalizePath = context.value(QStringLiteral("normalize")).toBool(true);
    result.options.signBody = context.value(QStringLiteral("sign_body")).toBool(false);
    result.options.omitSessionToken
        = context.value(QStringLiteral("omit_session_token")).toBool(false);
    result.options.keepIntermediates = true;
    result.expires
        = std::chrono::seconds(context.value(QStringLiteral("expiration_in_seconds")).toInt());
    if (!result.credentials.isComplete() || result.region.isEmpty() || result.service.isEmpty()
        || !result.time.isValid() || result.expires.count() <= 0) {
        *error = QStringLiteral("%1/context.json lacks credentials, region, service, timestamp or "
                                "expiration_in_seconds")
                     .arg(directory);
        return std::nullopt;
    }
    return result;
}

QStringList awsCAuthCases()
{
    QStringList cases;
    const QDir root(kAwsCAuthRoot);
    for (const QString &name : root.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
        if (QFile::exists(root.filePath(name + QStringLiteral("/context.json"))))
            cases.append(name);
    }
    return cases;
}

// Every folder holding "<folder name>.req", relative to the suite root
// ("normalize-path/get-slash").
QStringList botocoreCases()
{
    QStringList cases;
    const QDir root(kBotocoreRoot);
    QDirIterator it(kBotocoreRoot, QDir::Dirs | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString directory = it.next();
        if (QFile::exists(directory + QLatin1Char('/') + QFileInfo(directory).fileName()
                + QStringLiteral(".req")))
            cases.append(root.relativeFilePath(directory));
    }
    cases.sort();
    return cases;
}

// An expected-result file; when it cannot be read, the comparison fails showing why.
QByteArray expectedText(const QString &path)
{
    QString error;
    const std::optional<QByteArray> text = readFile(path, &error);
    return text ? *text : QByteArray("<" + error.toUtf8() + ">");
}

// The typical request of this product, as the benchmark signs it.
SigV4Request describeInferenceSchedulerRequest()
{
    SigV4Request request;
    request.method = "POST";
    request.path = "/";
    request.headers = { { "Content-Type", "application/x-amz-json-1.0" },
        { "Host", "lookoutequipment.eu-west-1.amazonaws.com" },
        { "X-Amz-Target", "AWSLookoutEquipmentFrontendService.DescribeInferenceScheduler" } };
    request.body = R"({"InferenceSchedulerName":"pump-station-042"})";
    return request;
}

AwsCredentials suiteCredentials(const QString &token = {})
{
    AwsCredentials credentials;
    credentials.accessKeyId = kSuiteAccessKeyId;
    credentials.secretAccessKey = kSuiteSecret;
    credentials.sessionToken = token;
    credentials.source = QStringLiteral("test");
    return credentials;
}

// The AWS documentation's example STS token, as in the suites' post-sts-token cases.
const QString kStsToken = QStringLiteral(
    "AQoDYXdzEPT//////////wEXAMPLEtc764bNrC9SAPBSM22wDOk4x4HIZ8j4FZTwdQWLWsKWHGBuFqwAeMic"
    "RXmxfpSPfIeoIYRqTflfKD8YUuwthAx7mSEI/qkPpKPi/kMcGdQrmGdeehM4IC1NtBmUpp2wUE8phUZampKs"
    "burEDy0KPkyQDYwT7WZ0wq5VSXDvp75YU9HFvlRd8Tx6q6fE8YQcHNVXAkiY9q6d+xo0rKwT38xVqr7ZD0u0"
    "iPPkUL64lIZbqBAz+scqKmlzm8FDrypNC9Yjc8fPOLn9FX9KSYvKTr4rvx3iSIlTJabIQwj2ICCR/oLxBA==");

const QDateTime kSuiteTime(QDate(2015, 8, 30), QTime(12, 36), Qt::UTC);

SigV4Request getRequest(const QByteArray &path, const QByteArray &query, const HeaderList &headers)
{
    return SigV4Request { "GET", path, query, headers, {} };
}

QByteArray canonicalRequestOf(
    SigV4Signer &signer, const SigV4Request &request, SigV4Options options = {})
{
    options.keepIntermediates = true;
    return signer
        .sign(request, suiteCredentials(), kSuiteRegion, kSuiteService, kSuiteTime, options)
        .canonicalRequest;
}

// Line `index` (0-based) of a canonical request.
QByteArray canonicalLine(const QByteArray &canonicalRequest, int index)
{
    return canonicalRequest.split('\n').value(index);
}

} // namespace

class TestSigV4Signer : public QObject {
    Q_OBJECT
private slots:
    void suites_holdEveryCase();
    void awsCAuthSuite_headerForm_data();
    void awsCAuthSuite_headerForm();
    void awsCAuthSuite_queryForm_data();
    void awsCAuthSuite_queryForm();
    void botocoreSuite_data();
    void botocoreSuite();

    void describeInferenceScheduler_matchesBotocore();
    void emptyBody_hashesToSha256OfNothing();
    void host_keepsNonDefaultPortAndIpv6Brackets_data();
    void host_keepsNonDefaultPortAndIpv6Brackets();
    void sessionToken_signedUnlessOmitted();
    void signerHeaders_replaceCallerCopies();
    void headerValues_trimmedCollapsedAndJoined();
    void query_decodedReencodedAndSorted_data();
    void query_decodedReencodedAndSorted();
    void path_normalizedOrKept_data();
    void path_normalizedOrKept();
    void signBody_addsAndSignsContentHash();
    void keepIntermediates_offLeavesThemEmpty();
    void keyCache_givesSameResultsAsFreshSigner();
    void presign_clampsExpiryAndWarns();
    void presign_replacesCallerPresignParameters();
    void amzDate_formatsUtc_data();
    void amzDate_formatsUtc();
    void amzDate_invalidTimeWarns();
};

void TestSigV4Signer::suites_holdEveryCase()
{
    QCOMPARE(awsCAuthCases().size(), kAwsCAuthCaseCount);
    QCOMPARE(botocoreCases().size(), kBotocoreCaseCount);
}

void TestSigV4Signer::awsCAuthSuite_headerForm_data()
{
    QTest::addColumn<QString>("directory");
    for (const QString &name : awsCAuthCases())
        QTest::newRow(qPrintable(name)) << kAwsCAuthRoot + QLatin1Char('/') + name;
}

void TestSigV4Signer::awsCAuthSuite_headerForm()
{
    QFETCH(QString, directory);
    QString error;
    const std::optional<AwsCAuthCase> testCase = loadAwsCAuthCase(directory, &error);
    QVERIFY2(testCase, qPrintable(error));

    SigV4Signer signer;
    const SigV4Signature signature
        = signer.sign(toSigV4Request(testCase->request), testCase->credentials, testCase->region,
            testCase->service, testCase->time, testCase->options);
    QCOMPARE(signature.canonicalRequest,
        expectedText(directory + QStringLiteral("/header-canonical-request.txt")));
    QCOMPARE(signature.stringToSign,
        expectedText(directory + QStringLiteral("/header-string-to-sign.txt")));
    QCOMPARE(signature.signature,
        expectedText(directory + QStringLiteral("/header-signature.txt")).trimmed());

    const std::optional<QByteArray> signedText
        = readFile(directory + QStringLiteral("/header-signed-request.txt"), &error);
    QVERIFY2(signedText, qPrintable(error));
    const std::optional<RawRequest> expected = parseRawRequest(*signedText, &error);
    QVERIFY2(expected, qPrintable(error));
    QCOMPARE(testCase->request.method, expected->method);
    QCOMPARE(testCase->request.path, expected->path);
    QCOMPARE(testCase->request.query, expected->query);
    QCOMPARE(testCase->request.body, expected->body);
    QCOMPARE(headerListText(
                 comparableHeaders(headersAfterSigning(testCase->request.headers, signature))),
        headerListText(comparableHeaders(expected->headers)));
}

void TestSigV4Signer::awsCAuthSuite_queryForm_data()
{
    awsCAuthSuite_headerForm_data();
}

void TestSigV4Signer::awsCAuthSuite_queryForm()
{
    QFETCH(QString, directory);
    QString error;
    const std::optional<AwsCAuthCase> testCase = loadAwsCAuthCase(directory, &error);
    QVERIFY2(testCase, qPrintable(error));

    SigV4Signer signer;
    const SigV4Presigned presigned
        = signer.presign(toSigV4Request(testCase->request), testCase->credentials, testCase->region,
            testCase->service, testCase->time, testCase->expires, testCase->options);
    QCOMPARE(presigned.canonicalRequest,
        expectedText(directory + QStringLiteral("/query-canonical-request.txt")));
    QCOMPARE(presigned.stringToSign,
        expectedText(directory + QStringLiteral("/query-string-to-sign.txt")));
    QCOMPARE(presigned.signature,
        expectedText(directory + QStringLiteral("/query-signature.txt")).trimmed());

    // The presigned request: same method, path, headers and body; the query is the one to send.
    const std::optional<QByteArray> signedText
        = readFile(directory + QStringLiteral("/query-signed-request.txt"), &error);
    QVERIFY2(signedText, qPrintable(error));
    const std::optional<RawRequest> expected = parseRawRequest(*signedText, &error);
    QVERIFY2(expected, qPrintable(error));
    QCOMPARE(presigned.query, expected->query);
    QCOMPARE(testCase->request.method, expected->method);
    QCOMPARE(testCase->request.path, expected->path);
    QCOMPARE(testCase->request.body, expected->body);
    QCOMPARE(headerListText(comparableHeaders(testCase->request.headers)),
        headerListText(comparableHeaders(expected->headers)));
}

void TestSigV4Signer::botocoreSuite_data()
{
    QTest::addColumn<QString>("directory");
    for (const QString &name : botocoreCases())
        QTest::newRow(qPrintable(name)) << kBotocoreRoot + QLatin1Char('/') + name;
}

void TestSigV4Signer::botocoreSuite()
{
    QFETCH(QString, directory);
    const QString base = directory + QLatin1Char('/') + QFileInfo(directory).fileName();
    QString error;
    const std::optional<QByteArray> requestText = readFile(base + QStringLiteral(".req"), &error);
    QVERIFY2(requestText, qPrintable(error));
    const std::optional<RawRequest> request = parseRawRequest(*requestText, &error);
    QVERIFY2(request, qPrintable(error));
    const std::optional<QByteArray> signedText = readFile(base + QStringLiteral(".sreq"), &error);
    QVERIFY2(signedText, qPrintable(error));
    const std::optional<RawRequest> signedRequest = parseRawRequest(*signedText, &error);
    QVERIFY2(signedRequest, qPrintable(error));

    // This suite writes its inputs into the requests: the time is the .req's X-Amz-Date, and the
    // session token (when there is one) is the X-Amz-Security-Token of the signed request.
    // post-sts-token/readme.txt says post-sts-header-after adds the token after signing.
    const QDateTime time = QDateTime::fromString(
        QString::fromLatin1(request->header("x-amz-date")), QStringLiteral("yyyyMMdd'T'HHmmss'Z'"));
    QVERIFY2(time.isValid(), "the .req carries no valid X-Amz-Date");
    const AwsCredentials credentials
        = suiteCredentials(QString::fromLatin1(signedRequest->header("x-amz-security-token")));
    SigV4Options options;
    options.keepIntermediates = true;
    options.omitSessionToken = directory.endsWith(QStringLiteral("/post-sts-header-after"));

    SigV4Signer signer;
    const SigV4Signature signature = signer.sign(toSigV4Request(*request), credentials,
        kSuiteRegion, kSuiteService, QDateTime(time.date(), time.time(), Qt::UTC), options);
    QCOMPARE(signature.canonicalRequest, expectedText(base + QStringLiteral(".creq")));
    QCOMPARE(signature.stringToSign, expectedText(base + QStringLiteral(".sts")));
    const QByteArray expectedAuthorization
        = expectedText(base + QStringLiteral(".authz")).trimmed();
    QCOMPARE(signature.authorization, expectedAuthorization);

    // The signed request, with its Authorization taken from the .authz: the suite README notes
    // that get-vanilla-with-session-token.sreq carries get-vanilla's signature (5fa00f…), a
    // flaw in the published data (its .sts, its .authz and aws-c-auth's copy of the case agree
    // on 07ec16…). The .authz is the suite's statement of the expected header, so it is the one
    // checked; the data stays as published.
    HeaderList expectedHeaders = signedRequest->headers;
    for (auto &[name, value] : expectedHeaders) {
        if (name.toLower() == "authorization")
            value = expectedAuthorization;
    }
    QCOMPARE(headerListText(comparableHeaders(headersAfterSigning(request->headers, signature))),
        headerListText(comparableHeaders(expectedHeaders)));
    QCOMPARE(request->body, signedRequest->body);
}

void TestSigV4Signer::describeInferenceScheduler_matchesBotocore()
{
    // Expected values from botocore 1.43.11 SigV4Auth.add_auth on the same request, credentials
    // and time (get_current_datetime patched to 2024-03-04T18:52:22Z).
    const QDateTime time(QDate(2024, 3, 4), QTime(18, 52, 22), Qt::UTC);
    SigV4Signer signer;
    const SigV4Signature withToken = signer.sign(describeInferenceSchedulerRequest(),
        suiteCredentials(kStsToken), "eu-west-1", "lookoutequipment", time);
    QCOMPARE(withToken.authorization,
        QByteArray("AWS4-HMAC-SHA256 "
                   "Credential=AKIDEXAMPLE/20240304/eu-west-1/lookoutequipment/aws4_request, "
                   "SignedHeaders=content-type;host;x-amz-date;x-amz-security-token;x-amz-target, "
                   "Signature=3bd73ad628ab9e19148b7b0f9e3fdf136227caeaacb8e24e2a974d44ee67340c"));
    QCOMPARE(withToken.amzDate, QByteArray("20240304T185222Z"));
    QCOMPARE(withToken.securityToken, kStsToken.toUtf8());
    QCOMPARE(withToken.signedHeaders,
        QByteArray("content-type;host;x-amz-date;x-amz-security-token;x-amz-target"));
    QCOMPARE(withToken.signature,
        QByteArray("3bd73ad628ab9e19148b7b0f9e3fdf136227caeaacb8e24e2a974d44ee67340c"));
    QVERIFY(withToken.contentSha256.isEmpty());

    const SigV4Signature withoutToken = signer.sign(describeInferenceSchedulerRequest(),
        suiteCredentials(), "eu-west-1", "lookoutequipment", time);
    QCOMPARE(withoutToken.signature,
        QByteArray("f88c991c2305e844c8a258cd0e05d85a80c9375c3215996768259a4a3a9ac379"));
    QCOMPARE(withoutToken.signedHeaders, QByteArray("content-type;host;x-amz-date;x-amz-target"));
    QVERIFY(withoutToken.securityToken.isEmpty());
}

void TestSigV4Signer::emptyBody_hashesToSha256OfNothing()
{
    const QByteArray emptyHash("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    QCOMPARE(SigV4Signer::sha256Hex({}), emptyHash);
    QCOMPARE(SigV4Signer::sha256Hex("abc"),
        QByteArray("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));

    SigV4Signer signer;
    const HeaderList host = { { "Host", "example.amazonaws.com" } };
    QVERIFY(canonicalRequestOf(signer, getRequest("/", {}, host))
                .endsWith(QByteArray('\n' + emptyHash)));
    SigV4Request post { "POST", "/", {}, host, "{}" };
    QVERIFY(
        canonicalRequestOf(signer, post).endsWith(QByteArray('\n' + SigV4Signer::sha256Hex("{}"))));
}

void TestSigV4Signer::host_keepsNonDefaultPortAndIpv6Brackets_data()
{
    QTest::addColumn<QByteArray>("host");
    QTest::newRow("loopback with port") << QByteArray("127.0.0.1:8443");
    QTest::newRow("ipv6 with port") << QByteArray("[::1]:8443");
    QTest::newRow("ipv6 without port") << QByteArray("[fe80::1]");
    QTest::newRow("name with port") << QByteArray("localhost:4566");
}

void TestSigV4Signer::host_keepsNonDefaultPortAndIpv6Brackets()
{
    QFETCH(QByteArray, host);
    SigV4Signer signer;
    const QByteArray canonical
        = canonicalRequestOf(signer, getRequest("/", {}, { { "Host", host } }));
    QCOMPARE(canonicalLine(canonical, 3), QByteArray("host:" + host));
    QCOMPARE(canonicalLine(canonical, 6), QByteArray("host;x-amz-date"));
}

void TestSigV4Signer::sessionToken_signedUnlessOmitted()
{
    SigV4Signer signer;
    const SigV4Request request = getRequest("/", {}, { { "Host", "example.amazonaws.com" } });
    SigV4Options options;
    options.keepIntermediates = true;

    const SigV4Signature signedToken
        = signer.sign(request, suiteCredentials(QStringLiteral("token-1")), kSuiteRegion,
            kSuiteService, kSuiteTime, options);
    QCOMPARE(signedToken.signedHeaders, QByteArray("host;x-amz-date;x-amz-security-token"));
    QVERIFY(signedToken.canonicalRequest.contains("\nx-amz-security-token:token-1\n"));
    QCOMPARE(signedToken.securityToken, QByteArray("token-1"));

    options.omitSessionToken = true;
    const SigV4Signature omitted = signer.sign(request, suiteCredentials(QStringLiteral("token-1")),
        kSuiteRegion, kSuiteService, kSuiteTime, options);
    QCOMPARE(omitted.signedHeaders, QByteArray("host;x-amz-date"));
    QVERIFY(!omitted.canonicalRequest.contains("token-1"));
    QCOMPARE(omitted.securityToken, QByteArray("token-1")); // still sent, after signing
    // Unsigned, the token changes nothing: the signature is get-vanilla's.
    QCOMPARE(omitted.signature,
        QByteArray("5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31"));

    // A changed token changes a signed request's signature (the signer does not reuse the old one).
    options.omitSessionToken = false;
    const SigV4Signature otherToken
        = signer.sign(request, suiteCredentials(QStringLiteral("token-2")), kSuiteRegion,
            kSuiteService, kSuiteTime, options);
    QVERIFY(otherToken.signature != signedToken.signature);
    QCOMPARE(otherToken.securityToken, QByteArray("token-2"));
}

void TestSigV4Signer::signerHeaders_replaceCallerCopies()
{
    SigV4Signer signer;
    const SigV4Request stale = getRequest("/", {},
        { { "Host", "example.amazonaws.com" }, { "X-Amz-Date", "20000101T000000Z" },
            { "authorization", "AWS4-HMAC-SHA256 Credential=old" },
            { "X-Amz-Security-Token", "old-token" } });
    SigV4Options options;
    options.keepIntermediates = true;
    const SigV4Signature retried = signer.sign(stale, suiteCredentials(QStringLiteral("new-token")),
        kSuiteRegion, kSuiteService, kSuiteTime, options);
    QCOMPARE(retried.signedHeaders, QByteArray("host;x-amz-date;x-amz-security-token"));
    QCOMPARE(canonicalLine(retried.canonicalRequest, 4), QByteArray("x-amz-date:20150830T123600Z"));
    QCOMPARE(
        canonicalLine(retried.canonicalRequest, 5), QByteArray("x-amz-security-token:new-token"));
    QVERIFY(!retried.canonicalRequest.contains("old"));

    // Without a token of its own the signer leaves a caller's X-Amz-Security-Token alone.
    const SigV4Signature keptToken
        = signer.sign(stale, suiteCredentials(), kSuiteRegion, kSuiteService, kSuiteTime, options);
    QCOMPARE(keptToken.signedHeaders, QByteArray("host;x-amz-date;x-amz-security-token"));
    QCOMPARE(
        canonicalLine(keptToken.canonicalRequest, 5), QByteArray("x-amz-security-token:old-token"));
}

void TestSigV4Signer::headerValues_trimmedCollapsedAndJoined()
{
    SigV4Signer signer;
    const QByteArray canonical = canonicalRequestOf(signer,
        getRequest("/", {},
            { { "Host", "example.amazonaws.com" }, { "X-Tabs", "\t a \t\t b  c \t" },
                { "x-multi", "  one " }, { "X-Empty", "" }, { "X-MULTI", "two  words" },
                { "x-only-space", "   " } }));
    QCOMPARE(canonicalLine(canonical, 3), QByteArray("host:example.amazonaws.com"));
    QCOMPARE(canonicalLine(canonical, 4), QByteArray("x-amz-date:20150830T123600Z"));
    QCOMPARE(canonicalLine(canonical, 5), QByteArray("x-empty:"));
    QCOMPARE(canonicalLine(canonical, 6), QByteArray("x-multi:one,two words"));
    QCOMPARE(canonicalLine(canonical, 7), QByteArray("x-only-space:"));
    QCOMPARE(canonicalLine(canonical, 8), QByteArray("x-tabs:a b c"));
    QCOMPARE(canonicalLine(canonical, 10),
        QByteArray("host;x-amz-date;x-empty;x-multi;x-only-space;x-tabs"));
}

void TestSigV4Signer::query_decodedReencodedAndSorted_data()
{
    QTest::addColumn<QByteArray>("query");
    QTest::addColumn<QByteArray>("canonical");
    QTest::newRow("repeated keys by value")
        << QByteArray("b=2&a=z&a=y&a=Y") << QByteArray("a=Y&a=y&a=z&b=2");
    QTest::newRow("encoded and raw alike") << QByteArray("k=%41%2f%7e") << QByteArray("k=A%2F~");
    QTest::newRow("plus stays a plus") << QByteArray("q=a+b") << QByteArray("q=a%2Bb");
    QTest::newRow("space and reserved")
        << QByteArray("q=a%20b&r=/?:@") << QByteArray("q=a%20b&r=%2F%3F%3A%40");
    QTest::newRow("stray percent") << QByteArray("a=%zz&b=%4") << QByteArray("a=%25zz&b=%254");
    QTest::newRow("key without value") << QByteArray("flag&a=1") << QByteArray("a=1&flag=");
    QTest::newRow("empty pieces") << QByteArray("&a=1&&b=2&") << QByteArray("a=1&b=2");
    QTest::newRow("sorted after encoding")
        << QByteArray("%E1%88%B4=1&Z=2&a=3") << QByteArray("%E1%88%B4=1&Z=2&a=3");
    QTest::newRow("equals in value") << QByteArray("a=b=c") << QByteArray("a=b%3Dc");
    QTest::newRow("raw utf-8") << QByteArray("\xe1\x88\xb4=bar") << QByteArray("%E1%88%B4=bar");
}

void TestSigV4Signer::query_decodedReencodedAndSorted()
{
    QFETCH(QByteArray, query);
    QFETCH(QByteArray, canonical);
    SigV4Signer signer;
    const QByteArray request = canonicalRequestOf(
        signer, getRequest("/", query, { { "Host", "example.amazonaws.com" } }));
    QCOMPARE(canonicalLine(request, 2), canonical);
}

void TestSigV4Signer::path_normalizedOrKept_data()
{
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<bool>("normalize");
    QTest::addColumn<QByteArray>("canonical");
    QTest::newRow("empty") << QByteArray() << true << QByteArray("/");
    QTest::newRow("empty, kept") << QByteArray() << false << QByteArray("/");
    QTest::newRow("dots") << QByteArray("/a/b/../c/./d") << true << QByteArray("/a/c/d");
    QTest::newRow("dots, kept") << QByteArray("/a/b/../c/./d") << false
                                << QByteArray("/a/b/../c/./d");
    QTest::newRow("ends in ..") << QByteArray("/a/b/..") << true << QByteArray("/a/");
    QTest::newRow("ends in .") << QByteArray("/a/b/.") << true << QByteArray("/a/b/");
    QTest::newRow("above the root") << QByteArray("/../../a") << true << QByteArray("/a");
    QTest::newRow("slashes collapsed") << QByteArray("//a///b//") << true << QByteArray("/a/b/");
    QTest::newRow("slashes, kept") << QByteArray("//a///b//") << false << QByteArray("//a///b//");
    QTest::newRow("encoded again") << QByteArray("/a%20b") << true << QByteArray("/a%2520b");
    QTest::newRow("encoded again, kept") << QByteArray("/a%20b") << false << QByteArray("/a%2520b");
    QTest::newRow("reserved") << QByteArray("/a:b@c$d") << true << QByteArray("/a%3Ab%40c%24d");
    QTest::newRow("dot-like names")
        << QByteArray("/.a/..b/...") << true << QByteArray("/.a/..b/...");
}

void TestSigV4Signer::path_normalizedOrKept()
{
    QFETCH(QByteArray, path);
    QFETCH(bool, normalize);
    QFETCH(QByteArray, canonical);
    SigV4Signer signer;
    SigV4Options options;
    options.normalizePath = normalize;
    const QByteArray request = canonicalRequestOf(
        signer, getRequest(path, {}, { { "Host", "example.amazonaws.com" } }), options);
    QCOMPARE(canonicalLine(request, 1), canonical);
}

void TestSigV4Signer::signBody_addsAndSignsContentHash()
{
    SigV4Signer signer;
    SigV4Options options;
    options.signBody = true;
    options.keepIntermediates = true;
    const SigV4Request request { "PUT", "/", {}, { { "Host", "example.amazonaws.com" } },
        "payload" };
    const SigV4Signature signature = signer.sign(
        request, suiteCredentials(), kSuiteRegion, kSuiteService, kSuiteTime, options);
    const QByteArray hash = SigV4Signer::sha256Hex("payload");
    QCOMPARE(signature.contentSha256, hash);
    QCOMPARE(signature.signedHeaders, QByteArray("host;x-amz-content-sha256;x-amz-date"));
    QCOMPARE(
        canonicalLine(signature.canonicalRequest, 4), QByteArray("x-amz-content-sha256:" + hash));
    QVERIFY(signature.canonicalRequest.endsWith(QByteArray('\n' + hash)));
}

void TestSigV4Signer::keepIntermediates_offLeavesThemEmpty()
{
    SigV4Signer signer;
    const SigV4Request request = getRequest("/", {}, { { "Host", "example.amazonaws.com" } });
    const SigV4Signature signature
        = signer.sign(request, suiteCredentials(), kSuiteRegion, kSuiteService, kSuiteTime);
    QVERIFY(signature.canonicalRequest.isEmpty());
    QVERIFY(signature.stringToSign.isEmpty());
    QCOMPARE(signature.signature,
        QByteArray("5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31"));
    const SigV4Presigned presigned = signer.presign(request, suiteCredentials(), kSuiteRegion,
        kSuiteService, kSuiteTime, std::chrono::hours(1));
    QVERIFY(presigned.canonicalRequest.isEmpty());
    QVERIFY(presigned.stringToSign.isEmpty());
}

void TestSigV4Signer::keyCache_givesSameResultsAsFreshSigner()
{
    // More distinct keys than the cache holds, revisited out of order, so entries are reused,
    // evicted and derived again; every result must equal that of a signer that never cached.
    struct Scope {
        QString secret;
        QDateTime time;
        QByteArray region;
        QByteArray service;
    };
    QList<Scope> scopes;
    const QStringList secrets = { kSuiteSecret, QStringLiteral("another-secret"),
        QString(100, QLatin1Char('k')) }; // longer than an HMAC block
    const QList<QByteArray> regions = { "us-east-1", "eu-west-1", "ap-northeast-2" };
    for (int day = 0; day < 3; ++day) {
        for (const QByteArray &region : regions) {
            for (const QString &secret : secrets)
                scopes.append({ secret, kSuiteTime.addDays(day).addSecs(day * 3700), region,
                    "lookoutequipment" });
        }
    }
    scopes.append({ kSuiteSecret, kSuiteTime, "us-east-1", "service" });

    SigV4Signer reused;
    const SigV4Request request = getRequest("/", {}, { { "Host", "example.amazonaws.com" } });
    for (int round = 0; round < 3; ++round) {
        for (qsizetype i = 0; i < scopes.size(); ++i) {
            const Scope &scope = scopes[(i * 7 + round) % scopes.size()];
            AwsCredentials credentials = suiteCredentials();
            credentials.secretAccessKey = scope.secret;
            SigV4Signer fresh;
            const SigV4Signature expected
                = fresh.sign(request, credentials, scope.region, scope.service, scope.time);
            QCOMPARE(reused.sign(request, credentials, scope.region, scope.service, scope.time)
                         .authorization,
                expected.authorization);
        }
    }
    // And still the suite's answer afterwards.
    QCOMPARE(
        reused.sign(request, suiteCredentials(), kSuiteRegion, kSuiteService, kSuiteTime).signature,
        QByteArray("5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31"));
}

void TestSigV4Signer::presign_clampsExpiryAndWarns()
{
    SigV4Signer signer;
    const SigV4Request request = getRequest("/", {}, { { "Host", "example.amazonaws.com" } });
    QTest::ignoreMessage(
        QtWarningMsg, "X-Amz-Expires of 999999 s is outside [1, 604800]; using 604800");
    const SigV4Presigned tooLong = signer.presign(request, suiteCredentials(), kSuiteRegion,
        kSuiteService, kSuiteTime, std::chrono::seconds(999999));
    QVERIFY(tooLong.query.contains("&X-Amz-Expires=604800&"));
    QTest::ignoreMessage(QtWarningMsg, "X-Amz-Expires of 0 s is outside [1, 604800]; using 1");
    const SigV4Presigned zero = signer.presign(request, suiteCredentials(), kSuiteRegion,
        kSuiteService, kSuiteTime, std::chrono::seconds(0));
    QVERIFY(zero.query.contains("&X-Amz-Expires=1&"));
}

void TestSigV4Signer::presign_replacesCallerPresignParameters()
{
    SigV4Signer signer;
    SigV4Options options;
    options.keepIntermediates = true;
    const SigV4Request request
        = getRequest("/", "X-Amz-Signature=old&Param1=value1&X-Amz-Date=19990101T000000Z",
            { { "Host", "example.amazonaws.com" } });
    const SigV4Presigned presigned = signer.presign(request, suiteCredentials(), kSuiteRegion,
        kSuiteService, kSuiteTime, std::chrono::hours(1), options);
    QVERIFY(presigned.query.startsWith("Param1=value1&X-Amz-Algorithm=AWS4-HMAC-SHA256&"));
    QVERIFY(presigned.query.endsWith(QByteArray("&X-Amz-Signature=" + presigned.signature)));
    QVERIFY(!presigned.query.contains("old"));
    QVERIFY(!presigned.canonicalRequest.contains("1999"));
    QCOMPARE(presigned.query.count("X-Amz-Date="), 1);
}

void TestSigV4Signer::amzDate_formatsUtc_data()
{
    QTest::addColumn<QDateTime>("time");
    QTest::addColumn<QByteArray>("amzDate");
    QTest::newRow("suite time") << kSuiteTime << QByteArray("20150830T123600Z");
    QTest::newRow("offset converted to UTC") << QDateTime(QDate(2015, 8, 30), QTime(14, 36),
        Qt::OffsetFromUTC, 2 * 3600) << QByteArray("20150830T123600Z");
    QTest::newRow("offset across midnight") << QDateTime(QDate(2024, 1, 1), QTime(1, 0, 5),
        Qt::OffsetFromUTC, 3 * 3600) << QByteArray("20231231T220005Z");
    QTest::newRow("leap day") << QDateTime(QDate(2024, 2, 29), QTime(23, 59, 59), Qt::UTC)
                              << QByteArray("20240229T235959Z");
    QTest::newRow("epoch") << QDateTime::fromSecsSinceEpoch(0, Qt::UTC)
                           << QByteArray("19700101T000000Z");
    QTest::newRow("before the epoch")
        << QDateTime::fromSecsSinceEpoch(-1, Qt::UTC) << QByteArray("19691231T235959Z");
    QTest::newRow("century not leap")
        << QDateTime(QDate(2100, 3, 1), QTime(0, 0), Qt::UTC) << QByteArray("21000301T000000Z");
    QTest::newRow("milliseconds dropped") << QDateTime(QDate(2026, 10, 7), QTime(8, 9, 10, 999),
        Qt::UTC) << QByteArray("20261007T080910Z");
    QTest::newRow("last spellable second") << QDateTime(QDate(9999, 12, 31), QTime(23, 59, 59),
        Qt::UTC) << QByteArray("99991231T235959Z");
}

void TestSigV4Signer::amzDate_formatsUtc()
{
    QFETCH(QDateTime, time);
    QFETCH(QByteArray, amzDate);
    QCOMPARE(SigV4Signer::amzDate(time), amzDate);
    // The same function dates signatures, and the scope uses the date part.
    SigV4Signer signer;
    const SigV4Signature signature = signer.sign(getRequest("/", {}, { { "Host", "h" } }),
        suiteCredentials(), kSuiteRegion, kSuiteService, time);
    QCOMPARE(signature.amzDate, amzDate);
    QVERIFY(signature.authorization.contains(
        QByteArray("/" + amzDate.left(8) + "/us-east-1/service/aws4_request")));
}

void TestSigV4Signer::amzDate_invalidTimeWarns()
{
    QTest::ignoreMessage(
        QtWarningMsg, "The signing time is invalid; signing with 1970-01-01T00:00:00Z instead");
    QCOMPARE(SigV4Signer::amzDate(QDateTime()), QByteArray("19700101T000000Z"));
    QTest::ignoreMessage(
        QtWarningMsg, QRegularExpression(QStringLiteral("outside years 0000-9999; clamped$")));
    QCOMPARE(SigV4Signer::amzDate(QDateTime(QDate(10000, 1, 1), QTime(0, 0), Qt::UTC)),
        QByteArray("99991231T235959Z"));
}

QTEST_GUILESS_MAIN(TestSigV4Signer)
#include "tst_sigv4signer.moc"
