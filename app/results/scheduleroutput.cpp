#include "results/scheduleroutput.h"

#include "lookout/inferencescheduler.h"

#include <QCoreApplication>

namespace results {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(results::SchedulerOutput)
};

} // namespace

std::optional<S3Location> schedulerOutputLocation(
    const QString &name, const lookout::InferenceScheduler &scheduler, QString *problem)
{
    const auto &output = scheduler.dataOutputConfiguration;
    const std::optional<lookout::S3Location> s3
        = output ? output->s3OutputConfiguration : std::nullopt;
    if (!s3 || !s3->bucket || s3->bucket->isEmpty()) {
        if (problem)
            *problem = Text::tr("the scheduler %1 names no S3 output location "
                                "(DataOutputConfiguration.S3OutputConfiguration.Bucket)")
                           .arg(name);
        return std::nullopt;
    }
    QString why;
    std::optional<S3Location> location = S3Location::parse(s3->uri(), &why);
    if (!location && problem)
        *problem = Text::tr("the output location of %1: %2").arg(name, why);
    return location;
}

aws::RequestedConfig outputRequestFor(aws::RequestedConfig lookoutRequest)
{
    lookoutRequest.endpointUrl.clear();
    return lookoutRequest;
}

} // namespace results
