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
bool hasControlCharacters(const QString &text)
{
    return std::any_of(text.cbegin(), text.cend(), [](QChar c) {
        const char16_t u = c.unicode();
        return (u < 0x20 && u != u'\t' && u != u'\n') || (u >= 0x7f && u <= 0x9f);
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
    void controlCharactersFromTheEndpoint_becomeReplacementCharacters_data();
    void controlCharactersFromTheEndpoint_becomeReplacementCharacters();
    void printableText_keepsTabsLineFeedsAndUnicode();
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

void TestAwsFuzzRegressions::controlCharactersFromTheEndpoint_becomeReplacementCharacters_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("expected");
    QTest::newRow("error type header") // the first fuzz_errors finding
        << QByteArray("429\nX-Amzn-Errortype: Throttling\x01\x1b[2JException\n\n")
        << QStringLiteral("An error occurred (Throttling\uFFFD\uFFFD[2JException) when calling the "
                          "DescribeInferenceScheduler operation: ");
    QTest::newRow("__type and message in the body")
        << QByteArray("400\n\n{\"__type\":\"Bad\\u001b]0;t\\u0007\",\"message\":"
                      "\"line\\r\\nnext\\u009b\"}")
        << QStringLiteral("An error occurred (Bad\uFFFD]0;t\uFFFD) when calling the "
                          "DescribeInferenceScheduler "
                          "operation: line\uFFFD\nnext\uFFFD");
    QTest::newRow("redirect location")
        << QByteArray("302\nLocation: https://elsewhere/\x1b[31mred\n\n")
        << QStringLiteral(
               "Bad response to the DescribeInferenceScheduler operation from \"\" (HTTP 302): a "
               "redirect to \"https://elsewhere/\uFFFD[31mred\", not followed");
    QTest::newRow("content type")
        << QByteArray("200\nContent-Type: text/\x1b[5mhtml\n\n<p>")
        << QStringLiteral(
               "Bad response to the DescribeInferenceScheduler operation from \"\" (HTTP 200): "
               "Content-Type \"text/\uFFFD[5mhtml\" is not AWS JSON; the body starts \"<p>\"");
}

void TestAwsFuzzRegressions::controlCharactersFromTheEndpoint_becomeReplacementCharacters()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, expected);
    QCOMPARE(sentenceFor(responseFrom(input)), expected);
}

void TestAwsFuzzRegressions::printableText_keepsTabsLineFeedsAndUnicode()
{
    QCOMPARE(aws::printableText(u"a\tb\nc é 日本 \U0001F600"),
        QStringLiteral("a\tb\nc é 日本 \U0001F600"));
    QCOMPARE(aws::printableText(u"\x7f\x80\x9f\xa0"), QStringLiteral("\uFFFD\uFFFD\uFFFD\u00A0"));
    QCOMPARE(aws::printableText(QStringView()), QString());
}

QTEST_GUILESS_MAIN(TestAwsFuzzRegressions)
#include "tst_awsfuzzregressions.moc"
