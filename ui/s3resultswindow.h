#pragma once

#include "aws/awserror.h"
#include "aws/configresolver.h"
#include "ui/ssosignindialog.h"

#include <memory>
#include <variant>

class QNetworkAccessManager;

namespace results {
class ObjectCache;
class S3Source;
struct S3Location;
} // namespace results

namespace ui {

class MfaPrompter;
class ResultsWindow;

// What `lookout-desk --results s3://bucket/prefix/` opens: a ResultsWindow on the location, read
// with the profile, region and endpoint resolved for S3 as the headless `results` command resolves
// them. A role with mfa_serial asks for its code in a dialog (the first listing may need it before
// the window shows); a credentials error offers Sign In where the profile signs in to IAM Identity
// Center, and reads again once signed in.
class S3ResultsWindow {
public:
    using Opened = std::variant<std::unique_ptr<S3ResultsWindow>, aws::AwsError>;

    // `resolver`, `network` and `cache` (null: none) must outlive the window. Fails as the
    // headless command does: an unknown profile, no region, a bad endpoint.
    static Opened open(const results::S3Location &location, aws::ConfigResolver *resolver,
        const aws::RequestedConfig &requested, QNetworkAccessManager *network,
        results::ObjectCache *cache, SsoSignInDialog::UrlOpener openUrl = {});
    ~S3ResultsWindow();

    ResultsWindow *window() const { return m_window.get(); }
    MfaPrompter *mfaPrompter() const { return m_mfaPrompter.get(); }

private:
    S3ResultsWindow();

    std::unique_ptr<MfaPrompter> m_mfaPrompter;
    std::unique_ptr<results::S3Source> m_source;
    std::unique_ptr<ResultsWindow> m_window; // reads m_source: destroyed first
};

} // namespace ui
