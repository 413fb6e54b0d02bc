#include "lookout/service.h"

namespace lookout::service {

aws::ServiceDescription description()
{
    aws::ServiceDescription service;
    service.endpointPrefix = QLatin1StringView(kEndpointPrefix);
    service.servicesKey = QLatin1StringView(kCliServiceName);
    service.endpointVariableSuffix = QLatin1StringView(kEndpointVariableSuffix);
    service.defaultEndpointTemplate = QLatin1StringView(kDefaultEndpointTemplate);
    service.signingName = kSigningName;
    service.targetPrefix = kTargetPrefix;
    return service;
}

} // namespace lookout::service
