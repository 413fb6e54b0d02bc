#pragma once

#include "emulator/httplimits.h"
#include "emulator/httpmessage.h"
#include "emulator/httprequestparser.h"

#include <QObject>
#include <QTimer>

#include <functional>

class QTcpSocket;

namespace emulator {

using HttpHandler = std::function<HttpResponse(const HttpRequest &)>;

// One client connection: reads bytes into a bounded buffer, parses requests one at a time
// (pipelined ones wait their turn), answers each in order, keeps the connection alive as
// HTTP/1.1 says, and enforces the idle, request and write timeouts. A rejected or timed-out
// request gets its status, then the connection closes gracefully: write side shut, late input
// read and discarded for a moment, so the client sees the answer instead of a reset.
class HttpConnection : public QObject {
    Q_OBJECT

public:
    // Takes ownership of socket. Nothing happens before start(), so the owner can connect
    // finished() first.
    HttpConnection(QTcpSocket *socket, const HttpLimits &limits, HttpHandler handler,
        QObject *parent = nullptr);
    ~HttpConnection() override;

    // Serves requests until the connection ends.
    void start();
    // Answers status at once and closes (the connection cap).
    void refuse(int status);

    // Drops the connection at once (server shutdown).
    void abort();

signals:
    void finished(emulator::HttpConnection *connection);

private:
    void pump();
    void answer(const HttpRequest &request);
    void write(const QByteArray &wire, AfterResponse after);
    void sendDelayed();
    void rejectAndClose(int status, const QByteArray &reason);
    void beginClose();
    void startLinger();
    void onBytesWritten();
    void finishClose();
    bool isBusy() const;
    void armIdleOrRequestTimer();

    QTcpSocket *m_socket;
    HttpLimits m_limits;
    HttpHandler m_handler;
    HttpRequestParser m_parser;
    QByteArray m_buffer;
    QTimer m_idleTimer;
    QTimer m_requestTimer;
    QTimer m_writeTimer;
    QTimer m_lingerTimer;
    QTimer m_delayTimer;
    QByteArray m_delayedWire; // a response held back by an injected delay
    AfterResponse m_delayedAfter = AfterResponse::KeepOpen;
    bool m_continueSent = false;
    bool m_closing = false; // no more requests; close once the output is flushed
    bool m_lingering = false; // write side shut; discarding input until EOF or timeout
    bool m_finished = false;
    bool m_pumping = false; // pump() is on the stack; nested signals must not re-enter it
};

} // namespace emulator
