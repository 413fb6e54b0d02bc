// The details form on the offscreen platform against the in-process emulator: every label,
// badge and accessible name; the clipboard after every copy action; refresh with its shortcuts,
// the freshness line, failure (banner, stale), not found, and the transitional re-poll.
#include "clienttestdoubles.h"
#include "emulator/emulator.h"
#include "lookout/jsoncodec.h"
#include "lookout/service.h"
#include "lookoutjsonclient.h"
#include "manualtimer.h"
#include "models/itemroles.h"
#include "models/statuspresentation.h"
#include "scriptedhttpserver.h"
#include "ui/copyablefieldlabel.h"
#include "ui/elidedlabel.h"
#include "ui/errorbanner.h"
#include "ui/schedulerdetailsview.h"
#include "ui/statusbadge.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QFile>
#include <QGroupBox>
#include <QLabel>
#include <QMenu>
#include <QNetworkAccessManager>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTimer>
#include <QToolButton>
#include <QtTest>

using models::SchedulerDetailsController;
using State = models::SchedulerDetailsController::State;

namespace {

constexpr int kWaitMs = 10'000;
// 13:03:05 in Berlin, where the test runs (TZ in CMake).
const QDateTime kStart = QDateTime(QDate(2026, 3, 1), QTime(12, 3, 5), Qt::UTC);
const QString kPump = QStringLiteral("pump-station-7-bearing-hourly");
const QString kPumpArn
    = QStringLiteral("arn:aws:lookoutequipment:eu-west-1:123456789012:inference-scheduler/"
                     "pump-station-7-bearing-hourly/0c9d8e7f-6a5b-4c3d-2e1f-0a9b8c7d6e5f");

QByteArray readData(const QString &fileName)
{
    QFile file(QStringLiteral(LOOKOUT_TEST_DATA_DIR "/details/") + fileName);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(file.fileName()));
    return file.readAll();
}

// Runs `choose` on the context menu that the next exec() opens, then closes it.
void onNextPopup(std::function<void(QMenu *)> choose)
{
    QTimer::singleShot(0, qApp, [choose = std::move(choose)] {
        auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget());
        QVERIFY(menu);
        choose(menu);
        menu->close();
    });
}

} // namespace

class TestSchedulerDetailsView : public QObject {
    Q_OBJECT
private slots:
    void init();
    void cleanup();

    void empty_saysWhatToDo();
    void load_showsEveryLabelValueAndAccessibleName_data();
    void load_showsEveryLabelValueAndAccessibleName();
    void load_showsBadgesAndGroups();
    void copyButtons_besideEveryArnAndLocation();
    void absentValues_sayNotSetAndCannotBeCopied();
    void copyButtons_putTheExactValueOnTheClipboard_data();
    void copyButtons_putTheExactValueOnTheClipboard();
    void longArn_isElidedOnScreenButCopiedWhole();
    void contextMenu_copyValue();
    void ctrlC_copiesTheFocusedField();
    void ctrlShiftC_copiesTheSchedulerArnFromAnywhere();
    void copyAsJson_isTheCliJson();
    void copyCliCommand_isTheExactCommand();
    void actions_haveTheirShortcuts();
    void f5AndCtrlR_refreshWithValuesKeptVisible();
    void freshnessLine_keepsTicking();
    void failure_showsBannerAndMarksStale();
    void unknownScheduler_saysItDoesNotExist();
    void vanishedScheduler_clearsTheFormAndSaysSo();
    void pendingScheduler_badgeFollowsTheRepoll();
    void darkPalette_badgesUseTheDarkColours();
    void focusableWidgets_haveAccessibleNames();

private:
    void load(const QString &name);
    QString clipboardText() const { return QApplication::clipboard()->text(); }
    ui::CopyableFieldLabel *field(const QString &id) const;

    std::shared_ptr<core::ManualClock> m_emulatorClock;
    std::unique_ptr<emulator::Emulator> m_emulator;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<aws::AwsJsonClient> m_jsonClient;
    std::shared_ptr<core::ManualClock> m_clock;
    testsupport::ManualTimer *m_pollTimer = nullptr;
    std::unique_ptr<SchedulerDetailsController> m_controller;
    std::unique_ptr<ui::SchedulerDetailsView> m_view;
    std::unique_ptr<QSignalSpy> m_messages;
};

void TestSchedulerDetailsView::init()
{
    m_emulatorClock = std::make_shared<core::ManualClock>(QDateTime::currentDateTimeUtc());
    emulator::EmulatorOptions options;
    options.archiveDirectory = QStringLiteral(LOOKOUT_TEST_DATA_DIR "/details");
    options.clock = m_emulatorClock;
    m_emulator = std::make_unique<emulator::Emulator>(options);
    QVERIFY2(m_emulator->start(), qPrintable(m_emulator->errorString()));
    m_network = std::make_unique<QNetworkAccessManager>();
    m_jsonClient = testsupport::oneAttemptLookoutClient(
        m_network.get(), m_emulator->endpoint(), m_emulator->region(), m_emulator->credentials());

    m_clock = std::make_shared<core::ManualClock>(kStart);
    auto timer = std::make_unique<testsupport::ManualTimer>();
    m_pollTimer = timer.get();
    m_controller = std::make_unique<SchedulerDetailsController>(m_clock, std::move(timer));
    m_view = std::make_unique<ui::SchedulerDetailsView>(m_controller.get());
    m_view->resize(900, 900);
    m_messages
        = std::make_unique<QSignalSpy>(m_view.get(), &ui::SchedulerDetailsView::statusMessage);
    m_view->setClient(lookout::LookoutClient(m_jsonClient.get()),
        { QStringLiteral("default"), m_emulator->region(), m_emulator->endpoint() });
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
    QApplication::clipboard()->clear();
}

void TestSchedulerDetailsView::cleanup()
{
    m_messages.reset();
    m_view.reset();
    m_controller.reset();
    m_jsonClient.reset();
    m_network.reset();
    m_emulator.reset();
}

void TestSchedulerDetailsView::load(const QString &name)
{
    m_view->showScheduler(name);
    QTRY_VERIFY_WITH_TIMEOUT(!m_controller->isBusy(), kWaitMs);
}

ui::CopyableFieldLabel *TestSchedulerDetailsView::field(const QString &id) const
{
    return qobject_cast<ui::CopyableFieldLabel *>(m_view->fieldWidget(id));
}

void TestSchedulerDetailsView::empty_saysWhatToDo()
{
    auto *message = m_view->findChild<QLabel *>(QStringLiteral("messageLabel"));
    QVERIFY(message && message->isVisible());
    QCOMPARE(message->text(), QStringLiteral("Choose an inference scheduler to see its details."));
    QVERIFY(!m_view->refreshAction()->isEnabled());
    QVERIFY(!m_view->copySchedulerArnAction()->isEnabled());
    QVERIFY(!m_view->copyJsonAction()->isEnabled());
    QVERIFY(!m_view->findChild<ui::ErrorBanner *>()->isVisible());
    QVERIFY(!m_view->findChild<QLabel *>(QStringLiteral("freshnessLabel"))->isVisible());
}

void TestSchedulerDetailsView::load_showsEveryLabelValueAndAccessibleName_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("label");
    QTest::addColumn<QString>("value");
    QTest::newRow("name") << "schedulerName"
                          << "Scheduler name" << kPump;
    QTest::newRow("arn") << "schedulerArn"
                         << "Scheduler ARN" << kPumpArn;
    QTest::newRow("model") << "modelName"
                           << "Model name"
                           << "pump-station-7-bearing-vibration";
    QTest::newRow("model arn")
        << "modelArn"
        << "Model ARN"
        << "arn:aws:lookoutequipment:eu-west-1:123456789012:model/"
           "pump-station-7-bearing-vibration/6f1c2a9e-4b7d-4c1e-9a3f-2d8e5b7c9a10";
    QTest::newRow("created") << "createdAt"
                             << "Created"
                             << "2024-03-04 19:52:22 CET";
    QTest::newRow("updated") << "updatedAt"
                             << "Last updated"
                             << "2024-04-05 21:34:38 CEST";
    QTest::newRow("frequency") << "dataUploadFrequency"
                               << "Upload frequency"
                               << "Every hour";
    QTest::newRow("delay") << "dataDelayOffset"
                           << "Delay offset"
                           << "5 minutes";
    QTest::newRow("input") << "inputLocation"
                           << "Input location"
                           << "s3://acme-plant-telemetry-eu-west-1/pump-station-7/inference/input/";
    QTest::newRow("zone") << "inputTimeZoneOffset"
                          << "Time zone offset"
                          << "+01:00";
    QTest::newRow("format") << "timestampFormat"
                            << "Timestamp format"
                            << "yyyyMMddHHmmss";
    QTest::newRow("delimiter") << "componentTimestampDelimiter"
                               << "Timestamp delimiter"
                               << "underscore (_)";
    QTest::newRow("output")
        << "outputLocation"
        << "Output location"
        << "s3://acme-plant-telemetry-eu-west-1/pump-station-7/inference/output/";
    QTest::newRow("output kms")
        << "outputKmsKey"
        << "Output KMS key"
        << "arn:aws:kms:eu-west-1:123456789012:key/1a2b3c4d-5e6f-7a8b-9c0d-1e2f3a4b5c6d";
    QTest::newRow("role") << "roleArn"
                          << "IAM role ARN"
                          << "arn:aws:iam::123456789012:role/LookoutEquipmentInferenceAccess";
    QTest::newRow("kms")
        << "serverSideKmsKey"
        << "Server-side KMS key"
        << "arn:aws:kms:eu-west-1:123456789012:key/9f8e7d6c-5b4a-3c2d-1e0f-a9b8c7d6e5f4";
}

void TestSchedulerDetailsView::load_showsEveryLabelValueAndAccessibleName()
{
    QFETCH(QString, id);
    QFETCH(QString, label);
    QFETCH(QString, value);
    load(kPump);
    auto *labelWidget = m_view->findChild<QLabel *>(id + QStringLiteral("Label"));
    QVERIFY(labelWidget);
    QCOMPARE(labelWidget->text(), label);
    QVERIFY(labelWidget->isVisible());
    ui::CopyableFieldLabel *valueWidget = field(id);
    QVERIFY(valueWidget && valueWidget->isVisible());
    QCOMPARE(valueWidget->text(), value);
    QVERIFY(!valueWidget->isAbsent());
    QCOMPARE(valueWidget->label()->accessibleName(), label + QStringLiteral(": ") + value);
    QCOMPARE(labelWidget->buddy(), valueWidget->label());
}

void TestSchedulerDetailsView::load_showsBadgesAndGroups()
{
    load(kPump);
    auto *pages = m_view->findChild<QStackedWidget *>(QStringLiteral("pagesStackedWidget"));
    QCOMPARE(pages->currentWidget()->objectName(), QStringLiteral("detailsPage"));
    QCOMPARE(m_view->findChild<ui::ElidedLabel *>(QStringLiteral("titleLabel"))->text(), kPump);

    auto *status = qobject_cast<ui::StatusBadge *>(m_view->fieldWidget(QStringLiteral("status")));
    auto *result = qobject_cast<ui::StatusBadge *>(
        m_view->fieldWidget(QStringLiteral("latestInferenceResult")));
    QVERIFY(status && result);
    QVERIFY(status->isVisible() && result->isVisible());
    QCOMPARE(status->value(), QStringLiteral("RUNNING"));
    QCOMPARE(status->accessibleName(), QStringLiteral("Status: RUNNING"));
    QCOMPARE(result->value(), QStringLiteral("ANOMALOUS"));
    QCOMPARE(result->accessibleName(), QStringLiteral("Latest result: ANOMALOUS"));
    QVERIFY(!status->isStale());

    QStringList titles;
    for (const char *name : { "overviewGroupBox", "scheduleGroupBox", "inputDataGroupBox",
             "outputDataGroupBox", "securityGroupBox" }) {
        auto *box = m_view->findChild<QGroupBox *>(QLatin1String(name));
        QVERIFY2(box && box->isVisible(), name);
        titles << box->title();
    }
    QCOMPARE(titles,
        (QStringList { QStringLiteral("Overview"), QStringLiteral("Schedule"),
            QStringLiteral("Input data"), QStringLiteral("Output data"),
            QStringLiteral("Security") }));
    // The tooltips: the raw frequency, UTC and age for times.
    QCOMPARE(m_controller->model()
                 ->fieldData(QStringLiteral("dataUploadFrequency"), Qt::ToolTipRole)
                 .toString(),
        QStringLiteral("PT1H"));
}

void TestSchedulerDetailsView::copyButtons_besideEveryArnAndLocation()
{
    load(kPump);
    const QList<std::pair<QString, QString>> expected = {
        { QStringLiteral("schedulerArn"), QStringLiteral("Copy scheduler ARN") },
        { QStringLiteral("modelArn"), QStringLiteral("Copy model ARN") },
        { QStringLiteral("inputLocation"), QStringLiteral("Copy input location") },
        { QStringLiteral("outputLocation"), QStringLiteral("Copy output location") },
        { QStringLiteral("outputKmsKey"), QStringLiteral("Copy output KMS key") },
        { QStringLiteral("roleArn"), QStringLiteral("Copy IAM role ARN") },
        { QStringLiteral("serverSideKmsKey"), QStringLiteral("Copy server-side KMS key") },
    };
    for (const auto &[id, name] : expected) {
        QToolButton *button = field(id)->copyButton();
        QVERIFY2(button->isVisible(), qPrintable(id));
        QVERIFY(button->isEnabled());
        QCOMPARE(button->accessibleName(), name);
        QCOMPARE(button->toolTip(), name);
        QVERIFY(!button->icon().isNull());
    }
    for (const char *plain :
        { "schedulerName", "modelName", "createdAt", "dataUploadFrequency", "timestampFormat" })
        QVERIFY2(!field(QLatin1String(plain))->copyButton()->isVisible(), plain);
}

void TestSchedulerDetailsView::absentValues_sayNotSetAndCannotBeCopied()
{
    load(QStringLiteral("chiller-07"));
    for (const char *id :
        { "timestampFormat", "componentTimestampDelimiter", "outputKmsKey", "serverSideKmsKey" }) {
        ui::CopyableFieldLabel *value = field(QLatin1String(id));
        QCOMPARE(value->text(), QStringLiteral("not set"));
        QVERIFY2(value->isAbsent(), id);
        QVERIFY(value->label()->isAbsent());
    }
    QVERIFY(!field(QStringLiteral("outputKmsKey"))->copyButton()->isEnabled());
    QCOMPARE(field(QStringLiteral("outputKmsKey"))->label()->accessibleName(),
        QStringLiteral("Output KMS key: not set"));
    auto *result = qobject_cast<ui::StatusBadge *>(
        m_view->fieldWidget(QStringLiteral("latestInferenceResult")));
    QCOMPARE(result->value(), QString());
    QCOMPARE(result->accessibleName(), QStringLiteral("Latest result: not set"));
    QVERIFY(result->isVisible());

    // Copying an absent value leaves the clipboard alone and says why.
    QApplication::clipboard()->setText(QStringLiteral("before"));
    field(QStringLiteral("serverSideKmsKey"))->label()->setFocus();
    m_view->copyFocusedValueAction()->trigger();
    QCOMPARE(clipboardText(), QStringLiteral("before"));
    QCOMPARE(m_messages->last().first().toString(),
        QStringLiteral("Nothing to copy: the server-side KMS key is not set."));
}

void TestSchedulerDetailsView::copyButtons_putTheExactValueOnTheClipboard_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("copied");
    QTest::addColumn<QString>("message");
    QTest::newRow("scheduler ARN") << "schedulerArn" << kPumpArn << "Copied scheduler ARN";
    QTest::newRow("model ARN")
        << "modelArn"
        << "arn:aws:lookoutequipment:eu-west-1:123456789012:model/"
           "pump-station-7-bearing-vibration/6f1c2a9e-4b7d-4c1e-9a3f-2d8e5b7c9a10"
        << "Copied model ARN";
    QTest::newRow("input") << "inputLocation"
                           << "s3://acme-plant-telemetry-eu-west-1/pump-station-7/inference/input/"
                           << "Copied input location";
    QTest::newRow("output")
        << "outputLocation"
        << "s3://acme-plant-telemetry-eu-west-1/pump-station-7/inference/output/"
        << "Copied output location";
    QTest::newRow("output KMS")
        << "outputKmsKey"
        << "arn:aws:kms:eu-west-1:123456789012:key/1a2b3c4d-5e6f-7a8b-9c0d-1e2f3a4b5c6d"
        << "Copied output KMS key";
    QTest::newRow("role") << "roleArn"
                          << "arn:aws:iam::123456789012:role/LookoutEquipmentInferenceAccess"
                          << "Copied IAM role ARN";
    QTest::newRow("server KMS")
        << "serverSideKmsKey"
        << "arn:aws:kms:eu-west-1:123456789012:key/9f8e7d6c-5b4a-3c2d-1e0f-a9b8c7d6e5f4"
        << "Copied server-side KMS key";
}

void TestSchedulerDetailsView::copyButtons_putTheExactValueOnTheClipboard()
{
    QFETCH(QString, id);
    QFETCH(QString, copied);
    QFETCH(QString, message);
    load(kPump);
    QTest::mouseClick(field(id)->copyButton(), Qt::LeftButton);
    QCOMPARE(clipboardText(), copied);
    QCOMPARE(m_messages->size(), 1);
    QCOMPARE(m_messages->first().first().toString(), message);
}

void TestSchedulerDetailsView::longArn_isElidedOnScreenButCopiedWhole()
{
    load(kPump);
    m_view->resize(420, 900);
    QTRY_VERIFY_WITH_TIMEOUT(field(QStringLiteral("schedulerArn"))->label()->isElided(), kWaitMs);
    ui::ElidedLabel *arn = field(QStringLiteral("schedulerArn"))->label();
    const QString shown = arn->displayedText();
    QVERIFY2(shown.contains(QChar(0x2026)), qPrintable(shown));
    // Middle elision keeps both ends: the service prefix and the unique suffix.
    QVERIFY2(shown.startsWith(QLatin1String("arn:aws:")), qPrintable(shown));
    QVERIFY2(shown.endsWith(QLatin1String("6e5f")), qPrintable(shown));
    QCOMPARE(arn->text(), kPumpArn);
    QTest::mouseClick(field(QStringLiteral("schedulerArn"))->copyButton(), Qt::LeftButton);
    QCOMPARE(clipboardText(), kPumpArn);
}

void TestSchedulerDetailsView::contextMenu_copyValue()
{
    load(kPump);
    QStringList actions;
    onNextPopup([&actions](QMenu *menu) {
        for (QAction *action : menu->actions()) {
            if (!action->isSeparator())
                actions << action->text();
        }
        auto *copyValue = menu->findChild<QAction *>(QStringLiteral("copyValueAction"));
        QVERIFY(copyValue && copyValue->isEnabled());
        copyValue->trigger();
    });
    ui::ElidedLabel *zone = field(QStringLiteral("inputTimeZoneOffset"))->label();
    emit zone->customContextMenuRequested(zone->rect().center());
    QCOMPARE(clipboardText(), QStringLiteral("+01:00"));
    QCOMPARE(actions,
        (QStringList { QStringLiteral("&Copy Value"), QStringLiteral("Copy Scheduler &ARN"),
            QStringLiteral("Copy as &JSON"), QStringLiteral("Copy AWS &CLI Command") }));

    // The badges have the same menu: Copy Value gives the status as the service sent it.
    onNextPopup([](QMenu *menu) {
        menu->findChild<QAction *>(QStringLiteral("copyValueAction"))->trigger();
    });
    QWidget *status = m_view->fieldWidget(QStringLiteral("status"));
    emit status->customContextMenuRequested(QPoint(2, 2));
    QCOMPARE(clipboardText(), QStringLiteral("RUNNING"));
    QCOMPARE(m_messages->last().first().toString(), QStringLiteral("Copied status"));
}

void TestSchedulerDetailsView::ctrlC_copiesTheFocusedField()
{
    load(kPump);
    QApplication::setActiveWindow(m_view.get());
    QVERIFY(QTest::qWaitForWindowActive(m_view.get()));
    ui::ElidedLabel *created = field(QStringLiteral("createdAt"))->label();
    created->setFocus();
    QTRY_VERIFY(created->hasFocus());
    QTest::keySequence(created, QKeySequence::Copy);
    // Times are copied as the CLI prints them, to the microsecond.
    QCOMPARE(clipboardText(), QStringLiteral("2024-03-04T18:52:22.308482+00:00"));
    QCOMPARE(m_messages->last().first().toString(), QStringLiteral("Copied creation time"));

    ui::StatusBadge *result = qobject_cast<ui::StatusBadge *>(
        m_view->fieldWidget(QStringLiteral("latestInferenceResult")));
    result->setFocus();
    QTRY_VERIFY(result->hasFocus());
    QTest::keySequence(result, QKeySequence::Copy);
    QCOMPARE(clipboardText(), QStringLiteral("ANOMALOUS"));

    // The delimiter is copied as it is, not as its name.
    field(QStringLiteral("componentTimestampDelimiter"))->label()->setFocus();
    QTest::keySequence(QApplication::focusWidget(), QKeySequence::Copy);
    QCOMPARE(clipboardText(), QStringLiteral("_"));
}

void TestSchedulerDetailsView::ctrlShiftC_copiesTheSchedulerArnFromAnywhere()
{
    load(kPump);
    QApplication::setActiveWindow(m_view.get());
    QVERIFY(QTest::qWaitForWindowActive(m_view.get()));
    QWidget *elsewhere = m_view->findChild<QToolButton *>(QStringLiteral("refreshToolButton"));
    elsewhere->setFocus();
    QTest::keySequence(elsewhere, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    QCOMPARE(clipboardText(), kPumpArn);
    QCOMPARE(m_messages->last().first().toString(), QStringLiteral("Copied scheduler ARN"));
}

void TestSchedulerDetailsView::copyAsJson_isTheCliJson()
{
    load(kPump);
    QVERIFY(m_view->copyJsonAction()->isEnabled());
    m_view->copyJsonAction()->trigger();
    // The archive is the AWS CLI's own output: the copy is the same, byte for byte.
    QCOMPARE(clipboardText(),
        QString::fromUtf8(readData(QStringLiteral("pump-station-7-bearing-hourly.json"))));
    QCOMPARE(clipboardText(),
        QString::fromUtf8(
            lookout::json::cliDescribeInferenceScheduler(*m_controller->scheduler())));
    QCOMPARE(m_messages->last().first().toString(),
        QStringLiteral("Copied pump-station-7-bearing-hourly as JSON"));
}

void TestSchedulerDetailsView::copyCliCommand_isTheExactCommand()
{
    m_view->setClient(lookout::LookoutClient(m_jsonClient.get()),
        { QStringLiteral("plant-7"), m_emulator->region(), m_emulator->endpoint() });
    load(kPump);
    m_view->copyCliCommandAction()->trigger();
    QCOMPARE(clipboardText(),
        QStringLiteral(
            "aws lookoutequipment describe-inference-scheduler --inference-scheduler-name "
            "pump-station-7-bearing-hourly --region us-east-1 --profile plant-7 --endpoint-url "
            "http://")
            + m_emulator->endpoint().authority());
    QCOMPARE(m_messages->last().first().toString(), QStringLiteral("Copied the AWS CLI command"));

    // The copy menu holds the three copy actions.
    auto *copyButton = m_view->findChild<QToolButton *>(QStringLiteral("copyToolButton"));
    QVERIFY(copyButton->isEnabled());
    QCOMPARE(copyButton->menu()->actions(),
        (QList<QAction *> { m_view->copySchedulerArnAction(), m_view->copyJsonAction(),
            m_view->copyCliCommandAction() }));
}

void TestSchedulerDetailsView::actions_haveTheirShortcuts()
{
    QCOMPARE(m_view->refreshAction()->shortcuts(),
        (QList<QKeySequence> { QKeySequence(Qt::Key_F5), QKeySequence(Qt::CTRL | Qt::Key_R) }));
    QCOMPARE(m_view->refreshAction()->shortcutContext(), Qt::WindowShortcut);
    QCOMPARE(m_view->copySchedulerArnAction()->shortcut(),
        QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    QCOMPARE(m_view->copySchedulerArnAction()->shortcutContext(), Qt::WindowShortcut);
    QCOMPARE(m_view->copyFocusedValueAction()->shortcut(), QKeySequence(QKeySequence::Copy));
    QCOMPARE(m_view->copyFocusedValueAction()->shortcutContext(), Qt::WidgetWithChildrenShortcut);
    QVERIFY(m_view->actions().contains(m_view->refreshAction()));
    QVERIFY(m_view->actions().contains(m_view->copySchedulerArnAction()));
    QVERIFY(!m_view->refreshAction()->icon().isNull());
}

void TestSchedulerDetailsView::f5AndCtrlR_refreshWithValuesKeptVisible()
{
    load(kPump);
    QApplication::setActiveWindow(m_view.get());
    QVERIFY(QTest::qWaitForWindowActive(m_view.get()));
    const quint64 before = m_emulator->counters().requests;
    auto *busy = m_view->findChild<QProgressBar *>(QStringLiteral("busyProgressBar"));
    QVERIFY(!busy->isVisible());

    QTest::keyClick(m_view.get(), Qt::Key_F5);
    QVERIFY(m_controller->isBusy());
    QVERIFY(busy->isVisible());
    QVERIFY(!m_view->refreshAction()->isEnabled());
    // The values stay on screen while the request is in flight.
    QCOMPARE(m_view->findChild<QStackedWidget *>()->currentWidget()->objectName(),
        QStringLiteral("detailsPage"));
    QCOMPARE(field(QStringLiteral("schedulerArn"))->text(), kPumpArn);
    QVERIFY(m_view->findChild<QLabel *>(QStringLiteral("freshnessLabel"))
                ->text()
                .endsWith(QStringLiteral("refreshing\u2026")));
    QTRY_VERIFY_WITH_TIMEOUT(!m_controller->isBusy(), kWaitMs);
    QVERIFY(!busy->isVisible());
    QCOMPARE(m_emulator->counters().requests - before, quint64(1));

    QTest::keyClick(m_view.get(), Qt::Key_R, Qt::ControlModifier);
    QVERIFY(m_controller->isBusy());
    QTRY_VERIFY_WITH_TIMEOUT(!m_controller->isBusy(), kWaitMs);
    QCOMPARE(m_emulator->counters().requests - before, quint64(2));

    // The button does the same.
    QTest::mouseClick(
        m_view->findChild<QToolButton *>(QStringLiteral("refreshToolButton")), Qt::LeftButton);
    QVERIFY(m_controller->isBusy());
    QTRY_VERIFY_WITH_TIMEOUT(!m_controller->isBusy(), kWaitMs);
    QCOMPARE(m_emulator->counters().requests - before, quint64(3));
}

void TestSchedulerDetailsView::freshnessLine_keepsTicking()
{
    load(kPump);
    auto *freshness = m_view->findChild<QLabel *>(QStringLiteral("freshnessLabel"));
    QVERIFY(freshness->isVisible());
    QCOMPARE(freshness->text(), QStringLiteral("Updated 13:03:05, just now"));
    QCOMPARE(freshness->accessibleName(), QStringLiteral("Data freshness"));
    // The line follows the clock by itself, once a second.
    m_clock->advance(std::chrono::seconds(20));
    QTRY_COMPARE_WITH_TIMEOUT(
        freshness->text(), QStringLiteral("Updated 13:03:05, 20 s ago"), kWaitMs);
    m_clock->advance(std::chrono::minutes(3));
    QTRY_COMPARE_WITH_TIMEOUT(
        freshness->text(), QStringLiteral("Updated 13:03:05, 3 min ago"), kWaitMs);
    m_view->hide();
    QVERIFY(!m_view->findChild<QTimer *>(QStringLiteral("freshnessTimer"))->isActive());
}

void TestSchedulerDetailsView::failure_showsBannerAndMarksStale()
{
    load(kPump);
    auto *banner = m_view->findChild<ui::ErrorBanner *>();
    QVERIFY(!banner->isVisible());
    emulator::FaultConfig throttled;
    throttled.throttlingPercent = 100;
    QVERIFY(m_emulator->setFaults(throttled));
    m_clock->advance(std::chrono::seconds(65));
    m_view->refreshAction()->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(!m_controller->isBusy(), kWaitMs);

    QVERIFY(banner->isVisible());
    QCOMPARE(
        banner->headline(), QStringLiteral("Could not refresh pump-station-7-bearing-hourly."));
    QCOMPARE(banner->details(), m_controller->lastError()->toString());
    QVERIFY2(banner->details().startsWith(
                 QLatin1String("An error occurred (ThrottlingException) when calling the "
                               "DescribeInferenceScheduler operation")),
        qPrintable(banner->details()));
    QVERIFY(banner->retryButton()->isVisible());
    QCOMPARE(banner->retryButton()->accessibleName(), QStringLiteral("Retry"));
    auto *freshness = m_view->findChild<QLabel *>(QStringLiteral("freshnessLabel"));
    QCOMPARE(freshness->text(),
        QStringLiteral("Stale since 13:04:10 \u2014 Updated 13:03:05, 1 min ago"));
    // The old values stay, marked stale.
    QCOMPARE(field(QStringLiteral("schedulerArn"))->text(), kPumpArn);
    QVERIFY(field(QStringLiteral("schedulerArn"))->label()->isStale());
    QVERIFY(
        qobject_cast<ui::StatusBadge *>(m_view->fieldWidget(QStringLiteral("status")))->isStale());
    QVERIFY(field(QStringLiteral("roleArn"))
                ->label()
                ->accessibleDescription()
                .contains(QLatin1String("Stale")));

    // Retry, with the endpoint healthy again, clears it all.
    QVERIFY(m_emulator->setFaults({}));
    m_clock->advance(std::chrono::seconds(5));
    QTest::mouseClick(banner->retryButton(), Qt::LeftButton);
    QVERIFY(m_controller->isBusy());
    QTRY_VERIFY_WITH_TIMEOUT(!m_controller->isBusy(), kWaitMs);
    QVERIFY(!banner->isVisible());
    QVERIFY(!field(QStringLiteral("schedulerArn"))->label()->isStale());
    QCOMPARE(freshness->text(), QStringLiteral("Updated 13:04:15, just now"));
}

void TestSchedulerDetailsView::unknownScheduler_saysItDoesNotExist()
{
    load(QStringLiteral("no-such-scheduler"));
    QCOMPARE(m_controller->state(), State::NotFound);
    auto *message = m_view->findChild<QLabel *>(QStringLiteral("messageLabel"));
    QVERIFY(message->isVisible());
    QCOMPARE(message->text(),
        QStringLiteral("Inference scheduler no-such-scheduler does not exist in us-east-1."));
    auto *banner = m_view->findChild<ui::ErrorBanner *>();
    QVERIFY(banner->isVisible());
    QVERIFY2(banner->details().startsWith(
                 QLatin1String("An error occurred (ResourceNotFoundException)")),
        qPrintable(banner->details()));
    QVERIFY(!m_view->copyJsonAction()->isEnabled());
    QVERIFY(!m_view->copySchedulerArnAction()->isEnabled());
    QVERIFY(!m_view->fieldWidget(QStringLiteral("status"))->isVisible());
}

void TestSchedulerDetailsView::vanishedScheduler_clearsTheFormAndSaysSo()
{
    testsupport::ScriptedHttpServer server;
    QVERIFY(server.listen());
    const lookout::InferenceScheduler chiller = lookout::json::decodeCliDescribeInferenceScheduler(
        readData(QStringLiteral("chiller-07.json")))
                                                    .value();
    server.enqueue(testsupport::ScriptedResponse::json(
        200, lookout::json::encodeDescribeInferenceScheduler(chiller)));
    server.enqueue(testsupport::ScriptedResponse::awsError(
        400, "ResourceNotFoundException", "Inference scheduler chiller-07 does not exist"));
    aws::AwsJsonClientSettings settings;
    settings.signingName = lookout::service::kSigningName;
    settings.targetPrefix = lookout::service::kTargetPrefix;
    settings.endpoint = server.url();
    settings.region = QStringLiteral("us-east-1");
    settings.maxAttempts = 1;
    aws::AwsJsonClient jsonClient(m_network.get(), settings,
        std::make_shared<aws::StaticCredentialsProvider>(m_emulator->credentials()));
    m_view->setClient(lookout::LookoutClient(&jsonClient),
        { QString(), QStringLiteral("us-east-1"), server.url() });
    load(QStringLiteral("chiller-07"));
    QCOMPARE(field(QStringLiteral("schedulerName"))->text(), QStringLiteral("chiller-07"));

    m_view->refreshAction()->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(!m_controller->isBusy(), kWaitMs);
    auto *message = m_view->findChild<QLabel *>(QStringLiteral("messageLabel"));
    QVERIFY(message->isVisible());
    QCOMPARE(message->text(), QStringLiteral("Inference scheduler chiller-07 no longer exists."));
    auto *banner = m_view->findChild<ui::ErrorBanner *>();
    QCOMPARE(banner->headline(), message->text());
    QCOMPARE(banner->details(),
        QStringLiteral("An error occurred (ResourceNotFoundException) when calling the "
                       "DescribeInferenceScheduler operation: Inference scheduler chiller-07 "
                       "does not exist"));
    // The form is cleared: no old values anywhere.
    QVERIFY(!field(QStringLiteral("schedulerName"))->isVisible());
    QCOMPARE(field(QStringLiteral("schedulerName"))->text(), QStringLiteral(""));
    QVERIFY(!m_view->findChild<QLabel *>(QStringLiteral("freshnessLabel"))->isVisible());
    m_view->clearClient();
}

void TestSchedulerDetailsView::pendingScheduler_badgeFollowsTheRepoll()
{
    load(QStringLiteral("chiller-07"));
    auto *status = qobject_cast<ui::StatusBadge *>(m_view->fieldWidget(QStringLiteral("status")));
    QCOMPARE(status->value(), QStringLiteral("PENDING"));
    QVERIFY(m_controller->isPolling());
    QCOMPARE(m_pollTimer->delay(), std::chrono::milliseconds(5000));
    m_emulatorClock->advance(std::chrono::seconds(6));
    m_pollTimer->fire();
    QTRY_VERIFY_WITH_TIMEOUT(!m_controller->isBusy(), kWaitMs);
    QCOMPARE(status->value(), QStringLiteral("RUNNING"));
    QCOMPARE(status->accessibleName(), QStringLiteral("Status: RUNNING"));
    QVERIFY(!m_controller->isPolling());
}

void TestSchedulerDetailsView::darkPalette_badgesUseTheDarkColours()
{
    load(kPump);
    QPalette dark;
    dark.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
    dark.setColor(QPalette::WindowText, QColor(0xee, 0xee, 0xee));
    dark.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    dark.setColor(QPalette::Text, QColor(0xee, 0xee, 0xee));
    dark.setColor(QPalette::ButtonText, QColor(0xee, 0xee, 0xee));
    dark.setColor(QPalette::Button, QColor(0x35, 0x35, 0x35));
    m_view->setPalette(dark);
    QWidget *status = m_view->fieldWidget(QStringLiteral("status"));
    const QImage image = status->grab().toImage();
    const models::StatusPresentation running
        = models::statusPresentation(QStringLiteral("RUNNING"));
    int darkPixels = 0;
    int lightPixels = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            const QRgb pixel = image.pixel(x, y) & 0xffffff;
            darkPixels += pixel == (running.dark.background.rgb() & 0xffffff) ? 1 : 0;
            lightPixels += pixel == (running.light.background.rgb() & 0xffffff) ? 1 : 0;
        }
    }
    QVERIFY2(darkPixels > 50, qPrintable(QString::number(darkPixels)));
    QCOMPARE(lightPixels, 0);
}

void TestSchedulerDetailsView::focusableWidgets_haveAccessibleNames()
{
    load(kPump);
    int checked = 0;
    for (QWidget *widget : m_view->findChildren<QWidget *>()) {
        if (!widget->isVisible() || widget->focusPolicy() == Qt::NoFocus || widget->focusProxy())
            continue;
        const auto *button = qobject_cast<QAbstractButton *>(widget);
        const bool named = !widget->accessibleName().isEmpty()
            || (button && !button->text().remove(QLatin1Char('&')).isEmpty());
        QVERIFY2(named,
            qPrintable(widget->objectName() + QLatin1Char(' ')
                + QLatin1String(widget->metaObject()->className())));
        ++checked;
    }
    QVERIFY(checked > 20);
}

QTEST_MAIN(TestSchedulerDetailsView)
#include "tst_schedulerdetailsview.moc"
