#include "ui/connectionbar.h"

#include "ui/profilepicker.h"
#include "ui/regionpicker.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QStyle>
#include <QToolButton>

namespace ui {

ConnectionBar::ConnectionBar(QWidget *parent)
    : QWidget(parent)
    , m_profileLabel(new QLabel(this))
    , m_profilePicker(new ProfilePicker(this))
    , m_regionLabel(new QLabel(this))
    , m_regionPicker(new RegionPicker(this))
    , m_detailsButton(new QToolButton(this))
{
    setObjectName(QStringLiteral("connectionBarWidget"));
    m_profileLabel->setObjectName(QStringLiteral("profileLabel"));
    m_regionLabel->setObjectName(QStringLiteral("regionLabel"));
    m_detailsButton->setObjectName(QStringLiteral("connectionDetailsToolButton"));
    m_profileLabel->setBuddy(m_profilePicker);
    m_regionLabel->setBuddy(m_regionPicker);
    m_detailsButton->setIcon(style()->standardIcon(QStyle::SP_MessageBoxInformation));
    m_detailsButton->setAutoRaise(true);
    m_detailsButton->setFocusPolicy(Qt::StrongFocus);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_profileLabel);
    layout->addWidget(m_profilePicker);
    layout->addSpacing(8);
    layout->addWidget(m_regionLabel);
    layout->addWidget(m_regionPicker);
    layout->addWidget(m_detailsButton);
    setTabOrder(m_profilePicker, m_regionPicker);
    setTabOrder(m_regionPicker, m_detailsButton);

    connect(m_profilePicker, &ProfilePicker::choiceActivated, this, &ConnectionBar::profileChosen);
    connect(m_regionPicker, &RegionPicker::regionChosen, this, &ConnectionBar::regionChosen);
    connect(m_regionPicker, &RegionPicker::regionRejected, this, &ConnectionBar::regionRejected);
    connect(m_detailsButton, &QToolButton::clicked, this, &ConnectionBar::detailsRequested);
    retranslate();
}

void ConnectionBar::retranslate()
{
    m_profileLabel->setText(tr("&Profile:"));
    m_regionLabel->setText(tr("Re&gion:"));
    m_detailsButton->setText(tr("Connection details"));
    m_detailsButton->setToolTip(
        tr("Connection details: where the profile, region, endpoint and keys come from"));
    m_detailsButton->setAccessibleName(tr("Connection details"));
    if (!m_fixedReason.isEmpty())
        m_regionPicker->setToolTip(m_fixedReason);
}

void ConnectionBar::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void ConnectionBar::setRegionFixed(bool fixed, const QString &why)
{
    m_fixedReason = fixed ? why : QString();
    m_regionPicker->setEnabled(!fixed);
    m_regionPicker->setToolTip(
        fixed ? why : tr("The AWS region: pick one or type its name and press Enter"));
}

} // namespace ui
