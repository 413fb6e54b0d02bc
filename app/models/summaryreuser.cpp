#include "models/summaryreuser.h"

namespace models {

namespace {

// Same storage and length: the same text, since shared text is never written to (Qt copies a
// shared string before any change).
bool sameStorage(const std::optional<QString> &a, const std::optional<QString> &b)
{
    if (a.has_value() != b.has_value())
        return false;
    return !a || (a->constData() == b->constData() && a->size() == b->size());
}

} // namespace

QString schedulerKey(const lookout::InferenceSchedulerSummary &summary)
{
    if (summary.inferenceSchedulerArn && !summary.inferenceSchedulerArn->isEmpty())
        return *summary.inferenceSchedulerArn;
    return summary.inferenceSchedulerName.value_or(QString());
}

bool sharesAllData(
    const lookout::InferenceSchedulerSummary &a, const lookout::InferenceSchedulerSummary &b)
{
    return a.dataDelayOffsetInMinutes == b.dataDelayOffsetInMinutes
        && sameStorage(a.status, b.status)
        && sameStorage(a.latestInferenceResult, b.latestInferenceResult)
        && sameStorage(a.inferenceSchedulerArn, b.inferenceSchedulerArn)
        && sameStorage(a.inferenceSchedulerName, b.inferenceSchedulerName)
        && sameStorage(a.modelName, b.modelName) && sameStorage(a.modelArn, b.modelArn)
        && sameStorage(a.dataUploadFrequency, b.dataUploadFrequency);
}

void SummaryReuser::beginListing()
{
    m_current.clear();
    m_current.reserve(m_previous.size());
}

QList<lookout::InferenceSchedulerSummary> SummaryReuser::reuse(
    QList<lookout::InferenceSchedulerSummary> page)
{
    for (lookout::InferenceSchedulerSummary &summary : page) {
        const QString key = schedulerKey(summary);
        if (key.isEmpty())
            continue;
        const auto previous = m_previous.constFind(key);
        if (previous != m_previous.cend() && *previous == summary)
            summary = *previous;
        m_current.insert(key, summary);
    }
    return page;
}

void SummaryReuser::finishListing(bool complete)
{
    if (complete) {
        m_previous.swap(m_current);
    } else {
        for (auto it = m_current.cbegin(); it != m_current.cend(); ++it)
            m_previous.insert(it.key(), it.value());
    }
    m_current.clear();
}

void SummaryReuser::clear()
{
    m_previous.clear();
    m_current.clear();
}

} // namespace models
