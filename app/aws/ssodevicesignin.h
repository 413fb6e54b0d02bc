#pragma once

#include "aws/result.h"
#include "aws/ssoclient.h"
#include "aws/ssocredentials.h"
#include "aws/ssosettings.h"
#include "aws/ssotokencache.h"

#include <QDateTime>
#include <QObject>
#include <QString>
#include <QTimer>
#include <QUrl>

#include <functional>
#include <memory>

class QNetworkAccessManager;

namespace aws {

// What the user must see to approve a sign-in: the page, the code, and the page with the code
// filled in (what a browser opens).
struct SsoSignInPrompt {
    QString userCode;
    QUrl verificationUri;
    QUrl verificationUriComplete;
    QDateTime expiresAt;
};

// `aws sso login`'s device authorization flow (botocore's SSOTokenFetcher): RegisterClient
// (clientName "botocore-client-<session>" as the CLI names it, the session's registration
// scopes), StartDeviceAuthorization, then CreateToken every `interval` seconds:
// AuthorizationPendingException waits, SlowDownException adds 5 s to the interval,
// ExpiredTokenException ends with botocore's PendingAuthorizationExpiredError sentence, any other
// error ends with it. The token is written to the CLI's cache (saveSsoToken) before `done` runs.
class SsoDeviceSignIn : public QObject {
    Q_OBJECT
public:
    using PromptHandler = std::function<void(const SsoSignInPrompt &)>;
    using Done = std::function<void(const Result<SsoToken> &)>;
    using Now = std::function<QDateTime()>;

    static constexpr qint64 kSlowDownSeconds = 5;

    SsoDeviceSignIn(SsoSettings settings, SsoEndpoints endpoints, QNetworkAccessManager *network,
        Now now = {}, QObject *parent = nullptr);
    ~SsoDeviceSignIn() override;

    // Starts; `prompt` runs once the code is known, `done` once at the end (not after cancel()).
    void start(PromptHandler prompt, Done done);
    // Stops polling; `done` does not run.
    void cancel();

private:
    void registerClient();
    void authorize();
    void poll();
    void finish(const Result<SsoToken> &result);

    SsoSettings m_settings;
    SsoEndpoints m_endpoints;
    std::unique_ptr<SsoClient> m_client;
    Now m_now;
    PromptHandler m_prompt;
    Done m_done;
    QTimer m_pollTimer;
    QString m_clientId;
    QString m_clientSecret;
    QDateTime m_registrationExpiresAt;
    QString m_deviceCode;
    QDateTime m_deviceCodeExpiresAt;
    qint64 m_interval = 5;
};

// botocore's PendingAuthorizationExpiredError.
AwsError pendingAuthorizationExpired();

} // namespace aws
