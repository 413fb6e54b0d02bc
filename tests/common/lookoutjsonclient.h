#pragma once

#include "aws/awsjsonclient.h"
#include "lookout/service.h"

#include <QNetworkAccessManager>
#include <QUrl>

#include <memory>

namespace testsupport {

// A Lookout for Equipment JSON client for a test's endpoint (the emulator or a scripted server)
// with fixed credentials and one attempt per call, so that a failure arrives at once.
inline std::unique_ptr<aws::AwsJsonClient> oneAttemptLookoutClient(QNetworkAccessManager *network,
    const QUrl &endpoint, const QString &region, const aws::AwsCredentials &credentials)
{
    aws::AwsJsonClientSettings settings;
    settings.signingName = lookout::service::kSigningName;
    settings.targetPrefix = lookout::service::kTargetPrefix;
    settings.endpoint = endpoint;
    settings.region = region;
    settings.maxAttempts = 1;
    return std::make_unique<aws::AwsJsonClient>(
        network, settings, std::make_shared<aws::StaticCredentialsProvider>(credentials));
}

} // namespace testsupport
