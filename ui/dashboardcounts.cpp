#include "ui/dashboardcounts.h"

#include "ui/statusbadge.h"

#include <QEvent>
#include <QPainter>

#include <algorithm>

namespace ui {

DashboardCounts::DashboardCounts(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("dashboardCountsWidget"));
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Preferred);
    showSummary();
}

QFont DashboardCounts::countFont() const
{
    QFont result = font();
    result.setBold(true);
    if (result.pointSizeF() > 0)
        result.setPointSizeF(result.pointSizeF() * 2.0);
    else
        result.setPixelSize(result.pixelSize() * 2);
    return result;
}

void DashboardCounts::setSummary(const models::FleetSummary &summary)
{
    // Every connection's refresh sets the counts; most leave them as they were.
    if (summary == m_summary)
        return;
    m_summary = summary;
    showSummary();
}

void DashboardCounts::showSummary()
{
    setAccessibleName(tr("Fleet counts: %1").arg(m_summary.text()));
    updateGeometry();
    update();
}

QList<DashboardCounts::Chip> DashboardCounts::layoutChips(
    const models::FleetSummary &summary, int width, int *height) const
{
    const QFontMetrics metrics(countFont());
    const int gap = fontMetrics().height();
    QList<Chip> chips;
    chips.append({ QString(), summary.totalText(), {} });
    for (const models::FleetSummary::Count &count : summary.counts())
        chips.append({ count.value, QString::number(count.count), {} });

    int x = 0;
    int y = 0;
    int rowHeight = 0;
    for (Chip &chip : chips) {
        const QSize badge = chip.badgeValue.isEmpty()
            ? QSize()
            : StatusBadge::badgeSize(chip.badgeValue, font(), kScale);
        const int textWidth = metrics.horizontalAdvance(chip.text);
        const QSize size(badge.width() + (badge.isEmpty() ? 0 : gap / 2) + textWidth,
            std::max(badge.height(), metrics.height()));
        if (x > 0 && x + size.width() > width) {
            x = 0;
            y += rowHeight + gap / 2;
            rowHeight = 0;
        }
        chip.rect = QRect(QPoint(x, y), size);
        x += size.width() + gap;
        rowHeight = std::max(rowHeight, size.height());
    }
    if (height)
        *height = y + rowHeight;
    return chips;
}

int DashboardCounts::lineHeight() const
{
    return std::max(StatusBadge::badgeSize(QStringLiteral("ANOMALOUS"), font(), kScale).height(),
        QFontMetrics(countFont()).height());
}

QSize DashboardCounts::chipsSize(const models::FleetSummary &summary, int width) const
{
    int height = 0;
    int right = 0;
    for (const Chip &chip : layoutChips(summary, width, &height))
        right = std::max(right, chip.rect.right() + 1);
    return { right, height };
}

QSize DashboardCounts::sizeHint() const
{
    return chipsSize(m_summary);
}

QSize DashboardCounts::minimumSizeHint() const
{
    return { fontMetrics().averageCharWidth() * 20,
        heightForWidth(fontMetrics().averageCharWidth() * 20) };
}

int DashboardCounts::heightForWidth(int width) const
{
    return chipsSize(m_summary, width).height();
}

void DashboardCounts::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    const QFont count = countFont();
    int height = 0;
    for (const Chip &chip : layoutChips(m_summary, width(), &height)) {
        QRect textRect = chip.rect;
        if (!chip.badgeValue.isEmpty()) {
            StatusBadge::PaintOptions options;
            options.scale = kScale;
            const QRect badge = StatusBadge::paint(
                &painter, chip.rect, chip.badgeValue, palette(), font(), options);
            textRect.setLeft(badge.right() + fontMetrics().height() / 2);
        }
        painter.setFont(count);
        painter.setPen(palette().color(QPalette::WindowText));
        painter.drawText(
            textRect, Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine, chip.text);
    }
}

void DashboardCounts::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::FontChange || event->type() == QEvent::LanguageChange)
        showSummary();
    QWidget::changeEvent(event);
}

} // namespace ui
