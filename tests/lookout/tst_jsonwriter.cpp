#include "lookout/jsonwriter.h"

#include <QTest>

#include <limits>

using lookout::json::JsonWriter;

namespace {

// {"a": "x", "b": [1, {}, []], "c": {"d": -5}, "e": []} in the given layout.
QByteArray sampleDocument(JsonWriter::Layout layout)
{
    JsonWriter writer(layout);
    writer.beginObject();
    writer.key("a");
    writer.string(QStringLiteral("x"));
    writer.key("b");
    writer.beginArray();
    writer.integer(1);
    writer.beginObject();
    writer.endObject();
    writer.beginArray();
    writer.endArray();
    writer.endArray();
    writer.key("c");
    writer.beginObject();
    writer.key("d");
    writer.integer(-5);
    writer.endObject();
    writer.key("e");
    writer.beginArray();
    writer.endArray();
    writer.endObject();
    return writer.take();
}

QByteArray pythonString(const QString &value)
{
    JsonWriter writer(JsonWriter::Layout::Python);
    writer.string(value);
    return writer.take();
}

} // namespace

class TestJsonWriter : public QObject {
    Q_OBJECT

private slots:
    void compactLayout_hasNoWhitespace()
    {
        QCOMPARE(sampleDocument(JsonWriter::Layout::Compact),
            QByteArray("{\"a\":\"x\",\"b\":[1,{},[]],\"c\":{\"d\":-5},\"e\":[]}"));
    }

    // Python: json.dumps(value, indent=4, ensure_ascii=False)
    void pythonLayout_matchesJsonDumpsIndent4()
    {
        QCOMPARE(sampleDocument(JsonWriter::Layout::Python),
            QByteArray("{\n"
                       "    \"a\": \"x\",\n"
                       "    \"b\": [\n"
                       "        1,\n"
                       "        {},\n"
                       "        []\n"
                       "    ],\n"
                       "    \"c\": {\n"
                       "        \"d\": -5\n"
                       "    },\n"
                       "    \"e\": []\n"
                       "}"));
    }

    // Python: json.dumps(s, ensure_ascii=False) for each of these.
    void strings_escapeLikePython_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<QByteArray>("json");
        QTest::newRow("plain") << QStringLiteral("s3://bucket/prefix/")
                               << QByteArray("\"s3://bucket/prefix/\"");
        QTest::newRow("quote and backslash")
            << QStringLiteral("a\"b\\c") << QByteArray("\"a\\\"b\\\\c\"");
        QTest::newRow("short escapes")
            << QStringLiteral("\n\r\t\b\f") << QByteArray("\"\\n\\r\\t\\b\\f\"");
        QTest::newRow("other controls")
            << QString::fromLatin1("\x01\x1f", 2) << QByteArray("\"\\u0001\\u001f\"");
        QTest::newRow("nul") << QString(QChar(0)) << QByteArray("\"\\u0000\"");
        QTest::newRow("slash and DEL kept")
            << QString::fromLatin1("/\x7f") << QByteArray("\"/\x7f\"");
        QTest::newRow("non-ASCII kept") << QString::fromUtf8("Pr\xc3\xbc"
                                                             "fstand \xe6\x97\xa5 \xf0\x9f\x98\x80")
                                        << QByteArray("\"Pr\xc3\xbc"
                                                      "fstand \xe6\x97\xa5 \xf0\x9f\x98\x80\"");
        QTest::newRow("line separator kept")
            << QString(QChar(0x2028)) << QByteArray("\"\xe2\x80\xa8\"");
    }

    void strings_escapeLikePython()
    {
        QFETCH(QString, value);
        QFETCH(QByteArray, json);
        QCOMPARE(pythonString(value), json);
    }

    void rawNumbersAndUtf8Strings_areWrittenAsGiven()
    {
        JsonWriter writer(JsonWriter::Layout::Compact);
        writer.beginArray();
        writer.rawNumber("1709578342.308482");
        writer.utf8String("2024-03-04T18:52:22+00:00");
        writer.integer(std::numeric_limits<qint64>::min());
        writer.endArray();
        QCOMPARE(writer.take(),
            QByteArray("[1709578342.308482,\"2024-03-04T18:52:22+00:00\",-9223372036854775808]"));
        QCOMPARE(writer.take(), QByteArray());
    }
};

QTEST_GUILESS_MAIN(TestJsonWriter)
#include "tst_jsonwriter.moc"
