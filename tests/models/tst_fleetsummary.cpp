// FleetSummary: counts by status and latest result kept by add/remove, the order of counts()
// (severity first) and the summary line.
#include "models/fleetsummary.h"

#include <QtTest>

using models::FleetSummary;
using Field = FleetSummary::Field;

namespace {

lookout::InferenceSchedulerSummary scheduler(const QString &status, const QString &result)
{
    lookout::InferenceSchedulerSummary s;
    s.inferenceSchedulerName = QStringLiteral("s");
    if (!status.isEmpty())
        s.status = status;
    if (!result.isEmpty())
        s.latestInferenceResult = result;
    return s;
}

} // namespace

class TestFleetSummary : public QObject {
    Q_OBJECT
private slots:
    void empty_saysNoSchedulers();
    void add_countsStatusesAndResults();
    void remove_undoesAdd();
    void counts_inSeverityOrderStatusesFirst();
    void text_listsNonZeroCounts();
    void text_oneScheduler();
    void unknownValues_countedVerbatim();
};

void TestFleetSummary::empty_saysNoSchedulers()
{
    const FleetSummary summary;
    QCOMPARE(summary.total(), 0);
    QVERIFY(summary.counts().isEmpty());
    QCOMPARE(summary.text(), QStringLiteral("No schedulers"));
}

void TestFleetSummary::add_countsStatusesAndResults()
{
    FleetSummary summary;
    summary.add(scheduler(QStringLiteral("RUNNING"), QStringLiteral("NORMAL")));
    summary.add(scheduler(QStringLiteral("RUNNING"), QStringLiteral("ANOMALOUS")));
    summary.add(scheduler(QStringLiteral("STOPPED"), QString()));
    QCOMPARE(summary.total(), 3);
    QCOMPARE(summary.statusCount(QStringLiteral("RUNNING")), 2);
    QCOMPARE(summary.statusCount(QStringLiteral("STOPPED")), 1);
    QCOMPARE(summary.statusCount(QStringLiteral("PENDING")), 0);
    QCOMPARE(summary.latestResultCount(QStringLiteral("ANOMALOUS")), 1);
    QCOMPARE(summary.latestResultCount(QString()), 1);
}

void TestFleetSummary::remove_undoesAdd()
{
    FleetSummary summary;
    const auto a = scheduler(QStringLiteral("RUNNING"), QStringLiteral("NORMAL"));
    const auto b = scheduler(QStringLiteral("PENDING"), QString());
    summary.add(a);
    summary.add(b);
    summary.remove(a);
    QCOMPARE(summary.total(), 1);
    QCOMPARE(summary.statusCount(QStringLiteral("RUNNING")), 0);
    summary.remove(b);
    QVERIFY(summary == FleetSummary());
    summary.add(a);
    summary.clear();
    QVERIFY(summary == FleetSummary());
}

void TestFleetSummary::counts_inSeverityOrderStatusesFirst()
{
    FleetSummary summary;
    summary.add(scheduler(QStringLiteral("RUNNING"), QStringLiteral("NORMAL")));
    summary.add(scheduler(QStringLiteral("STOPPED"), QStringLiteral("ANOMALOUS")));
    summary.add(scheduler(QStringLiteral("PENDING"), QString()));
    summary.add(scheduler(QStringLiteral("STOPPING"), QStringLiteral("NORMAL")));
    const QList<FleetSummary::Count> expected {
        { Field::Status, QStringLiteral("STOPPING"), 1 },
        { Field::Status, QStringLiteral("PENDING"), 1 },
        { Field::Status, QStringLiteral("STOPPED"), 1 },
        { Field::Status, QStringLiteral("RUNNING"), 1 },
        { Field::LatestResult, QStringLiteral("ANOMALOUS"), 1 },
        { Field::LatestResult, QStringLiteral("NORMAL"), 2 },
    };
    QCOMPARE(summary.counts(), expected);
}

void TestFleetSummary::text_listsNonZeroCounts()
{
    FleetSummary summary;
    for (int i = 0; i < 12; ++i)
        summary.add(scheduler(QStringLiteral("RUNNING"),
            i < 2 ? QStringLiteral("ANOMALOUS") : QStringLiteral("NORMAL")));
    for (int i = 0; i < 3; ++i)
        summary.add(scheduler(QStringLiteral("STOPPED"), QString()));
    QCOMPARE(summary.text(),
        QStringLiteral("15 schedulers · 3 stopped · 12 running — 2 anomalous · 10 normal"));
}

void TestFleetSummary::text_oneScheduler()
{
    FleetSummary summary;
    summary.add(scheduler(QStringLiteral("PENDING"), QString()));
    QCOMPARE(summary.text(), QStringLiteral("1 scheduler · 1 pending"));
}

void TestFleetSummary::unknownValues_countedVerbatim()
{
    FleetSummary summary;
    summary.add(scheduler(QStringLiteral("RUNNING"), QString()));
    summary.add(scheduler(QStringLiteral("DEGRADED"), QString()));
    QCOMPARE(summary.counts().first(),
        (FleetSummary::Count { Field::Status, QStringLiteral("DEGRADED"), 1 }));
    QCOMPARE(summary.text(), QStringLiteral("2 schedulers · 1 degraded · 1 running"));
}

QTEST_GUILESS_MAIN(TestFleetSummary)
#include "tst_fleetsummary.moc"
