#include "guiapplication.h"

#include "appinfo.h"
#include "mainwindow.h"

#include <QApplication>
#include <QIcon>

#include "resourcepaths.h"

namespace ui {

int runGuiApplication(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QString::fromLatin1(appinfo::kApplicationName));
    QApplication::setApplicationVersion(QString::fromLatin1(appinfo::kVersion));
    QApplication::setOrganizationName(QString::fromLatin1(appinfo::kOrganizationName));
    QApplication::setOrganizationDomain(QString::fromLatin1(appinfo::kOrganizationDomain));
    QGuiApplication::setDesktopFileName(QString::fromLatin1(appinfo::kApplicationId));
    QApplication::setWindowIcon(QIcon(resources::applicationIconPath()));

    MainWindow window;
    window.show();
    return QApplication::exec();
}

} // namespace ui
