#pragma once

#include <QLabel>
#include <QPointer>
#include <QTimer>

namespace models {
class FleetLoader;
class RefreshController;
} // namespace models

namespace ui {

// The status bar's account of automatic refreshing, always visible: "Refreshing…",
// "Auto-refresh every 30 s · next in 12 s", "Auto-refresh paused", "Auto-refresh off", or, while
// the service throttles, "Throttled: refreshing every 2 min until a refresh succeeds". It ticks
// once a second while a countdown is shown, on the controller's clock.
class RefreshStatusLabel : public QLabel {
    Q_OBJECT

public:
    explicit RefreshStatusLabel(QWidget *parent = nullptr);

    // Neither is owned; both must outlive the label or be destroyed with it.
    void watch(models::RefreshController *controller, models::FleetLoader *loader);
    // Recomputes the text now (the ticking calls this).
    void updateText();

protected:
    void changeEvent(QEvent *event) override;

private:
    QPointer<models::RefreshController> m_controller;
    QPointer<models::FleetLoader> m_loader;
    QTimer m_tick;
};

} // namespace ui
