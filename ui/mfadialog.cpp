#include "ui/mfadialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QVBoxLayout>

namespace ui {

MfaDialog::MfaDialog(const QString &profile, const QString &serialNumber, QWidget *parent)
    : QDialog(parent)
    , m_promptLabel(new QLabel(this))
    , m_codeEdit(new QLineEdit(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("mfaDialog"));
    setWindowTitle(tr("MFA Code for %1").arg(profile));
    setModal(true);
    m_promptLabel->setObjectName(QStringLiteral("mfaPromptLabel"));
    m_promptLabel->setTextFormat(Qt::PlainText);
    m_promptLabel->setWordWrap(true);
    m_promptLabel->setText(
        tr("The profile %1 assumes its role with the MFA device %2. Enter the device's current "
           "six-digit code.")
            .arg(profile, serialNumber));
    m_promptLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_codeEdit->setObjectName(QStringLiteral("mfaCodeLineEdit"));
    m_codeEdit->setAccessibleName(tr("MFA code"));
    m_codeEdit->setAccessibleDescription(tr("Six digits from the device %1").arg(serialNumber));
    m_codeEdit->setMaxLength(kCodeLength);
    m_codeEdit->setValidator(new QRegularExpressionValidator(
        QRegularExpression(QStringLiteral("[0-9]{0,%1}").arg(kCodeLength)), m_codeEdit));
    // Shown while typed; masked afterwards, and a masked field never copies to the clipboard.
    m_codeEdit->setEchoMode(QLineEdit::PasswordEchoOnEdit);
    m_codeEdit->setInputMethodHints(Qt::ImhDigitsOnly | Qt::ImhSensitiveData
        | Qt::ImhNoPredictiveText | Qt::ImhNoAutoUppercase);
    m_codeEdit->setContextMenuPolicy(Qt::NoContextMenu);

    auto *form = new QFormLayout;
    auto *codeLabel = new QLabel(tr("&Code:"), this);
    codeLabel->setObjectName(QStringLiteral("mfaCodeLabel"));
    codeLabel->setBuddy(m_codeEdit);
    form->addRow(codeLabel, m_codeEdit);

    m_buttons->setObjectName(QStringLiteral("mfaButtonBox"));
    QPushButton *ok = m_buttons->button(QDialogButtonBox::Ok);
    ok->setObjectName(QStringLiteral("mfaOkPushButton"));
    ok->setAccessibleName(tr("OK"));
    ok->setDefault(true);
    QPushButton *cancel = m_buttons->button(QDialogButtonBox::Cancel);
    cancel->setObjectName(QStringLiteral("mfaCancelPushButton"));
    cancel->setAccessibleName(tr("Cancel"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_codeEdit, &QLineEdit::textChanged, this, &MfaDialog::updateOkButton);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_promptLabel);
    layout->addLayout(form);
    layout->addWidget(m_buttons);
    updateOkButton();
    m_codeEdit->setFocus();
}

MfaDialog::~MfaDialog()
{
    m_code.fill(u'\0');
}

bool MfaDialog::hasCompleteCode() const
{
    return m_codeEdit->text().size() == kCodeLength && m_codeEdit->hasAcceptableInput();
}

void MfaDialog::updateOkButton()
{
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(hasCompleteCode());
}

void MfaDialog::done(int result)
{
    if (result == QDialog::Accepted && !hasCompleteCode())
        return; // Enter with fewer than six digits: the dialog stays
    if (result == QDialog::Accepted)
        m_code = m_codeEdit->text();
    m_codeEdit->setText(QString()); // setText, unlike clear(), also empties the undo history
    QDialog::done(result);
}

QString MfaDialog::takeCode()
{
    QString code = std::exchange(m_code, QString());
    return code;
}

} // namespace ui
