#pragma once

// Walks a window's widgets and actions as a screen reader meets them, and lists the operable
// ones without a name (QAccessible::Name as Qt's accessibility interface reports it).
#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSlider>
#include <QAbstractSpinBox>
#include <QAccessible>
#include <QAction>
#include <QComboBox>
#include <QHeaderView>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QTabBar>
#include <QTextEdit>
#include <QToolBar>
#include <QWidget>
#include <QWidgetAction>

namespace accessiblewalk {

inline QString accessibleName(QWidget *widget)
{
    QAccessibleInterface *interface = QAccessible::queryAccessibleInterface(widget);
    return interface ? interface->text(QAccessible::Name).trimmed() : QString();
}

// "QToolButton 'copyArnButton' in detailsGroup < MainWindow": enough to find it in the code.
inline QString describe(QObject *object)
{
    QString text = QString::fromLatin1(object->metaObject()->className()) + QStringLiteral(" '")
        + object->objectName() + QLatin1Char('\'');
    QStringList parents;
    for (QObject *parent = object->parent(); parent; parent = parent->parent())
        parents.append(parent->objectName().isEmpty()
                ? QString::fromLatin1(parent->metaObject()->className())
                : parent->objectName());
    if (!parents.isEmpty())
        text += QStringLiteral(" in ") + parents.join(QStringLiteral(" < "));
    return text;
}

// Whether a user operates `widget` (presses, types into, chooses in, moves through it).
inline bool isOperable(QWidget *widget)
{
    // Parts of a bigger control that names itself: a table's header and scroll bars, the line
    // edit of an editable combo box or a spin box.
    if (qobject_cast<QHeaderView *>(widget) || qobject_cast<QScrollBar *>(widget))
        return false;
    if (qobject_cast<QComboBox *>(widget->parentWidget())
        || qobject_cast<QAbstractSpinBox *>(widget->parentWidget()))
        return false;
    if (qobject_cast<QTabBar *>(widget))
        return false; // its tabs are checked one by one
    if (qobject_cast<QAbstractButton *>(widget) || qobject_cast<QLineEdit *>(widget)
        || qobject_cast<QComboBox *>(widget) || qobject_cast<QAbstractSpinBox *>(widget)
        || qobject_cast<QAbstractSlider *>(widget) || qobject_cast<QAbstractItemView *>(widget)
        || qobject_cast<QTextEdit *>(widget) || qobject_cast<QPlainTextEdit *>(widget))
        return true;
    // Anything else that takes keyboard focus (a chart, a bar view) is operated too.
    return (widget->focusPolicy() & Qt::TabFocus) != 0;
}

inline void unnamedActions(const QList<QAction *> &actions, QStringList &unnamed)
{
    for (QAction *action : actions) {
        // A toolbar's widget (a picker, a combo box) is checked as the widget it is.
        if (action->isSeparator() || qobject_cast<QWidgetAction *>(action))
            continue;
        QString text = action->text();
        text.remove(QLatin1Char('&'));
        if (text.trimmed().isEmpty())
            unnamed.append(QStringLiteral("action ") + describe(action));
        if (action->menu())
            unnamedActions(action->menu()->actions(), unnamed);
    }
}

// Every operable widget of `window` (widgets of other windows, such as combo box popups, left
// out), every tab, and every action of its menus, toolbars and context menus, without a name.
inline QStringList unnamedControls(QWidget *window)
{
    QStringList unnamed;
    QList<QWidget *> widgets = window->findChildren<QWidget *>();
    widgets.prepend(window);
    for (QWidget *widget : widgets) {
        if (widget->window() != window)
            continue;
        if (auto *tabs = qobject_cast<QTabBar *>(widget)) {
            for (int tab = 0; tab < tabs->count(); ++tab) {
                QString text = tabs->tabText(tab);
                text.remove(QLatin1Char('&'));
                if (text.trimmed().isEmpty() && tabs->accessibleTabName(tab).isEmpty())
                    unnamed.append(QStringLiteral("tab %1 of ").arg(tab) + describe(tabs));
            }
        }
        if (isOperable(widget) && accessibleName(widget).isEmpty())
            unnamed.append(describe(widget));
        if (qobject_cast<QMenuBar *>(widget) || qobject_cast<QToolBar *>(widget)
            || widget->contextMenuPolicy() == Qt::ActionsContextMenu)
            unnamedActions(widget->actions(), unnamed);
    }
    return unnamed;
}

} // namespace accessiblewalk
