#include "emulator/sigv4verifier.h"

#include "aws/sigv4authorization.h"
#include "lookout/service.h"

#include <utility>

namespace emulator {

namespace {

// Not constexpr: gcc with -fsanitize=address does not evaluate the length of a named char array
// at compile time.
const QByteArrayView kService(lookout::service::kSigningName);
constexpr QByteArrayView kTerminator("aws4_request");

QString latin1(QByteArrayView bytes)
{
    return QString::fromLatin1(bytes.data(), bytes.size());
}

int twoDigits(QByteArrayView text, qsizetype at)
{
    return (text[at] - '0') * 10 + (text[at + 1] - '0');
}

bool isSignedHeader(const QList<QByteArray> &signedHeaders, QByteArrayView name)
{
    for (const QByteArray &header : signedHeaders) {
        if (headerNameEquals(header, name))
            return true;
    }
    return false;
}

} // namespace

std::optional<QDateTime> parseAmzDate(QByteArrayView text)
{
    if (text.size() != 16 || text[8] != 'T' || text[15] != 'Z')
        return std::nullopt;
    for (qsizetype i = 0; i < 15; ++i) {
        if (i != 8 && (text[i] < '0' || text[i] > '9'))
            return std::nullopt;
    }
    const int year = twoDigits(text, 0) * 100 + twoDigits(text, 2);
    const QDate date(year, twoDigits(text, 4), twoDigits(text, 6));
    const QTime time(twoDigits(text, 9), twoDigits(text, 11), twoDigits(text, 13));
    if (!date.isValid() || !time.isValid())
        return std::nullopt;
    return QDateTime(date, time, Qt::UTC);
}

bool constantTimeEquals(QByteArrayView a, QByteArrayView b)
{
    if (a.size() != b.size())
        return false;
    unsigned char difference = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        difference |= static_cast<unsigned char>(a[i] ^ b[i]);
    return difference == 0;
}

SigV4Verifier::SigV4Verifier(QByteArray region, aws::AwsCredentials accepted)
    : m_region(std::move(region))
    , m_accepted(std::move(accepted))
    , m_acceptedKeyId(m_accepted.accessKeyId.toUtf8())
    , m_acceptedToken(m_accepted.sessionToken.toUtf8())
{
}

std::optional<ServiceError> SigV4Verifier::verify(
    const HttpRequest &request, const QDateTime &now) const
{
    const qsizetype authorizationCount = request.headerCount("authorization");
    if (authorizationCount == 0)
        return serviceerrors::missingAuthenticationToken();
    const QByteArray authorization = request.header("authorization");
    if (authorizationCount > 1)
        return serviceerrors::incompleteSignature(
            QStringLiteral("Only one Authorization header is allowed."));

    // The front end first lists every missing piece in one sentence per piece. (It also quotes
    // the header back; the emulator does not, as signatures and tokens stay out of messages.)
    const QByteArray amzDateText = request.header("x-amz-date");
    QString missing;
    if (!authorization.contains("Credential="))
        missing += QLatin1String("Authorization header requires 'Credential' parameter. ");
    if (!authorization.contains("Signature="))
        missing += QLatin1String("Authorization header requires 'Signature' parameter. ");
    if (!authorization.contains("SignedHeaders="))
        missing += QLatin1String("Authorization header requires 'SignedHeaders' parameter. ");
    if (amzDateText.isEmpty()) {
        missing += QLatin1String("Authorization header requires existence of either a 'X-Amz-Date' "
                                 "or a 'Date' header. ");
    }
    if (!missing.isEmpty()) {
        missing.chop(1);
        return serviceerrors::incompleteSignature(missing);
    }

    // The algorithm and the syntax of every field.
    const aws::Result<aws::SigV4Authorization> parsed = aws::parseSigV4Authorization(authorization);
    if (!parsed)
        return serviceerrors::incompleteSignature(parsed.error().message);
    const aws::SigV4Authorization &auth = parsed.value();

    const std::optional<QDateTime> signedAt = parseAmzDate(amzDateText);
    if (!signedAt) {
        return serviceerrors::incompleteSignature(
            QLatin1String("Date must be in ISO-8601 'basic format'. Got '") + latin1(amzDateText)
            + QLatin1String("'. See http://en.wikipedia.org/wiki/ISO_8601"));
    }

    const QByteArrayView dateOfDay = QByteArrayView(amzDateText).first(8);
    if (auth.scopeDate != dateOfDay) {
        return serviceerrors::invalidSignature(
            QLatin1String("Date in Credential scope does not match YYYYMMDD from ISO-8601 version "
                          "of date from HTTP: '")
            + latin1(auth.scopeDate) + QLatin1String("' != '") + latin1(dateOfDay)
            + QLatin1String("', from '") + latin1(amzDateText) + QLatin1String("'."));
    }
    if (auth.region != m_region) {
        return serviceerrors::invalidSignature(
            QLatin1String("Credential should be scoped to a valid region, not '")
            + latin1(auth.region) + QLatin1String("'. "));
    }
    if (auth.service != kService) {
        return serviceerrors::invalidSignature(
            QLatin1String("Credential should be scoped to correct service: '") + latin1(kService)
            + QLatin1String("'. "));
    }
    if (auth.terminator != kTerminator) {
        return serviceerrors::invalidSignature(
            QLatin1String("Credential should be scoped with a valid terminator: '")
            + latin1(kTerminator) + QLatin1String("', not '") + latin1(auth.terminator)
            + QLatin1String("'. "));
    }

    if (!isSignedHeader(auth.signedHeaders, "host")) {
        return serviceerrors::invalidSignature(QStringLiteral(
            "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization."));
    }
    for (const auto &[name, value] : request.headers) {
        if (name.size() > 6 && headerNameEquals(QByteArrayView(name).first(6), "x-amz-")
            && !isSignedHeader(auth.signedHeaders, name)) {
            return serviceerrors::invalidSignature(QLatin1Char('\'') + latin1(name)
                + QLatin1String("' must be a 'SignedHeader' in "
                                "the AWS Authorization."));
        }
    }

    const qint64 skew = now.secsTo(*signedAt);
    const QByteArray format("yyyyMMdd'T'HHmmss'Z'");
    if (skew < -kAllowedSkewSeconds) {
        return serviceerrors::invalidSignature(QLatin1String("Signature expired: ")
            + latin1(amzDateText) + QLatin1String(" is now earlier than ")
            + now.addSecs(-kAllowedSkewSeconds).toString(QLatin1String(format))
            + QLatin1String(" (") + now.toString(QLatin1String(format))
            + QLatin1String(" - 5 min.)"));
    }
    if (skew > kAllowedSkewSeconds) {
        return serviceerrors::invalidSignature(QLatin1String("Signature not yet current: ")
            + latin1(amzDateText) + QLatin1String(" is still later than ")
            + now.addSecs(kAllowedSkewSeconds).toString(QLatin1String(format)) + QLatin1String(" (")
            + now.toString(QLatin1String(format)) + QLatin1String(" + 5 min.)"));
    }

    if (!constantTimeEquals(auth.accessKeyId, m_acceptedKeyId))
        return serviceerrors::unrecognizedClient();
    const qsizetype tokens = request.headerCount("x-amz-security-token");
    if (tokens > 1 || (m_acceptedToken.isEmpty() && tokens > 0)
        || !constantTimeEquals(request.header("x-amz-security-token"), m_acceptedToken)) {
        return serviceerrors::unrecognizedClient();
    }

    return checkSignature(request, auth.signedHeaders, auth.signature, *signedAt);
}

std::optional<ServiceError> SigV4Verifier::checkSignature(const HttpRequest &request,
    const QList<QByteArray> &signedHeaders, const QByteArray &signature,
    const QDateTime &signedAt) const
{
    aws::sigv4::Request rebuilt;
    rebuilt.method = request.method;
    rebuilt.path = request.path;
    rebuilt.query = request.query;
    rebuilt.body = request.body;
    for (const QByteArray &name : signedHeaders) {
        bool present = false;
        for (const auto &[headerName, value] : request.headers) {
            if (headerNameEquals(headerName, name)) {
                rebuilt.headers.append({ name, value });
                present = true;
            }
        }
        if (!present)
            rebuilt.headers.append({ name, QByteArray() }); // signed as empty, as the client claims
    }
    // The signer sets X-Amz-Date from signedAt and the token from the credentials, which the
    // checks above proved equal to what the request carries.
    const aws::sigv4::Signature expected
        = aws::sigv4::sign(rebuilt, m_accepted, m_region, kService, signedAt);
    if (!constantTimeEquals(expected.signature, signature))
        return serviceerrors::signatureMismatch();
    return std::nullopt;
}

} // namespace emulator
