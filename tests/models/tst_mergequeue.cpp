// MergeQueue: merges run in the order posted; with the budget spent the rest waits for the next
// pass of the event loop (an event posted by one merge is handled before the next merge runs),
// within the budget they run in one pass; a merge whose context is gone is dropped.
#include "models/mergequeue.h"

#include <QtTest>

#include <chrono>
#include <memory>

using models::MergeQueue;
using namespace std::chrono_literals;

class TestMergeQueue : public QObject {
    Q_OBJECT
private slots:
    void merges_runInTheOrderPosted();
    void spentBudget_letsTheEventLoopRunBetweenMerges();
    void withinTheBudget_mergesRunInOnePass();
    void mergeOfADestroyedContext_isDropped();
};

void TestMergeQueue::merges_runInTheOrderPosted()
{
    MergeQueue queue;
    QObject context;
    QList<int> ran;
    for (int i = 0; i < 5; ++i)
        queue.post(&context, [&ran, i] { ran.append(i); });
    QTRY_VERIFY(queue.isEmpty());
    QCOMPARE(ran, (QList<int> { 0, 1, 2, 3, 4 }));
}

void TestMergeQueue::spentBudget_letsTheEventLoopRunBetweenMerges()
{
    MergeQueue queue(0ms, nullptr);
    QObject context;
    bool eventHandled = false;
    std::optional<bool> handledBeforeSecondMerge;
    queue.post(&context, [&] {
        QMetaObject::invokeMethod(
            &context, [&] { eventHandled = true; }, Qt::QueuedConnection);
    });
    queue.post(&context, [&] { handledBeforeSecondMerge = eventHandled; });
    QTRY_VERIFY(handledBeforeSecondMerge.has_value());
    QVERIFY(*handledBeforeSecondMerge);
}

void TestMergeQueue::withinTheBudget_mergesRunInOnePass()
{
    MergeQueue queue(10s, nullptr);
    QObject context;
    bool eventHandled = false;
    std::optional<bool> handledBeforeSecondMerge;
    queue.post(&context, [&] {
        QMetaObject::invokeMethod(
            &context, [&] { eventHandled = true; }, Qt::QueuedConnection);
    });
    queue.post(&context, [&] { handledBeforeSecondMerge = eventHandled; });
    QTRY_VERIFY(handledBeforeSecondMerge.has_value());
    QVERIFY(!*handledBeforeSecondMerge);
}

void TestMergeQueue::mergeOfADestroyedContext_isDropped()
{
    MergeQueue queue;
    auto gone = std::make_unique<QObject>();
    QObject kept;
    QList<QString> ran;
    queue.post(gone.get(), [&ran] { ran.append(QStringLiteral("gone")); });
    queue.post(&kept, [&ran] { ran.append(QStringLiteral("kept")); });
    gone.reset();
    QTRY_VERIFY(queue.isEmpty());
    QCOMPARE(ran, QList<QString> { QStringLiteral("kept") });
}

QTEST_GUILESS_MAIN(TestMergeQueue)
#include "tst_mergequeue.moc"
