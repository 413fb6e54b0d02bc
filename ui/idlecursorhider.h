#pragma once

#include <QObject>
#include <QTimer>

#include <chrono>

namespace ui {

// Hides the mouse pointer over the application's windows once it has not moved for `idle`, and
// shows it again at the next move, click or wheel turn: a wall display shows no pointer in the
// middle of its tiles, and anyone who reaches for the mouse gets it back at once.
class IdleCursorHider : public QObject {
    Q_OBJECT
public:
    explicit IdleCursorHider(
        std::chrono::milliseconds idle = std::chrono::seconds(3), QObject *parent = nullptr);
    ~IdleCursorHider() override;

    bool isHidden() const { return m_hidden; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void hide();
    void show();

    QTimer m_idle;
    bool m_hidden = false;
};

} // namespace ui
