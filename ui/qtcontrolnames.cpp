#include "ui/qtcontrolnames.h"

#include <QAbstractButton>
#include <QCoreApplication>
#include <QLineEdit>
#include <QMenuBar>
#include <QTableView>
#include <QToolBar>
#include <QToolButton>

namespace ui {

namespace {

void nameIfUnnamed(QWidget *widget, const QString &name)
{
    if (widget && widget->accessibleName().isEmpty())
        widget->setAccessibleName(name);
}

} // namespace

void nameQtOwnControls(QWidget *window)
{
    for (QLineEdit *edit : window->findChildren<QLineEdit *>()) {
        if (!edit->isClearButtonEnabled())
            continue;
        for (QToolButton *button : edit->findChildren<QToolButton *>())
            nameIfUnnamed(button, QCoreApplication::translate("ui::QtControlNames", "Clear"));
    }
    for (QTableView *table : window->findChildren<QTableView *>()) {
        for (QAbstractButton *button : table->findChildren<QAbstractButton *>()) {
            if (qstrcmp(button->metaObject()->className(), "QTableCornerButton") == 0)
                nameIfUnnamed(
                    button, QCoreApplication::translate("ui::QtControlNames", "Select all"));
        }
    }
    for (QToolBar *toolBar : window->findChildren<QToolBar *>())
        nameIfUnnamed(toolBar->findChild<QWidget *>(QStringLiteral("qt_toolbar_ext_button")),
            QCoreApplication::translate("ui::QtControlNames", "More tools"));
    for (QMenuBar *menuBar : window->findChildren<QMenuBar *>())
        nameIfUnnamed(menuBar->findChild<QWidget *>(QStringLiteral("qt_menubar_ext_button")),
            QCoreApplication::translate("ui::QtControlNames", "More menus"));
}

} // namespace ui
