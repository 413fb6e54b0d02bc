#pragma once

#include <QByteArray>

namespace testsupport {

// {"<member>":[{},{},…]}: a 4.2 MB page of 1,398,101 empty summaries, far more than any
// MaxResults asks for. Decoded whole, each would be a full summary (656 bytes for an execution):
// once 1.8 GB of peak memory for `executions --max-items 1`, 675 MB for `list`.
inline QByteArray pageOfEmptySummaries(const char *member)
{
    constexpr qsizetype kSummaries = 4'194'304 / 3;
    QByteArray body = QByteArray("{\"") + member + "\":[";
    body.reserve(body.size() + kSummaries * 3 + 2);
    for (qsizetype i = 0; i < kSummaries; ++i)
        body += i == 0 ? "{}" : ",{}";
    body += "]}";
    return body;
}

} // namespace testsupport
