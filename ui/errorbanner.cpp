#include "ui/errorbanner.h"

#include "models/statuspresentation.h"
#include "ui/symbolicicon.h"

#include <QAccessible>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QPushButton>
#include <QVBoxLayout>

namespace ui {

namespace {

// The banner's colours, light and dark, each pair at least 4.5:1 apart.
struct BannerColours {
    QColor background;
    QColor text;
    QColor accent;
};

BannerColours bannerColours(bool dark)
{
    if (dark)
        return { QColor(0x3b, 0x1d, 0x1d), QColor(0xff, 0xda, 0xd6), QColor(0xff, 0x8a, 0x80) };
    return { QColor(0xfd, 0xec, 0xea), QColor(0x5f, 0x14, 0x10), QColor(0xb3, 0x26, 0x1e) };
}

constexpr int kAccentWidth = 4;
const QString kErrorIcon = QStringLiteral(":/icons/error.svg");

} // namespace

ErrorBanner::ErrorBanner(QWidget *parent)
    : QFrame(parent)
    , m_iconLabel(new QLabel(this))
    , m_headlineLabel(new QLabel(this))
    , m_detailsLabel(new QLabel(this))
    , m_signInButton(new QPushButton(tr("&Sign In…"), this))
    , m_retryButton(new QPushButton(tr("&Retry"), this))
{
    setObjectName(QStringLiteral("errorBanner"));
    setAccessibleName(tr("Error"));
    setAutoFillBackground(true);
    m_iconLabel->setObjectName(QStringLiteral("errorIconLabel"));
    m_headlineLabel->setObjectName(QStringLiteral("errorHeadlineLabel"));
    m_detailsLabel->setObjectName(QStringLiteral("errorDetailsLabel"));
    m_retryButton->setObjectName(QStringLiteral("retryPushButton"));
    m_retryButton->setAccessibleName(tr("Retry"));
    m_signInButton->setObjectName(QStringLiteral("signInPushButton"));
    m_signInButton->setAccessibleName(tr("Sign in"));
    m_signInButton->hide();

    QFont bold = m_headlineLabel->font();
    bold.setBold(true);
    m_headlineLabel->setFont(bold);
    m_headlineLabel->setWordWrap(true);
    m_detailsLabel->setWordWrap(true);
    m_detailsLabel->setTextFormat(Qt::PlainText);
    m_headlineLabel->setTextFormat(Qt::PlainText);
    m_detailsLabel->setTextInteractionFlags(
        Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);

    auto *text = new QVBoxLayout;
    text->setSpacing(2);
    text->addWidget(m_headlineLabel);
    text->addWidget(m_detailsLabel);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(kAccentWidth + 8, 6, 8, 6);
    layout->addWidget(m_iconLabel, 0, Qt::AlignTop);
    layout->addLayout(text, 1);
    layout->addWidget(m_signInButton, 0, Qt::AlignVCenter);
    layout->addWidget(m_retryButton, 0, Qt::AlignVCenter);

    connect(m_retryButton, &QPushButton::clicked, this, &ErrorBanner::retryRequested);
    connect(m_signInButton, &QPushButton::clicked, this, &ErrorBanner::signInRequested);
    applyColours();
    hide();
}

void ErrorBanner::showError(const QString &headline, const QString &details, bool credentialsFailed)
{
    m_credentialsFailed = credentialsFailed;
    offerSignIn(credentialsFailed ? m_signInProfile : QString());
    showError(headline, details);
}

void ErrorBanner::setSignInProfile(const QString &profile)
{
    m_signInProfile = profile;
    if (!headline().isEmpty())
        offerSignIn(m_credentialsFailed ? m_signInProfile : QString());
}

void ErrorBanner::showError(const QString &headline, const QString &details)
{
    m_headlineLabel->setText(headline);
    m_detailsLabel->setText(details);
    m_detailsLabel->setVisible(!details.isEmpty());
    setAccessibleDescription(details.isEmpty() ? headline : headline + QLatin1Char(' ') + details);
    const bool wasVisible = isVisible();
    show();
    if (!wasVisible && isVisible()) {
        QAccessibleEvent alert(this, QAccessible::Alert);
        QAccessible::updateAccessibility(&alert);
    }
}

void ErrorBanner::clearError()
{
    m_credentialsFailed = false;
    offerSignIn(QString());
    // setText(), not clear(): clear() asks the whole window for a new layout even when the label
    // is empty already, and every connection's refresh clears the banner.
    m_headlineLabel->setText(QString());
    m_detailsLabel->setText(QString());
    setAccessibleDescription(QString());
    hide();
}

QString ErrorBanner::headline() const
{
    return m_headlineLabel->text();
}

QString ErrorBanner::details() const
{
    return m_detailsLabel->text();
}

void ErrorBanner::setRetryVisible(bool visible)
{
    m_retryButton->setVisible(visible);
}

void ErrorBanner::offerSignIn(const QString &profile)
{
    const QString purpose = profile.isEmpty()
        ? QString()
        : tr("Sign in to IAM Identity Center for profile %1").arg(profile);
    m_signInButton->setToolTip(purpose);
    m_signInButton->setAccessibleDescription(purpose);
    m_signInButton->setVisible(!profile.isEmpty());
}

void ErrorBanner::applyColours()
{
    // Changing the palette here raises another PaletteChange; this guard ends the loop.
    m_applyingColours = true;
    const bool dark = models::isDarkPalette(parentWidget() ? parentWidget()->palette() : palette());
    const BannerColours colours = bannerColours(dark);
    QPalette banner = palette();
    banner.setColor(QPalette::Window, colours.background);
    banner.setColor(QPalette::WindowText, colours.text);
    banner.setColor(QPalette::Text, colours.text);
    setPalette(banner);
    m_iconLabel->setPixmap(
        tintedSvgPixmap(kErrorIcon, QSize(20, 20), colours.accent, devicePixelRatioF()));
    m_applyingColours = false;
}

void ErrorBanner::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::ParentChange
        || (event->type() == QEvent::PaletteChange && !m_applyingColours)) {
        applyColours();
    }
    QFrame::changeEvent(event);
}

void ErrorBanner::paintEvent(QPaintEvent *event)
{
    QFrame::paintEvent(event);
    QPainter painter(this);
    painter.fillRect(QRect(0, 0, kAccentWidth, height()),
        bannerColours(models::isDarkPalette(parentWidget() ? parentWidget()->palette() : palette()))
            .accent);
}

} // namespace ui
