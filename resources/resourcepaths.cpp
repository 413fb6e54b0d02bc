#include "resources/resourcepaths.h"

namespace resources {

QString applicationIconPath()
{
    return QStringLiteral(":/icons/lookout-desk.svg");
}

} // namespace resources
