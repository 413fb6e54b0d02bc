#pragma once

#include "aws/awscredentials.h"
#include "aws/credentialprocess.h"
#include "aws/credentialsprovider.h"
#include "aws/result.h"
#include "aws/ssocredentials.h"
#include "aws/ssosettings.h"
#include "aws/stsclient.h"

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QProcessEnvironment>
#include <QString>

#include <chrono>
#include <functional>
#include <memory>
#include <optional>

class QNetworkAccessManager;

namespace aws {

class AwsProfiles;
class KeychainProfileStore;
class LazyNetwork;

// Which profile is in use, and why: --profile (or the GUI's picker), AWS_PROFILE,
// AWS_DEFAULT_PROFILE, else "default".
struct ProfileSelection {
    QString name;
    QString source; // "--profile", "AWS_PROFILE", "AWS_DEFAULT_PROFILE", "default"
    bool explicitlyChosen = false; // given on the command line or in the picker
};

// `explicitProfile` empty: not given. `explicitOrigin` names where it was given ("--profile").
ProfileSelection selectProfile(const QString &explicitProfile,
    const QProcessEnvironment &environment,
    const QString &explicitOrigin = QStringLiteral("--profile"));

// The credentials the chain chose, decided from the files and the environment alone: no process
// runs and no keychain is touched, so the precedence can be checked and shown.
struct CredentialSource {
    enum class Kind {
        Environment, // AWS_ACCESS_KEY_ID + AWS_SECRET_ACCESS_KEY (+ AWS_SESSION_TOKEN)
        SharedFileKeys, // aws_access_key_id + aws_secret_access_key in ~/.aws/credentials or config
        Process, // credential_process
        Keychain, // a profile created in Lookout Desk
        Sso, // IAM Identity Center: sso_account_id + sso_role_name (+ sso_session)
        AssumeRole, // role_arn with source_profile or credential_source: STS AssumeRole
        WebIdentity, // a web identity token file and role_arn: STS AssumeRoleWithWebIdentity
    };
    Kind kind = Kind::Environment;
    QString profile; // empty for Environment
    QString description; // safe to show: "profile prod in /root/.aws/credentials line 3"
    AwsCredentials credentials; // Environment and SharedFileKeys only
    QString command; // Process only; never logged (arguments may be sensitive)
    // AssumeRole and WebIdentity: the role; an empty session name means the CLI's default,
    // botocore-session-<unix time>.
    QString roleArn;
    QString roleSessionName;
    QString externalId; // AssumeRole only; empty: none
    QString mfaSerial; // AssumeRole only: the MFA device whose code AssumeRole needs; empty: none
    std::optional<int> durationSeconds; // AssumeRole only
    // AssumeRole: where the credentials that sign AssumeRole come from (another profile, which
    // may itself assume a role, or the environment).
    std::shared_ptr<const CredentialSource> roleSource;
    QString tokenFile; // WebIdentity: read again at each refresh (it rotates)
    std::optional<SsoSettings> sso; // Sso only
    SsoEndpoints ssoEndpoints; // Sso only
};

// The largest web identity token file read (STS takes tokens of at most 20,000 characters).
inline constexpr qint64 kMaxWebIdentityTokenBytes = 64 * 1024;

// The AWS CLI's order (botocore's providers): an explicitly chosen profile is used alone;
// otherwise environment keys win, even over AWS_PROFILE. Then, within the selected ~/.aws
// profile: role_arn (without web_identity_token_file) assumes the role; then a web identity
// (AWS_WEB_IDENTITY_TOKEN_FILE, AWS_ROLE_ARN, AWS_ROLE_SESSION_NAME unless the profile was chosen
// explicitly, else the profile's web_identity_token_file, role_arn, role_session_name); then IAM
// Identity Center (sso_account_id or sso_role_name; its portal and OIDC endpoints resolved as for
// any service, its token cache under `homeDirectory`, the user's home when empty); then static
// keys in the credentials file, credential_process, static keys in the config file. A role's
// source_profile is resolved the same way without the environment (a chain of any length; a cycle
// is botocore's InfiniteLoopConfigError) and may be a keychain profile; credential_source =
// Environment takes the environment's keys. A name found in no ~/.aws file is looked up among the
// keychain profiles (store may be null). Errors: "The config profile (NAME) could not be found"
// (Configuration), partial keys, no credentials at all ("Unable to locate credentials. …"), the
// role and SSO settings botocore refuses (Configuration) and the unsupported credential sources
// (Credentials).
Result<CredentialSource> selectCredentialSource(const ProfileSelection &profile,
    const QProcessEnvironment &environment, const AwsProfiles &profiles,
    const KeychainProfileStore *keychain, const QString &homeDirectory = {});

// Where a chain's STS calls go (resolved with the profile's region and endpoint settings), and the
// network they share with the chains of source profiles.
// Asks the user for the code of an MFA device and answers once (nullopt: none was given). The
// code is a secret: it goes into one AssumeRole request and is kept nowhere.
using MfaPrompt = std::function<void(const QString &profile, const QString &serialNumber,
    std::function<void(std::optional<QString> code)> answer)>;

struct StsOptions {
    Result<StsClientSettings> settings = AwsError::configuration(
        AwsError::Setting::Endpoint, QStringLiteral("no STS endpoint was resolved"));
    std::shared_ptr<LazyNetwork> network;
    // Where a role with mfa_serial asks for its code; none: such a role is an error saying so.
    MfaPrompt mfaPrompt;
};

// The CredentialsProvider the clients use. Static keys are delivered at once; credential_process
// is run, IAM Identity Center's portal asked for role credentials (its token refreshed through SSO
// OIDC near expiry) and STS asked (AssumeRole signed with the source's credentials, which come
// from a chain of their own; AssumeRoleWithWebIdentity with the token file read afresh)
// asynchronously, and their credentials cached, in memory only, until 15 minutes before
// Expiration (advisory: a failed refresh keeps the old ones) or 10 minutes before (mandatory: a
// failed refresh is an error); keychain keys are read once. Concurrent fetches share one refresh.
// invalidate() forgets everything and chooses the source again (files re-read), so edited files
// and expired sessions recover without a restart.
class CredentialChain final : public CredentialsProvider {
public:
    using Selector = std::function<Result<CredentialSource>()>;
    using Now = std::function<QDateTime()>;

    static constexpr std::chrono::seconds kAdvisoryRefresh { 15 * 60 };
    static constexpr std::chrono::seconds kMandatoryRefresh { 10 * 60 };

    // `selector` chooses the source (first at construction, again after invalidate()).
    // `keychain` may be null when no keychain profile can be chosen; it must outlive the chain.
    CredentialChain(Selector selector, KeychainProfileStore *keychain,
        CredentialProcessOptions processOptions = {}, Now now = {}, StsOptions sts = {});
    ~CredentialChain() override;

    void fetch(QObject *context, Callback done) override;
    void invalidate() override;
    QString description() const override;

    // What was chosen (or why nothing could be).
    const Result<CredentialSource> &source() const { return m_source; }
    // The network of the chain's own calls (STS, IAM Identity Center), made on first use; shared
    // with the chains of its source profiles.
    QNetworkAccessManager *network();

private:
    struct Waiter {
        QPointer<QObject> context;
        bool contextGiven = false;
        Callback done;
    };
    void startProcess();
    void startKeychainRead();
    void startSso();
    void startAssumeRole();
    void startWebIdentity();
    // A refreshed set of expiring credentials, or the failure to get one (kept within the
    // advisory window).
    void refreshed(const Result<AwsCredentials> &result);
    void deliver(const Result<AwsCredentials> &result);
    QString roleSessionName();

    Selector m_selector;
    KeychainProfileStore *m_keychain;
    CredentialProcessOptions m_processOptions;
    Now m_now;
    Result<CredentialSource> m_source;
    std::optional<AwsCredentials> m_cached;
    QList<Waiter> m_waiting;
    bool m_busy = false;
    bool m_reselectWhenIdle = false;
    std::unique_ptr<QObject> m_guard; // context of in-flight callbacks; they drop with the chain
    std::unique_ptr<CredentialProcessRunner> m_runner;
    std::unique_ptr<SsoClient> m_ssoClient;
    std::unique_ptr<SsoCredentialFetcher> m_ssoFetcher;
    StsOptions m_sts;
    std::shared_ptr<CredentialChain> m_roleSourceChain; // AssumeRole: the source's credentials
    std::unique_ptr<StsClient> m_stsClient;
    QString m_defaultSessionName; // botocore-session-<time>, fixed for the source chosen
};

} // namespace aws
