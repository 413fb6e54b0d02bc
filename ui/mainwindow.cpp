#include "ui/mainwindow.h"

#include "appinfo.h"
#include "aws/configresolver.h"
#include "aws/keychainprofiles.h"
#include "models/fleetconnection.h"
#include "models/fleetsession.h"
#include "models/scheduleractioncontroller.h"
#include "models/schedulerresultssources.h"
#include "models/timetext.h"
#include "ui/connectionbar.h"
#include "ui/connectiondetailsdialog.h"
#include "ui/connectionsdialog.h"
#include "ui/connectionsstatuslabel.h"
#include "ui/dashboardview.h"
#include "ui/errorbanner.h"
#include "ui/executionhistorytab.h"
#include "ui/fleetview.h"
#include "ui/keyboardshortcutsdialog.h"
#include "ui/mfaprompter.h"
#include "ui/plaintooltip.h"
#include "ui/profiledialog.h"
#include "ui/profilepicker.h"
#include "ui/qtcontrolnames.h"
#include "ui/refreshintervalcombobox.h"
#include "ui/refreshstatuslabel.h"
#include "ui/regionpicker.h"
#include "ui/resultspane.h"
#include "ui/scheduleractions.h"
#include "ui/schedulerdetailsview.h"
#include "ui/schedulereventstab.h"
#include "ui/schedulerresultstab.h"
#include "ui/ssosignindialog.h"
#include "ui/traynotifier.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QScreen>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QStyle>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QToolBar>
#include <QWindowStateChangeEvent>

namespace ui {

namespace {

const QString kGeometryKey = QStringLiteral("mainWindow/geometry");
const QString kStateKey = QStringLiteral("mainWindow/state");
const QString kSplitterKey = QStringLiteral("mainWindow/splitter");
const QString kDashboardKey = QStringLiteral("mainWindow/dashboard");
const QString kProfileKey = QStringLiteral("connection/profile");
const QString kRegionKey = QStringLiteral("connection/region");
const QString kIntervalKey = QStringLiteral("refresh/intervalSeconds");
const QString kHeaderKey = QStringLiteral("fleet/header");
const QString kNotificationsKey = QStringLiteral("notifications/enabled");
const QString kExtraConnectionsKey = QStringLiteral("connection/more");
constexpr int kMessageMs = 4000;
constexpr int kActionSummaryMs = 30000;

} // namespace

MainWindow::MainWindow(const MainWindowSetup &setup, QWidget *parent)
    : QMainWindow(parent)
    , m_settings(setup.settings)
    , m_choices(setup.choices)
    , m_keychain(setup.keychain)
    , m_session(setup.session ? setup.session : new models::FleetSession(setup.network, this))
    , m_pendingScheduler(setup.schedulerName)
    , m_network(setup.network)
    , m_openUrl(setup.openUrl)
{
    setObjectName(QStringLiteral("mainWindow"));
    // Before anything resolves: a role with mfa_serial asks here for its code.
    m_mfaPrompter = new MfaPrompter(this);
    m_choices->resolver()->setMfaPrompt(m_mfaPrompter->prompt());
    m_fleetView = new FleetView(this);
    m_fleetView->setObjectName(QStringLiteral("fleetViewWidget"));
    m_fleetView->setModel(m_session->model());
    m_detailsView = setup.details ? new SchedulerDetailsView(setup.details, this)
                                  : new SchedulerDetailsView(this);
    m_detailsView->setObjectName(QStringLiteral("schedulerDetailsViewWidget"));
    // The window's Refresh (F5, Ctrl+R) refreshes the fleet and this form together; the form's
    // own button still refreshes the form alone. One owner per key, or Qt would fire neither.
    m_detailsView->refreshAction()->setShortcuts({});
    m_dashboardView = new DashboardView(this);
    m_dashboardView->setModel(m_session->model());
    m_session->setDetailsController(m_detailsView->controller());

    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->setObjectName(QStringLiteral("fleetSplitter"));
    m_splitter->addWidget(m_fleetView);
    models::SchedulerResultsSources *resultsSources = setup.resultsSources;
    if (!resultsSources) {
        m_ownResultsSources = new models::S3ResultsSources(setup.network, setup.resultsCache, this);
        resultsSources = m_ownResultsSources;
    }
    m_historyTab = new ExecutionHistoryTab(m_detailsView->controller(), this);
    m_eventsTab = new SchedulerEventsTab(m_detailsView->controller(), this);
    m_resultsTab = new SchedulerResultsTab(m_detailsView->controller(), resultsSources, this);
    m_schedulerTabs = new QTabWidget(this);
    m_schedulerTabs->setObjectName(QStringLiteral("schedulerTabs"));
    m_schedulerTabs->setDocumentMode(true);
    // In the order of options::SchedulerTab.
    m_schedulerTabs->addTab(m_detailsView, QString());
    m_schedulerTabs->addTab(m_historyTab, QString());
    m_schedulerTabs->addTab(m_eventsTab, QString());
    m_schedulerTabs->addTab(m_resultsTab, QString());
    m_splitter->addWidget(m_schedulerTabs);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
    m_splitter->setChildrenCollapsible(false);
    m_pages = new QStackedWidget(this);
    m_pages->setObjectName(QStringLiteral("pagesStackedWidget"));
    m_pages->addWidget(m_splitter);
    m_pages->addWidget(m_dashboardView);
    setCentralWidget(m_pages);

    m_actionController
        = new models::SchedulerActionController(m_session, m_detailsView->controller(), this);
    m_schedulerActions = new SchedulerActions(m_actionController, m_fleetView, m_detailsView, this);
    m_detailsView->addHeaderActions(
        { m_schedulerActions->startShownAction(), m_schedulerActions->stopShownAction() });
    auto *separator = new QAction(this);
    separator->setSeparator(true);
    m_fleetView->tableView()->addActions(
        { separator, m_schedulerActions->startAction(), m_schedulerActions->stopAction() });

    m_tray = new TrayNotifier(this);
    createActions();
    createToolBar();
    createMenus();
    createStatusBar();
    connectSession();
    retranslate();
    resize(1280, 800);
    restoreSettings();

    if (setup.refreshIntervalSeconds)
        m_session->refreshController()->setInterval(
            std::chrono::seconds(*setup.refreshIntervalSeconds));
    m_intervalComboBox->setInterval(m_session->refreshController()->interval());

    const std::optional<ProfileChoice> saved
        = ProfileChoice::fromSettingsValue(m_settings->value(kProfileKey).toString());
    m_choice = setup.demo ? ProfileChoice::demo() : m_choices->initialChoice(saved);
    if (!m_choices->commandLine().region.isEmpty()) {
        m_region = m_choices->commandLine().region;
        m_regionOrigin = m_choices->commandLine().regionOrigin;
    } else {
        m_region = m_settings->value(kRegionKey).toString();
        m_regionOrigin = tr("the region picker (saved)");
    }
    if (!setup.connections.isEmpty()) {
        m_choice = ProfileChoice::profile(setup.connections.first().profile);
        m_region = setup.connections.first().region;
        m_regionOrigin = QStringLiteral("--connection");
        m_extraConnections = setup.connections.mid(1);
        saveExtraConnections();
    } else if (!setup.demo && m_choices->commandLine().profile.isEmpty()
        && m_choices->commandLine().region.isEmpty()) {
        // A remembered entry that no longer reads (edited settings) is left out, not fatal.
        for (const QString &text : m_settings->value(kExtraConnectionsKey).toStringList()) {
            if (const auto spec = options::parseConnectionSpec(text))
                m_extraConnections.append(spec.value());
        }
    }
    reloadProfiles();
    if (!m_pendingScheduler.isEmpty())
        m_detailsView->showScheduler(m_pendingScheduler);
    showSchedulerTab(setup.schedulerTab);
    if (setup.wall) {
        m_dashboardAction->setChecked(true);
        m_fullScreenAction->setChecked(true);
    }
    nameQtOwnControls(this);
    connectWithChoice();
    connectExtraConnections();
}

MainWindow::~MainWindow()
{
    m_choices->resolver()->setMfaPrompt({});
    m_mfaPrompter->cancelAll();
    // The session may be the caller's: it must not keep a pointer to this window's form.
    m_session->setDetailsController(nullptr);
}

// ---- building ----------------------------------------------------------------------------

void MainWindow::createActions()
{
    m_refreshAction = new QAction(this);
    m_refreshAction->setObjectName(QStringLiteral("refreshFleetAction"));
    m_refreshAction->setShortcuts({ QKeySequence(Qt::Key_F5), QKeySequence(Qt::CTRL | Qt::Key_R) });
    m_refreshAction->setIcon(style()->standardIcon(QStyle::SP_BrowserReload));
    connect(m_refreshAction, &QAction::triggered, this, &MainWindow::refreshNow);

    m_pauseAction = new QAction(this);
    m_pauseAction->setObjectName(QStringLiteral("pauseAction"));
    m_pauseAction->setCheckable(true);
    m_pauseAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
    connect(m_pauseAction, &QAction::toggled, this, [this](bool paused) {
        m_session->refreshController()->setPaused(paused);
        retranslate();
    });

    m_dashboardAction = new QAction(this);
    m_dashboardAction->setObjectName(QStringLiteral("dashboardAction"));
    m_dashboardAction->setCheckable(true);
    m_dashboardAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_D));
    m_dashboardAction->setIcon(style()->standardIcon(QStyle::SP_FileDialogListView));
    connect(m_dashboardAction, &QAction::toggled, this, &MainWindow::setDashboardShown);

    m_fullScreenAction = new QAction(this);
    m_fullScreenAction->setObjectName(QStringLiteral("fullScreenAction"));
    m_fullScreenAction->setCheckable(true);
    m_fullScreenAction->setShortcut(QKeySequence(Qt::Key_F11));
    connect(m_fullScreenAction, &QAction::toggled, this, &MainWindow::setFullScreen);

    m_leaveFullScreenAction = new QAction(this);
    m_leaveFullScreenAction->setObjectName(QStringLiteral("leaveFullScreenAction"));
    m_leaveFullScreenAction->setShortcut(QKeySequence(Qt::Key_Escape));
    // Only while full screen, so Esc keeps its usual meaning otherwise.
    m_leaveFullScreenAction->setEnabled(false);
    connect(m_leaveFullScreenAction, &QAction::triggered, this,
        [this] { m_fullScreenAction->setChecked(false); });

    m_notificationsAction = new QAction(this);
    m_notificationsAction->setObjectName(QStringLiteral("notificationsAction"));
    m_notificationsAction->setCheckable(true);
    m_notificationsAction->setEnabled(TrayNotifier::isAvailable());
    connect(m_notificationsAction, &QAction::toggled, m_tray, &TrayNotifier::setEnabled);
    connect(m_tray, &TrayNotifier::activated, this, [this] {
        showNormal();
        raise();
        activateWindow();
    });

    m_manageProfilesAction = new QAction(this);
    m_manageProfilesAction->setObjectName(QStringLiteral("manageProfilesAction"));
    m_manageProfilesAction->setVisible(m_keychain != nullptr);
    connect(m_manageProfilesAction, &QAction::triggered, this, &MainWindow::manageProfiles);

    m_connectionsAction = new QAction(this);
    m_connectionsAction->setObjectName(QStringLiteral("connectionsAction"));
    connect(m_connectionsAction, &QAction::triggered, this, &MainWindow::editConnections);

    m_connectionDetailsAction = new QAction(this);
    m_connectionDetailsAction->setObjectName(QStringLiteral("connectionDetailsAction"));
    m_connectionDetailsAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    connect(
        m_connectionDetailsAction, &QAction::triggered, this, &MainWindow::showConnectionDetails);

    m_ssoSignInAction = new QAction(this);
    m_ssoSignInAction->setObjectName(QStringLiteral("ssoSignInAction"));
    m_ssoSignInAction->setEnabled(false);
    connect(m_ssoSignInAction, &QAction::triggered, this, [this] { signIn(0); });

    m_shortcutsAction = new QAction(this);
    m_shortcutsAction->setObjectName(QStringLiteral("keyboardShortcutsAction"));
    m_shortcutsAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Slash));
    connect(m_shortcutsAction, &QAction::triggered, this, &MainWindow::showShortcuts);

    m_detailsTabAction = new QAction(this);
    m_detailsTabAction->setObjectName(QStringLiteral("detailsTabAction"));
    m_detailsTabAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_1));
    connect(m_detailsTabAction, &QAction::triggered, this,
        [this] { showSchedulerTab(options::SchedulerTab::Details); });
    m_historyTabAction = new QAction(this);
    m_historyTabAction->setObjectName(QStringLiteral("historyTabAction"));
    m_historyTabAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_2));
    connect(m_historyTabAction, &QAction::triggered, this,
        [this] { showSchedulerTab(options::SchedulerTab::History); });
    m_eventsTabAction = new QAction(this);
    m_eventsTabAction->setObjectName(QStringLiteral("eventsTabAction"));
    m_eventsTabAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_3));
    connect(m_eventsTabAction, &QAction::triggered, this,
        [this] { showSchedulerTab(options::SchedulerTab::Events); });
    m_resultsTabAction = new QAction(this);
    m_resultsTabAction->setObjectName(QStringLiteral("resultsTabAction"));
    m_resultsTabAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_4));
    connect(m_resultsTabAction, &QAction::triggered, this,
        [this] { showSchedulerTab(options::SchedulerTab::Results); });

    m_aboutAction = new QAction(this);
    m_aboutAction->setObjectName(QStringLiteral("aboutAction"));
    connect(m_aboutAction, &QAction::triggered, this, &MainWindow::showAbout);

    m_quitAction = new QAction(this);
    m_quitAction->setObjectName(QStringLiteral("quitAction"));
    m_quitAction->setShortcut(QKeySequence::Quit);
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);

    // Window-wide shortcuts work even while the menu bar is hidden (full-screen dashboard).
    addActions({ m_refreshAction, m_pauseAction, m_dashboardAction, m_fullScreenAction,
        m_leaveFullScreenAction, m_connectionDetailsAction, m_shortcutsAction, m_detailsTabAction,
        m_historyTabAction, m_eventsTabAction, m_resultsTabAction, m_quitAction });
}

void MainWindow::createToolBar()
{
    m_toolBar = addToolBar(QString());
    m_toolBar->setObjectName(QStringLiteral("mainToolBar"));
    m_toolBar->setMovable(false);
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_connectionBar = new ConnectionBar(m_toolBar);
    m_toolBar->addWidget(m_connectionBar);
    m_toolBar->addSeparator();
    m_toolBar->addAction(m_refreshAction);
    auto *everyLabel = new QLabel(m_toolBar);
    everyLabel->setObjectName(QStringLiteral("intervalLabel"));
    m_intervalComboBox = new RefreshIntervalComboBox(m_toolBar);
    everyLabel->setBuddy(m_intervalComboBox);
    m_toolBar->addWidget(everyLabel);
    m_toolBar->addWidget(m_intervalComboBox);
    m_toolBar->addAction(m_pauseAction);
    m_toolBar->addSeparator();
    m_toolBar->addAction(m_dashboardAction);

    connect(m_connectionBar, &ConnectionBar::profileChosen, this, &MainWindow::chooseProfile);
    connect(m_connectionBar, &ConnectionBar::regionChosen, this, &MainWindow::chooseRegion);
    connect(m_connectionBar, &ConnectionBar::regionRejected, this,
        [this](const QString &problem) { statusBar()->showMessage(problem, kMessageMs); });
    connect(m_connectionBar, &ConnectionBar::detailsRequested, this,
        &MainWindow::showConnectionDetails);
    connect(m_intervalComboBox, &RefreshIntervalComboBox::intervalChosen, this,
        [this](std::chrono::seconds interval) {
            m_session->refreshController()->setInterval(interval);
            m_settings->setValue(kIntervalKey, qint64(interval.count()));
        });
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(QString());
    file->setObjectName(QStringLiteral("fileMenu"));
    file->addActions({ m_manageProfilesAction, m_connectionsAction, m_connectionDetailsAction,
        m_ssoSignInAction });
    file->addSeparator();
    file->addAction(m_quitAction);

    QMenu *edit = menuBar()->addMenu(QString());
    edit->setObjectName(QStringLiteral("editMenu"));
    edit->addActions({ m_fleetView->copyArnsAction(), m_fleetView->copyNamesAction(),
        m_fleetView->copyModelArnsAction() });
    edit->addSeparator();
    edit->addActions({ m_detailsView->copySchedulerArnAction(), m_detailsView->copyJsonAction(),
        m_detailsView->copyCliCommandAction() });
    edit->addSeparator();
    edit->addActions({ m_schedulerActions->startAction(), m_schedulerActions->stopAction() });
    edit->addSeparator();
    edit->addAction(m_fleetView->findAction());

    QMenu *view = menuBar()->addMenu(QString());
    view->setObjectName(QStringLiteral("viewMenu"));
    view->addActions({ m_refreshAction, m_pauseAction });
    view->addSeparator();
    view->addActions({ m_dashboardAction, m_fullScreenAction });
    view->addSeparator();
    view->addActions(
        { m_detailsTabAction, m_historyTabAction, m_eventsTabAction, m_resultsTabAction });
    view->addSeparator();
    view->addAction(m_notificationsAction);

    QMenu *help = menuBar()->addMenu(QString());
    help->setObjectName(QStringLiteral("helpMenu"));
    help->addActions({ m_shortcutsAction, m_aboutAction });
}

void MainWindow::createStatusBar()
{
    m_refreshStatusLabel = new RefreshStatusLabel(this);
    m_refreshStatusLabel->watch(m_session->refreshController(), m_session->loader());
    m_connectionLabel = new QLabel(this);
    m_connectionLabel->setTextFormat(Qt::PlainText);
    m_connectionLabel->setObjectName(QStringLiteral("connectionStatusLabel"));
    m_connectionsStatusLabel = new ConnectionsStatusLabel(this);
    m_connectionsStatusLabel->setClock(m_session->refreshController()->clock());
    m_connectionsStatusLabel->hide();
    statusBar()->addPermanentWidget(m_refreshStatusLabel);
    statusBar()->addPermanentWidget(m_connectionsStatusLabel);
    statusBar()->addPermanentWidget(m_connectionLabel);
    const auto message
        = [this](const QString &text) { statusBar()->showMessage(text, kMessageMs); };
    connect(m_fleetView, &FleetView::statusMessage, this, message);
    connect(m_detailsView, &SchedulerDetailsView::statusMessage, this, message);
    connect(m_resultsTab->pane(), &ResultsPane::statusMessage, this, message);
    // A run's summary can name several schedulers and reasons: it stays longer.
    connect(m_schedulerActions, &SchedulerActions::statusMessage, this,
        [this](const QString &text) { statusBar()->showMessage(text, kActionSummaryMs); });
}

void MainWindow::connectSession()
{
    connect(m_session, &models::FleetSession::connectionChanged, this,
        &MainWindow::updateConnectionState);
    connect(m_session, &models::FleetSession::refreshFinished, this, [this] {
        showRefreshOutcome();
        updateSignInOffer();
        updateConnectionsStatus();
    });
    connect(m_fleetView->errorBanner(), &ErrorBanner::signInRequested, this, [this] {
        if (m_signInSource >= 0)
            signIn(m_signInSource);
    });
    for (ErrorBanner *banner : schedulerBanners()) {
        connect(banner, &ErrorBanner::signInRequested, this,
            [this] { signIn(m_session->detailsConnection()); });
    }
    connect(m_session, &models::FleetSession::connectionNeeded, this, [this] {
        m_choices->reload();
        connectWithChoice();
    });
    connect(m_session->loader(), &models::FleetLoader::loadingChanged, m_fleetView,
        &FleetView::setLoading);
    connect(m_session->notifier(), &models::StatusChangeNotifier::alertRaised, m_tray,
        &TrayNotifier::notify);
    connect(m_session->model(), &QAbstractItemModel::rowsInserted, this, [this] {
        // --scheduler NAME: select its row as soon as a page brings it.
        if (!m_pendingScheduler.isEmpty() && m_fleetView->selectScheduler(m_pendingScheduler))
            m_pendingScheduler.clear();
    });
    connect(
        m_fleetView, &FleetView::currentSchedulerChanged, this, &MainWindow::showCurrentScheduler);
    connect(m_fleetView, &FleetView::retryRequested, this, &MainWindow::refreshNow);
    connect(m_dashboardView, &DashboardView::schedulerActivated, this, [this](const QString &name) {
        m_dashboardAction->setChecked(false);
        // The tile activated is the current one; its row says which connection it belongs to.
        const QModelIndex tile = m_dashboardView->proxyModel()->mapToSource(
            m_dashboardView->tileView()->currentIndex());
        const int source = std::max(0, m_session->model()->sourceAt(tile.row()));
        if (!m_fleetView->selectScheduler(name, source))
            m_detailsView->showScheduler(name);
        m_fleetView->tableView()->setFocus();
    });
}

void MainWindow::retranslate()
{
    if (m_session->connectionCount() > 1)
        setWindowTitle(tr("Lookout Desk — %n connections", nullptr, m_session->connectionCount()));
    else
        setWindowTitle(m_session->isConnected()
                ? tr("Lookout Desk — %1").arg(m_session->connectionLabel())
                : tr("Lookout Desk"));
    setAccessibleName(tr("Lookout Desk main window"));
    m_toolBar->setWindowTitle(tr("Main toolbar"));
    m_toolBar->setAccessibleName(tr("Main toolbar"));
    if (auto *label = m_toolBar->findChild<QLabel *>(QStringLiteral("intervalLabel")))
        label->setText(tr("E&very:"));
    m_refreshAction->setText(tr("&Refresh"));
    m_refreshAction->setToolTip(tr("Refresh the fleet and the open scheduler (F5, Ctrl+R)"));
    const bool paused = m_pauseAction->isChecked();
    m_pauseAction->setText(paused ? tr("Paused") : tr("&Pause"));
    m_pauseAction->setIconText(paused ? tr("Paused") : tr("Pause"));
    m_pauseAction->setIcon(
        style()->standardIcon(paused ? QStyle::SP_MediaPlay : QStyle::SP_MediaPause));
    m_pauseAction->setToolTip(paused ? tr("Auto-refresh is paused: click to resume (Ctrl+Shift+P)")
                                     : tr("Pause auto-refresh (Ctrl+Shift+P)"));
    m_dashboardAction->setText(tr("&Dashboard"));
    m_dashboardAction->setToolTip(
        tr("Show the dashboard: one large tile per scheduler (Ctrl+D; F11 for full screen)"));
    m_fullScreenAction->setText(tr("&Full Screen"));
    m_leaveFullScreenAction->setText(tr("Leave Full Screen"));
    m_notificationsAction->setText(tr("Desktop &Notifications"));
    m_notificationsAction->setToolTip(TrayNotifier::isAvailable()
            ? tr("Notify when a scheduler turns ANOMALOUS or stops running")
            : tr("This desktop has no system tray to notify through"));
    m_manageProfilesAction->setText(tr("&Manage Profiles…"));
    m_connectionsAction->setText(tr("Co&nnections…"));
    m_connectionsAction->setToolTip(
        tr("Watch further profiles and regions on the same fleet table and dashboard"));
    m_connectionDetailsAction->setText(tr("&Connection Details…"));
    m_ssoSignInAction->setText(tr("&Sign In to IAM Identity Center…"));
    m_ssoSignInAction->setToolTip(
        tr("Sign in for the profile in the toolbar, when it uses IAM Identity Center"));
    m_shortcutsAction->setText(tr("&Keyboard Shortcuts"));
    m_detailsTabAction->setText(tr("&Scheduler Details"));
    m_historyTabAction->setText(tr("Scheduler &History"));
    m_eventsTabAction->setText(tr("Scheduler &Events"));
    m_resultsTabAction->setText(tr("Scheduler Res&ults"));
    m_schedulerActions->retranslate();
    m_schedulerTabs->setTabText(m_schedulerTabs->indexOf(m_detailsView), tr("Details"));
    m_schedulerTabs->setTabText(m_schedulerTabs->indexOf(m_historyTab), tr("History"));
    m_schedulerTabs->setTabText(m_schedulerTabs->indexOf(m_eventsTab), tr("Events"));
    m_schedulerTabs->setTabText(m_schedulerTabs->indexOf(m_resultsTab), tr("Results"));
    m_schedulerTabs->setAccessibleName(tr("Scheduler"));
    m_schedulerTabs->tabBar()->setAccessibleName(tr("Scheduler tabs"));
    m_aboutAction->setText(tr("&About Lookout Desk"));
    m_quitAction->setText(tr("&Quit"));
    const QList<QMenu *> menus
        = menuBar()->findChildren<QMenu *>(QString(), Qt::FindDirectChildrenOnly);
    for (QMenu *menu : menus) {
        if (menu->objectName() == QLatin1String("fileMenu"))
            menu->setTitle(tr("&File"));
        else if (menu->objectName() == QLatin1String("editMenu"))
            menu->setTitle(tr("&Edit"));
        else if (menu->objectName() == QLatin1String("viewMenu"))
            menu->setTitle(tr("&View"));
        else if (menu->objectName() == QLatin1String("helpMenu"))
            menu->setTitle(tr("&Help"));
    }
    m_connectionLabel->setAccessibleName(tr("Connection"));
    m_connectionLabel->setText(connectionStatusText());
    const auto &error = m_session->configurationError();
    m_connectionLabel->setToolTip(error ? plainToolTip(error->toString()) : QString());
    updateConnectionsStatus();
}

QString MainWindow::labelOf(int source) const
{
    const QString label = m_session->connection(source)->label();
    if (!label.isEmpty())
        return label;
    if (source == 0)
        return m_connectionBar->profilePicker()->currentText();
    if (source - 1 >= m_extraConnections.size())
        return {};
    const options::ConnectionSpec &spec = m_extraConnections.at(source - 1);
    return spec.region.isEmpty() ? spec.profile
                                 : spec.profile + QStringLiteral(" · ") + spec.region;
}

QList<models::ConnectionStatus> MainWindow::connectionStatuses() const
{
    QList<models::ConnectionStatus> statuses;
    statuses.reserve(m_session->connectionCount());
    for (int source = 0; source < m_session->connectionCount(); ++source) {
        models::ConnectionStatus status = m_session->connection(source)->status();
        status.label = labelOf(source);
        statuses.append(std::move(status));
    }
    return statuses;
}

void MainWindow::updateConnectionsStatus()
{
    const int count = m_session->connectionCount();
    m_connectionsStatusLabel->setConnections(
        count > 1 ? connectionStatuses() : QList<models::ConnectionStatus>());
    m_connectionsStatusLabel->setVisible(count > 1);
    m_connectionLabel->setVisible(count <= 1);
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    if (event->type() == QEvent::WindowStateChange) {
        updateVisibility();
        // Leaving full screen by other means (the window manager) unchecks the action.
        const QSignalBlocker blocker(m_fullScreenAction);
        m_fullScreenAction->setChecked(isFullScreen());
        m_leaveFullScreenAction->setEnabled(isFullScreen());
    }
    QMainWindow::changeEvent(event);
}

void MainWindow::showEvent(QShowEvent *event)
{
    QMainWindow::showEvent(event);
    updateVisibility();
}

void MainWindow::hideEvent(QHideEvent *event)
{
    QMainWindow::hideEvent(event);
    updateVisibility();
}

void MainWindow::updateVisibility()
{
    m_session->refreshController()->setWindowVisible(isVisible() && !isMinimized());
}

// ---- settings ----------------------------------------------------------------------------

void MainWindow::restoreSettings()
{
    restoreGeometry(m_settings->value(kGeometryKey).toByteArray());
    restoreState(m_settings->value(kStateKey).toByteArray());
    m_splitter->restoreState(m_settings->value(kSplitterKey).toByteArray());
    m_fleetView->restoreHeaderState(m_settings->value(kHeaderKey).toByteArray());
    const QVariant interval = m_settings->value(kIntervalKey);
    if (interval.isValid())
        m_session->refreshController()->setInterval(
            std::chrono::seconds(std::max<qint64>(0, interval.toLongLong())));
    m_notificationsAction->setChecked(
        m_notificationsAction->isEnabled() && m_settings->value(kNotificationsKey, false).toBool());
    m_dashboardAction->setChecked(m_settings->value(kDashboardKey, false).toBool());
}

void MainWindow::saveSettings() const
{
    m_settings->setValue(kGeometryKey, saveGeometry());
    m_settings->setValue(kStateKey, saveState());
    m_settings->setValue(kSplitterKey, m_splitter->saveState());
    m_settings->setValue(kHeaderKey, m_fleetView->saveHeaderState());
    m_settings->setValue(kProfileKey, m_choice.toSettingsValue());
    // Only a region picked in the window is remembered; --region applies to one run.
    if (m_regionOrigin != m_choices->commandLine().regionOrigin
        || m_region != m_choices->commandLine().region)
        m_settings->setValue(kRegionKey, m_region);
    m_settings->setValue(kNotificationsKey, m_notificationsAction->isChecked());
    m_settings->setValue(kDashboardKey, isDashboardShown());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (isFullScreen())
        setFullScreen(false);
    saveSettings();
    QMainWindow::closeEvent(event);
}

// ---- connection --------------------------------------------------------------------------

void MainWindow::chooseProfile(const ProfileChoice &choice)
{
    m_choice = choice;
    m_connectionBar->profilePicker()->setCurrentChoice(choice);
    connectWithChoice();
}

void MainWindow::chooseRegion(const QString &region)
{
    m_region = region;
    m_regionOrigin = tr("the region picker");
    connectWithChoice();
}

void MainWindow::reloadProfiles()
{
    m_connectionBar->profilePicker()->setProfiles(m_choices->profiles(),
        m_choices->environmentHasCredentials(), m_choices->demo() != nullptr);
    m_connectionBar->profilePicker()->setCurrentChoice(m_choice);
}

void MainWindow::showSchedulerTab(options::SchedulerTab tab)
{
    if (m_dashboardAction->isChecked())
        m_dashboardAction->setChecked(false);
    m_schedulerTabs->setCurrentIndex(static_cast<int>(tab));
}

void MainWindow::connectWithChoice()
{
    const aws::Result<ResolvedChoice> resolved
        = m_choices->resolve(m_choice, m_region, m_regionOrigin);
    if (resolved.ok())
        m_session->connectTo(resolved.value().config, resolved.value().label);
    else
        m_session->setConfigurationError(resolved.error());
    // After the session: the details form has dropped the old connection's description, so the
    // Results tab waits for the new one before it opens a location.
    if (m_session->detailsConnection() == 0)
        connectResultsSources();
}

void MainWindow::showCurrentScheduler(const QString &name)
{
    m_pendingScheduler.clear();
    // The details, their tabs and Start/Stop talk to the account and region of the chosen row.
    const int source = std::max(0, m_fleetView->currentSchedulerSource());
    if (source != m_session->detailsConnection()) {
        m_session->setDetailsConnection(source);
        connectResultsSources();
        updateSignInOffer();
    }
    m_detailsView->showScheduler(name);
}

void MainWindow::setExtraConnections(const QList<options::ConnectionSpec> &connections)
{
    if (connections == m_extraConnections)
        return;
    m_extraConnections = connections;
    saveExtraConnections();
    connectExtraConnections();
}

void MainWindow::saveExtraConnections() const
{
    QStringList texts;
    for (const options::ConnectionSpec &spec : m_extraConnections)
        texts.append(spec.toText());
    m_settings->setValue(kExtraConnectionsKey, texts);
}

void MainWindow::connectResultsSources()
{
    if (!m_ownResultsSources)
        return;
    const int source = m_session->detailsConnection();
    const bool connected = m_session->connection(source)->isConnected();
    if (!connected) {
        m_ownResultsSources->clearConnection();
    } else if (source == 0) {
        m_ownResultsSources->setConnection(
            m_choices->resolveResults(m_choice, m_region, m_regionOrigin));
    } else {
        const options::ConnectionSpec &spec = m_extraConnections[source - 1];
        m_ownResultsSources->setConnection(m_choices->resolveResults(
            ProfileChoice::profile(spec.profile), spec.region, QStringLiteral("--connection")));
    }
}

void MainWindow::connectExtraConnections()
{
    const int detailsSource = m_session->detailsConnection();
    m_session->setConnectionCount(1 + int(m_extraConnections.size()));
    if (m_session->detailsConnection() != detailsSource)
        connectResultsSources();
    for (qsizetype i = 0; i < m_extraConnections.size(); ++i) {
        const options::ConnectionSpec &spec = m_extraConnections[i];
        const aws::Result<ResolvedChoice> resolved = m_choices->resolve(
            ProfileChoice::profile(spec.profile), spec.region, QStringLiteral("--connection"));
        const int source = int(i) + 1;
        const models::FleetConnection *connection = m_session->connection(source);
        if (!resolved.ok()) {
            m_session->setConfigurationError(source, resolved.error());
            continue;
        }
        // The same profile and region stay connected, with their rows and backoff.
        if (connection->connectedClient() && !connection->configurationError()
            && connection->connectedClient()->config().profile.value
                == resolved.value().config.profile.value
            && connection->connectedClient()->config().region.value
                == resolved.value().config.region.value
            && connection->connectedClient()->config().endpoint == resolved.value().config.endpoint)
            continue;
        m_session->connectTo(source, resolved.value().config, resolved.value().label);
    }
    updateConnectionState();
}

QString MainWindow::connectionStatusText() const
{
    if (m_session->connectionCount() > 1) {
        QStringList labels;
        for (int source = 0; source < m_session->connectionCount(); ++source) {
            const QString label = m_session->connection(source)->label();
            if (!label.isEmpty())
                labels.append(label);
        }
        if (!labels.isEmpty())
            return tr("Connected: %1").arg(labels.join(QStringLiteral(", ")));
    }
    if (m_session->isConnected())
        return tr("Connected: %1").arg(m_session->connectionLabel());
    return tr("Not connected");
}

void MainWindow::updateConnectionState()
{
    const bool demo = m_choice.kind == ProfileChoice::Kind::Demo;
    m_connectionBar->profilePicker()->setCurrentChoice(m_choice);
    if (const models::ConnectedClient *client = m_session->connectedClient())
        m_connectionBar->regionPicker()->setRegion(client->config().region.value);
    else
        m_connectionBar->regionPicker()->setRegion(m_region);
    m_connectionBar->setRegionFixed(demo,
        tr("The demo endpoint serves one region; start it with --demo --region to "
           "choose another"));
    m_fleetView->clearError();
    m_dashboardView->setRefreshProblem(QString());
    if (m_session->connectionCount() > 1) {
        showRefreshOutcome();
        updateSignInOffer();
        retranslate();
        return;
    }
    if (const auto &error = m_session->configurationError()) {
        const QString headline = tr("Not connected.") + QLatin1Char(' ') + hintFor(*error, 0);
        m_fleetView->showError(headline, error->toString());
        m_dashboardView->setRefreshProblem(error->toString());
    }
    updateSignInOffer();
    retranslate();
}

QString MainWindow::hintFor(const aws::AwsError &error)
{
    using Kind = aws::AwsError::Kind;
    using Setting = aws::AwsError::Setting;
    switch (error.kind) {
    case Kind::Credentials:
        return tr(
            "No usable keys: choose another profile, or add one with File → Manage Profiles.");
    case Kind::Configuration:
        switch (error.setting) {
        case Setting::Region:
            return tr("Choose a region in the toolbar.");
        case Setting::Profile:
            return tr(
                "Choose another profile in the toolbar, or create it with File → Manage Profiles.");
        case Setting::Endpoint:
        case Setting::Retries:
        case Setting::SharedFile: // the details list the file's problems
        case Setting::Unspecified:
            break;
        }
        return tr("Check the connection details (Ctrl+I).");
    case Kind::Network:
    case Kind::Timeout:
    case Kind::Tls:
        return tr("Check the endpoint and the network, then press Retry.");
    case Kind::Service:
        if (error.isThrottling())
            return tr(
                "The service is throttling: automatic refreshes slow down until one succeeds.");
        if (error.isAccessDenied() || error.isExpiredToken() || error.isSignatureOrClockProblem())
            return tr(
                "The profile's keys are not accepted here: choose another profile or region.");
        return tr("Press Retry, or wait for the next automatic refresh.");
    default:
        return tr("Press Retry, or wait for the next automatic refresh.");
    }
}

void MainWindow::showRefreshOutcome()
{
    if (m_session->connectionCount() > 1) {
        // One line per failing connection; the others' rows are current.
        const QStringList problems = m_session->connectionProblems();
        if (problems.isEmpty()) {
            m_fleetView->clearError();
            m_dashboardView->setRefreshProblem(QString());
            return;
        }
        const QString headline = tr(
            "%n of %1 connections failing; their rows are stale.", nullptr, int(problems.size()))
                                     .arg(m_session->connectionCount());
        m_fleetView->showError(headline, problems.join(QLatin1Char('\n')));
        m_dashboardView->setRefreshProblem(problems.join(QLatin1Char('\n')));
        return;
    }
    const auto &error = m_session->refreshError();
    if (!error) {
        m_fleetView->clearError();
        m_dashboardView->setRefreshProblem(QString());
        return;
    }
    const models::SchedulerListModel *model = m_session->model();
    QString headline;
    if (model->rowCount() > 0 && model->lastCompleteRefresh().isValid()) {
        headline = tr("Could not refresh the fleet; showing the data of %1.")
                       .arg(models::clockTimeText(model->lastCompleteRefresh()));
    } else {
        headline = tr("Could not load the fleet.");
    }
    m_fleetView->showError(headline + QLatin1Char(' ') + hintFor(*error, 0), error->toString());
    m_dashboardView->setRefreshProblem(error->toString());
}

QString MainWindow::profileOf(int source) const
{
    if (source < 0 || source >= m_session->connectionCount())
        return {};
    if (const models::ConnectedClient *client = m_session->connection(source)->connectedClient())
        return client->config().profile.value;
    if (source == 0)
        return m_choice.kind == ProfileChoice::Kind::Profile ? m_choice.name : QString();
    return source - 1 < m_extraConnections.size() ? m_extraConnections.at(source - 1).profile
                                                  : QString();
}

QString MainWindow::hintFor(const aws::AwsError &error, int source) const
{
    if (signInWouldHelp(error, source))
        return tr("Sign in to IAM Identity Center with Sign In.");
    return hintFor(error);
}

bool MainWindow::signInWouldHelp(const aws::AwsError &error, int source) const
{
    if (error.kind != aws::AwsError::Kind::Credentials)
        return false;
    const QString profile = profileOf(source);
    return !profile.isEmpty() && SsoSignInDialog::targetFor(*m_choices->resolver(), profile).ok();
}

void MainWindow::updateSignInOffer()
{
    m_signInSource = -1;
    for (int source = 0; source < m_session->connectionCount() && m_signInSource < 0; ++source) {
        const models::FleetConnection *connection = m_session->connection(source);
        const std::optional<aws::AwsError> &error = connection->currentError();
        if (error && signInWouldHelp(*error, source))
            m_signInSource = source;
    }
    m_fleetView->errorBanner()->offerSignIn(
        m_signInSource >= 0 ? profileOf(m_signInSource) : QString());
    // The tabs show the selected scheduler's connection: their credential errors offer its sign-in.
    const QString detailsProfile = profileOf(m_session->detailsConnection());
    const bool detailsSignsIn = !detailsProfile.isEmpty()
        && SsoSignInDialog::targetFor(*m_choices->resolver(), detailsProfile).ok();
    for (ErrorBanner *banner : schedulerBanners())
        banner->setSignInProfile(detailsSignsIn ? detailsProfile : QString());
    const QString first = profileOf(0);
    m_ssoSignInAction->setEnabled(
        !first.isEmpty() && SsoSignInDialog::targetFor(*m_choices->resolver(), first).ok());
}

QList<ErrorBanner *> MainWindow::schedulerBanners() const
{
    return { m_detailsView->errorBanner(), m_historyTab->errorBanner(), m_eventsTab->errorBanner(),
        m_resultsTab->pane()->errorBanner() };
}

void MainWindow::signIn(int source)
{
    const QString profile = profileOf(source);
    const aws::Result<SsoSignInTarget> target
        = SsoSignInDialog::targetFor(*m_choices->resolver(), profile);
    if (!target.ok()) {
        statusBar()->showMessage(target.error().toString(), kMessageMs);
        return;
    }
    SsoSignInDialog::openFor(
        target.value(), m_network, m_openUrl, this, [this, source] { refreshAfterSignIn(source); });
}

void MainWindow::refreshAfterSignIn(int source)
{
    if (source < m_session->connectionCount()) {
        models::FleetConnection *connection = m_session->connection(source);
        if (const models::ConnectedClient *client = connection->connectedClient()) {
            // The chain reads the token the sign-in just cached.
            client->config().credentials->invalidate();
            connection->refreshController()->refreshNow();
            if (source == m_session->detailsConnection())
                retrySchedulerTabs();
            return;
        }
    }
    refreshNow();
}

void MainWindow::retrySchedulerTabs()
{
    // The Results tab resolves S3's credentials again (and reloads if shown); the others try again
    // what the sign-in could end.
    connectResultsSources();
    for (ErrorBanner *banner :
        { m_detailsView->errorBanner(), m_historyTab->errorBanner(), m_eventsTab->errorBanner() }) {
        if (banner->signInButton()->isVisibleTo(banner))
            banner->retry();
    }
}

void MainWindow::refreshNow()
{
    if (!m_session->isConnected()) {
        // Perhaps the files or the keychain were fixed since: resolve again.
        m_choices->reload();
        reloadProfiles();
        connectWithChoice();
        connectExtraConnections();
        m_session->refreshAll();
        return;
    }
    if (!m_session->refreshAll())
        statusBar()->showMessage(tr("A refresh is already running"), kMessageMs);
}

// ---- views -------------------------------------------------------------------------------

bool MainWindow::isDashboardShown() const
{
    return m_pages->currentWidget() == m_dashboardView;
}

void MainWindow::setDashboardShown(bool shown)
{
    if (m_dashboardAction->isChecked() != shown) {
        m_dashboardAction->setChecked(shown); // comes back here through toggled
        return;
    }
    m_pages->setCurrentWidget(shown ? static_cast<QWidget *>(m_dashboardView) : m_splitter);
    if (shown)
        m_dashboardView->setFocus(Qt::OtherFocusReason);
    setFullScreen(isFullScreen());
}

void MainWindow::setFullScreen(bool fullScreen)
{
    // A full-screen dashboard is a wall display: nothing but the counts and tiles.
    const bool bare = fullScreen && isDashboardShown();
    menuBar()->setVisible(!bare);
    m_toolBar->setVisible(!bare);
    statusBar()->setVisible(!bare);
    if (fullScreen != isFullScreen()) {
        // The window manager sizes a full-screen window; a kiosk's X session may have none, so
        // the window covers its screen itself and gets its own size back afterwards.
        if (fullScreen) {
            m_normalGeometry = geometry();
            showFullScreen(); // Qt keeps the normal geometry to save and restore from here
            setGeometry(screen()->geometry());
        } else {
            showNormal();
            if (m_normalGeometry.isValid())
                setGeometry(m_normalGeometry);
        }
    }
    m_leaveFullScreenAction->setEnabled(fullScreen);
    const QSignalBlocker blocker(m_fullScreenAction);
    m_fullScreenAction->setChecked(fullScreen);
}

QList<QAction *> MainWindow::shortcutActions() const
{
    QList<QAction *> actions;
    const QList<QAction *> all = findChildren<QAction *>();
    for (QAction *action : all) {
        if (!action->shortcuts().isEmpty())
            actions.append(action);
    }
    return actions;
}

// ---- dialogs -----------------------------------------------------------------------------

void MainWindow::showConnectionDetails()
{
    auto *dialog = new ConnectionDetailsDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setObjectName(QStringLiteral("connectionDetailsDialog"));
    if (m_session->connectionCount() > 1) {
        const QDateTime now = m_session->refreshController()->clock()->now();
        const QList<models::ConnectionStatus> statuses = connectionStatuses();
        QList<ConnectionDetailsDialog::Section> sections;
        for (int source = 0; source < m_session->connectionCount(); ++source) {
            const models::FleetConnection *connection = m_session->connection(source);
            ConnectionDetailsDialog::Section section;
            section.label = statuses.at(source).label;
            section.state = models::connectionStateText(statuses.at(source), now);
            section.accounts = connection->accounts();
            const std::optional<aws::AwsError> &error = connection->currentError();
            if (error) {
                section.error = error->toString();
                // The toolbar's pickers choose only the first connection; the others are File →
                // Connections' to change.
                const bool setting = error->kind == aws::AwsError::Kind::Configuration
                    || error->kind == aws::AwsError::Kind::Credentials;
                section.hint = source > 0 && setting && !signInWouldHelp(*error, source)
                    ? tr("Change or remove it with File → Connections.")
                    : hintFor(*error, source);
            }
            if (const models::ConnectedClient *client = connection->connectedClient())
                section.config = client->config();
            sections.append(std::move(section));
        }
        dialog->setConnections(models::connectionsSummaryText(statuses, now), sections);
    } else if (const models::ConnectedClient *client = m_session->connectedClient()) {
        dialog->setConfig(m_session->connectionLabel(), client->config());
    } else {
        const auto &error = m_session->configurationError();
        dialog->setProblem(m_connectionBar->profilePicker()->currentText(),
            error ? error->toString() : QString(), error ? hintFor(*error) : QString());
    }
    dialog->setFileProblems(aws::problemLines(m_choices->resolver()->problems()));
    connect(dialog, &ConnectionDetailsDialog::statusMessage, this,
        [this](const QString &text) { statusBar()->showMessage(text, kMessageMs); });
    dialog->open();
}

void MainWindow::showShortcuts()
{
    auto *dialog = new KeyboardShortcutsDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setObjectName(QStringLiteral("keyboardShortcutsDialog"));
    // Two Ctrl+C actions work in different places; say where.
    QList<KeyboardShortcutsDialog::Entry> entries
        = KeyboardShortcutsDialog::entriesOf(shortcutActions(), [this](const QAction *action) {
              if (action == m_fleetView->copyArnsAction())
                  return tr("Copy the selected schedulers' ARNs (fleet table)");
              if (action == m_detailsView->copyFocusedValueAction())
                  return tr("Copy the focused value (details form)");
              if (action == m_historyTab->copyJsonAction())
                  return tr("Copy the current execution as JSON (history table)");
              return QString();
          });
    // Keys that belong to widgets rather than to actions.
    entries.append(
        { tr("Clear the filter (in the filter box)"), { QKeySequence(Qt::Key_Escape) } });
    entries.append(
        { tr("Open the scheduler of the current tile or row"), { QKeySequence(Qt::Key_Return) } });
    entries.append({ tr("Next or previous tab of the scheduler (in its pane)"),
        { QKeySequence(Qt::CTRL | Qt::Key_PageDown), QKeySequence(Qt::CTRL | Qt::Key_PageUp) } });
    entries.append({ tr("Context menu of the current row"),
        { QKeySequence(Qt::Key_Menu), QKeySequence(Qt::SHIFT | Qt::Key_F10) } });
    dialog->setEntries(entries);
    dialog->open();
}

void MainWindow::manageProfiles()
{
    if (!m_keychain)
        return;
    auto *dialog = new ProfileDialog(m_keychain, m_choices->resolver()->sharedProfiles(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setObjectName(QStringLiteral("profileDialog"));
    if (m_choice.kind == ProfileChoice::Kind::Profile)
        dialog->editProfile(m_choice.name);
    connect(dialog, &ProfileDialog::profileSaved, this, [this](const QString &name) {
        reloadProfiles();
        chooseProfile(ProfileChoice::profile(name));
    });
    connect(dialog, &ProfileDialog::profileDeleted, this, [this](const QString &name) {
        reloadProfiles();
        if (m_choice == ProfileChoice::profile(name))
            chooseProfile(m_choices->initialChoice(std::nullopt));
    });
    dialog->open();
}

void MainWindow::editConnections()
{
    QStringList profiles;
    for (const aws::ProfileListEntry &entry : m_choices->profiles())
        profiles.append(entry.name);
    auto *dialog = new ConnectionsDialog(profiles, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setConnections(m_extraConnections);
    connect(dialog, &QDialog::accepted, this,
        [this, dialog] { setExtraConnections(dialog->connections()); });
    dialog->open();
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Lookout Desk"),
        tr("Lookout Desk %1\nA viewer for Amazon Lookout for Equipment inference schedulers.")
            .arg(QString::fromLatin1(appinfo::kVersion)));
}

} // namespace ui
