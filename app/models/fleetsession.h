#pragma once

#include "aws/awserror.h"
#include "aws/configresolver.h"
#include "models/connectedclient.h"
#include "models/fleetloader.h"
#include "models/refreshcontroller.h"
#include "models/schedulerlistmodel.h"
#include "models/statuschangenotifier.h"

#include <QObject>
#include <QPointer>

#include <memory>
#include <optional>

class QNetworkAccessManager;

// The fleet as the window watches it: the current connection, the list model it fills, the
// refresh controller that times it, and the details controller of the open scheduler. One refresh
// cycle is one ListInferenceSchedulers listing (⌈N/500⌉ requests) plus one Describe of the open
// scheduler, never more, and never two cycles at once.
//
// connectTo() switches the data for real: the old rows go at once, the listing and the Describe
// in flight on the old connection are dropped (their answers are never applied), and a first
// refresh on the new one starts. setConfigurationError() is the same switch to "no connection",
// keeping the reason (no region, unknown profile…) to show in place.
namespace models {

class SchedulerDetailsController;

class FleetSession : public QObject {
    Q_OBJECT

public:
    // `network` must outlive the session.
    FleetSession(QNetworkAccessManager *network, std::shared_ptr<const core::Clock> clock,
        std::unique_ptr<core::Timer> refreshTimer, QObject *parent = nullptr);
    // On the system clock and real timers.
    explicit FleetSession(QNetworkAccessManager *network, QObject *parent = nullptr);
    ~FleetSession() override;

    SchedulerListModel *model() const { return m_model; }
    RefreshController *refreshController() const { return m_refresh; }
    FleetLoader *loader() const { return m_loader; }
    StatusChangeNotifier *notifier() const { return m_notifier; }

    // The details controller refreshed with each cycle and given each new connection (not owned).
    void setDetailsController(SchedulerDetailsController *details);

    // Replaces the connection. `label` names it in the status bar ("prod · eu-west-1" when empty).
    void connectTo(aws::ResolvedConfig config, const QString &label = {});
    // No usable connection: why (a Configuration or Credentials error, in the CLI's words).
    void setConfigurationError(const aws::AwsError &error);

    bool isConnected() const { return m_connectedClient != nullptr; }
    const ConnectedClient *connectedClient() const { return m_connectedClient.get(); }
    // "Demo · us-east-1", "prod · eu-west-1"; empty without a connection.
    QString connectionLabel() const;
    // The configuration problem that stands instead of a connection, if any.
    const std::optional<aws::AwsError> &configurationError() const { return m_configurationError; }
    // Why the last refresh failed; nullopt after a successful one and on a new connection.
    const std::optional<aws::AwsError> &refreshError() const { return m_loader->lastError(); }

signals:
    // Connected, disconnected or switched: every view shows the new state.
    void connectionChanged();
    // A refresh cycle ended (the model's freshness, the error and the backoff are current).
    void refreshFinished(models::RefreshController::Outcome outcome);
    // A refresh was asked for without a connection: resolve the choice again (the files or the
    // environment may have been fixed since) and call connectTo() or setConfigurationError().
    void connectionNeeded();

private:
    void startCycle();
    void dropConnection();

    QNetworkAccessManager *m_network;
    SchedulerListModel *m_model;
    FleetLoader *m_loader;
    RefreshController *m_refresh;
    StatusChangeNotifier *m_notifier;
    QPointer<SchedulerDetailsController> m_details;
    std::unique_ptr<ConnectedClient> m_connectedClient;
    QString m_label;
    std::optional<aws::AwsError> m_configurationError;
};

} // namespace models
