#pragma once

#include "aws/awsjsonclient.h"
#include "aws/awsprofiles.h"
#include "aws/credentialchain.h"
#include "aws/credentialsprovider.h"
#include "aws/result.h"
#include "aws/servicedescription.h"
#include "aws/stsclient.h"

#include <QList>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <chrono>
#include <memory>
#include <optional>

namespace aws {

class KeychainProfileStore;

// Why a region name cannot be used (botocore's check: one DNS label), or none.
std::optional<QString> regionProblem(const QString &region);
// An endpoint URL as the client may use it: absolute http(s) with a host, no user info, query or
// fragment; plain http only to loopback hosts. Errors (Configuration) name `source`.
Result<QUrl> parseEndpointUrl(const QString &text, const QString &source);

// What was asked for: the settings the user chose explicitly (command line, the window's pickers);
// empty fields were not given. The origins name where the choice came from in messages and
// --debug output ("--region", or the GUI's picker).
struct RequestedConfig {
    QString profile;
    QString region;
    QString endpointUrl;
    QString profileOrigin = QStringLiteral("--profile");
    QString regionOrigin = QStringLiteral("--region");
    QString endpointOrigin = QStringLiteral("--endpoint-url");
    // --connect-timeout, --read-timeout; unset: the AWS CLI's 60 s each.
    std::optional<std::chrono::milliseconds> connectTimeout;
    std::optional<std::chrono::milliseconds> readTimeout;
};

// A value with where it came from: "AWS_REGION", "profile prod in /root/.aws/config line 12".
struct SourcedValue {
    QString value;
    QString source;
};

// What was resolved from the request, the environment and the files: everything a client of one
// service needs, each value with its source.
struct ResolvedConfig {
    ServiceDescription service; // the service the endpoint was resolved for
    SourcedValue profile;
    bool keychainProfile = false;
    SourcedValue region;
    QUrl endpoint;
    QString endpointSource;
    SourcedValue maxAttempts; // attempts in all, "3" by default
    SourcedValue retryMode; // "standard" by default
    // The profile's `s3 = \n  addressing_style = …` ("auto" by default); read for S3 only.
    SourcedValue s3AddressingStyle;
    std::chrono::milliseconds connectTimeout { 60'000 }; // as requested, else the AWS CLI's default
    std::chrono::milliseconds readTimeout { 60'000 };
    std::shared_ptr<CredentialsProvider> credentials;
    // Where the credential chain's STS calls go (assumed roles, web identities); empty when the
    // STS settings are unusable (the chain reports why on fetch).
    SourcedValue stsEndpoint;

    // What AwsJsonClient is constructed with (the credentials go beside it).
    AwsJsonClientSettings clientSettings() const;
    // "region: eu-west-1 (from AWS_REGION)" lines for --debug and the GUI's connection details.
    QStringList describe() const;
};

// An entry of a profile picker or `configure list-profiles`.
struct ProfileListEntry {
    enum class Origin {
        SharedFiles, // ~/.aws/config or ~/.aws/credentials
        Keychain, // created in Lookout Desk, keys in the keychain
        SessionOnly, // created in Lookout Desk without a keychain: keys in memory until exit
    };
    QString name;
    Origin origin = Origin::SharedFiles;
    QString location; // "profile prod in /root/.aws/config line 3", "keychain profile prod"
    bool shadowed = false; // a keychain profile hidden by a ~/.aws profile of the same name
    bool operator==(const ProfileListEntry &) const = default;
};

// Resolves profile, region, endpoint, retry settings and credentials the way the AWS CLI does,
// from a RequestedConfig, an environment and a home directory (never the process's own, unless
// forCurrentProcess() is used), plus the keychain profiles. Files are read at construction and on
// reload(); the keychain is not touched until credentials of a keychain profile are fetched.
class ConfigResolver {
public:
    // `keychain` may be null (no keychain profiles); otherwise it must outlive every
    // ResolvedConfig.
    ConfigResolver(const QProcessEnvironment &environment, QString homeDirectory,
        KeychainProfileStore *keychain = nullptr);
    // The process environment and the user's home directory.
    static ConfigResolver forCurrentProcess(KeychainProfileStore *keychain = nullptr);

    // Re-reads ~/.aws/config and ~/.aws/credentials.
    void reload();
    // The credential_process limits (its environment is always this resolver's) and the clock
    // used for expiry (tests inject one).
    void setCredentialProcessOptions(CredentialProcessOptions options);
    void setNow(CredentialChain::Now now) { m_now = std::move(now); }
    // How a role with mfa_serial asks for its code (the headless commands: on the terminal).
    void setMfaPrompt(MfaPrompt prompt) { m_mfaPrompt = std::move(prompt); }

    const AwsProfiles &sharedProfiles() const { return m_profiles; }
    const QProcessEnvironment &environment() const { return m_environment; }
    // The home directory the files and the SSO token cache are found under.
    const QString &homeDirectory() const { return m_homeDirectory; }
    // Problems found in the shared files (file and line each); the rest of them still works.
    QList<ConfigProblem> problems() const { return m_profiles.problems(); }
    // ~/.aws profiles and keychain profiles, sorted by name, ~/.aws first on equal names.
    QList<ProfileListEntry> profiles() const;

    // The configuration for talking to `service`: its endpoint is --endpoint-url,
    // AWS_ENDPOINT_URL_<service's suffix>, AWS_ENDPOINT_URL, the `service.servicesKey` entry of
    // the profile's services section, the profile's endpoint_url, else the service's default.
    // Configuration errors: unknown profile ("The config profile (NAME) could not be found"), no
    // region, an invalid region, endpoint, max attempts or retry mode, a missing services section.
    // Credential problems do not fail here: the provider reports them on fetch().
    Result<ResolvedConfig> resolve(
        const ServiceDescription &service, const RequestedConfig &request) const;

private:
    // Where the credential chain's STS calls go: the configured STS endpoint, else the global
    // one for sts_regional_endpoints = legacy in a legacy region, else the regional one.
    Result<StsClientSettings> stsSettings(
        const AwsProfile *profile, const ResolvedConfig &config) const;

    QProcessEnvironment m_environment;
    QString m_homeDirectory;
    KeychainProfileStore *m_keychain;
    AwsProfiles m_profiles;
    CredentialProcessOptions m_processOptions;
    CredentialChain::Now m_now;
    MfaPrompt m_mfaPrompt;
};

} // namespace aws
