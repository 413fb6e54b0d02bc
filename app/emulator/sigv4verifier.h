#pragma once

#include "aws/awscredentials.h"
#include "aws/sigv4signer.h"
#include "emulator/httpmessage.h"
#include "emulator/serviceerror.h"

#include <QByteArray>
#include <QDateTime>

#include <optional>

namespace emulator {

// Checks a request's SigV4 Authorization header the way the service's front end does, in its
// order and with its texts: header present and well formed, X-Amz-Date valid, credential scope
// (date, region, service "lookoutequipment", "aws4_request"), host and every x-amz-* header
// signed, X-Amz-Date within 5 minutes of now, access key known, session token matching, and
// finally the signature itself (recomputed with aws::sigv4::sign over exactly the signed
// headers, compared in constant time).
class SigV4Verifier {
public:
    SigV4Verifier(QByteArray region, aws::AwsCredentials accepted);

    // nullopt when the request is properly signed by the accepted credentials.
    std::optional<ServiceError> verify(const HttpRequest &request, const QDateTime &now) const;

    static constexpr qint64 kAllowedSkewSeconds = 5 * 60;

private:
    std::optional<ServiceError> checkSignature(const HttpRequest &request,
        const QList<QByteArray> &signedHeaders, const QByteArray &signature,
        const QDateTime &signedAt) const;

    QByteArray m_region;
    aws::AwsCredentials m_accepted;
    QByteArray m_acceptedKeyId;
    QByteArray m_acceptedToken;
};

// "20150830T123600Z" → that UTC time; nullopt unless exactly ISO 8601 basic format.
std::optional<QDateTime> parseAmzDate(QByteArrayView text);

// Equal contents, in time that does not depend on where they differ.
bool constantTimeEquals(QByteArrayView a, QByteArrayView b);

} // namespace emulator
