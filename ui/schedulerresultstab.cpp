#include "ui/schedulerresultstab.h"

#include "models/schedulerdetailscontroller.h"
#include "models/schedulerresultssources.h"
#include "results/resultssource.h"
#include "ui/resultspane.h"

#include <QAction>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QStackedWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace ui {

SchedulerResultsTab::SchedulerResultsTab(models::SchedulerDetailsController *controller,
    models::SchedulerResultsSources *sources, QWidget *parent)
    : QWidget(parent)
    , m_controller(controller)
    , m_pages(new QStackedWidget(this))
    , m_message(new QLabel(this))
    , m_pane(new ResultsPane(this))
{
    setObjectName(QStringLiteral("schedulerResultsTab"));
    setAccessibleName(tr("Scheduler results"));
    m_message->setObjectName(QStringLiteral("resultsMessageLabel"));
    m_message->setAccessibleName(tr("Results"));
    m_message->setWordWrap(true);
    m_message->setAlignment(Qt::AlignCenter);
    m_message->setTextFormat(Qt::PlainText);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_message->setFocusPolicy(Qt::StrongFocus);
    m_pages->addWidget(m_message);
    m_pages->addWidget(paneWithActions());
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_pages);

    connect(m_controller, &models::SchedulerDetailsController::stateChanged, this,
        &SchedulerResultsTab::controllerChanged);
    setSources(sources);
    m_name = m_controller->schedulerName();
    reset();
}

SchedulerResultsTab::~SchedulerResultsTab()
{
    // The pane's loader reads the source: it goes first.
    m_pane->setSource(nullptr);
}

void SchedulerResultsTab::setSources(models::SchedulerResultsSources *sources)
{
    if (m_sources)
        disconnect(m_sources, nullptr, this, nullptr);
    m_sources = sources;
    if (m_sources)
        connect(m_sources, &models::SchedulerResultsSources::connectionChanged, this,
            &SchedulerResultsTab::reset);
    reset();
}

// What the Results window has in its menus, as buttons above the pane: the main window's menus
// and shortcuts belong to the fleet and the details form.
QWidget *SchedulerResultsTab::paneWithActions()
{
    m_reloadAction = new QAction(tr("&Reload Results"), this);
    connect(m_reloadAction, &QAction::triggered, m_pane, &ResultsPane::reload);
    m_copyAction = new QAction(tr("Copy &Table as CSV"), this);
    connect(m_copyAction, &QAction::triggered, this,
        [this] { m_pane->copyCsv(ResultsPane::CsvRows::All); });
    m_exportPngAction = new QAction(tr("Export Chart as &PNG…"), this);
    connect(m_exportPngAction, &QAction::triggered, this,
        [this] { m_pane->exportChart(ResultsPane::ChartFormat::Png, m_loadedFor); });
    m_exportSvgAction = new QAction(tr("Export Chart as &SVG…"), this);
    connect(m_exportSvgAction, &QAction::triggered, this,
        [this] { m_pane->exportChart(ResultsPane::ChartFormat::Svg, m_loadedFor); });

    auto *row = new QHBoxLayout;
    row->setContentsMargins(0, 0, 0, 0);
    const auto addButton = [&](QAction *action, const QString &objectName) {
        auto *button = new QToolButton;
        button->setObjectName(objectName);
        button->setDefaultAction(action);
        button->setAccessibleName(action->text().remove(QLatin1Char('&')));
        row->addWidget(button);
        return button;
    };
    addButton(m_reloadAction, QStringLiteral("reloadResultsButton"));
    addButton(m_copyAction, QStringLiteral("copyResultsTableButton"));
    auto *exportMenu = new QMenu(this);
    exportMenu->addAction(m_exportPngAction);
    exportMenu->addAction(m_exportSvgAction);
    auto *exportButton = new QToolButton;
    exportButton->setObjectName(QStringLiteral("exportResultsChartButton"));
    exportButton->setText(tr("&Export Chart"));
    exportButton->setAccessibleName(tr("Export Chart"));
    exportButton->setMenu(exportMenu);
    exportButton->setPopupMode(QToolButton::InstantPopup);
    row->addWidget(exportButton);
    row->addStretch();

    auto *page = new QWidget;
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(row);
    layout->addWidget(m_pane);
    return page;
}

bool SchedulerResultsTab::isShowingMessage() const
{
    return m_pages->currentWidget() == m_message;
}

void SchedulerResultsTab::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    loadIfShown();
}

void SchedulerResultsTab::controllerChanged()
{
    if (m_controller->schedulerName() != m_name) {
        m_name = m_controller->schedulerName();
        reset();
        return;
    }
    // The description may just have arrived.
    loadIfShown();
}

void SchedulerResultsTab::reset()
{
    m_pane->setSource(nullptr); // cancels the load in flight
    m_source.reset();
    m_loadedFor.clear();
    showMessage(m_name.isEmpty()
            ? tr("Choose a scheduler to see its results.")
            : tr("The results of %1 are loaded when this tab is shown.").arg(m_name));
    loadIfShown();
}

void SchedulerResultsTab::loadIfShown()
{
    if (!isVisible() || m_name.isEmpty() || m_loadedFor == m_name)
        return;
    const auto &scheduler = m_controller->scheduler();
    if (!scheduler) {
        // The description has not arrived (or could not be fetched): the Details tab says why.
        showMessage(m_controller->state() == models::SchedulerDetailsController::State::Loading
                ? tr("Finding where %1 writes its results…").arg(m_name)
                : tr("Where %1 writes its results is not known: see the Details tab.").arg(m_name));
        return;
    }
    m_loadedFor = m_name;
    if (!m_sources) {
        showMessage(tr("Results cannot be read without a connection."));
        return;
    }
    models::SchedulerResultsSources::Opened opened = m_sources->open(m_name, *scheduler);
    if (const QString *why = std::get_if<QString>(&opened)) {
        showMessage(*why);
        return;
    }
    m_source = std::move(std::get<std::unique_ptr<results::ResultsSource>>(opened));
    m_pane->setSource(m_source.get(), m_sources->cache());
    m_pages->setCurrentWidget(m_pane->parentWidget());
    m_pane->start();
}

void SchedulerResultsTab::showMessage(const QString &text)
{
    m_message->setText(text);
    m_pages->setCurrentWidget(m_message);
}

} // namespace ui
