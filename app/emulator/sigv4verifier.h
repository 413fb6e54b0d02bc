#pragma once

#include "aws/awscredentials.h"
#include "aws/sigv4signer.h"
#include "emulator/httpmessage.h"
#include "emulator/serviceerror.h"

#include <QByteArray>
#include <QDateTime>

#include <memory>
#include <optional>

namespace emulator {

// What is wrong with a request's signature. Each front end answers it in its own words:
// verify() as the Lookout for Equipment JSON front end does, the S3 front end with its XML
// errors (s3error.h).
struct SignatureProblem {
    enum class Kind {
        MissingAuthentication, // no Authorization header
        Incomplete, // a missing or malformed piece of the header or X-Amz-Date
        WrongScopeDate, // the credential scope's date is not the X-Amz-Date day
        WrongRegion, // detail: the region of the scope
        WrongService, // detail: the service of the scope
        WrongTerminator,
        UnsignedHeader, // host or an x-amz-* header is not signed; detail: its name
        Expired, // X-Amz-Date too far in the past
        NotYetCurrent, // or in the future
        UnknownAccessKey,
        InvalidToken, // a session token missing, repeated or wrong
        ExpiredToken, // temporary keys the emulator issued, past their expiration
        MissingPayloadHash, // SigningRules::Payload::FromHeader without x-amz-content-sha256
        PayloadHashMismatch, // x-amz-content-sha256 is neither the body's hash nor unsigned
        SignatureMismatch,
    };
    Kind kind;
    QString message; // the Lookout for Equipment front end's text
    QString detail;
};

// What a service's front end expects of a signature besides the keys and the region.
struct SigningRules {
    // Lookout for Equipment and the other JSON services sign the hash of the body and the
    // path normalised and encoded twice.
    enum class Payload { HashOfBody, FromHeader };

    QByteArray service;
    aws::sigv4::Options canonical; // how the path enters the canonical request
    // FromHeader: the canonical request ends in x-amz-content-sha256, which is required and
    // must be the body's hash or UNSIGNED-PAYLOAD (S3).
    Payload payload = Payload::HashOfBody;
    qint64 allowedSkewSeconds = 5 * 60;

    static SigningRules lookoutEquipment();
    // The path as sent, the payload hash from x-amz-content-sha256, 15 minutes of skew.
    static SigningRules s3();
    // STS: as the JSON services, for service "sts".
    static SigningRules sts();
};

class TemporaryCredentials;

// Checks a request's SigV4 Authorization header the way the service's front end does, in its
// order and with its texts: header present and well formed, X-Amz-Date valid, credential scope
// (date, region, the rules' service, "aws4_request"), host and every x-amz-* header signed,
// X-Amz-Date within the allowed skew of now, access key known, session token matching, the
// payload hash (S3), and finally the signature itself (recomputed with aws::sigv4's steps over
// exactly the signed headers, compared in constant time).
class SigV4Verifier {
public:
    SigV4Verifier(QByteArray region, aws::AwsCredentials accepted,
        SigningRules rules = SigningRules::lookoutEquipment());

    // nullopt when the request is properly signed by the accepted credentials.
    std::optional<SignatureProblem> check(const HttpRequest &request, const QDateTime &now) const;
    // check() as the Lookout for Equipment front end answers it.
    std::optional<ServiceError> verify(const HttpRequest &request, const QDateTime &now) const;
    // Also accept the temporary keys the emulator issued (STS, the IAM Identity Center portal)
    // with their session token until they expire; `issued` must outlive the verifier.
    void acceptTemporary(const TemporaryCredentials *issued) { m_temporary = issued; }

private:
    std::optional<SignatureProblem> checkSignature(const HttpRequest &request,
        const QList<QByteArray> &signedHeaders, const QByteArray &signature, QByteArrayView amzDate,
        QByteArray secret) const;

    QByteArray m_region;
    aws::AwsCredentials m_accepted;
    SigningRules m_rules;
    QByteArray m_acceptedKeyId;
    QByteArray m_acceptedToken;
    const TemporaryCredentials *m_temporary = nullptr;
};

// The Lookout for Equipment front end's error for a signature problem.
ServiceError lookoutErrorFor(const SignatureProblem &problem);

inline constexpr QByteArrayView kUnsignedPayload = "UNSIGNED-PAYLOAD";

// "20150830T123600Z" → that UTC time; nullopt unless exactly ISO 8601 basic format.
std::optional<QDateTime> parseAmzDate(QByteArrayView text);

// Equal contents, in time that does not depend on where they differ.
bool constantTimeEquals(QByteArrayView a, QByteArrayView b);

} // namespace emulator
