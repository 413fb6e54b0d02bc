// Fault configuration and draws: validation, the mixed split, seeded sequences, and corrupt
// bodies that no decoder accepts.
#include "emulator/faultinjector.h"
#include "lookout/jsoncodec.h"

#include <QtTest>

using emulator::Fault;
using emulator::FaultConfig;
using emulator::FaultInjector;

class TestFaultInjector : public QObject {
    Q_OBJECT
private slots:
    void noFaults_drawNothing();
    void rates_areMetOverManyDraws();
    void sameSeed_sameDraws();
    void mixed_splitsTheTotal();
    void validate_namesTheProblem_data();
    void validate_namesTheProblem();
    void corruptBodies_areRejectedByTheDecoders();
};

void TestFaultInjector::noFaults_drawNothing()
{
    FaultInjector injector { FaultConfig {} };
    for (int i = 0; i < 1000; ++i)
        QCOMPARE(injector.draw(), Fault::None);
}

void TestFaultInjector::rates_areMetOverManyDraws()
{
    FaultConfig config;
    config.throttlingPercent = 20;
    config.internalErrorPercent = 10;
    config.malformedPercent = 5;
    config.slowPercent = 15;
    config.seed = 31;
    FaultInjector injector(config);
    QHash<Fault, int> counts;
    constexpr int kDraws = 100'000;
    for (int i = 0; i < kDraws; ++i)
        ++counts[injector.draw()];
    const auto percent = [&](Fault fault) { return counts.value(fault) * 100.0 / kDraws; };
    QVERIFY(qAbs(percent(Fault::Throttling) - 20) < 0.5);
    QVERIFY(qAbs(percent(Fault::InternalError) - 10) < 0.5);
    QVERIFY(qAbs(percent(Fault::Malformed) - 5) < 0.5);
    QVERIFY(qAbs(percent(Fault::Slow) - 15) < 0.5);
    QVERIFY(qAbs(percent(Fault::None) - 50) < 0.5);
}

void TestFaultInjector::sameSeed_sameDraws()
{
    FaultInjector a(FaultConfig::mixed(40, 5));
    FaultInjector b(FaultConfig::mixed(40, 5));
    FaultInjector c(FaultConfig::mixed(40, 6));
    bool differs = false;
    for (int i = 0; i < 500; ++i) {
        const Fault fault = a.draw();
        QCOMPARE(b.draw(), fault);
        differs = differs || c.draw() != fault;
    }
    QVERIFY(differs);
}

void TestFaultInjector::mixed_splitsTheTotal()
{
    const FaultConfig config = FaultConfig::mixed(10, 3);
    QCOMPARE(config.throttlingPercent, 4.0);
    QCOMPARE(config.internalErrorPercent, 3.0);
    QCOMPARE(config.slowPercent, 2.0);
    QCOMPARE(config.malformedPercent, 1.0);
    QCOMPARE(config.seed, quint64(3));
    QVERIFY(config.any());
    QVERIFY(config.validate().isEmpty());
    QVERIFY(!FaultConfig {}.any());
}

void TestFaultInjector::validate_namesTheProblem_data()
{
    QTest::addColumn<FaultConfig>("config");
    QTest::addColumn<QString>("problem");
    FaultConfig negative;
    negative.internalErrorPercent = -1;
    QTest::newRow("negative") << negative
                              << QStringLiteral(
                                     "internal error percent must be within 0..100, not -1");
    FaultConfig nan;
    nan.slowPercent = std::numeric_limits<double>::quiet_NaN();
    QTest::newRow("NaN") << nan
                         << QStringLiteral("slow response percent must be within 0..100, not nan");
    FaultConfig sum;
    sum.throttlingPercent = 50;
    sum.malformedPercent = 51;
    QTest::newRow("sum") << sum << QStringLiteral("fault percentages add up to 101, more than 100");
    FaultConfig slow;
    slow.slowDelay = std::chrono::minutes(5);
    QTest::newRow("delay") << slow
                           << QStringLiteral(
                                  "slow response delay must be within 0..120000 ms, not 300000");
}

void TestFaultInjector::validate_namesTheProblem()
{
    QFETCH(FaultConfig, config);
    QFETCH(QString, problem);
    QCOMPARE(config.validate(), problem);
}

void TestFaultInjector::corruptBodies_areRejectedByTheDecoders()
{
    const QByteArray describe
        = R"({"InferenceSchedulerName":"pump-station-042","Status":"RUNNING",)"
          R"("CreatedAt":1709578342.308482,"DataUploadFrequency":"PT5M"})";
    const QByteArray list
        = R"({"InferenceSchedulerSummaries":[{"InferenceSchedulerName":"a","Status":"RUNNING"}],"NextToken":"x"})";
    QVERIFY(lookout::json::decodeDescribeInferenceScheduler(describe));
    QVERIFY(lookout::json::decodeListInferenceSchedulers(list));
    FaultInjector injector(FaultConfig::mixed(100, 17));
    QSet<QByteArray> seen;
    for (int i = 0; i < 60; ++i) {
        const QByteArray brokenDescribe = injector.corrupt(describe);
        const QByteArray brokenList = injector.corrupt(list);
        seen.insert(brokenDescribe);
        QVERIFY2(!lookout::json::decodeDescribeInferenceScheduler(brokenDescribe),
            brokenDescribe.constData());
        QVERIFY2(!lookout::json::decodeListInferenceSchedulers(brokenList), brokenList.constData());
    }
    QCOMPARE(seen.size(), 3); // all three kinds of corruption occur
}

QTEST_GUILESS_MAIN(TestFaultInjector)
#include "tst_faultinjector.moc"
