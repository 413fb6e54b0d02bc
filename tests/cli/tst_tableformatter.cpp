// `--output table` against the AWS CLI's own table formatter (awscli/formatter.py and
// awscli/table.py, run in the CLI's own Python: Debian's v2 and a v1 on PATH) on the same
// responses, at several terminal widths, plain and coloured, byte for byte; and the layout rules,
// checked without python.
#include "awscliformatter.h"
#include "cli/outputtree.h"
#include "cli/tableformatter.h"
#include "formattersamples.h"
#include "headlessrun.h"

#include <QtTest>

using namespace Qt::StringLiterals;

namespace {

QByteArray tableOf(const QString &title, const QByteArray &json, int width = 80, bool color = false)
{
    const aws::Result<cli::OutputValue> value = cli::readOutputValue(json);
    if (!value.ok())
        qFatal("unreadable sample: %s", qPrintable(value.error().message));
    return cli::formatTable(title, value.value(), cli::TableStyle { width, color });
}

} // namespace

class TestTableFormatter : public QObject {
    Q_OBJECT
private slots:
    void singleScalar_isOneKeyValueRow()
    {
        QCOMPARE(tableOf(u"Op"_s, R"({"Status": "RUNNING"})"),
            QByteArray("-----------------------\n"
                       "|         Op          |\n"
                       "+---------+-----------+\n"
                       "|  Status |  RUNNING  |\n"
                       "+---------+-----------+\n"));
    }

    void controlCharacters_shownAsEscapes_columnsMeasuredOnWhatIsShown()
    {
        const QByteArray hostile = tableOf(u"Op"_s,
            "{\"Name\": \"\\u001b]0;t\\u0007\\u001b[2J\", \"Status\": \"\\u202eGNINNUR\\u2029\"}");
        // The same table as for the escapes typed out: widths count the escapes' characters.
        QCOMPARE(hostile,
            tableOf(u"Op"_s,
                "{\"Name\": \"\\\\x1b]0;t\\\\x07\\\\x1b[2J\", \"Status\": "
                "\"\\\\u202eGNINNUR\\\\u2029\"}"));
        QVERIFY(!hostile.contains('\x1b'));
        QVERIFY(!hostile.contains('\x07'));
        QVERIFY(!QString::fromUtf8(hostile).contains(QChar(0x202E)));
        QVERIFY(hostile.contains("\\x1b]0;t\\x07\\x1b[2J"));
        // Every line as wide as the first: the borders line up around what is shown.
        const QList<QByteArray> lines = hostile.trimmed().split('\n');
        for (const QByteArray &line : lines)
            QCOMPARE(QString::fromUtf8(line).size(), QString::fromUtf8(lines.first()).size());
    }

    void severalScalars_headerRowAndValueRow_nestedObjectIndented()
    {
        QCOMPARE(tableOf(u"Op"_s, R"({"b": "2", "a": "1", "In": {"x": "y"}})"),
            QByteArray("--------------\n"
                       "|     Op     |\n"
                       "+-----+------+\n"
                       "|  a  |  b   |\n"
                       "+-----+------+\n"
                       "|  1  |  2   |\n"
                       "+-----+------+\n"
                       "||    In    ||\n"
                       "|+----+-----+|\n"
                       "||  x |  y  ||\n"
                       "|+----+-----+|\n"));
    }

    void tooWideForTheTerminal_oneRowSectionsTurnVertical()
    {
        const QByteArray wide = tableOf(u"Op"_s, R"({"a": "1", "b": "2"})", 10);
        QCOMPARE(wide,
            QByteArray("------------\n"
                       "|    Op    |\n"
                       "+----+-----+\n"
                       "|  a |  1  |\n"
                       "|  b |  2  |\n"
                       "+----+-----+\n"));
    }

    void emptyResponse_printsNothing_emptyListPrintsTheTitleOnly()
    {
        QCOMPARE(tableOf(u"Op"_s, QByteArray()), QByteArray());
        QCOMPARE(tableOf(u"ListInferenceSchedulers"_s, R"({"InferenceSchedulerSummaries": []})"),
            QByteArray("-------------------------\n"
                       "|ListInferenceSchedulers|\n"
                       "+-----------------------+\n"));
    }

    void colour_marksRowCellsAndIndentationBars_notTitles()
    {
        const QByteArray bar = "\x1b[2m\x1b[33m|\x1b[0m";
        QCOMPARE(tableOf(u"Op"_s, R"({"In": {"x": "y"}})", 80, true),
            QByteArray("--------------\n"
                       "|     Op     |\n"
                       "+------------+\n"
                + bar + "|    In    |" + bar + "\n" + bar + "+----+-----+" + bar + "\n" + bar
                + "|  \x1b[1m\x1b[34mx\x1b[0m |  \x1b[1m\x1b[34my\x1b[0m  |" + bar + "\n" + bar
                + "+----+-----+" + bar + "\n"));
    }

    void sameBytesAsTheAwsCli_data()
    {
        QTest::addColumn<int>("awsCliMajorVersion");
        QTest::addColumn<int>("width");
        QTest::addColumn<bool>("color");
        for (const int major : e2e::awsCliMajorVersions()) {
            for (const int width : { 80, 20, 50, 120, 200, 400 })
                QTest::addRow("AWS CLI v%d, %d columns", major, width) << major << width << false;
            QTest::addRow("AWS CLI v%d, 80 columns, coloured", major) << major << 80 << true;
            QTest::addRow("AWS CLI v%d, 30 columns, coloured", major) << major << 30 << true;
        }
    }

    void sameBytesAsTheAwsCli()
    {
        QFETCH(int, awsCliMajorVersion);
        QFETCH(int, width);
        QFETCH(bool, color);
        const e2e::AwsCliChoice choice = e2e::awsCli(awsCliMajorVersion, true);
        E2E_REQUIRE_AWS_CLI(choice);
        const QList<clitest::FormatterInput> samples = clitest::formatterSamples(true);
        QString error;
        const QList<QByteArray> expected
            = clitest::awsCliFormat(choice.cli->python, u"table"_s, width, color, samples, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(expected.size(), samples.size());
        for (qsizetype i = 0; i < samples.size(); ++i) {
            const QByteArray ours = tableOf(samples[i].title, samples[i].json, width, color);
            if (ours != expected[i]) {
                qWarning("sample %lld (%s)\n--- input\n%s\n--- the AWS CLI\n%s--- lookout-desk\n%s",
                    qlonglong(i), qPrintable(samples[i].title), samples[i].json.constData(),
                    expected[i].constData(), ours.constData());
            }
            QCOMPARE(ours, expected[i]);
        }
    }
};

QTEST_GUILESS_MAIN(TestTableFormatter)
#include "tst_tableformatter.moc"
