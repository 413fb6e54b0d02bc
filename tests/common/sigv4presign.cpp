#include "sigv4presign.h"

namespace testsupport {

PresignedRequest presignSigV4(const aws::sigv4::Request &request,
    const aws::AwsCredentials &credentials, QByteArrayView region, QByteArrayView service,
    const QDateTime &time, std::chrono::seconds expires, const aws::sigv4::Options &options,
    bool signSessionToken)
{
    using namespace aws::sigv4;
    // The date, credential and signed headers travel as query parameters; the canonical headers
    // are the request's own.
    const QByteArray dateTime = amzDate(time);
    const QByteArrayView date = QByteArrayView(dateTime).first(8);
    const QByteArray scope = credentialScope(date, region, service);
    const CanonicalHeaders headers = canonicalHeaders(request.headers);
    const QByteArray ownQuery = request.query.isEmpty() ? QByteArray() : request.query + '&';
    const QByteArray added = "X-Amz-Algorithm=" + kAlgorithm + "&X-Amz-Credential="
        + uriEncode(QByteArray(credentials.accessKeyId.toUtf8() + '/' + scope))
        + "&X-Amz-Date=" + dateTime + "&X-Amz-SignedHeaders=" + uriEncode(headers.signedHeaders)
        + "&X-Amz-Expires=" + QByteArray::number(qint64(expires.count()));
    const QByteArray token = credentials.sessionToken.isEmpty()
        ? QByteArray()
        : "&X-Amz-Security-Token=" + uriEncode(credentials.sessionToken.toUtf8());

    PresignedRequest result;
    result.canonicalRequest = canonicalRequest(request.method, canonicalUri(request.path, options),
        canonicalQueryString(
            QByteArray(ownQuery + added + (signSessionToken ? token : QByteArray()))),
        headers, hashedPayload(request.body));
    result.stringToSign = stringToSign(dateTime, scope, result.canonicalRequest);
    result.signature
        = signature(signingKey(credentials.secretAccessKey.toUtf8(), date, region, service),
            result.stringToSign);
    result.query = ownQuery + added + token + "&X-Amz-Signature=" + result.signature;
    return result;
}

} // namespace testsupport
