#pragma once

#include "models/scheduleractioncontroller.h"

#include <QMessageBox>
#include <QObject>
#include <QPointer>
#include <QStringList>

class QAction;
class QWidget;

namespace ui {

class FleetView;
class SchedulerDetailsView;

// Start and Stop in the window: the actions, when they are enabled, and the confirmation.
//
// - startAction()/stopAction() (Edit menu, the fleet table's context menu; Ctrl+Shift+S,
//   Ctrl+Shift+X) act on the fleet table's selected rows, or on the scheduler the details pane
//   shows when no row is selected. They are enabled when any of those allows it (STOPPED →
//   Start, RUNNING → Stop) and act on those that do; the confirmation says which are skipped.
// - startShownAction()/stopShownAction() are the details pane's buttons: the scheduler shown.
// - Nothing is sent before the confirmation is accepted (Enter; Esc cancels). The run's summary
//   goes to statusMessage(); nothing is shown as an error dialog.
// The calls, their limits and the polling that follows are models::SchedulerActionController's.
class SchedulerActions : public QObject {
    Q_OBJECT

public:
    // `controller`, `fleet` and `details` must outlive this object; dialogs open over `window`.
    SchedulerActions(models::SchedulerActionController *controller, FleetView *fleet,
        SchedulerDetailsView *details, QWidget *window);
    ~SchedulerActions() override;

    QAction *startAction() const { return m_startAction; }
    QAction *stopAction() const { return m_stopAction; }
    QAction *startShownAction() const { return m_startShownAction; }
    QAction *stopShownAction() const { return m_stopShownAction; }

    // The schedulers startAction()/stopAction() act on: the selected rows, else the one shown.
    QStringList targets() const;
    // Asks to act on `names` (the confirmation opens); false when none of them allows it.
    bool request(models::SchedulerAction action, const QStringList &names);
    // The confirmation open now, if any.
    QMessageBox *confirmation() const { return m_confirmation; }

    void retranslate();

signals:
    // The run's summary, or why nothing was done.
    void statusMessage(const QString &message);

private:
    void updateEnabled();
    QString confirmationQuestion(models::SchedulerAction action,
        const models::SchedulerActionController::Selection &s) const;
    QString confirmationEffect(models::SchedulerAction action, int count) const;
    QString confirmationDetails(models::SchedulerAction action,
        const models::SchedulerActionController::Selection &selection) const;

    models::SchedulerActionController *m_controller;
    FleetView *m_fleet;
    SchedulerDetailsView *m_details;
    QWidget *m_window;
    QAction *m_startAction;
    QAction *m_stopAction;
    QAction *m_startShownAction;
    QAction *m_stopShownAction;
    QPointer<QMessageBox> m_confirmation;
};

} // namespace ui
