#pragma once

#include "lookout/inferencescheduler.h"
#include "models/schedulerlistmodel.h"

#include <QDateTime>
#include <QList>
#include <QString>

// Fleet rows for the dashboard's tests: one scheduler summary as ListInferenceSchedulers lists it,
// and one complete or failed refresh cycle of a connection. (Header only: the tests that use it
// link the models library, the support library does not.)
namespace testsupport {

// Where the fleet tests' manual clocks start.
inline QDateTime fleetStart()
{
    return QDateTime(QDate(2026, 3, 1), QTime(12, 0, 0), Qt::UTC);
}

// A scheduler of `account` in `region`; an empty `result` leaves the latest result absent.
inline lookout::InferenceSchedulerSummary fleetScheduler(const QString &name, const QString &status,
    const QString &result, const QString &region = QStringLiteral("us-east-1"),
    const QString &account = QStringLiteral("1"))
{
    lookout::InferenceSchedulerSummary s;
    s.inferenceSchedulerName = name;
    s.inferenceSchedulerArn
        = QStringLiteral("arn:aws:lookoutequipment:%1:%2:inference-scheduler/").arg(region, account)
        + name;
    s.modelName = QStringLiteral("model-x");
    s.status = status;
    if (!result.isEmpty())
        s.latestInferenceResult = result;
    return s;
}

// One refresh of connection `source` listing `page`: complete, or failed after it.
inline void runFleetCycle(models::SchedulerListModel &model,
    const QList<lookout::InferenceSchedulerSummary> &page, bool complete = true, int source = 0)
{
    model.beginCycle(source);
    model.applyPage(page, source);
    model.finishCycle(complete ? models::SchedulerListModel::CycleEnd::Complete
                               : models::SchedulerListModel::CycleEnd::Incomplete,
        source);
}

} // namespace testsupport
