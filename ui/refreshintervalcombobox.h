#pragma once

#include <QComboBox>

#include <chrono>

namespace ui {

// The auto-refresh interval picker: Off, 10 s, 30 s, 1 min, 5 min, and the interval given with
// --refresh-interval when it is none of these.
class RefreshIntervalComboBox : public QComboBox {
    Q_OBJECT

public:
    explicit RefreshIntervalComboBox(QWidget *parent = nullptr);

    // Selects the interval, adding an entry for one not offered; emits nothing.
    void setInterval(std::chrono::seconds interval);
    std::chrono::seconds interval() const;
    // "Off", "10 s", "1 min", "1 h 30 min".
    static QString intervalText(std::chrono::seconds interval);

signals:
    void intervalChosen(std::chrono::seconds interval);

protected:
    void changeEvent(QEvent *event) override;

private:
    void rebuild();
};

} // namespace ui
