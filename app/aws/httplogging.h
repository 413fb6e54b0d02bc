#pragma once

#include <QLoggingCategory>

namespace aws {

// "lookoutdesk.http": one line per request, response, retry and clock-skew change, enabled by the
// headless --debug. Never carries a secret key, a session token or a signature.
Q_DECLARE_LOGGING_CATEGORY(lcHttp)

} // namespace aws
