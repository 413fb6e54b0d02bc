#pragma once

#include "aws/configresolver.h"
#include "results/s3source.h"

#include <QString>

#include <optional>

namespace lookout {
struct InferenceScheduler;
}

// Where a scheduler's results are and how to reach them, for `results NAME` and the window's
// Results tab alike.
namespace results {

// The DataOutputConfiguration.S3OutputConfiguration (Bucket, Prefix) of the scheduler `name` as
// DescribeInferenceScheduler answered, as a location; nullopt with `problem` set to a sentence
// when the answer names none or an unusable one ("the scheduler pump-7 names no S3 output
// location (…Bucket)").
std::optional<S3Location> schedulerOutputLocation(
    const QString &name, const lookout::InferenceScheduler &scheduler, QString *problem = nullptr);

// The request to resolve S3's configuration with, from the one Lookout for Equipment was
// resolved with: the same profile, region and timeouts, but not its endpoint (--endpoint-url
// names Lookout for Equipment's), so S3's own settings apply (AWS_ENDPOINT_URL_S3, the profile's
// s3 section, AWS_ENDPOINT_URL, or AWS's).
aws::RequestedConfig outputRequestFor(aws::RequestedConfig lookoutRequest);

} // namespace results
