#pragma once

#include "aws/configresolver.h"
#include "ui/choiceresolver.h"

#include <QComboBox>
#include <QList>

namespace ui {

// The profile picker: "Environment" first when AWS_ACCESS_KEY_ID is set, then the ~/.aws and
// keychain profiles by name (keychain ones marked), then "Demo". Each entry's tooltip says where
// it is defined. A chosen profile that no file defines (--profile typo, a deleted profile) is
// still shown, marked "not found", so the picker always tells what the window is connected as.
class ProfilePicker : public QComboBox {
    Q_OBJECT

public:
    explicit ProfilePicker(QWidget *parent = nullptr);

    // Rebuilds the entries, keeping the current choice.
    void setProfiles(
        const QList<aws::ProfileListEntry> &profiles, bool environmentEntry, bool demoEntry = true);
    ProfileChoice currentChoice() const;
    // Selects the entry (adding a "not found" one for a profile not in the list); emits nothing.
    void setCurrentChoice(const ProfileChoice &choice);
    // The entry's index, or -1.
    int indexOfChoice(const ProfileChoice &choice) const;

signals:
    // The user picked an entry (not emitted for setCurrentChoice()).
    void choiceActivated(const ui::ProfileChoice &choice);

protected:
    void changeEvent(QEvent *event) override;

private:
    void addChoice(const QString &text, const ProfileChoice &choice, const QString &toolTip);
    void retranslate();

    QList<aws::ProfileListEntry> m_profiles;
    bool m_environmentEntry = false;
    bool m_demoEntry = true;
    ProfileChoice m_current = ProfileChoice::environment();
};

} // namespace ui
