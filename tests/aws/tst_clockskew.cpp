// HTTP Date parsing and the clock-skew rule: when an offset is adopted, when a request counts as
// signed with a skewed clock. Which errors a skew retry is for is
// AwsError::isSignatureOrClockProblem() (tst_awserror).
#include "aws/clockskew.h"

#include <QtTest>

using aws::ClockSkew;
using namespace std::chrono_literals;

namespace {
QDateTime utc(int y, int mo, int d, int h, int mi, int s)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi, s), Qt::UTC);
}
} // namespace

class TestClockSkew : public QObject {
    Q_OBJECT
private slots:
    void parseHttpDate_data();
    void parseHttpDate();
    void parseHttpDate_rejects_data();
    void parseHttpDate_rejects();
    void observe_adoptsOffsetFromFiveMinutes_data();
    void observe_adoptsOffsetFromFiveMinutes();
    void observe_smallDriftAfterCorrection_keepsOffset();
    void observe_judgesRequestByTheOffsetItWasSignedWith();
    void observe_invalidTimes_changeNothing();
};

void TestClockSkew::parseHttpDate_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<QDateTime>("expected");
    const QDateTime rfcExample = utc(1994, 11, 6, 8, 49, 37);
    QTest::newRow("IMF-fixdate") << QByteArray("Sun, 06 Nov 1994 08:49:37 GMT") << rfcExample;
    QTest::newRow("RFC 850") << QByteArray("Sunday, 06-Nov-94 08:49:37 GMT") << rfcExample;
    QTest::newRow("asctime") << QByteArray("Sun Nov  6 08:49:37 1994") << rfcExample;
    QTest::newRow("extra spaces") << QByteArray("  Mon, 04 Mar 2024 19:12:22 GMT ")
                                  << utc(2024, 3, 4, 19, 12, 22);
    QTest::newRow("RFC 850, 20xx")
        << QByteArray("Monday, 04-Mar-24 19:12:22 GMT") << utc(2024, 3, 4, 19, 12, 22);
    QTest::newRow("single-digit day")
        << QByteArray("Fri, 1 Mar 2024 00:00:00 GMT") << utc(2024, 3, 1, 0, 0, 0);
    QTest::newRow("leap second") << QByteArray("Sat, 31 Dec 2016 23:59:60 GMT")
                                 << utc(2016, 12, 31, 23, 59, 59);
}

void TestClockSkew::parseHttpDate()
{
    QFETCH(QByteArray, value);
    QFETCH(QDateTime, expected);
    const auto parsed = aws::parseHttpDate(value);
    QVERIFY(parsed);
    QCOMPARE(*parsed, expected);
    QCOMPARE(parsed->timeSpec(), Qt::UTC);
}

void TestClockSkew::parseHttpDate_rejects_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("garbage") << QByteArray("yesterday, around noon");
    QTest::newRow("not GMT") << QByteArray("Sun, 06 Nov 1994 08:49:37 PST");
    QTest::newRow("bad month") << QByteArray("Sun, 06 Foo 1994 08:49:37 GMT");
    QTest::newRow("30 February") << QByteArray("Fri, 30 Feb 2024 08:49:37 GMT");
    QTest::newRow("hour 25") << QByteArray("Sun, 06 Nov 1994 25:49:37 GMT");
    QTest::newRow("time without seconds") << QByteArray("Sun, 06 Nov 1994 08:49 GMT");
    QTest::newRow("signed year") << QByteArray("Sun, 06 Nov -994 08:49:37 GMT");
    QTest::newRow("ISO 8601") << QByteArray("2024-03-04T19:12:22Z");
    QTest::newRow("epoch seconds") << QByteArray("1709579542");
    QTest::newRow("binary") << QByteArray("\x00\xff\x01 GMT", 7);
}

void TestClockSkew::parseHttpDate_rejects()
{
    QFETCH(QByteArray, value);
    QVERIFY(!aws::parseHttpDate(value));
}

void TestClockSkew::observe_adoptsOffsetFromFiveMinutes_data()
{
    QTest::addColumn<qint64>("serverAheadSeconds");
    QTest::addColumn<bool>("skewed");
    QTest::newRow("none") << qint64(0) << false;
    QTest::newRow("4:59 ahead") << qint64(299) << false;
    QTest::newRow("5:00 ahead") << qint64(300) << true;
    QTest::newRow("20 min ahead") << qint64(1200) << true;
    QTest::newRow("4:59 behind") << qint64(-299) << false;
    QTest::newRow("5:00 behind") << qint64(-300) << true;
    QTest::newRow("a day behind") << qint64(-86400) << true;
}

void TestClockSkew::observe_adoptsOffsetFromFiveMinutes()
{
    QFETCH(qint64, serverAheadSeconds);
    QFETCH(bool, skewed);
    const QDateTime local = utc(2024, 3, 4, 18, 52, 22);
    ClockSkew skew;
    const auto observation = skew.observe(local.addSecs(serverAheadSeconds), local, 0ms);
    QCOMPARE(observation.requestWasSkewed, skewed);
    QCOMPARE(observation.offsetChanged, skewed);
    QCOMPARE(skew.offset(), skewed ? std::chrono::milliseconds(serverAheadSeconds * 1000) : 0ms);
    QCOMPARE(skew.corrected(local), skewed ? local.addSecs(serverAheadSeconds) : local);
}

void TestClockSkew::observe_smallDriftAfterCorrection_keepsOffset()
{
    const QDateTime local = utc(2024, 3, 4, 18, 52, 22);
    ClockSkew skew;
    QVERIFY(skew.observe(local.addSecs(1200), local, 0ms).offsetChanged);
    // Later responses a few seconds off the corrected time change nothing.
    const auto later = skew.observe(local.addSecs(1203), local.addSecs(1), skew.offset());
    QVERIFY(!later.offsetChanged);
    QVERIFY(!later.requestWasSkewed);
    QCOMPARE(skew.offset(), 1200s);
    // The local clock was fixed: the endpoint now agrees with it, 20 minutes from the offset.
    const auto fixed = skew.observe(local.addSecs(10), local.addSecs(10), skew.offset());
    QVERIFY(fixed.offsetChanged);
    QVERIFY(fixed.requestWasSkewed);
    QCOMPARE(skew.offset(), 0ms);
}

void TestClockSkew::observe_judgesRequestByTheOffsetItWasSignedWith()
{
    const QDateTime local = utc(2024, 3, 4, 18, 52, 22);
    ClockSkew skew;
    QVERIFY(skew.observe(local.addSecs(1200), local, 0ms).offsetChanged);
    // A request signed before the correction (offset 0) answered after it: it was skewed, even
    // though the client's offset is already right.
    const auto late = skew.observe(local.addSecs(1200), local, 0ms);
    QVERIFY(late.requestWasSkewed);
    QVERIFY(!late.offsetChanged);
}

void TestClockSkew::observe_invalidTimes_changeNothing()
{
    ClockSkew skew;
    const auto observation = skew.observe(QDateTime(), utc(2024, 3, 4, 0, 0, 0), 0ms);
    QVERIFY(!observation.requestWasSkewed);
    QVERIFY(!observation.offsetChanged);
    QCOMPARE(skew.offset(), 0ms);
}

QTEST_GUILESS_MAIN(TestClockSkew)
#include "tst_clockskew.moc"
