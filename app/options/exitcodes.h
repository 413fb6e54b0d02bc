#pragma once

// The process exit statuses of the headless commands: the AWS CLI v2's, so scripts written for
// `aws` read them the same way.
namespace options::exitcode {

inline constexpr int kSuccess = 0;
inline constexpr int kBadCommandLine
    = 252; // unknown option, missing argument, bad value, bad parameter
inline constexpr int kConfiguration = 253; // profile, region, endpoint or credentials unusable
inline constexpr int kServiceError = 254; // the service answered with an error
inline constexpr int kFailure = 255; // anything else: network, timeout, bad response

} // namespace options::exitcode
