#pragma once

#include <QLoggingCategory>

// "lookoutdesk.emulator": service decisions (fleet loading, faults, churn);
// "lookoutdesk.emulator.http": connections, rejected requests, timeouts.
Q_DECLARE_LOGGING_CATEGORY(lcEmulator)
Q_DECLARE_LOGGING_CATEGORY(lcEmulatorHttp)
