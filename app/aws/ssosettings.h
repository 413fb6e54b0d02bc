#pragma once

#include "aws/awsprofiles.h"
#include "aws/result.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace aws {

// What an IAM Identity Center (SSO) profile says, merged with its [sso-session NAME] section.
struct SsoSettings {
    QString profile;
    QString sessionName; // empty for a legacy profile (sso_start_url in the profile itself)
    QString startUrl;
    QString region; // sso_region: where the portal and OIDC are
    QString accountId;
    QString roleName;
    QStringList registrationScopes; // sso_registration_scopes, comma separated
    QString location; // "profile dev in /root/.aws/config line 4"

    bool isLegacy() const { return sessionName.isEmpty(); }
    // The name the token cache file is keyed by: the session name, or the start URL.
    QString tokenName() const { return isLegacy() ? startUrl : sessionName; }
    // "IAM Identity Center session corp, account 111122223333, role ReadOnly": no secret.
    QString description() const;
};

// The SSO settings of `profile`, as botocore's SSOProvider reads them: nullopt when the profile
// has neither sso_account_id nor sso_role_name (then it does not use SSO credentials).
// Configuration errors, in botocore's words: the named sso-session does not exist, a setting
// differs between profile and session, a required setting is missing.
Result<std::optional<SsoSettings>> ssoSettingsFor(
    const AwsProfile &profile, const AwsProfiles &profiles);

// What `aws sso login --profile NAME` needs of the profile (awscli's BaseSSOCommand): the start URL
// and sso_region, from the [sso-session NAME] the profile names or from the profile itself; the
// account and role are not needed. Configuration errors in the CLI's words: "The specified
// sso-session does not exist: …", "Missing the following required SSO configuration values: …".
Result<SsoSettings> ssoLoginSettingsFor(const AwsProfile &profile, const AwsProfiles &profiles);

} // namespace aws
