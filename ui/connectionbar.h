#pragma once

#include "ui/choiceresolver.h"

#include <QWidget>

class QLabel;
class QToolButton;

namespace ui {

class ProfilePicker;
class RegionPicker;

// The connection part of the toolbar: "Profile" and "Region" pickers with their labels
// (Alt+P, Alt+G focus them) and a button for the connection details. It shows the choice and
// reports the user's changes; resolving them is the window's business.
class ConnectionBar : public QWidget {
    Q_OBJECT

public:
    explicit ConnectionBar(QWidget *parent = nullptr);

    ProfilePicker *profilePicker() const { return m_profilePicker; }
    RegionPicker *regionPicker() const { return m_regionPicker; }
    QToolButton *detailsButton() const { return m_detailsButton; }

    // The Demo entry serves one region only: the region picker shows it and cannot be changed.
    void setRegionFixed(bool fixed, const QString &why = {});

signals:
    void profileChosen(const ui::ProfileChoice &choice);
    void regionChosen(const QString &region);
    void regionRejected(const QString &problem);
    void detailsRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();

    QLabel *m_profileLabel;
    ProfilePicker *m_profilePicker;
    QLabel *m_regionLabel;
    RegionPicker *m_regionPicker;
    QToolButton *m_detailsButton;
    QString m_fixedReason;
};

} // namespace ui
