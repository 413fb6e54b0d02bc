#pragma once

#include "inferencescheduler.h"

#include "../aws/result.h"

#include <QByteArray>
#include <QByteArrayView>

// JSON for the value types in two dialects:
//  - wire: what the service sends and the emulator serves (timestamps as epoch-second numbers);
//  - CLI:  what `aws lookoutequipment … --output json` prints (model member order, ISO 8601
//          timestamps with offset, 4-space indent), which is also the archive format that
//          `lookout-desk emulator --from DIR` loads.
// Decoders validate types and name the path of a wrong member
// ("DataInputConfiguration.S3InputConfiguration.Bucket: expected string, got number");
// errors are AwsError::Kind::BadResponse. Unknown members are ignored.
namespace lookout::json {

aws::Result<InferenceScheduler> decodeDescribeInferenceScheduler(QByteArrayView body);
aws::Result<InferenceSchedulerPage> decodeListInferenceSchedulers(QByteArrayView body);
aws::Result<InferenceExecutionPage> decodeListInferenceExecutions(QByteArrayView body);
aws::Result<SchedulerStateChange> decodeSchedulerStateChange(QByteArrayView body);

QByteArray encodeDescribeInferenceScheduler(const InferenceScheduler &scheduler);
QByteArray encodeListInferenceSchedulers(const InferenceSchedulerPage &page);
QByteArray encodeListInferenceExecutions(const InferenceExecutionPage &page);
QByteArray encodeSchedulerStateChange(const SchedulerStateChange &change);

QByteArray cliDescribeInferenceScheduler(const InferenceScheduler &scheduler);
QByteArray cliListInferenceSchedulers(const QList<InferenceSchedulerSummary> &summaries);
QByteArray cliListInferenceExecutions(const QList<InferenceExecutionSummary> &summaries);
QByteArray cliSchedulerStateChange(const SchedulerStateChange &change);

// A saved `aws lookoutequipment describe-inference-scheduler` output (ISO timestamps).
aws::Result<InferenceScheduler> decodeCliDescribeInferenceScheduler(QByteArrayView json);

} // namespace lookout::json
