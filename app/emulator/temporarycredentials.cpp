#include "emulator/temporarycredentials.h"

#include "aws/sha256.h"

namespace emulator {

using namespace Qt::StringLiterals;

namespace {

QByteArray derived(const QByteArray &secret, const QString &purpose, const QString &roleArn,
    const QString &sessionName)
{
    const QByteArray message
        = (purpose + QLatin1Char('\n') + roleArn + QLatin1Char('\n') + sessionName).toUtf8();
    const aws::Sha256Digest digest = aws::hmacSha256(secret, message);
    return QByteArray(reinterpret_cast<const char *>(digest.data()), qsizetype(digest.size()));
}

// Access key ids are 20 characters of A-Z and 2-7; temporary ones start with ASIA.
QByteArray keyIdFrom(const QByteArray &bytes)
{
    static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    QByteArray id = "ASIA";
    for (int i = 0; i < 16; ++i)
        id += kAlphabet[static_cast<unsigned char>(bytes[i]) % 32];
    return id;
}

} // namespace

TemporaryCredentials::TemporaryCredentials(QByteArray emulatorSecret)
    : m_secret(std::move(emulatorSecret))
{
}

aws::AwsCredentials TemporaryCredentials::issue(
    const QString &roleArn, const QString &sessionName, const QDateTime &now, int durationSeconds)
{
    const QByteArray keyId = keyIdFrom(derived(m_secret, "key"_L1, roleArn, sessionName));
    if (!m_issued.contains(keyId))
        makeRoom(now);
    Issued issued;
    issued.secretAccessKey
        = derived(m_secret, "secret"_L1, roleArn, sessionName).toBase64().left(40);
    QByteArray token = derived(m_secret, "token"_L1, roleArn, sessionName);
    token += derived(m_secret, "token2"_L1, roleArn, sessionName);
    issued.sessionToken = "IQoJb3JpZ2luX2VtdWxhdG9y" + token.toBase64();
    issued.expiration = now.toUTC().addSecs(durationSeconds);
    m_issued.insert(keyId, issued);
    return aws::AwsCredentials { QString::fromLatin1(keyId),
        QString::fromLatin1(issued.secretAccessKey), QString::fromLatin1(issued.sessionToken),
        issued.expiration, QStringLiteral("issued by the emulator") };
}

void TemporaryCredentials::makeRoom(const QDateTime &now)
{
    if (m_issued.size() < kMaxIssued)
        return;
    for (auto it = m_issued.begin(); it != m_issued.end();) {
        if (it->expiration <= now)
            it = m_issued.erase(it);
        else
            ++it;
    }
    while (m_issued.size() >= kMaxIssued) {
        auto first = m_issued.begin();
        for (auto it = m_issued.begin(); it != m_issued.end(); ++it) {
            if (it->expiration < first->expiration)
                first = it;
        }
        m_issued.erase(first);
    }
}

std::optional<TemporaryCredentials::Issued> TemporaryCredentials::find(
    QByteArrayView accessKeyId) const
{
    const auto found = m_issued.constFind(accessKeyId.toByteArray());
    if (found == m_issued.constEnd())
        return std::nullopt;
    return *found;
}

} // namespace emulator
