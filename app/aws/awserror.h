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

    // For Configuration errors: the setting that is wrong, so that a caller can point at what
    // fixes it without reading the message.
    enum class Setting {
        Unspecified,
        Profile, // no such profile, or one of its settings cannot work (services,
                 // credential_process)
        Region, // none set, or not a region name
        Endpoint, // not a usable endpoint URL
        Retries, // max_attempts or retry_mode
        SharedFile, // ~/.aws/config or credentials cannot be parsed (exit status 255, as the CLI)
    };

    Kind kind = Kind::Network;
    Setting setting = Setting::Unspecified;
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
    // A Configuration error about `setting`.
    static AwsError configuration(Setting setting, const QString &message);
    // The AWS CLI's "The config profile (NAME) could not be found".
    static AwsError profileNotFound(const QString &name);

    // What the failure means, decided here and nowhere else: every list of error codes the
    // product knows lives in awserror.cpp (aws-conventions.md; botocore's retries/standard.py).
    // Codes count only on Service errors, the endpoint's own answers.

    // The endpoint is shedding load: HTTP 429 (whatever became of the body), or a throttling code
    // (ThrottlingException, Throttling, TooManyRequestsException, RequestLimitExceeded, SlowDown,
    // … as botocore lists them).
    bool isThrottling() const;
    // The session token has expired (ExpiredToken, ExpiredTokenException): fresh credentials
    // from the provider may work.
    bool isExpiredToken() const;
    // The endpoint refused these credentials: AccessDenied(Exception), UnrecognizedClientException,
    // InvalidClientTokenId.
    bool isAccessDenied() const;
    // The signature did not match or the request's time was off: InvalidSignatureException,
    // SignatureDoesNotMatch, RequestExpired, RequestTimeTooSkewed, RequestInTheFuture,
    // AuthFailure. With a skewed clock, one retry with the corrected clock may work.
    bool isSignatureOrClockProblem() const;
    // The named resource does not exist (ResourceNotFoundException; S3's NoSuchBucket and
    // NoSuchKey).
    bool isNotFound() const;
    // Worth another attempt in standard retry mode: connection errors and timeouts; service and
    // bad responses with HTTP 500, 502, 503, 504 or 429, a throttling code or a transient one
    // (RequestTimeout, RequestTimeoutException, PriorRequestNotComplete). Never a TLS failure,
    // an oversized body, a refused parameter or configuration, or a cancelled call.
    bool isRetryable() const;
};

} // namespace aws
