#pragma once

#include <QDialog>
#include <QString>

class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace ui {

// Asks for the code of an MFA device, for a role profile with mfa_serial: names the profile and
// the device, takes six digits (OK stays disabled until there are six) and hands the code over
// once through takeCode(), which clears the field. The field never offers the code to the
// clipboard (its echo is masked once editing ends) and the dialog keeps no copy.
class MfaDialog : public QDialog {
    Q_OBJECT

public:
    static constexpr int kCodeLength = 6;

    MfaDialog(const QString &profile, const QString &serialNumber, QWidget *parent = nullptr);
    ~MfaDialog() override;

    // The code typed when the dialog was accepted, then the field is empty; empty otherwise.
    QString takeCode();
    bool hasCompleteCode() const;

    QLineEdit *codeEdit() const { return m_codeEdit; }
    QDialogButtonBox *buttons() const { return m_buttons; }
    QLabel *promptLabel() const { return m_promptLabel; }

    void done(int result) override;

private:
    void updateOkButton();

    QLabel *m_promptLabel;
    QLineEdit *m_codeEdit;
    QDialogButtonBox *m_buttons;
    QString m_code; // between accept and takeCode() only
};

} // namespace ui
