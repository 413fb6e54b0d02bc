// renderResponse: what `--output json` prints for a response, turned into the chosen format.
// JSON passes through byte for byte; text, yaml, yaml-stream and table are built from the same
// JSON; JSON that cannot be read is a BadResponse naming the operation, never a crash or nothing.
#include "cli/responseprinter.h"

#include <QTest>

using namespace Qt::StringLiterals;
using cli::OutputFormat;
using cli::OutputSettings;
using cli::renderResponse;

namespace {

const QByteArray kList
    = "{\n    \"InferenceSchedulerSummaries\": [\n        {\n            \"ModelName\": \"m\",\n"
      "            \"InferenceSchedulerName\": \"pump-1\",\n            \"Status\": \"RUNNING\"\n"
      "        }\n    ]\n}\n";

OutputSettings as(OutputFormat format)
{
    OutputSettings settings;
    settings.format = format;
    return settings;
}

} // namespace

class TestResponsePrinter : public QObject {
    Q_OBJECT

private slots:
    void json_isPassedThroughUnread()
    {
        // Not even read: the JSON printer's bytes are final, whatever they are.
        const QByteArray notJson = "not json at all\n";
        QCOMPARE(
            renderResponse(notJson, u"ListInferenceSchedulers"_s, as(OutputFormat::Json)).value(),
            notJson);
        QCOMPARE(
            renderResponse(kList, u"ListInferenceSchedulers"_s, as(OutputFormat::Json)).value(),
            kList);
    }

    void text_oneLinePerSummary()
    {
        QCOMPARE(
            renderResponse(kList, u"ListInferenceSchedulers"_s, as(OutputFormat::Text)).value(),
            QByteArray("INFERENCESCHEDULERSUMMARIES\tpump-1\tm\tRUNNING\n"));
    }

    void yaml_andYamlStream()
    {
        QCOMPARE(
            renderResponse(kList, u"ListInferenceSchedulers"_s, as(OutputFormat::Yaml)).value(),
            QByteArray("InferenceSchedulerSummaries:\n- InferenceSchedulerName: pump-1\n"
                       "  ModelName: m\n  Status: RUNNING\n"));
        const QByteArray stream
            = renderResponse(kList, u"ListInferenceSchedulers"_s, as(OutputFormat::YamlStream))
                  .value();
        QVERIFY2(stream.startsWith("- InferenceSchedulerSummaries:\n"), stream.constData());
    }

    void table_isTitledWithTheOperation()
    {
        OutputSettings settings = as(OutputFormat::Table);
        settings.tableWidth = 60;
        const QByteArray table
            = renderResponse(kList, u"ListInferenceSchedulers"_s, settings).value();
        const QList<QByteArray> lines = table.split('\n');
        QVERIFY2(lines.size() > 4, table.constData());
        QVERIFY2(lines.at(1).contains("ListInferenceSchedulers"), table.constData());
        QVERIFY2(table.contains("pump-1") && table.contains("RUNNING"), table.constData());
        QVERIFY2(!table.contains("\x1b["), "no colour unless asked for");
        for (const QByteArray &line : lines)
            QVERIFY2(line.size() <= 60, line.constData());

        settings.color = true;
        QVERIFY(renderResponse(kList, u"ListInferenceSchedulers"_s, settings)
                    .value()
                    .contains("\x1b["));
    }

    // Csv is the results command's row format; a response asked for as csv prints as a table.
    void csv_printsAsATable()
    {
        QCOMPARE(renderResponse(kList, u"X"_s, as(OutputFormat::Csv)).value(),
            renderResponse(kList, u"X"_s, as(OutputFormat::Table)).value());
    }

    // A response without members prints nothing in every form but the table's title.
    void emptyResponse()
    {
        QCOMPARE(renderResponse({}, u"StartInferenceScheduler"_s, as(OutputFormat::Text)).value(),
            QByteArray());
        QCOMPARE(renderResponse({}, u"StartInferenceScheduler"_s, as(OutputFormat::Json)).value(),
            QByteArray());
    }

    void unreadableJson_isABadResponseNamingTheOperation_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<int>("format");
        QTest::newRow("truncated, text") << QByteArray("{\"A\": [1, 2") << int(OutputFormat::Text);
        QTest::newRow("not JSON, table") << QByteArray("<html>") << int(OutputFormat::Table);
        QTest::newRow("two values, yaml") << QByteArray("{} {}") << int(OutputFormat::Yaml);
        QTest::newRow("bad UTF-8, yaml-stream")
            << QByteArray("{\"A\": \"\xff\"}") << int(OutputFormat::YamlStream);
    }

    void unreadableJson_isABadResponseNamingTheOperation()
    {
        QFETCH(QByteArray, json);
        QFETCH(int, format);
        const auto result = renderResponse(
            json, u"DescribeInferenceScheduler"_s, as(static_cast<OutputFormat>(format)));
        QVERIFY(!result.ok());
        QCOMPARE(result.error().kind, aws::AwsError::Kind::BadResponse);
        QCOMPARE(result.error().operation, u"DescribeInferenceScheduler"_s);
        QVERIFY2(result.error().message.contains(u"offset"_s), qPrintable(result.error().message));
    }

    // Control characters an endpoint put into a value never reach a terminal in text or table.
    void controlCharacters_areShownEscaped()
    {
        const QByteArray json = "{\"Name\": \"a\\u001b[2Jb\\tc\"}";
        QCOMPARE(renderResponse(json, u"X"_s, as(OutputFormat::Text)).value(),
            QByteArray("a\\x1b[2Jb\\tc\n"));
        const QByteArray table = renderResponse(json, u"X"_s, as(OutputFormat::Table)).value();
        QVERIFY2(!table.contains('\x1b') && table.contains("a\\x1b[2Jb\\tc"), table.constData());
    }

    void hugeResponse_isRenderedWhole()
    {
        QByteArray json = "{\"Items\": [";
        for (int i = 0; i < 20'000; ++i)
            json += (i ? ", " : "") + QByteArray("{\"N\": \"item-") + QByteArray::number(i) + "\"}";
        json += "]}";
        const QByteArray text = renderResponse(json, u"X"_s, as(OutputFormat::Text)).value();
        QCOMPARE(text.count('\n'), 20'000);
        QVERIFY(text.endsWith("ITEMS\titem-19999\n"));
    }
};

QTEST_GUILESS_MAIN(TestResponsePrinter)
#include "tst_responseprinter.moc"
