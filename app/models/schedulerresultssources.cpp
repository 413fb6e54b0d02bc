#include "models/schedulerresultssources.h"

#include "results/s3source.h"
#include "results/scheduleroutput.h"

#include <QCoreApplication>

namespace models {

S3ResultsSources::S3ResultsSources(
    QNetworkAccessManager *network, results::ObjectCache *cache, QObject *parent)
    : SchedulerResultsSources(parent)
    , m_network(network)
    , m_cache(cache)
{
}

S3ResultsSources::~S3ResultsSources() = default;

void S3ResultsSources::setConnection(const aws::Result<aws::ResolvedConfig> &s3Config)
{
    m_config = s3Config;
    emit connectionChanged();
}

void S3ResultsSources::clearConnection()
{
    m_config.reset();
    emit connectionChanged();
}

SchedulerResultsSources::Opened S3ResultsSources::open(
    const QString &name, const lookout::InferenceScheduler &scheduler)
{
    QString problem;
    const std::optional<results::S3Location> location
        = results::schedulerOutputLocation(name, scheduler, &problem);
    if (!location)
        return tr("No results to show: %1.").arg(problem);
    if (!m_config)
        return tr("Not connected: results in %1 cannot be read.").arg(location->toString());
    if (!m_config->ok())
        return tr("Results in %1 cannot be read: %2")
            .arg(location->toString(), m_config->error().message);
    auto opened = results::S3Source::open(*location, m_config->value(), m_network);
    if (const aws::AwsError *error = std::get_if<aws::AwsError>(&opened))
        return tr("Results in %1 cannot be read: %2").arg(location->toString(), error->message);
    return std::unique_ptr<results::ResultsSource>(
        std::move(std::get<std::unique_ptr<results::S3Source>>(opened)));
}

} // namespace models
