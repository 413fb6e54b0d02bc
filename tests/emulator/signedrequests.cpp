#include "signedrequests.h"

#include "aws/sigv4signer.h"
#include "emulator/emulatoroptions.h"

namespace emulatortest {

aws::AwsCredentials demoCredentials()
{
    return emulator::EmulatorOptions::demoCredentials();
}

emulator::HttpRequest unsignedRequest(QByteArrayView operation, const QByteArray &body)
{
    emulator::HttpRequest request;
    request.method = "POST";
    request.path = "/";
    request.headers = { { "Host", kHost },
        { "X-Amz-Target", "AWSLookoutEquipmentFrontendService." + operation.toByteArray() },
        { "Content-Type", "application/x-amz-json-1.0" },
        { "User-Agent", "aws-cli/1.45 emulator-test" } };
    request.body = body;
    return request;
}

emulator::HttpRequest signedRequest(QByteArrayView operation, const QByteArray &body,
    const QDateTime &time, const aws::AwsCredentials &credentials, QByteArrayView region)
{
    emulator::HttpRequest request = unsignedRequest(operation, body);
    aws::sigv4::Request toSign;
    toSign.method = request.method;
    toSign.path = request.path;
    toSign.body = request.body;
    // Like botocore: everything but User-Agent is signed.
    for (const auto &header : std::as_const(request.headers)) {
        if (header.first != "User-Agent")
            toSign.headers.append(header);
    }
    const aws::sigv4::Signature signature
        = aws::sigv4::sign(toSign, credentials, region, "lookoutequipment", time);
    request.headers.append({ "X-Amz-Date", signature.amzDate });
    if (!signature.securityToken.isEmpty())
        request.headers.append({ "X-Amz-Security-Token", signature.securityToken });
    request.headers.append({ "Authorization", signature.authorization });
    return request;
}

emulator::HttpRequest signedS3Request(QByteArrayView method, QByteArrayView path,
    QByteArrayView query, const QDateTime &time, QByteArrayView payloadHash,
    const aws::AwsCredentials &credentials, QByteArrayView region)
{
    namespace sigv4 = aws::sigv4;
    emulator::HttpRequest request;
    request.method = method.toByteArray();
    request.path = path.toByteArray();
    request.query = query.toByteArray();
    const QByteArray hash
        = payloadHash.isEmpty() ? sigv4::hashedPayload(QByteArray()) : payloadHash.toByteArray();
    const QByteArray amzDate = sigv4::amzDate(time);
    request.headers
        = { { "Host", kHost }, { "x-amz-content-sha256", hash }, { "X-Amz-Date", amzDate } };
    if (!credentials.sessionToken.isEmpty())
        request.headers.append({ "X-Amz-Security-Token", credentials.sessionToken.toUtf8() });
    const sigv4::CanonicalHeaders headers = sigv4::canonicalHeaders(request.headers);
    sigv4::Options s3;
    s3.normalizePath = false;
    s3.doubleEncodePath = false;
    const QByteArray canonical
        = sigv4::canonicalRequest(request.method, sigv4::canonicalUri(request.path, s3),
            sigv4::canonicalQueryString(request.query), headers, hash);
    const QByteArrayView date = QByteArrayView(amzDate).first(8);
    const QByteArray scope = sigv4::credentialScope(date, region, "s3");
    const QByteArray key
        = sigv4::signingKey(credentials.secretAccessKey.toUtf8(), date, region, "s3");
    request.headers.append({ "Authorization",
        sigv4::authorization(credentials.accessKeyId.toUtf8(), scope, headers.signedHeaders,
            sigv4::signature(key, sigv4::stringToSign(amzDate, scope, canonical))) });
    request.headers.emplace_back("User-Agent", "aws-cli/1.45 emulator-test");
    return request;
}

QByteArray wireForm(const emulator::HttpRequest &request)
{
    QByteArray wire = request.method + ' ' + request.path
        + (request.query.isEmpty() ? QByteArray() : '?' + request.query) + " HTTP/1.1\r\n";
    for (const auto &[name, value] : request.headers)
        wire += name + ": " + value + "\r\n";
    wire
        += "Content-Length: " + QByteArray::number(request.body.size()) + "\r\n\r\n" + request.body;
    return wire;
}

} // namespace emulatortest
