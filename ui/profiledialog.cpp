#include "ui/profiledialog.h"

#include "aws/configresolver.h"
#include "ui_profiledialog.h"

#include <QMessageBox>
#include <QPushButton>

namespace ui {

namespace {

// The regions the service ran in; the field stays editable for compatible endpoints.
QStringList serviceRegions()
{
    return { QString(), QStringLiteral("us-east-1"), QStringLiteral("eu-west-1"),
        QStringLiteral("ap-northeast-2") };
}

} // namespace

ProfileDialog::ProfileDialog(
    aws::KeychainProfileStore *store, aws::AwsProfiles sharedProfiles, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::ProfileDialogForm>())
    , m_store(store)
    , m_sharedProfiles(std::move(sharedProfiles))
{
    m_ui->setupUi(this);
    setWindowTitle(tr("New Keychain Profile"));
    m_ui->regionComboBox->addItems(serviceRegions());
    m_ui->messageLabel->hide();

    m_deleteButton
        = m_ui->buttonBox->addButton(tr("&Delete Profile"), QDialogButtonBox::DestructiveRole);
    m_deleteButton->setObjectName(QStringLiteral("deleteButton"));
    m_deleteButton->setAccessibleName(tr("Delete profile"));
    m_deleteButton->hide();
    m_ui->buttonBox->button(QDialogButtonBox::Save)->setDefault(true);

    connect(m_ui->buttonBox, &QDialogButtonBox::clicked, this, [this](QAbstractButton *button) {
        if (button == m_deleteButton) {
            confirmDelete();
            return;
        }
        switch (m_ui->buttonBox->standardButton(button)) {
        case QDialogButtonBox::Save:
            save();
            break;
        case QDialogButtonBox::Close:
            accept(); // after keys were kept for the session: they are saved, in memory
            break;
        default:
            reject();
            break;
        }
    });
}

ProfileDialog::~ProfileDialog() = default;

bool ProfileDialog::editProfile(const QString &name)
{
    const std::optional<aws::KeychainProfile> profile = m_store->profile(name);
    if (!profile)
        return false;
    m_editedName = name;
    setWindowTitle(tr("Edit Keychain Profile"));
    m_ui->nameLineEdit->setText(name);
    m_ui->nameLineEdit->setReadOnly(true);
    m_ui->regionComboBox->setCurrentText(profile->region);
    m_ui->endpointUrlLineEdit->setText(profile->endpointUrl);
    const QString keep = tr("Leave empty to keep the stored keys");
    m_ui->accessKeyIdLineEdit->setPlaceholderText(keep);
    m_ui->secretAccessKeyLineEdit->setPlaceholderText(keep);
    m_ui->sessionTokenLineEdit->setPlaceholderText(keep);
    m_deleteButton->show();
    m_ui->accessKeyIdLineEdit->setFocus();
    return true;
}

QString ProfileDialog::message() const
{
    return m_ui->messageLabel->isHidden() ? QString() : m_ui->messageLabel->text();
}

void ProfileDialog::showMessage(const QString &text)
{
    m_ui->messageLabel->setText(text);
    m_ui->messageLabel->setAccessibleDescription(text);
    m_ui->messageLabel->setVisible(!text.isEmpty());
}

void ProfileDialog::setBusy(bool busy)
{
    const QList<QWidget *> widgets { m_ui->nameLineEdit, m_ui->accessKeyIdLineEdit,
        m_ui->secretAccessKeyLineEdit, m_ui->sessionTokenLineEdit, m_ui->regionComboBox,
        m_ui->endpointUrlLineEdit, m_ui->buttonBox };
    for (QWidget *widget : widgets)
        widget->setEnabled(!busy);
}

aws::KeychainProfile ProfileDialog::enteredProfile() const
{
    return { m_ui->nameLineEdit->text().trimmed(), m_ui->regionComboBox->currentText().trimmed(),
        m_ui->endpointUrlLineEdit->text().trimmed() };
}

std::optional<QString> ProfileDialog::validationProblem(const aws::KeychainProfile &profile,
    const aws::KeychainSecret &secret, bool keepStoredKeys) const
{
    if (!isEditing()) {
        if (aws::KeychainProfileStore::nameProblem(profile.name))
            return tr("The profile name must be 1 to 64 letters, digits or . _ @ + = -, starting "
                      "with a letter or digit.");
        if (const aws::AwsProfile *shared = m_sharedProfiles.profile(profile.name)) {
            const QString where = shared->configLocation.isEmpty() ? shared->credentialsLocation
                                                                   : shared->configLocation;
            return tr("The name “%1” is already used by a profile in %2. A keychain profile cannot "
                      "share its name "
                      "with a ~/.aws profile; choose another name.")
                .arg(profile.name, where);
        }
        if (m_store->profile(profile.name))
            return tr("A keychain profile named “%1” already exists. Choose another name, or edit "
                      "that profile.")
                .arg(profile.name);
    }
    if (!keepStoredKeys && !secret.isComplete()) {
        return isEditing()
            ? tr("Enter both the access key ID and the secret access key, or leave all three key "
                 "fields empty to keep the stored keys.")
            : tr("Enter both the access key ID and the secret access key.");
    }
    if (!profile.region.isEmpty() && aws::regionProblem(profile.region))
        return tr("“%1” is not a region name (for example eu-west-1).").arg(profile.region);
    if (!profile.endpointUrl.isEmpty()
        && !aws::parseEndpointUrl(profile.endpointUrl, QString()).ok())
        return tr("The endpoint URL must start with https://, or with http:// for this computer "
                  "only (127.0.0.1, "
                  "::1 or localhost), and have no user name, query or fragment.");
    return std::nullopt;
}

QString ProfileDialog::keychainProblemText(aws::KeychainFailure failure) const
{
    switch (failure) {
    case aws::KeychainFailure::NoDbus:
        return tr("No keychain: there is no D-Bus session bus, so the Secret Service cannot be "
                  "reached. Run Lookout "
                  "Desk inside your desktop session to keep keys in the keychain.");
    case aws::KeychainFailure::NoSecretService:
        return tr("No keychain: no Secret Service is running. Install and start one (GNOME "
                  "Keyring, KWallet, or "
                  "KeePassXC with its Secret Service integration) to keep keys in the keychain.");
    case aws::KeychainFailure::NoKeyring:
        return tr("No keychain: the Secret Service has no usable default keyring. Create or unlock "
                  "your login "
                  "keyring, for example with Seahorse.");
    case aws::KeychainFailure::Locked:
        return tr(
            "The keychain is locked. Unlock your keyring, then save again to keep the keys there.");
    case aws::KeychainFailure::Denied:
        return tr(
            "Access to the keychain was denied. Allow Lookout Desk to use it, then save again.");
    case aws::KeychainFailure::TimedOut:
        return tr("The keychain did not answer in time; it may be waiting for you to unlock it.");
    case aws::KeychainFailure::NotFound:
    case aws::KeychainFailure::Other:
        break;
    }
    return tr("The keychain could not store the keys.");
}

void ProfileDialog::showSessionOnlyOutcome(const aws::KeychainSaveOutcome &outcome)
{
    showMessage(keychainProblemText(outcome.failure.value_or(aws::KeychainFailure::Other))
        + QLatin1Char(' ')
        + tr("The keys are kept in memory for this session only and are not written anywhere; you "
             "will be "
             "asked for them again next time."));
    // Saved, for this session: the form is done, only Close remains.
    for (QLineEdit *secretField :
        { m_ui->accessKeyIdLineEdit, m_ui->secretAccessKeyLineEdit, m_ui->sessionTokenLineEdit })
        secretField->clear();
    setBusy(true);
    m_ui->buttonBox->setEnabled(true);
    m_ui->buttonBox->setStandardButtons(QDialogButtonBox::Close);
    m_deleteButton->hide();
    m_ui->buttonBox->button(QDialogButtonBox::Close)->setDefault(true);
    m_ui->buttonBox->button(QDialogButtonBox::Close)->setFocus();
}

void ProfileDialog::save()
{
    const aws::KeychainProfile profile = enteredProfile();
    const aws::KeychainSecret secret { m_ui->accessKeyIdLineEdit->text().trimmed(),
        m_ui->secretAccessKeyLineEdit->text().trimmed(),
        m_ui->sessionTokenLineEdit->text().trimmed() };
    const bool keepStoredKeys = isEditing() && secret.accessKeyId.isEmpty()
        && secret.secretAccessKey.isEmpty() && secret.sessionToken.isEmpty();
    if (const auto problem = validationProblem(profile, secret, keepStoredKeys)) {
        showMessage(*problem);
        return;
    }
    if (keepStoredKeys) {
        const aws::Result<aws::KeychainProfile> updated = m_store->updateDetails(profile);
        if (!updated.ok()) {
            showMessage(tr("The profile could not be saved: %1").arg(updated.error().message));
            return;
        }
        emit profileSaved(profile.name, !m_store->isSessionOnly(profile.name));
        accept();
        return;
    }
    setBusy(true);
    showMessage(tr("Saving the keys in the keychain…"));
    m_store->save(profile, secret, aws::KeychainProfileStore::Fallback::KeepForSession, this,
        [this, name = profile.name](const aws::Result<aws::KeychainSaveOutcome> &result) {
            setBusy(false);
            if (!result.ok()) {
                showMessage(tr("The profile could not be saved: %1").arg(result.error().message));
                return;
            }
            emit profileSaved(name, result.value().inKeychain);
            if (result.value().inKeychain) {
                accept();
                return;
            }
            showSessionOnlyOutcome(result.value());
        });
}

void ProfileDialog::confirmDelete()
{
    if (m_confirmation)
        return;
    m_confirmation = new QMessageBox(QMessageBox::Question, tr("Delete Profile"),
        tr("Delete the profile “%1” and its keys from the keychain?").arg(m_editedName),
        QMessageBox::Yes | QMessageBox::No, this);
    m_confirmation->setObjectName(QStringLiteral("deleteConfirmation"));
    m_confirmation->setAccessibleName(tr("Confirm deletion"));
    m_confirmation->setDefaultButton(QMessageBox::No);
    m_confirmation->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_confirmation, &QMessageBox::finished, this, [this] {
        if (m_confirmation
            && m_confirmation->standardButton(m_confirmation->clickedButton()) == QMessageBox::Yes)
            removeProfile();
    });
    m_confirmation->open();
}

void ProfileDialog::removeProfile()
{
    setBusy(true);
    m_store->remove(m_editedName, this, [this](const aws::Result<bool> &result) {
        setBusy(false);
        if (!result.ok()) {
            const std::optional<aws::KeychainFailure> failure
                = aws::keychainFailureOf(result.error());
            showMessage(failure
                    ? keychainProblemText(*failure) + QLatin1Char(' ')
                        + tr("The profile was kept; delete it again once the keychain can be "
                             "reached.")
                    : tr("The profile could not be deleted: %1").arg(result.error().message));
            return;
        }
        emit profileDeleted(m_editedName);
        accept();
    });
}

} // namespace ui
