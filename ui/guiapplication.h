#pragma once

namespace ui {

// Creates the QApplication, opens the main window and runs the event loop.
int runGuiApplication(int argc, char *argv[]);

} // namespace ui
