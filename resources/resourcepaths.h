#pragma once

#include <QString>

// Paths of the resources compiled into the binary, spelled in one place.
namespace resources {

QString applicationIconPath();

} // namespace resources
