#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QDateTime>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QQueue>
#include <QSslConfiguration>
#include <QUrl>

#include <chrono>
#include <functional>
#include <optional>
#include <utility>

class QTcpServer;
class QTcpSocket;

namespace testsupport {

using HeaderList = QList<std::pair<QByteArray, QByteArray>>;

// One request as the server received it.
struct RecordedRequest {
    QByteArray method;
    QByteArray target; // the request-target as sent: "/", "/a%20b?x=1"
    QByteArray version; // "HTTP/1.1"
    HeaderList headers; // as received: original case, original order, repeats kept
    QByteArray body; // with any chunked framing removed
    int connection = 0; // 1-based number of the connection that carried it

    QByteArray path() const; // target before '?'
    QByteArray query() const; // target after '?', empty when none
    // The first header of that name, compared case-insensitively; empty when there is none.
    QByteArray header(QByteArrayView name) const;
    int headerCount(QByteArrayView name) const;
};

// What the server does with one request. Build one with the static functions and refine it
// with the with…() functions, which return modified copies.
struct ScriptedResponse {
    enum class Action {
        Respond, // send the response below
        Hang, // keep the connection open and never answer
        CloseWithoutAnswer, // close the connection at once
    };
    enum class Framing {
        ContentLength, // Content-Length header (unless `headers` sets one, true or not)
        Chunked, // Transfer-Encoding: chunked
        CloseDelimited, // no length; the end of the body is the end of the connection
    };

    Action action = Action::Respond;
    int status = 200;
    QByteArray reason; // empty: the standard reason phrase
    HeaderList headers;
    QByteArray body; // sent unless generatedBodySize >= 0
    qint64 generatedBodySize = -1; // stream this many bytes of generatedFill, never held whole
    char generatedFill = 'x';
    Framing framing = Framing::ContentLength;
    qint64 closeAfterBodyBytes = -1; // close the connection once this many body bytes are out
    bool resetAfterBody = false; // …and end it with a TCP reset (RST) instead of a close (FIN)
    std::chrono::milliseconds trickleInterval { 0 }; // > 0: send the body trickleBytes at a time
    qint64 trickleBytes = 1;
    std::optional<QDateTime> date; // the Date header; the server's clock when unset
    bool sendDate = true;

    static ScriptedResponse json(int status, const QByteArray &body,
        const QByteArray &contentType = "application/x-amz-json-1.0");
    // {"__type": type, "message": message} with status, as AWS JSON 1.0 endpoints answer errors.
    static ScriptedResponse awsError(int status, const QByteArray &type, const QByteArray &message);
    static ScriptedResponse raw(int status, const QByteArray &contentType, const QByteArray &body);
    // A body of `size` bytes produced while sending, so huge bodies cost no memory.
    static ScriptedResponse generated(int status, const QByteArray &contentType, qint64 size,
        Framing framing = Framing::ContentLength);
    static ScriptedResponse hang();
    static ScriptedResponse closeWithoutAnswer();

    ScriptedResponse withHeader(const QByteArray &name, const QByteArray &value) const;
    ScriptedResponse withDate(const QDateTime &date) const;
    ScriptedResponse withoutDate() const;
    ScriptedResponse withFraming(Framing newFraming) const;
    ScriptedResponse closingAfterBodyBytes(qint64 bytes) const;
    // The same, but the connection is reset (SO_LINGER 0), as a crashing or hostile peer does.
    ScriptedResponse resettingAfterBodyBytes(qint64 bytes) const;
    ScriptedResponse trickling(std::chrono::milliseconds interval, qint64 bytesPerTick = 1) const;
};

// An HTTP/1.1 server inside the test process, on a real loopback socket, that answers each
// request with the next scripted response and records every request. Keep-alive, pipelined and
// chunked requests are handled; plain TCP or TLS. Lives on the thread that created it and is
// driven by its event loop, so tests wait with QSignalSpy/QTRY_* rather than sleeping.
class ScriptedHttpServer : public QObject {
    Q_OBJECT
public:
    using Handler = std::function<ScriptedResponse(const RecordedRequest &)>;

    explicit ScriptedHttpServer(QObject *parent = nullptr);
    ~ScriptedHttpServer() override;

    // Serve HTTPS with this certificate and key; call before listen().
    void setTlsConfiguration(const QSslConfiguration &configuration);
    bool listen(const QHostAddress &address = QHostAddress::LocalHost, quint16 port = 0);
    QString errorString() const;
    QHostAddress address() const;
    quint16 port() const;
    // "http://127.0.0.1:PORT/path" ("https" with TLS, "[::1]" for IPv6).
    QUrl url(const QString &path = QStringLiteral("/")) const;
    // The Host header a client names this server with: "127.0.0.1:PORT", "[::1]:PORT".
    QByteArray hostHeader() const;

    // Responses are used in order, one per request; `times` repeats one.
    void enqueue(const ScriptedResponse &response, int times = 1);
    // Decides when the queue is empty. Without one, such a request gets a 500 and counts as
    // unexpected.
    void setHandler(Handler handler);
    qsizetype pendingResponses() const { return m_queue.size(); }
    // The time for Date headers that do not set their own (default: the system clock).
    void setClock(std::function<QDateTime()> clock);

    const QList<RecordedRequest> &requests() const { return m_requests; }
    int unexpectedRequestCount() const { return m_unexpectedRequests; }
    int connectionCount() const { return m_connectionCount; }
    // Body bytes written for the response to request `index`, and whether all of it went out.
    qint64 responseBodyBytesSent(qsizetype index) const;
    bool responseCompleted(qsizetype index) const;
    // The response to request `index` is fully written or its connection ended first.
    bool responseHasEnded(qsizetype index) const;
    // Drops every open connection (hanging ones included).
    void closeAllConnections();

signals:
    void requestReceived(qsizetype index);
    // The response to request `index` is fully written, or its connection ended first.
    void responseEnded(qsizetype index);

private:
    class Connection;
    friend class Connection;

    struct ResponseProgress {
        qint64 bodyBytesSent = 0;
        bool completed = false;
        bool ended = false;
    };

    void onNewConnection();
    qsizetype record(RecordedRequest request);
    ScriptedResponse nextResponse(const RecordedRequest &request);
    QDateTime now() const;

    QTcpServer *m_server = nullptr;
    std::optional<QSslConfiguration> m_tls;
    QQueue<ScriptedResponse> m_queue;
    Handler m_handler;
    std::function<QDateTime()> m_clock;
    QList<RecordedRequest> m_requests;
    QList<ResponseProgress> m_progress;
    QList<QPointer<Connection>> m_connections;
    int m_unexpectedRequests = 0;
    int m_connectionCount = 0;
};

} // namespace testsupport
