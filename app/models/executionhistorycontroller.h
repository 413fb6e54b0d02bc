#pragma once

#include "aws/awserror.h"
#include "lookout/inferencescheduler.h"
#include "lookout/lookoutclient.h"
#include "lookout/pagination.h"
#include "lookout/requestbodies.h"
#include "models/executionhistorymodel.h"

#include <QObject>
#include <QPointer>
#include <QString>

#include <optional>

// Keeps one scheduler's inference executions (ListInferenceExecutions) in an
// ExecutionHistoryModel, a page at a time:
//
// - load() asks for the first kFirstPageSize executions matching the filter (Status,
//   DataStartTimeAfter, DataEndTimeBefore, sent to the service); the model asks for more
//   (fetchMore, as a view scrolls toward the end), kPageSize at a time, following NextToken.
// - refresh() asks only for what can have changed: the executions whose data window starts at or
//   after the newest one shown or the oldest IN_PROGRESS one shown (ExecutionHistoryModel::
//   refreshFrom), and merges them in place. When nothing changed that is one request.
// - One call at a time. A failed call keeps the rows shown (stale after a failed refresh), and
//   retry() makes it again; a page that fails stops further pages until then.
// - Changing the client, the scheduler or the filter drops the call in flight and the rows.
namespace models {

class ExecutionHistoryController : public QObject {
    Q_OBJECT

public:
    static constexpr int kFirstPageSize = 100;
    static constexpr int kPageSize = lookout::requests::kMaxPageSize;
    // How far before the newest data start a refresh reaches, so that a service comparing
    // DataStartTimeAfter strictly still returns the newest execution shown.
    static constexpr qint64 kRefreshOverlapMicros = 1'000'000;

    enum class State {
        Empty, // no scheduler chosen
        NoConnection, // no client to list with
        Idle, // ready, nothing listed yet (load() lists)
        Loading, // the first page is in flight
        Loaded, // rows (maybe none) are shown
        Failed, // the first page failed: nothing to show
    };
    Q_ENUM(State)

    enum class Operation { FirstPage, NextPage, Refresh };

    explicit ExecutionHistoryController(QObject *parent = nullptr);
    ~ExecutionHistoryController() override;

    void setClient(const std::optional<lookout::LookoutClient> &client);
    void setScheduler(const QString &name);
    void setFilter(const lookout::InferenceExecutionFilter &filter);
    const lookout::InferenceExecutionFilter &filter() const { return m_filter; }
    QString schedulerName() const { return m_name; }

    // Lists the first page unless it is listed or in flight. False when there is nothing to
    // list with.
    bool load();
    // Asks for executions newer than the newest shown and for the IN_PROGRESS ones shown; loads
    // the first page when none is shown. False, sending nothing, when a call is in flight or
    // there is nothing to list.
    bool refresh();
    // Makes the failed call again.
    bool retry();

    State state() const { return m_state; }
    bool isBusy() const { return m_call != nullptr; }
    bool hasMorePages() const { return m_nextToken.has_value(); }
    bool isStale() const { return m_model->isStale(); }
    const std::optional<aws::AwsError> &lastError() const { return m_lastError; }
    std::optional<Operation> failedOperation() const { return m_failed; }
    ExecutionHistoryModel *model() const { return m_model; }

signals:
    // The state, the error, busyness or whether more pages exist changed.
    void stateChanged();

private:
    void reset();
    void fetchNextPage();
    void requestPage(Operation operation, const lookout::InferenceExecutionFilter &filter,
        int pageSize, const std::optional<QString> &token);
    void onPage(Operation operation, const aws::Result<lookout::InferenceExecutionPage> &page,
        int pageSize);
    void fail(Operation operation, const aws::AwsError &error);
    void updateFetchMore();
    lookout::InferenceExecutionFilter refreshFilter() const;
    void dropCall();

    ExecutionHistoryModel *m_model;
    std::optional<lookout::LookoutClient> m_client;
    QString m_name;
    lookout::InferenceExecutionFilter m_filter;
    State m_state = State::Empty;
    QPointer<QObject> m_call; // the context of the call in flight; deleting it cancels the call
    std::optional<QString> m_nextToken; // of the older pages
    std::optional<lookout::Pagination> m_pagination; // of the older pages
    // A refresh in progress: its span, its pages, what it collected.
    std::optional<lookout::Timestamp> m_refreshFrom;
    std::optional<lookout::Pagination> m_refreshPagination;
    QList<lookout::InferenceExecutionSummary> m_refreshed;
    std::optional<aws::AwsError> m_lastError;
    std::optional<Operation> m_failed;
    std::optional<QString> m_failedToken;
};

} // namespace models
