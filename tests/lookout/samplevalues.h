#pragma once

#include "aws/result.h"
#include "lookout/inferencescheduler.h"

#include <QByteArray>
#include <QString>

// Values the lookout tests share; they match the files in tests/data/lookout.
namespace lookout::test {

// tests/data/lookout/describe-full.json: all 14 members, every nested member present.
InferenceScheduler fullScheduler();
// A summary with every member, numbered so pages can be told apart.
InferenceSchedulerSummary numberedSummary(int number);
// An execution with every member.
InferenceExecutionSummary fullExecution();
// The bytes of a file under tests/data/lookout; fails the calling test when missing.
QByteArray testData(const QString &fileName);

// The error's message, or nothing when `result` holds a value: for QVERIFY2 descriptions, which
// are evaluated even when the check passes.
template<typename T> QString errorText(const aws::Result<T> &result)
{
    return result.ok() ? QString() : result.error().message;
}

} // namespace lookout::test
