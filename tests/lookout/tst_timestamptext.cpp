#include "lookout/timestamptext.h"

#include <QTest>
#include <QTimeZone>

using lookout::Timestamp;
using namespace lookout::json;

namespace {
QTimeZone zone(const char *ianaId)
{
    return QTimeZone(QByteArray(ianaId));
}
} // namespace

class TestTimestampText : public QObject {
    Q_OBJECT

private slots:
    void epochSecondsText_hasNoTrailingZeros_data()
    {
        QTest::addColumn<qint64>("micros");
        QTest::addColumn<QByteArray>("text");
        QTest::newRow("microseconds")
            << Q_INT64_C(1'709'578'342'308'482) << QByteArray("1709578342.308482");
        QTest::newRow("tenths") << Q_INT64_C(1'712'345'678'900'000) << QByteArray("1712345678.9");
        QTest::newRow("leading zeros kept")
            << Q_INT64_C(1'709'578'342'000'010) << QByteArray("1709578342.00001");
        QTest::newRow("integral") << Q_INT64_C(1'709'578'342'000'000) << QByteArray("1709578342");
        QTest::newRow("epoch") << Q_INT64_C(0) << QByteArray("0");
        QTest::newRow("negative") << Q_INT64_C(-1'500'000) << QByteArray("-1.5");
        QTest::newRow("negative below one") << Q_INT64_C(-1) << QByteArray("-0.000001");
        QTest::newRow("first instant")
            << Timestamp::kMinEpochSeconds * 1'000'000 << QByteArray("-62135596800");
    }

    void epochSecondsText_hasNoTrailingZeros()
    {
        QFETCH(qint64, micros);
        QFETCH(QByteArray, text);
        QCOMPARE(epochSecondsText(Timestamp { micros }), text);
        QCOMPARE(parseEpochSecondsText(text), Timestamp { micros });
    }

    void parseEpochSecondsText_acceptsJsonNumberForms()
    {
        QCOMPARE(parseEpochSecondsText("1.709578342308482e9"), Timestamp { 1'709'578'342'308'482 });
        QCOMPARE(parseEpochSecondsText("1E9"), Timestamp { 1'000'000'000'000'000 });
        QCOMPARE(parseEpochSecondsText("-0"), Timestamp { 0 });
        QVERIFY(!parseEpochSecondsText("1e400"));
        QVERIFY(!parseEpochSecondsText("1e300"));
        QVERIFY(!parseEpochSecondsText("12abc"));
        QVERIFY(!parseEpochSecondsText(""));
    }

    // Python: datetime.fromtimestamp(x, tz).isoformat()
    void isoDateTimeText_matchesPythonIsoformat_data()
    {
        QTest::addColumn<qint64>("micros");
        QTest::addColumn<QTimeZone>("timeZone");
        QTest::addColumn<QByteArray>("text");
        QTest::newRow("utc micro") << Q_INT64_C(1'709'578'342'308'482) << QTimeZone::utc()
                                   << QByteArray("2024-03-04T18:52:22.308482+00:00");
        QTest::newRow("utc whole") << Q_INT64_C(1'709'578'342'000'000) << QTimeZone::utc()
                                   << QByteArray("2024-03-04T18:52:22+00:00");
        QTest::newRow("utc tenth") << Q_INT64_C(1'712'345'678'900'000) << QTimeZone::utc()
                                   << QByteArray("2024-04-05T19:34:38.900000+00:00");
        QTest::newRow("one microsecond")
            << Q_INT64_C(1) << QTimeZone::utc() << QByteArray("1970-01-01T00:00:00.000001+00:00");
        QTest::newRow("before epoch")
            << Q_INT64_C(-1) << QTimeZone::utc() << QByteArray("1969-12-31T23:59:59.999999+00:00");
        QTest::newRow("leap day") << Q_INT64_C(951'782'400'000'000) << QTimeZone::utc()
                                  << QByteArray("2000-02-29T00:00:00+00:00");
        QTest::newRow("year one") << Timestamp::kMinEpochSeconds * 1'000'000 << QTimeZone::utc()
                                  << QByteArray("0001-01-01T00:00:00+00:00");
        QTest::newRow("kolkata") << Q_INT64_C(1'709'578'342'308'482) << zone("Asia/Kolkata")
                                 << QByteArray("2024-03-05T00:22:22.308482+05:30");
        QTest::newRow("new york winter")
            << Q_INT64_C(1'709'578'342'000'000) << zone("America/New_York")
            << QByteArray("2024-03-04T13:52:22-05:00");
        QTest::newRow("new york summer")
            << Q_INT64_C(1'720'000'000'000'000) << zone("America/New_York")
            << QByteArray("2024-07-03T05:46:40-04:00");
        QTest::newRow("fixed offset with seconds") << Q_INT64_C(0) << QTimeZone(-(3600 + 61))
                                                   << QByteArray("1969-12-31T22:58:59-01:01:01");
    }

    void isoDateTimeText_matchesPythonIsoformat()
    {
        QFETCH(qint64, micros);
        QFETCH(QTimeZone, timeZone);
        QFETCH(QByteArray, text);
        QVERIFY(timeZone.isValid());
        QCOMPARE(isoDateTimeText(Timestamp { micros }, timeZone), text);
        QCOMPARE(parseIsoDateTime(text), Timestamp { micros });
    }

    void parseIsoDateTime_acceptsCommonForms_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<qint64>("micros");
        const qint64 whole = Q_INT64_C(1'709'578'342'000'000);
        QTest::newRow("Z") << QByteArray("2024-03-04T18:52:22Z") << whole;
        QTest::newRow("lower z") << QByteArray("2024-03-04T18:52:22z") << whole;
        QTest::newRow("space separator") << QByteArray("2024-03-04 18:52:22+00:00") << whole;
        QTest::newRow("compact offset") << QByteArray("2024-03-04T19:52:22+0100") << whole;
        QTest::newRow("negative offset") << QByteArray("2024-03-04T13:52:22-05:00") << whole;
        QTest::newRow("millis") << QByteArray("2024-03-04T18:52:22.308+00:00") << whole + 308'000;
        QTest::newRow("one digit") << QByteArray("2024-03-04T18:52:22.3Z") << whole + 300'000;
        QTest::newRow("offset across midnight")
            << QByteArray("2024-03-05T00:22:22.308482+05:30") << whole + 308'482;
    }

    void parseIsoDateTime_acceptsCommonForms()
    {
        QFETCH(QByteArray, text);
        QFETCH(qint64, micros);
        QCOMPARE(parseIsoDateTime(text), Timestamp { micros });
    }

    void parseIsoDateTime_rejectsMalformed_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("no offset") << QByteArray("2024-03-04T18:52:22.308482");
        QTest::newRow("date only") << QByteArray("2024-03-04");
        QTest::newRow("month 13") << QByteArray("2024-13-04T18:52:22Z");
        QTest::newRow("february 30") << QByteArray("2024-02-30T18:52:22Z");
        QTest::newRow("february 29, not leap") << QByteArray("2023-02-29T18:52:22Z");
        QTest::newRow("1900 not leap") << QByteArray("1900-02-29T00:00:00Z");
        QTest::newRow("hour 24") << QByteArray("2024-03-04T24:00:00Z");
        QTest::newRow("leap second") << QByteArray("2024-03-04T23:59:60Z");
        QTest::newRow("year zero") << QByteArray("0000-03-04T18:52:22Z");
        QTest::newRow("seven fraction digits") << QByteArray("2024-03-04T18:52:22.3084821Z");
        QTest::newRow("empty fraction") << QByteArray("2024-03-04T18:52:22.Z");
        QTest::newRow("offset 24h") << QByteArray("2024-03-04T18:52:22+24:00");
        QTest::newRow("offset minutes 60") << QByteArray("2024-03-04T18:52:22+01:60");
        QTest::newRow("trailing text") << QByteArray("2024-03-04T18:52:22+00:00 UTC");
        QTest::newRow("epoch number") << QByteArray("1709578342");
        QTest::newRow("beyond year 9999 in UTC") << QByteArray("9999-12-31T23:59:59-01:00");
        QTest::newRow("signs in fields") << QByteArray("2024-+3-04T18:52:22Z");
    }

    void parseIsoDateTime_rejectsMalformed()
    {
        QFETCH(QByteArray, text);
        QVERIFY(!parseIsoDateTime(text));
    }
};

QTEST_GUILESS_MAIN(TestTimestampText)
#include "tst_timestamptext.moc"
