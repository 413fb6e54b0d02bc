#pragma once

#include "aws/awserror.h"
#include "lookout/lookoutclient.h"
#include "lookout/requestbodies.h"

#include <QObject>
#include <QPointer>
#include <QString>

#include <optional>
#include <vector>

// The scheduler's executions in an interval, as the Events tab's timeline marks them: one tick
// each at the end of its data window, failed ones told apart. They are listed with
// ListInferenceExecutions (DataStartTimeAfter and DataEndTimeBefore the interval's ends, every
// NextToken followed). load() drops the listing in flight and the ticks; a failed listing keeps
// the error, which retry() sends again.
namespace models {

class ExecutionTicks : public QObject {
    Q_OBJECT

public:
    enum class State { Empty, Loading, Loaded, Failed };
    Q_ENUM(State)
    enum class Outcome { Succeeded, Failed, Other }; // SUCCESS, FAILED, anything else
    struct Tick {
        qint64 time = 0; // microseconds: DataEndTime (ScheduledStartTime without one)
        Outcome outcome = Outcome::Other;
    };

    explicit ExecutionTicks(QObject *parent = nullptr);
    ~ExecutionTicks() override;

    void load(const lookout::LookoutClient &client, const QString &scheduler,
        const lookout::InferenceEventInterval &interval);
    bool retry();
    void clear();

    State state() const { return m_state; }
    const std::optional<aws::AwsError> &error() const { return m_error; }
    // In time order; executions with neither time are left out (counted in unplaced()).
    const std::vector<Tick> &ticks() const { return m_ticks; }
    qsizetype failedCount() const { return m_failed; }
    qsizetype unplaced() const { return m_unplaced; }

signals:
    void stateChanged();

private:
    void finish(const aws::Result<QList<lookout::InferenceExecutionSummary>> &result);
    void setState(State state);

    std::optional<lookout::LookoutClient> m_client;
    QString m_scheduler;
    lookout::InferenceEventInterval m_interval;
    QPointer<QObject> m_call;
    State m_state = State::Empty;
    std::optional<aws::AwsError> m_error;
    std::vector<Tick> m_ticks;
    qsizetype m_failed = 0;
    qsizetype m_unplaced = 0;
};

} // namespace models
