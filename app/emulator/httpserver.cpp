#include "emulator/httpserver.h"

#include "emulator/emulatorlog.h"

#include <QTcpSocket>

#include <utility>

namespace emulator {

HttpServer::HttpServer(const HttpLimits &limits, HttpHandler handler, QObject *parent)
    : QObject(parent)
    , m_limits(limits)
    , m_handler(std::move(handler))
{
    connect(&m_server, &QTcpServer::newConnection, this, &HttpServer::acceptPending);
}

HttpServer::~HttpServer()
{
    close();
}

bool HttpServer::listen(const QHostAddress &address, quint16 port)
{
    return m_server.listen(address, port);
}

void HttpServer::close()
{
    m_server.close();
    const QSet<HttpConnection *> all = m_connections + m_refusing;
    m_connections.clear();
    m_refusing.clear();
    for (HttpConnection *connection : all) {
        connection->abort();
        delete connection;
    }
}

void HttpServer::acceptPending()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        if (m_connections.size() < m_limits.maxConnections) {
            auto *connection = new HttpConnection(socket, m_limits, m_handler, this);
            m_connections.insert(connection);
            connect(connection, &HttpConnection::finished, this, &HttpServer::onFinished);
            emit connectionCountChanged(connectionCount());
            connection->start();
            continue;
        }
        if (m_refusing.size() < m_limits.maxConnections) {
            if (m_refusing.isEmpty()) {
                qCInfo(lcEmulatorHttp) << "connection cap of" << m_limits.maxConnections
                                       << "reached; answering 503 until connections close";
            }
            auto *connection = new HttpConnection(socket, m_limits, m_handler, this);
            m_refusing.insert(connection);
            connect(connection, &HttpConnection::finished, this, &HttpServer::onFinished);
            connection->refuse(503);
            continue;
        }
        qCDebug(lcEmulatorHttp) << "connection flood; dropping a connection unanswered";
        socket->abort();
        delete socket;
    }
}

void HttpServer::onFinished(HttpConnection *connection)
{
    const bool served = m_connections.remove(connection);
    m_refusing.remove(connection);
    connection->deleteLater();
    if (served)
        emit connectionCountChanged(connectionCount());
}

} // namespace emulator
