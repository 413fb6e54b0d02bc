#include "cli/debuglog.h"

#include <QDateTime>
#include <QIODevice>

namespace cli {

Q_LOGGING_CATEGORY(lcCli, "lookoutdesk.cli", QtInfoMsg)

namespace {

QIODevice *g_sink = nullptr;
QtMessageHandler g_previousHandler = nullptr;

const char *levelName(QtMsgType type)
{
    switch (type) {
    case QtDebugMsg:
        return "DEBUG";
    case QtInfoMsg:
        return "INFO";
    case QtWarningMsg:
        return "WARNING";
    case QtCriticalMsg:
        return "CRITICAL";
    case QtFatalMsg:
        return "FATAL";
    }
    return "DEBUG";
}

void writeDebugLine(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (!g_sink)
        return;
    const QString line
        = QDateTime::currentDateTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss,zzz"))
        + QLatin1String(" - ") + QLatin1String(context.category ? context.category : "default")
        + QLatin1String(" - ") + QLatin1String(levelName(type)) + QLatin1String(" - ") + message
        + QLatin1Char('\n');
    g_sink->write(line.toUtf8());
}

} // namespace

void enableDebugLog(QIODevice *sink)
{
    g_sink = sink;
    g_previousHandler = qInstallMessageHandler(&writeDebugLine);
    // The resolver's own summary line repeats what lookoutdesk.cli prints in full.
    QLoggingCategory::setFilterRules(QStringLiteral("lookoutdesk.*.debug=true\n"
                                                    "lookoutdesk.aws.connection.debug=false"));
}

void quietDebugLog()
{
    QLoggingCategory::setFilterRules(QStringLiteral("lookoutdesk.*.debug=false\n"
                                                    "lookoutdesk.*.info=false"));
}

void disableDebugLog()
{
    qInstallMessageHandler(g_previousHandler);
    g_previousHandler = nullptr;
    g_sink = nullptr;
    QLoggingCategory::setFilterRules(QString());
}

} // namespace cli
