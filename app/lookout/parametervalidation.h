#pragma once

#include "aws/awserror.h"

#include <QLatin1StringView>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// Request parameters checked against the service model's constraints before anything is sent,
// each problem worded as botocore words it. botocore itself checks only minimums
// ("Invalid length for parameter InferenceSchedulerName, value: 0, valid min length: 1",
// "Invalid value for parameter MaxResults, value: 0, valid min value: 1"); maximums, patterns
// and enums, which the service would refuse with a ValidationException, use the same form:
//   "Invalid length for parameter X, value: 201, valid max length: 200"
//   "Invalid value for parameter X, value: a b, valid pattern: ^[0-9a-zA-Z_-]{1,200}$"
//   "Invalid value for parameter Status, value: ON, valid values: PENDING, RUNNING, STOPPING,
//   STOPPED"
namespace lookout {

class ParameterCheck {
public:
    // A scheduler or model name (InferenceSchedulerIdentifier, ModelName):
    // 1 to 200 characters of ^[0-9a-zA-Z_-]{1,200}$.
    ParameterCheck &identifier(QLatin1StringView parameter, const QString &value);
    ParameterCheck &enumValue(
        QLatin1StringView parameter, const QString &value, const QList<QLatin1StringView> &allowed);
    ParameterCheck &range(
        QLatin1StringView parameter, qint64 value, qint64 minimum, qint64 maximum);
    // A timestamp parameter given a text that is no time, as botocore refuses it: "Invalid type
    // for parameter X, value: soon, type: <class 'str'>, valid types: <class
    // 'datetime.datetime'>, timestamp-string".
    ParameterCheck &notATimestamp(QLatin1StringView parameter, const QString &text);

    // Every problem found, one per line as botocore reports them, as an error of kind
    // InvalidParameter for `operation`; nullopt when there was none.
    std::optional<aws::AwsError> error(const QString &operation) const;
    const QStringList &problems() const { return m_problems; }

private:
    QStringList m_problems;
};

// The model's enums for request filters.
const QList<QLatin1StringView> &inferenceSchedulerStatuses(); // PENDING, RUNNING, STOPPING, STOPPED
const QList<QLatin1StringView> &inferenceExecutionStatuses(); // IN_PROGRESS, SUCCESS, FAILED

} // namespace lookout
