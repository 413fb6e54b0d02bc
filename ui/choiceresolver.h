#pragma once

#include "aws/configresolver.h"
#include "aws/result.h"

#include <QList>
#include <QString>

#include <optional>

namespace ui {

class DemoEndpoint;

// An entry of the profile picker.
struct ProfileChoice {
    enum class Kind {
        Environment, // no profile named: AWS_ACCESS_KEY_ID and friends, as the CLI does without
                     // --profile
        Profile, // a ~/.aws or keychain profile
        Demo, // the built-in demo endpoint
    };
    Kind kind = Kind::Environment;
    QString name; // the profile's name (Kind::Profile only)

    static ProfileChoice environment() { return { Kind::Environment, {} }; }
    static ProfileChoice profile(const QString &name) { return { Kind::Profile, name }; }
    static ProfileChoice demo() { return { Kind::Demo, {} }; }

    // "environment", "profile:prod", "demo": how it is kept in the settings.
    QString toSettingsValue() const;
    static std::optional<ProfileChoice> fromSettingsValue(const QString &value);
    friend bool operator==(const ProfileChoice &, const ProfileChoice &) = default;
};

// A choice resolved: the configuration to connect with, and what to call it in the status bar.
struct ResolvedChoice {
    aws::ResolvedConfig config;
    QString label; // "Demo", "Environment", the profile name
};

// Turns the window's choices (profile entry, region picker) into a configuration, with the same
// resolver and rules as the headless commands: `--endpoint-url` and the AWS_* variables apply to
// every entry but Demo, an explicit region wins over the environment and the profile.
class ChoiceResolver {
public:
    // `resolver` and `demo` must outlive this object. `commandLine` holds --profile, --region and
    // --endpoint-url as given (empty when not).
    ChoiceResolver(
        aws::ConfigResolver *resolver, DemoEndpoint *demo, aws::RequestedConfig commandLine);

    // The profile picker's entries, ~/.aws and keychain profiles (shadowed ones left out).
    QList<aws::ProfileListEntry> profiles() const;
    // Whether AWS_ACCESS_KEY_ID is set: the picker then offers "Environment", first and chosen.
    bool environmentHasCredentials() const;
    // The profile the CLI would use without --profile: AWS_PROFILE, AWS_DEFAULT_PROFILE, "default".
    QString defaultProfileName() const;
    const aws::RequestedConfig &commandLine() const { return m_commandLine; }

    // The entry to open with: --profile, else "Environment" when AWS_ACCESS_KEY_ID is set, else
    // the one saved last time if it still exists, else the default profile.
    ProfileChoice initialChoice(const std::optional<ProfileChoice> &saved) const;

    // `region` is the region picker's explicit choice (empty: as the environment or profile
    // says) and `regionOrigin` names it in the connection details ("--region", "the region
    // picker"). Errors are the CLI's (unknown profile, no region, bad endpoint) or the demo's.
    aws::Result<ResolvedChoice> resolve(
        const ProfileChoice &choice, const QString &region, const QString &regionOrigin) const;

    // The same choice resolved for S3, where the schedulers' results are read: the demo's own
    // endpoint (it serves S3 on the same port), else S3's settings with the profile and region of
    // resolve() (results::outputRequestFor: --endpoint-url is Lookout for Equipment's).
    aws::Result<aws::ResolvedConfig> resolveResults(
        const ProfileChoice &choice, const QString &region, const QString &regionOrigin) const;

    // Re-reads ~/.aws/config and ~/.aws/credentials.
    void reload();
    aws::ConfigResolver *resolver() const { return m_resolver; }
    DemoEndpoint *demo() const { return m_demo; }

private:
    static aws::AwsError demoUnavailable();
    aws::RequestedConfig requestFor(
        const ProfileChoice &choice, const QString &region, const QString &regionOrigin) const;

    aws::ConfigResolver *m_resolver;
    DemoEndpoint *m_demo;
    aws::RequestedConfig m_commandLine;
};

} // namespace ui
