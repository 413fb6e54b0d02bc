// `--output text` against the AWS CLI's own text formatter (awscli/text.py, run in the CLI's own
// Python: Debian's v2 and a v1 on PATH) on the same responses, byte for byte; and the rules it
// follows, checked without python.
#include "awscliformatter.h"
#include "cli/outputtree.h"
#include "cli/textformatter.h"
#include "formattersamples.h"
#include "headlessrun.h"

#include <QtTest>

using namespace Qt::StringLiterals;

namespace {

QByteArray textOf(const QByteArray &json)
{
    const aws::Result<cli::OutputValue> value = cli::readOutputValue(json);
    if (!value.ok())
        qFatal("unreadable sample: %s", qPrintable(value.error().message));
    return cli::formatText(value.value());
}

} // namespace

class TestTextFormatter : public QObject {
    Q_OBJECT
private slots:
    void object_scalarsSortedByKey_thenNestedOnesNamedUpperCase()
    {
        QCOMPARE(textOf(R"({"b": "2", "a": "1", "Inner": {"z": "3", "y": "4"}, "c": 5})"),
            QByteArray("1\t2\t5\nINNER\t4\t3\n"));
    }

    void listOfObjects_oneLinePerElement_unionOfScalarKeys_emptyWhereMissing()
    {
        QCOMPARE(textOf(R"({"Items": [{"a": "1"}, {"b": "2"}]})"),
            QByteArray("ITEMS\t1\t\nITEMS\t\t2\n"));
    }

    void scalarList_underAKey_oneLineEach_bareList_tabSeparated()
    {
        QCOMPARE(textOf(R"({"Names": ["x", "y"]})"), QByteArray("NAMES\tx\nNAMES\ty\n"));
        QCOMPARE(textOf(R"(["x", "y"])"), QByteArray("x\ty\n"));
    }

    void emptyResponse_andEmptyList_printNothing()
    {
        QCOMPARE(textOf(QByteArray()), QByteArray());
        QCOMPARE(textOf(R"({"InferenceSchedulerSummaries": []})"), QByteArray());
    }

    void controlCharacters_printedAsVisibleEscapes()
    {
        // A terminal title, a screen clear, a C1 CSI, a bidi override: none reaches stdout raw,
        // and a tab or line feed in a value cannot fake a column or a line.
        QCOMPARE(textOf("{\"a\": \"\\u001b]0;t\\u0007\\u001b[2J\", \"b\": \"x\\ty\\nz\", "
                        "\"c\": \"\\u009b1m\\u202eevil\\u2028\"}"),
            QByteArray("\\x1b]0;t\\x07\\x1b[2J\tx\\ty\\nz\t\\x9b1m\\u202eevil\\u2028\n"));
    }

    void pythonStrings_forNonStringScalars()
    {
        QCOMPARE(textOf(R"({"a": true, "b": false, "c": null, "d": 1.5})"),
            QByteArray("True\tFalse\tNone\t1.5\n"));
    }

    void sameBytesAsTheAwsCli_data()
    {
        QTest::addColumn<int>("awsCliMajorVersion");
        for (const int major : e2e::awsCliMajorVersions())
            QTest::addRow("AWS CLI v%d", major) << major;
    }

    void sameBytesAsTheAwsCli()
    {
        QFETCH(int, awsCliMajorVersion);
        const e2e::AwsCliChoice choice = e2e::awsCli(awsCliMajorVersion, true);
        E2E_REQUIRE_AWS_CLI(choice);
        const QList<clitest::FormatterInput> samples = clitest::formatterSamples(false);
        QString error;
        const QList<QByteArray> expected
            = clitest::awsCliFormat(choice.cli->python, u"text"_s, 80, false, samples, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(expected.size(), samples.size());
        for (qsizetype i = 0; i < samples.size(); ++i) {
            const QByteArray ours = textOf(samples[i].json);
            if (ours != expected[i]) {
                qWarning("sample %lld (%s)\n--- input\n%s\n--- the AWS CLI\n%s--- lookout-desk\n%s",
                    qlonglong(i), qPrintable(samples[i].title), samples[i].json.constData(),
                    expected[i].constData(), ours.constData());
            }
            QCOMPARE(ours, expected[i]);
        }
    }
};

QTEST_GUILESS_MAIN(TestTextFormatter)
#include "tst_textformatter.moc"
