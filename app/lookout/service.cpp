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

QString cliCommand(QLatin1StringView operation)
{
    QString command = QStringLiteral("aws ") + QLatin1StringView(kCliServiceName) + u' ';
    for (qsizetype i = 0; i < operation.size(); ++i) {
        const QChar c = operation.at(i);
        if (c.isUpper() && i > 0)
            command += u'-';
        command += c.toLower();
    }
    return command;
}

} // namespace lookout::service
