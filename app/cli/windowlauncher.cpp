#include "cli/windowlauncher.h"

#include "appinfo.h"
#include "options/exitcodes.h"

#include <QCoreApplication>
#include <QString>

#include <cerrno>
#include <climits>
#include <cstdio>
#include <cstring>
#include <string>
#include <unistd.h>

namespace cli {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(cli::WindowLauncher)
};

std::string directoryOfThisExecutable()
{
    char path[PATH_MAX];
    const ssize_t length = ::readlink("/proc/self/exe", path, sizeof path - 1);
    if (length <= 0)
        return std::string();
    const std::string executable(path, static_cast<std::size_t>(length));
    return executable.substr(0, executable.rfind('/'));
}

} // namespace

int launchWindow(char *argv[])
{
    const std::string directory = directoryOfThisExecutable();
    const std::string candidates[] = {
        directory + "/" LOOKOUT_GUI_EXECUTABLE, // the build tree
        directory + "/" LOOKOUT_GUI_INSTALLED_DIR "/" LOOKOUT_GUI_EXECUTABLE, // installed
    };
    int firstError = ENOENT;
    for (const std::string &candidate : candidates) {
        if (::access(candidate.c_str(), X_OK) != 0)
            continue;
        ::execv(candidate.c_str(), argv);
        firstError = errno;
        break;
    }
    const QString message
        = Text::tr(
            "%1: cannot open the window: %2 (%3). The commands work without it; see '%1 --help'.\n")
              .arg(QString::fromLatin1(appinfo::kBinaryName), QString::fromStdString(candidates[1]),
                  QString::fromLocal8Bit(std::strerror(firstError)));
    std::fputs(message.toLocal8Bit().constData(), stderr);
    return options::exitcode::kFailure;
}

} // namespace cli
