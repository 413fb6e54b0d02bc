// Timestamps of results: the files' `timestamp` texts, the folder names of executions, and the
// text the command prints, against instants computed by QDateTime.
#include "results/resultstime.h"

#include <QtTest>

using namespace Qt::StringLiterals;

namespace {

qint64 micros(const char *isoUtc, int microseconds = 0)
{
    const QDateTime time = QDateTime::fromString(QString::fromLatin1(isoUtc), Qt::ISODate);
    Q_ASSERT(time.isValid());
    return time.toMSecsSinceEpoch() * 1000 + microseconds;
}

std::optional<qint64> parse(const QByteArray &text)
{
    return results::parseTimestamp(text.constData(), text.size());
}

} // namespace

class TestResultsTime : public QObject {
    Q_OBJECT
private slots:
    void parseTimestamp_data();
    void parseTimestamp();
    void parseTimestamp_refusals_data();
    void parseTimestamp_refusals();
    void timestampText_data();
    void timestampText();
    void timestampText_roundTripsEveryDayOfFourCenturies();
    void folderTime_data();
    void folderTime();
    void dateTimeConversions();
};

void TestResultsTime::parseTimestamp_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<qint64>("expected");
    QTest::newRow("service") << "2022-07-29T11:45:00.000000"_ba << micros("2022-07-29T11:45:00Z");
    QTest::newRow("microseconds") << "2022-07-29T11:45:00.123456"_ba
                                  << micros("2022-07-29T11:45:00Z", 123456);
    QTest::newRow("no fraction") << "2022-07-29T11:45:00"_ba << micros("2022-07-29T11:45:00Z");
    QTest::newRow("one digit") << "2022-07-29T11:45:00.5"_ba
                               << micros("2022-07-29T11:45:00Z", 500000);
    QTest::newRow("nanoseconds dropped")
        << "2022-07-29T11:45:00.123456789"_ba << micros("2022-07-29T11:45:00Z", 123456);
    QTest::newRow("Z") << "2022-07-29T11:45:00.000001Z"_ba << micros("2022-07-29T11:45:00Z", 1);
    QTest::newRow("space") << "2022-07-29 11:45:00"_ba << micros("2022-07-29T11:45:00Z");
    QTest::newRow("offset") << "2022-07-29T17:15:00+05:30"_ba << micros("2022-07-29T11:45:00Z");
    QTest::newRow("negative offset")
        << "2022-07-29T06:45:00.000000-0500"_ba << micros("2022-07-29T11:45:00Z");
    QTest::newRow("leap day") << "2024-02-29T00:00:00"_ba << micros("2024-02-29T00:00:00Z");
    QTest::newRow("before 1970") << "1969-12-31T23:59:59.999999"_ba << qint64(-1);
    QTest::newRow("year 1") << "0001-01-01T00:00:00"_ba << Q_INT64_C(-62135596800000000);
    QTest::newRow("year 9999") << "9999-12-31T23:59:59"_ba << Q_INT64_C(253402300799000000);
}

void TestResultsTime::parseTimestamp()
{
    QFETCH(QByteArray, text);
    QFETCH(qint64, expected);
    QCOMPARE(parse(text), std::optional<qint64>(expected));
}

void TestResultsTime::parseTimestamp_refusals_data()
{
    QTest::addColumn<QByteArray>("text");
    for (const char *text : { "", "2022-07-29", "2022-07-29T11:45", "2022-02-30T00:00:00",
             "2023-02-29T00:00:00", "2022-07-29T24:00:00", "2022-07-29T23:60:00",
             "2016-12-31T23:59:60", "0000-01-01T00:00:00", "2022-13-01T00:00:00",
             "2022-07-29T11:45:00.", "2022-07-29T11:45:00.1234567890", "2022-07-29T11:45:00X",
             "2022-07-29T11:45:00+5:30", "2022-07-29T11:45:00+05:30junk", "2022-07-29T11:45:00ZZ",
             "2022-07-29T11:45:00+24:00", "２０２２-07-29T11:45:00", "2022/07/29T11:45:00",
             "+2022-07-29T11:45:00", "2022-07-29t11:45:00" })
        QTest::newRow(text) << QByteArray(text);
}

void TestResultsTime::parseTimestamp_refusals()
{
    QFETCH(QByteArray, text);
    QCOMPARE(parse(text), std::nullopt);
}

void TestResultsTime::timestampText_data()
{
    QTest::addColumn<qint64>("time");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("whole seconds") << micros("2022-07-29T11:45:00Z") << "2022-07-29T11:45:00Z"_ba;
    QTest::newRow("microseconds") << micros("2022-07-29T11:45:00Z", 120)
                                  << "2022-07-29T11:45:00.000120Z"_ba;
    QTest::newRow("epoch") << qint64(0) << "1970-01-01T00:00:00Z"_ba;
    QTest::newRow("before the epoch") << qint64(-1) << "1969-12-31T23:59:59.999999Z"_ba;
}

void TestResultsTime::timestampText()
{
    QFETCH(qint64, time);
    QFETCH(QByteArray, expected);
    QCOMPARE(results::timestampText(time), expected);
    QCOMPARE(parse(expected), std::optional<qint64>(time));
}

void TestResultsTime::timestampText_roundTripsEveryDayOfFourCenturies()
{
    const QDate first(1900, 1, 1);
    for (QDate day = first; day.year() < 2300; day = day.addDays(1)) {
        const QDateTime midday(day, QTime(12, 34, 56), QTimeZone::utc());
        const qint64 time = midday.toMSecsSinceEpoch() * 1000 + 789;
        const QByteArray text = results::timestampText(time);
        QCOMPARE(
            text, midday.toString(u"yyyy-MM-ddTHH:mm:ss"_s).toLatin1() + QByteArray(".000789Z"));
        QCOMPARE(parse(text), std::optional<qint64>(time));
    }
}

void TestResultsTime::folderTime_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<std::optional<qint64>>("expected");
    const std::optional<qint64> time = micros("2021-04-13T14:15:00Z");
    QTest::newRow("service") << u"2021-04-13T14:15:00Z"_s << time;
    QTest::newRow("dashes") << u"2021-04-13T14-15-00Z"_s << time;
    QTest::newRow("compact") << u"20210413T141500Z"_s << time;
    QTest::newRow("space, no zone") << u"2021-04-13 14:15:00"_s << time;
    QTest::newRow("underscores") << u"2021_04_13_14_15_00"_s << time;
    QTest::newRow("minutes only") << u"2021-04-13T14:15Z"_s << time;
    QTest::newRow("fraction") << u"2021-04-13T14:15:00.000Z"_s << time;
    QTest::newRow("lower case") << u"2021-04-13t14:15:00z"_s << time;
    QTest::newRow("offset") << u"2021-04-13T14:15:00+00:00"_s << std::optional<qint64>();
    QTest::newRow("a word") << u"output"_s << std::optional<qint64>();
    QTest::newRow("date only") << u"2021-04-13"_s << std::optional<qint64>();
    QTest::newRow("impossible") << u"2021-02-30T14:15:00Z"_s << std::optional<qint64>();
    QTest::newRow("too many digits") << u"2021041314150012345"_s << std::optional<qint64>();
    QTest::newRow("Z inside") << u"2021-04-13Z14:15:00"_s << std::optional<qint64>();
    QTest::newRow("thirteen digits") << u"2021-04-13T14:15:0Z"_s << std::optional<qint64>();
}

void TestResultsTime::folderTime()
{
    QFETCH(QString, name);
    QFETCH(std::optional<qint64>, expected);
    QCOMPARE(results::folderTime(name), expected);
}

void TestResultsTime::dateTimeConversions()
{
    const qint64 time = micros("2022-07-29T11:45:00Z", 123456);
    QCOMPARE(results::toDateTime(time),
        QDateTime(QDate(2022, 7, 29), QTime(11, 45, 0, 123), QTimeZone::utc()));
    QCOMPARE(results::fromDateTime(results::toDateTime(time)), time - 456);
    // Rounded down, also before the epoch.
    QCOMPARE(results::toDateTime(-1).toMSecsSinceEpoch(), qint64(-1));
}

QTEST_GUILESS_MAIN(TestResultsTime)
#include "tst_resultstime.moc"
