#include "ui/windowlogging.h"

#include <QLoggingCategory>

namespace ui {

void quietWindowLogging()
{
    QLoggingCategory::setFilterRules(QStringLiteral("lookoutdesk.*.debug=false\n"
                                                    "lookoutdesk.*.info=false"));
}

} // namespace ui
