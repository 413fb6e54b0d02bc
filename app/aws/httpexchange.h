#pragma once

#include "aws/awserror.h"

#include <QByteArray>
#include <QByteArrayList>
#include <QByteArrayView>
#include <QList>
#include <QNetworkRequest>
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QTimer>

#include <chrono>
#include <functional>
#include <optional>
#include <utility>

class QNetworkAccessManager;
class QNetworkReply;

namespace aws {

// An HTTP response as the JSON client interprets it.
struct HttpResponse {
    int status = 0; // 0 when no status line arrived
    QList<std::pair<QByteArray, QByteArray>> headers;
    QByteArray body;

    // The first header of that name, compared case-insensitively; empty when there is none.
    QByteArray header(QByteArrayView name) const;
};

// The whole exchange never takes longer than connectTimeout + readTimeout together, so an
// endpoint that trickles (a byte a second never trips the read timeout) is cut off too.
struct HttpExchangeLimits {
    std::chrono::milliseconds connectTimeout { 60'000 }; // until the request has gone out
    std::chrono::milliseconds readTimeout { 60'000 }; // longest silence after that
    qint64 maxResponseBytes = 16 * 1024 * 1024;
};

// What became of one exchange: either a complete response, or a failure of kind Network,
// Timeout, Tls, TooLarge or BadResponse with a message saying what happened (then `response`
// holds the status and headers when they had arrived).
struct HttpExchangeOutcome {
    std::optional<AwsError::Kind> failure;
    QString failureMessage;
    HttpResponse response;
};

// One request (POST for the JSON client, GET for S3) over QNetworkAccessManager with the client's
// limits: a connect timeout until the request has been sent, then a read (inactivity) timeout, a
// cap on the response body checked against Content-Length up front and against bytes as they arrive
// (never buffering past it), redirects not followed, no HTTP cache, no cookies, no transparent
// decompression (so the cap counts the bytes on the wire). TLS errors are never ignored.
class HttpExchange : public QObject {
    Q_OBJECT
public:
    using Done = std::function<void(HttpExchangeOutcome)>;

    // Sends at once. `done` runs exactly once, from the event loop, unless this object is
    // destroyed first (which aborts the request).
    HttpExchange(QNetworkAccessManager *network, QNetworkRequest request, const QByteArray &body,
        HttpExchangeLimits limits, Done done, QObject *parent = nullptr);
    // The same with another method than POST ("GET", "HEAD"); `body` goes only with a method
    // that carries one.
    HttpExchange(QNetworkAccessManager *network, QNetworkRequest request, const QByteArray &method,
        const QByteArray &body, HttpExchangeLimits limits, Done done, QObject *parent = nullptr);
    ~HttpExchange() override;

    // Stops the request; `done` will not run.
    void cancel();

private:
    enum class Phase { Connecting, Reading, Done };

    void enterReadingPhase();
    void onMetaDataChanged();
    void onReadyRead();
    void onFinished();
    void onTimeout();
    // Why the body that arrived is shorter than its Content-Length; nullopt when it is whole.
    std::optional<QString> truncatedBody() const;
    void abortWith(AwsError::Kind kind, const QString &message);
    void finish(HttpExchangeOutcome outcome);
    void captureStatusAndHeaders();
    void releaseReply();

    QPointer<QNetworkReply> m_reply;
    HttpExchangeLimits m_limits;
    Done m_done;
    QTimer m_timer;
    QTimer m_deadline; // connectTimeout + readTimeout from the start
    Phase m_phase = Phase::Connecting;
    HttpResponse m_response;
    QByteArrayList m_pieces; // body of unknown length, as it arrived
    qint64 m_receivedBytes = 0;
    QStringList m_sslErrors;
};

} // namespace aws
