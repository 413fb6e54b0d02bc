#pragma once

#include "aws/awsjsonclient.h"
#include "aws/configresolver.h"
#include "lookout/lookoutclient.h"
#include "models/clicommandtext.h"

#include <QString>

#include <memory>

class QNetworkAccessManager;

// The live client bundle: one resolved configuration (profile, region, endpoint, credentials) and
// the clients that talk through it. The window holds exactly one; switching profile, region or
// endpoint replaces it, and destroying it drops every call in flight on it: no answer for the old
// configuration is ever delivered afterwards (AwsJsonClient's guarantee once the client is gone).
namespace models {

class ConnectedClient {
public:
    // `network` must outlive this object.
    ConnectedClient(QNetworkAccessManager *network, aws::ResolvedConfig config);
    ~ConnectedClient();
    ConnectedClient(const ConnectedClient &) = delete;
    ConnectedClient &operator=(const ConnectedClient &) = delete;

    const aws::ResolvedConfig &config() const { return m_config; }
    lookout::LookoutClient lookoutClient() const
    {
        return lookout::LookoutClient(m_jsonClient.get());
    }
    aws::AwsJsonClient *jsonClient() const { return m_jsonClient.get(); }
    // What "Copy CLI command" needs: profile, region, endpoint.
    CliGlobalOptions cliOptions() const { return CliGlobalOptions::fromConfig(m_config); }
    // "prod · eu-west-1", for the status bar.
    QString displayName() const;

private:
    aws::ResolvedConfig m_config;
    std::unique_ptr<aws::AwsJsonClient> m_jsonClient;
};

} // namespace models
