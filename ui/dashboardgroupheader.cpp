#include "ui/dashboardgroupheader.h"

#include "ui/dashboardcounts.h"
#include "ui/elidedlabel.h"

#include <QEvent>
#include <QFontMetrics>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

#include <algorithm>

namespace ui {

DashboardGroupHeader::DashboardGroupHeader(QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_counts(new DashboardCounts(this))
    , m_freshness(new ElidedLabel(this))
{
    setObjectName(QStringLiteral("dashboardGroupHeader"));
    m_title->setObjectName(QStringLiteral("groupTitleLabel"));
    m_title->setTextFormat(Qt::PlainText);
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

    auto *top = new QHBoxLayout;
    top->setContentsMargins(0, 0, 0, 0);
    top->addWidget(m_title);
    top->addSpacing(fontMetrics().height());
    top->addWidget(m_counts, 1);
    auto *layout = new QVBoxLayout(this);
    const int margin = fontMetrics().height() / 4;
    layout->setContentsMargins(margin, margin, margin, margin);
    layout->setSpacing(0);
    layout->addLayout(top);
    layout->addWidget(m_freshness);
    updateTexts();
}

int DashboardGroupHeader::fittedHeight() const
{
    const QMargins margins = layout()->contentsMargins();
    return margins.top() + margins.bottom()
        + std::max(QFontMetrics(m_title->font()).height(), m_counts->lineHeight())
        + m_freshness->sizeHint().height();
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
