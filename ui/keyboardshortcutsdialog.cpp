#include "ui/keyboardshortcutsdialog.h"

#include "ui/qtcontrolnames.h"
#include "ui_keyboardshortcutsdialog.h"

#include <QAction>
#include <QEvent>
#include <QHeaderView>
#include <QSet>

#include <algorithm>

namespace ui {

namespace {

QString keysText(const QList<QKeySequence> &keys)
{
    QStringList texts;
    for (const QKeySequence &key : keys)
        texts.append(key.toString(QKeySequence::NativeText));
    return texts.join(QStringLiteral(", "));
}

} // namespace

// "&&" stays a literal "&".
QString KeyboardShortcutsDialog::plainText(const QString &text)
{
    QString result;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text[i] == QLatin1Char('&') && i + 1 < text.size()) {
            ++i;
        }
        result.append(text[i]);
    }
    if (result.endsWith(QStringLiteral("…")))
        result.chop(1);
    else if (result.endsWith(QStringLiteral("...")))
        result.chop(3);
    return result.trimmed();
}

KeyboardShortcutsDialog::KeyboardShortcutsDialog(QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::KeyboardShortcutsDialogForm>())
{
    m_ui->setupUi(this);
    m_ui->shortcutsTableWidget->horizontalHeader()->setSectionResizeMode(
        0, QHeaderView::ResizeToContents);
    nameQtOwnControls(this);
}

KeyboardShortcutsDialog::~KeyboardShortcutsDialog() = default;

QList<KeyboardShortcutsDialog::Entry> KeyboardShortcutsDialog::entriesOf(
    const QList<QAction *> &actions, const Describe &describe)
{
    QList<Entry> entries;
    QSet<const QAction *> seen;
    for (const QAction *action : actions) {
        if (!action || action->shortcuts().isEmpty() || seen.contains(action))
            continue;
        seen.insert(action);
        const QString description = describe ? describe(action) : QString();
        entries.append({ description.isEmpty() ? plainText(action->text()) : description,
            action->shortcuts() });
    }
    std::sort(entries.begin(), entries.end(), [](const Entry &a, const Entry &b) {
        return QString::localeAwareCompare(a.action, b.action) < 0;
    });
    return entries;
}

void KeyboardShortcutsDialog::setEntries(const QList<Entry> &entries)
{
    QTableWidget *table = m_ui->shortcutsTableWidget;
    table->setRowCount(int(entries.size()));
    for (int row = 0; row < entries.size(); ++row) {
        auto *action = new QTableWidgetItem(entries[row].action);
        auto *keys = new QTableWidgetItem(keysText(entries[row].keys));
        keys->setData(Qt::AccessibleTextRole,
            tr("%1: %2").arg(entries[row].action, keysText(entries[row].keys)));
        table->setItem(row, 0, action);
        table->setItem(row, 1, keys);
    }
}

int KeyboardShortcutsDialog::entryCount() const
{
    return m_ui->shortcutsTableWidget->rowCount();
}

QStringList KeyboardShortcutsDialog::lines() const
{
    QStringList result;
    const QTableWidget *table = m_ui->shortcutsTableWidget;
    for (int row = 0; row < table->rowCount(); ++row)
        result.append(
            table->item(row, 0)->text() + QLatin1Char('\t') + table->item(row, 1)->text());
    return result;
}

void KeyboardShortcutsDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        m_ui->retranslateUi(this);
    QDialog::changeEvent(event);
}

} // namespace ui
