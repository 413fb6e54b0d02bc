// Wires the libraries together: headless commands run under QCoreApplication (no display, no
// D-Bus, no widgets); everything else opens the window.
#include "cli/commandline.h"
#include "guiapplication.h"

int main(int argc, char *argv[])
{
    if (cli::isHeadlessInvocation(argc, argv))
        return cli::runHeadless(argc, argv);
    return ui::runGuiApplication(argc, argv);
}
