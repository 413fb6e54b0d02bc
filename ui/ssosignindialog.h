#pragma once

#include "aws/result.h"
#include "aws/ssocredentials.h"
#include "aws/ssosettings.h"

#include <QDialog>
#include <QUrl>

#include <functional>

class QDialogButtonBox;
class QLabel;
class QNetworkAccessManager;
class QPushButton;

namespace aws {
class ConfigResolver;
class SsoDeviceSignIn;
struct SsoSignInPrompt;
} // namespace aws

namespace ui {

// What signing in for one profile needs: its IAM Identity Center settings and endpoints (the
// token cache under the resolver's home).
struct SsoSignInTarget {
    aws::SsoSettings settings;
    aws::SsoEndpoints endpoints;
};

// Signs in to IAM Identity Center for one profile as `lookout-desk sso login` does
// (aws::SsoDeviceSignIn, which writes the CLI's token cache): shows the verification page and the
// user code (large, selectable, with Copy Code; the code is not a secret, the token it earns is
// and is never shown), opens the page in the browser (again with Open Browser), says that it is
// waiting while it polls, and Cancel stops the polling. An expired or refused code is a sentence
// with Try Again. On success signedIn() is emitted and the dialog accepts.
class SsoSignInDialog : public QDialog {
    Q_OBJECT

public:
    using UrlOpener = std::function<bool(const QUrl &)>;

    // The sign-in target of `profile`, or why it has none (not an IAM Identity Center profile,
    // or its settings are broken), in the CLI's words.
    static aws::Result<SsoSignInTarget> targetFor(
        const aws::ConfigResolver &resolver, const QString &profile);

    // `network` must outlive the dialog. `openUrl` null: QDesktopServices::openUrl.
    SsoSignInDialog(SsoSignInTarget target, QNetworkAccessManager *network, UrlOpener openUrl = {},
        QWidget *parent = nullptr);
    // Opens a window-modal dialog over `parent`, deleted when closed, that runs `afterSignIn` once
    // signed in.
    static SsoSignInDialog *openFor(SsoSignInTarget target, QNetworkAccessManager *network,
        UrlOpener openUrl, QWidget *parent, std::function<void()> afterSignIn);
    ~SsoSignInDialog() override;

    // Starts (again): a new code.
    void start();
    bool isWaiting() const;

    QLabel *statusLabel() const { return m_statusLabel; }
    QLabel *codeLabel() const { return m_codeLabel; }
    QLabel *urlLabel() const { return m_urlLabel; }
    QPushButton *copyCodeButton() const { return m_copyCodeButton; }
    QPushButton *openBrowserButton() const { return m_openBrowserButton; }
    QPushButton *tryAgainButton() const { return m_tryAgainButton; }
    QPushButton *cancelButton() const { return m_cancelButton; }

    void reject() override;

signals:
    void signedIn();

private:
    void showPrompt(const aws::SsoSignInPrompt &prompt);
    void finish(const aws::Result<aws::SsoToken> &result);
    void stop();
    QString failureSentence(const aws::AwsError &error) const;

    SsoSignInTarget m_target;
    QNetworkAccessManager *m_network;
    UrlOpener m_openUrl;
    aws::SsoDeviceSignIn *m_signIn = nullptr; // a child; null when not polling
    QUrl m_pageWithCode;
    QLabel *m_introLabel;
    QLabel *m_urlLabel;
    QLabel *m_codeCaptionLabel;
    QLabel *m_codeLabel;
    QLabel *m_statusLabel;
    QPushButton *m_copyCodeButton;
    QPushButton *m_openBrowserButton;
    QPushButton *m_tryAgainButton;
    QPushButton *m_cancelButton;
};

} // namespace ui
