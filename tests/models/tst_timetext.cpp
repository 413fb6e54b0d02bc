// Instants in local time, UTC and as relative ages.
#include "models/timetext.h"

#include <QtTest>

namespace {

QDateTime utc(const char *iso)
{
    return QDateTime::fromString(QLatin1String(iso), Qt::ISODateWithMs);
}

} // namespace

class TestTimeText : public QObject {
    Q_OBJECT
private slots:
    void localDateTime_isInTheGivenZoneWithItsAbbreviation();
    void utcDateTime_isUtc();
    void clockTime_isTheTimeOfDayInTheZone();
    void relativeAge_data();
    void relativeAge();
};

void TestTimeText::localDateTime_isInTheGivenZoneWithItsAbbreviation()
{
    const QTimeZone berlin("Europe/Berlin");
    QVERIFY(berlin.isValid());
    QCOMPARE(models::localDateTimeText(utc("2024-03-04T18:52:22.308Z"), berlin),
        QStringLiteral("2024-03-04 19:52:22 CET"));
    QCOMPARE(models::localDateTimeText(utc("2024-07-04T18:52:22Z"), berlin),
        QStringLiteral("2024-07-04 20:52:22 CEST"));
    QCOMPARE(models::localDateTimeText(utc("2024-03-04T18:52:22Z"), QTimeZone::utc()),
        QStringLiteral("2024-03-04 18:52:22 UTC"));
    // Without a zone: the process's local time (TZ=Europe/Berlin for this test).
    QCOMPARE(models::localDateTimeText(utc("2024-03-04T18:52:22.308Z")),
        QStringLiteral("2024-03-04 19:52:22 CET"));
    QCOMPARE(models::localDateTimeText(utc("2024-07-04T18:52:22Z")),
        QStringLiteral("2024-07-04 20:52:22 CEST"));
}

void TestTimeText::utcDateTime_isUtc()
{
    QCOMPARE(models::utcDateTimeText(utc("2024-03-04T18:52:22.900Z")),
        QStringLiteral("2024-03-04 18:52:22 UTC"));
    const QDateTime offset
        = QDateTime::fromString(QStringLiteral("2024-03-04T20:52:22+02:00"), Qt::ISODate);
    QCOMPARE(models::utcDateTimeText(offset), QStringLiteral("2024-03-04 18:52:22 UTC"));
}

void TestTimeText::clockTime_isTheTimeOfDayInTheZone()
{
    QCOMPARE(models::clockTimeText(utc("2024-03-04T12:03:05.700Z"), QTimeZone::utc()),
        QStringLiteral("12:03:05"));
    QCOMPARE(models::clockTimeText(utc("2024-03-04T12:03:05Z"), QTimeZone("Asia/Kolkata")),
        QStringLiteral("17:33:05"));
    QCOMPARE(models::clockTimeText(utc("2024-03-04T12:03:05Z")), QStringLiteral("13:03:05"));
}

void TestTimeText::relativeAge_data()
{
    QTest::addColumn<qint64>("ageMs");
    QTest::addColumn<QString>("text");
    QTest::newRow("now") << qint64(0) << "just now";
    QTest::newRow("999 ms") << qint64(999) << "just now";
    QTest::newRow("1 s") << qint64(1000) << "1 s ago";
    QTest::newRow("20 s") << qint64(20'400) << "20 s ago";
    QTest::newRow("59 s") << qint64(59'999) << "59 s ago";
    QTest::newRow("1 min") << qint64(60'000) << "1 min ago";
    QTest::newRow("3 min") << qint64(200'000) << "3 min ago";
    QTest::newRow("59 min") << qint64(3'599'000) << "59 min ago";
    QTest::newRow("1 h") << qint64(3'600'000) << "1 h ago";
    QTest::newRow("47 h") << qint64(47 * 3'600'000LL) << "47 h ago";
    QTest::newRow("2 days") << qint64(48 * 3'600'000LL) << "2 days ago";
    QTest::newRow("400 days") << qint64(400 * 86'400'000LL) << "400 days ago";
    QTest::newRow("slightly ahead") << qint64(-30'000) << "just now";
    QTest::newRow("ahead") << qint64(-180'000) << "in 3 min";
}

void TestTimeText::relativeAge()
{
    QFETCH(qint64, ageMs);
    QFETCH(QString, text);
    const QDateTime now = utc("2026-03-01T12:00:00Z");
    QCOMPARE(models::relativeAgeText(now.addMSecs(-ageMs), now), text);
}

QTEST_GUILESS_MAIN(TestTimeText)
#include "tst_timetext.moc"
