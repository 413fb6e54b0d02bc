#include "sigv4requestcheck.h"

#include "aws/sigv4signer.h"

namespace testsupport {

namespace {

// "AWS4-HMAC-SHA256 Credential=AKID/20150830/us-east-1/service/aws4_request,
//  SignedHeaders=host;x-amz-date, Signature=…" → its three parameters.
struct AuthorizationParts {
    QByteArray credential;
    QByteArray signedHeaders;
    QByteArray signature;
};

std::optional<AuthorizationParts> splitAuthorization(const QByteArray &value)
{
    static const QByteArray kAlgorithm = "AWS4-HMAC-SHA256 ";
    if (!value.startsWith(kAlgorithm))
        return std::nullopt;
    AuthorizationParts parts;
    for (const QByteArray &item : value.mid(kAlgorithm.size()).split(',')) {
        const QByteArray field = item.trimmed();
        const qsizetype equals = field.indexOf('=');
        if (equals <= 0)
            return std::nullopt;
        const QByteArray name = field.left(equals);
        const QByteArray content = field.mid(equals + 1);
        if (name == "Credential")
            parts.credential = content;
        else if (name == "SignedHeaders")
            parts.signedHeaders = content;
        else if (name == "Signature")
            parts.signature = content;
        else
            return std::nullopt;
    }
    if (parts.credential.isEmpty() || parts.signedHeaders.isEmpty() || parts.signature.isEmpty())
        return std::nullopt;
    return parts;
}

SignatureCheck invalid(SignatureCheck check, const QString &problem)
{
    check.valid = false;
    check.problem = problem;
    return check;
}

} // namespace

SignatureCheck checkSigV4(const RecordedRequest &request, const aws::AwsCredentials &credentials,
    QByteArrayView region, QByteArrayView service, const aws::sigv4::Options &options)
{
    SignatureCheck check;
    const QByteArray authorization = request.header("Authorization");
    const std::optional<AuthorizationParts> parts = splitAuthorization(authorization);
    if (!parts)
        return invalid(check, QStringLiteral("no well-formed SigV4 Authorization header"));
    check.signedHeaders = parts->signedHeaders;
    const qsizetype slash = parts->credential.indexOf('/');
    check.credentialScope = slash < 0 ? QByteArray() : parts->credential.mid(slash + 1);

    const QByteArray amzDate = request.header("X-Amz-Date");
    check.signingTime = QDateTime::fromString(
        QString::fromLatin1(amzDate), QStringLiteral("yyyyMMdd'T'HHmmss'Z'"));
    check.signingTime.setTimeSpec(Qt::UTC);
    if (!check.signingTime.isValid())
        return invalid(check,
            QStringLiteral("X-Amz-Date \"%1\" is not a SigV4 date")
                .arg(QString::fromLatin1(amzDate)));

    aws::sigv4::Request toSign;
    toSign.method = request.method;
    toSign.path = request.path();
    toSign.query = request.query();
    toSign.body = request.body;
    for (const QByteArray &name : parts->signedHeaders.split(';')) {
        if (request.headerCount(name) == 0)
            return invalid(check,
                QStringLiteral("signed header %1 was not sent").arg(QString::fromLatin1(name)));
        for (const auto &[key, value] : request.headers) {
            if (key.compare(name, Qt::CaseInsensitive) == 0)
                toSign.headers.append({ key, value });
        }
    }

    const aws::sigv4::Signature expected
        = aws::sigv4::sign(toSign, credentials, region, service, check.signingTime, options);
    if (expected.authorization != authorization) {
        return invalid(check,
            QStringLiteral("signature mismatch: sent \"%1\", expected \"%2\"")
                .arg(QString::fromLatin1(authorization),
                    QString::fromLatin1(expected.authorization)));
    }
    check.valid = true;
    return check;
}

} // namespace testsupport
