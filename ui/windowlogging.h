#pragma once

namespace ui {

// The libraries log every request, page and emulator call at debug and info level, for the
// commands' --debug. The window shows what matters in its own widgets, so it writes only warnings
// to stderr: the debug and info levels of every lookoutdesk.* category are off. QT_LOGGING_RULES
// and QT_LOGGING_CONF still turn them on (Qt lets both override these rules), for example
// QT_LOGGING_RULES='lookoutdesk.*=true'. Called once, after the application object exists.
void quietWindowLogging();

} // namespace ui
