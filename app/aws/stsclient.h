#pragma once

#include "aws/awscredentials.h"
#include "aws/clientcall.h"
#include "aws/credentialsprovider.h"
#include "aws/result.h"
#include "aws/servicedescription.h"

#include <QByteArray>
#include <QObject>
#include <QString>
#include <QUrl>

#include <chrono>
#include <functional>
#include <memory>
#include <optional>

class QNetworkAccessManager;

namespace aws {

// STS as the AWS CLI v2 reaches it: endpoint prefix and signing name "sts", AWS_ENDPOINT_URL_STS,
// the `sts` entry of a `services` section, https://sts.{region}.amazonaws.com by default.
ServiceDescription stsServiceDescription();

// The regions whose STS endpoint is the global https://sts.amazonaws.com when
// sts_regional_endpoints = legacy (botocore's list).
bool isLegacyGlobalStsRegion(const QString &region);

struct StsClientSettings {
    QUrl endpoint; // https://sts.eu-west-1.amazonaws.com or a loopback URL
    QString endpointSource; // "AWS_ENDPOINT_URL_STS", "the default for region eu-west-1"
    QString region; // signing region
    int maxAttempts = 3;
    std::chrono::milliseconds connectTimeout { 60'000 };
    std::chrono::milliseconds readTimeout { 60'000 };
    qint64 maxResponseBytes = 1024 * 1024; // an STS answer is a few KiB
};

struct AssumeRoleParameters {
    QString roleArn;
    QString roleSessionName;
    QString externalId; // empty: not sent
    std::optional<int> durationSeconds;
    QString serialNumber; // the MFA device (mfa_serial); empty: none
    QString tokenCode; // the code it shows; a secret: never logged or kept
};

struct WebIdentityParameters {
    QString roleArn;
    QString roleSessionName;
    QByteArray webIdentityToken; // a secret: never logged
};

// The two STS operations the credential chain needs, in the AWS Query protocol: a form-encoded
// POST (Action, Version=2011-06-15, the parameters), an XML answer (stsxml), XML errors as
// AwsError values worded as the CLI words them. AssumeRole is signed (SigV4, service "sts") with
// the source credentials; AssumeRoleWithWebIdentity goes unsigned. Sent as the other clients send
// (SignedExchange: retries, quota, clock skew, size cap, timeouts). Lives on one thread.
class StsClient : public QObject {
    Q_OBJECT
public:
    using Callback = std::function<void(const Result<AwsCredentials> &)>;

    // `source` signs AssumeRole; it may be null for a client that only assumes web identities.
    StsClient(QNetworkAccessManager *network, StsClientSettings settings,
        std::shared_ptr<CredentialsProvider> source, QObject *parent = nullptr);
    ~StsClient() override;

    // `done` runs once, later, with the role's temporary credentials (their source set to
    // `description`) or the error, unless `context` is destroyed first.
    ClientCall *assumeRole(const AssumeRoleParameters &parameters, const QString &description,
        QObject *context, Callback done);
    ClientCall *assumeRoleWithWebIdentity(const WebIdentityParameters &parameters,
        const QString &description, QObject *context, Callback done);

    const StsClientSettings &settings() const { return m_settings; }

private:
    class Private;
    ClientCall *start(QByteArray operation, QByteArray form, bool sign, const QString &description,
        QObject *context, Callback done);

    StsClientSettings m_settings;
    std::unique_ptr<Private> d;
};

} // namespace aws
