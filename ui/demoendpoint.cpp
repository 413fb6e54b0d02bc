#include "ui/demoendpoint.h"

#include "aws/s3client.h"
#include "emulator/emulator.h"
#include "lookout/service.h"

#include <QCoreApplication>

namespace ui {

namespace {

// The translation context; lupdate reads it from the macro, so the .ts and the lookups agree.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(ui::DemoEndpoint)
};

} // namespace

DemoEndpoint::DemoEndpoint(emulator::EmulatorOptions options)
    : m_options(std::move(options))
{
}

DemoEndpoint::~DemoEndpoint() = default;

emulator::EmulatorOptions DemoEndpoint::defaultOptions()
{
    emulator::EmulatorOptions options;
    options.churn.enabled = true;
    return options;
}

aws::Result<aws::ResolvedConfig> DemoEndpoint::config()
{
    if (!m_emulator) {
        auto started = std::make_unique<emulator::Emulator>(m_options);
        if (!started->start()) {
            aws::AwsError error;
            error.kind = aws::AwsError::Kind::Configuration;
            error.message
                = Text::tr("The demo endpoint could not start: %1").arg(started->errorString());
            return error;
        }
        m_emulator = std::move(started);
    }
    const QString source = Text::tr("the built-in demo endpoint");
    aws::ResolvedConfig config;
    config.service = lookout::service::description();
    // No profile: the demo keys are the emulator's own, and a CLI command needs no --profile.
    config.profile = { QString(), source };
    config.region = { m_emulator->region(), source };
    config.endpoint = m_emulator->endpoint();
    config.endpointSource = source;
    config.maxAttempts = { QStringLiteral("3"), Text::tr("the default") };
    config.retryMode = { QStringLiteral("standard"), Text::tr("the default") };
    config.credentials
        = std::make_shared<aws::StaticCredentialsProvider>(m_emulator->credentials());
    return config;
}

aws::Result<aws::ResolvedConfig> DemoEndpoint::s3Config()
{
    aws::Result<aws::ResolvedConfig> resolved = config();
    if (!resolved.ok())
        return resolved;
    aws::ResolvedConfig s3 = std::move(resolved).value();
    s3.service = aws::s3ServiceDescription();
    s3.s3AddressingStyle = { QStringLiteral("auto"), Text::tr("the default") };
    return s3;
}

} // namespace ui
