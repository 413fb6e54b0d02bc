#pragma once

#include "aws/awscredentials.h"
#include "aws/credentialprocess.h"
#include "aws/credentialsprovider.h"
#include "aws/result.h"

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

namespace aws {

class AwsProfiles;
class KeychainProfileStore;

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
    };
    Kind kind = Kind::Environment;
    QString profile; // empty for Environment
    QString description; // safe to show: "profile prod in /root/.aws/credentials line 3"
    AwsCredentials credentials; // Environment and SharedFileKeys only
    QString command; // Process only; never logged (arguments may be sensitive)
};

// The AWS CLI's order: an explicitly chosen profile is used alone; otherwise environment keys
// win, even over AWS_PROFILE; otherwise the selected profile. Within a ~/.aws profile: role_arn
// and SSO are refused (Credentials error saying so and what to use instead), then static keys in
// the credentials file, credential_process, static keys in the config file. A name found in no
// ~/.aws file is looked up among the keychain profiles (store may be null).
// Errors: "The config profile (NAME) could not be found" (Configuration), partial keys, no
// credentials at all ("Unable to locate credentials. …") and the unsupported kinds (Credentials).
Result<CredentialSource> selectCredentialSource(const ProfileSelection &profile,
    const QProcessEnvironment &environment, const AwsProfiles &profiles,
    const KeychainProfileStore *keychain);

// The CredentialsProvider the clients use. Static keys are delivered at once; credential_process
// is run asynchronously and its credentials cached until 15 minutes before Expiration (advisory:
// a failed refresh keeps the old ones) or 10 minutes before (mandatory: a failed refresh is an
// error); keychain keys are read once. invalidate() forgets everything and chooses the source
// again (files re-read), so edited files and expired sessions recover without a restart.
class CredentialChain final : public CredentialsProvider {
public:
    using Selector = std::function<Result<CredentialSource>()>;
    using Now = std::function<QDateTime()>;

    static constexpr std::chrono::seconds kAdvisoryRefresh { 15 * 60 };
    static constexpr std::chrono::seconds kMandatoryRefresh { 10 * 60 };

    // `selector` chooses the source (first at construction, again after invalidate()).
    // `keychain` may be null when no keychain profile can be chosen; it must outlive the chain.
    CredentialChain(Selector selector, KeychainProfileStore *keychain,
        CredentialProcessOptions processOptions = {}, Now now = {});
    ~CredentialChain() override;

    void fetch(QObject *context, Callback done) override;
    void invalidate() override;
    QString description() const override;

    // What was chosen (or why nothing could be).
    const Result<CredentialSource> &source() const { return m_source; }

private:
    struct Waiter {
        QPointer<QObject> context;
        bool contextGiven = false;
        Callback done;
    };
    void startProcess();
    void startKeychainRead();
    void deliver(const Result<AwsCredentials> &result);

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
};

} // namespace aws
