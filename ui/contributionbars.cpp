#include "ui/contributionbars.h"

#include "models/resultstext.h"
#include "models/sensorcontributionmodel.h"
#include "results/events.h"
#include "ui/resultschart.h"

#include <QEvent>
#include <QHash>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace ui {

namespace {

constexpr int kShownBars = results::TopSensors::kDefaultCount;
constexpr double kRowGap = 6;

} // namespace

ContributionBars::ContributionBars(QWidget *parent)
    : QWidget(parent)
{
    setAccessibleName(tr("Contributing sensors"));
    setFocusPolicy(Qt::NoFocus); // the Sensors table is the keyboard's way to the same figures
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::MinimumExpanding);
}

void ContributionBars::setModel(models::SensorContributionModel *model)
{
    if (m_model)
        disconnect(m_model, nullptr, this, nullptr);
    m_model = model;
    if (m_model) {
        connect(m_model, &QAbstractItemModel::modelReset, this, &ContributionBars::rebuild);
        connect(m_model, &QObject::destroyed, this, [this] {
            m_model = nullptr;
            rebuild();
        });
    }
    rebuild();
}

void ContributionBars::setGroupedByComponent(bool grouped)
{
    if (grouped == m_grouped)
        return;
    m_grouped = grouped;
    setAccessibleName(grouped ? tr("Contributing components") : tr("Contributing sensors"));
    rebuild();
}

void ContributionBars::setPlaceholderText(const QString &text)
{
    m_placeholder = text;
    update();
}

void ContributionBars::rebuild()
{
    m_bars.clear();
    const results::Series *series = m_model ? m_model->series() : nullptr;
    if (series && !m_model->contributions().sensors.empty()) {
        const results::Contributions &contributions = m_model->contributions();
        const auto total = static_cast<double>(contributions.sensors.size());
        if (!m_grouped) {
            const results::TopSensors top = results::topSensors(contributions, kShownBars);
            for (const results::SensorShare &share : top.top)
                m_bars.push_back({ series->sensorName(share.sensor), share.share, 1 / total });
            if (top.otherCount > 0)
                m_bars.push_back({ tr("All others (%n)", nullptr, static_cast<int>(top.otherCount)),
                    top.others, static_cast<double>(top.otherCount) / total, true });
        } else {
            QHash<QString, int> sensorsPerComponent;
            for (const results::SensorShare &share : contributions.sensors)
                ++sensorsPerComponent[results::componentOf(series->sensorName(share.sensor))];
            const std::vector<results::ComponentShare> components
                = results::componentShares(*series, contributions);
            double otherShare = 0;
            int otherSensors = 0;
            int otherComponents = 0;
            for (size_t i = 0; i < components.size(); ++i) {
                const int sensors = sensorsPerComponent.value(components[i].component);
                if (static_cast<int>(i) < kShownBars) {
                    m_bars.push_back(
                        { components[i].component, components[i].share, sensors / total });
                } else {
                    otherShare += components[i].share;
                    otherSensors += sensors;
                    ++otherComponents;
                }
            }
            if (otherComponents > 0)
                m_bars.push_back({ tr("All others (%n)", nullptr, otherComponents), otherShare,
                    otherSensors / total, true });
        }
    }

    QStringList spoken;
    for (const Bar &bar : m_bars)
        spoken << tr("%1: %2 (even share %3)")
                      .arg(bar.label, models::shareText(bar.share),
                          models::shareText(bar.evenShare));
    setAccessibleDescription(spoken.isEmpty() ? m_placeholder : spoken.join(QLatin1String("; ")));
    updateGeometry();
    update();
}

QSize ContributionBars::sizeHint() const
{
    const int row = fontMetrics().height() + static_cast<int>(kRowGap);
    return { 360, row * (kShownBars + 2) + 8 };
}

QSize ContributionBars::minimumSizeHint() const
{
    return { 200, fontMetrics().height() * 4 };
}

void ContributionBars::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    const ResultsChartColours colours = ResultsChartColours::forPalette(palette());
    painter.fillRect(rect(), colours.background);
    const QFontMetricsF metrics(font());
    if (m_bars.empty()) {
        painter.setPen(colours.text);
        painter.drawText(QRectF(rect()).adjusted(8, 8, -8, -8), Qt::AlignCenter | Qt::TextWordWrap,
            m_placeholder);
        return;
    }
    const double row = metrics.height() + kRowGap;
    const double margin = 8;
    double labelWidth = 0;
    for (const Bar &bar : m_bars)
        labelWidth = std::max(labelWidth, metrics.horizontalAdvance(bar.label));
    labelWidth = std::min(labelWidth, width() * 0.45);
    const double valueWidth = metrics.horizontalAdvance(models::shareText(0.999)) + 8;
    const double barLeft = margin + labelWidth + 8;
    const double barWidth = std::max(20.0, width() - barLeft - valueWidth - margin);
    double largest = 0;
    for (const Bar &bar : m_bars)
        largest = std::max({ largest, bar.share, bar.evenShare });
    const double scale = largest > 0 ? barWidth / (largest * 1.05) : 0;

    double top = margin;
    for (const Bar &bar : m_bars) {
        const QRectF label(margin, top, labelWidth, metrics.height());
        painter.setPen(colours.text);
        painter.drawText(label, Qt::AlignRight | Qt::AlignVCenter,
            metrics.elidedText(bar.label, Qt::ElideMiddle, labelWidth));
        const QRectF filled(
            barLeft, top + 2, std::max(1.0, bar.share * scale), metrics.height() - 4);
        painter.fillRect(filled, bar.others ? colours.machineOff : colours.line);
        // The even-share mark, across the row's whole height so that equal marks form a line,
        // under the figure.
        const double even = std::round(barLeft + bar.evenShare * scale) + 0.5;
        painter.setPen(QPen(colours.text, 1, Qt::DashLine));
        painter.drawLine(QPointF(even, top - kRowGap / 2), QPointF(even, top + row - kRowGap / 2));
        const QString figure = models::shareText(bar.share);
        const QRectF text(
            filled.right() + 4, top, metrics.horizontalAdvance(figure) + 2, metrics.height());
        painter.fillRect(text, colours.background);
        painter.setPen(colours.text);
        painter.drawText(text, Qt::AlignLeft | Qt::AlignVCenter, figure);
        top += row;
    }
    painter.setPen(colours.text);
    const QString note = tr("Dashed: the share if all %n sensors contributed alike", nullptr,
        static_cast<int>(m_model ? m_model->contributions().sensors.size() : 0));
    painter.drawText(QRectF(margin, top + 2, width() - 2 * margin, height() - top - 2),
        Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, note);
}

void ContributionBars::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange)
        updateGeometry();
    QWidget::changeEvent(event);
}

} // namespace ui
