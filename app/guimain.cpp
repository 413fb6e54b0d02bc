// lookout-desk-gui: the window, which lookout-desk execs when no headless command is asked for
// (cli/windowlauncher.h). It keeps the name users know in ps, top and pkill.
#include "guiapplication.h"

#include <sys/prctl.h>

int main(int argc, char *argv[])
{
    ::prctl(PR_SET_NAME, "lookout-desk", 0, 0, 0);
    return ui::runGuiApplication(argc, argv);
}
