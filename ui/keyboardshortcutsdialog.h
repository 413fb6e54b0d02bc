#pragma once

#include <QDialog>
#include <QKeySequence>
#include <QList>
#include <QString>

#include <functional>
#include <memory>

class QAction;

namespace Ui {
class KeyboardShortcutsDialogForm;
}

namespace ui {

// Help → Keyboard Shortcuts: every shortcut of the window, read from its actions (so the list
// cannot drift from what the keys do), plus the keys that belong to widgets rather than actions.
class KeyboardShortcutsDialog : public QDialog {
    Q_OBJECT

public:
    struct Entry {
        QString action; // "Refresh", without mnemonics or "…"
        QList<QKeySequence> keys; // F5, Ctrl+R
    };

    explicit KeyboardShortcutsDialog(QWidget *parent = nullptr);
    ~KeyboardShortcutsDialog() override;

    using Describe = std::function<QString(const QAction *)>;

    void setEntries(const QList<Entry> &entries);
    // The entries of actions with shortcuts, sorted by name, each action once. `describe` may
    // name an action better than its menu text (where it works); an empty answer keeps the text.
    static QList<Entry> entriesOf(const QList<QAction *> &actions, const Describe &describe = {});
    // "&Refresh…" → "Refresh".
    static QString plainText(const QString &text);

    int entryCount() const;
    // "Refresh\tF5, Ctrl+R" lines, as shown (tests).
    QStringList lines() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    std::unique_ptr<Ui::KeyboardShortcutsDialogForm> m_ui;
};

} // namespace ui
