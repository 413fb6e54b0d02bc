#pragma once

namespace cli {

struct Invocation;

// `lookout-desk sso login [--profile NAME] [--no-browser]`: what `aws sso login` does. The
// profile's start URL and sso_region (from its sso-session, or the profile for a legacy one), the
// device authorization flow against SSO OIDC, the same lines on stdout (the page and the code;
// without --no-browser the page with the code is also opened with xdg-open), and the token
// written to the CLI's cache, so that the AWS CLI and the window use it too. Exit status 0, 253
// for a profile without SSO settings or an expired or refused sign-in, 130 on Ctrl+C.
int runSsoLoginCommand(const Invocation &invocation);

} // namespace cli
