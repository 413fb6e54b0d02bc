#pragma once

#include <QLoggingCategory>

// "lookoutdesk.emulator": start-up, skipped archive files (info and up by default); injected
// faults (debug). "lookoutdesk.emulator.http": rejected requests and timeouts (debug), the
// connection cap being reached (info). Enable debug with
// QT_LOGGING_RULES="lookoutdesk.emulator*.debug=true".
Q_DECLARE_LOGGING_CATEGORY(lcEmulator)
Q_DECLARE_LOGGING_CATEGORY(lcEmulatorHttp)
