// What `lookout-desk results` prints, byte for byte: numbers as Python's repr() (checked against
// values printed by Python 3), the JSON layout with absent members absent and sub-second
// timestamps kept, TopSensors, and CSV with one column per sensor and RFC 4180 quoting.
#include "cli/resultsoutput.h"
#include "results/resultsparser.h"

#include <QtTest>

using namespace Qt::StringLiterals;

namespace {

results::Series series(const QByteArray &text)
{
    results::Series result;
    result.add(results::ResultsParser::parse(text, u"test"_s), u"test"_s);
    return result;
}

} // namespace

class TestResultsOutput : public QObject {
    Q_OBJECT
private slots:
    void pythonFloatText_data();
    void pythonFloatText();
    void valueText_isTheFloatsShortestText();
    void shareText_hasSixSignificantDigits();
    void json_layout();
    void json_withoutPredictions();
    void json_emptySeries();
    void csv_oneColumnPerSensor();
};

void TestResultsOutput::pythonFloatText_data()
{
    QTest::addColumn<double>("value");
    QTest::addColumn<QByteArray>("python"); // repr(value) in Python 3.11
    QTest::newRow("0") << 0.0 << "0.0"_ba;
    QTest::newRow("-0") << -0.0 << "-0.0"_ba;
    QTest::newRow("1") << 1.0 << "1.0"_ba;
    QTest::newRow("score") << 0.97399 << "0.97399"_ba;
    QTest::newRow("1e-05") << 1e-05 << "1e-05"_ba;
    QTest::newRow("0.0001") << 0.0001 << "0.0001"_ba;
    QTest::newRow("0.00012345") << 0.00012345 << "0.00012345"_ba;
    QTest::newRow("1.23e17") << 123456789012345678.0 << "1.2345678901234568e+17"_ba;
    QTest::newRow("1e16") << 1e16 << "1e+16"_ba;
    QTest::newRow("16 digits") << 9999999999999998.0 << "9999999999999998.0"_ba;
    QTest::newRow("1234567890123456") << 1234567890123456.0 << "1234567890123456.0"_ba;
    QTest::newRow("0.1+0.2") << 0.1 + 0.2 << "0.30000000000000004"_ba;
    QTest::newRow("smallest") << 5e-324 << "5e-324"_ba;
    QTest::newRow("largest") << 1.7976931348623157e308 << "1.7976931348623157e+308"_ba;
    QTest::newRow("100") << 100.0 << "100.0"_ba;
    QTest::newRow("2.5") << 2.5 << "2.5"_ba;
    QTest::newRow("negative small") << -3.25e-7 << "-3.25e-07"_ba;
    QTest::newRow("1e22") << 1e22 << "1e+22"_ba;
    QTest::newRow("12345.678") << 12345.678 << "12345.678"_ba;
}

void TestResultsOutput::pythonFloatText()
{
    QFETCH(double, value);
    QFETCH(QByteArray, python);
    QCOMPARE(cli::pythonFloatText(value), python);
}

void TestResultsOutput::valueText_isTheFloatsShortestText()
{
    QCOMPARE(cli::valueText(0.04f), "0.04"_ba);
    QCOMPARE(cli::valueText(0.0757f), "0.0757"_ba);
    QCOMPARE(cli::valueText(1.0f), "1.0"_ba);
    QCOMPARE(cli::valueText(0.123456f), "0.123456"_ba);
    QCOMPARE(cli::valueText(1e-5f), "1e-05"_ba);
    QCOMPARE(cli::valueText(-0.5f), "-0.5"_ba);
}

void TestResultsOutput::shareText_hasSixSignificantDigits()
{
    QCOMPARE(cli::shareText(double(0.0557f) / 2 + double(0.0557f) / 2), "0.0557"_ba);
    QCOMPARE(cli::shareText(0.49567777777), "0.495678"_ba);
    QCOMPARE(cli::shareText(0.5), "0.5"_ba);
    QCOMPARE(cli::shareText(1.0 / 3), "0.333333"_ba);
    QCOMPARE(cli::shareText(0.0), "0.0"_ba);
    QCOMPARE(cli::shareText(2e-7), "2e-07"_ba);
}

void TestResultsOutput::json_layout()
{
    const results::Series s = series(
        R"({"timestamp": "2022-07-29T11:45:00.000000", "prediction": 1, "prediction_reason": )"
        R"("ANOMALY_DETECTED", "anomaly_score": 0.97399, "diagnostics": [{"name": "pump\\Sensor0", )"
        R"("value": 0.04}, {"name": "pump\\Sensor1", "value": 0.96}]})"
        "\n"
        R"({"timestamp": "2022-07-29T11:50:00.250000", "prediction": 1, "diagnostics": [{"name": )"
        R"("pump\\Sensor1", "value": 0.5}, {"name": "pump\\Sensor0", "value": 0.5}]})"
        "\n"
        R"({"timestamp": "2022-07-29T11:55:00", "prediction_reason": "MACHINE_OFF"})"
        "\n"
        R"({"timestamp": "2022-07-29T12:00:00", "prediction_reason": "NEW \"ONE\"", )"
        R"("diagnostics": []})");
    cli::ResultsDocument document { u"out/é"_s, 2, &s, results::findEvents(s) };
    QCOMPARE(cli::resultsJson(document), R"({
    "Source": "out/é",
    "Files": 2,
    "Predictions": [
        {
            "Timestamp": "2022-07-29T11:45:00Z",
            "Prediction": 1,
            "Reason": "ANOMALY_DETECTED",
            "AnomalyScore": 0.97399,
            "Diagnostics": [
                {
                    "Name": "pump\\Sensor0",
                    "Value": 0.04
                },
                {
                    "Name": "pump\\Sensor1",
                    "Value": 0.96
                }
            ]
        },
        {
            "Timestamp": "2022-07-29T11:50:00.250000Z",
            "Prediction": 1,
            "Diagnostics": [
                {
                    "Name": "pump\\Sensor1",
                    "Value": 0.5
                },
                {
                    "Name": "pump\\Sensor0",
                    "Value": 0.5
                }
            ]
        },
        {
            "Timestamp": "2022-07-29T11:55:00Z",
            "Reason": "MACHINE_OFF"
        },
        {
            "Timestamp": "2022-07-29T12:00:00Z",
            "Reason": "NEW \"ONE\"",
            "Diagnostics": []
        }
    ],
    "Events": [
        {
            "Start": "2022-07-29T11:45:00Z",
            "End": "2022-07-29T11:50:00.250000Z",
            "Points": 2,
            "MaxScore": 0.97399,
            "TopSensors": [
                {
                    "Name": "pump\\Sensor1",
                    "Share": 0.73
                },
                {
                    "Name": "pump\\Sensor0",
                    "Share": 0.27
                }
            ]
        }
    ]
}
)"_ba);
}

void TestResultsOutput::json_withoutPredictions()
{
    const results::Series s = series(
        R"({"timestamp": "2022-07-29T11:45:00", "prediction": 1, "diagnostics": [{"name": "a", )"
        R"("value": 1}]})");
    cli::ResultsDocument document { u"x"_s, 1, &s, results::findEvents(s) };
    QCOMPARE(cli::resultsJson(document, cli::Predictions::Omitted), R"({
    "Source": "x",
    "Files": 1,
    "Events": [
        {
            "Start": "2022-07-29T11:45:00Z",
            "End": "2022-07-29T11:45:00Z",
            "Points": 1,
            "TopSensors": [
                {
                    "Name": "a",
                    "Share": 1.0
                }
            ]
        }
    ]
}
)"_ba);
}

void TestResultsOutput::json_emptySeries()
{
    const results::Series s;
    cli::ResultsDocument document { u"x"_s, 0, &s, {} };
    QCOMPARE(cli::resultsJson(document), R"({
    "Source": "x",
    "Files": 0,
    "Predictions": [],
    "Events": []
}
)"_ba);
}

void TestResultsOutput::csv_oneColumnPerSensor()
{
    const results::Series s = series(
        R"({"timestamp": "2022-07-29T11:45:00", "prediction": 1, "prediction_reason": )"
        R"("ANOMALY_DETECTED", "anomaly_score": 0.5, "diagnostics": [{"name": "pump\\B", )"
        R"("value": 0.75}, {"name": "pump\\A", "value": 0.25}]})"
        "\n"
        R"({"timestamp": "2022-07-29T11:50:00.5", "prediction_reason": "A, \"quoted\" one", )"
        R"("diagnostics": [{"name": "odd, \"name\"", "value": 1}]})"
        "\n"
        R"({"timestamp": "2022-07-29T11:55:00"})");
    QCOMPARE(cli::resultsCsv(s),
        "Timestamp,Prediction,Reason,AnomalyScore,\"odd, \"\"name\"\"\",pump\\A,pump\\B\n"
        "2022-07-29T11:45:00Z,1,ANOMALY_DETECTED,0.5,,0.25,0.75\n"
        "2022-07-29T11:50:00.500000Z,,\"A, \"\"quoted\"\" one\",,1.0,,\n"
        "2022-07-29T11:55:00Z,,,,,,\n"_ba);
    QCOMPARE(cli::resultsCsv(results::Series()), "Timestamp,Prediction,Reason,AnomalyScore\n"_ba);
}

QTEST_GUILESS_MAIN(TestResultsOutput)
#include "tst_resultsoutput.moc"
