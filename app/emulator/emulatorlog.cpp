#include "emulator/emulatorlog.h"

Q_LOGGING_CATEGORY(lcEmulator, "lookoutdesk.emulator", QtInfoMsg)
Q_LOGGING_CATEGORY(lcEmulatorHttp, "lookoutdesk.emulator.http", QtInfoMsg)
