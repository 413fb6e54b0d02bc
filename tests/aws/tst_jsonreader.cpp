#include "aws/jsonreader.h"

#include <QTest>

using namespace Qt::StringLiterals;
using aws::json::JsonNumber;
using aws::json::JsonReader;
using aws::json::JsonType;

namespace {

// Skips one whole value and requires nothing after it: the reader's full validation path.
QString validate(const QByteArray &text)
{
    JsonReader reader(text);
    if (reader.skipValue() && reader.finish())
        return QString();
    return reader.errorMessage();
}

QByteArray nested(int depth)
{
    return QByteArray(depth, '[') + QByteArray(depth, ']');
}

} // namespace

class TestJsonReader : public QObject {
    Q_OBJECT

private slots:
    void validDocuments_areAccepted_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::newRow("object") << QByteArray(
            "{\"a\":1,\"b\":[true,false,null],\"c\":{\"d\":\"e\"}}");
        QTest::newRow("whitespace") << QByteArray(" \t\r\n{ \"a\" : [ 1 , 2 ] } \n");
        QTest::newRow("empty containers") << QByteArray("{\"a\":{},\"b\":[]}");
        QTest::newRow("numbers") << QByteArray(
            "[0,-0,1.5,-2.25e10,3E-2,4e+1,12345678901234567890]");
        QTest::newRow("escapes") << QByteArray(
            "[\"\\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9\\ud83d\\ude00\"]");
        QTest::newRow("utf8") << QByteArray("[\"Pr\xc3\xbc"
                                            "fstand \xe6\x97\xa5 \xf0\x9f\x98\x80\"]");
        QTest::newRow("scalar at top") << QByteArray("\"text\"");
    }

    void validDocuments_areAccepted()
    {
        QFETCH(QByteArray, text);
        QCOMPARE(validate(text), QString());
    }

    void invalidDocuments_nameProblemAndOffset_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("message");
        QTest::newRow("empty") << QByteArray("") << u"unexpected end of input at offset 0"_s;
        QTest::newRow("unterminated string")
            << QByteArray("{\"a\":\"bc") << u"unterminated string at offset 5"_s;
        QTest::newRow("unterminated object")
            << QByteArray("{\"a\":1") << u"unexpected end of input at offset 6"_s;
        QTest::newRow("trailing comma in object")
            << QByteArray("{\"a\":1,}") << u"expected a member name in quotes at offset 7"_s;
        QTest::newRow("trailing comma in array")
            << QByteArray("[1,]") << u"unexpected character ']' at offset 3"_s;
        QTest::newRow("missing comma")
            << QByteArray("[1 2]") << u"expected ',' or ']' at offset 3"_s;
        QTest::newRow("missing colon")
            << QByteArray("{\"a\" 1}") << u"expected ':' after a member name at offset 5"_s;
        QTest::newRow("unquoted key")
            << QByteArray("{a:1}") << u"expected a member name in quotes at offset 1"_s;
        QTest::newRow("single quotes")
            << QByteArray("['a']") << u"unexpected character ''' at offset 1"_s;
        QTest::newRow("leading zero") << QByteArray("[01]") << u"expected ',' or ']' at offset 2"_s;
        QTest::newRow("bare minus") << QByteArray("[-]") << u"invalid number at offset 1"_s;
        QTest::newRow("dot without digits")
            << QByteArray("[1.]") << u"invalid number at offset 1"_s;
        QTest::newRow("exponent without digits")
            << QByteArray("[1e+]") << u"invalid number at offset 1"_s;
        QTest::newRow("NaN") << QByteArray("[NaN]") << u"unexpected character 'N' at offset 1"_s;
        QTest::newRow("Infinity") << QByteArray("[-Infinity]") << u"invalid number at offset 1"_s;
        QTest::newRow("bad literal") << QByteArray("[nul]") << u"invalid literal at offset 1"_s;
        QTest::newRow("raw newline in string")
            << QByteArray("[\"a\nb\"]") << u"control character in string at offset 3"_s;
        QTest::newRow("bad escape")
            << QByteArray("[\"\\x\"]") << u"invalid escape sequence at offset 2"_s;
        QTest::newRow("short unicode escape")
            << QByteArray("[\"\\u12\"]") << u"invalid \\u escape at offset 2"_s;
        QTest::newRow("lone high surrogate")
            << QByteArray("[\"\\ud800x\"]") << u"unpaired surrogate in \\u escape at offset 2"_s;
        QTest::newRow("lone low surrogate")
            << QByteArray("[\"\\udc00\"]") << u"unpaired surrogate in \\u escape at offset 2"_s;
        QTest::newRow("overlong utf8")
            << QByteArray("[\"\xc0\xaf\"]") << u"invalid UTF-8 at offset 2"_s;
        QTest::newRow("utf8 surrogate")
            << QByteArray("[\"\xed\xa0\x80\"]") << u"invalid UTF-8 at offset 2"_s;
        QTest::newRow("truncated utf8")
            << QByteArray("[\"\xe6\x97\"]") << u"invalid UTF-8 at offset 2"_s;
        QTest::newRow("above U+10FFFF")
            << QByteArray("[\"\xf4\x90\x80\x80\"]") << u"invalid UTF-8 at offset 2"_s;
        QTest::newRow("binary byte")
            << QByteArray("\x01", 1) << u"unexpected byte 0x01 at offset 0"_s;
        QTest::newRow("data after value")
            << QByteArray("{} {}") << u"unexpected data after the JSON value at offset 3"_s;
        QTest::newRow("nul after value")
            << QByteArray("{}\0", 3) << u"unexpected data after the JSON value at offset 2"_s;
    }

    void invalidDocuments_nameProblemAndOffset()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, message);
        QCOMPARE(validate(text), message);
    }

    void nesting_atTheLimit_isAccepted()
    {
        QCOMPARE(validate(nested(JsonReader::kMaxDepth)), QString());
    }

    void nesting_tenThousandDeep_isAnErrorNotACrash()
    {
        QCOMPARE(validate(nested(10'000)), u"nesting deeper than 1024 levels at offset 1024"_s);
        const QByteArray objects
            = QByteArray("{\"a\":").repeated(10'000) + "1" + QByteArray(10'000, '}');
        QCOMPARE(validate(objects), u"nesting deeper than 1024 levels at offset 5120"_s);
    }

    void strings_decodeEscapesAndUtf8()
    {
        JsonReader reader("[\"plain\",\"caf\\u00e9 \\ud83d\\ude00 \\\"q\\\" \\\\ \\/\",\"Pr\xc3\xbc"
                          "f\",\"\\u0000\"]");
        QVERIFY(reader.beginArray());
        QString value;
        QVERIFY(reader.nextElement());
        QVERIFY(reader.readString(value));
        QCOMPARE(value, u"plain"_s);
        QVERIFY(reader.nextElement());
        QVERIFY(reader.readString(value));
        QCOMPARE(value, QString::fromUtf8("caf\xc3\xa9 \xf0\x9f\x98\x80 \"q\" \\ /"));
        QVERIFY(reader.nextElement());
        QVERIFY(reader.readString(value));
        QCOMPARE(value,
            QString::fromUtf8("Pr\xc3\xbc"
                              "f"));
        QVERIFY(reader.nextElement());
        QVERIFY(reader.readString(value));
        QCOMPARE(value, QString(QChar(0)));
        QVERIFY(!reader.nextElement());
        QVERIFY(reader.finish());
    }

    void memberKeys_withEscapes_areDecoded()
    {
        JsonReader reader("{\"\\u0042ucket\":1,\"Plain\":2}");
        QVERIFY(reader.beginObject());
        QByteArrayView key;
        QVERIFY(reader.nextMember(key));
        QCOMPARE(key, QByteArrayView("Bucket"));
        QVERIFY(reader.skipValue());
        QVERIFY(reader.nextMember(key));
        QCOMPARE(key, QByteArrayView("Plain"));
        QVERIFY(reader.skipValue());
        QVERIFY(!reader.nextMember(key));
        QVERIFY(!reader.failed());
    }

    void numbers_keepTheirTextAndKind()
    {
        JsonReader reader("[42,-1.5e3]");
        QVERIFY(reader.beginArray());
        JsonNumber number;
        QVERIFY(reader.nextElement());
        QCOMPARE(reader.peekType(), JsonType::Number);
        QVERIFY(reader.readNumber(number));
        QCOMPARE(number.text, QByteArrayView("42"));
        QVERIFY(number.integral);
        QVERIFY(reader.nextElement());
        QVERIFY(reader.readNumber(number));
        QCOMPARE(number.text, QByteArrayView("-1.5e3"));
        QVERIFY(!number.integral);
    }

    void peekType_namesEveryKind()
    {
        const std::pair<QByteArray, JsonType> cases[] = {
            { "null", JsonType::Null },
            { "true", JsonType::Boolean },
            { "false", JsonType::Boolean },
            { "-1", JsonType::Number },
            { "\"s\"", JsonType::String },
            { "[]", JsonType::Array },
            { "{}", JsonType::Object },
        };
        for (const auto &[text, type] : cases) {
            JsonReader reader(text);
            QCOMPARE(reader.peekType(), type);
        }
        QCOMPARE(aws::json::jsonTypeName(JsonType::Object), QLatin1StringView("object"));
        QCOMPARE(aws::json::jsonTypeName(JsonType::Boolean), QLatin1StringView("boolean"));
    }

    void firstError_isKept()
    {
        JsonReader reader("[1 2]");
        QVERIFY(!reader.skipValue());
        QVERIFY(!reader.finish());
        QVERIFY(!reader.peekType());
        QCOMPARE(reader.errorMessage(), u"expected ',' or ']' at offset 3"_s);
    }
};

QTEST_GUILESS_MAIN(TestJsonReader)
#include "tst_jsonreader.moc"
