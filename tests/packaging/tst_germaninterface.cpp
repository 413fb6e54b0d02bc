// The main window in German, as a user with LANGUAGE=de sees it (ctest sets LANGUAGE and LANG):
// the system locale picks the compiled-in catalogue and Qt's own, and the menus, the fleet table,
// the status bar, the details form and the shortcuts dialog (with Qt's key names) are German.
#include "fleetfixture.h"
#include "models/schedulerlistmodel.h"
#include "resources/translations/translationloader.h"
#include "ui/fleetview.h"
#include "ui/keyboardshortcutsdialog.h"
#include "ui/mainwindow.h"
#include "ui/schedulerdetailsview.h"

#include <QAction>
#include <QApplication>
#include <QDialogButtonBox>
#include <QLabel>
#include <QMenuBar>
#include <QPushButton>
#include <QTableView>
#include <QtTest>

using fleettest::fleetOptions;

class TestGermanInterface : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void mainWindow_speaksGerman();
};

void TestGermanInterface::initTestCase()
{
    QVERIFY2(qEnvironmentVariable("LANGUAGE").startsWith(QLatin1String("de")),
        "ctest runs this with LANGUAGE=de");
    const resources::InstalledTranslations installed = resources::installSystemTranslations(qApp);
    QCOMPARE(installed.language, QStringLiteral("de"));
    QVERIFY(installed.applicationLoaded);
    QVERIFY2(installed.qtLoaded, "qtbase_de.qm is missing (Debian: qt6-translations-l10n)");
}

void TestGermanInterface::mainWindow_speaksGerman()
{
    fleettest::Environment env;
    QVERIFY(env.setUp({ { QStringLiteral("north"), fleetOptions(12) } }));
    env.useProfile(QStringLiteral("north"));
    ui::MainWindow window(env.windowSetup());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTRY_COMPARE_WITH_TIMEOUT(env.session->model()->rowCount(), 12, 20'000);

    QStringList menus;
    for (const QAction *menu : window.menuBar()->actions())
        menus.append(menu->text());
    QCOMPARE(menus,
        (QStringList { QStringLiteral("&Datei"), QStringLiteral("&Bearbeiten"),
            QStringLiteral("&Ansicht"), QStringLiteral("&Hilfe") }));
    QCOMPARE(window.refreshAction()->text(), QStringLiteral("&Aktualisieren"));
    QCOMPARE(window.connectionStatusText(), QStringLiteral("Verbunden: north · us-east-1"));

    const QAbstractItemModel *table = window.fleetView()->tableView()->model();
    QCOMPARE(table->headerData(models::SchedulerListModel::LatestResultColumn, Qt::Horizontal)
                 .toString(),
        QStringLiteral("Letztes Ergebnis"));
    auto *summary = window.fleetView()->findChild<QLabel *>(QStringLiteral("summaryLabel"));
    QVERIFY(summary);
    // The summary follows the listing's end, merged a pass of the event loop after its rows.
    QTRY_VERIFY2_WITH_TIMEOUT(summary->text().startsWith(QStringLiteral("12 Planer")),
        qPrintable(summary->text()), 20'000);
    // The counts by status are German phrases too, not the English words ("normal" is both).
    for (const char *english : { " pending", " running", " stopping", " stopped", " anomalous" })
        QVERIFY2(!summary->text().contains(QLatin1String(english)), qPrintable(summary->text()));

    QStringList labels;
    for (const QLabel *label : window.detailsView()->findChildren<QLabel *>())
        labels.append(label->text());
    QVERIFY2(labels.contains(
                 QStringLiteral("Wählen Sie einen Inferenzplaner, um seine Details zu sehen.")),
        qPrintable(labels.join(QLatin1Char('|'))));

    window.shortcutsAction()->trigger();
    auto *dialog = window.findChild<ui::KeyboardShortcutsDialog *>(
        QStringLiteral("keyboardShortcutsDialog"));
    QVERIFY(dialog);
    QCOMPARE(dialog->windowTitle(), QStringLiteral("Tastenkürzel"));
    // Qt's catalogue names the keys: Strg, not Ctrl.
    QVERIFY2(dialog->lines().contains(QStringLiteral("Aktualisieren\tF5, Strg+R")),
        qPrintable(dialog->lines().join(QLatin1Char('\n'))));
    auto *buttons = dialog->findChild<QDialogButtonBox *>();
    QVERIFY(buttons);
    QCOMPARE(buttons->button(QDialogButtonBox::Close)->text(), QStringLiteral("Schließen"));
    dialog->close();
}

QTEST_MAIN(TestGermanInterface)
#include "tst_germaninterface.moc"
