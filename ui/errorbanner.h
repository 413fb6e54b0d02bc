#pragma once

#include <QFrame>
#include <QString>

class QLabel;
class QPushButton;

namespace ui {

// An error shown in place, above the data it concerns: an icon, a short headline ("Could not
// refresh pump-station-042."), the error as the AWS CLI words it (selectable, so it can be copied
// into a ticket), and a Retry button (and Sign In where signing in would help). Hidden until
// showError(); announced to screen readers as an alert when shown. Colours follow the palette
// (light or dark).
class ErrorBanner : public QFrame {
    Q_OBJECT

public:
    explicit ErrorBanner(QWidget *parent = nullptr);

    void showError(const QString &headline, const QString &details);
    // The same for an error that may come from the credentials: when `credentialsFailed` and a
    // sign-in profile is set, Sign In is offered for it.
    void showError(const QString &headline, const QString &details, bool credentialsFailed);
    // Hides the banner and forgets the error.
    void clearError();

    QString headline() const;
    QString details() const;
    void setRetryVisible(bool visible);
    QPushButton *retryButton() const { return m_retryButton; }
    // A Sign In button before Retry, for an error that signing in to IAM Identity Center would
    // end; `profile` is named in its tooltip and accessible description. Empty: hidden.
    void offerSignIn(const QString &profile);
    QPushButton *signInButton() const { return m_signInButton; }
    // The profile the data under this banner is read with, when it signs in to IAM Identity
    // Center (the banner's owner knows the connection); empty: none. Applies to the error shown.
    void setSignInProfile(const QString &profile);
    // What the Retry button does (after signing in, for one).
    void retry() { emit retryRequested(); }

signals:
    void retryRequested();
    void signInRequested();

protected:
    void changeEvent(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;

private:
    void applyColours();

    QLabel *m_iconLabel;
    QLabel *m_headlineLabel;
    QLabel *m_detailsLabel;
    QPushButton *m_signInButton;
    QPushButton *m_retryButton;
    QString m_signInProfile;
    bool m_credentialsFailed = false;
    bool m_applyingColours = false;
};

} // namespace ui
