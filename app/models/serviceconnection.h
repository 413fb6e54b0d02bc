#pragma once

#include "aws/awsjsonclient.h"
#include "aws/connectionresolver.h"
#include "lookout/lookoutclient.h"
#include "models/clicommandtext.h"

#include <QString>

#include <memory>

class QNetworkAccessManager;

// One resolved connection (profile, region, endpoint, credentials) and the clients that talk
// through it. The window holds exactly one; switching profile, region or endpoint replaces it, and
// destroying it drops every call in flight on it: no answer for the old connection is ever
// delivered afterwards (AwsJsonClient's guarantee once the client is gone).
namespace models {

class ServiceConnection {
public:
    // `network` must outlive this object.
    ServiceConnection(QNetworkAccessManager *network, aws::Connection connection);
    ~ServiceConnection();
    ServiceConnection(const ServiceConnection &) = delete;
    ServiceConnection &operator=(const ServiceConnection &) = delete;

    const aws::Connection &connection() const { return m_connection; }
    lookout::LookoutClient client() const { return lookout::LookoutClient(m_jsonClient.get()); }
    aws::AwsJsonClient *jsonClient() const { return m_jsonClient.get(); }
    // What "Copy CLI command" needs: profile, region, endpoint.
    CliConnection cliConnection() const { return CliConnection::fromConnection(m_connection); }
    // "prod · eu-west-1", for the status bar.
    QString displayName() const;

private:
    aws::Connection m_connection;
    std::unique_ptr<aws::AwsJsonClient> m_jsonClient;
};

} // namespace models
