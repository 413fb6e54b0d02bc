#include "commandline.h"

#include "appinfo.h"
#include "configurecommand.h"
#include "emulatorcommand.h"

#include <QCoreApplication>
#include <QStringList>
#include <QTextStream>

#include <cstring>

namespace cli {

namespace {

constexpr int kExitBadCommandLine = 252;

QString usageText()
{
    return QStringLiteral(
        "Usage: %1 [OPTIONS]\n"
        "       %1 --version | --help\n"
        "\n"
        "Opens Lookout Desk, a viewer for Amazon Lookout for Equipment inference schedulers.\n"
        "\n"
        "Options:\n"
        "  -h, --help       Print this help and exit.\n"
        "  -v, --version    Print the version and exit.\n")
        .arg(QString::fromLatin1(appinfo::kBinaryName));
}

bool isFlag(const char *arg, const char *shortForm, const char *longForm)
{
    return std::strcmp(arg, shortForm) == 0 || std::strcmp(arg, longForm) == 0;
}

} // namespace

bool isHeadlessInvocation(int argc, char *argv[])
{
    if (argc > 1 && std::strcmp(argv[1], kEmulatorCommand) == 0)
        return true;
    if (argc > 1 && std::strcmp(argv[1], kConfigureCommand) == 0)
        return true;
    for (int i = 1; i < argc; ++i) {
        if (isFlag(argv[i], "-h", "--help") || isFlag(argv[i], "-v", "--version"))
            return true;
    }
    return false;
}

int runHeadless(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QString::fromLatin1(appinfo::kBinaryName));
    QCoreApplication::setApplicationVersion(QString::fromLatin1(appinfo::kVersion));
    QTextStream out(stdout);
    const QStringList arguments = QCoreApplication::arguments().mid(1);
    if (!arguments.isEmpty() && arguments.first() == QLatin1String(kEmulatorCommand))
        return runEmulatorCommand(arguments);
    if (!arguments.isEmpty() && arguments.first() == QLatin1String(kConfigureCommand))
        return runConfigureCommand(arguments);
    for (const QString &argument : arguments) {
        if (argument == QLatin1String("-v") || argument == QLatin1String("--version")) {
            out << appinfo::kBinaryName << ' ' << appinfo::kVersion << '\n';
            return 0;
        }
        if (argument == QLatin1String("-h") || argument == QLatin1String("--help")) {
            out << usageText();
            return 0;
        }
    }
    QTextStream(stderr) << usageText();
    return kExitBadCommandLine;
}

} // namespace cli
