#pragma once

#include "options/guioptions.h"
#include "ui/choiceresolver.h"

#include <QMainWindow>
#include <QPointer>

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
class FleetSession;
class S3ResultsSources;
class SchedulerDetailsController;
class SchedulerResultsSources;
} // namespace models

namespace results {
class ObjectCache;
}

namespace ui {

class ConnectionBar;
class DashboardView;
class FleetView;
class RefreshIntervalComboBox;
class RefreshStatusLabel;
class SchedulerDetailsView;
class SchedulerResultsTab;
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
};

// The main window: a toolbar (profile, region, Refresh, refresh interval, Pause, Dashboard), the
// fleet table beside the details form, or the dashboard; a status bar with the auto-refresh state
// and "Connected: profile · region". It composes the widgets and connects them to one
// models::FleetSession; what each piece does is in its own class.
class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    explicit MainWindow(const MainWindowSetup &setup, QWidget *parent = nullptr);
    ~MainWindow() override;

    models::FleetSession *session() const { return m_session; }
    FleetView *fleetView() const { return m_fleetView; }
    SchedulerDetailsView *detailsView() const { return m_detailsView; }
    SchedulerResultsTab *resultsTab() const { return m_resultsTab; }
    // The scheduler's pane: the Details and Results tabs.
    QTabWidget *schedulerTabs() const { return m_schedulerTabs; }
    void showSchedulerTab(options::SchedulerTab tab);
    DashboardView *dashboardView() const { return m_dashboardView; }
    ConnectionBar *connectionBar() const { return m_connectionBar; }
    RefreshIntervalComboBox *intervalComboBox() const { return m_intervalComboBox; }
    TrayNotifier *trayNotifier() const { return m_tray; }

    QAction *refreshAction() const { return m_refreshAction; }
    QAction *pauseAction() const { return m_pauseAction; }
    QAction *dashboardAction() const { return m_dashboardAction; }
    QAction *fullScreenAction() const { return m_fullScreenAction; }
    QAction *notificationsAction() const { return m_notificationsAction; }
    QAction *shortcutsAction() const { return m_shortcutsAction; }
    QAction *detailsTabAction() const { return m_detailsTabAction; }
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
    void reloadProfiles();
    void updateConnectionState();
    void showRefreshOutcome();
    void refreshNow();
    void setFullScreen(bool fullScreen);
    void updateVisibility();
    void showConnectionDetails();
    void showShortcuts();
    void manageProfiles();
    void showAbout();
    static QString hintFor(const aws::AwsError &error);

    QSettings *m_settings;
    ChoiceResolver *m_choices;
    aws::KeychainProfileStore *m_keychain;
    models::FleetSession *m_session;
    ProfileChoice m_choice;
    QString m_region; // the explicit region; empty: as the environment or profile says
    QString m_regionOrigin; // "--region", "the region picker"
    QString m_pendingScheduler;

    ConnectionBar *m_connectionBar = nullptr;
    RefreshIntervalComboBox *m_intervalComboBox = nullptr;
    FleetView *m_fleetView = nullptr;
    SchedulerDetailsView *m_detailsView = nullptr;
    SchedulerResultsTab *m_resultsTab = nullptr;
    QTabWidget *m_schedulerTabs = nullptr;
    models::S3ResultsSources *m_ownResultsSources = nullptr; // null when the setup gave one
    DashboardView *m_dashboardView = nullptr;
    QSplitter *m_splitter = nullptr;
    QStackedWidget *m_pages = nullptr;
    QToolBar *m_toolBar = nullptr;
    QLabel *m_connectionLabel = nullptr;
    RefreshStatusLabel *m_refreshStatusLabel = nullptr;
    TrayNotifier *m_tray = nullptr;

    QAction *m_refreshAction = nullptr;
    QAction *m_pauseAction = nullptr;
    QAction *m_dashboardAction = nullptr;
    QAction *m_fullScreenAction = nullptr;
    QAction *m_leaveFullScreenAction = nullptr;
    QAction *m_notificationsAction = nullptr;
    QAction *m_manageProfilesAction = nullptr;
    QAction *m_connectionDetailsAction = nullptr;
    QAction *m_shortcutsAction = nullptr;
    QAction *m_detailsTabAction = nullptr;
    QAction *m_resultsTabAction = nullptr;
    QAction *m_aboutAction = nullptr;
    QAction *m_quitAction = nullptr;
};

} // namespace ui
