#include "ui/dashboardgroupheader.h"

#include "ui/dashboardcounts.h"
#include "ui/elidedlabel.h"

#include <QBoxLayout>
#include <QEvent>
#include <QFontMetrics>
#include <QLabel>
#include <QVBoxLayout>

#include <algorithm>

namespace ui {

DashboardGroupHeader::DashboardGroupHeader(QWidget *parent)
    : QWidget(parent)
    , m_title(new ElidedLabel(this))
    , m_counts(new DashboardCounts(this))
    , m_freshness(new ElidedLabel(this))
{
    setObjectName(QStringLiteral("dashboardGroupHeader"));
    m_title->setObjectName(QStringLiteral("groupTitleLabel"));
    m_title->setElideMode(Qt::ElideRight);
    QFont title = font();
    title.setBold(true);
    title.setPointSizeF(title.pointSizeF() * 1.5);
    m_title->setFont(title);
    m_counts->setObjectName(QStringLiteral("groupCountsWidget"));
    // Smaller than the whole fleet's counts on top.
    QFont counts = font();
    counts.setPointSizeF(counts.pointSizeF() * 0.75);
    m_counts->setFont(counts);
    m_freshness->setObjectName(QStringLiteral("groupFreshnessLabel"));
    m_freshness->setElideMode(Qt::ElideRight);
    QFont freshness = font();
    freshness.setPointSizeF(freshness.pointSizeF() * 1.25);
    m_freshness->setFont(freshness);

    m_top = new QBoxLayout(QBoxLayout::LeftToRight);
    m_top->setContentsMargins(0, 0, 0, 0);
    m_top->setSpacing(fontMetrics().height());
    m_top->addWidget(m_title, 1);
    m_top->addWidget(m_counts);
    auto *layout = new QVBoxLayout(this);
    const int margin = fontMetrics().height() / 4;
    layout->setContentsMargins(margin, margin, margin, margin);
    layout->setSpacing(0);
    layout->addLayout(m_top);
    layout->addWidget(m_freshness);
    updateTexts();
}

DashboardGroupHeader::Fit DashboardGroupHeader::fitFor(
    int width, const QList<std::pair<QString, models::FleetSummary>> &groups) const
{
    const QMargins margins = layout()->contentsMargins();
    const int inner = std::max(1, width - margins.left() - margins.right());
    const QFontMetrics title(m_title->font());
    // The label's own margins around its text.
    const QSize titleLabel = m_title->sizeHint();
    const int titleChrome = titleLabel.width() - title.horizontalAdvance(m_title->text());
    const int spacing = fontMetrics().height(); // between name and counts on one line
    Fit fit;
    int countsHeight = m_counts->lineHeight();
    for (const auto &[name, counts] : groups) {
        const int countsWidth = m_counts->chipsSize(counts).width();
        fit.stacked = fit.stacked
            || titleChrome + title.horizontalAdvance(name) + spacing + countsWidth > inner;
        countsHeight = std::max(countsHeight, m_counts->chipsSize(counts, inner).height());
    }
    const int nameAndCounts = fit.stacked ? titleLabel.height() + countsHeight
                                          : std::max(titleLabel.height(), m_counts->lineHeight());
    fit.height
        = margins.top() + margins.bottom() + nameAndCounts + m_freshness->sizeHint().height();
    return fit;
}

void DashboardGroupHeader::setStacked(bool stacked)
{
    if (stacked == m_stacked)
        return;
    m_stacked = stacked;
    m_top->setDirection(stacked ? QBoxLayout::TopToBottom : QBoxLayout::LeftToRight);
    m_top->setSpacing(stacked ? 0 : fontMetrics().height());
    m_top->setStretchFactor(m_title, stacked ? 0 : 1);
}

QColor DashboardGroupHeader::bannerColor()
{
    return QColor(0xb0, 0x00, 0x20);
}

void DashboardGroupHeader::setGroup(const QString &name, const models::FleetSummary &counts)
{
    m_name = name;
    m_counts->setSummary(counts);
    updateTexts();
}

void DashboardGroupHeader::setContinuation(bool continued, bool continues)
{
    m_continued = continued;
    m_continues = continues;
    updateTexts();
}

void DashboardGroupHeader::setFreshness(const QString &text, bool failing)
{
    m_freshness->setText(text);
    m_freshness->setToolTip(text);
    if (failing != m_banner) {
        m_banner = failing;
        setAutoFillBackground(failing);
        QPalette banner; // nothing set: the header follows the dashboard's palette
        if (failing) {
            banner = palette();
            banner.setColor(QPalette::Window, bannerColor());
            banner.setColor(QPalette::WindowText, Qt::white);
            banner.setColor(QPalette::Text, Qt::white);
        }
        setPalette(banner);
    }
    updateTexts();
}

QString DashboardGroupHeader::titleText() const
{
    return m_title->text();
}

QString DashboardGroupHeader::freshnessText() const
{
    return m_freshness->text();
}

void DashboardGroupHeader::updateTexts()
{
    QString title = m_name;
    if (m_continued && m_continues)
        title = tr("%1 (continued) … continued on the next page").arg(m_name);
    else if (m_continued)
        title = tr("%1 (continued)").arg(m_name);
    else if (m_continues)
        title = tr("%1 … continued on the next page").arg(m_name);
    m_title->setText(title);
    m_title->setToolTip(title);
    m_title->setAccessibleName(tr("Group"));
    m_freshness->setAccessibleName(tr("Last refresh of the group"));
    setAccessibleName(
        tr("Group %1: %2. %3").arg(title, m_counts->summary().text(), m_freshness->text()));
}

void DashboardGroupHeader::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        updateTexts();
    QWidget::changeEvent(event);
}

} // namespace ui
