// The results.jsonl line parser: every member and its absence, every reason, names stored once,
// lines split over chunks at every byte, and each kind of broken input skipped or trimmed with a
// message naming the file and line: not JSON, wrong types, bad UTF-8, truncated objects, lines
// over the cap (without holding them), NaN and huge numbers, too many diagnostics, too many names.
#include "results/resultsparser.h"

#include <QFile>
#include <QtTest>

using namespace Qt::StringLiterals;
using results::Diagnostic;
using results::ParsedResults;
using results::Prediction;
using results::Reason;
using results::ResultsParser;

namespace {

const QString kFile = u"2022-07-29T12:00:00Z/results.jsonl"_s;

const QByteArray kServiceLine = R"({"timestamp": "2022-07-29T11:45:00.000000", "prediction": 1, )"
                                R"("prediction_reason": "ANOMALY_DETECTED", "anomaly_score": )"
                                R"(0.97399, "diagnostics": [{"name": "pump\\Sensor0", "value": )"
                                R"(0.04}, {"name": "pump\\Sensor1", "value": 0.96}]})"_ba;

qint64 micros(const char *isoUtc)
{
    return QDateTime::fromString(QString::fromLatin1(isoUtc), Qt::ISODate).toMSecsSinceEpoch()
        * 1000;
}

ParsedResults parse(const QByteArray &text, const results::ParseLimits &limits = {})
{
    return ResultsParser::parse(text, kFile, limits);
}

QStringList names(const ParsedResults &parsed, const Prediction &prediction)
{
    QStringList out;
    for (quint32 i = 0; i < prediction.diagnosticCount; ++i)
        out.append(parsed.sensorNames[parsed.diagnostics[prediction.firstDiagnostic + i].sensor]);
    return out;
}

QList<float> shares(const ParsedResults &parsed, const Prediction &prediction)
{
    QList<float> out;
    for (quint32 i = 0; i < prediction.diagnosticCount; ++i)
        out.append(parsed.diagnostics[prediction.firstDiagnostic + i].share);
    return out;
}

QString firstMessage(const ParsedResults &parsed)
{
    return parsed.report.issues.isEmpty() ? QString() : parsed.report.issues.first().message;
}

QByteArray diagnosticsLine(int count)
{
    QByteArray line = R"({"timestamp": "2022-07-29T11:45:00", "diagnostics": [)"_ba;
    for (int i = 0; i < count; ++i) {
        if (i > 0)
            line += ", ";
        line += R"({"name": "c\\s)" + QByteArray::number(i % 50) + R"(", "value": )"
            + QByteArray::number(i) + "}";
    }
    return line + "]}";
}

} // namespace

class TestResultsParser : public QObject {
    Q_OBJECT
private slots:
    void serviceLine_readsEveryMember();
    void onlyATimestamp_leavesTheRestAbsent();
    void nullMembers_areAbsent();
    void reasons_data();
    void reasons();
    void unknownReasons_areKeptAsText();
    void unknownMembers_areSkippedWhateverTheyHold();
    void repeatedMembers_countWithTheirLastValue();
    void names_areStoredOncePerObject();
    void names_withEscapesAndUnicode();
    void blankLinesCrLfAndByteOrderMark();
    void emptyDiagnosticsList_isPresentButEmpty();
    void numbers_data();
    void numbers();
    void malformedLines_areSkippedWithTheirLineAndWhy_data();
    void malformedLines_areSkippedWithTheirLineAndWhy();
    void notFiniteValues_areLeftOutAndSaid();
    void truncatedObject_saysItEndsInsideTheLine();
    void issues_areCountedAllAndDescribedFirstTen();
    void chunks_giveTheSameResultAtEverySplit();
    void longLine_isSkippedWithoutBeingHeld();
    void longLineAtTheEnd_isSkipped();
    void manyDiagnostics_keepTheLargestShares();
    void manyDiagnostics_overTheLineCapAreSkipped();
    void sensorNameCap_leavesOutFurtherNames();
    void deepNesting_isRefusedNotRecursed();
    void sampleFile_readsCompletely();
    void finish_leavesTheParserReusable();
};

void TestResultsParser::serviceLine_readsEveryMember()
{
    const ParsedResults parsed = parse(kServiceLine + '\n');
    QCOMPARE(parsed.report.lines, 1);
    QCOMPARE(parsed.report.predictions, 1);
    QCOMPARE(parsed.report.issueCount(), 0);
    QCOMPARE(parsed.report.bytes, kServiceLine.size() + 1);
    QCOMPARE(parsed.predictions.size(), size_t(1));
    const Prediction &p = parsed.predictions.front();
    QCOMPARE(p.time, micros("2022-07-29T11:45:00Z"));
    QVERIFY(p.has(Prediction::HasPrediction));
    QCOMPARE(p.prediction, 1);
    QCOMPARE(p.reason, Reason::AnomalyDetected);
    QVERIFY(p.has(Prediction::HasScore));
    QCOMPARE(p.score, 0.97399);
    QVERIFY(p.has(Prediction::HasDiagnostics));
    QCOMPARE(names(parsed, p), QStringList({ u"pump\\Sensor0"_s, u"pump\\Sensor1"_s }));
    QCOMPARE(shares(parsed, p), QList<float>({ 0.04f, 0.96f }));
    QCOMPARE(p.line, 1u);
    QVERIFY(p.isAnomaly());
}

void TestResultsParser::onlyATimestamp_leavesTheRestAbsent()
{
    const ParsedResults parsed = parse(R"({"timestamp": "2022-07-29T11:45:00.000000"})");
    QCOMPARE(parsed.predictions.size(), size_t(1));
    const Prediction &p = parsed.predictions.front();
    QCOMPARE(p.flags, quint8(0));
    QCOMPARE(p.reason, Reason::Absent);
    QCOMPARE(p.diagnosticCount, 0u);
    QVERIFY(!p.isAnomaly());
    QCOMPARE(results::reasonName(p.reason), "");
}

void TestResultsParser::nullMembers_areAbsent()
{
    const ParsedResults parsed
        = parse(R"({"timestamp": "2022-07-29T11:45:00", "prediction": null, )"
                R"("prediction_reason": null, "anomaly_score": null, "diagnostics": null})");
    QCOMPARE(parsed.report.issueCount(), 0);
    QCOMPARE(parsed.predictions.front().flags, quint8(0));
    QCOMPARE(parsed.predictions.front().reason, Reason::Absent);
}

void TestResultsParser::reasons_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<Reason>("reason");
    QTest::addColumn<int>("prediction");
    QTest::addColumn<bool>("anomaly");
    QTest::newRow("anomaly") << "ANOMALY_DETECTED"_ba << Reason::AnomalyDetected << 1 << true;
    QTest::newRow("normal") << "NO_ANOMALY_DETECTED"_ba << Reason::NoAnomalyDetected << 0 << false;
    QTest::newRow("off") << "MACHINE_OFF"_ba << Reason::MachineOff << 0 << false;
    QTest::newRow("escaped") << "MACHINE\\u005fOFF"_ba << Reason::MachineOff << 0 << false;
    // The prediction decides; the reason only when there is none.
    QTest::newRow("prediction wins")
        << "ANOMALY_DETECTED"_ba << Reason::AnomalyDetected << 0 << false;
}

void TestResultsParser::reasons()
{
    QFETCH(QByteArray, text);
    QFETCH(Reason, reason);
    QFETCH(int, prediction);
    QFETCH(bool, anomaly);
    const ParsedResults parsed = parse(R"({"timestamp": "2022-07-29T11:45:00", "prediction": )"
        + QByteArray::number(prediction) + R"(, "prediction_reason": ")" + text + "\"}");
    QCOMPARE(parsed.predictions.size(), size_t(1));
    QCOMPARE(parsed.predictions.front().reason, reason);
    QCOMPARE(parsed.predictions.front().isAnomaly(), anomaly);
    QVERIFY(parsed.otherReasons.isEmpty());

    const ParsedResults withoutPrediction
        = parse(R"({"timestamp": "2022-07-29T11:45:00", "prediction_reason": ")" + text + "\"}");
    QCOMPARE(withoutPrediction.predictions.front().isAnomaly(), reason == Reason::AnomalyDetected);
}

void TestResultsParser::unknownReasons_areKeptAsText()
{
    const ParsedResults parsed
        = parse(R"({"timestamp": "2022-07-29T11:45:00", "prediction_reason": "SENSOR_FAULT"})"
                "\n"
                R"({"timestamp": "2022-07-29T11:50:00", "prediction_reason": "Über"})"
                "\n"
                R"({"timestamp": "2022-07-29T11:55:00", "prediction_reason": "SENSOR_FAULT"})"
                "\n"
                R"({"timestamp": "2022-07-29T12:00:00", "prediction_reason": ""})");
    QCOMPARE(parsed.report.issueCount(), 0);
    QCOMPARE(parsed.otherReasons, QStringList({ u"SENSOR_FAULT"_s, u"Über"_s, QString() }));
    QCOMPARE(parsed.predictions[0].reason, Reason::Other);
    QCOMPARE(parsed.predictions[0].otherReason, 0u);
    QCOMPARE(parsed.predictions[1].otherReason, 1u);
    QCOMPARE(parsed.predictions[2].otherReason, 0u);
    QCOMPARE(parsed.predictions[3].reason, Reason::Other);
    QCOMPARE(parsed.predictions[3].otherReason, 2u);
}

void TestResultsParser::unknownMembers_areSkippedWhateverTheyHold()
{
    const ParsedResults parsed = parse(
        R"({"model_version": {"a": [1, 2.5e3, -0, true, false, null, "x\"y", {}, []], "b": {}},)"
        R"( "timestamp": "2022-07-29T11:45:00", "extra": "\ud83d\ude00", "n": -1.5E-7,)"
        R"( "diagnostics": [{"name": "c\\s", "unit": "bar", "value": 1, "more": [[]]}]})");
    QCOMPARE(parsed.report.issueCount(), 0);
    QCOMPARE(parsed.predictions.size(), size_t(1));
    QCOMPARE(names(parsed, parsed.predictions.front()), QStringList({ u"c\\s"_s }));
}

void TestResultsParser::repeatedMembers_countWithTheirLastValue()
{
    const ParsedResults parsed = parse(
        R"({"timestamp": "2000-01-01T00:00:00", "diagnostics": [{"name": "a\\x", "value": 1}],)"
        R"( "prediction": 1, "timestamp": "2022-07-29T11:45:00", "prediction": 0,)"
        R"( "diagnostics": [{"name": "b\\y", "value": 0.5}, {"name": "b\\y", "value": 0.25}]})");
    QCOMPARE(parsed.report.issueCount(), 0);
    const Prediction &p = parsed.predictions.front();
    QCOMPARE(p.time, micros("2022-07-29T11:45:00Z"));
    QCOMPARE(p.prediction, 0);
    QCOMPARE(names(parsed, p), QStringList({ u"b\\y"_s, u"b\\y"_s }));
    QCOMPARE(shares(parsed, p), QList<float>({ 0.5f, 0.25f }));
    QCOMPARE(parsed.diagnostics.size(), size_t(2));
}

void TestResultsParser::names_areStoredOncePerObject()
{
    QByteArray text;
    for (int line = 0; line < 100; ++line) {
        text += R"({"timestamp": "2022-07-29T11:)" + QByteArray::number(10 + line % 50)
            + R"(:00", "diagnostics": [)";
        // The same names, in the same order or shuffled, as lines of one object list them.
        for (int i = 0; i < 5; ++i) {
            const int sensor = line % 3 == 0 ? 4 - i : i;
            text += (i ? ", " : "") + R"({"name": "pump\\Sensor)"_ba + QByteArray::number(sensor)
                + R"(", "value": 0.2})";
        }
        text += "]}\n";
    }
    const ParsedResults parsed = parse(text);
    QCOMPARE(parsed.predictions.size(), size_t(100));
    QCOMPARE(parsed.sensorNames,
        QStringList({ u"pump\\Sensor4"_s, u"pump\\Sensor3"_s, u"pump\\Sensor2"_s,
            u"pump\\Sensor1"_s, u"pump\\Sensor0"_s }));
    QCOMPARE(names(parsed, parsed.predictions[1]),
        QStringList({ u"pump\\Sensor0"_s, u"pump\\Sensor1"_s, u"pump\\Sensor2"_s,
            u"pump\\Sensor3"_s, u"pump\\Sensor4"_s }));
    QCOMPARE(parsed.diagnostics.size(), size_t(500));
}

void TestResultsParser::names_withEscapesAndUnicode()
{
    const ParsedResults parsed = parse(
        R"({"timestamp": "2022-07-29T11:45:00", "diagnostics": [{"name": "Pumpe\\Druck \u00fcber", )"
        R"("value": 0.5}, {"name": "泵\\传感器", "value": 0.25}, {"name": "a\/b\t\ud800", "value": 0}]})");
    QCOMPARE(parsed.report.issueCount(), 0);
    QCOMPARE(parsed.sensorNames,
        QStringList({ u"Pumpe\\Druck über"_s, u"泵\\传感器"_s, u"a/b\t\uFFFD"_s }));
}

void TestResultsParser::blankLinesCrLfAndByteOrderMark()
{
    const ParsedResults parsed = parse("\xEF\xBB\xBF"
                                       R"({"timestamp": "2022-07-29T11:45:00"})"
                                       "\r\n\r\n   \n\t\r\n"
                                       R"({"timestamp": "2022-07-29T11:50:00"})"
                                       "\r\n\n"_ba);
    QCOMPARE(parsed.report.issueCount(), 0);
    QCOMPARE(parsed.report.lines, 2);
    QCOMPARE(parsed.predictions.size(), size_t(2));
    QCOMPARE(parsed.predictions[1].line, 5u);
    // A byte-order mark elsewhere is no whitespace.
    const ParsedResults later = parse("\n\xEF\xBB\xBF{\"timestamp\": \"2022-07-29T11:45:00\"}"_ba);
    QCOMPARE(later.report.skippedLines, 1);
}

void TestResultsParser::emptyDiagnosticsList_isPresentButEmpty()
{
    const ParsedResults parsed
        = parse(R"({"timestamp": "2022-07-29T11:45:00", "diagnostics": [ ]})");
    QVERIFY(parsed.predictions.front().has(Prediction::HasDiagnostics));
    QCOMPARE(parsed.predictions.front().diagnosticCount, 0u);
}

void TestResultsParser::numbers_data()
{
    QTest::addColumn<QByteArray>("score");
    QTest::addColumn<double>("expected");
    QTest::newRow("zero") << "0"_ba << 0.0;
    QTest::newRow("negative zero") << "-0.0"_ba << -0.0;
    QTest::newRow("exponent") << "9.7399E-1"_ba << 0.97399;
    QTest::newRow("plus exponent") << "1e+2"_ba << 100.0;
    QTest::newRow("integer") << "1"_ba << 1.0;
    QTest::newRow("many digits") << "0.12345678901234567890123"_ba << 0.12345678901234568;
    QTest::newRow("underflow") << "1e-400"_ba << 0.0;
    QTest::newRow("largest") << "1.7976931348623157e308"_ba << 1.7976931348623157e308;
}

void TestResultsParser::numbers()
{
    QFETCH(QByteArray, score);
    QFETCH(double, expected);
    const ParsedResults parsed
        = parse(R"({"timestamp": "2022-07-29T11:45:00", "anomaly_score": )" + score + "}");
    QCOMPARE(parsed.report.issueCount(), 0);
    QVERIFY(parsed.predictions.front().has(Prediction::HasScore));
    QCOMPARE(parsed.predictions.front().score, expected);
}

void TestResultsParser::malformedLines_areSkippedWithTheirLineAndWhy_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<QString>("message");
    const auto row = [](const char *name, const QByteArray &line, const QString &message) {
        QTest::newRow(name) << line << message;
    };
    row("not JSON", "timestamp,prediction", u"not JSON: expected '{' at column 1"_s);
    row("a list", R"(["2022-07-29T11:45:00"])", u"not a JSON object but a list"_s);
    row("a string", R"("x")", u"not a JSON object but a string"_s);
    row("no timestamp", R"({"prediction": 1})", u"no timestamp"_s);
    row("empty object", "{}", u"no timestamp"_s);
    row("null timestamp", R"({"timestamp": null})", u"no timestamp"_s);
    row("epoch timestamp", R"({"timestamp": 1659095100})",
        u"timestamp is a number, expected a string"_s);
    row("bad timestamp", R"({"timestamp": "yesterday"})",
        u"timestamp \"yesterday\" is not a date-time such as 2022-07-29T11:45:00.000000"_s);
    row("long bad timestamp", R"({"timestamp": ")" + QByteArray(100, 'x') + "\"}",
        u"timestamp \""_s + QString(40, u'x')
            + u"…\" is not a date-time such as "
              "2022-07-29T11:45:00.000000"_s);
    row("control characters quoted", R"({"timestamp": "\u001b[2J"})",
        u"timestamp \"\\x1b[2J\" is not a date-time such as 2022-07-29T11:45:00.000000"_s);
    row("string prediction", R"({"timestamp": "2022-07-29T11:45:00", "prediction": "1"})",
        u"prediction is a string, expected a number"_s);
    row("fractional prediction", R"({"timestamp": "2022-07-29T11:45:00", "prediction": 1.0})",
        u"prediction 1.0 is not a whole number"_s);
    row("huge prediction", R"({"timestamp": "2022-07-29T11:45:00", "prediction": 99999999999})",
        u"prediction 99999999999 is not a whole number"_s);
    row("NaN prediction", R"({"timestamp": "2022-07-29T11:45:00", "prediction": NaN})",
        u"prediction NaN is not a whole number"_s);
    row("boolean reason", R"({"timestamp": "2022-07-29T11:45:00", "prediction_reason": true})",
        u"prediction_reason is true or false, expected a string"_s);
    row("string score", R"({"timestamp": "2022-07-29T11:45:00", "anomaly_score": "0.9"})",
        u"anomaly_score is a string, expected a number"_s);
    row("object diagnostics", R"({"timestamp": "2022-07-29T11:45:00", "diagnostics": {}})",
        u"diagnostics is an object, expected a list"_s);
    row("entry not an object", R"({"timestamp": "2022-07-29T11:45:00", "diagnostics": [1]})",
        u"diagnostics entry 1 is a number, expected an object"_s);
    row("entry without name",
        R"({"timestamp": "2022-07-29T11:45:00", "diagnostics": [{"name": "a", "value": 1}, {"value": 1}]})",
        u"diagnostics entry 2 has no name"_s);
    row("entry without value",
        R"({"timestamp": "2022-07-29T11:45:00", "diagnostics": [{"name": "a", "value": null}]})",
        u"diagnostics entry 1 has no value"_s);
    row("numeric name", R"({"timestamp": "2022-07-29T11:45:00", "diagnostics": [{"name": 3}]})",
        u"diagnostics entry 1: name is a number, expected a string"_s);
    row("string value",
        R"({"timestamp": "2022-07-29T11:45:00", "diagnostics": [{"name": "a", "value": "1"}]})",
        u"diagnostics entry 1: value is a string, expected a number"_s);
    row("text after", R"({"timestamp": "2022-07-29T11:45:00"} {})",
        u"not JSON: text after the object at column 38"_s);
    row("missing colon", R"({"timestamp" "2022-07-29T11:45:00"})",
        u"not JSON: expected ':' at column 14"_s);
    row("trailing comma", R"({"timestamp": "2022-07-29T11:45:00",})",
        u"not JSON: expected a member name at column 37"_s);
    row("single quotes", R"({'timestamp': '2022-07-29T11:45:00'})",
        u"not JSON: expected a member name at column 2"_s);
    row("leading zero", R"({"timestamp": "2022-07-29T11:45:00", "anomaly_score": 01})",
        u"not JSON: expected ',' or '}' at column 56"_s);
    row("bare fraction", R"({"timestamp": "2022-07-29T11:45:00", "x": .5})",
        u"not JSON: expected a value at column 43"_s);
    row("dot without digits", R"({"timestamp": "2022-07-29T11:45:00", "x": 1.})",
        u"not JSON: expected a digit at column 45"_s);
    row("plus sign", R"({"timestamp": "2022-07-29T11:45:00", "x": +1})",
        u"not JSON: expected a value at column 43"_s);
    row("bad literal", R"({"timestamp": "2022-07-29T11:45:00", "x": tru})",
        u"not JSON: expected a value at column 43"_s);
    row("bad escape", R"({"timestamp": "2022-07-29T11:45:00", "x": "\x41"})",
        u"not JSON: an invalid escape at column 44"_s);
    row("short unicode escape", R"({"timestamp": "2022-07-29T11:45:00", "x": "\u12"})",
        u"not JSON: an invalid escape at column 44"_s);
    row("raw tab in a string", "{\"timestamp\": \"2022-07-29T11:45:00\", \"x\": \"a\tb\"}",
        u"not JSON: a control character in a string at column 45"_s);
    row("latin-1",
        "{\"timestamp\": \"2022-07-29T11:45:00\", \"x\": \"\xfc"
        "ber\"}",
        u"not UTF-8 at column 44"_s);
    row("overlong", "{\"timestamp\": \"2022-07-29T11:45:00\", \"x\": \"\xc0\xaf\"}",
        u"not UTF-8 at column 44"_s);
    row("encoded surrogate", "{\"timestamp\": \"2022-07-29T11:45:00\", \"x\": \"\xed\xa0\x80\"}",
        u"not UTF-8 at column 44"_s);
    row("cut sequence", "{\"timestamp\": \"2022-07-29T11:45:00\", \"x\": \"\xe6\xb3\"}",
        u"not UTF-8 at column 44"_s);
    row("beyond U+10FFFF", "{\"timestamp\": \"2022-07-29T11:45:00\", \"x\": \"\xf4\x90\x80\x80\"}",
        u"not UTF-8 at column 44"_s);
    row("invalid name",
        "{\"timestamp\": \"2022-07-29T11:45:00\", \"diagnostics\": [{\"name\": "
        "\"\xff\", \"value\": 1}]}",
        u"not UTF-8 at column 64"_s);
    row("unclosed object", R"({"timestamp": "2022-07-29T11:45:00")",
        u"not JSON: the line ends where ',' or '}' should follow"_s);
    row("unclosed string", R"({"timestamp": "2022-07-29T11:45:00", "x": "abc)",
        u"not JSON: a string is not closed"_s);
    row("unclosed nested", R"({"timestamp": "2022-07-29T11:45:00", "x": [[{"a": 1}])",
        u"not JSON: the line ends where ',' or ']' should follow"_s);
    row("NUL byte", QByteArray("{\"timestamp\": \"2022-07-29T11:45:00\"}\0", 37),
        u"not JSON: text after the object at column 37"_s);
}

void TestResultsParser::malformedLines_areSkippedWithTheirLineAndWhy()
{
    QFETCH(QByteArray, line);
    QFETCH(QString, message);
    const QByteArray good = R"({"timestamp": "2022-07-29T11:40:00"})"_ba;
    const ParsedResults parsed = parse(good + '\n' + line + '\n' + good + '\n');
    QCOMPARE(parsed.report.lines, 3);
    QCOMPARE(parsed.report.skippedLines, 1);
    QCOMPARE(parsed.report.predictions, 2);
    QCOMPARE(parsed.predictions.size(), size_t(2));
    QCOMPARE(parsed.predictions[1].line, 3u);
    QCOMPARE(parsed.diagnostics.size(), size_t(0));
    QCOMPARE(parsed.report.issues.size(), 1);
    const results::ParseIssue &issue = parsed.report.issues.first();
    QCOMPARE(issue.file, kFile);
    QCOMPARE(issue.line, 2);
    QCOMPARE(issue.message, message + u"; line skipped"_s);
    QCOMPARE(issue.toString(), kFile + u", line 2: "_s + message + u"; line skipped"_s);
}

void TestResultsParser::notFiniteValues_areLeftOutAndSaid()
{
    const ParsedResults parsed = parse(
        R"({"timestamp": "2022-07-29T11:45:00", "prediction": 1, "anomaly_score": NaN, )"
        R"("diagnostics": [{"name": "a\\x", "value": Infinity}, {"name": "a\\y", "value": 0.5}, )"
        R"({"name": "a\\z", "value": -1e39}]})"
        "\n"
        R"({"timestamp": "2022-07-29T11:50:00", "anomaly_score": 1e999})"
        "\n"
        R"({"timestamp": "2022-07-29T11:55:00", "anomaly_score": -Infinity})");
    QCOMPARE(parsed.report.predictions, 3);
    QCOMPARE(parsed.report.skippedLines, 0);
    QCOMPARE(parsed.report.trimmedLines, 3);
    const Prediction &first = parsed.predictions[0];
    QVERIFY(!first.has(Prediction::HasScore));
    QCOMPARE(first.prediction, 1);
    QCOMPARE(names(parsed, first), QStringList({ u"a\\y"_s }));
    QCOMPARE(parsed.report.issues[0].message,
        u"anomaly_score NaN is not a finite number; read without a score; diagnostics entry 1 "
        "has the value Infinity, not a finite number; left out; diagnostics entry 3 has the "
        "value -1e39, not a finite number; left out"_s);
    QCOMPARE(parsed.report.issues[1].message,
        u"anomaly_score 1e999 is not a finite number; read without a score"_s);
    QCOMPARE(parsed.report.issues[1].line, 2);
    QVERIFY(!parsed.predictions[2].has(Prediction::HasScore));
}

void TestResultsParser::truncatedObject_saysItEndsInsideTheLine()
{
    const QByteArray whole = kServiceLine + '\n' + kServiceLine;
    for (qsizetype cut = kServiceLine.size() + 2; cut < whole.size() - 1; ++cut) {
        const ParsedResults parsed = parse(whole.left(cut));
        QCOMPARE(parsed.predictions.size(), size_t(1));
        QCOMPARE(parsed.report.skippedLines, 1);
        const QString message = firstMessage(parsed);
        QVERIFY2(message.startsWith(u"the object ends inside this line (not JSON: "_s)
                || message.startsWith(u"timestamp \"2022-"_s),
            qPrintable(QString::number(cut) + u": "_s + message));
        QCOMPARE(parsed.report.issues.first().line, 2);
    }
    // A last line without its line end that is whole is read as any other.
    QCOMPARE(parse(whole).predictions.size(), size_t(2));
}

void TestResultsParser::issues_areCountedAllAndDescribedFirstTen()
{
    QByteArray text;
    for (int i = 0; i < 25; ++i)
        text += "garbage " + QByteArray::number(i) + "\n";
    const ParsedResults parsed = parse(text);
    QCOMPARE(parsed.report.skippedLines, 25);
    QCOMPARE(parsed.report.issueCount(), 25);
    QCOMPARE(parsed.report.issues.size(), results::ParseReport::kMaxIssues);
    QCOMPARE(parsed.report.issues.last().line, 10);
    QVERIFY(parsed.predictions.empty());
}

void TestResultsParser::chunks_giveTheSameResultAtEverySplit()
{
    const QByteArray text = "\xEF\xBB\xBF"_ba + kServiceLine + "\r\n\n{broken\n" + kServiceLine
        + "\n" + R"({"timestamp": "2022-07-29T11:50:00", "prediction_reason": "X"})";
    const ParsedResults whole = parse(text);
    QCOMPARE(whole.predictions.size(), size_t(3));
    for (qsizetype chunk = 1; chunk <= text.size(); ++chunk) {
        ResultsParser parser(kFile);
        for (qsizetype at = 0; at < text.size(); at += chunk)
            parser.feed(QByteArrayView(text).sliced(at, qMin(chunk, text.size() - at)));
        const ParsedResults parsed = parser.finish();
        QCOMPARE(parsed.predictions.size(), whole.predictions.size());
        for (size_t i = 0; i < whole.predictions.size(); ++i) {
            QCOMPARE(parsed.predictions[i].time, whole.predictions[i].time);
            QCOMPARE(parsed.predictions[i].line, whole.predictions[i].line);
            QCOMPARE(names(parsed, parsed.predictions[i]), names(whole, whole.predictions[i]));
        }
        QCOMPARE(parsed.report.bytes, text.size());
        QCOMPARE(parsed.report.issues, whole.report.issues);
        QCOMPARE(parsed.otherReasons, whole.otherReasons);
    }
}

void TestResultsParser::longLine_isSkippedWithoutBeingHeld()
{
    ResultsParser parser(kFile);
    parser.feed(QByteArray(kServiceLine + "\n" + R"({"timestamp": "2022-07-29T11:45:00", "x": ")"));
    const QByteArray block(64 * 1024, 'a');
    for (int i = 0; i < 160; ++i) { // 10 MiB
        parser.feed(block);
        QVERIFY(parser.bufferedBytes() <= 1 << 20);
    }
    parser.feed(QByteArray("\"}\n" + kServiceLine + "\n"));
    const ParsedResults parsed = parser.finish();
    QCOMPARE(parsed.predictions.size(), size_t(2));
    QCOMPARE(parsed.predictions[1].line, 3u);
    QCOMPARE(parsed.report.skippedLines, 1);
    QCOMPARE(parsed.report.issues.size(), 1);
    QCOMPARE(parsed.report.issues.first().line, 2);
    QCOMPARE(parsed.report.issues.first().message,
        u"the line is 10485805 bytes long, more than the 1 MiB a line may have; line skipped"_s);

    // Whole in one buffer: skipped all the same.
    const ParsedResults atOnce = parse(R"({"timestamp": "2022-07-29T11:45:00", "x": ")"
        + QByteArray(2 << 20, 'a') + "\"}\n" + kServiceLine);
    QCOMPARE(atOnce.predictions.size(), size_t(1));
    QCOMPARE(atOnce.report.skippedLines, 1);
}

void TestResultsParser::longLineAtTheEnd_isSkipped()
{
    ResultsParser parser(kFile);
    parser.feed(QByteArray(kServiceLine + "\n"));
    parser.feed(QByteArray((1 << 20) - 10, 'x'));
    QCOMPARE(parser.bufferedBytes(), (1 << 20) - 10);
    parser.feed(QByteArray(20, 'x'));
    QCOMPARE(parser.bufferedBytes(), 0);
    const ParsedResults parsed = parser.finish();
    QCOMPARE(parsed.predictions.size(), size_t(1));
    QCOMPARE(parsed.report.skippedLines, 1);
    QCOMPARE(parsed.report.issues.first().line, 2);
}

void TestResultsParser::manyDiagnostics_keepTheLargestShares()
{
    results::ParseLimits limits;
    limits.maxLineBytes = 8 << 20;
    const ParsedResults parsed = parse(diagnosticsLine(100'000), limits);
    QCOMPARE(parsed.predictions.size(), size_t(1));
    const Prediction &p = parsed.predictions.front();
    QCOMPARE(p.diagnosticCount, 1000u);
    // The 1,000 largest values, 99,000 to 99,999, in the order of the line.
    const QList<float> kept = shares(parsed, p);
    QCOMPARE(kept.first(), 99000.0f);
    QCOMPARE(kept.last(), 99999.0f);
    QVERIFY(std::is_sorted(kept.begin(), kept.end()));
    QCOMPARE(parsed.sensorNames.size(), 50);
    QCOMPARE(parsed.report.trimmedLines, 1);
    QCOMPARE(firstMessage(parsed), u"100000 diagnostics; kept the 1000 largest shares"_s);
}

void TestResultsParser::manyDiagnostics_overTheLineCapAreSkipped()
{
    const QByteArray line = diagnosticsLine(100'000);
    QVERIFY(line.size() > 1 << 20);
    const ParsedResults parsed = parse(line + '\n' + kServiceLine);
    QCOMPARE(parsed.predictions.size(), size_t(1));
    QCOMPARE(parsed.report.skippedLines, 1);
    QVERIFY(firstMessage(parsed).startsWith(u"the line is "_s));
}

void TestResultsParser::sensorNameCap_leavesOutFurtherNames()
{
    results::ParseLimits limits;
    limits.maxSensorNames = 3;
    const ParsedResults parsed = parse(diagnosticsLine(5) + "\n" + diagnosticsLine(5), limits);
    QCOMPARE(parsed.sensorNames, QStringList({ u"c\\s0"_s, u"c\\s1"_s, u"c\\s2"_s }));
    QCOMPARE(parsed.predictions.size(), size_t(2));
    QCOMPARE(parsed.predictions[0].diagnosticCount, 3u);
    QCOMPARE(parsed.predictions[1].diagnosticCount, 3u);
    QCOMPARE(parsed.report.trimmedLines, 1);
    QCOMPARE(firstMessage(parsed),
        u"more than 3 different sensor names in this object; diagnostics of further names are "
        "left out"_s);
}

void TestResultsParser::deepNesting_isRefusedNotRecursed()
{
    const QByteArray deep = R"({"timestamp": "2022-07-29T11:45:00", "x": )"
        + QByteArray(100'000, '[') + QByteArray(100'000, ']') + "}";
    const ParsedResults parsed = parse(deep);
    QCOMPARE(parsed.report.skippedLines, 1);
    QCOMPARE(firstMessage(parsed), u"nested deeper than 512 levels at column 556; line skipped"_s);
    const QByteArray allowed = R"({"timestamp": "2022-07-29T11:45:00", "x": )"
        + QByteArray(512, '[') + QByteArray(512, ']') + "}";
    QCOMPARE(parse(allowed).predictions.size(), size_t(1));
}

void TestResultsParser::sampleFile_readsCompletely()
{
    QFile file(QStringLiteral(
        LOOKOUT_TEST_DATA_DIR "/results/pump-week/2022-07-25T11:00:00Z/results.jsonl"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const ParsedResults parsed = parse(file.readAll());
    QCOMPARE(parsed.report.issueCount(), 0);
    QCOMPARE(parsed.predictions.size(), size_t(12));
    QCOMPARE(parsed.sensorNames.size(), 10);
    QCOMPARE(parsed.predictions.front().time, micros("2022-07-25T10:00:00Z"));
    QCOMPARE(parsed.predictions.back().time, micros("2022-07-25T10:55:00Z"));
    for (const Prediction &p : parsed.predictions) {
        QCOMPARE(p.diagnosticCount, 10u);
        QVERIFY(p.has(Prediction::HasScore));
    }
}

void TestResultsParser::finish_leavesTheParserReusable()
{
    ResultsParser parser(kFile);
    parser.feed(kServiceLine.left(30));
    QCOMPARE(parser.finish().report.skippedLines, 1);
    parser.feed(kServiceLine);
    const ParsedResults again = parser.finish();
    QCOMPARE(again.predictions.size(), size_t(1));
    QCOMPARE(again.predictions.front().line, 1u);
    QCOMPARE(again.report.skippedLines, 0);
}

QTEST_GUILESS_MAIN(TestResultsParser)
#include "tst_resultsparser.moc"
