#include "ui/refreshintervalcombobox.h"

#include "models/refreshcontroller.h"

#include <QEvent>
#include <QSignalBlocker>
#include <QStringList>

#include <algorithm>

namespace ui {

RefreshIntervalComboBox::RefreshIntervalComboBox(QWidget *parent)
    : QComboBox(parent)
{
    setObjectName(QStringLiteral("refreshIntervalComboBox"));
    setSizeAdjustPolicy(QComboBox::AdjustToContents);
    rebuild();
    setInterval(models::RefreshController::kDefaultInterval);
    connect(this, &QComboBox::activated, this, [this](int index) {
        emit intervalChosen(std::chrono::seconds(itemData(index).toLongLong()));
    });
}

QString RefreshIntervalComboBox::intervalText(std::chrono::seconds interval)
{
    const qint64 seconds = interval.count();
    if (seconds <= 0)
        return tr("Off");
    if (seconds < 60)
        return tr("%1 s").arg(seconds);
    const qint64 hours = seconds / 3600;
    const qint64 minutes = seconds % 3600 / 60;
    const qint64 rest = seconds % 60;
    QStringList parts;
    if (hours > 0)
        parts.append(tr("%1 h").arg(hours));
    if (minutes > 0)
        parts.append(tr("%1 min").arg(minutes));
    if (rest > 0)
        parts.append(tr("%1 s").arg(rest));
    return parts.join(QLatin1Char(' '));
}

void RefreshIntervalComboBox::rebuild()
{
    const QSignalBlocker blocker(this);
    const qint64 current = currentIndex() >= 0 ? itemData(currentIndex()).toLongLong() : -1;
    QList<qint64> values;
    for (int i = 0; i < count(); ++i)
        values.append(itemData(i).toLongLong());
    for (const std::chrono::seconds standard : models::RefreshController::standardIntervals()) {
        if (!values.contains(standard.count()))
            values.append(standard.count());
    }
    std::sort(values.begin(), values.end());
    clear();
    for (const qint64 value : values)
        addItem(intervalText(std::chrono::seconds(value)), value);
    setCurrentIndex(findData(current));
    setAccessibleName(tr("Refresh interval"));
    setToolTip(tr("How often the fleet and the open scheduler are refreshed"));
}

void RefreshIntervalComboBox::setInterval(std::chrono::seconds interval)
{
    const qint64 value = std::max<qint64>(interval.count(), 0);
    if (findData(value) < 0) {
        const QSignalBlocker blocker(this);
        addItem(intervalText(std::chrono::seconds(value)), value);
        rebuild();
    }
    const QSignalBlocker blocker(this);
    setCurrentIndex(findData(value));
}

std::chrono::seconds RefreshIntervalComboBox::interval() const
{
    return std::chrono::seconds(currentIndex() >= 0 ? itemData(currentIndex()).toLongLong() : 0);
}

void RefreshIntervalComboBox::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        rebuild();
    QComboBox::changeEvent(event);
}

} // namespace ui
