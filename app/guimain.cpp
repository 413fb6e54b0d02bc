// lookout-desk-gui: the window, which lookout-desk execs when no headless command is asked for
// (cli/windowlauncher.h). It keeps the name users know in ps, top and pkill.
#include "core/coredumps.h"
#include "resources/translations/translationloader.h"
#include "ui/guiapplication.h"

#include <QCoreApplication>

#include <sys/prctl.h>

namespace {

// Runs inside the QApplication constructor, before any widget exists, so every text the window
// creates is already in the user's language (LANGUAGE, LC_ALL, LC_MESSAGES or LANG).
void installInterfaceLanguage()
{
    resources::installSystemTranslations(QCoreApplication::instance());
}

} // namespace

Q_COREAPP_STARTUP_FUNCTION(installInterfaceLanguage)

int main(int argc, char *argv[])
{
    core::disableCoreDumps(); // again: exec made the process dumpable
    ::prctl(PR_SET_NAME, "lookout-desk", 0, 0, 0);
    return ui::runGuiApplication(argc, argv);
}
