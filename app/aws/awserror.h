#pragma once

#include <QString>
#include <QUrl>

namespace aws {

// Everything that can go wrong with one call, as one value. toString() gives the sentence the
// AWS CLI prints for the same failure; exitCode() the CLI's exit status.
struct AwsError {
    enum class Kind {
        Service, // the endpoint answered with a modelled AWS error (code + message)
        Network, // connection refused, reset, DNS failure, closed mid-body
        Timeout, // connect or read timeout
        Tls, // certificate or handshake failure; verification is never turned off
        TooLarge, // the response body passed the configured cap and was aborted
        BadResponse, // the endpoint answered something that is not the protocol
        InvalidParameter, // refused before sending: a name, a limit or a URL is invalid
        Credentials, // no credentials, or their provider failed
        Configuration, // a broken profile, region or endpoint setting
        Cancelled, // the caller dropped the call (profile switched, window closed)
    };

    Kind kind = Kind::Network;
    QString code; // the service's error type, short form ("ThrottlingException")
    QString message; // human text, never containing a secret
    int httpStatus = 0; // 0 when no response arrived
    QString requestId; // x-amzn-RequestId of the response, when there was one
    QString operation; // "DescribeInferenceScheduler"
    QUrl endpoint; // where the call went
    int attempts = 0; // attempts made, including the first
    bool retriesExhausted = false; // the last attempt was retryable but none were left

    // The CLI's sentence, e.g.
    // "An error occurred (ThrottlingException) when calling the ListInferenceSchedulers operation
    //  (reached max retries: 2): Rate exceeded".
    QString toString() const;
    // 252 bad parameter, 253 credentials or configuration, 254 service error, 255 anything else,
    // 130 cancelled (interrupted).
    int exitCode() const;
    static QString kindName(Kind kind);
};

} // namespace aws
