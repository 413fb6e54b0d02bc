#pragma once

#include "refreshcontroller.h"

#include "aws/awserror.h"
#include "lookout/lookoutclient.h"

#include <QObject>
#include <QPointer>

#include <optional>

// Runs one fleet refresh cycle into a SchedulerListModel: ListInferenceSchedulers, 500 per page,
// each page merged as it arrives, the cycle finished complete or failed. One cycle at a time;
// cancel() drops the one in flight (its remaining pages and its end are never applied).
namespace models {

class SchedulerListModel;

class FleetLoader : public QObject {
    Q_OBJECT

public:
    // `model` must outlive the loader.
    explicit FleetLoader(SchedulerListModel *model, QObject *parent = nullptr);
    ~FleetLoader() override;

    // Starts a cycle on `client`. False, starting nothing, while one is in flight.
    bool start(lookout::LookoutClient client);
    // Drops the cycle in flight, if any; the model's cycle is ended as not complete.
    void cancel();
    bool isLoading() const { return m_call != nullptr; }

    // Why the last cycle failed; nullopt after a complete one.
    const std::optional<aws::AwsError> &lastError() const { return m_lastError; }

    // How an error counts for the refresh controller: throttling (HTTP 429 or a throttling code)
    // or any other failure.
    static RefreshController::Outcome outcomeOf(const aws::AwsError &error);

signals:
    void loadingChanged(bool loading);
    // A cycle ended; `error` is set when it failed.
    void finished(models::RefreshController::Outcome outcome, const std::optional<aws::AwsError> &error);

private:
    SchedulerListModel *m_model;
    QPointer<QObject> m_call; // the listing's context: deleting it stops the listing
    std::optional<aws::AwsError> m_lastError;
};

} // namespace models
