#include "ui/profilepicker.h"

#include <QEvent>
#include <QSignalBlocker>

namespace ui {

namespace {

constexpr int kChoiceRole = Qt::UserRole + 1;

} // namespace

ProfilePicker::ProfilePicker(QWidget *parent)
    : QComboBox(parent)
{
    setObjectName(QStringLiteral("profilePickerComboBox"));
    setSizeAdjustPolicy(QComboBox::AdjustToContents);
    setMinimumContentsLength(12);
    retranslate();
    connect(this, &QComboBox::activated, this, [this](int index) {
        const auto choice
            = ProfileChoice::fromSettingsValue(itemData(index, kChoiceRole).toString());
        if (!choice)
            return;
        m_current = *choice;
        emit choiceActivated(*choice);
    });
}

void ProfilePicker::retranslate()
{
    setAccessibleName(tr("Profile"));
    setToolTip(tr("The AWS profile to connect with"));
    setProfiles(m_profiles, m_environmentEntry, m_demoEntry);
}

void ProfilePicker::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QComboBox::changeEvent(event);
}

void ProfilePicker::addChoice(
    const QString &text, const ProfileChoice &choice, const QString &toolTip)
{
    addItem(text);
    const int index = count() - 1;
    setItemData(index, choice.toSettingsValue(), kChoiceRole);
    setItemData(index, toolTip, Qt::ToolTipRole);
    setItemData(
        index, QString(text + QStringLiteral(": ") + toolTip), Qt::AccessibleDescriptionRole);
}

void ProfilePicker::setProfiles(
    const QList<aws::ProfileListEntry> &profiles, bool environmentEntry, bool demoEntry)
{
    m_profiles = profiles;
    m_environmentEntry = environmentEntry;
    m_demoEntry = demoEntry;
    const QSignalBlocker blocker(this);
    clear();
    if (environmentEntry)
        addChoice(tr("Environment"), ProfileChoice::environment(),
            tr("Keys from AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, as the AWS CLI uses without "
               "--profile"));
    for (const aws::ProfileListEntry &entry : profiles) {
        QString text = entry.name;
        switch (entry.origin) {
        case aws::ProfileListEntry::Origin::SharedFiles:
            break;
        case aws::ProfileListEntry::Origin::Keychain:
            text = tr("%1 (keychain)").arg(entry.name);
            break;
        case aws::ProfileListEntry::Origin::SessionOnly:
            text = tr("%1 (this session only)").arg(entry.name);
            break;
        }
        addChoice(text, ProfileChoice::profile(entry.name), entry.location);
    }
    if (demoEntry) {
        if (count() > 0)
            insertSeparator(count());
        addChoice(tr("Demo"), ProfileChoice::demo(),
            tr("The built-in demo endpoint: an emulated fleet, no AWS account needed"));
    }
    setCurrentChoice(m_current);
}

int ProfilePicker::indexOfChoice(const ProfileChoice &choice) const
{
    return findData(choice.toSettingsValue(), kChoiceRole);
}

ProfileChoice ProfilePicker::currentChoice() const
{
    return m_current;
}

void ProfilePicker::setCurrentChoice(const ProfileChoice &choice)
{
    m_current = choice;
    const QSignalBlocker blocker(this);
    int index = indexOfChoice(choice);
    if (index < 0 && choice.kind == ProfileChoice::Kind::Profile) {
        addChoice(tr("%1 (not found)").arg(choice.name), choice,
            tr("No ~/.aws file or keychain profile defines %1").arg(choice.name));
        index = count() - 1;
    }
    setCurrentIndex(index);
}

} // namespace ui
