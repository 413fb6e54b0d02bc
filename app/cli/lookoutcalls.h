#pragma once

#include "cli/commandarguments.h"
#include "cli/commandspec.h"
#include "core/clock.h"

#include <QObject>

namespace lookout {
class LookoutClient;
namespace json {
struct CliFormat;
} // namespace json
} // namespace lookout

// The service commands' calls (CallService, commandspec.h), each delivering the bytes
// `aws lookoutequipment <operation> --output json` prints for its result:
//   describe → DescribeInferenceScheduler; list → every page of ListInferenceSchedulers merged;
//   executions → ListInferenceExecutions up to --max-items; events → every page of
//   ListInferenceEvents in --start-time..--end-time (default: the 24 hours before now) up to
//   --max-items; start/stop → Start/StopInferenceScheduler.
namespace cli {

// What a call gets: the command's checked arguments, the client to call, how the CLI prints
// timestamps, the context whose destruction cancels the call, and the clock that says when
// "now" is (for default time ranges).
struct ServiceCall {
    const CommandArguments &arguments;
    lookout::LookoutClient &client;
    const lookout::json::CliFormat &timestamps;
    QObject *context = nullptr;
    const core::Clock &clock = *core::Clock::system();
};

void callDescribe(const ServiceCall &call, CliJsonCallback done);
void callList(const ServiceCall &call, CliJsonCallback done);
void callExecutions(const ServiceCall &call, CliJsonCallback done);
void callEvents(const ServiceCall &call, CliJsonCallback done);
void callStart(const ServiceCall &call, CliJsonCallback done);
void callStop(const ServiceCall &call, CliJsonCallback done);

} // namespace cli
