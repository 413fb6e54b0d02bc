#pragma once

#include "aws/servicedescription.h"

// Amazon Lookout for Equipment as the wire, the AWS CLI and the configuration name it: every
// spelling of the service lives here (Smithy model com.amazonaws.lookoutequipment, API version
// 2020-12-15).
namespace lookout::service {

// SigV4 signing name, and the service namespace in ARNs.
inline constexpr char kSigningName[] = "lookoutequipment";
// The DNS label of the regional endpoint.
inline constexpr char kEndpointPrefix[] = "lookoutequipment";
inline constexpr char kDefaultEndpointTemplate[]
    = "https://{endpointPrefix}.{region}.amazonaws.com";
// X-Amz-Target is "<prefix>.<Operation>".
inline constexpr char kTargetPrefix[] = "AWSLookoutEquipmentFrontendService";
// `aws lookoutequipment …`, and the key of the profile's `services` section.
inline constexpr char kCliServiceName[] = "lookoutequipment";
// AWS_ENDPOINT_URL_LOOKOUTEQUIPMENT.
inline constexpr char kEndpointVariableSuffix[] = "LOOKOUTEQUIPMENT";
// The namespace of error types in `__type` ("com.amazonaws.lookoutequipment#ValidationException").
inline constexpr char kErrorTypeNamespace[] = "com.amazonaws.lookoutequipment";

// Operation names, as X-Amz-Target and the CLI's error sentences spell them.
namespace operation {
inline constexpr char kDescribeInferenceScheduler[] = "DescribeInferenceScheduler";
inline constexpr char kListInferenceSchedulers[] = "ListInferenceSchedulers";
inline constexpr char kListInferenceExecutions[] = "ListInferenceExecutions";
inline constexpr char kListInferenceEvents[] = "ListInferenceEvents";
inline constexpr char kStartInferenceScheduler[] = "StartInferenceScheduler";
inline constexpr char kStopInferenceScheduler[] = "StopInferenceScheduler";
inline constexpr char kDescribeModel[] = "DescribeModel";
} // namespace operation

// The above, as the configuration resolver and the JSON client take it.
aws::ServiceDescription description();

// The AWS CLI's command for `operation`: "aws lookoutequipment describe-inference-scheduler"
// for "DescribeInferenceScheduler" (botocore's xform_name: a hyphen before each capital but the
// first, all lower case).
QString cliCommand(QLatin1StringView operation);

} // namespace lookout::service
