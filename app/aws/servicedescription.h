#pragma once

#include <QByteArray>
#include <QString>
#include <QUrl>

namespace aws {

// What the generic layer needs to know about one AWS service to find its endpoint and to sign
// and address its requests. The caller that talks to the service supplies it (for Lookout for
// Equipment: lookout::service::description()); the same resolver serves s3, sts, sso or
// sso-oidc with theirs.
struct ServiceDescription {
    // The service's DNS label in its regional endpoint ("lookoutequipment", "oidc" for sso-oidc).
    QString endpointPrefix;
    // The sub-section key of the profile's `services` section ("lookoutequipment", "s3",
    // "sso_oidc").
    QString servicesKey;
    // The <ID> of AWS_ENDPOINT_URL_<ID> ("LOOKOUTEQUIPMENT", "S3", "SSO_OIDC").
    QString endpointVariableSuffix;
    // The endpoint when none is configured; "{endpointPrefix}" and "{region}" are replaced
    // ("https://{endpointPrefix}.{region}.amazonaws.com").
    QString defaultEndpointTemplate;
    // The SigV4 signing name ("lookoutequipment", "s3", "sts").
    QByteArray signingName;
    // The X-Amz-Target prefix of AWS JSON services ("AWSLookoutEquipmentFrontendService"); empty
    // for the others.
    QByteArray targetPrefix;

    QString endpointVariable() const
    {
        return QStringLiteral("AWS_ENDPOINT_URL_") + endpointVariableSuffix;
    }
    // The default endpoint in `region`.
    QUrl defaultEndpoint(const QString &region) const
    {
        QString url = defaultEndpointTemplate;
        url.replace(QLatin1StringView("{endpointPrefix}"), endpointPrefix);
        url.replace(QLatin1StringView("{region}"), region);
        return QUrl(url);
    }
    friend bool operator==(const ServiceDescription &, const ServiceDescription &) = default;
};

} // namespace aws
