#pragma once

#include "options/guioptions.h"

#include <QDialog>
#include <QList>
#include <QStringList>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QListWidget;
class QPushButton;

namespace ui {

// File → Connections: the profiles and regions the window watches besides the toolbar's one, on
// the same fleet table. Add takes a profile and a region (empty: the profile's own), refusing a
// region that is no region name, in the AWS CLI's words, and one already listed; Remove drops the
// selected one. The list is the caller's to apply when the dialog is accepted.
class ConnectionsDialog : public QDialog {
    Q_OBJECT

public:
    // `profiles`: the names the profile box offers (any other may be typed).
    explicit ConnectionsDialog(const QStringList &profiles, QWidget *parent = nullptr);
    ~ConnectionsDialog() override;

    void setConnections(const QList<options::ConnectionSpec> &connections);
    const QList<options::ConnectionSpec> &connections() const { return m_connections; }

    // Adds what the profile and region boxes say; false, saying why under them, when refused.
    bool addConnection();
    void removeSelected();
    QComboBox *profileBox() const { return m_profile; }
    QComboBox *regionBox() const { return m_region; }
    // Why the last Add was refused; empty after one that worked.
    QString problemText() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void refreshList();

    QList<options::ConnectionSpec> m_connections;
    QLabel *m_intro;
    QListWidget *m_list;
    QLabel *m_profileLabel;
    QComboBox *m_profile;
    QLabel *m_regionLabel;
    QComboBox *m_region;
    QPushButton *m_add;
    QPushButton *m_remove;
    QLabel *m_problem;
    QDialogButtonBox *m_buttons;
};

} // namespace ui
