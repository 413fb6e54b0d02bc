#pragma once

#include "aws/servicedescription.h"

// Service descriptions for tests of the generic aws layer, written out here rather than taken
// from lookout::service, so that the resolver is checked against the values botocore uses.
namespace testsupport {

inline aws::ServiceDescription lookoutEquipmentService()
{
    aws::ServiceDescription service;
    service.endpointPrefix = QStringLiteral("lookoutequipment");
    service.servicesKey = QStringLiteral("lookoutequipment");
    service.endpointVariableSuffix = QStringLiteral("LOOKOUTEQUIPMENT");
    service.defaultEndpointTemplate
        = QStringLiteral("https://{endpointPrefix}.{region}.amazonaws.com");
    service.signingName = "lookoutequipment";
    service.targetPrefix = "AWSLookoutEquipmentFrontendService";
    return service;
}

inline aws::ServiceDescription s3Service()
{
    aws::ServiceDescription service;
    service.endpointPrefix = QStringLiteral("s3");
    service.servicesKey = QStringLiteral("s3");
    service.endpointVariableSuffix = QStringLiteral("S3");
    service.defaultEndpointTemplate
        = QStringLiteral("https://{endpointPrefix}.{region}.amazonaws.com");
    service.signingName = "s3";
    return service;
}

inline aws::ServiceDescription ssoOidcService()
{
    aws::ServiceDescription service;
    service.endpointPrefix = QStringLiteral("oidc");
    service.servicesKey = QStringLiteral("sso_oidc");
    service.endpointVariableSuffix = QStringLiteral("SSO_OIDC");
    service.defaultEndpointTemplate
        = QStringLiteral("https://{endpointPrefix}.{region}.amazonaws.com");
    service.signingName = "sso-oauth";
    return service;
}

} // namespace testsupport
