#include "ui/schedulerresultstab.h"

#include "models/schedulerdetailscontroller.h"
#include "models/schedulerresultssources.h"
#include "results/resultssource.h"
#include "ui/resultspane.h"

#include <QLabel>
#include <QStackedWidget>
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
    m_pages->addWidget(m_pane);
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
    m_pages->setCurrentWidget(m_pane);
    m_pane->start();
}

void SchedulerResultsTab::showMessage(const QString &text)
{
    m_message->setText(text);
    m_pages->setCurrentWidget(m_message);
}

} // namespace ui
