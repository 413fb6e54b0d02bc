// What the fuzzers found in app/aws, kept as tests: each input in
// tests/data/fuzz-regressions/fuzz_errors/ (the fuzz_errors harness's framing: status line, then
// "Name: value" header lines, a blank line and the body) must give an error whose CLI sentence
// carries no control character the endpoint chose, plus focused cases of the same fault.
#include "aws/awserror.h"
#include "aws/awserrorparser.h"
#include "aws/awsjsonresponse.h"

#include <QDir>
#include <QFile>
#include <QtTest>

namespace {

const QString kRegressions = QStringLiteral(LOOKOUT_TEST_DATA_DIR "/fuzz-regressions/fuzz_errors");

// The fuzz_errors harness's framing: "<status>\n<Name>: <value>\n…\n\n<body>".
aws::HttpResponse responseFrom(const QByteArray &input)
{
    aws::HttpResponse response;
    const qsizetype headEnd = input.indexOf("\n\n");
    const QByteArray head = headEnd < 0 ? input : input.left(headEnd);
    if (headEnd >= 0)
        response.body = input.mid(headEnd + 2);
    const QList<QByteArray> lines = head.split('\n');
    response.status = lines.value(0).trimmed().toInt();
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines[i].indexOf(':');
        if (colon > 0)
            response.headers.append(
                { lines[i].left(colon).trimmed(), lines[i].mid(colon + 1).trimmed() });
    }
    return response;
}

// C0 controls other than tab and line feed, DEL, C1 controls.
// What may not reach the one-line sentence: any C0 control (tab and line feed included), DEL,
// C1, a Unicode direction control, a line or paragraph separator.
bool hasControlCharacters(const QString &text)
{
    return std::any_of(text.cbegin(), text.cend(), [](QChar c) {
        const char16_t u = c.unicode();
        return u < 0x20 || (u >= 0x7f && u <= 0x9f) || u == 0x061c || u == 0x200e || u == 0x200f
            || (u >= 0x202a && u <= 0x202e) || (u >= 0x2066 && u <= 0x2069) || u == 0x2028
            || u == 0x2029;
    });
}

QString sentenceFor(const aws::HttpResponse &response)
{
    const aws::Result<QByteArray> result = aws::interpretJsonResponse(response);
    if (result.ok())
        return QString();
    aws::AwsError error = result.error();
    error.operation = QStringLiteral("DescribeInferenceScheduler");
    return error.toString();
}

} // namespace

class TestAwsFuzzRegressions : public QObject {
    Q_OBJECT
private slots:
    void savedInputs_giveErrorsWithoutControlCharacters_data();
    void savedInputs_giveErrorsWithoutControlCharacters();
    void controlCharactersFromTheEndpoint_shownAsVisibleEscapes_data();
    void controlCharactersFromTheEndpoint_shownAsVisibleEscapes();
};

void TestAwsFuzzRegressions::savedInputs_giveErrorsWithoutControlCharacters_data()
{
    QTest::addColumn<QString>("path");
    const QStringList files = QDir(kRegressions).entryList(QDir::Files, QDir::Name);
    QVERIFY(!files.isEmpty());
    for (const QString &file : files)
        QTest::newRow(qPrintable(file)) << QDir(kRegressions).filePath(file);
}

void TestAwsFuzzRegressions::savedInputs_giveErrorsWithoutControlCharacters()
{
    QFETCH(QString, path);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString sentence = sentenceFor(responseFrom(file.readAll()));
    QVERIFY(!sentence.isEmpty());
    QVERIFY2(
        !hasControlCharacters(sentence), qPrintable(sentence.toUtf8().toPercentEncoding(" ()")));
}

void TestAwsFuzzRegressions::controlCharactersFromTheEndpoint_shownAsVisibleEscapes_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("expected");
    QTest::newRow("error type header") // the first fuzz_errors finding
        << QByteArray("429\nX-Amzn-Errortype: Throttling\x01\x1b[2JException\n\n")
        << QStringLiteral("An error occurred (Throttling\\x01\\x1b[2JException) when calling the "
                          "DescribeInferenceScheduler operation: ");
    QTest::newRow("__type and message in the body")
        << QByteArray("400\n\n{\"__type\":\"Bad\\u001b]0;t\\u0007\",\"message\":"
                      "\"line\\r\\nnext\\u009b\"}")
        << QStringLiteral("An error occurred (Bad\\x1b]0;t\\x07) when calling the "
                          "DescribeInferenceScheduler "
                          "operation: line\\r\\nnext\\x9b");
    QTest::newRow("direction controls, separators and tabs in the message")
        << QByteArray("400\n\n{\"__type\":\"ValidationException\",\"message\":"
                      "\"name\\tevil\\u202etxt.exe\\u2028next\\u2066x\\u200f\"}")
        << QStringLiteral("An error occurred (ValidationException) when calling the "
                          "DescribeInferenceScheduler operation: "
                          "name\\tevil\\u202etxt.exe\\u2028next\\u2066x\\u200f");
    QTest::newRow("redirect location")
        << QByteArray("302\nLocation: https://elsewhere/\x1b[31mred\n\n")
        << QStringLiteral(
               "Bad response to the DescribeInferenceScheduler operation from \"\" (HTTP 302): a "
               "redirect to \"https://elsewhere/\\x1b[31mred\", not followed");
    QTest::newRow("content type")
        << QByteArray("200\nContent-Type: text/\x1b[5mhtml\n\n<p>")
        << QStringLiteral(
               "Bad response to the DescribeInferenceScheduler operation from \"\" (HTTP 200): "
               "Content-Type \"text/\\x1b[5mhtml\" is not AWS JSON; the body starts \"<p>\"");
}

void TestAwsFuzzRegressions::controlCharactersFromTheEndpoint_shownAsVisibleEscapes()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, expected);
    QCOMPARE(sentenceFor(responseFrom(input)), expected);
}

QTEST_GUILESS_MAIN(TestAwsFuzzRegressions)
#include "tst_awsfuzzregressions.moc"
