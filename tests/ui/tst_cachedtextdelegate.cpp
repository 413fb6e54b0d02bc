// CachedTextDelegate paints text cells as QStyledItemDelegate does (the fleet table must look
// the same with it), and lays each text out once per width and font.
#include "ui/cachedtextdelegate.h"
#include "ui/plaintooltip.h"

#include <QHeaderView>
#include <QHelpEvent>
#include <QStandardItemModel>
#include <QTableView>
#include <QTextDocument>
#include <QToolTip>
#include <QtTest>

namespace {

// A table of text cells covering what the fleet table shows: plain, elided, right-aligned,
// italic (a stale row), tinted (a highlighted row), selected.
std::unique_ptr<QStandardItemModel> sampleModel()
{
    auto model = std::make_unique<QStandardItemModel>(6, 3);
    for (int row = 0; row < 6; ++row) {
        model->setItem(row, 0, new QStandardItem(QStringLiteral("pump-station-%1").arg(row)));
        model->setItem(row, 1,
            new QStandardItem(
                QStringLiteral("centrifugal-pump-anomaly-model-with-a-long-name-v%1").arg(row)));
        auto *delay = new QStandardItem(QString::number(row * 15));
        delay->setData(int(Qt::AlignRight | Qt::AlignVCenter), Qt::TextAlignmentRole);
        model->setItem(row, 2, delay);
    }
    QFont italic;
    italic.setItalic(true);
    for (int column = 0; column < 3; ++column) {
        model->item(3, column)->setData(italic, Qt::FontRole);
        model->item(4, column)->setData(QBrush(QColor(255, 236, 179)), Qt::BackgroundRole);
    }
    return model;
}

QImage render(QAbstractItemDelegate *delegate)
{
    const auto model = sampleModel();
    QTableView table;
    table.setModel(model.get());
    if (delegate)
        table.setItemDelegate(delegate);
    table.setAlternatingRowColors(true);
    table.setSelectionBehavior(QAbstractItemView::SelectRows);
    table.setWordWrap(false);
    table.horizontalHeader()->resizeSection(0, 140);
    table.horizontalHeader()->resizeSection(1, 120); // the model names are elided
    table.horizontalHeader()->resizeSection(2, 60);
    table.resize(400, 260);
    table.selectRow(1);
    table.show();
    if (!QTest::qWaitForWindowExposed(&table))
        return {};
    return table.viewport()->grab().toImage();
}

} // namespace

class TestCachedTextDelegate : public QObject {
    Q_OBJECT
private slots:
    // A direction override in a name is painted as its escape, not obeyed.
    void directionControl_paintedAsItsEscape()
    {
        const auto paintedName = [](const QString &name) {
            QStandardItemModel model(1, 1);
            model.setItem(0, 0, new QStandardItem(name));
            QTableView table;
            table.setModel(&model);
            table.setItemDelegate(new ui::CachedTextDelegate(&table));
            table.horizontalHeader()->resizeSection(0, 300);
            table.resize(400, 100);
            table.show();
            return QTest::qWaitForWindowExposed(&table) ? table.viewport()->grab().toImage()
                                                        : QImage();
        };
        const QImage hostile = paintedName(QStringLiteral("pump\u202eevil"));
        QVERIFY(!hostile.isNull());
        QCOMPARE(hostile, paintedName(QStringLiteral("pump\\u202eevil")));
        QVERIFY(hostile != paintedName(QStringLiteral("pump\u202eevil").remove(QChar(0x202e))));
    }

    // A status or ARN an endpoint sent is a tooltip shown as written, never rendered as markup.
    void toolTip_withMarkup_shownAsWrittenText()
    {
        QStandardItemModel model(1, 1);
        model.setItem(0, 0, new QStandardItem(QStringLiteral("pump")));
        const QString hostile = QStringLiteral("<b>x</b> <img src=x>\x1b[2J");
        model.item(0, 0)->setData(hostile, Qt::ToolTipRole);
        QTableView table;
        table.setModel(&model);
        table.setItemDelegate(new ui::CachedTextDelegate(&table));
        table.show();
        QVERIFY(QTest::qWaitForWindowExposed(&table));
        const QRect cell = table.visualRect(model.index(0, 0));
        QHelpEvent help(
            QEvent::ToolTip, cell.center(), table.viewport()->mapToGlobal(cell.center()));
        QApplication::sendEvent(table.viewport(), &help);
        QTRY_VERIFY(QToolTip::isVisible());
        QTextDocument shown;
        shown.setHtml(QToolTip::text());
        QCOMPARE(shown.toPlainText(), QStringLiteral("<b>x</b> <img src=x>\\x1b[2J"));
        QToolTip::hideText();
    }

    void plainToolTip_rendersExactlyTheText_keepsLines()
    {
        QTextDocument shown;
        shown.setHtml(ui::plainToolTip(QStringLiteral("<b>1 &amp; 2</b>\nline two\u202e")));
        QCOMPARE(shown.toPlainText(), QStringLiteral("<b>1 &amp; 2</b>\nline two\\u202e"));
        QCOMPARE(ui::plainToolTip(QString()), QString());
    }

    void paintsLikeTheStyledDelegate();
    void laysEachTextOutOncePerWidth();
};

void TestCachedTextDelegate::paintsLikeTheStyledDelegate()
{
    const QImage styled = render(nullptr);
    ui::CachedTextDelegate cached;
    const QImage ours = render(&cached);
    QVERIFY(!styled.isNull());
    QCOMPARE(ours.size(), styled.size());
    int differing = 0;
    for (int y = 0; y < styled.height(); ++y) {
        for (int x = 0; x < styled.width(); ++x)
            differing += styled.pixel(x, y) != ours.pixel(x, y);
    }
    if (differing != 0) {
        styled.save(QDir::temp().filePath(QStringLiteral("cachedtextdelegate-styled.png")));
        ours.save(QDir::temp().filePath(QStringLiteral("cachedtextdelegate-cached.png")));
    }
    QVERIFY2(differing == 0,
        qPrintable(QStringLiteral("%1 pixels differ; both images saved in %2")
                       .arg(differing)
                       .arg(QDir::tempPath())));
}

void TestCachedTextDelegate::laysEachTextOutOncePerWidth()
{
    const auto model = sampleModel();
    QTableView table;
    ui::CachedTextDelegate cached;
    table.setModel(model.get());
    table.setItemDelegate(&cached);
    table.resize(400, 260);
    table.show();
    QVERIFY(QTest::qWaitForWindowExposed(&table));
    table.viewport()->repaint();
    const int afterFirstPaint = cached.cachedTextCount();
    QCOMPARE(afterFirstPaint, 6 * 3);
    table.viewport()->repaint();
    QCOMPARE(cached.cachedTextCount(), afterFirstPaint);
    // A narrower column shows its texts at another width: laid out again, once.
    table.horizontalHeader()->resizeSection(1, 80);
    table.viewport()->repaint();
    QCOMPARE(cached.cachedTextCount(), afterFirstPaint + 6);
    table.viewport()->repaint();
    QCOMPARE(cached.cachedTextCount(), afterFirstPaint + 6);
}

QTEST_MAIN(TestCachedTextDelegate)
#include "tst_cachedtextdelegate.moc"
