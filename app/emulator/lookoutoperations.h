#pragma once

#include "emulator/fleet.h"
#include "emulator/pagetokens.h"
#include "emulator/resultswriter.h"
#include "emulator/serviceerror.h"

#include <QByteArray>
#include <QJsonObject>

#include <optional>

namespace emulator {

struct OperationResult {
    QByteArray body; // wire JSON on success
    std::optional<ServiceError> error;
};

// The seven Lookout for Equipment operations over a fleet: input read and validated as the
// service does (InputReader), output in the wire JSON of lookout::json. Pages are in name order
// (schedulers), newest first (executions) or oldest first (events); NextToken is a sealed cursor
// (PageTokens), so pages stay consistent while the fleet churns.
class LookoutOperations {
public:
    LookoutOperations(Fleet &fleet, const PageTokens &tokens)
        : m_fleet(fleet)
        , m_tokens(tokens)
        , m_writer(fleet)
    {
    }

    OperationResult describeInferenceScheduler(const QJsonObject &input) const;
    OperationResult listInferenceSchedulers(const QJsonObject &input) const;
    OperationResult listInferenceExecutions(const QJsonObject &input, qint64 now) const;
    OperationResult listInferenceEvents(const QJsonObject &input, qint64 now) const;
    OperationResult startInferenceScheduler(const QJsonObject &input, qint64 now);
    OperationResult stopInferenceScheduler(const QJsonObject &input, qint64 now);
    OperationResult describeModel(const QJsonObject &input) const;

    static constexpr int kDefaultMaxResults = 50;

private:
    OperationResult changeState(const QJsonObject &input, qint64 now, bool start);
    std::optional<int> findScheduler(const QString &name) const;

    Fleet &m_fleet;
    const PageTokens &m_tokens;
    ResultsWriter m_writer; // what the executions wrote, of which the events are made
};

} // namespace emulator
