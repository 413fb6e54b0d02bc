#pragma once

#include "aws/result.h"
#include "lookout/inferencescheduler.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QTimeZone>

// JSON for the value types in two dialects:
//  - wire: what the service sends and the emulator serves (timestamps as epoch-second numbers);
//  - CLI:  what `aws lookoutequipment … --output json` prints (model member order, ISO 8601
//          timestamps with offset, 4-space indent), which is also the archive format that
//          `lookout-desk emulator --from DIR` loads.
// Decoders validate types and name the path of a wrong member
// ("DataInputConfiguration.S3InputConfiguration.Bucket: expected string, got number",
// "InferenceSchedulerSummaries[3].Status: expected string, got object"); a body that is not JSON
// names the problem and its byte offset ("not valid JSON: unterminated string at offset 57").
// Errors are AwsError::Kind::BadResponse with `operation` set. Unknown members are ignored,
// unknown enum values kept verbatim, and absent members (or null, as botocore reads it) stay
// std::nullopt. Timestamps are epoch seconds read as botocore reads them (a double, microseconds
// rounded half-even); non-finite and out-of-range values are errors. Decoding builds no document
// tree and stops nesting at 1024 levels, so hostile input costs linear time and bounded stack.
// Encoders write members in model order and omit absent ones.
namespace lookout::json {

aws::Result<InferenceScheduler> decodeDescribeInferenceScheduler(QByteArrayView body);
// A page with more summaries than `maxResults` (the request's MaxResults; -1: any number) is a
// bad response that says how many it has; the summaries past the limit are skipped, not decoded.
aws::Result<InferenceSchedulerPage> decodeListInferenceSchedulers(
    QByteArrayView body, int maxResults = -1);
aws::Result<InferenceExecutionPage> decodeListInferenceExecutions(
    QByteArrayView body, int maxResults = -1);
aws::Result<InferenceEventPage> decodeListInferenceEvents(QByteArrayView body, int maxResults = -1);
aws::Result<SchedulerStateChange> decodeSchedulerStateChange(QByteArrayView body);

QByteArray encodeDescribeInferenceScheduler(const InferenceScheduler &scheduler);
QByteArray encodeListInferenceSchedulers(const InferenceSchedulerPage &page);
QByteArray encodeListInferenceExecutions(const InferenceExecutionPage &page);
QByteArray encodeListInferenceEvents(const InferenceEventPage &page);
QByteArray encodeSchedulerStateChange(const SchedulerStateChange &change);

// How the CLI prints timestamps (its `cli_timestamp_format` setting): "iso8601", CLI v2's
// default, as datetime.isoformat() in the CLI's local time zone (botocore parses with tzlocal, so
// "+00:00" only where the local zone is UTC); or "wire", CLI v1's default, the number as sent.
struct CliFormat {
    enum class Timestamps { Iso8601, Wire };
    Timestamps timestamps = Timestamps::Iso8601;
    QTimeZone timeZone = QTimeZone::utc();
};

// The CLI's stdout, trailing newline included. Like the CLI, a response with no member at all
// prints nothing (empty bytes). The list forms print the one merged list the headless commands
// show ({"InferenceSchedulerSummaries": [...]}, no NextToken), even when it is empty.
QByteArray cliDescribeInferenceScheduler(
    const InferenceScheduler &scheduler, const CliFormat &format = {});
QByteArray cliListInferenceSchedulers(const QList<InferenceSchedulerSummary> &summaries);
QByteArray cliListInferenceExecutions(
    const QList<InferenceExecutionSummary> &summaries, const CliFormat &format = {});
QByteArray cliListInferenceEvents(
    const QList<InferenceEventSummary> &summaries, const CliFormat &format = {});
QByteArray cliSchedulerStateChange(const SchedulerStateChange &change);

// A saved `aws lookoutequipment describe-inference-scheduler` output: timestamps as ISO 8601
// text with any offset, with or without a fraction (CLI v2), or as epoch seconds (CLI v1).
aws::Result<InferenceScheduler> decodeCliDescribeInferenceScheduler(QByteArrayView json);

} // namespace lookout::json
