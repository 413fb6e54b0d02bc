// InputReader: how the emulator reads a request's members as the service's front end does. A
// member of the wrong JSON type is a SerializationException naming the first one; constraint
// violations are gathered into one ValidationException in the service's words; null is absent.
#include "emulator/inputreader.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using emulator::InputReader;
using Presence = emulator::InputReader::Presence;

namespace {

QJsonObject body(const QByteArray &json)
{
    return QJsonDocument::fromJson(json).object();
}

QLatin1StringView operator""_m(const char *text, size_t size)
{
    return QLatin1StringView(text, qsizetype(size));
}

} // namespace

class TestInputReader : public QObject {
    Q_OBJECT

private slots:
    void identifier_valid_isReturned()
    {
        InputReader reader(body(R"({"InferenceSchedulerName":"pump_1-A"})"));
        QCOMPARE(reader.identifier("InferenceSchedulerName"_m, Presence::Required),
            std::optional<QString>(u"pump_1-A"_s));
        QVERIFY(!reader.error());
    }

    void identifier_requiredAbsentOrNull_isAViolation_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::newRow("absent") << QByteArray("{}");
        QTest::newRow("null") << QByteArray(R"({"InferenceSchedulerName":null})");
    }

    void identifier_requiredAbsentOrNull_isAViolation()
    {
        QFETCH(QByteArray, json);
        InputReader reader(body(json));
        QCOMPARE(reader.identifier("InferenceSchedulerName"_m, Presence::Required), std::nullopt);
        const auto error = reader.error();
        QVERIFY(error);
        QCOMPARE(error->code, QByteArray("ValidationException"));
        QCOMPARE(error->message,
            u"1 validation error detected: Value null at 'inferenceSchedulerName' failed to "
            u"satisfy constraint: Member must not be null"_s);
    }

    void identifier_optionalAbsent_isNoError()
    {
        InputReader reader(body("{}"));
        QCOMPARE(reader.identifier("ModelName"_m, Presence::Optional), std::nullopt);
        QVERIFY(!reader.error());
    }

    void identifier_badPatternAndLength_listsEveryViolation()
    {
        const QString tooLong(201, u'a');
        InputReader reader(body(
            R"({"InferenceSchedulerName":"a b","ModelName":")" + tooLong.toLatin1() + R"("})"));
        QCOMPARE(reader.identifier("InferenceSchedulerName"_m, Presence::Required), std::nullopt);
        QCOMPARE(reader.identifier("ModelName"_m, Presence::Optional), std::nullopt);
        const auto error = reader.error();
        QVERIFY(error);
        const QString pattern
            = u"Member must satisfy regular expression pattern: ^[0-9a-zA-Z_-]{1,200}$"_s;
        QCOMPARE(error->message,
            u"3 validation errors detected: Value 'a b' at 'inferenceSchedulerName' failed to "
            u"satisfy constraint: "_s
                + pattern + u"; Value '"_s + tooLong + u"' at 'modelName' failed to satisfy "
                + u"constraint: "_s + pattern + u"; Value '"_s + tooLong
                + u"' at 'modelName' failed to satisfy constraint: Member must have length less "
                  u"than or equal to 200"_s);
    }

    void identifier_empty_violatesPatternAndMinimumLength()
    {
        InputReader reader(body(R"({"InferenceSchedulerName":""})"));
        QCOMPARE(reader.identifier("InferenceSchedulerName"_m, Presence::Required), std::nullopt);
        const QString message = reader.error()->message;
        QVERIFY2(message.startsWith(u"2 validation errors detected: "_s), qPrintable(message));
        QVERIFY2(message.endsWith(u"Member must have length greater than or equal to 1"_s),
            qPrintable(message));
    }

    void isIdentifier_edges()
    {
        QVERIFY(InputReader::isIdentifier(QString(200, u'Z')));
        QVERIFY(!InputReader::isIdentifier(QString(201, u'Z')));
        QVERIFY(!InputReader::isIdentifier(u""_s));
        QVERIFY(InputReader::isIdentifier(u"0-9_az"_s));
        QVERIFY(!InputReader::isIdentifier(u"caf\u00e9"_s));
        QVERIFY(!InputReader::isIdentifier(u"a.b"_s));
        QVERIFY(!InputReader::isIdentifier(u"a/b"_s));
    }

    void wrongType_isASerializationErrorNamingTheFirstMember()
    {
        InputReader reader(
            body(R"({"InferenceSchedulerName":7,"ModelName":true,"MaxResults":"ten"})"));
        QCOMPARE(reader.identifier("InferenceSchedulerName"_m, Presence::Required), std::nullopt);
        QCOMPARE(reader.identifier("ModelName"_m, Presence::Optional), std::nullopt);
        QCOMPARE(reader.maxResults("MaxResults"_m), std::nullopt);
        const auto error = reader.error();
        QVERIFY(error);
        QCOMPARE(error->code, QByteArray("SerializationException"));
        QCOMPARE(error->message, u"InferenceSchedulerName: expected string, got number"_s);
    }

    void serializationError_winsOverViolations()
    {
        InputReader reader(body(R"({"InferenceSchedulerName":"a b","NextToken":[]})"));
        reader.identifier("InferenceSchedulerName"_m, Presence::Required);
        reader.nextToken("NextToken"_m);
        QCOMPARE(reader.error()->code, QByteArray("SerializationException"));
        QCOMPARE(reader.error()->message, u"NextToken: expected string, got array"_s);
    }

    void maxResults_data()
    {
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<int>("expected"); // -1: refused
        QTest::addColumn<QString>("message");
        QTest::newRow("1") << QByteArray("1") << 1 << QString();
        QTest::newRow("500") << QByteArray("500") << 500 << QString();
        QTest::newRow("0") << QByteArray("0") << -1
                           << u"1 validation error detected: Value '0' at 'maxResults' failed to "
                              u"satisfy constraint: Member must have value greater than or equal "
                              u"to 1"_s;
        QTest::newRow("501") << QByteArray("501") << -1
                             << u"1 validation error detected: Value '501' at 'maxResults' failed "
                                u"to satisfy constraint: Member must have value less than or "
                                u"equal to 500"_s;
        QTest::newRow("huge") << QByteArray("1e300") << -1
                              << u"1 validation error detected: Value '"_s
                + QString::number(1e300, 'f', 0)
                + u"' at 'maxResults' failed to satisfy constraint: Member must have value less "
                  u"than or equal to 500"_s;
        QTest::newRow("fraction") << QByteArray("2.5") << -1
                                  << u"MaxResults: expected integer, got 2.5"_s;
        QTest::newRow("string") << QByteArray("\"5\"") << -1
                                << u"MaxResults: expected integer, got string"_s;
    }

    void maxResults()
    {
        QFETCH(QByteArray, value);
        QFETCH(int, expected);
        QFETCH(QString, message);
        InputReader reader(body("{\"MaxResults\":" + value + '}'));
        const std::optional<int> read = reader.maxResults("MaxResults"_m);
        QCOMPARE(read, expected < 0 ? std::nullopt : std::optional<int>(expected));
        QCOMPARE(reader.error() ? reader.error()->message : QString(), message);
    }

    void nextToken_limits()
    {
        InputReader ok(body("{\"NextToken\":\"" + QByteArray(8192, 't') + "\"}"));
        QCOMPARE(ok.nextToken("NextToken"_m)->size(), 8192);
        QVERIFY(!ok.error());

        InputReader tooLong(body("{\"NextToken\":\"" + QByteArray(8193, 't') + "\"}"));
        QCOMPARE(tooLong.nextToken("NextToken"_m), std::nullopt);
        QVERIFY(tooLong.error()->message.endsWith(
            u"Member must have length less than or equal to 8192"_s));

        InputReader nonAscii(body(R"({"NextToken":"caf\u00e9"})"));
        QCOMPARE(nonAscii.nextToken("NextToken"_m), std::nullopt);
        QCOMPARE(nonAscii.error()->message,
            u"1 validation error detected: Value 'caf\u00e9' at 'nextToken' failed to satisfy "
            u"constraint: Member must satisfy regular expression pattern: \\p{ASCII}{0,8192}"_s);

        InputReader absent(body(R"({"NextToken":null})"));
        QCOMPARE(absent.nextToken("NextToken"_m), std::nullopt);
        QVERIFY(!absent.error());
    }

    void enumValue_outsideTheSet_namesTheSet()
    {
        InputReader reader(body(R"({"Status":"RUNNING","Other":"sleeping"})"));
        QCOMPARE(reader.enumValue("Status"_m, { "PENDING"_m, "RUNNING"_m }),
            std::optional<QString>(u"RUNNING"_s));
        QCOMPARE(reader.enumValue("Other"_m, { "PENDING"_m, "RUNNING"_m }), std::nullopt);
        QCOMPARE(reader.error()->message,
            u"1 validation error detected: Value 'sleeping' at 'other' failed to satisfy "
            u"constraint: Member must satisfy enum value set: [PENDING, RUNNING]"_s);
        // Enum values are case-sensitive, as the service compares them.
        InputReader lower(body(R"({"Status":"running"})"));
        QCOMPARE(lower.enumValue("Status"_m, { "RUNNING"_m }), std::nullopt);
        QVERIFY(lower.error());
    }

    void timestamp_epochSecondsToMicroseconds()
    {
        InputReader reader(body(R"({"A":1709578342.308482,"B":-1.5,"C":null})"));
        QCOMPARE(reader.timestamp("A"_m), std::optional<qint64>(1709578342308482));
        QCOMPARE(reader.timestamp("B"_m), std::optional<qint64>(-1500000));
        QCOMPARE(reader.timestamp("C"_m), std::nullopt);
        QCOMPARE(reader.timestamp("D"_m), std::nullopt);
        QVERIFY(!reader.error());
    }

    void timestamp_outOfRangeOrText_isRefused()
    {
        InputReader far(body(R"({"DataStartTimeAfter":1e12})"));
        QCOMPARE(far.timestamp("DataStartTimeAfter"_m), std::nullopt);
        QCOMPARE(far.error()->message,
            u"1 validation error detected: Value '1e+12' at 'dataStartTimeAfter' failed to "
            u"satisfy constraint: Member must be within 100000000000 seconds of the epoch"_s);
        InputReader edge(body(R"({"T":1e11})"));
        QCOMPARE(edge.timestamp("T"_m), std::optional<qint64>(qint64(1e17)));

        InputReader text(body(R"({"T":"2024-03-04T18:52:22Z"})"));
        QCOMPARE(text.timestamp("T"_m), std::nullopt);
        QCOMPARE(text.error()->message, u"T: expected epoch seconds (number), got string"_s);
    }

    void emptyBody_andUnknownMembers_areNoError()
    {
        InputReader reader(body(R"({"Unknown":[1,2,{"x":null}]})"));
        QCOMPARE(reader.identifier("ModelName"_m, Presence::Optional), std::nullopt);
        QCOMPARE(reader.nextToken("NextToken"_m), std::nullopt);
        QCOMPARE(reader.maxResults("MaxResults"_m), std::nullopt);
        QVERIFY(!reader.error());
    }
};

QTEST_GUILESS_MAIN(TestInputReader)
#include "tst_inputreader.moc"
