// SortWhileShown: a hidden view's proxy does not re-sort as refreshes change the rows, and settles
// once, to the right order, when the view is shown again; a view created hidden defers from the
// start; a proxy destroyed before its view is no crash.
#include "core/clock.h"
#include "models/itemroles.h"
#include "models/schedulerfilterproxymodel.h"
#include "models/schedulerlistmodel.h"
#include "ui/sortwhileshown.h"

#include <QSignalSpy>
#include <QWidget>
#include <QtTest>

using models::SchedulerFilterProxyModel;
using models::SchedulerListModel;
using ui::SortWhileShown;
using Summary = lookout::InferenceSchedulerSummary;

namespace {

Summary scheduler(const QString &name, const QString &status)
{
    Summary s;
    s.inferenceSchedulerName = name;
    s.status = status;
    s.modelName = QStringLiteral("m");
    return s;
}

// Three schedulers, sorted by status severity: a refresh that changes statuses moves rows.
// `reference` is the same proxy with nobody deferring it: the order the view must settle to.
struct Fleet {
    std::shared_ptr<core::ManualClock> clock
        = std::make_shared<core::ManualClock>(QDateTime(QDate(2026, 3, 1), QTime(12, 0), Qt::UTC));
    SchedulerListModel model { clock };
    SchedulerFilterProxyModel *proxy = nullptr;
    SchedulerFilterProxyModel reference;

    explicit Fleet(QObject *owner)
        : proxy(new SchedulerFilterProxyModel(owner))
    {
        for (SchedulerFilterProxyModel *each : { proxy, &reference }) {
            each->setSourceModel(&model);
            each->sort(SchedulerListModel::StatusColumn, Qt::AscendingOrder);
        }
        allRunning();
    }

    void refresh(const QList<Summary> &page)
    {
        model.beginCycle();
        model.applyPage(page);
        model.finishCycle(SchedulerListModel::CycleEnd::Complete);
    }
    void allRunning()
    {
        refresh({ scheduler(QStringLiteral("a"), QStringLiteral("RUNNING")),
            scheduler(QStringLiteral("b"), QStringLiteral("RUNNING")),
            scheduler(QStringLiteral("c"), QStringLiteral("RUNNING")) });
    }
    // Three different statuses: the rows leave their order by name.
    void statusesChange()
    {
        refresh({ scheduler(QStringLiteral("a"), QStringLiteral("STOPPED")),
            scheduler(QStringLiteral("b"), QStringLiteral("RUNNING")),
            scheduler(QStringLiteral("c"), QStringLiteral("PENDING")) });
    }

    static QStringList order(const SchedulerFilterProxyModel &of)
    {
        QStringList names;
        for (int row = 0; row < of.rowCount(); ++row)
            names.append(of.index(row, 0).data(models::SchedulerNameRole).toString());
        return names;
    }
    QStringList shown() const { return order(*proxy); }
    QStringList sorted() const { return order(reference); }
};

} // namespace

class TestSortWhileShown : public QObject {
    Q_OBJECT

private slots:
    void shown_sortsAsRowsChange()
    {
        QWidget view;
        Fleet fleet(&view);
        new SortWhileShown(&view, fleet.proxy, SortWhileShown::Start::Sorting);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const QStringList before = fleet.shown();
        fleet.statusesChange();
        QVERIFY(fleet.sorted() != before); // the change does move rows
        QCOMPARE(fleet.shown(), fleet.sorted());
    }

    void hidden_keepsItsOrderUntilShown()
    {
        QWidget view;
        Fleet fleet(&view);
        new SortWhileShown(&view, fleet.proxy, SortWhileShown::Start::Sorting);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.hide();
        const QStringList before = fleet.shown();
        QSignalSpy layouts(fleet.proxy, &QAbstractItemModel::layoutChanged);
        fleet.statusesChange();
        QCOMPARE(fleet.shown(), before); // nothing moved while hidden
        QVERIFY(fleet.sorted() != before);
        QCOMPARE(layouts.size(), 0);

        view.show();
        QCOMPARE(fleet.shown(), fleet.sorted());
        QCOMPARE(layouts.size(), 1); // settled once

        // Shown again, it follows changes at once.
        fleet.allRunning();
        QCOMPARE(fleet.shown(), fleet.sorted());
        QCOMPARE(fleet.shown(), before);
    }

    void deferredStart_waitsForTheFirstShow()
    {
        QWidget view; // not shown yet
        Fleet fleet(&view);
        const QStringList before = fleet.shown();
        new SortWhileShown(&view, fleet.proxy, SortWhileShown::Start::Deferred);
        fleet.statusesChange();
        QCOMPARE(fleet.shown(), before);
        view.show();
        QCOMPARE(fleet.shown(), fleet.sorted());
    }

    // A Sorting start on a view not shown yet: it sorts until it is first hidden.
    void sortingStart_sortsBeforeTheFirstShow()
    {
        QWidget view;
        Fleet fleet(&view);
        new SortWhileShown(&view, fleet.proxy, SortWhileShown::Start::Sorting);
        fleet.statusesChange();
        QCOMPARE(fleet.shown(), fleet.sorted());
    }

    void proxyGoneFirst_isNoCrash()
    {
        QWidget view;
        auto *proxy = new SchedulerFilterProxyModel;
        auto *filter = new SortWhileShown(&view, proxy, SortWhileShown::Start::Deferred);
        QCOMPARE(filter->parent(), &view); // it lives as long as the view
        delete proxy;
        view.show();
        view.hide();
        QVERIFY(QTest::qWaitFor([&] { return !view.isVisible(); }));
    }
};

QTEST_MAIN(TestSortWhileShown)
#include "tst_sortwhileshown.moc"
