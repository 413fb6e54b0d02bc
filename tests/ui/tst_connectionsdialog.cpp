// File → Connections: adding a profile with or without a region, refusing a region that is no
// region name in the AWS CLI's words and one already listed, removing by keyboard, and the list
// given back.
#include "ui/connectionsdialog.h"

#include <QComboBox>
#include <QListWidget>
#include <QPushButton>
#include <QtTest>

using namespace Qt::StringLiterals;
using options::ConnectionSpec;

class TestConnectionsDialog : public QObject {
    Q_OBJECT
private slots:
    void add_profileWithAndWithoutRegion()
    {
        ui::ConnectionsDialog dialog({ u"north"_s, u"south"_s });
        dialog.setConnections({ { u"north"_s, u"eu-west-1"_s } });
        dialog.profileBox()->setCurrentText(u"south"_s);
        dialog.regionBox()->setCurrentText(u"ap-northeast-2"_s);
        QVERIFY(dialog.addConnection());
        dialog.profileBox()->setCurrentText(u"typed-in"_s);
        dialog.regionBox()->setCurrentText(QString());
        QVERIFY(dialog.addConnection());
        const QList<ConnectionSpec> expected { { u"north"_s, u"eu-west-1"_s },
            { u"south"_s, u"ap-northeast-2"_s }, { u"typed-in"_s, QString() } };
        QCOMPARE(dialog.connections(), expected);
        auto *list = dialog.findChild<QListWidget *>(u"connectionsList"_s);
        QCOMPARE(list->count(), 3);
        QCOMPARE(list->item(1)->text(), u"south · ap-northeast-2"_s);
        QCOMPARE(list->item(2)->text(), u"typed-in (the profile's region)"_s);
        QCOMPARE(dialog.problemText(), QString());
    }

    void add_refusesABadRegionAsTheCliWordsIt()
    {
        ui::ConnectionsDialog dialog({ u"north"_s });
        dialog.profileBox()->setCurrentText(u"north"_s);
        dialog.regionBox()->setCurrentText(u"eu west 1"_s);
        QVERIFY(!dialog.addConnection());
        QCOMPARE(dialog.problemText(),
            u"Provided region_name 'eu west 1' doesn't match a supported format."_s);
        QVERIFY(dialog.connections().isEmpty());
        dialog.profileBox()->setCurrentText(QString());
        dialog.regionBox()->setCurrentText(QString());
        QVERIFY(!dialog.addConnection());
        QCOMPARE(dialog.problemText(), u"Choose or type a profile."_s);
    }

    void add_refusesOneListedAlready()
    {
        ui::ConnectionsDialog dialog({ u"north"_s });
        dialog.setConnections({ { u"north"_s, u"eu-west-1"_s } });
        dialog.profileBox()->setCurrentText(u"north"_s);
        dialog.regionBox()->setCurrentText(u"eu-west-1"_s);
        QVERIFY(!dialog.addConnection());
        QCOMPARE(dialog.problemText(), u"north@eu-west-1 is listed already."_s);
        QCOMPARE(dialog.connections().size(), 1);
    }

    void remove_theSelectedOneByKeyboard()
    {
        ui::ConnectionsDialog dialog({});
        dialog.setConnections({ { u"a"_s, QString() }, { u"b"_s, u"us-east-1"_s } });
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        auto *list = dialog.findChild<QListWidget *>(u"connectionsList"_s);
        auto *remove = dialog.findChild<QPushButton *>(u"removeConnectionButton"_s);
        list->setFocus();
        list->setCurrentRow(0);
        QVERIFY(remove->isEnabled());
        remove->setFocus();
        QTest::keyClick(remove, Qt::Key_Space);
        QCOMPARE(dialog.connections(), (QList<ConnectionSpec> { { u"b"_s, u"us-east-1"_s } }));
        QCOMPARE(list->count(), 1);
        list->setCurrentRow(0);
        remove->setFocus();
        QTest::keyClick(remove, Qt::Key_Space);
        QVERIFY(dialog.connections().isEmpty());
        QVERIFY(!remove->isEnabled()); // nothing left to remove
    }
};

QTEST_MAIN(TestConnectionsDialog)
#include "tst_connectionsdialog.moc"
