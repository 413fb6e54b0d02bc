#include "ui/scheduleractions.h"

#include "models/itemroles.h"
#include "models/schedulerdetailscontroller.h"
#include "ui/fleetview.h"
#include "ui/schedulerdetailsview.h"

#include <QAbstractItemModel>
#include <QAction>
#include <QItemSelectionModel>
#include <QKeySequence>
#include <QMessageBox>
#include <QPushButton>
#include <QTableView>
#include <QTimer>

using models::SchedulerAction;
using models::SchedulerActionController;

namespace ui {

SchedulerActions::SchedulerActions(SchedulerActionController *controller, FleetView *fleet,
    SchedulerDetailsView *details, QWidget *window)
    : QObject(window)
    , m_controller(controller)
    , m_fleet(fleet)
    , m_details(details)
    , m_window(window)
    , m_startAction(new QAction(this))
    , m_stopAction(new QAction(this))
    , m_startShownAction(new QAction(this))
    , m_stopShownAction(new QAction(this))
{
    m_startAction->setObjectName(QStringLiteral("startSchedulersAction"));
    m_startAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    m_stopAction->setObjectName(QStringLiteral("stopSchedulersAction"));
    m_stopAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_X));
    m_startShownAction->setObjectName(QStringLiteral("startShownSchedulerAction"));
    m_stopShownAction->setObjectName(QStringLiteral("stopShownSchedulerAction"));
    for (QAction *action : { m_startAction, m_stopAction })
        action->setShortcutContext(Qt::WindowShortcut);

    connect(m_startAction, &QAction::triggered, this,
        [this] { request(SchedulerAction::Start, targets()); });
    connect(m_stopAction, &QAction::triggered, this,
        [this] { request(SchedulerAction::Stop, targets()); });
    const auto shown = [this] {
        const QString name = m_details->controller()->schedulerName();
        return name.isEmpty() ? QStringList() : QStringList { name };
    };
    connect(m_startShownAction, &QAction::triggered, this,
        [this, shown] { request(SchedulerAction::Start, shown()); });
    connect(m_stopShownAction, &QAction::triggered, this,
        [this, shown] { request(SchedulerAction::Stop, shown()); });

    // Many signals can arrive in one go (a listing of 10,000 rows): recount once afterwards.
    auto *recount = new QTimer(this);
    recount->setSingleShot(true);
    recount->setInterval(0);
    connect(recount, &QTimer::timeout, this, &SchedulerActions::updateEnabled);
    const auto later = [recount] { recount->start(); };
    QTableView *table = m_fleet->tableView();
    connect(table->selectionModel(), &QItemSelectionModel::selectionChanged, this, later);
    QAbstractItemModel *rows = table->model();
    connect(rows, &QAbstractItemModel::dataChanged, this, later);
    connect(rows, &QAbstractItemModel::modelReset, this, later);
    connect(rows, &QAbstractItemModel::rowsRemoved, this, later);
    connect(rows, &QAbstractItemModel::layoutChanged, this, later);
    connect(
        m_details->controller(), &models::SchedulerDetailsController::stateChanged, this, later);
    connect(m_controller, &SchedulerActionController::runningChanged, this, later);
    connect(
        m_controller, &SchedulerActionController::finished, this, &SchedulerActions::statusMessage);

    retranslate();
    updateEnabled();
}

SchedulerActions::~SchedulerActions() = default;

void SchedulerActions::retranslate()
{
    m_startAction->setText(tr("S&tart Schedulers…"));
    m_startAction->setToolTip(
        tr("Start the selected schedulers that are stopped, after a confirmation (Ctrl+Shift+S)"));
    m_stopAction->setText(tr("Sto&p Schedulers…"));
    m_stopAction->setToolTip(
        tr("Stop the selected schedulers that are running, after a confirmation (Ctrl+Shift+X)"));
    m_startShownAction->setText(tr("Start…"));
    m_startShownAction->setToolTip(tr("Start this scheduler, after a confirmation"));
    m_stopShownAction->setText(tr("Stop…"));
    m_stopShownAction->setToolTip(tr("Stop this scheduler, after a confirmation"));
}

QStringList SchedulerActions::targets() const
{
    // The selected rows of the connection the details show: a run acts on one account and region.
    const QStringList selected
        = m_fleet->selectedValues(models::SchedulerNameRole, m_controller->connectionSource());
    if (!selected.isEmpty())
        return selected;
    const QString shown = m_details->controller()->schedulerName();
    return shown.isEmpty() ? QStringList() : QStringList { shown };
}

void SchedulerActions::updateEnabled()
{
    const bool idle = !m_controller->isRunning();
    const QStringList names = targets();
    m_startAction->setEnabled(
        idle && !m_controller->select(SchedulerAction::Start, names).acting.isEmpty());
    m_stopAction->setEnabled(
        idle && !m_controller->select(SchedulerAction::Stop, names).acting.isEmpty());
    const QString shown = m_details->controller()->schedulerName();
    const QString status = shown.isEmpty() ? QString() : m_controller->knownStatus(shown);
    m_startShownAction->setEnabled(
        idle && SchedulerActionController::allows(SchedulerAction::Start, status));
    m_stopShownAction->setEnabled(
        idle && SchedulerActionController::allows(SchedulerAction::Stop, status));
}

bool SchedulerActions::request(SchedulerAction action, const QStringList &names)
{
    if (m_confirmation)
        return false;
    const SchedulerActionController::Selection selection = m_controller->select(action, names);
    if (selection.acting.isEmpty()) {
        emit statusMessage(action == SchedulerAction::Start
                ? tr("Nothing to start: only a stopped scheduler can be started")
                : tr("Nothing to stop: only a running scheduler can be stopped"));
        return false;
    }
    const bool start = action == SchedulerAction::Start;
    const int count = int(selection.acting.size());
    auto *box = new QMessageBox(m_window);
    box->setObjectName(QStringLiteral("schedulerActionConfirmation"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setIcon(QMessageBox::Question);
    box->setTextFormat(Qt::PlainText);
    box->setWindowTitle(start ? tr("Start Schedulers") : tr("Stop Schedulers"));
    box->setAccessibleName(box->windowTitle());
    box->setText(confirmationQuestion(action, selection));
    QString effect = confirmationEffect(action, count);
    if (!selection.skipped.isEmpty()) {
        const int skipped = int(selection.skipped.size());
        effect += QStringLiteral("\n\n")
            + (start ? (skipped == 1 ? tr("1 selected scheduler is not stopped and is skipped.")
                                     : tr("%n selected schedulers are not stopped and are skipped.",
                                         nullptr, skipped))
                     : (skipped == 1 ? tr("1 selected scheduler is not running and is skipped.")
                                     : tr("%n selected schedulers are not running and are skipped.",
                                         nullptr, skipped)));
    }
    box->setInformativeText(effect);
    if (count > 1 || !selection.skipped.isEmpty())
        box->setDetailedText(confirmationDetails(action, selection));
    QPushButton *accept
        = box->addButton(start ? tr("&Start") : tr("Sto&p"), QMessageBox::AcceptRole);
    accept->setObjectName(QStringLiteral("confirmActionButton"));
    accept->setAccessibleName(start ? tr("Start") : tr("Stop"));
    QPushButton *cancel = box->addButton(QMessageBox::Cancel);
    cancel->setAccessibleName(tr("Cancel"));
    box->setDefaultButton(accept);
    box->setEscapeButton(cancel);
    const QStringList acting = selection.acting;
    connect(box, &QMessageBox::finished, this, [this, box, accept, action, acting] {
        if (box->clickedButton() != accept)
            return;
        if (!m_controller->run(action, acting))
            emit statusMessage(tr("Not sent: a start or stop is still running, or there is no "
                                  "connection"));
    });
    m_confirmation = box;
    box->open();
    return true;
}

QString SchedulerActions::confirmationQuestion(
    SchedulerAction action, const SchedulerActionController::Selection &selection) const
{
    const int count = int(selection.acting.size());
    if (count == 1) {
        return action == SchedulerAction::Start ? tr("Start %1?").arg(selection.acting.first())
                                                : tr("Stop %1?").arg(selection.acting.first());
    }
    return action == SchedulerAction::Start ? tr("Start %n schedulers?", nullptr, count)
                                            : tr("Stop %n schedulers?", nullptr, count);
}

QString SchedulerActions::confirmationEffect(SchedulerAction action, int count) const
{
    if (action == SchedulerAction::Start) {
        return count == 1
            ? tr("It goes PENDING, then RUNNING: it runs inference on every upload of new data "
                 "and writes its results, until it is stopped.")
            : tr("Each goes PENDING, then RUNNING: it runs inference on every upload of new "
                 "data and writes its results, until it is stopped.");
    }
    return count == 1 ? tr("It goes STOPPING, then STOPPED: no inference runs and no results are "
                           "written until it is started again.")
                      : tr("Each goes STOPPING, then STOPPED: no inference runs and no results "
                           "are written until it is started again.");
}

QString SchedulerActions::confirmationDetails(
    SchedulerAction action, const SchedulerActionController::Selection &selection) const
{
    QStringList lines;
    lines.append(action == SchedulerAction::Start ? tr("To start:") : tr("To stop:"));
    lines.append(selection.acting);
    if (!selection.skipped.isEmpty()) {
        lines.append(QString());
        lines.append(tr("Skipped:"));
        for (const QString &name : selection.skipped) {
            const QString status = m_controller->knownStatus(name);
            lines.append(status.isEmpty() ? name : tr("%1 (%2)").arg(name, status));
        }
    }
    return lines.join(QLatin1Char('\n'));
}

} // namespace ui
