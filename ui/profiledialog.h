#pragma once

#include "aws/awsprofiles.h"
#include "aws/keychainprofiles.h"

#include <QDialog>
#include <QPointer>

#include <memory>

class QMessageBox;
class QPushButton;

namespace Ui {
class ProfileDialogForm;
}

namespace ui {

// Creates, edits and deletes keychain profiles: name, access key id, secret (never shown),
// optional session token, region and endpoint URL. Everything goes through the store; the dialog
// never sees JSON or signing. A name used by a ~/.aws profile is refused. Without a keychain the
// dialog says which problem it is and that the keys are kept for this session only.
class ProfileDialog : public QDialog {
    Q_OBJECT
public:
    // `store` must outlive the dialog; `sharedProfiles` are the ~/.aws profiles, for name clashes.
    ProfileDialog(aws::KeychainProfileStore *store, aws::AwsProfiles sharedProfiles,
        QWidget *parent = nullptr);
    ~ProfileDialog() override;

    // Switches to editing an existing keychain profile: the name is fixed, the key fields start
    // empty and, left empty, keep the stored keys. Returns false when there is no such profile.
    bool editProfile(const QString &name);
    bool isEditing() const { return !m_editedName.isEmpty(); }
    // The message shown to the user (validation, keychain problems), empty when none.
    QString message() const;

signals:
    void profileSaved(const QString &name, bool inKeychain);
    void profileDeleted(const QString &name);

private:
    void save();
    void confirmDelete();
    void removeProfile();
    void showMessage(const QString &text);
    void setBusy(bool busy);
    void showSessionOnlyOutcome(const aws::KeychainSaveOutcome &outcome);
    std::optional<QString> validationProblem(const aws::KeychainProfile &profile,
        const aws::KeychainSecret &secret, bool keepStoredKeys) const;
    QString keychainProblemText(aws::KeychainFailure failure) const;
    aws::KeychainProfile enteredProfile() const;

    std::unique_ptr<Ui::ProfileDialogForm> m_ui;
    aws::KeychainProfileStore *m_store;
    aws::AwsProfiles m_sharedProfiles;
    QString m_editedName;
    QPushButton *m_deleteButton = nullptr;
    QPointer<QMessageBox> m_confirmation;
};

} // namespace ui
