// Wires the libraries together: headless commands run here under QCoreApplication (no display,
// no D-Bus, no widgets, not even their libraries); for the window this process becomes
// lookout-desk-gui (guimain.cpp).
#include "cli/commandline.h"
#include "cli/windowlauncher.h"
#include "core/coredumps.h"

int main(int argc, char *argv[])
{
    core::disableCoreDumps();
    if (cli::isHeadlessInvocation(argc, argv))
        return cli::runHeadless(argc, argv);
    return cli::launchWindow(argv);
}
