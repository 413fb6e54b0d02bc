// Reading printed JSON back into the value the CLI's formatters see, and Python's str() and
// repr() of its parts, against python3 itself for the tricky strings.
#include "cli/outputtree.h"

#include <QProcess>
#include <QtTest>

using namespace Qt::StringLiterals;
using cli::OutputValue;

class TestOutputTree : public QObject {
    Q_OBJECT
private slots:
    void object_keepsMemberOrder_andNumberText()
    {
        const auto value
            = cli::readOutputValue(R"({"b": 1, "a": [1.50, -2e3, "x"], "c": {"d": null}})");
        QVERIFY(value.ok());
        const OutputValue &root = value.value();
        QCOMPARE(root.kind, OutputValue::Kind::Object);
        QCOMPARE(root.members.size(), 3);
        QCOMPARE(root.members[0].first, u"b"_s);
        QCOMPARE(root.members[1].first, u"a"_s);
        QCOMPARE(root.member(u"a"_s)->items[0].text, u"1.50"_s);
        QCOMPARE(root.member(u"a"_s)->items[1].text, u"-2e3"_s);
        QCOMPARE(root.member(u"c"_s)->member(u"d"_s)->kind, OutputValue::Kind::Null);
        QCOMPARE(root.member(u"zz"_s), nullptr);
    }

    void emptyText_isAnEmptyObject()
    {
        const auto value = cli::readOutputValue(QByteArray("\n"));
        QVERIFY(value.ok());
        QCOMPARE(value.value().kind, OutputValue::Kind::Object);
        QVERIFY(!value.value().isTruthy());
    }

    void brokenJson_isAnErrorWithTheOffset()
    {
        const auto value = cli::readOutputValue(QByteArray(R"({"a": [1, )"));
        QVERIFY(!value.ok());
        QCOMPARE(value.error().kind, aws::AwsError::Kind::BadResponse);
        QVERIFY2(value.error().message.contains(u"offset"_s), qPrintable(value.error().message));
        QVERIFY(!cli::readOutputValue(QByteArray(R"({"a": 1} x)")).ok());
    }

    void truthiness_asPython()
    {
        for (const char *falsy : { "null", "false", "0", "0.0", "\"\"", "[]", "{}" })
            QVERIFY2(!cli::readOutputValue(QByteArray(falsy)).value().isTruthy(), falsy);
        for (const char *truthy : { "true", "1", "-0.5", "\"a\"", "[0]", "{\"a\": null}" })
            QVERIFY2(cli::readOutputValue(QByteArray(truthy)).value().isTruthy(), truthy);
    }

    void str_ofScalars()
    {
        QCOMPARE(cli::readOutputValue("[true, false, null, 3, \"s\"]").value().items[0].pythonStr(),
            u"True"_s);
        QCOMPARE(cli::readOutputValue("[true, false, null, 3, \"s\"]").value().items[1].pythonStr(),
            u"False"_s);
        QCOMPARE(cli::readOutputValue("[true, false, null, 3, \"s\"]").value().items[2].pythonStr(),
            u"None"_s);
        QCOMPARE(cli::readOutputValue("[true, false, null, 3, \"s\"]").value().items[4].pythonStr(),
            u"s"_s);
    }

    void repr_ofContainers_equalsPythons()
    {
        const QByteArray json
            = "{\"plain\": \"abc\", \"single'\": \"it's\", \"both\": \"it's \\\"q\\\"\", "
              "\"ctl\": \"a\\tb\\nc\\rd\\u0001\\u007f\\u0085\\u00a0\\u2028\\u200b\", "
              "\"back\\\\slash\": \"\\\\\", \"uni\": \"caf\\u00e9 \\u65e5 \\ud83d\\ude00 "
              "\\ue000\", "
              "\"n\": [1, 2.5, true, null, [], {}]}";
        const auto value = cli::readOutputValue(json);
        QVERIFY(value.ok());
        QProcess python;
        python.start(u"python3"_s,
            { u"-c"_s,
                u"import json, sys\n"
                "sys.stdout.buffer.write(str(json.loads(sys.stdin.buffer.read())).encode('utf-8'))"_s });
        if (!python.waitForStarted(10'000))
            QSKIP("no python3 to compare with");
        python.write(json);
        python.closeWriteChannel();
        QVERIFY(python.waitForFinished(60'000));
        QCOMPARE(python.exitCode(), 0);
        QCOMPARE(value.value().pythonStr(), QString::fromUtf8(python.readAllStandardOutput()));
    }
};

QTEST_GUILESS_MAIN(TestOutputTree)
#include "tst_outputtree.moc"
