// The MFA code dialog and the window's MFA prompt: the dialog names the profile and the device,
// takes six digits only (OK stays disabled before), hands the code over once and keeps no copy
// (the field is empty after OK and after Cancel, and a masked field copies nothing to the
// clipboard); the prompter answers OK with the code and Cancel with none, shows one dialog at a
// time in the order asked, and answers every waiting request with none when cancelled or gone.
#include "ui/mfadialog.h"
#include "ui/mfaprompter.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QtTest>

#include <memory>
#include <optional>
#include <vector>

using namespace Qt::StringLiterals;
using ui::MfaDialog;
using ui::MfaPrompter;

namespace {

const QString kSerial = u"arn:aws:iam::111122223333:mfa/alice"_s;

QPushButton *okButton(MfaDialog *dialog)
{
    return dialog->buttons()->button(QDialogButtonBox::Ok);
}

} // namespace

class TestMfaDialog : public QObject {
    Q_OBJECT

private slots:
    void namesProfileAndDevice();
    void code_onlySixDigits_enableOk();
    void ok_givesTheCodeOnce_andClearsTheField();
    void cancel_givesNoCode_andClearsTheField();
    void field_neverCopiesTheCodeToTheClipboard();
    void prompter_okAnswersTheCode_cancelAnswersNone();
    void prompter_oneDialogAtATime_inOrder();
    void prompter_cancelAllAndDestruction_answerNone();
};

void TestMfaDialog::namesProfileAndDevice()
{
    MfaDialog dialog(u"prod-admin"_s, kSerial);
    QVERIFY(dialog.promptLabel()->text().contains(u"prod-admin"_s));
    QVERIFY(dialog.promptLabel()->text().contains(kSerial));
    QVERIFY(dialog.windowTitle().contains(u"prod-admin"_s));
    QVERIFY(!dialog.codeEdit()->accessibleName().isEmpty());
    QVERIFY(okButton(&dialog)->isDefault());
}

void TestMfaDialog::code_onlySixDigits_enableOk()
{
    MfaDialog dialog(u"p"_s, kSerial);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QLineEdit *edit = dialog.codeEdit();
    QVERIFY(!okButton(&dialog)->isEnabled());
    QTest::keyClicks(edit, u"12a3-4 5"_s);
    QCOMPARE(edit->text(), u"12345"_s); // letters, signs and spaces refused
    QVERIFY(!okButton(&dialog)->isEnabled());
    // Enter with five digits does not accept.
    QTest::keyClick(edit, Qt::Key_Return);
    QVERIFY(dialog.isVisible());
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    QTest::keyClicks(edit, u"67"_s);
    QCOMPARE(edit->text(), u"123456"_s); // the seventh digit is refused
    QVERIFY(okButton(&dialog)->isEnabled());
}

void TestMfaDialog::ok_givesTheCodeOnce_andClearsTheField()
{
    MfaDialog dialog(u"p"_s, kSerial);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QTest::keyClicks(dialog.codeEdit(), u"246810"_s);
    QTest::keyClick(dialog.codeEdit(), Qt::Key_Return);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QVERIFY(!dialog.isVisible());
    QCOMPARE(dialog.codeEdit()->text(), QString());
    // Undo brings nothing back.
    dialog.codeEdit()->undo();
    QCOMPARE(dialog.codeEdit()->text(), QString());
    QCOMPARE(dialog.takeCode(), u"246810"_s);
    QCOMPARE(dialog.takeCode(), QString());
}

void TestMfaDialog::cancel_givesNoCode_andClearsTheField()
{
    MfaDialog dialog(u"p"_s, kSerial);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QTest::keyClicks(dialog.codeEdit(), u"135791"_s);
    QTest::keyClick(dialog.codeEdit(), Qt::Key_Escape);
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    QCOMPARE(dialog.codeEdit()->text(), QString());
    QCOMPARE(dialog.takeCode(), QString());
}

void TestMfaDialog::field_neverCopiesTheCodeToTheClipboard()
{
    QApplication::clipboard()->setText(u"before"_s);
    MfaDialog dialog(u"p"_s, kSerial);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QTest::keyClicks(dialog.codeEdit(), u"864213"_s);
    dialog.codeEdit()->selectAll();
    QTest::keySequence(dialog.codeEdit(), QKeySequence::Copy);
    QTest::keySequence(dialog.codeEdit(), QKeySequence::Cut);
    QCOMPARE(QApplication::clipboard()->text(), u"before"_s);
    QCOMPARE(dialog.codeEdit()->contextMenuPolicy(), Qt::NoContextMenu);
}

void TestMfaDialog::prompter_okAnswersTheCode_cancelAnswersNone()
{
    QWidget parent;
    MfaPrompter prompter(&parent);
    const aws::MfaPrompt prompt = prompter.prompt();
    std::vector<std::optional<QString>> answers;
    const auto record = [&answers](std::optional<QString> code) { answers.push_back(code); };

    prompt(u"prod-admin"_s, kSerial, record);
    QVERIFY(prompter.currentDialog());
    QTest::keyClicks(prompter.currentDialog()->codeEdit(), u"123456"_s);
    okButton(prompter.currentDialog())->click();
    QCOMPARE(answers.size(), size_t(1));
    QCOMPARE(answers.at(0), std::optional<QString>(u"123456"_s));
    QVERIFY(!prompter.currentDialog());

    prompt(u"prod-admin"_s, kSerial, record);
    QTRY_VERIFY(prompter.currentDialog());
    prompter.currentDialog()->buttons()->button(QDialogButtonBox::Cancel)->click();
    QCOMPARE(answers.size(), size_t(2));
    QCOMPARE(answers.at(1), std::nullopt);
}

void TestMfaDialog::prompter_oneDialogAtATime_inOrder()
{
    QWidget parent;
    MfaPrompter prompter(&parent);
    const aws::MfaPrompt prompt = prompter.prompt();
    QStringList answered;
    prompt(u"first"_s, u"serial-1"_s, [&](std::optional<QString> code) {
        answered.append(u"first:"_s + code.value_or(u"none"_s));
    });
    prompt(u"second"_s, u"serial-2"_s, [&](std::optional<QString> code) {
        answered.append(u"second:"_s + code.value_or(u"none"_s));
    });
    QVERIFY(prompter.currentDialog());
    QCOMPARE(prompter.waitingCount(), 2);
    QCOMPARE(parent.findChildren<MfaDialog *>().size(), 1);
    QVERIFY(prompter.currentDialog()->promptLabel()->text().contains(u"first"_s));
    QVERIFY(prompter.currentDialog()->promptLabel()->text().contains(u"serial-1"_s));
    QTest::keyClicks(prompter.currentDialog()->codeEdit(), u"111111"_s);
    okButton(prompter.currentDialog())->click();

    QTRY_VERIFY(prompter.currentDialog());
    QVERIFY(prompter.currentDialog()->promptLabel()->text().contains(u"second"_s));
    QVERIFY(prompter.currentDialog()->promptLabel()->text().contains(u"serial-2"_s));
    QTRY_COMPARE(parent.findChildren<MfaDialog *>().size(), 1); // the first one is gone
    QTest::keyClicks(prompter.currentDialog()->codeEdit(), u"222222"_s);
    okButton(prompter.currentDialog())->click();
    QCOMPARE(answered, QStringList({ u"first:111111"_s, u"second:222222"_s }));
    QCOMPARE(prompter.waitingCount(), 0);
}

void TestMfaDialog::prompter_cancelAllAndDestruction_answerNone()
{
    QWidget parent;
    auto prompter = std::make_unique<MfaPrompter>(&parent);
    const aws::MfaPrompt prompt = prompter->prompt();
    int none = 0;
    const auto count = [&none](std::optional<QString> code) { none += code ? 0 : 1; };
    prompt(u"a"_s, u"s"_s, count);
    prompt(u"b"_s, u"s"_s, count);
    prompter->cancelAll();
    QCOMPARE(none, 2);
    QVERIFY(!prompter->currentDialog());

    prompt(u"c"_s, u"s"_s, count);
    prompter.reset();
    QCOMPARE(none, 3);
    // A prompt that outlives the prompter answers none at once.
    prompt(u"d"_s, u"s"_s, count);
    QCOMPARE(none, 4);
}

QTEST_MAIN(TestMfaDialog)
#include "tst_mfadialog.moc"
