// Standard retry mode, offline: what a retry costs, the backoff formula and the retry quota's
// bucket. What is retried is AwsError::isRetryable() (tst_awserror).
#include "aws/retrystrategy.h"

#include <QtTest>

#include <cmath>
#include <limits>

using aws::AwsError;
using aws::RetryQuota;
namespace retry = aws::retrystrategy;
using namespace std::chrono_literals;

namespace {
AwsError errorOf(AwsError::Kind kind, int status = 0, const QString &code = {})
{
    AwsError error;
    error.kind = kind;
    error.httpStatus = status;
    error.code = code;
    return error;
}
} // namespace

class TestRetryStrategy : public QObject {
    Q_OBJECT
private slots:
    void retryCost_isTenAfterTimeoutElseFive();
    void backoffDelay_data();
    void backoffDelay();
    void quota_startsAt500AndPaysForRetriesUntilEmpty();
    void quota_refusesWhatItCannotPayWithoutTakingAnything();
    void quota_releaseNeverExceedsCapacity();
};

void TestRetryStrategy::retryCost_isTenAfterTimeoutElseFive()
{
    QCOMPARE(retry::retryCost(errorOf(AwsError::Kind::Timeout)), 10);
    QCOMPARE(retry::retryCost(errorOf(AwsError::Kind::Network)), 5);
    QCOMPARE(
        retry::retryCost(errorOf(AwsError::Kind::Service, 429, QStringLiteral("Throttling"))), 5);
    QCOMPARE(retry::retryCost(errorOf(AwsError::Kind::BadResponse, 502)), 5);
}

void TestRetryStrategy::backoffDelay_data()
{
    QTest::addColumn<int>("retry");
    QTest::addColumn<double>("random");
    QTest::addColumn<qint64>("expectedMs");
    QTest::newRow("1, half") << 1 << 0.5 << qint64(500);
    QTest::newRow("2, half") << 2 << 0.5 << qint64(1000);
    QTest::newRow("3, half") << 3 << 0.5 << qint64(2000);
    QTest::newRow("1, just under one") << 1 << 0.999 << qint64(999);
    QTest::newRow("5, one") << 5 << 1.0 << qint64(16000);
    QTest::newRow("6, just under one: under the cap") << 6 << 0.999 << qint64(19980);
    QTest::newRow("6, one: the cap") << 6 << 1.0 << qint64(20000);
    QTest::newRow("40, one: still the cap") << 40 << 1.0 << qint64(20000);
    QTest::newRow("int max") << std::numeric_limits<int>::max() << 0.5 << qint64(10000);
    QTest::newRow("zero random") << 4 << 0.0 << qint64(0);
    QTest::newRow("retry 0 counts as 1") << 0 << 0.5 << qint64(500);
    QTest::newRow("negative random clamps to 0") << 3 << -0.5 << qint64(0);
    QTest::newRow("random above 1 clamps to 1") << 3 << 7.0 << qint64(4000);
    QTest::newRow("NaN random is 0") << 3 << std::nan("") << qint64(0);
}

void TestRetryStrategy::backoffDelay()
{
    QFETCH(int, retry);
    QFETCH(double, random);
    QFETCH(qint64, expectedMs);
    QCOMPARE(retry::backoffDelay(retry, random).count(), expectedMs);
}

void TestRetryStrategy::quota_startsAt500AndPaysForRetriesUntilEmpty()
{
    RetryQuota quota;
    QCOMPARE(quota.available(), 500);
    for (int i = 0; i < 100; ++i)
        QVERIFY(quota.tryAcquire(5));
    QCOMPARE(quota.available(), 0);
    QVERIFY(!quota.tryAcquire(5));
    quota.release(1);
    QCOMPARE(quota.available(), 1);
}

void TestRetryStrategy::quota_refusesWhatItCannotPayWithoutTakingAnything()
{
    RetryQuota quota;
    for (int i = 0; i < 49; ++i)
        QVERIFY(quota.tryAcquire(10));
    QCOMPARE(quota.available(), 10);
    QVERIFY(quota.tryAcquire(5));
    QVERIFY(!quota.tryAcquire(10));
    QCOMPARE(quota.available(), 5);
    QVERIFY(quota.tryAcquire(5));
    QCOMPARE(quota.available(), 0);
}

void TestRetryStrategy::quota_releaseNeverExceedsCapacity()
{
    RetryQuota quota;
    quota.release(1);
    QCOMPARE(quota.available(), 500);
    QVERIFY(quota.tryAcquire(10));
    quota.release(5);
    QCOMPARE(quota.available(), 495);
    quota.release(100);
    QCOMPARE(quota.available(), 500);
    quota.release(-20);
    QCOMPARE(quota.available(), 500);
}

QTEST_GUILESS_MAIN(TestRetryStrategy)
#include "tst_retrystrategy.moc"
