#pragma once

#include "aws/awserror.h"
#include "aws/configresolver.h"
#include "core/clock.h"
#include "core/timer.h"
#include "models/connectedclient.h"
#include "models/connectionstatus.h"
#include "models/refreshcontroller.h"

#include <QObject>

#include <memory>
#include <optional>

class QNetworkAccessManager;

// One connection of the fleet (profile, region, endpoint) and its own refreshing: its client, the
// loader that lists it into the shared list model as source `source`, the refresh controller
// that times it (its own backoff), and what went wrong with it. One connection failing leaves the
// others alone: only its rows go stale, and problem() says why in one line.
namespace models {

class FleetLoader;
class SchedulerListModel;

class FleetConnection : public QObject {
    Q_OBJECT

public:
    // `network` and `model` must outlive the connection.
    FleetConnection(int source, QNetworkAccessManager *network, SchedulerListModel *model,
        std::shared_ptr<const core::Clock> clock, std::unique_ptr<core::Timer> refreshTimer,
        QObject *parent = nullptr);
    ~FleetConnection() override;

    int source() const { return m_source; }
    RefreshController *refreshController() const { return m_refresh; }
    FleetLoader *loader() const { return m_loader; }

    // Replaces the connection: its old rows go at once, its listing in flight is dropped. The
    // first refresh is the caller's to ask for.
    void connectTo(aws::ResolvedConfig config, const QString &label);
    // No usable connection: why (a Configuration or Credentials error, in the CLI's words).
    void setConfigurationError(const aws::AwsError &error);

    bool isConnected() const { return m_client != nullptr; }
    const ConnectedClient *connectedClient() const { return m_client.get(); }
    // "Demo · us-east-1", "prod · eu-west-1"; empty without a connection.
    QString label() const;
    const std::optional<aws::AwsError> &configurationError() const { return m_configurationError; }
    // Why the last refresh failed; nullopt after a successful one and on a new connection.
    const std::optional<aws::AwsError> &refreshError() const;
    // The error that stands: the configuration's, else the last refresh's; nullopt while well.
    const std::optional<aws::AwsError> &currentError() const
    {
        return m_configurationError ? m_configurationError : refreshError();
    }
    // One line on why the connection is stale or not connected; empty while it is well.
    QString problem() const;
    // Answering, failing or connecting, since when and why, for the status bar and Connection
    // Details; the label is empty while there is no connection.
    ConnectionStatus status() const;
    // The accounts of its rows (the ARNs' account fields), sorted; empty before rows arrive.
    QStringList accounts() const;

    // Starts a listing. False while one runs (its end reports to the refresh controller) or
    // without a connection (the refresh is ended as failed, and connectionNeeded() emitted).
    bool startCycle();

signals:
    // A refresh cycle ended (the model's freshness, the error and the backoff are current).
    void refreshFinished(models::RefreshController::Outcome outcome);
    // A listing started (the details of a scheduler of this connection ride along).
    void cycleStarted();
    // A refresh was asked for without a connection.
    void connectionNeeded();

private:
    void drop();
    void updateProblem();

    int m_source;
    QNetworkAccessManager *m_network;
    SchedulerListModel *m_model;
    FleetLoader *m_loader;
    RefreshController *m_refresh;
    std::unique_ptr<ConnectedClient> m_client;
    QString m_label;
    std::optional<aws::AwsError> m_configurationError;
};

} // namespace models
