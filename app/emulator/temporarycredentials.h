#pragma once

#include "aws/awscredentials.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QDateTime>
#include <QHash>
#include <QString>

#include <optional>

namespace emulator {

// The temporary credentials the emulator issued: its STS's role sessions and the IAM Identity
// Center portal's role credentials, one store that the Lookout, S3 and STS front ends check. A
// session's keys are derived from the emulator's own secret, the role ARN and the session name,
// so the same session gets the same access key id each time (a test can compare what two clients
// resolved); each issue moves its expiration. The keys are accepted, with their session token,
// until they expire; an expired key is still known (ExpiredToken, not an unknown key) until its
// room is needed.
class TemporaryCredentials {
public:
    // At most this many sessions are kept; issuing more forgets expired ones, then the ones that
    // expire first.
    static constexpr qsizetype kMaxIssued = 10'000;

    explicit TemporaryCredentials(QByteArray emulatorSecret);

    aws::AwsCredentials issue(const QString &roleArn, const QString &sessionName,
        const QDateTime &now, int durationSeconds);

    struct Issued {
        QByteArray secretAccessKey;
        QByteArray sessionToken;
        QDateTime expiration;
    };
    // The session of `accessKeyId`, expired or not; nullopt when this emulator never issued it
    // or has forgotten it.
    std::optional<Issued> find(QByteArrayView accessKeyId) const;
    qsizetype size() const { return m_issued.size(); }

private:
    void makeRoom(const QDateTime &now);

    QByteArray m_secret;
    QHash<QByteArray, Issued> m_issued;
};

} // namespace emulator
