#pragma once

#include "emulator/httpconnection.h"
#include "emulator/httplimits.h"

#include <QHostAddress>
#include <QObject>
#include <QSet>
#include <QTcpServer>

namespace emulator {

// A small, strict HTTP/1.1 server: keep-alive, pipelining answered in order, bounded request
// sizes, timeouts for idle and slow clients, and a connection cap (503 and close beyond it).
// Every connection lives on the thread of this object; the handler runs there too.
class HttpServer : public QObject {
    Q_OBJECT

public:
    HttpServer(const HttpLimits &limits, HttpHandler handler, QObject *parent = nullptr);
    ~HttpServer() override;

    bool listen(const QHostAddress &address, quint16 port);
    QString errorString() const { return m_server.errorString(); }
    quint16 port() const { return m_server.serverPort(); }
    // Connections being served (not counting those being turned away at the cap).
    int connectionCount() const { return static_cast<int>(m_connections.size()); }
    // Stops listening and drops every connection.
    void close();

signals:
    void connectionCountChanged(int count);

private:
    void acceptPending();
    void onFinished(emulator::HttpConnection *connection);

    HttpLimits m_limits;
    HttpHandler m_handler;
    QTcpServer m_server;
    QSet<HttpConnection *> m_connections;
    QSet<HttpConnection *> m_refusing; // answering 503 before closing; capped like the rest
};

} // namespace emulator
