#pragma once

#include "aws/awserror.h"
#include "core/clock.h"
#include "core/timer.h"
#include "lookout/inferencescheduler.h"
#include "lookout/lookoutclient.h"
#include "models/clicommandtext.h"
#include "models/schedulerdetailsmodel.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QString>

#include <chrono>
#include <functional>
#include <memory>
#include <optional>

// Keeps one scheduler's description current for the details form: fetches it with
// DescribeInferenceScheduler, keeps the last good value in a SchedulerDetailsModel, and knows
// how fresh it is.
//
// - Never more than one Describe in flight: refresh() while one runs sends nothing.
// - A failed refresh keeps the last good value and marks it stale, with the time of the first
//   failure since the last success (staleSince) and the error; the next success clears both.
// - A not-found answer (AwsError::isNotFound()) clears the value: the scheduler is gone.
// - While the scheduler is PENDING or STOPPING it is fetched again every 5 s.
// - Switching the client (another profile, region or endpoint) or the scheduler drops the call
//   in flight at once: its answer is never applied.
// Time and the re-poll timer are injected, so tests run without waiting.
namespace models {

class SchedulerDetailsController : public QObject {
    Q_OBJECT

public:
    static constexpr std::chrono::milliseconds kTransitionalPollInterval { 5000 };

    enum class State {
        Empty, // no scheduler chosen
        NoConnection, // a scheduler is chosen but there is no client to fetch it with
        Loading, // the first fetch of the chosen scheduler is in flight
        Loaded, // a value is shown (fresh or stale)
        Failed, // the chosen scheduler could not be fetched and there is no value to show
        NotFound, // the endpoint says the scheduler does not exist
    };
    Q_ENUM(State)

    explicit SchedulerDetailsController(QObject *parent = nullptr);
    SchedulerDetailsController(std::shared_ptr<const core::Clock> clock,
        std::unique_ptr<core::Timer> pollTimer, QObject *parent = nullptr);
    ~SchedulerDetailsController() override;

    // The connection to fetch from. Drops the call in flight and the value shown, then fetches
    // the chosen scheduler again from the new connection.
    void setClient(const lookout::LookoutClient &client, const CliGlobalOptions &cliOptions);
    // No connection: drops the call in flight and the value shown; the name is kept.
    void clearClient();
    bool hasClient() const { return m_client.has_value(); }
    // The connection, for the pane's tabs that list what else the chosen scheduler has (History,
    // Events); nullopt without one.
    const std::optional<lookout::LookoutClient> &client() const { return m_client; }
    const CliGlobalOptions &cliOptions() const { return m_cliOptions; }

    // Chooses the scheduler to show and fetches it; the same name again is a refresh. An empty
    // name shows nothing.
    void showScheduler(const QString &name);
    QString schedulerName() const { return m_name; }

    // Fetches the chosen scheduler again. False, sending nothing, when none is chosen, there is
    // no client, or a fetch is already in flight.
    bool refresh();

    // Shows the status a start or stop of `name` answered with (PENDING, STOPPING) at once, when
    // it is the scheduler shown; the next Describe confirms or corrects it.
    void showActionStatus(const QString &name, const QString &status);

    State state() const;
    SchedulerDetailsModel *model() const { return m_model; }
    const std::optional<lookout::InferenceScheduler> &scheduler() const
    {
        return m_model->scheduler();
    }
    bool isBusy() const { return m_call != nullptr; }
    // When the value shown arrived (UTC); invalid while there is none.
    QDateTime lastUpdated() const { return m_lastUpdated; }
    bool isStale() const { return m_staleSince.isValid(); }
    // The first failed refresh since the value shown arrived (UTC); invalid when not stale.
    QDateTime staleSince() const { return m_staleSince; }
    // Why the latest fetch failed; nullopt after a success.
    const std::optional<aws::AwsError> &lastError() const { return m_lastError; }
    // A transitional re-poll is scheduled.
    bool isPolling() const { return m_pollTimer->isActive(); }
    std::shared_ptr<const core::Clock> clock() const { return m_clock; }

    // What the copy actions put on the clipboard; empty when there is no value.
    // The AWS CLI's JSON of the value shown (lookout::json::cliDescribeInferenceScheduler).
    QString cliJson() const;
    // `aws lookoutequipment describe-inference-scheduler …` for the chosen scheduler; empty when
    // cliCommandRefusal() says why there is none (describeSchedulerCommandRefusal()).
    QString cliCommand() const;
    QString cliCommandRefusal() const;

signals:
    void busyChanged(bool busy);
    // The state, the value, its freshness, staleness or error changed.
    void stateChanged();

private:
    void dropCall();
    void finish(const aws::Result<lookout::InferenceScheduler> &result);
    void schedulePoll();
    void resetValue();

    std::shared_ptr<const core::Clock> m_clock;
    std::unique_ptr<core::Timer> m_pollTimer;
    SchedulerDetailsModel *m_model;
    std::optional<lookout::LookoutClient> m_client;
    CliGlobalOptions m_cliOptions;
    QString m_name;
    QPointer<QObject> m_call; // the context of the Describe in flight; deleting it cancels the call
    QDateTime m_lastUpdated;
    QDateTime m_staleSince;
    std::optional<aws::AwsError> m_lastError;
    bool m_notFound = false;
};

} // namespace models
