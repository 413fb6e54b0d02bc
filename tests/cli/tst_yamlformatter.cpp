// `--output yaml` and `yaml-stream` against AWS CLI v2's own YAMLFormatter and
// StreamedYAMLFormatter (ruamel.yaml over libyaml, run in the CLI's own Python: Debian's v2) on
// every response the text and table tests use and on strings chosen for YAML's quoting, folding
// and escaping rules, byte for byte; and those rules checked without python.
#include "awscliformatter.h"
#include "cli/outputtree.h"
#include "cli/yamlformatter.h"
#include "formattersamples.h"
#include "headlessrun.h"
#include "yamlsamples.h"

#include <QtTest>

using namespace Qt::StringLiterals;

namespace {

cli::OutputValue valueOf(const QByteArray &json)
{
    const aws::Result<cli::OutputValue> value = cli::readOutputValue(json);
    if (!value.ok())
        qFatal("unreadable sample: %s", qPrintable(value.error().message));
    return value.value();
}

QByteArray yamlOf(const QByteArray &json)
{
    return cli::formatYaml(valueOf(json));
}

QByteArray longWords(int count, const char *word)
{
    QByteArray text;
    for (int i = 0; i < count; ++i)
        text += (i ? " " : "") + QByteArray(word) + QByteArray::number(i);
    return text;
}

} // namespace

class TestYamlFormatter : public QObject {
    Q_OBJECT
private slots:
    void keysSorted_sequencesInMappingsNotIndented()
    {
        QCOMPARE(yamlOf(R"({"b": [{"y": 1, "x": "s"}], "a": {"c": []}})"),
            QByteArray("a:\n  c: []\nb:\n- x: s\n  y: 1\n"));
    }

    void stringsThatReadAsOtherTypes_singleQuoted_yaml12Words_plain()
    {
        QCOMPARE(yamlOf(R"({"a": "12", "b": "null", "c": "", "d": "yes", "e": "2024-03-04"})"),
            QByteArray("a: '12'\nb: 'null'\nc: ''\nd: yes\ne: '2024-03-04'\n"));
    }

    void controlCharacters_doubleQuotedEscapes()
    {
        QCOMPARE(yamlOf("{\"a\": \"\\u001b[2J\\t\\u0085\\u007f\", \"b\": \"x\\\"y\"}"),
            QByteArray("a: \"\\e[2J\\t\\N\\x7F\"\nb: x\"y\n"));
    }

    void multiLine_singleQuotedWithBlankLines()
    {
        QCOMPARE(yamlOf(R"({"a": "one\ntwo"})"), QByteArray("a: 'one\n\n  two'\n"));
    }

    void longPlainValue_foldedAfterColumn80()
    {
        const QByteArray out = yamlOf("{\"a\": \"" + longWords(30, "word") + "\"}");
        const QList<QByteArray> lines = out.split('\n');
        QVERIFY(lines.size() > 2);
        QVERIFY(lines.at(1).startsWith("  word"));
    }

    void stream_isAListOfTheResponse_emptyPrintsNothing()
    {
        QCOMPARE(cli::formatYamlStream(valueOf(R"({"a": 1})")), QByteArray("- a: 1\n"));
        QCOMPARE(cli::formatYamlStream(valueOf("")), QByteArray());
        QCOMPARE(yamlOf(""), QByteArray());
    }

    void sameBytesAsTheAwsCli_data()
    {
        QTest::addColumn<QString>("output");
        QTest::newRow("yaml") << u"yaml"_s;
        QTest::newRow("yaml-stream") << u"yaml-stream"_s;
    }

    void sameBytesAsTheAwsCli()
    {
        QFETCH(QString, output);
        const e2e::AwsCliChoice choice = e2e::awsCli(2, true);
        E2E_REQUIRE_AWS_CLI(choice);
        const QList<clitest::FormatterInput> samples
            = clitest::formatterSamples(false) + clitest::yamlSamples();
        QString error;
        const QList<QByteArray> expected
            = clitest::awsCliFormat(choice.cli->python, output, 80, false, samples, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(expected.size(), samples.size());
        int mismatches = 0;
        for (qsizetype i = 0; i < samples.size(); ++i) {
            const cli::OutputValue value = valueOf(samples[i].json);
            const QByteArray ours
                = output == u"yaml"_s ? cli::formatYaml(value) : cli::formatYamlStream(value);
            if (ours != expected[i]) {
                ++mismatches;
                qWarning("sample %lld (%s)\n--- input\n%s\n--- the AWS CLI\n%s--- lookout-desk\n%s",
                    qlonglong(i), qPrintable(samples[i].title), samples[i].json.constData(),
                    expected[i].constData(), ours.constData());
            }
        }
        QCOMPARE(mismatches, 0);
    }
};

QTEST_GUILESS_MAIN(TestYamlFormatter)
#include "tst_yamlformatter.moc"
