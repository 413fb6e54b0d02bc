// CopyableFieldLabel: the value, the named copy button, and the copy request it raises.
#include "ui/copyablefieldlabel.h"
#include "ui/elidedlabel.h"

#include <QSignalSpy>
#include <QToolButton>
#include <QtTest>

class TestCopyableFieldLabel : public QObject {
    Q_OBJECT
private slots:
    void copyButton_isNamedAfterTheField();
    void copyButton_requestsTheCopyOfItsField();
    void absentValue_disablesTheCopyButton();
    void focus_goesToTheValue();
};

void TestCopyableFieldLabel::copyButton_isNamedAfterTheField()
{
    ui::CopyableFieldLabel field;
    field.setField(QStringLiteral("roleArn"), QStringLiteral("IAM role ARN"));
    QCOMPARE(field.fieldId(), QStringLiteral("roleArn"));
    QCOMPARE(field.copyButton()->accessibleName(), QStringLiteral("Copy IAM role ARN"));
    QCOMPARE(field.copyButton()->toolTip(), QStringLiteral("Copy IAM role ARN"));
    QVERIFY(!field.copyButton()->icon().isNull());
    QVERIFY(!field.isCopyButtonVisible());
    field.setCopyButtonVisible(true);
    QVERIFY(field.isCopyButtonVisible());
}

void TestCopyableFieldLabel::copyButton_requestsTheCopyOfItsField()
{
    ui::CopyableFieldLabel field;
    field.setField(QStringLiteral("inputLocation"), QStringLiteral("input location"));
    field.setCopyButtonVisible(true);
    field.setValue(QStringLiteral("s3://bucket/prefix/"), false);
    field.show();
    QVERIFY(QTest::qWaitForWindowExposed(&field));
    QSignalSpy requested(&field, &ui::CopyableFieldLabel::copyRequested);
    QTest::mouseClick(field.copyButton(), Qt::LeftButton);
    QCOMPARE(requested.size(), 1);
    QCOMPARE(requested.first().first().toString(), QStringLiteral("inputLocation"));
    QCOMPARE(field.text(), QStringLiteral("s3://bucket/prefix/"));
}

void TestCopyableFieldLabel::absentValue_disablesTheCopyButton()
{
    ui::CopyableFieldLabel field;
    field.setCopyButtonVisible(true);
    field.setValue(QStringLiteral("not set"), true);
    QVERIFY(field.isAbsent());
    QVERIFY(field.label()->isAbsent());
    QVERIFY(!field.copyButton()->isEnabled());
    field.setValue(QStringLiteral("arn:aws:kms:eu-west-1:123456789012:key/1"), false);
    QVERIFY(field.copyButton()->isEnabled());
    field.setStale(true);
    QVERIFY(field.label()->isStale());
}

void TestCopyableFieldLabel::focus_goesToTheValue()
{
    ui::CopyableFieldLabel field;
    QCOMPARE(field.focusProxy(), field.label());
}

QTEST_MAIN(TestCopyableFieldLabel)
#include "tst_copyablefieldlabel.moc"
