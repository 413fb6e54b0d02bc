#include "models/mergequeue.h"

namespace models {

MergeQueue::MergeQueue(QObject *parent)
    : MergeQueue(kDefaultBudget, parent)
{
}

MergeQueue::MergeQueue(std::chrono::milliseconds budget, QObject *parent)
    : QObject(parent)
    , m_budget(budget)
{
    m_nextPass.setSingleShot(true);
    m_nextPass.setInterval(0);
    connect(&m_nextPass, &QTimer::timeout, this, &MergeQueue::runSome);
}

void MergeQueue::post(QObject *context, std::function<void()> merge)
{
    m_merges.push_back({ context, std::move(merge) });
    if (!m_nextPass.isActive())
        m_nextPass.start();
}

void MergeQueue::runSome()
{
    QElapsedTimer spent;
    spent.start();
    // At least one merge per pass, however long it takes, so the queue always drains.
    do {
        Merge merge = std::move(m_merges.front());
        m_merges.pop_front();
        if (merge.context)
            merge.run();
    } while (!m_merges.empty() && spent.elapsed() < m_budget.count());
    if (!m_merges.empty())
        m_nextPass.start();
}

} // namespace models
