#include "lookout/inferencescheduler.h"

#include <QTest>
#include <QTimeZone>

#include <limits>

using lookout::Timestamp;

class TestTimestamp : public QObject {
    Q_OBJECT

private slots:
    // Expected values are what Python's datetime.fromtimestamp(x, tzutc()) gives, i.e. what
    // botocore and the AWS CLI make of the same number.
    void fromEpochSeconds_roundsLikePython_data()
    {
        QTest::addColumn<double>("seconds");
        QTest::addColumn<qint64>("micros");
        QTest::newRow("integral") << 1e9 << Q_INT64_C(1'000'000'000'000'000);
        QTest::newRow("microseconds") << 1709578342.308482 << Q_INT64_C(1'709'578'342'308'482);
        QTest::newRow("tenth") << 0.1 << Q_INT64_C(100'000);
        QTest::newRow("half rounds to even, down") << 2.5e-6 << Q_INT64_C(2);
        QTest::newRow("half rounds to even, up") << 3.5e-6 << Q_INT64_C(4);
        QTest::newRow("half of one") << 1.5e-6 << Q_INT64_C(2);
        QTest::newRow("half to zero") << 0.5e-6 << Q_INT64_C(0);
        QTest::newRow("carry into next second")
            << 1709578342.9999995 << Q_INT64_C(1'709'578'343'000'000);
        QTest::newRow("below half") << 1709578342.0000005 << Q_INT64_C(1'709'578'342'000'000);
        QTest::newRow("negative") << -1.5 << Q_INT64_C(-1'500'000);
        QTest::newRow("negative half to zero") << -0.5e-6 << Q_INT64_C(0);
        QTest::newRow("negative half to even") << -2.5e-6 << Q_INT64_C(-2);
        QTest::newRow("negative microseconds")
            << -1709578342.308482 << Q_INT64_C(-1'709'578'342'308'482);
        QTest::newRow("first instant") << -62135596800.0 << Q_INT64_C(-62'135'596'800'000'000);
    }

    void fromEpochSeconds_roundsLikePython()
    {
        QFETCH(double, seconds);
        QFETCH(qint64, micros);
        QCOMPARE(Timestamp::fromEpochSeconds(seconds).epochMicroseconds, micros);
        QCOMPARE(Timestamp::tryFromEpochSeconds(seconds)->epochMicroseconds, micros);
    }

    void tryFromEpochSeconds_rejectsNonFiniteAndAbsurd_data()
    {
        QTest::addColumn<double>("seconds");
        QTest::newRow("NaN") << std::numeric_limits<double>::quiet_NaN();
        QTest::newRow("+inf") << std::numeric_limits<double>::infinity();
        QTest::newRow("-inf") << -std::numeric_limits<double>::infinity();
        QTest::newRow("1e300") << 1e300;
        QTest::newRow("-1e300") << -1e300;
        QTest::newRow("year 10000") << 253402300800.0;
        QTest::newRow("rounds into year 10000") << 253402300799.9999999;
        QTest::newRow("year 0") << -62135596801.0;
        QTest::newRow("int64 overflow") << 9.3e18;
    }

    void tryFromEpochSeconds_rejectsNonFiniteAndAbsurd()
    {
        QFETCH(double, seconds);
        QVERIFY(!Timestamp::tryFromEpochSeconds(seconds));
    }

    void fromEpochSeconds_clampsWhatItCannotHold()
    {
        QCOMPARE(
            Timestamp::fromEpochSeconds(std::numeric_limits<double>::quiet_NaN()), Timestamp {});
        QCOMPARE(Timestamp::fromEpochSeconds(1e300).epochMicroseconds,
            Timestamp::kMaxEpochSeconds * 1'000'000 + 999'999);
        QCOMPARE(
            Timestamp::fromEpochSeconds(-std::numeric_limits<double>::infinity()).epochMicroseconds,
            Timestamp::kMinEpochSeconds * 1'000'000);
        QCOMPARE(Timestamp::fromEpochSeconds(1e300).dateTime(),
            QDateTime(QDate(9999, 12, 31), QTime(23, 59, 59, 999), QTimeZone::utc()));
    }

    void dateTime_isUtcWithMillisecondsRoundedDown()
    {
        const QDateTime dateTime = Timestamp { 1'709'578'342'308'982 }.dateTime();
        QCOMPARE(dateTime.timeSpec(), Qt::UTC);
        QCOMPARE(dateTime, QDateTime(QDate(2024, 3, 4), QTime(18, 52, 22, 308), QTimeZone::utc()));
        QCOMPARE(Timestamp { -1 }.dateTime(),
            QDateTime(QDate(1969, 12, 31), QTime(23, 59, 59, 999), QTimeZone::utc()));
        QCOMPARE(Timestamp { Timestamp::kMinEpochSeconds * 1'000'000 }.dateTime(),
            QDateTime(QDate(1, 1, 1), QTime(0, 0), QTimeZone::utc()));
    }

    void fromDateTime_keepsMillisecondsAcrossZones()
    {
        const QDateTime utc(QDate(2024, 3, 4), QTime(18, 52, 22, 308), QTimeZone::utc());
        QCOMPARE(Timestamp::fromDateTime(utc).epochMicroseconds, Q_INT64_C(1'709'578'342'308'000));
        QCOMPARE(
            Timestamp::fromDateTime(utc.toTimeZone(QTimeZone(QByteArrayLiteral("Asia/Kolkata")))),
            Timestamp::fromDateTime(utc));
        QCOMPARE(Timestamp::fromDateTime(utc).dateTime(), utc);
        QCOMPARE(Timestamp::fromDateTime(QDateTime()), Timestamp {});
    }

    void epochSeconds_isTheInverse()
    {
        QCOMPARE(Timestamp { 1'709'578'342'308'482 }.epochSeconds(), 1709578342.308482);
        QCOMPARE(Timestamp { -1'500'000 }.epochSeconds(), -1.5);
        const Timestamp now = Timestamp { 1'712'345'678'900'001 };
        QCOMPARE(Timestamp::fromEpochSeconds(now.epochSeconds()), now);
    }
};

QTEST_GUILESS_MAIN(TestTimestamp)
#include "tst_timestamp.moc"
