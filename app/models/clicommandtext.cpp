#include "models/clicommandtext.h"

#include "aws/configresolver.h"
#include "lookout/service.h"

#include <QStringList>

#include <algorithm>

namespace models {

CliGlobalOptions CliGlobalOptions::fromConfig(const aws::ResolvedConfig &config)
{
    return { config.profile.value, config.region.value, config.endpoint };
}

QUrl defaultServiceEndpoint(const QString &region)
{
    return lookout::service::description().defaultEndpoint(region);
}

bool isDefaultServiceEndpoint(const QUrl &endpoint, const QString &region)
{
    const QUrl standard = defaultServiceEndpoint(region);
    const QString path = endpoint.path();
    return endpoint.scheme() == standard.scheme() && endpoint.host() == standard.host()
        && endpoint.port(443) == 443 && (path.isEmpty() || path == QLatin1String("/"));
}

QString shellQuoted(const QString &argument)
{
    if (argument.isEmpty())
        return QStringLiteral("''");
    const auto safe = [](QChar c) {
        return (c >= QLatin1Char('a') && c <= QLatin1Char('z'))
            || (c >= QLatin1Char('A') && c <= QLatin1Char('Z'))
            || (c >= QLatin1Char('0') && c <= QLatin1Char('9'))
            || QStringView(u"@%+=:,./-_").contains(c);
    };
    if (std::all_of(argument.cbegin(), argument.cend(), safe))
        return argument;
    QString quoted = argument;
    quoted.replace(QLatin1Char('\''), QStringLiteral("'\"'\"'"));
    return QLatin1Char('\'') + quoted + QLatin1Char('\'');
}

QString describeSchedulerCommand(const QString &schedulerName, const CliGlobalOptions &options)
{
    QStringList words = { lookout::service::cliCommand(QLatin1StringView(
                              lookout::service::operation::kDescribeInferenceScheduler)),
        QStringLiteral("--inference-scheduler-name"), shellQuoted(schedulerName),
        QStringLiteral("--region"), shellQuoted(options.region) };
    if (!options.profile.isEmpty() && options.profile != QLatin1String("default"))
        words << QStringLiteral("--profile") << shellQuoted(options.profile);
    if (!options.endpoint.isEmpty() && !isDefaultServiceEndpoint(options.endpoint, options.region))
        words << QStringLiteral("--endpoint-url")
              << shellQuoted(options.endpoint.toString(QUrl::RemoveUserInfo));
    return words.join(QLatin1Char(' '));
}

} // namespace models
