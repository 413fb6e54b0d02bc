#include "ui/ssosignindialog.h"

#include "aws/awsprofiles.h"
#include "aws/configresolver.h"
#include "aws/ssodevicesignin.h"
#include "models/timetext.h"

#include <QApplication>
#include <QClipboard>
#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QGridLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace ui {

aws::Result<SsoSignInTarget> SsoSignInDialog::targetFor(
    const aws::ConfigResolver &resolver, const QString &profile)
{
    const aws::AwsProfiles &profiles = resolver.sharedProfiles();
    const aws::AwsProfile *found = profiles.profile(profile);
    if (!found)
        return aws::AwsError::profileNotFound(profile);
    const aws::Result<aws::SsoSettings> settings = aws::ssoLoginSettingsFor(*found, profiles);
    if (!settings.ok())
        return settings.error();
    const aws::Result<aws::SsoEndpoints> endpoints = aws::ssoEndpointsFor(
        settings.value(), *found, resolver.environment(), profiles, resolver.homeDirectory());
    if (!endpoints.ok())
        return endpoints.error();
    return SsoSignInTarget { settings.value(), endpoints.value() };
}

SsoSignInDialog *SsoSignInDialog::openFor(SsoSignInTarget target, QNetworkAccessManager *network,
    UrlOpener openUrl, QWidget *parent, std::function<void()> afterSignIn)
{
    auto *dialog = new SsoSignInDialog(std::move(target), network, std::move(openUrl), parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &SsoSignInDialog::signedIn, dialog, std::move(afterSignIn));
    dialog->open();
    return dialog;
}

SsoSignInDialog::SsoSignInDialog(
    SsoSignInTarget target, QNetworkAccessManager *network, UrlOpener openUrl, QWidget *parent)
    : QDialog(parent)
    , m_target(std::move(target))
    , m_network(network)
    , m_openUrl(openUrl ? std::move(openUrl)
                        : UrlOpener([](const QUrl &url) { return QDesktopServices::openUrl(url); }))
    , m_introLabel(new QLabel(this))
    , m_urlLabel(new QLabel(this))
    , m_codeCaptionLabel(new QLabel(this))
    , m_codeLabel(new QLabel(this))
    , m_statusLabel(new QLabel(this))
    , m_copyCodeButton(new QPushButton(tr("&Copy Code"), this))
    , m_openBrowserButton(new QPushButton(tr("&Open Browser"), this))
    , m_tryAgainButton(new QPushButton(tr("&Try Again"), this))
    , m_cancelButton(new QPushButton(tr("Cancel"), this))
{
    setObjectName(QStringLiteral("ssoSignInDialog"));
    setWindowTitle(tr("Sign In to IAM Identity Center"));
    setModal(true);
    m_introLabel->setObjectName(QStringLiteral("ssoIntroLabel"));
    m_introLabel->setTextFormat(Qt::PlainText);
    m_introLabel->setWordWrap(true);
    m_introLabel->setText(tr("Profile %1 signs in at %2. Open this page, check that it shows the "
                             "code below, and approve the sign-in.")
                              .arg(m_target.settings.profile, m_target.settings.startUrl));

    m_urlLabel->setObjectName(QStringLiteral("ssoUrlLabel"));
    m_urlLabel->setTextFormat(Qt::PlainText);
    m_urlLabel->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_urlLabel->setAccessibleName(tr("Verification page"));
    m_urlLabel->setWordWrap(true);

    m_codeCaptionLabel->setObjectName(QStringLiteral("ssoCodeCaptionLabel"));
    m_codeCaptionLabel->setText(tr("Code:"));
    m_codeLabel->setObjectName(QStringLiteral("ssoCodeLabel"));
    m_codeLabel->setTextFormat(Qt::PlainText);
    m_codeLabel->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_codeLabel->setAccessibleName(tr("Code"));
    QFont large = m_codeLabel->font();
    large.setPointSizeF(large.pointSizeF() * 2);
    large.setBold(true);
    large.setFamily(QStringLiteral("monospace"));
    large.setStyleHint(QFont::Monospace);
    m_codeLabel->setFont(large);
    m_codeCaptionLabel->setBuddy(m_codeLabel);

    m_statusLabel->setObjectName(QStringLiteral("ssoStatusLabel"));
    m_statusLabel->setTextFormat(Qt::PlainText);
    m_statusLabel->setWordWrap(true);
    m_statusLabel->setAccessibleName(tr("Sign-in status"));

    m_copyCodeButton->setObjectName(QStringLiteral("ssoCopyCodePushButton"));
    m_copyCodeButton->setAccessibleName(tr("Copy code"));
    m_openBrowserButton->setObjectName(QStringLiteral("ssoOpenBrowserPushButton"));
    m_openBrowserButton->setAccessibleName(tr("Open browser"));
    m_tryAgainButton->setObjectName(QStringLiteral("ssoTryAgainPushButton"));
    m_tryAgainButton->setAccessibleName(tr("Try again"));
    m_cancelButton->setObjectName(QStringLiteral("ssoCancelPushButton"));
    m_cancelButton->setAccessibleName(tr("Cancel"));

    auto *codeRow = new QGridLayout;
    codeRow->addWidget(m_urlLabel, 0, 0, 1, 3);
    codeRow->addWidget(m_codeCaptionLabel, 1, 0);
    codeRow->addWidget(m_codeLabel, 1, 1);
    codeRow->addWidget(m_copyCodeButton, 1, 2);
    codeRow->setColumnStretch(1, 1);

    auto *buttons = new QDialogButtonBox(this);
    buttons->setObjectName(QStringLiteral("ssoButtonBox"));
    buttons->addButton(m_openBrowserButton, QDialogButtonBox::ActionRole);
    buttons->addButton(m_tryAgainButton, QDialogButtonBox::ActionRole);
    buttons->addButton(m_cancelButton, QDialogButtonBox::RejectRole);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_introLabel);
    layout->addLayout(codeRow);
    layout->addWidget(m_statusLabel);
    layout->addWidget(buttons);

    connect(m_copyCodeButton, &QPushButton::clicked, this,
        [this] { QApplication::clipboard()->setText(m_codeLabel->text()); });
    connect(m_openBrowserButton, &QPushButton::clicked, this, [this] {
        if (!m_openUrl(m_pageWithCode))
            m_statusLabel->setText(tr("No browser could be opened: open the page above yourself."));
    });
    connect(m_tryAgainButton, &QPushButton::clicked, this, &SsoSignInDialog::start);
    connect(m_cancelButton, &QPushButton::clicked, this, &SsoSignInDialog::reject);
    start();
}

SsoSignInDialog::~SsoSignInDialog()
{
    if (m_signIn)
        m_signIn->cancel();
}

void SsoSignInDialog::start()
{
    stop();
    m_pageWithCode.clear();
    m_urlLabel->clear();
    m_codeLabel->clear();
    m_codeCaptionLabel->hide();
    m_codeLabel->hide();
    m_copyCodeButton->hide();
    m_openBrowserButton->hide();
    m_tryAgainButton->hide();
    m_cancelButton->setText(tr("Cancel"));
    m_statusLabel->setText(tr("Asking IAM Identity Center for a code…"));
    m_signIn = new aws::SsoDeviceSignIn(m_target.settings, m_target.endpoints, m_network, {}, this);
    m_signIn->start([this](const aws::SsoSignInPrompt &prompt) { showPrompt(prompt); },
        [this](const aws::Result<aws::SsoToken> &result) { finish(result); });
}

bool SsoSignInDialog::isWaiting() const
{
    return m_signIn != nullptr;
}

void SsoSignInDialog::showPrompt(const aws::SsoSignInPrompt &prompt)
{
    m_pageWithCode = prompt.verificationUriComplete;
    m_urlLabel->setText(prompt.verificationUri.toString());
    m_codeLabel->setText(prompt.userCode);
    m_codeLabel->setAccessibleDescription(prompt.userCode);
    m_codeCaptionLabel->show();
    m_codeLabel->show();
    m_copyCodeButton->show();
    m_openBrowserButton->show();
    m_openBrowserButton->setDefault(true);
    const QString waiting = tr("Waiting for the sign-in to be approved in the browser. The code "
                               "is good until %1.")
                                .arg(models::clockTimeText(prompt.expiresAt));
    if (m_openUrl(m_pageWithCode))
        m_statusLabel->setText(waiting);
    else
        m_statusLabel->setText(waiting + QLatin1Char(' ')
            + tr("No browser could be opened: open the page above yourself."));
}

void SsoSignInDialog::finish(const aws::Result<aws::SsoToken> &result)
{
    // The sign-in object is done; deleted later, as this runs inside its callback.
    if (m_signIn)
        std::exchange(m_signIn, nullptr)->deleteLater();
    if (result.ok()) {
        m_statusLabel->setText(tr("Signed in."));
        emit signedIn();
        accept();
        return;
    }
    m_statusLabel->setText(failureSentence(result.error()));
    m_openBrowserButton->hide();
    m_tryAgainButton->show();
    m_tryAgainButton->setDefault(true);
    m_tryAgainButton->setFocus();
    m_cancelButton->setText(tr("Close"));
}

QString SsoSignInDialog::failureSentence(const aws::AwsError &error) const
{
    if (error.kind == aws::AwsError::Kind::Credentials
        && error.message == aws::pendingAuthorizationExpired().message)
        return tr("The code expired before the sign-in was approved. Press Try Again for a new "
                  "code.");
    if (error.kind == aws::AwsError::Kind::Service && error.isAccessDenied())
        return tr("The sign-in was refused in the browser. Press Try Again to start over.");
    return tr("Could not sign in: %1").arg(error.toString());
}

void SsoSignInDialog::stop()
{
    if (!m_signIn)
        return;
    m_signIn->cancel();
    std::exchange(m_signIn, nullptr)->deleteLater();
}

void SsoSignInDialog::reject()
{
    stop();
    QDialog::reject();
}

} // namespace ui
