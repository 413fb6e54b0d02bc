#include "aws/httplogging.h"

namespace aws {

// Debug lines are off unless enabled ("lookoutdesk.http.debug=true", as --debug does).
Q_LOGGING_CATEGORY(lcHttp, "lookoutdesk.http", QtInfoMsg)

} // namespace aws
