#include "models/scheduleractioncontroller.h"

#include "lookout/inferencescheduler.h"
#include "lookout/lookoutclient.h"
#include "models/fleetsession.h"
#include "models/schedulerdetailscontroller.h"
#include "models/statuspresentation.h"

#include <QLoggingCategory>
#include <QRegularExpression>

Q_LOGGING_CATEGORY(lcActions, "lookoutdesk.models.actions", QtWarningMsg)

namespace models {

SchedulerActionController::SchedulerActionController(FleetSession *session,
    SchedulerDetailsController *details, std::unique_ptr<core::Timer> settleTimer, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_details(details)
    , m_settleTimer(std::move(settleTimer))
{
    connect(m_session, &FleetSession::connectionChanged, this, [this] {
        abandon(tr("dropped: the connection changed"));
        m_settleTimer->stop();
        const bool wasSettling = isSettling();
        m_settling.clear();
        if (wasSettling)
            emit settlingChanged(false);
    });
    connect(m_session->model(), &SchedulerListModel::cycleStarted, this, [this](int source) {
        if (source == m_source)
            ++m_cyclesStarted;
    });
    connect(m_session->model(), &SchedulerListModel::cycleFinished, this,
        [this](bool complete, int source) {
            if (complete && source == m_source)
                forgetSettled();
        });
}

SchedulerActionController::SchedulerActionController(
    FleetSession *session, SchedulerDetailsController *details, QObject *parent)
    : SchedulerActionController(
        session, details, core::makeQtTimer(core::TimerPrecision::Coarse), parent)
{
}

SchedulerActionController::~SchedulerActionController()
{
    // The timer's task refers to this object; the calls' contexts are children and go with it.
    m_settleTimer->stop();
}

bool SchedulerActionController::allows(SchedulerAction action, const QString &status)
{
    const StatusKind kind = statusKind(status);
    return action == SchedulerAction::Start ? kind == StatusKind::Stopped
                                            : kind == StatusKind::Running;
}

int SchedulerActionController::connectionSource() const
{
    return m_session->detailsConnection();
}

QString SchedulerActionController::knownStatus(const QString &name) const
{
    // The form is described at least as often as the fleet is listed.
    if (m_details && m_details->schedulerName() == name && m_details->scheduler())
        return m_details->scheduler()->status.value_or(QString());
    const SchedulerListModel *model = m_session->model();
    const int row = model->rowOfName(name, m_session->detailsConnection());
    return row < 0 ? QString() : model->schedulerAt(row).status.value_or(QString());
}

SchedulerActionController::Selection SchedulerActionController::select(
    SchedulerAction action, const QStringList &names) const
{
    Selection selection;
    // A whole fleet may be selected: duplicates are found by hash, not by scanning the lists.
    QSet<QString> seen;
    seen.reserve(names.size());
    for (const QString &name : names) {
        if (seen.contains(name))
            continue;
        seen.insert(name);
        (allows(action, knownStatus(name)) ? selection.acting : selection.skipped).append(name);
    }
    return selection;
}

bool SchedulerActionController::run(SchedulerAction action, const QStringList &names)
{
    const FleetConnection *connection = m_session->connection(m_session->detailsConnection());
    if (m_running || names.isEmpty() || !connection || !connection->connectedClient())
        return false;
    m_source = connection->source();
    m_action = action;
    m_outcomes.clear();
    m_queue.clear();
    QSet<QString> queued;
    queued.reserve(names.size());
    for (const QString &name : names) {
        if (!queued.contains(name)) {
            queued.insert(name);
            m_queue.push_back(name);
        }
    }
    m_running = true;
    emit runningChanged(true);
    startNext();
    return true;
}

void SchedulerActionController::startNext()
{
    const FleetConnection *fleetConnection = m_session->connection(m_source);
    const ConnectedClient *connection
        = fleetConnection ? fleetConnection->connectedClient() : nullptr;
    while (connection && !m_queue.empty() && inFlight() < kMaxInFlight) {
        const QString name = m_queue.front();
        m_queue.pop_front();
        auto *context = new QObject(this);
        m_calls.insert(context, name);
        const auto done
            = [this, context, name](const aws::Result<lookout::SchedulerStateChange> &result) {
                  m_calls.remove(context);
                  context->deleteLater();
                  if (result.ok()) {
                      const QString status = result.value().status.value_or(QString());
                      record({ name, Outcome::Kind::Changed, status, {} });
                  } else {
                      record(outcomeOf(m_action, name, result.error()));
                  }
                  startNext();
                  finishIfDone();
              };
        qCDebug(lcActions) << (m_action == SchedulerAction::Start ? "starting" : "stopping")
                           << name;
        lookout::LookoutClient client = connection->lookoutClient();
        if (m_action == SchedulerAction::Start)
            client.startInferenceScheduler(name, context, done);
        else
            client.stopInferenceScheduler(name, context, done);
        emit callStarted(name);
    }
}

SchedulerActionController::Outcome SchedulerActionController::outcomeOf(
    SchedulerAction action, const QString &name, const aws::AwsError &error)
{
    if (error.kind == aws::AwsError::Kind::Service
        && error.code == QLatin1StringView("ConflictException"))
        return { name, Outcome::Kind::Conflict, {}, conflictReason(action, error.message) };
    if (error.kind == aws::AwsError::Kind::Service && error.isAccessDenied()
        && error.code.startsWith(QLatin1StringView("AccessDenied"))) {
        return {
            name, Outcome::Kind::AccessDenied, {},
            tr("access denied: the credentials lack the permission %1").arg(permissionName(action))
        };
    }
    return { name, Outcome::Kind::Failed, {}, error.toString() };
}

void SchedulerActionController::record(const Outcome &outcome)
{
    m_outcomes.append(outcome);
    if (outcome.kind == Outcome::Kind::Changed && !outcome.status.isEmpty()) {
        m_session->model()->setStatus(outcome.name, outcome.status, m_source);
        if (m_details)
            m_details->showActionStatus(outcome.name, outcome.status);
    }
    // A conflict means the scheduler is doing something else: follow it as well.
    if (outcome.kind == Outcome::Kind::Changed || outcome.kind == Outcome::Kind::Conflict)
        watch(outcome.name);
    emit outcomeReady(outcome);
}

void SchedulerActionController::finishIfDone()
{
    if (!m_running || !m_calls.isEmpty() || !m_queue.empty())
        return;
    m_running = false;
    m_summary = summaryText(m_action, m_outcomes);
    emit runningChanged(false);
    emit finished(m_summary);
}

void SchedulerActionController::abandon(const QString &reason)
{
    if (!m_running)
        return;
    // Deleting a context cancels its call: its callback never runs.
    const QHash<QObject *, QString> calls = std::exchange(m_calls, {});
    for (auto it = calls.cbegin(); it != calls.cend(); ++it) {
        delete it.key();
        record({ it.value(), Outcome::Kind::Failed, {}, reason });
    }
    for (const QString &name : std::exchange(m_queue, {}))
        record({ name, Outcome::Kind::Failed, {}, reason });
    finishIfDone();
}

void SchedulerActionController::watch(const QString &name)
{
    const bool wasSettling = isSettling();
    m_settling.insert(name, m_cyclesStarted);
    m_settlePolls = 0;
    if (!m_settleTimer->isActive())
        m_settleTimer->start(kSettlePollInterval, [this] { pollSettling(); });
    if (!wasSettling)
        emit settlingChanged(true);
}

void SchedulerActionController::pollSettling()
{
    if (m_settling.isEmpty())
        return;
    // Nothing is polled while the window is hidden or minimized; the count waits too.
    const FleetConnection *connection = m_session->connection(m_source);
    if (!connection || !connection->refreshController()->isWindowVisible()) {
        m_settleTimer->start(kSettlePollInterval, [this] { pollSettling(); });
        return;
    }
    if (++m_settlePolls > kMaxSettlePolls) {
        qCInfo(lcActions) << "still changing state after" << kMaxSettlePolls
                          << "polls:" << settling();
        m_settling.clear();
        emit settlingChanged(false);
        return;
    }
    // Each is refused while its previous call is on its way; the next poll tries again.
    connection->refreshController()->refreshNow();
    if (m_details && m_settling.contains(m_details->schedulerName()))
        m_details->refresh();
    m_settleTimer->start(kSettlePollInterval, [this] { pollSettling(); });
}

void SchedulerActionController::forgetSettled()
{
    if (m_settling.isEmpty())
        return;
    const SchedulerListModel *model = m_session->model();
    for (auto it = m_settling.begin(); it != m_settling.end();) {
        const int row = model->rowOfName(it.key(), m_source);
        const bool seenSince = m_cyclesStarted > it.value();
        const bool settled
            = row < 0 || !isTransitionalStatus(model->schedulerAt(row).status.value_or(QString()));
        if (seenSince && settled)
            it = m_settling.erase(it);
        else
            ++it;
    }
    if (m_settling.isEmpty()) {
        m_settleTimer->stop();
        emit settlingChanged(false);
    }
}

QStringList SchedulerActionController::settling() const
{
    QStringList names = m_settling.keys();
    names.sort();
    return names;
}

QString SchedulerActionController::permissionName(SchedulerAction action)
{
    return action == SchedulerAction::Start
        ? QStringLiteral("lookoutequipment:StartInferenceScheduler")
        : QStringLiteral("lookoutequipment:StopInferenceScheduler");
}

QString SchedulerActionController::conflictReason(SchedulerAction action, const QString &message)
{
    // The service names the state that stood in the way ("… cannot be started while it is
    // RUNNING."); the last state word in the message is that state.
    static const QRegularExpression stateWord(
        QStringLiteral("\\b(PENDING|RUNNING|STOPPING|STOPPED)\\b"));
    QString state;
    for (auto it = stateWord.globalMatch(message); it.hasNext();)
        state = it.next().captured(1);
    const StatusKind kind = statusKind(state);
    if (action == SchedulerAction::Start) {
        switch (kind) {
        case StatusKind::Pending:
            return tr("already starting");
        case StatusKind::Running:
            return tr("already running");
        case StatusKind::Stopping:
            return tr("still stopping; it can be started once it has stopped");
        default:
            return tr("its state changed meanwhile; only a stopped scheduler can be started");
        }
    }
    switch (kind) {
    case StatusKind::Stopped:
        return tr("already stopped");
    case StatusKind::Stopping:
        return tr("already stopping");
    default:
        return tr("its state changed meanwhile; only a running scheduler can be stopped");
    }
}

QString SchedulerActionController::summaryText(
    SchedulerAction action, const QList<Outcome> &outcomes)
{
    const bool start = action == SchedulerAction::Start;
    if (outcomes.size() == 1) {
        const Outcome &only = outcomes.first();
        switch (only.kind) {
        case Outcome::Kind::Changed:
            return start ? tr("%1 is starting (%2).").arg(only.name, only.status)
                         : tr("%1 is stopping (%2).").arg(only.name, only.status);
        case Outcome::Kind::Conflict:
            return start ? tr("%1 was not started: %2.").arg(only.name, only.reason)
                         : tr("%1 was not stopped: %2.").arg(only.name, only.reason);
        case Outcome::Kind::AccessDenied:
        case Outcome::Kind::Failed:
            return start ? tr("Could not start %1: %2").arg(only.name, only.reason)
                         : tr("Could not stop %1: %2").arg(only.name, only.reason);
        }
    }

    QList<const Outcome *> conflicts;
    QList<const Outcome *> failures;
    int changed = 0;
    for (const Outcome &outcome : outcomes) {
        if (outcome.kind == Outcome::Kind::Changed)
            ++changed;
        else if (outcome.kind == Outcome::Kind::Conflict)
            conflicts.append(&outcome);
        else
            failures.append(&outcome);
    }
    const auto listed = [](const QList<const Outcome *> &list) {
        QStringList parts;
        for (qsizetype i = 0; i < list.size() && i < kMaxNamesInSummary; ++i)
            parts.append(list[i]->name + QStringLiteral(": ") + list[i]->reason);
        if (list.size() > kMaxNamesInSummary)
            parts.append(tr("and %n more", nullptr, int(list.size() - kMaxNamesInSummary)));
        return parts.join(QStringLiteral("; "));
    };
    QStringList parts;
    if (changed > 0 || (conflicts.isEmpty() && failures.isEmpty()))
        parts.append(
            start ? tr("%n started", nullptr, changed) : tr("%n stopped", nullptr, changed));
    if (!conflicts.isEmpty()) {
        parts.append((start ? tr("%n not started", nullptr, int(conflicts.size()))
                            : tr("%n not stopped", nullptr, int(conflicts.size())))
            + QStringLiteral(": ") + listed(conflicts));
    }
    if (!failures.isEmpty()) {
        parts.append(tr("%n failed", nullptr, int(failures.size())) + QStringLiteral(": ")
            + listed(failures));
    }
    return parts.join(QStringLiteral(", "));
}

} // namespace models
