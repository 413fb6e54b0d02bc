#pragma once

#include "options/guioptions.h"
#include "ui/choiceresolver.h"

#include <QMainWindow>
#include <QPointer>
#include <QRect>
#include <QUrl>

#include <functional>
#include <memory>
#include <optional>

class QAction;
class QLabel;
class QNetworkAccessManager;
class QSettings;
class QSplitter;
class QStackedWidget;
class QTabWidget;
class QToolBar;

namespace aws {
class KeychainProfileStore;
struct AwsError;
} // namespace aws

namespace models {
struct ConnectionStatus;
class FleetSession;
class S3ResultsSources;
class SchedulerActionController;
class SchedulerDetailsController;
class SchedulerResultsSources;
} // namespace models

namespace results {
class ObjectCache;
}

namespace ui {

class ConnectionBar;
class ConnectionsStatusLabel;
class DashboardView;
class ErrorBanner;
class FleetView;
class RefreshIntervalComboBox;
class RefreshStatusLabel;
class SchedulerActions;
class SchedulerDetailsView;
class SchedulerEventsTab;
class SchedulerResultsTab;
class ExecutionHistoryTab;
class MfaPrompter;
class TrayNotifier;

// What the window is built from. Everything is passed in, so tests can swap the network, the
// settings, the profile choices (an emulator behind a temporary ~/.aws) and the clocks.
struct MainWindowSetup {
    QNetworkAccessManager *network = nullptr; // required
    QSettings *settings = nullptr; // required; geometry, splitter, choices, sort
    ChoiceResolver *choices = nullptr; // required
    aws::KeychainProfileStore *keychain
        = nullptr; // for File → Manage Profiles; null: no such action
    models::FleetSession *session = nullptr; // null: the window's own, on the system clock
    models::SchedulerDetailsController *details = nullptr; // null: the details view's own
    QString schedulerName; // --scheduler: open with it shown
    options::SchedulerTab schedulerTab = options::SchedulerTab::Details; // --show
    // Where the Results tab reads from; null: S3 through the window's connection, read through
    // `resultsCache` (null: no cache).
    models::SchedulerResultsSources *resultsSources = nullptr;
    results::ObjectCache *resultsCache = nullptr;
    std::optional<int> refreshIntervalSeconds; // --refresh-interval
    bool demo = false; // --demo: open on the Demo entry
    bool wall = false; // --wall: open full screen on the dashboard
    // --connection: the connections to watch, the first in the pickers; empty: the pickers' one,
    // plus the further connections remembered from last time (unless --profile, --region or
    // --demo chose one).
    QList<options::ConnectionSpec> connections;
    // How the IAM Identity Center sign-in opens its page; null: the desktop's browser.
    std::function<bool(const QUrl &)> openUrl;
};

// The main window: a toolbar (profile, region, Refresh, refresh interval, Pause, Dashboard), the
// fleet table beside the details form, or the dashboard; a status bar with the auto-refresh state
// and "Connected: profile · region", or with several connections their summary
// ("3 connections · 2 answering · updated 12 s ago"). It composes the widgets and connects them to
// one models::FleetSession; what each piece does is in its own class.
class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    explicit MainWindow(const MainWindowSetup &setup, QWidget *parent = nullptr);
    ~MainWindow() override;

    models::FleetSession *session() const { return m_session; }
    FleetView *fleetView() const { return m_fleetView; }
    SchedulerDetailsView *detailsView() const { return m_detailsView; }
    ExecutionHistoryTab *historyTab() const { return m_historyTab; }
    SchedulerEventsTab *eventsTab() const { return m_eventsTab; }
    SchedulerResultsTab *resultsTab() const { return m_resultsTab; }
    // The scheduler's pane: the Details and Results tabs.
    QTabWidget *schedulerTabs() const { return m_schedulerTabs; }
    void showSchedulerTab(options::SchedulerTab tab);
    DashboardView *dashboardView() const { return m_dashboardView; }
    ConnectionBar *connectionBar() const { return m_connectionBar; }
    RefreshIntervalComboBox *intervalComboBox() const { return m_intervalComboBox; }
    TrayNotifier *trayNotifier() const { return m_tray; }
    // Start and Stop: the Edit menu's, the fleet table's context menu's, the details pane's.
    SchedulerActions *schedulerActions() const { return m_schedulerActions; }
    // Asks for MFA codes (the resolver's MfaPrompt while this window lives).
    MfaPrompter *mfaPrompter() const { return m_mfaPrompter; }

    QAction *refreshAction() const { return m_refreshAction; }
    QAction *pauseAction() const { return m_pauseAction; }
    QAction *dashboardAction() const { return m_dashboardAction; }
    QAction *fullScreenAction() const { return m_fullScreenAction; }
    QAction *notificationsAction() const { return m_notificationsAction; }
    QAction *connectionsAction() const { return m_connectionsAction; }
    QAction *shortcutsAction() const { return m_shortcutsAction; }
    QAction *ssoSignInAction() const { return m_ssoSignInAction; }
    QAction *detailsTabAction() const { return m_detailsTabAction; }
    QAction *historyTabAction() const { return m_historyTabAction; }
    QAction *eventsTabAction() const { return m_eventsTabAction; }
    QAction *resultsTabAction() const { return m_resultsTabAction; }

    bool isDashboardShown() const;
    void setDashboardShown(bool shown);
    // "Connected: Demo · us-east-1" or "Not connected" (the reason is its tooltip).
    QString connectionStatusText() const;
    // Every action with a shortcut, for the shortcuts dialog.
    QList<QAction *> shortcutActions() const;

    // Chooses a profile entry or a region as the pickers do.
    void chooseProfile(const ProfileChoice &choice);
    void chooseRegion(const QString &region);
    // The connections watched besides the pickers' one (fleet sources 1, 2, …); remembered in the
    // settings at once.
    void setExtraConnections(const QList<options::ConnectionSpec> &connections);
    const QList<options::ConnectionSpec> &extraConnections() const { return m_extraConnections; }

protected:
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void createActions();
    void createToolBar();
    void createMenus();
    void createStatusBar();
    void connectSession();
    void restoreSettings();
    void saveSettings() const;
    void retranslate();

    void connectWithChoice();
    void connectExtraConnections();
    void saveExtraConnections() const;
    // The Results tab reads S3 through the connection of the scheduler the details show.
    void connectResultsSources();
    void showCurrentScheduler(const QString &name);
    void reloadProfiles();
    void updateConnectionState();
    void showRefreshOutcome();
    // The status bar's summary of several connections (hidden with one, which the connection
    // label describes).
    void updateConnectionsStatus();
    // Connection `source`'s label, or while it is not connected what was asked for
    // ("prod · eu-west-1", "prod").
    QString labelOf(int source) const;
    // Every connection's state, each named by labelOf().
    QList<models::ConnectionStatus> connectionStatuses() const;
    void refreshNow();
    void setFullScreen(bool fullScreen);
    void updateVisibility();
    void showConnectionDetails();
    void showShortcuts();
    void manageProfiles();
    void editConnections();
    void showAbout();
    static QString hintFor(const aws::AwsError &error);
    // As hintFor(error), but Sign In where signing in would end connection `source`'s error.
    QString hintFor(const aws::AwsError &error, int source) const;
    // A credential error of a connection whose profile signs in to IAM Identity Center.
    bool signInWouldHelp(const aws::AwsError &error, int source) const;
    // The profile of connection `source`, as connected or as chosen; empty when unknown.
    QString profileOf(int source) const;
    // Offers Sign In on the error banner for the first connection whose credentials failed and
    // whose profile signs in to IAM Identity Center; enables File → Sign In for the first one's.
    void updateSignInOffer();
    // The error banners of the selected scheduler's tabs (details, history, events, results).
    QList<ErrorBanner *> schedulerBanners() const;
    void signIn(int source);
    void refreshAfterSignIn(int source);
    // After the details connection signed in: the selected scheduler's tabs read again.
    void retrySchedulerTabs();

    QSettings *m_settings;
    ChoiceResolver *m_choices;
    aws::KeychainProfileStore *m_keychain;
    models::FleetSession *m_session;
    ProfileChoice m_choice;
    QString m_region; // the explicit region; empty: as the environment or profile says
    QString m_regionOrigin; // "--region", "the region picker"
    QString m_pendingScheduler;
    QList<options::ConnectionSpec> m_extraConnections;
    QNetworkAccessManager *m_network;
    std::function<bool(const QUrl &)> m_openUrl;
    MfaPrompter *m_mfaPrompter = nullptr;
    int m_signInSource = -1; // the connection the banner's Sign In is for

    ConnectionBar *m_connectionBar = nullptr;
    RefreshIntervalComboBox *m_intervalComboBox = nullptr;
    FleetView *m_fleetView = nullptr;
    SchedulerDetailsView *m_detailsView = nullptr;
    ExecutionHistoryTab *m_historyTab = nullptr;
    SchedulerEventsTab *m_eventsTab = nullptr;
    SchedulerResultsTab *m_resultsTab = nullptr;
    QTabWidget *m_schedulerTabs = nullptr;
    models::S3ResultsSources *m_ownResultsSources = nullptr; // null when the setup gave one
    DashboardView *m_dashboardView = nullptr;
    QSplitter *m_splitter = nullptr;
    QStackedWidget *m_pages = nullptr;
    QToolBar *m_toolBar = nullptr;
    QLabel *m_connectionLabel = nullptr;
    ConnectionsStatusLabel *m_connectionsStatusLabel = nullptr;
    RefreshStatusLabel *m_refreshStatusLabel = nullptr;
    TrayNotifier *m_tray = nullptr;
    models::SchedulerActionController *m_actionController = nullptr;
    SchedulerActions *m_schedulerActions = nullptr;

    QAction *m_refreshAction = nullptr;
    QAction *m_pauseAction = nullptr;
    QAction *m_dashboardAction = nullptr;
    QAction *m_fullScreenAction = nullptr;
    QAction *m_leaveFullScreenAction = nullptr;
    QAction *m_notificationsAction = nullptr;
    QAction *m_manageProfilesAction = nullptr;
    QAction *m_connectionsAction = nullptr;
    QAction *m_connectionDetailsAction = nullptr;
    QAction *m_ssoSignInAction = nullptr;
    QAction *m_shortcutsAction = nullptr;
    QAction *m_detailsTabAction = nullptr;
    QAction *m_historyTabAction = nullptr;
    QAction *m_eventsTabAction = nullptr;
    QAction *m_resultsTabAction = nullptr;
    QAction *m_aboutAction = nullptr;
    QAction *m_quitAction = nullptr;
    QRect m_normalGeometry; // the window's before it went full screen
};

} // namespace ui
