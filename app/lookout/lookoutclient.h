#pragma once

#include "aws/awsjsonclient.h"
#include "aws/result.h"
#include "lookout/inferencescheduler.h"
#include "lookout/pagination.h"
#include "lookout/requestbodies.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>
#include <optional>

// Typed Lookout for Equipment calls on top of AwsJsonClient.
//
// Every call checks its parameters against the model before anything is sent; a refused one is
// an AwsError of kind InvalidParameter in botocore's words, delivered like any other result:
// later, from the event loop, never inside the call. Callbacks run on the AwsJsonClient's
// thread and never after `context` is destroyed: dropping the context cancels the call (and
// the rest of a listing) without any callback. A null context means the call cannot be
// cancelled that way. Errors from the endpoint arrive unchanged; a response body that is not
// the protocol is an error of kind BadResponse naming the member path that is wrong.
//
// LookoutClient holds no state of its own: it can be copied, and destroying it does not stop
// calls in flight.
namespace lookout {

class LookoutClient {
public:
    template<typename T> using Callback = std::function<void(const aws::Result<T> &)>;
    using SchedulerPageCallback = std::function<void(const QList<InferenceSchedulerSummary> &page)>;

    explicit LookoutClient(aws::AwsJsonClient *client, Pagination::Limits limits = {});

    void describeInferenceScheduler(
        const QString &name, QObject *context, Callback<InferenceScheduler> done);

    // Lists every scheduler matching `filter`, 500 per request, following each NextToken.
    // `onPage` gets each page's summaries as it arrives (the fleet view fills in as they come);
    // `done` then gets all of them, or the error that ended the listing: an endpoint error, a
    // bad page (one with more summaries than its MaxResults among them), a NextToken seen
    // twice, or more pages, summaries or decoded bytes than the limits allow. Pages delivered
    // before an error stay delivered.
    void listInferenceSchedulers(const InferenceSchedulerFilter &filter, QObject *context,
        SchedulerPageCallback onPage, Callback<QList<InferenceSchedulerSummary>> done);

    // The scheduler's executions matching `filter`, newest first as the service returns them,
    // following NextToken until `maxItems` are in (all of them when nullopt; maxItems must be
    // at least 1), with the same page limits as listInferenceSchedulers.
    void listInferenceExecutions(const QString &name, const InferenceExecutionFilter &filter,
        std::optional<int> maxItems, QObject *context,
        Callback<QList<InferenceExecutionSummary>> done);

    // One page of the scheduler's executions matching `filter` (newest first), `maxResults` (1 to
    // 500) at most, from `nextToken` (the first page when nullopt): for views that load pages as
    // they are needed. A page with more than `maxResults` summaries is a BadResponse error; the
    // caller follows NextToken through a Pagination of its own.
    void listInferenceExecutionsPage(const QString &name, const InferenceExecutionFilter &filter,
        int maxResults, const std::optional<QString> &nextToken, QObject *context,
        Callback<InferenceExecutionPage> done);

    // The scheduler's anomaly events in `interval`, in the service's order, following NextToken
    // until `maxItems` are in (all when nullopt), with the same page limits.
    void listInferenceEvents(const QString &name, const InferenceEventInterval &interval,
        std::optional<int> maxItems, QObject *context, Callback<QList<InferenceEventSummary>> done);

    void startInferenceScheduler(
        const QString &name, QObject *context, Callback<SchedulerStateChange> done);
    void stopInferenceScheduler(
        const QString &name, QObject *context, Callback<SchedulerStateChange> done);

    aws::AwsJsonClient *jsonClient() const { return m_client; }

private:
    QPointer<aws::AwsJsonClient> m_client;
    Pagination::Limits m_limits;
};

} // namespace lookout
