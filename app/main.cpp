// Wires the libraries together: headless commands run here under QCoreApplication (no display,
// no D-Bus, no widgets, not even their libraries); for the window this process becomes
// lookout-desk-gui (guimain.cpp).
#include "cli/commandline.h"
#include "cli/windowlauncher.h"

int main(int argc, char *argv[])
{
    if (cli::isHeadlessInvocation(argc, argv))
        return cli::runHeadless(argc, argv);
    return cli::launchWindow(argv);
}
