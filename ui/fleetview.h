#pragma once

#include "models/schedulerfilterproxymodel.h"

#include <QByteArray>
#include <QStringList>
#include <QWidget>

#include <memory>

class QAction;
class QTableView;

namespace Ui {
class FleetViewForm;
}

namespace models {
class SchedulerListModel;
}

namespace ui {

class ErrorBanner;

// The fleet table with its filter box (Ctrl+F; Esc clears it), status filter, summary line
// ("200 schedulers · 150 running …") and, when a refresh failed, the CLI-style error with Retry
// above the last good rows. Rows are several-selectable; Ctrl+C copies the selected scheduler ARNs
// one per line, and the context menu copies names, scheduler ARNs or model ARNs the same way.
// Moving the current row tells the window which scheduler to open; a row moved or dropped by a
// refresh does not. Status and Latest result are painted by the shared StatusBadgeDelegate.
class FleetView : public QWidget {
    Q_OBJECT

public:
    explicit FleetView(QWidget *parent = nullptr);
    ~FleetView() override;

    // `model` must outlive the view.
    void setModel(models::SchedulerListModel *model);
    models::SchedulerFilterProxyModel *proxyModel() const { return m_proxy; }
    QTableView *tableView() const;
    ErrorBanner *errorBanner() const;

    // Says "Loading schedulers…" while there is nothing to show yet.
    void setLoading(bool loading);
    // A failed refresh (or no connection): the headline and the CLI's sentence, over whatever
    // rows there are, with Retry.
    void showError(const QString &headline, const QString &details);
    void clearError();

    // Makes connection `source`'s `name` the current, selected row and scrolls to it; false when
    // it is not shown.
    bool selectScheduler(const QString &name, int source = 0);
    QString currentSchedulerName() const;
    // The fleet connection of the current row; -1 without one.
    int currentSchedulerSource() const;
    // The selected rows' values of a role (models::SchedulerArnRole…), in table order; only the
    // rows of connection `source` when it is not -1.
    QStringList selectedValues(int role, int source = -1) const;
    // The placeholder shown instead of the table when it has no rows; empty when the table shows.
    QString placeholderText() const;

    // Column widths, order and sort, for the settings.
    QByteArray saveHeaderState() const;
    bool restoreHeaderState(const QByteArray &state);

    QAction *copyArnsAction() const { return m_copyArnsAction; }
    QAction *copyNamesAction() const { return m_copyNamesAction; }
    QAction *copyModelArnsAction() const { return m_copyModelArnsAction; }
    QAction *findAction() const { return m_findAction; }

signals:
    // The user moved to another scheduler (keyboard, mouse, selectScheduler()).
    void currentSchedulerChanged(const QString &name);
    void retryRequested();
    // "Copied 3 scheduler ARNs".
    void statusMessage(const QString &message);

protected:
    void changeEvent(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void setUpActions();
    void setUpStatusFilter();
    void retranslate();
    // Copies the selected rows' values of `role`, one per line; how many were copied.
    int copySelected(int role);
    void updateSummary();
    void updatePlaceholder();
    void applyStatusFilter(int index);
    void onCurrentChanged(const QModelIndex &current);
    void updateConnectionColumns();
    int sourceOf(const QModelIndex &proxyIndex) const;

    std::unique_ptr<Ui::FleetViewForm> m_ui;
    models::SchedulerListModel *m_model = nullptr;
    models::SchedulerFilterProxyModel *m_proxy;
    QAction *m_copyArnsAction;
    QAction *m_copyNamesAction;
    QAction *m_copyModelArnsAction;
    QAction *m_findAction;
    bool m_loading = false;
    bool m_rowsMoving = false; // a refresh is inserting, removing or re-sorting rows
    QString m_currentName;
    int m_currentSource = -1;
};

} // namespace ui
