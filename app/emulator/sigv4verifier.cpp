#include "emulator/sigv4verifier.h"

#include "aws/sigv4authorization.h"
#include "emulator/temporarycredentials.h"
#include "lookout/service.h"

#include <utility>

namespace emulator {

namespace {

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

SignatureProblem problem(SignatureProblem::Kind kind, QString message, QString detail = {})
{
    return SignatureProblem { kind, std::move(message), std::move(detail) };
}

} // namespace

SigningRules SigningRules::lookoutEquipment()
{
    SigningRules rules;
    rules.service = QByteArray(lookout::service::kSigningName);
    return rules;
}

SigningRules SigningRules::sts()
{
    SigningRules rules;
    rules.service = QByteArrayLiteral("sts");
    return rules;
}

SigningRules SigningRules::s3()
{
    SigningRules rules;
    rules.service = QByteArrayLiteral("s3");
    rules.canonical.normalizePath = false;
    rules.canonical.doubleEncodePath = false;
    rules.payload = Payload::FromHeader;
    rules.allowedSkewSeconds = 15 * 60;
    return rules;
}

ServiceError lookoutErrorFor(const SignatureProblem &problem)
{
    using Kind = SignatureProblem::Kind;
    switch (problem.kind) {
    case Kind::MissingAuthentication:
        return serviceerrors::missingAuthenticationToken();
    case Kind::Incomplete:
        return serviceerrors::incompleteSignature(problem.message);
    case Kind::UnknownAccessKey:
    case Kind::InvalidToken:
        return serviceerrors::unrecognizedClient();
    case Kind::SignatureMismatch:
        return serviceerrors::signatureMismatch();
    case Kind::ExpiredToken:
        return serviceerrors::expiredToken();
    case Kind::WrongScopeDate:
    case Kind::WrongRegion:
    case Kind::WrongService:
    case Kind::WrongTerminator:
    case Kind::UnsignedHeader:
    case Kind::Expired:
    case Kind::NotYetCurrent:
    case Kind::MissingPayloadHash:
    case Kind::PayloadHashMismatch:
        break;
    }
    return serviceerrors::invalidSignature(problem.message);
}

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

SigV4Verifier::SigV4Verifier(QByteArray region, aws::AwsCredentials accepted, SigningRules rules)
    : m_region(std::move(region))
    , m_accepted(std::move(accepted))
    , m_rules(std::move(rules))
    , m_acceptedKeyId(m_accepted.accessKeyId.toUtf8())
    , m_acceptedToken(m_accepted.sessionToken.toUtf8())
{
}

std::optional<ServiceError> SigV4Verifier::verify(
    const HttpRequest &request, const QDateTime &now) const
{
    if (const std::optional<SignatureProblem> found = check(request, now))
        return lookoutErrorFor(*found);
    return std::nullopt;
}

std::optional<SignatureProblem> SigV4Verifier::check(
    const HttpRequest &request, const QDateTime &now) const
{
    using Kind = SignatureProblem::Kind;
    const qsizetype authorizationCount = request.headerCount("authorization");
    if (authorizationCount == 0)
        return problem(
            Kind::MissingAuthentication, serviceerrors::missingAuthenticationToken().message);
    const QByteArray authorization = request.header("authorization");
    if (authorizationCount > 1)
        return problem(
            Kind::Incomplete, QStringLiteral("Only one Authorization header is allowed."));

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
        return problem(Kind::Incomplete, missing);
    }

    // The algorithm and the syntax of every field.
    const aws::Result<aws::SigV4Authorization> parsed = aws::parseSigV4Authorization(authorization);
    if (!parsed)
        return problem(Kind::Incomplete, parsed.error().message);
    const aws::SigV4Authorization &auth = parsed.value();

    const std::optional<QDateTime> signedAt = parseAmzDate(amzDateText);
    if (!signedAt) {
        return problem(Kind::Incomplete,
            QLatin1String("Date must be in ISO-8601 'basic format'. Got '") + latin1(amzDateText)
                + QLatin1String("'. See http://en.wikipedia.org/wiki/ISO_8601"));
    }

    const QByteArrayView dateOfDay = QByteArrayView(amzDateText).first(8);
    if (auth.scopeDate != dateOfDay) {
        return problem(Kind::WrongScopeDate,
            QLatin1String("Date in Credential scope does not match YYYYMMDD from ISO-8601 version "
                          "of date from HTTP: '")
                + latin1(auth.scopeDate) + QLatin1String("' != '") + latin1(dateOfDay)
                + QLatin1String("', from '") + latin1(amzDateText) + QLatin1String("'."));
    }
    if (auth.region != m_region) {
        return problem(Kind::WrongRegion,
            QLatin1String("Credential should be scoped to a valid region, not '")
                + latin1(auth.region) + QLatin1String("'. "),
            latin1(auth.region));
    }
    if (auth.service != m_rules.service) {
        return problem(Kind::WrongService,
            QLatin1String("Credential should be scoped to correct service: '")
                + latin1(m_rules.service) + QLatin1String("'. "),
            latin1(auth.service));
    }
    if (auth.terminator != kTerminator) {
        return problem(Kind::WrongTerminator,
            QLatin1String("Credential should be scoped with a valid terminator: '")
                + latin1(kTerminator) + QLatin1String("', not '") + latin1(auth.terminator)
                + QLatin1String("'. "));
    }

    if (!isSignedHeader(auth.signedHeaders, "host")) {
        return problem(Kind::UnsignedHeader,
            QStringLiteral(
                "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization."),
            QStringLiteral("host"));
    }
    for (const auto &[name, value] : request.headers) {
        if (name.size() > 6 && headerNameEquals(QByteArrayView(name).first(6), "x-amz-")
            && !isSignedHeader(auth.signedHeaders, name)) {
            return problem(Kind::UnsignedHeader,
                QLatin1Char('\'') + latin1(name)
                    + QLatin1String("' must be a 'SignedHeader' in the AWS Authorization."),
                latin1(name));
        }
    }

    const qint64 skew = now.secsTo(*signedAt);
    const QByteArray format("yyyyMMdd'T'HHmmss'Z'");
    if (skew < -m_rules.allowedSkewSeconds) {
        return problem(Kind::Expired,
            QLatin1String("Signature expired: ") + latin1(amzDateText)
                + QLatin1String(" is now earlier than ")
                + now.addSecs(-m_rules.allowedSkewSeconds).toString(QLatin1String(format))
                + QLatin1String(" (") + now.toString(QLatin1String(format)) + QLatin1String(" - ")
                + QString::number(m_rules.allowedSkewSeconds / 60) + QLatin1String(" min.)"));
    }
    if (skew > m_rules.allowedSkewSeconds) {
        return problem(Kind::NotYetCurrent,
            QLatin1String("Signature not yet current: ") + latin1(amzDateText)
                + QLatin1String(" is still later than ")
                + now.addSecs(m_rules.allowedSkewSeconds).toString(QLatin1String(format))
                + QLatin1String(" (") + now.toString(QLatin1String(format)) + QLatin1String(" + ")
                + QString::number(m_rules.allowedSkewSeconds / 60) + QLatin1String(" min.)"));
    }

    QByteArray secret = m_accepted.secretAccessKey.toUtf8();
    QByteArray acceptedToken = m_acceptedToken;
    if (!constantTimeEquals(auth.accessKeyId, m_acceptedKeyId)) {
        const std::optional<TemporaryCredentials::Issued> issued
            = m_temporary ? m_temporary->find(auth.accessKeyId) : std::nullopt;
        if (!issued)
            return problem(Kind::UnknownAccessKey, serviceerrors::unrecognizedClient().message);
        if (issued->expiration <= now)
            return problem(Kind::ExpiredToken,
                QStringLiteral("The security token included in the request is expired"));
        secret = issued->secretAccessKey;
        acceptedToken = issued->sessionToken;
    }
    const qsizetype tokens = request.headerCount("x-amz-security-token");
    if (tokens > 1 || (acceptedToken.isEmpty() && tokens > 0)
        || !constantTimeEquals(request.header("x-amz-security-token"), acceptedToken)) {
        return problem(Kind::InvalidToken, serviceerrors::unrecognizedClient().message);
    }

    if (m_rules.payload == SigningRules::Payload::FromHeader) {
        const QByteArray payloadHash = request.header("x-amz-content-sha256");
        if (payloadHash.isEmpty())
            return problem(Kind::MissingPayloadHash,
                QStringLiteral("Missing required header for this request: x-amz-content-sha256"));
        if (payloadHash != kUnsignedPayload
            && payloadHash != aws::sigv4::hashedPayload(request.body)) {
            return problem(Kind::PayloadHashMismatch,
                QStringLiteral("The provided 'x-amz-content-sha256' header does not match what "
                               "was computed."));
        }
    }

    return checkSignature(
        request, auth.signedHeaders, auth.signature, amzDateText, std::move(secret));
}

std::optional<SignatureProblem> SigV4Verifier::checkSignature(const HttpRequest &request,
    const QList<QByteArray> &signedHeaders, const QByteArray &signature, QByteArrayView amzDate,
    QByteArray secret) const
{
    // The canonical request from exactly the headers the client says it signed, with the
    // values it sent (the checks above proved X-Amz-Date and the token to be the accepted ones).
    aws::sigv4::Headers headers;
    for (const QByteArray &name : signedHeaders) {
        bool present = false;
        for (const auto &[headerName, value] : request.headers) {
            if (headerNameEquals(headerName, name)) {
                headers.append({ name, value });
                present = true;
            }
        }
        if (!present)
            headers.append({ name, QByteArray() }); // signed as empty, as the client claims
    }
    const QByteArray payloadHash = m_rules.payload == SigningRules::Payload::FromHeader
        ? request.header("x-amz-content-sha256")
        : aws::sigv4::hashedPayload(request.body);
    const QByteArray canonical = aws::sigv4::canonicalRequest(request.method,
        aws::sigv4::canonicalUri(request.path, m_rules.canonical),
        aws::sigv4::canonicalQueryString(request.query), aws::sigv4::canonicalHeaders(headers),
        payloadHash);
    const QByteArrayView date = amzDate.first(8);
    const QByteArray scope = aws::sigv4::credentialScope(date, m_region, m_rules.service);
    QByteArray key = aws::sigv4::signingKey(secret, date, m_region, m_rules.service);
    const QByteArray expected
        = aws::sigv4::signature(key, aws::sigv4::stringToSign(amzDate, scope, canonical));
    secret.fill('\0');
    key.fill('\0');
    if (!constantTimeEquals(expected, signature)) {
        return problem(
            SignatureProblem::Kind::SignatureMismatch, serviceerrors::signatureMismatch().message);
    }
    return std::nullopt;
}

} // namespace emulator
