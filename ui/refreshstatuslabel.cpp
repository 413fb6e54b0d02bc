#include "ui/refreshstatuslabel.h"

#include "models/fleetloader.h"
#include "models/refreshcontroller.h"
#include "ui/refreshintervalcombobox.h"

#include <QEvent>

#include <algorithm>

namespace ui {

RefreshStatusLabel::RefreshStatusLabel(QWidget *parent)
    : QLabel(parent)
{
    setObjectName(QStringLiteral("refreshStatusLabel"));
    setTextFormat(Qt::PlainText);
    m_tick.setInterval(1000);
    connect(&m_tick, &QTimer::timeout, this, &RefreshStatusLabel::updateText);
    updateText();
}

void RefreshStatusLabel::watch(models::RefreshController *controller, models::FleetLoader *loader)
{
    m_controller = controller;
    m_loader = loader;
    connect(controller, &models::RefreshController::stateChanged, this,
        &RefreshStatusLabel::updateText);
    connect(loader, &models::FleetLoader::loadingChanged, this, &RefreshStatusLabel::updateText);
    updateText();
}

void RefreshStatusLabel::updateText()
{
    setAccessibleName(tr("Auto-refresh state"));
    if (!m_controller) {
        setText(QString());
        m_tick.stop();
        return;
    }
    const models::RefreshController &controller = *m_controller;
    QString text;
    bool countdown = false;
    if (m_loader && m_loader->isLoading()) {
        text = tr("Refreshing…");
    } else if (controller.interval().count() == 0) {
        text = tr("Auto-refresh off");
    } else if (controller.isPaused()) {
        text = tr("Auto-refresh paused");
    } else {
        const QString every = RefreshIntervalComboBox::intervalText(controller.effectiveInterval());
        text = controller.isBackingOff()
            ? tr("Throttled by the service: refreshing every %1 until a refresh succeeds")
                  .arg(every)
            : tr("Auto-refresh every %1").arg(every);
        const QDateTime next = controller.nextRefreshAt();
        if (next.isValid() && controller.isWindowVisible()) {
            const qint64 seconds
                = std::max<qint64>(0, (controller.clock()->now().msecsTo(next) + 999) / 1000);
            text += QStringLiteral(" · ")
                + (seconds == 0 ? tr("next now")
                                : tr("next in %1")
                                      .arg(RefreshIntervalComboBox::intervalText(
                                          std::chrono::seconds(seconds))));
            countdown = true;
        }
    }
    setText(text);
    if (countdown) {
        if (!m_tick.isActive())
            m_tick.start();
    } else {
        m_tick.stop();
    }
}

void RefreshStatusLabel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        updateText();
    QLabel::changeEvent(event);
}

} // namespace ui
