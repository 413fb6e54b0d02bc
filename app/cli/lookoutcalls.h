#pragma once

#include "aws/result.h"
#include "cli/invocation.h"
#include "lookout/jsoncodec.h"
#include "lookout/lookoutclient.h"

#include <QByteArray>
#include <QObject>

#include <functional>

// The service commands as LookoutClient calls: describe → DescribeInferenceScheduler, list →
// every page of ListInferenceSchedulers merged, executions → ListInferenceExecutions up to
// --max-items, start/stop → Start/StopInferenceScheduler. Each result is delivered as the
// bytes `aws lookoutequipment <operation> --output json` prints for it.
namespace cli {

using CliJsonCallback = std::function<void(const aws::Result<QByteArray> &)>;

// `invocation.command` must be a service command. `done` runs once, from the event loop, unless
// `context` is destroyed or the client's calls are aborted first.
void callLookout(const Invocation &invocation, lookout::LookoutClient &client,
    const lookout::json::CliFormat &timestamps, QObject *context, CliJsonCallback done);

} // namespace cli
