#include "models/connectedclient.h"

#include "aws/endpointtarget.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcClient, "lookoutdesk.models.connection", QtWarningMsg)

namespace models {

ConnectedClient::ConnectedClient(QNetworkAccessManager *network, aws::ResolvedConfig config)
    : m_config(std::move(config))
    , m_jsonClient(std::make_unique<aws::AwsJsonClient>(
          network, m_config.clientSettings(), m_config.credentials))
{
    qCDebug(lcClient) << "connected to" << aws::withoutUserInfo(m_config.endpoint) << "as"
                      << m_config.profile.value;
}

ConnectedClient::~ConnectedClient()
{
    // Said explicitly: nothing that was asked of this connection may answer after it is gone.
    m_jsonClient->abortAll();
}

QString ConnectedClient::displayName() const
{
    const QString profile = m_config.profile.value;
    const QString region = m_config.region.value;
    if (profile.isEmpty())
        return region;
    return region.isEmpty() ? profile : profile + QStringLiteral(" · ") + region;
}

} // namespace models
