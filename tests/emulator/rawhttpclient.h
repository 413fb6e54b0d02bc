#pragma once

#include <QByteArray>
#include <QList>
#include <QTcpSocket>

#include <memory>
#include <optional>
#include <utility>

// A test client that speaks raw bytes to a server running on the same thread: every wait runs
// the event loop until the awaited thing happens (or a generous deadline passes), never sleeps.
struct RawHttpResponse {
    int status = 0;
    QList<std::pair<QByteArray, QByteArray>> headers;
    QByteArray body;
    QByteArray header(QByteArrayView name) const;
};

class RawHttpClient {
public:
    explicit RawHttpClient(quint16 port);
    ~RawHttpClient();

    bool isConnected() const;
    void send(const QByteArray &bytes);
    // The next complete response (by Content-Length); nullopt on timeout or close first.
    std::optional<RawHttpResponse> readResponse(int timeoutMs = 10'000);
    // True once the server has closed the connection (all its bytes are then in pending()).
    bool waitForClose(int timeoutMs = 10'000);
    QByteArray pending() const { return m_buffer; }
    QTcpSocket &socket() { return *m_socket; }

    static QByteArray post(QByteArrayView body, QByteArrayView extraHeaders = {});

private:
    std::optional<RawHttpResponse> takeResponse();
    void readAll();

    std::unique_ptr<QTcpSocket> m_socket;
    QByteArray m_buffer;
    bool m_closed = false;
};
