#pragma once

#include <QPersistentModelIndex>
#include <QPointer>
#include <QString>
#include <QWidget>

class QAction;
class QComboBox;
class QLabel;
class QPlainTextEdit;
class QTableView;

namespace aws {
class AwsJsonClient;
}

namespace models {
class ExecutionHistoryController;
class SchedulerDetailsController;
} // namespace models

namespace ui {

class CopyableFieldLabel;
class ErrorBanner;
class ResultsRangeChooser;

// The details pane's History tab: the inference executions of the scheduler shown by a
// models::SchedulerDetailsController, newest first, through a models::ExecutionHistoryController
// on the same connection. It lists when first shown, more pages as the table scrolls toward the
// end, and refreshes with the form (when hidden, once shown again). Filters: status and a range
// of data times, sent to the service. The selected row's result object (with a copy button) and
// failed reason (in full, selectable) are under the table. Errors are shown in place with Retry;
// rows already shown stay.
class ExecutionHistoryTab : public QWidget {
    Q_OBJECT

public:
    // `details` must outlive the tab.
    explicit ExecutionHistoryTab(
        models::SchedulerDetailsController *details, QWidget *parent = nullptr);

    models::ExecutionHistoryController *controller() const { return m_history; }
    QTableView *table() const { return m_table; }
    QComboBox *statusBox() const { return m_status; }
    ResultsRangeChooser *rangeChooser() const { return m_range; }
    ErrorBanner *errorBanner() const { return m_banner; }
    QLabel *messageLabel() const { return m_message; }
    QLabel *summaryLabel() const { return m_summary; }
    QPlainTextEdit *failedReasonView() const { return m_failedReason; }
    CopyableFieldLabel *resultObjectField() const { return m_resultObject; }
    QAction *copyJsonAction() const { return m_copyJsonAction; }
    QAction *copyFailedReasonAction() const { return m_copyReasonAction; }
    QAction *copyResultObjectAction() const { return m_copyResultAction; }
    QAction *copyTsvAction() const { return m_copyTsvAction; }

protected:
    void showEvent(QShowEvent *event) override;

private:
    void followDetails();
    void detailsBusyChanged(bool busy);
    void applyFilter();
    void historyChanged();
    void selectionChanged();
    void showContextMenu(const QPoint &position);
    int currentRow() const;
    void copy(const QString &text);
    void keepScrollPosition();

    QPointer<models::SchedulerDetailsController> m_details;
    models::ExecutionHistoryController *m_history;
    QComboBox *m_status;
    ResultsRangeChooser *m_range;
    ErrorBanner *m_banner;
    QLabel *m_message;
    QTableView *m_table;
    QLabel *m_summary;
    CopyableFieldLabel *m_resultObject;
    QPlainTextEdit *m_failedReason;
    QAction *m_copyJsonAction;
    QAction *m_copyReasonAction;
    QAction *m_copyResultAction;
    QAction *m_copyTsvAction;
    QString m_name; // the details controller's scheduler, as last followed
    QPointer<aws::AwsJsonClient> m_connection; // its connection, as last followed
    bool m_refreshDue = false; // the form refreshed while the tab was hidden
    QPersistentModelIndex m_topRow; // the first visible row before rows were inserted above it
};

} // namespace ui
