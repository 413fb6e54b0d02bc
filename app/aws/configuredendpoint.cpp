#include "aws/configuredendpoint.h"

namespace aws {

namespace {

std::optional<ConfiguredEndpoint> profileValue(const AwsProfile *profile, const QString &key)
{
    if (!profile)
        return std::nullopt;
    const ConfigProperty *property = profile->property(key);
    if (!property || property->value.isEmpty())
        return std::nullopt;
    return ConfiguredEndpoint { property->value,
        QStringLiteral("profile %1 in %2").arg(profile->name, property->location()) };
}

} // namespace

bool configuredEndpointsIgnored(
    const QProcessEnvironment &environment, const AwsProfile *profile, QString *source)
{
    std::optional<ConfiguredEndpoint> ignore;
    const QString variable = QStringLiteral("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS");
    if (const QString value = environment.value(variable); !value.isEmpty())
        ignore = ConfiguredEndpoint { value, variable };
    else
        ignore = profileValue(profile, QStringLiteral("ignore_configured_endpoint_urls"));
    if (!ignore || ignore->value.compare(QLatin1String("true"), Qt::CaseInsensitive) != 0)
        return false;
    if (source)
        *source = ignore->source;
    return true;
}

Result<std::optional<ConfiguredEndpoint>> configuredEndpoint(const ServiceDescription &service,
    const QProcessEnvironment &environment, const AwsProfiles &profiles, const AwsProfile *profile)
{
    using Found = std::optional<ConfiguredEndpoint>;
    if (configuredEndpointsIgnored(environment, profile))
        return Found();
    for (const QString &variable :
        { service.endpointVariable(), QStringLiteral("AWS_ENDPOINT_URL") }) {
        if (const QString value = environment.value(variable); !value.isEmpty())
            return Found(ConfiguredEndpoint { value, variable });
    }
    if (profile) {
        if (const ConfigProperty *services = profile->property(QStringLiteral("services"))) {
            const ConfigSection *section = profiles.servicesSection(services->value);
            if (!section)
                return AwsError::configuration(AwsError::Setting::Profile,
                    QStringLiteral("The profile is configured to use the services section but the "
                                   "\"%1\" services configuration does not exist. (profile %2 in "
                                   "%3)")
                        .arg(services->value, profile->name, services->location()));
            const ConfigEntry entry = section->properties.value(service.servicesKey)
                                          .subProperties.value(QStringLiteral("endpoint_url"));
            if (!entry.value.isEmpty())
                return Found(ConfiguredEndpoint { entry.value,
                    QStringLiteral("services %1 in %2 line %3")
                        .arg(services->value, entry.file, QString::number(entry.line)) });
        }
    }
    return profileValue(profile, QStringLiteral("endpoint_url"));
}

} // namespace aws
