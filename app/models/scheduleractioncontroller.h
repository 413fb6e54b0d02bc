#pragma once

#include "aws/awserror.h"
#include "core/timer.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QString>
#include <QStringList>

#include <chrono>
#include <deque>
#include <memory>

// Starts or stops inference schedulers for the window, and follows them until they settle.
//
// - One StartInferenceScheduler or StopInferenceScheduler per scheduler, at most kMaxInFlight at
//   once. Nothing is retried here: the client's retry strategy retries a throttled or 5xx
//   attempt as the AWS CLI does (botocore retries these for every operation), and a
//   ConflictException is an answer, never retried.
// - Each answer shows at once: the fleet row and the details form take the status the service
//   answered (PENDING, STOPPING) without waiting for a listing.
// - Then the fleet and the form are refreshed every kSettlePollInterval until every scheduler
//   acted on is seen by a listing that started after its answer in a status that is not PENDING
//   or STOPPING, or kMaxSettlePolls polls have gone by (none while the window is hidden); the
//   refresh controller's own interval goes on as before.
// - The run ends with one summary sentence ("5 started, 1 failed: pump-3: …"). A ConflictException
//   says in plain words what the scheduler was doing ("already starting"); an AccessDenied names
//   the permission that is missing.
// - Another connection drops the calls in flight; their schedulers are reported as not done.
namespace models {

class FleetSession;
class SchedulerDetailsController;

enum class SchedulerAction { Start, Stop };

class SchedulerActionController : public QObject {
    Q_OBJECT

public:
    static constexpr int kMaxInFlight = 4;
    static constexpr std::chrono::milliseconds kSettlePollInterval { 2000 };
    static constexpr int kMaxSettlePolls = 90; // three minutes at kSettlePollInterval
    static constexpr int kMaxNamesInSummary = 5;

    struct Outcome {
        enum class Kind {
            Changed, // the service accepted; `status` is what it answered
            Conflict, // the scheduler was not in a state that allows the action
            AccessDenied, // the credentials lack the permission
            Failed, // any other error, or the call was dropped
        };
        QString name;
        Kind kind = Kind::Failed;
        QString status; // Changed: PENDING or STOPPING, as the service answered
        QString reason; // the others: plain words
        friend bool operator==(const Outcome &, const Outcome &) = default;
    };

    // Of the schedulers asked for, those the action applies to and those it skips.
    struct Selection {
        QStringList acting;
        QStringList skipped;
    };

    // `session` and `details` (which may be null) must outlive the controller.
    SchedulerActionController(FleetSession *session, SchedulerDetailsController *details,
        std::unique_ptr<core::Timer> settleTimer, QObject *parent = nullptr);
    SchedulerActionController(
        FleetSession *session, SchedulerDetailsController *details, QObject *parent = nullptr);
    ~SchedulerActionController() override;

    // RUNNING may be stopped, STOPPED started; nothing else.
    static bool allows(SchedulerAction action, const QString &status);
    // The status the window knows: the details form's for the scheduler it shows, else the
    // fleet row's; empty when neither knows the name.
    QString knownStatus(const QString &name) const;
    // The fleet connection the next run acts on: the one the details controller talks to.
    int connectionSource() const;
    Selection select(SchedulerAction action, const QStringList &names) const;

    // Sends the action for each name (duplicates once). False, sending nothing, while a run is
    // in progress, without a connection, or with no name.
    bool run(SchedulerAction action, const QStringList &names);
    bool isRunning() const { return m_running; }
    int inFlight() const { return int(m_calls.size()); }
    SchedulerAction action() const { return m_action; }
    // The current or last run's answers, in the order they arrived.
    const QList<Outcome> &outcomes() const { return m_outcomes; }
    // The last run's summary; empty before the first ends.
    QString lastSummary() const { return m_summary; }

    // Schedulers acted on whose new state has not been seen settled yet.
    QStringList settling() const;
    bool isSettling() const { return !m_settling.isEmpty(); }

    static QString summaryText(SchedulerAction action, const QList<Outcome> &outcomes);
    // Plain words for a ConflictException's message ("already starting").
    static QString conflictReason(SchedulerAction action, const QString &message);
    // "lookoutequipment:StartInferenceScheduler"
    static QString permissionName(SchedulerAction action);
    static Outcome outcomeOf(
        SchedulerAction action, const QString &name, const aws::AwsError &error);

signals:
    void runningChanged(bool running);
    void callStarted(const QString &name);
    void outcomeReady(const models::SchedulerActionController::Outcome &outcome);
    // The run ended; `summary` is summaryText() of its outcomes.
    void finished(const QString &summary);
    void settlingChanged(bool settling);

private:
    void startNext();
    void record(const Outcome &outcome);
    void finishIfDone();
    void abandon(const QString &reason);
    void watch(const QString &name);
    void pollSettling();
    void forgetSettled();

    FleetSession *m_session;
    QPointer<SchedulerDetailsController> m_details;
    std::unique_ptr<core::Timer> m_settleTimer;
    SchedulerAction m_action = SchedulerAction::Start;
    bool m_running = false;
    int m_source = 0; // the fleet connection the run acts on
    std::deque<QString> m_queue;
    QHash<QObject *, QString> m_calls; // context of each call in flight → its scheduler
    QList<Outcome> m_outcomes;
    QString m_summary;
    // Scheduler → the number of listing cycles started when its answer came: a listing that
    // started later shows its new state.
    QHash<QString, qint64> m_settling;
    qint64 m_cyclesStarted = 0;
    int m_settlePolls = 0;
};

} // namespace models
