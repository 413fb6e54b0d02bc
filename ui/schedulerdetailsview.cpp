#include "ui/schedulerdetailsview.h"

#include "core/visibletext.h"
#include "lookout/lookoutclient.h"
#include "lookout/service.h"
#include "models/itemroles.h"
#include "models/statuspresentation.h"
#include "models/timetext.h"
#include "ui/copyablefieldlabel.h"
#include "ui/elidedlabel.h"
#include "ui/errorbanner.h"
#include "ui/plaintooltip.h"
#include "ui/statusbadge.h"
#include "ui/symbolicicon.h"
#include "ui/theme.h"
#include "ui_schedulerdetailsview.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QFormLayout>
#include <QGroupBox>
#include <QHelpEvent>
#include <QKeySequence>
#include <QLabel>
#include <QMenu>
#include <QTimer>
#include <QToolButton>
#include <QToolTip>

#include <algorithm>

namespace ui {

namespace {

QString copyCliCommandToolTip()
{
    return SchedulerDetailsView::tr("Copy the %1 command that describes this scheduler")
        .arg(lookout::service::cliCommand(
            QLatin1StringView(lookout::service::operation::kDescribeInferenceScheduler)));
}

using models::SchedulerDetailsController;
using models::SchedulerDetailsModel;
using State = SchedulerDetailsController::State;

const QString kRefreshIcon = QStringLiteral(":/icons/refresh.svg");
const QString kCopyIcon = QStringLiteral(":/icons/copy.svg");
const QString kSchedulerArn = QStringLiteral("schedulerArn");
constexpr int kFreshnessTickMs = 1000;
constexpr qreal kTitleScale = 1.4;

} // namespace

SchedulerDetailsView::SchedulerDetailsView(QWidget *parent)
    : SchedulerDetailsView(nullptr, parent)
{
}

SchedulerDetailsView::SchedulerDetailsView(
    models::SchedulerDetailsController *controller, QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::SchedulerDetailsViewForm>())
    , m_freshnessTimer(new QTimer(this))
    , m_copyMenu(new QMenu(this))
{
    m_ui->setupUi(this);
    if (!controller)
        controller = new SchedulerDetailsController(this);

    m_ui->titleLabel->setElideMode(Qt::ElideRight);
    QFont title = m_ui->titleLabel->font();
    title.setBold(true);
    title.setPointSizeF(title.pointSizeF() * kTitleScale);
    m_ui->titleLabel->setFont(title);
    m_ui->busyProgressBar->setVisible(false);
    m_ui->statusBadge->setContextMenuPolicy(Qt::CustomContextMenu);
    m_ui->latestResultBadge->setContextMenuPolicy(Qt::CustomContextMenu);

    setUpActions();
    buildFieldRows();
    updateIcons();

    m_freshnessTimer->setObjectName(QStringLiteral("freshnessTimer"));
    m_freshnessTimer->setInterval(kFreshnessTickMs);
    connect(m_freshnessTimer, &QTimer::timeout, this, &SchedulerDetailsView::updateFreshness);
    connect(m_ui->errorBanner, &ErrorBanner::retryRequested, this, [this] {
        if (m_controller)
            m_controller->refresh();
    });
    attach(controller);
}

SchedulerDetailsView::~SchedulerDetailsView() = default;

ErrorBanner *SchedulerDetailsView::errorBanner() const
{
    return m_ui->errorBanner;
}

void SchedulerDetailsView::setUpActions()
{
    m_refreshAction = new QAction(tr("&Refresh"), this);
    m_refreshAction->setObjectName(QStringLiteral("refreshAction"));
    m_refreshAction->setShortcuts({ QKeySequence(Qt::Key_F5), QKeySequence(Qt::CTRL | Qt::Key_R) });
    m_refreshAction->setShortcutContext(Qt::WindowShortcut);
    m_refreshAction->setToolTip(tr("Fetch the scheduler's description again"));
    connect(m_refreshAction, &QAction::triggered, this, [this] {
        if (m_controller)
            m_controller->refresh();
    });

    m_copyArnAction = new QAction(tr("Copy Scheduler &ARN"), this);
    m_copyArnAction->setObjectName(QStringLiteral("copySchedulerArnAction"));
    m_copyArnAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    m_copyArnAction->setShortcutContext(Qt::WindowShortcut);
    connect(m_copyArnAction, &QAction::triggered, this, [this] { copyField(kSchedulerArn); });

    m_copyJsonAction = new QAction(tr("Copy as &JSON"), this);
    m_copyJsonAction->setObjectName(QStringLiteral("copyJsonAction"));
    m_copyJsonAction->setToolTip(tr("Copy the scheduler as the AWS CLI prints it"));
    connect(m_copyJsonAction, &QAction::triggered, this, [this] {
        if (m_controller && m_controller->scheduler())
            copyText(m_controller->cliJson(),
                tr("Copied %1 as JSON").arg(m_controller->schedulerName()));
    });

    m_copyCliCommandAction = new QAction(tr("Copy AWS &CLI Command"), this);
    m_copyCliCommandAction->setObjectName(QStringLiteral("copyCliCommandAction"));
    m_copyCliCommandAction->setToolTip(copyCliCommandToolTip());
    connect(m_copyCliCommandAction, &QAction::triggered, this, [this] {
        if (m_controller && !m_controller->cliCommand().isEmpty())
            copyText(m_controller->cliCommand(), tr("Copied the AWS CLI command"));
    });

    m_copyFocusedAction = new QAction(tr("&Copy Value"), this);
    m_copyFocusedAction->setObjectName(QStringLiteral("copyFocusedValueAction"));
    m_copyFocusedAction->setShortcut(QKeySequence::Copy);
    m_copyFocusedAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(
        m_copyFocusedAction, &QAction::triggered, this, &SchedulerDetailsView::copyFocusedField);

    addActions({ m_refreshAction, m_copyArnAction, m_copyJsonAction, m_copyCliCommandAction,
        m_copyFocusedAction });
    m_ui->refreshToolButton->setDefaultAction(m_refreshAction);
    m_copyMenu->setObjectName(QStringLiteral("copyMenu"));
    m_copyMenu->addActions({ m_copyArnAction, m_copyJsonAction, m_copyCliCommandAction });
    m_ui->copyToolButton->setMenu(m_copyMenu);
}

void SchedulerDetailsView::addHeaderActions(const QList<QAction *> &actions)
{
    QBoxLayout *header = m_ui->headerLayout;
    for (QAction *action : actions) {
        auto *button = new QToolButton(this);
        button->setObjectName(action->objectName() + QStringLiteral("ToolButton"));
        button->setDefaultAction(action);
        button->setToolButtonStyle(Qt::ToolButtonTextOnly);
        const auto name = [button, action] {
            button->setAccessibleName(
                QString(action->text()).remove(QLatin1Char('&')).remove(QStringLiteral("…")));
        };
        name();
        connect(action, &QAction::changed, button, name);
        header->insertWidget(header->indexOf(m_ui->refreshToolButton), button);
    }
}

void SchedulerDetailsView::buildFieldRows()
{
    const QList<SchedulerDetailsModel::Field> fields = SchedulerDetailsModel::fields();
    for (const SchedulerDetailsModel::Group group : SchedulerDetailsModel::groups()) {
        auto *box = new QGroupBox(SchedulerDetailsModel::groupTitle(group), m_ui->fieldsWidget);
        box->setObjectName(SchedulerDetailsModel::groupId(group) + QStringLiteral("GroupBox"));
        auto *form = new QFormLayout(box);
        form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
        form->setRowWrapPolicy(QFormLayout::DontWrapRows);
        for (const SchedulerDetailsModel::Field &field : fields) {
            if (field.group != group)
                continue;
            m_sentenceNames.insert(field.id, field.sentenceName);
            if (field.kind == models::FieldKind::Status) {
                // Status and Latest result are the header's badges.
                StatusBadge *badge = field.id == QLatin1String("status") ? m_ui->statusBadge
                                                                         : m_ui->latestResultBadge;
                badge->setFieldName(field.label);
                badge->setObjectName(field.id + QStringLiteral("Badge"));
                m_fieldWidgets.insert(field.id, badge);
                connect(badge, &QWidget::customContextMenuRequested, this,
                    [this, id = field.id, badge](
                        const QPoint &position) { showFieldMenu(id, badge, position); });
                continue;
            }
            auto *label = new QLabel(field.label, box);
            label->setObjectName(field.id + QStringLiteral("Label"));
            auto *value = new CopyableFieldLabel(box);
            value->setObjectName(field.id + QStringLiteral("CopyableFieldLabel"));
            value->setField(field.id, field.sentenceName);
            value->setCopyButtonVisible(field.kind == models::FieldKind::Arn
                || field.kind == models::FieldKind::S3Location);
            value->label()->setContextMenuPolicy(Qt::CustomContextMenu);
            value->label()->installEventFilter(this);
            label->setBuddy(value->label());
            form->addRow(label, value);
            m_fieldWidgets.insert(field.id, value);
            connect(
                value, &CopyableFieldLabel::copyRequested, this, &SchedulerDetailsView::copyField);
            connect(value->label(), &QWidget::customContextMenuRequested, this,
                [this, id = field.id, value](
                    const QPoint &position) { showFieldMenu(id, value->label(), position); });
        }
        m_ui->fieldsLayout->addWidget(box);
    }
    m_ui->fieldsLayout->addStretch(1);
    alignFieldLabels();
}

void SchedulerDetailsView::alignFieldLabels()
{
    // Each group has its own form layout; one label width for all keeps the values in one column.
    const QList<QLabel *> labels = m_ui->fieldsWidget->findChildren<QLabel *>();
    int width = 0;
    for (QLabel *label : labels) {
        label->setMinimumWidth(0);
        width = std::max(width, label->sizeHint().width());
    }
    for (QLabel *label : labels)
        label->setMinimumWidth(width);
}

void SchedulerDetailsView::attach(models::SchedulerDetailsController *controller)
{
    if (m_controller)
        disconnect(m_controller, nullptr, this, nullptr);
    m_controller = controller;
    connect(controller, &SchedulerDetailsController::stateChanged, this,
        &SchedulerDetailsView::updateFromController);
    connect(controller, &SchedulerDetailsController::busyChanged, this,
        &SchedulerDetailsView::updateFromController);
    updateFromController();
}

void SchedulerDetailsView::setClient(
    const lookout::LookoutClient &client, const models::CliGlobalOptions &cliOptions)
{
    m_shownName.clear();
    m_controller->setClient(client, cliOptions);
}

void SchedulerDetailsView::clearClient()
{
    m_shownName.clear();
    m_controller->clearClient();
}

void SchedulerDetailsView::showScheduler(const QString &name)
{
    m_controller->showScheduler(name);
}

QWidget *SchedulerDetailsView::fieldWidget(const QString &fieldId) const
{
    return m_fieldWidgets.value(fieldId);
}

void SchedulerDetailsView::updateFromController()
{
    const State state = m_controller->state();
    const QString name = m_controller->schedulerName();
    const std::optional<aws::AwsError> &error = m_controller->lastError();
    const bool loaded = state == State::Loaded;

    QString message;
    switch (state) {
    case State::Empty:
        message = tr("Choose an inference scheduler to see its details.");
        break;
    case State::NoConnection:
        message = tr("Not connected: choose a profile and a region to see %1.").arg(name);
        break;
    case State::Loading:
        message = tr("Loading %1\u2026").arg(name);
        break;
    case State::Failed:
        message = tr("Could not load %1.").arg(name);
        break;
    case State::NotFound:
        message = m_shownName == name ? tr("Inference scheduler %1 no longer exists.").arg(name)
                                      : tr("Inference scheduler %1 does not exist in %2.")
                                            .arg(name, m_controller->cliOptions().region);
        break;
    case State::Loaded:
        break;
    }
    if (loaded)
        m_shownName = name;
    else if (state != State::NotFound)
        m_shownName.clear();

    m_ui->messageLabel->setText(message);
    m_ui->pagesStackedWidget->setCurrentWidget(loaded ? m_ui->detailsPage : m_ui->messagePage);
    m_ui->titleLabel->setText(name);
    m_ui->statusBadge->setVisible(loaded);
    m_ui->latestResultBadge->setVisible(loaded);
    m_ui->busyProgressBar->setVisible(m_controller->isBusy());

    const bool credentialsFailed = error && error->kind == aws::AwsError::Kind::Credentials;
    if (error && state == State::Loaded)
        m_ui->errorBanner->showError(
            tr("Could not refresh %1.").arg(name), error->toString(), credentialsFailed);
    else if (error && (state == State::Failed || state == State::NotFound))
        m_ui->errorBanner->showError(message, error->toString(), credentialsFailed);
    else
        m_ui->errorBanner->clearError();

    updateFields();
    updateFreshness();
    updateActions();
    if (loaded && isVisible())
        m_freshnessTimer->start();
    else if (!loaded)
        m_freshnessTimer->stop();
}

void SchedulerDetailsView::updateFields()
{
    const SchedulerDetailsModel *model = m_controller->model();
    const bool stale = model->isStale();
    for (auto it = m_fieldWidgets.cbegin(); it != m_fieldWidgets.cend(); ++it) {
        const QModelIndex index = model->fieldIndex(it.key());
        if (auto *badge = qobject_cast<StatusBadge *>(it.value())) {
            badge->setValue(index.data(models::BadgeValueRole).toString());
            badge->setStale(stale);
            continue;
        }
        auto *value = static_cast<CopyableFieldLabel *>(it.value());
        value->setValue(
            index.data(Qt::DisplayRole).toString(), index.data(models::AbsentRole).toBool());
        value->setStale(stale);
        value->label()->setAccessibleName(index.data(models::AccessibleTextRole).toString());
        value->label()->setAccessibleDescription(
            stale ? tr("Stale: from before the last failed refresh.") : QString());
    }
}

void SchedulerDetailsView::updateFreshness()
{
    if (m_controller->state() != State::Loaded) {
        m_ui->freshnessLabel->setText(QString());
        m_ui->freshnessLabel->setVisible(false);
        return;
    }
    const QDateTime now = m_controller->clock()->now();
    const QDateTime updated = m_controller->lastUpdated();
    QString text = tr("Updated %1, %2")
                       .arg(models::clockTimeText(updated), models::relativeAgeText(updated, now));
    QPalette palette = this->palette();
    QFont font = this->font();
    if (m_controller->isStale()) {
        text = tr("Stale since %1 \u2014 %2")
                   .arg(models::clockTimeText(m_controller->staleSince()), text);
        // The same amber as a STOPPING badge's text: a warning, legible on light and dark.
        const models::StatusPresentation warning
            = models::statusPresentation(models::StatusKind::Stopping);
        palette.setColor(
            QPalette::WindowText, warning.colors(colorSetOf(this->palette())).foreground);
        font.setBold(true);
    }
    if (m_controller->isBusy())
        text = tr("%1 \u00b7 refreshing\u2026").arg(text);
    m_ui->freshnessLabel->setPalette(palette);
    m_ui->freshnessLabel->setFont(font);
    m_ui->freshnessLabel->setText(text);
    m_ui->freshnessLabel->setVisible(true);
}

void SchedulerDetailsView::updateActions()
{
    const State state = m_controller->state();
    const bool canFetch = state != State::Empty && state != State::NoConnection;
    m_refreshAction->setEnabled(canFetch && !m_controller->isBusy());
    m_copyArnAction->setEnabled(!m_controller->model()
                                     ->fieldData(kSchedulerArn, models::CopyTextRole)
                                     .toString()
                                     .isEmpty());
    m_copyJsonAction->setEnabled(m_controller->scheduler().has_value());
    // A name that fails the service's pattern is shown, but makes no command: the tooltip says
    // why.
    const QString refusal = m_controller->cliCommandRefusal();
    m_copyCliCommandAction->setEnabled(
        !m_controller->schedulerName().isEmpty() && m_controller->hasClient() && refusal.isEmpty());
    m_copyCliCommandAction->setToolTip(
        refusal.isEmpty() ? copyCliCommandToolTip() : plainToolTip(refusal));
    m_ui->copyToolButton->setEnabled(m_copyArnAction->isEnabled() || m_copyJsonAction->isEnabled()
        || m_copyCliCommandAction->isEnabled());
}

void SchedulerDetailsView::updateIcons()
{
    m_refreshAction->setIcon(symbolicIcon(kRefreshIcon, palette()));
    m_ui->copyToolButton->setIcon(symbolicIcon(kCopyIcon, palette()));
}

void SchedulerDetailsView::showFieldMenu(
    const QString &fieldId, QWidget *widget, const QPoint &position)
{
    QMenu menu(this);
    QAction *copyValue
        = menu.addAction(tr("&Copy Value"), this, [this, fieldId] { copyField(fieldId); });
    copyValue->setObjectName(QStringLiteral("copyValueAction"));
    copyValue->setEnabled(
        !m_controller->model()->fieldData(fieldId, models::CopyTextRole).toString().isEmpty());
    menu.addSeparator();
    menu.addActions({ m_copyArnAction, m_copyJsonAction, m_copyCliCommandAction });
    menu.exec(widget->mapToGlobal(position));
}

void SchedulerDetailsView::copyField(const QString &fieldId)
{
    const QString text = m_controller->model()->fieldData(fieldId, models::CopyTextRole).toString();
    const QString name = m_sentenceNames.value(fieldId);
    if (text.isEmpty()) {
        emit statusMessage(tr("Nothing to copy: the %1 is not set.").arg(name));
        return;
    }
    // A value from the endpoint never reaches the clipboard with a control character in it.
    copyText(core::visibleText(text), tr("Copied %1").arg(name));
}

QString SchedulerDetailsView::fieldIdOf(QWidget *widget) const
{
    for (QWidget *current = widget; current && current != this; current = current->parentWidget()) {
        for (auto it = m_fieldWidgets.cbegin(); it != m_fieldWidgets.cend(); ++it) {
            if (it.value() == current)
                return it.key();
        }
    }
    return {};
}

void SchedulerDetailsView::copyFocusedField()
{
    const QString fieldId = fieldIdOf(QApplication::focusWidget());
    if (!fieldId.isEmpty())
        copyField(fieldId);
}

void SchedulerDetailsView::copyText(const QString &text, const QString &confirmation)
{
    QApplication::clipboard()->setText(text);
    emit statusMessage(confirmation);
}

bool SchedulerDetailsView::eventFilter(QObject *watched, QEvent *event)
{
    // Tooltips come from the model when asked, so ages ("3 min ago") are current.
    if (event->type() == QEvent::ToolTip) {
        if (auto *label = qobject_cast<ElidedLabel *>(watched)) {
            const QString fieldId = fieldIdOf(label);
            const QString tip
                = m_controller->model()->fieldData(fieldId, Qt::ToolTipRole).toString();
            auto *help = static_cast<QHelpEvent *>(event);
            if (tip.isEmpty())
                QToolTip::hideText();
            else
                QToolTip::showText(help->globalPos(), plainToolTip(tip), label);
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void SchedulerDetailsView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_controller->state() == State::Loaded) {
        updateFreshness();
        m_freshnessTimer->start();
    }
}

void SchedulerDetailsView::hideEvent(QHideEvent *event)
{
    m_freshnessTimer->stop();
    QWidget::hideEvent(event);
}

void SchedulerDetailsView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange) {
        updateIcons();
        updateFreshness();
    } else if (event->type() == QEvent::FontChange) {
        alignFieldLabels();
    }
    QWidget::changeEvent(event);
}

} // namespace ui
