#pragma once

#include "models/clicommandtext.h"
#include "models/schedulerdetailscontroller.h"

#include <QHash>
#include <QPointer>
#include <QString>
#include <QWidget>

#include <memory>

class QAction;
class QMenu;
class QTimer;

namespace lookout {
class LookoutClient;
}

namespace Ui {
class SchedulerDetailsViewForm;
}

namespace ui {

class CopyableFieldLabel;
class ErrorBanner;
class StatusBadge;

// The details form of one inference scheduler: a header with its name, Status and Latest
// result badges, refresh and copy buttons and a freshness line ("Updated 12:03:05, 20 s ago");
// an error banner with Retry; and the fields of models::SchedulerDetailsModel in five groups.
// Everything it shows comes from a models::SchedulerDetailsController.
//
// For the main window:
//     view->setClient(lookout::LookoutClient(jsonClient),
//     models::CliGlobalOptions::fromConfig(c));
//     view->showScheduler(QStringLiteral("pump-station-042"));
//     toolBar->addAction(view->refreshAction());        // F5, Ctrl+R
//     editMenu->addAction(view->copySchedulerArnAction()); // Ctrl+Shift+C, anywhere in the window
//     connect(view, &SchedulerDetailsView::statusMessage, statusBar(), [=](const QString &m) {
//         statusBar()->showMessage(m, 3000); });
// The view adds its actions to itself, so their shortcuts work as soon as it is in a window.
class SchedulerDetailsView : public QWidget {
    Q_OBJECT

public:
    // With a controller of its own, on the system clock and real timers.
    explicit SchedulerDetailsView(QWidget *parent = nullptr);
    // With `controller` (not owned; tests inject clocks and timers through it).
    explicit SchedulerDetailsView(
        models::SchedulerDetailsController *controller, QWidget *parent = nullptr);
    ~SchedulerDetailsView() override;

    models::SchedulerDetailsController *controller() const { return m_controller; }
    // Convenience for controller()->setClient() / clearClient(): switching the connection drops
    // the call in flight and the data shown at once.
    void setClient(
        const lookout::LookoutClient &client, const models::CliGlobalOptions &cliOptions);
    void clearClient();
    // Shows the scheduler `name` (fetching it); empty: nothing.
    void showScheduler(const QString &name);

    QAction *refreshAction() const { return m_refreshAction; }
    ErrorBanner *errorBanner() const;
    QAction *copySchedulerArnAction() const { return m_copyArnAction; }
    QAction *copyJsonAction() const { return m_copyJsonAction; }
    QAction *copyCliCommandAction() const { return m_copyCliCommandAction; }
    // Ctrl+C: copies the field that has the keyboard focus.
    QAction *copyFocusedValueAction() const { return m_copyFocusedAction; }

    // Adds a button for each action to the header, before Refresh (the window's Start and Stop).
    void addHeaderActions(const QList<QAction *> &actions);

    // The widget showing a field's value (a CopyableFieldLabel or, for Status and Latest result,
    // a StatusBadge); null for an unknown id.
    QWidget *fieldWidget(const QString &fieldId) const;

signals:
    // A short confirmation for the status bar ("Copied scheduler ARN").
    void statusMessage(const QString &message);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void setUpActions();
    void buildFieldRows();
    void alignFieldLabels();
    void attach(models::SchedulerDetailsController *controller);
    void updateFromController();
    void updateFields();
    void updateFreshness();
    void updateActions();
    void updateIcons();
    void showFieldMenu(const QString &fieldId, QWidget *widget, const QPoint &position);
    void copyField(const QString &fieldId);
    void copyFocusedField();
    void copyText(const QString &text, const QString &confirmation);
    QString fieldIdOf(QWidget *widget) const;

    std::unique_ptr<Ui::SchedulerDetailsViewForm> m_ui;
    QPointer<models::SchedulerDetailsController> m_controller;
    QHash<QString, QWidget *> m_fieldWidgets;
    QHash<QString, QString> m_sentenceNames;
    QTimer *m_freshnessTimer;
    QMenu *m_copyMenu;
    QAction *m_refreshAction;
    QAction *m_copyArnAction;
    QAction *m_copyJsonAction;
    QAction *m_copyCliCommandAction;
    QAction *m_copyFocusedAction;
    // The name whose value was on screen, to tell "no longer exists" from "does not exist".
    QString m_shownName;
};

} // namespace ui
