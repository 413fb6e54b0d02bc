#include "models/clicommandtext.h"

#include "aws/configresolver.h"
#include "aws/endpointtarget.h"
#include "core/visibletext.h"
#include "lookout/parametervalidation.h"
#include "lookout/service.h"

#include <QCoreApplication>
#include <QStringList>

#include <algorithm>

namespace models {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(models::CliCommandText)
};

} // namespace

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
    if (!describeSchedulerCommandRefusal(schedulerName, options).isEmpty())
        return QString();
    QStringList words = { lookout::service::cliCommand(QLatin1StringView(
                              lookout::service::operation::kDescribeInferenceScheduler)),
        QStringLiteral("--inference-scheduler-name"), shellQuoted(schedulerName),
        QStringLiteral("--region"), shellQuoted(options.region) };
    if (!options.profile.isEmpty() && options.profile != QLatin1String("default"))
        words << QStringLiteral("--profile") << shellQuoted(options.profile);
    if (!options.endpoint.isEmpty() && !isDefaultServiceEndpoint(options.endpoint, options.region))
        words << QStringLiteral("--endpoint-url")
              << shellQuoted(aws::withoutUserInfo(options.endpoint));
    return words.join(QLatin1Char(' '));
}

QString describeSchedulerCommandRefusal(
    const QString &schedulerName, const CliGlobalOptions &options)
{
    const QStringList problems
        = lookout::ParameterCheck()
              .identifier(QLatin1StringView("InferenceSchedulerName"), schedulerName)
              .problems();
    if (!problems.isEmpty()) {
        return Text::tr("No command: the name is not a valid scheduler name (%1).")
            .arg(core::visibleText(problems.join(QLatin1String("; "))));
    }
    const std::pair<QString, QString> connection[] = {
        { Text::tr("profile name"), options.profile },
        { Text::tr("region"), options.region },
        { Text::tr("endpoint URL"), aws::withoutUserInfo(options.endpoint) },
    };
    for (const auto &[what, value] : connection) {
        if (core::hasInvisibleControls(value)) {
            return Text::tr("No command: the %1 holds control characters (%2).")
                .arg(what, core::visibleText(value));
        }
    }
    return QString();
}

} // namespace models
