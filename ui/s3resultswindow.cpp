#include "ui/s3resultswindow.h"

#include "aws/s3client.h"
#include "results/s3source.h"
#include "ui/mfaprompter.h"
#include "ui/resultswindow.h"

namespace ui {

S3ResultsWindow::S3ResultsWindow()
    : m_mfaPrompter(std::make_unique<MfaPrompter>(nullptr))
{
}

S3ResultsWindow::~S3ResultsWindow() = default;

S3ResultsWindow::Opened S3ResultsWindow::open(const results::S3Location &location,
    aws::ConfigResolver *resolver, const aws::RequestedConfig &requested,
    QNetworkAccessManager *network, results::ObjectCache *cache, SsoSignInDialog::UrlOpener openUrl)
{
    std::unique_ptr<S3ResultsWindow> opened(new S3ResultsWindow);
    resolver->setMfaPrompt(opened->m_mfaPrompter->prompt());
    const aws::Result<aws::ResolvedConfig> config
        = resolver->resolve(aws::s3ServiceDescription(), requested);
    if (!config.ok())
        return config.error();
    auto source = results::S3Source::open(location, config.value(), network);
    if (aws::AwsError *error = std::get_if<aws::AwsError>(&source))
        return *error;
    opened->m_source = std::move(std::get<std::unique_ptr<results::S3Source>>(source));
    opened->m_window = std::make_unique<ResultsWindow>(opened->m_source.get(), cache);

    const QString &profile = config.value().profile.value;
    aws::Result<SsoSignInTarget> target = SsoSignInDialog::targetFor(*resolver, profile);
    if (!profile.isEmpty() && target.ok()) {
        opened->m_window->enableSignIn(
            profile, std::move(target.value()), network,
            [credentials = config.value().credentials] { credentials->invalidate(); },
            std::move(openUrl));
    }
    return opened;
}

} // namespace ui
