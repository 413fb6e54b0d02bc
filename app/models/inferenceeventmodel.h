#pragma once

#include "aws/awserror.h"
#include "lookout/lookoutclient.h"
#include "lookout/requestbodies.h"
#include "models/itemroles.h"
#include "results/eventdiagnostics.h"
#include "results/series.h"
#include "results/timerange.h"

#include <QAbstractTableModel>
#include <QPointer>
#include <QString>

#include <optional>
#include <vector>

// The anomaly events the service lists for one scheduler in one interval (ListInferenceEvents,
// every NextToken followed), one row each in the service's order: start, end, duration and the
// sensors that contributed. Diagnostics are decoded once, on arrival
// (results::decodeEventDiagnostics): a JSON list gives shares, anything else is kept as text.
//
// load() drops the listing in flight and the rows shown; a failed listing keeps no rows and
// keeps the error, which retry() sends again.
//
// Roles (models/itemroles.h):
//   Qt::DisplayRole      local times with their zone, "1 h 25 min", "pump\Sensor3 49.6 %, …" (or
//                        the text of Diagnostics that are not a list); "not set" for an absent
//                        member
//   Qt::ToolTipRole      times in UTC; the duration in seconds; every share, or the text
//   RawValueRole         QDateTime (UTC), QDateTime, qint64 seconds, the Diagnostics string;
//                        invalid when absent
//   AbsentRole           true for an absent member
//   SortRole             microseconds, seconds, the largest share (text below every share)
//   AccessibleTextRole   "Start: 2024-03-04 19:52:22 CET"
namespace models {

class InferenceEventModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { StartColumn, EndColumn, DurationColumn, SensorsColumn, ColumnCount };
    Q_ENUM(Column)
    enum class State { Empty, Loading, Loaded, Failed };
    Q_ENUM(State)

    struct Event {
        std::optional<qint64> start; // microseconds
        std::optional<qint64> end;
        std::optional<qint64> durationSeconds; // EventDurationInSeconds
        std::optional<QString> diagnostics; // as sent
        results::EventDiagnostics decoded;
        results::Series contributions; // one prediction with the decoded shares
        QString topSensors; // the three largest, or the text's first line
    };

    explicit InferenceEventModel(QObject *parent = nullptr);
    ~InferenceEventModel() override;

    // The interval a range choice stands for at `now` (microseconds): the relative choices count
    // back from now; All runs from the scheduler's creation (`createdAt`; without it, the 365
    // days before now) to now; an end past now is now. The API requires both ends.
    static lookout::InferenceEventInterval intervalFor(
        const results::TimeRange &range, qint64 now, std::optional<qint64> createdAt);
    // The time the relative choices count back from (microseconds): `now` while the scheduler
    // runs; for a STOPPED one, when it stopped (its UpdatedAt) where that is earlier, since it
    // found nothing after that; every scheduler stopped when the service ended.
    static qint64 newestActivity(const lookout::InferenceScheduler &scheduler, qint64 now);

    // Lists the events of `scheduler` in `interval`, replacing what is shown.
    void load(const lookout::LookoutClient &client, const QString &scheduler,
        const lookout::InferenceEventInterval &interval);
    // Sends the last load() again; false when there was none.
    bool retry();
    // Drops the listing in flight and every row.
    void clear();

    State state() const { return m_state; }
    const std::optional<aws::AwsError> &error() const { return m_error; }
    QString scheduler() const { return m_scheduler; }
    const lookout::InferenceEventInterval &interval() const { return m_interval; }
    const std::vector<Event> &events() const { return m_events; }
    // The event of `row`; null for a row that is not one.
    const Event *eventAt(int row) const;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

signals:
    // The state or the error changed (the rows are announced as a model reset).
    void stateChanged();

private:
    void finish(const aws::Result<QList<lookout::InferenceEventSummary>> &result);
    void setState(State state);
    QVariant displayData(const Event &event, int column) const;
    QVariant toolTipData(const Event &event, int column) const;
    QVariant rawData(const Event &event, int column) const;
    QVariant sortData(const Event &event, int column) const;

    std::optional<lookout::LookoutClient> m_client;
    QString m_scheduler;
    lookout::InferenceEventInterval m_interval;
    QPointer<QObject> m_call; // the context of the listing in flight; deleting it cancels it
    State m_state = State::Empty;
    std::optional<aws::AwsError> m_error;
    std::vector<Event> m_events;
};

} // namespace models
