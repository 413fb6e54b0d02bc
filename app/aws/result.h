#pragma once

#include "aws/awserror.h"
#include "core/result.h"

namespace aws {

// A value, or the AwsError that prevented it.
template<typename T> using Result = core::Result<T, AwsError>;

} // namespace aws
