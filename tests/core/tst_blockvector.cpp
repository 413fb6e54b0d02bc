#include "core/blockvector.h"

#include <QtTest>

#include <memory>
#include <vector>

class TestBlockVector : public QObject {
    Q_OBJECT

private slots:
    void append_keepsEveryElementWhereItIs();
    void index_reachesEveryBlock();
    void erase_movesLaterElementsDown_data();
    void erase_movesLaterElementsDown();
    void erase_emptyRange_changesNothing();
    void clear_thenAppend();
};

namespace {

// A block size of 4, so that a few elements span several blocks.
using Small = core::BlockVector<int, 4>;

std::vector<int> contents(const Small &values)
{
    std::vector<int> result;
    for (std::size_t i = 0; i < values.size(); ++i)
        result.push_back(values[i]);
    return result;
}

} // namespace

void TestBlockVector::append_keepsEveryElementWhereItIs()
{
    // Move-only elements: appending moves the new one in and never copies or moves the others.
    core::BlockVector<std::unique_ptr<int>, 8> values;
    values.push_back(std::make_unique<int>(0));
    const std::unique_ptr<int> *first = &values[0];
    std::vector<const std::unique_ptr<int> *> places { first };
    for (int i = 1; i < 1000; ++i) {
        values.push_back(std::make_unique<int>(i));
        places.push_back(&values[std::size_t(i)]);
    }
    QCOMPARE(values.size(), std::size_t(1000));
    for (std::size_t i = 0; i < values.size(); ++i) {
        QCOMPARE(&values[i], places[i]);
        QCOMPARE(*values[i], int(i));
    }
}

void TestBlockVector::index_reachesEveryBlock()
{
    Small values;
    QVERIFY(values.empty());
    for (int i = 0; i < 13; ++i)
        values.push_back(i * 10);
    QVERIFY(!values.empty());
    QCOMPARE(values.size(), std::size_t(13));
    values[5] = -5;
    const Small &constValues = values;
    QCOMPARE(constValues[5], -5);
    QCOMPARE(constValues[3], 30);
    QCOMPARE(constValues[4], 40);
    QCOMPARE(constValues[12], 120);
}

void TestBlockVector::erase_movesLaterElementsDown_data()
{
    QTest::addColumn<int>("count");
    QTest::addColumn<int>("first");
    QTest::addColumn<int>("last");
    QTest::newRow("the first") << 10 << 0 << 1;
    QTest::newRow("within a block") << 10 << 1 << 3;
    QTest::newRow("across blocks") << 10 << 2 << 7;
    QTest::newRow("a whole block") << 12 << 4 << 8;
    QTest::newRow("the tail, emptying blocks") << 13 << 3 << 13;
    QTest::newRow("the last") << 9 << 8 << 9;
    QTest::newRow("everything") << 9 << 0 << 9;
}

void TestBlockVector::erase_movesLaterElementsDown()
{
    QFETCH(int, count);
    QFETCH(int, first);
    QFETCH(int, last);
    Small values;
    std::vector<int> expected;
    for (int i = 0; i < count; ++i) {
        values.push_back(i);
        expected.push_back(i);
    }
    values.erase(std::size_t(first), std::size_t(last));
    expected.erase(expected.begin() + first, expected.begin() + last);
    QCOMPARE(contents(values), expected);
    // Appending after an erase continues where the elements end, whatever blocks were emptied.
    for (int i = 0; i < 6; ++i) {
        values.push_back(100 + i);
        expected.push_back(100 + i);
    }
    QCOMPARE(contents(values), expected);
}

void TestBlockVector::erase_emptyRange_changesNothing()
{
    Small values;
    for (int i = 0; i < 6; ++i)
        values.push_back(i);
    values.erase(3, 3);
    QCOMPARE(contents(values), (std::vector<int> { 0, 1, 2, 3, 4, 5 }));
}

void TestBlockVector::clear_thenAppend()
{
    Small values;
    for (int i = 0; i < 9; ++i)
        values.push_back(i);
    values.clear();
    QVERIFY(values.empty());
    QCOMPARE(values.size(), std::size_t(0));
    values.push_back(7);
    QCOMPARE(contents(values), std::vector<int> { 7 });
}

QTEST_GUILESS_MAIN(TestBlockVector)
#include "tst_blockvector.moc"
