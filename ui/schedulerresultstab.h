#pragma once

#include <QPointer>
#include <QString>
#include <QWidget>

#include <memory>

class QAction;
class QLabel;
class QStackedWidget;

namespace models {
class SchedulerDetailsController;
class SchedulerResultsSources;
} // namespace models

namespace results {
class ResultsSource;
}

namespace ui {

class ResultsPane;

// The details pane's Results tab: the results the scheduler shown by a
// models::SchedulerDetailsController wrote to its output location, in a ResultsPane. It loads
// lazily, the first time it is shown for a scheduler (once its description has arrived);
// choosing another scheduler or connection drops the load in flight and starts again when
// shown. Where there is nothing to load (no scheduler, no output location, no connection) a
// sentence says why, in place. Sources come from a models::SchedulerResultsSources.
class SchedulerResultsTab : public QWidget {
    Q_OBJECT

public:
    // `controller` and `sources` must outlive the tab; `sources` may be null (nothing to read
    // with: a sentence says so) and set later.
    SchedulerResultsTab(models::SchedulerDetailsController *controller,
        models::SchedulerResultsSources *sources, QWidget *parent = nullptr);
    ~SchedulerResultsTab() override;

    void setSources(models::SchedulerResultsSources *sources);

    ResultsPane *pane() const { return m_pane; }
    QAction *reloadAction() const { return m_reloadAction; }
    QAction *copyTableAction() const { return m_copyAction; }
    QAction *exportPngAction() const { return m_exportPngAction; }
    QAction *exportSvgAction() const { return m_exportSvgAction; }
    QLabel *messageLabel() const { return m_message; }
    bool isShowingMessage() const;
    // The scheduler whose results the pane shows or loads; empty when none was loaded.
    QString loadedScheduler() const { return m_loadedFor; }

protected:
    void showEvent(QShowEvent *event) override;

private:
    void controllerChanged();
    void reset();
    void loadIfShown();
    void showMessage(const QString &text);
    QWidget *paneWithActions();

    QPointer<models::SchedulerDetailsController> m_controller;
    QPointer<models::SchedulerResultsSources> m_sources;
    QStackedWidget *m_pages;
    QLabel *m_message;
    ResultsPane *m_pane;
    QAction *m_reloadAction = nullptr;
    QAction *m_copyAction = nullptr;
    QAction *m_exportPngAction = nullptr;
    QAction *m_exportSvgAction = nullptr;
    std::unique_ptr<results::ResultsSource> m_source;
    QString m_name; // the controller's scheduler, as last seen
    QString m_loadedFor; // the scheduler a source was opened (or refused) for
};

} // namespace ui
