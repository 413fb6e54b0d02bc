#include "models/serviceconnection.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcConnection, "lookoutdesk.models.connection", QtWarningMsg)

namespace models {

ServiceConnection::ServiceConnection(QNetworkAccessManager *network, aws::Connection connection)
    : m_connection(std::move(connection))
    , m_jsonClient(std::make_unique<aws::AwsJsonClient>(
          network, m_connection.clientSettings(), m_connection.credentials))
{
    qCDebug(lcConnection) << "connected to" << m_connection.endpoint.toString(QUrl::RemoveUserInfo)
                          << "as" << m_connection.profile.value;
}

ServiceConnection::~ServiceConnection()
{
    // Said explicitly: nothing that was asked of this connection may answer after it is gone.
    m_jsonClient->abortAll();
}

QString ServiceConnection::displayName() const
{
    const QString profile = m_connection.profile.value;
    const QString region = m_connection.region.value;
    if (profile.isEmpty())
        return region;
    return region.isEmpty() ? profile : profile + QStringLiteral(" · ") + region;
}

} // namespace models
