#pragma once

#include "aws/awsprofiles.h"
#include "aws/result.h"
#include "aws/servicedescription.h"

#include <QProcessEnvironment>
#include <QString>

#include <optional>

namespace aws {

// An endpoint setting and where it came from ("AWS_ENDPOINT_URL_SSO", "services corp in
// /root/.aws/config line 9").
struct ConfiguredEndpoint {
    QString value;
    QString source;
};

// Whether AWS_IGNORE_CONFIGURED_ENDPOINT_URLS or the profile's ignore_configured_endpoint_urls
// is true; `source` then names which.
bool configuredEndpointsIgnored(
    const QProcessEnvironment &environment, const AwsProfile *profile, QString *source = nullptr);

// The one rule for an endpoint the user configured for `service` (any service: Lookout for
// Equipment, S3, the SSO portal, SSO OIDC), in the AWS CLI's order: AWS_ENDPOINT_URL_<ID>,
// AWS_ENDPOINT_URL, the `service.servicesKey` entry of the profile's services section, the
// profile's endpoint_url. nullopt when none is configured or configured ones are ignored. A
// profile whose services section does not exist is a Configuration error.
Result<std::optional<ConfiguredEndpoint>> configuredEndpoint(const ServiceDescription &service,
    const QProcessEnvironment &environment, const AwsProfiles &profiles, const AwsProfile *profile);

} // namespace aws
