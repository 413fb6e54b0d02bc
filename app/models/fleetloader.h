#pragma once

#include "aws/awscredentials.h"
#include "aws/awserror.h"
#include "aws/awsjsonclient.h"
#include "lookout/inferencescheduler.h"
#include "models/refreshcontroller.h"

#include <QList>
#include <QObject>
#include <QPointer>

#include <memory>
#include <optional>

class QThread;

namespace aws {
class CredentialsProvider;
}

// Runs one fleet refresh cycle into a SchedulerListModel: ListInferenceSchedulers, 500 per page,
// each page merged as it arrives, the cycle finished complete or failed. One cycle at a time;
// cancel() drops the one in flight (its remaining pages and its end are never applied).
//
// The listing runs on a thread of its own, with its own network access manager and JSON client:
// receiving, checking and decoding 10,000 summaries (about 5 MB a cycle) never takes the GUI
// thread's time, which only merges the decoded pages, a few per pass of the event loop (a
// MergeQueue). Unchanged summaries go over as the copies the model already holds (SummaryReuser),
// so that merging them reads no text. Credentials are fetched on the caller's thread from the
// connection's provider and handed over as a snapshot; when the endpoint says they expired the
// provider is told, so the next cycle fetches fresh ones.
namespace models {

class SchedulerListModel;
class ConnectedClient;
class MergeQueue;

class FleetLoader : public QObject {
    Q_OBJECT

public:
    // `model` must outlive the loader; the loader fills the rows of connection `source` there.
    explicit FleetLoader(SchedulerListModel *model, QObject *parent = nullptr);
    FleetLoader(SchedulerListModel *model, int source, QObject *parent = nullptr);
    ~FleetLoader() override;

    // Starts a cycle on `connection`'s endpoint. False, starting nothing, while one is in flight.
    bool start(const ConnectedClient &client);
    // Drops the cycle in flight, if any; the model's cycle is ended as not complete.
    void cancel();
    // For another connection: cancel(), and lastError() forgets the old connection's failure.
    void reset();
    bool isLoading() const { return m_loading; }
    // Merge pages through `queue` (it must outlive the loader), shared with other connections'
    // loaders so that their pages take turns with painting; by default the loader has its own.
    void shareMergeQueue(MergeQueue *queue);

    // Why the last cycle failed; nullopt after a complete one.
    const std::optional<aws::AwsError> &lastError() const { return m_lastError; }

    // How an error counts for the refresh controller: throttling (AwsError::isThrottling())
    // or any other failure.
    static RefreshController::Outcome outcomeOf(const aws::AwsError &error);

signals:
    void loadingChanged(bool loading);
    // A cycle ended; `error` is set when it failed.
    void finished(
        models::RefreshController::Outcome outcome, const std::optional<aws::AwsError> &error);

private:
    class Worker;

    void startListing(quint64 cycle, const aws::AwsCredentials &credentials);
    void applyPage(quint64 cycle, const QList<lookout::InferenceSchedulerSummary> &page);
    void finish(quint64 cycle, const std::optional<aws::AwsError> &error);

    SchedulerListModel *m_model;
    int m_source = 0;
    QThread *m_thread;
    Worker *m_worker;
    MergeQueue *m_merges; // pages and ends, merged a few per pass of the event loop
    quint64 m_cycle = 0; // answers of other cycles are ignored
    bool m_loading = false;
    QPointer<QObject> m_credentialsCall; // deleting it drops a credentials fetch in flight
    std::shared_ptr<aws::CredentialsProvider> m_credentials;
    aws::AwsJsonClientSettings m_settings; // endpoint and limits of the cycle in flight
    std::optional<aws::AwsError> m_lastError;
};

} // namespace models
