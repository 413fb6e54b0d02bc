// StatusChangeNotifier: which changes are announced (turned ANOMALOUS, left RUNNING), one alert
// per refresh cycle, the wording for one and for many schedulers, and nothing for first sight.
#include "clienttestdoubles.h"
#include "models/statuschangenotifier.h"

#include <QSignalSpy>
#include <QtTest>

using models::StatusChange;
using models::StatusChangeNotifier;
using Alert = StatusChangeNotifier::Alert;

namespace {

StatusChange change(const QString &name, const QString &oldStatus, const QString &newStatus,
    const QString &oldResult, const QString &newResult)
{
    return { name, QStringLiteral("arn:") + name, oldStatus, newStatus, oldResult, newResult, {} };
}

lookout::InferenceSchedulerSummary scheduler(
    const QString &name, const QString &status, const QString &result)
{
    lookout::InferenceSchedulerSummary s;
    s.inferenceSchedulerName = name;
    s.inferenceSchedulerArn = QStringLiteral("arn:") + name;
    s.status = status;
    s.latestInferenceResult = result;
    return s;
}

} // namespace

class TestStatusChangeNotifier : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void worthAnnouncing_data();
    void worthAnnouncing();
    void flush_nothingCollected_raisesNothing();
    void oneAnomalous_titledByName();
    void oneLeftRunning_titledByName();
    void severalConnections_nameTheAccountAndRegion();
    void many_oneAlertListingFiveAndTheRest();
    void watch_oneAlertPerCycleAndNoneForFirstSight();
    void watch_resetDropsWhatWasCollected();
};

void TestStatusChangeNotifier::initTestCase()
{
    qRegisterMetaType<Alert>();
}

void TestStatusChangeNotifier::worthAnnouncing_data()
{
    QTest::addColumn<StatusChange>("change");
    QTest::addColumn<bool>("worth");
    const QString r = QStringLiteral("RUNNING");
    const QString a = QStringLiteral("ANOMALOUS");
    const QString n = QStringLiteral("NORMAL");
    QTest::newRow("normal to anomalous") << change(QStringLiteral("x"), r, r, n, a) << true;
    QTest::newRow("no result to anomalous")
        << change(QStringLiteral("x"), r, r, QString(), a) << true;
    QTest::newRow("anomalous to normal") << change(QStringLiteral("x"), r, r, a, n) << false;
    QTest::newRow("running to stopping")
        << change(QStringLiteral("x"), r, QStringLiteral("STOPPING"), n, n) << true;
    QTest::newRow("running to unknown")
        << change(QStringLiteral("x"), r, QStringLiteral("DEGRADED"), n, n) << true;
    QTest::newRow("running to absent") << change(QStringLiteral("x"), r, QString(), n, n) << true;
    QTest::newRow("pending to running")
        << change(QStringLiteral("x"), QStringLiteral("PENDING"), r, n, n) << false;
    QTest::newRow("stopping to stopped") << change(QStringLiteral("x"), QStringLiteral("STOPPING"),
        QStringLiteral("STOPPED"), n, n) << false;
}

void TestStatusChangeNotifier::worthAnnouncing()
{
    QFETCH(StatusChange, change);
    QFETCH(bool, worth);
    QCOMPARE(StatusChangeNotifier::worthAnnouncing(change), worth);
}

void TestStatusChangeNotifier::flush_nothingCollected_raisesNothing()
{
    StatusChangeNotifier notifier;
    QSignalSpy alerts(&notifier, &StatusChangeNotifier::alertRaised);
    notifier.observe({ change(
        QStringLiteral("x"), QStringLiteral("PENDING"), QStringLiteral("RUNNING"), {}, {}) });
    notifier.flush();
    QCOMPARE(alerts.size(), 0);
}

void TestStatusChangeNotifier::oneAnomalous_titledByName()
{
    StatusChangeNotifier notifier;
    QSignalSpy alerts(&notifier, &StatusChangeNotifier::alertRaised);
    notifier.observe({ change(QStringLiteral("pump-042"), QStringLiteral("RUNNING"),
        QStringLiteral("RUNNING"), QStringLiteral("NORMAL"), QStringLiteral("ANOMALOUS")) });
    notifier.flush();
    QCOMPARE(alerts.size(), 1);
    const auto alert = alerts.at(0).at(0).value<Alert>();
    QCOMPARE(alert.title, QStringLiteral("pump-042 turned ANOMALOUS"));
    QCOMPARE(alert.message, QStringLiteral("pump-042: latest result ANOMALOUS"));
    QCOMPARE(alert.names, QStringList { QStringLiteral("pump-042") });
    QVERIFY(alert.anomalous);
    notifier.flush();
    QCOMPARE(alerts.size(), 1);
}

void TestStatusChangeNotifier::oneLeftRunning_titledByName()
{
    StatusChangeNotifier notifier;
    QSignalSpy alerts(&notifier, &StatusChangeNotifier::alertRaised);
    notifier.observe({ change(QStringLiteral("fan-3"), QStringLiteral("RUNNING"),
        QStringLiteral("STOPPING"), QStringLiteral("NORMAL"), QStringLiteral("NORMAL")) });
    notifier.flush();
    const auto alert = alerts.at(0).at(0).value<Alert>();
    QCOMPARE(alert.title, QStringLiteral("fan-3 is no longer running"));
    QCOMPARE(alert.message, QStringLiteral("fan-3: RUNNING → STOPPING"));
    QVERIFY(!alert.anomalous);
}

void TestStatusChangeNotifier::severalConnections_nameTheAccountAndRegion()
{
    StatusChangeNotifier notifier;
    QSignalSpy alerts(&notifier, &StatusChangeNotifier::alertRaised);
    StatusChange anomalous = change(QStringLiteral("pump-1"), QStringLiteral("RUNNING"),
        QStringLiteral("RUNNING"), QStringLiteral("NORMAL"), QStringLiteral("ANOMALOUS"));
    anomalous.group = QStringLiteral("111111111111 · eu-west-1");
    notifier.observe({ anomalous });
    notifier.flush();
    auto alert = alerts.at(0).at(0).value<Alert>();
    QCOMPARE(alert.title, QStringLiteral("pump-1 (111111111111 · eu-west-1) turned ANOMALOUS"));
    QCOMPARE(alert.names, QStringList { QStringLiteral("pump-1") });

    StatusChange stopped = change(QStringLiteral("pump-1"), QStringLiteral("RUNNING"),
        QStringLiteral("STOPPED"), QStringLiteral("NORMAL"), QStringLiteral("NORMAL"));
    stopped.group = QStringLiteral("222222222222 · us-east-1");
    notifier.observe({ anomalous, stopped });
    notifier.flush();
    alert = alerts.at(1).at(0).value<Alert>();
    QCOMPARE(alert.message,
        QStringLiteral("pump-1 (111111111111 · eu-west-1): latest result ANOMALOUS\n"
                       "pump-1 (222222222222 · us-east-1): RUNNING → STOPPED"));
}

void TestStatusChangeNotifier::many_oneAlertListingFiveAndTheRest()
{
    StatusChangeNotifier notifier;
    QSignalSpy alerts(&notifier, &StatusChangeNotifier::alertRaised);
    QList<StatusChange> changes;
    for (int i = 0; i < 8; ++i) {
        changes.append(change(QStringLiteral("s-%1").arg(i), QStringLiteral("RUNNING"),
            QStringLiteral("STOPPING"), QStringLiteral("NORMAL"), QStringLiteral("NORMAL")));
    }
    notifier.observe(changes.mid(0, 3));
    notifier.observe(changes.mid(3));
    notifier.flush();
    QCOMPARE(alerts.size(), 1);
    const auto alert = alerts.at(0).at(0).value<Alert>();
    QCOMPARE(alert.title, QStringLiteral("8 schedulers need attention"));
    QCOMPARE(alert.names.size(), 8);
    const QStringList lines = alert.message.split(QLatin1Char('\n'));
    QCOMPARE(lines.size(), StatusChangeNotifier::kMaxListed + 1);
    QCOMPARE(lines.last(), QStringLiteral("and 3 more"));
}

void TestStatusChangeNotifier::watch_oneAlertPerCycleAndNoneForFirstSight()
{
    auto clock
        = std::make_shared<core::ManualClock>(QDateTime(QDate(2026, 3, 1), QTime(12, 0), Qt::UTC));
    models::SchedulerListModel model(clock);
    StatusChangeNotifier notifier;
    notifier.watch(&model);
    QSignalSpy alerts(&notifier, &StatusChangeNotifier::alertRaised);
    model.beginCycle();
    model.applyPage(
        { scheduler(QStringLiteral("a"), QStringLiteral("RUNNING"), QStringLiteral("ANOMALOUS")) });
    model.finishCycle(models::SchedulerListModel::CycleEnd::Complete);
    QCOMPARE(alerts.size(), 0);
    model.beginCycle();
    model.applyPage({ scheduler(
        QStringLiteral("a"), QStringLiteral("STOPPING"), QStringLiteral("ANOMALOUS")) });
    model.applyPage(
        { scheduler(QStringLiteral("b"), QStringLiteral("RUNNING"), QStringLiteral("NORMAL")) });
    QCOMPARE(alerts.size(), 0);
    model.finishCycle(models::SchedulerListModel::CycleEnd::Complete);
    QCOMPARE(alerts.size(), 1);
    QCOMPARE(alerts.at(0).at(0).value<Alert>().names, QStringList { QStringLiteral("a") });
}

void TestStatusChangeNotifier::watch_resetDropsWhatWasCollected()
{
    auto clock
        = std::make_shared<core::ManualClock>(QDateTime(QDate(2026, 3, 1), QTime(12, 0), Qt::UTC));
    models::SchedulerListModel model(clock);
    StatusChangeNotifier notifier;
    notifier.watch(&model);
    QSignalSpy alerts(&notifier, &StatusChangeNotifier::alertRaised);
    model.beginCycle();
    model.applyPage(
        { scheduler(QStringLiteral("a"), QStringLiteral("RUNNING"), QStringLiteral("NORMAL")) });
    model.finishCycle(models::SchedulerListModel::CycleEnd::Complete);
    model.beginCycle();
    model.applyPage(
        { scheduler(QStringLiteral("a"), QStringLiteral("STOPPED"), QStringLiteral("NORMAL")) });
    model.clear();
    model.beginCycle();
    model.finishCycle(models::SchedulerListModel::CycleEnd::Complete);
    QCOMPARE(alerts.size(), 0);
}

QTEST_GUILESS_MAIN(TestStatusChangeNotifier)
#include "tst_statuschangenotifier.moc"
