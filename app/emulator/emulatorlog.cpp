#include "emulatorlog.h"

Q_LOGGING_CATEGORY(lcEmulator, "lookoutdesk.emulator")
Q_LOGGING_CATEGORY(lcEmulatorHttp, "lookoutdesk.emulator.http")
