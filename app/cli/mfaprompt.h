#pragma once

#include "aws/credentialchain.h"

// The MFA prompt of the headless commands, as the AWS CLI asks (Python's getpass): "Enter MFA
// code for SERIAL: " on the controlling terminal and the code read from it without echo; without
// a terminal, the prompt on stderr and the code from the first line of stdin. Ctrl+C at the prompt
// restores the terminal and exits with 130. The code is returned, never kept or logged.
namespace cli {

aws::MfaPrompt terminalMfaPrompt();

} // namespace cli
