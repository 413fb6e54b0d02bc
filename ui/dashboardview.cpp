#include "ui/dashboardview.h"

#include "models/itemroles.h"
#include "models/schedulerlistmodel.h"
#include "models/timetext.h"
#include "ui/dashboardcounts.h"
#include "ui/dashboardtiledelegate.h"
#include "ui/dashboardtilesview.h"
#include "ui/plaintooltip.h"
#include "ui/sortwhileshown.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace ui {

DashboardView::DashboardView(QWidget *parent)
    : QWidget(parent)
    , m_proxy(new models::SchedulerFilterProxyModel(this))
    , m_counts(new DashboardCounts(this))
    , m_freshnessLabel(new QLabel(this))
    , m_tiles(new DashboardTilesView(this))
{
    setObjectName(QStringLiteral("dashboardViewWidget"));
    m_proxy->setOrder(models::SchedulerFilterProxyModel::Order::ByUrgency);
    m_proxy->sort(0);
    // A hidden dashboard does not re-sort its 10,000 tiles after every refresh.
    new SortWhileShown(this, m_proxy, SortWhileShown::Start::Deferred);

    m_freshnessLabel->setObjectName(QStringLiteral("freshnessLabel"));
    m_freshnessLabel->setAlignment(Qt::AlignRight | Qt::AlignTop);
    m_freshnessLabel->setWordWrap(true);
    m_freshnessLabel->setTextFormat(Qt::PlainText);
    QFont freshnessFont = m_freshnessLabel->font();
    freshnessFont.setPointSizeF(freshnessFont.pointSizeF() * 1.3);
    m_freshnessLabel->setFont(freshnessFont);

    m_tiles->setObjectName(QStringLiteral("dashboardTilesListView"));
    m_tiles->setSelectionMode(QAbstractItemView::SingleSelection);
    m_tiles->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_tiles->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_tiles->setFrameShape(QFrame::NoFrame);
    m_tiles->viewport()->setBackgroundRole(QPalette::Window);
    m_tiles->setItemDelegate(new DashboardTileDelegate(this));
    m_tiles->setModel(m_proxy);
    m_tiles->setModelColumn(models::SchedulerListModel::NameColumn);
    connect(m_tiles, &QListView::activated, this, [this](const QModelIndex &index) {
        const QString name = index.data(models::SchedulerNameRole).toString();
        if (!name.isEmpty())
            emit schedulerActivated(name);
    });

    auto *top = new QHBoxLayout;
    top->addWidget(m_counts, 1);
    top->addWidget(m_freshnessLabel, 0, Qt::AlignTop);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_tiles, 1);
    setFocusProxy(m_tiles);
    changeEvent(nullptr);
}

void DashboardView::changeEvent(QEvent *event)
{
    if (!event || event->type() == QEvent::LanguageChange) {
        setAccessibleName(tr("Dashboard"));
        m_tiles->setAccessibleName(tr("Scheduler tiles, most urgent first"));
        m_freshnessLabel->setAccessibleName(tr("Last refresh"));
        updateFreshness();
    }
    if (event)
        QWidget::changeEvent(event);
}

void DashboardView::setModel(models::SchedulerListModel *model)
{
    m_model = model;
    m_proxy->setSourceModel(model);
    m_tiles->setModelColumn(models::SchedulerListModel::NameColumn);
    // The count chips lay themselves out by width: once per refresh cycle (summaryChanged()).
    connect(model, &models::SchedulerListModel::summaryChanged, this, &DashboardView::updateCounts);
    connect(model, &models::SchedulerListModel::freshnessChanged, this,
        &DashboardView::updateFreshness);
    connect(model, &QAbstractItemModel::modelReset, this, &DashboardView::updateFreshness);
    updateCounts();
    updateFreshness();
}

void DashboardView::updateCounts()
{
    m_counts->setSummary(m_model ? m_model->summary() : models::FleetSummary());
}

void DashboardView::setRefreshProblem(const QString &problem)
{
    m_problem = problem;
    updateFreshness();
}

QString DashboardView::freshnessText() const
{
    return m_freshnessLabel->text();
}

void DashboardView::updateFreshness()
{
    QString text;
    const QDateTime lastGood = m_model ? m_model->lastCompleteRefresh() : QDateTime();
    const bool stale = m_model && m_model->isStale();
    if (stale) {
        text = lastGood.isValid() ? tr("Refresh failed: hatched tiles show data from %1")
                                        .arg(models::clockTimeText(lastGood))
                                  : tr("Refresh failed");
    } else if (lastGood.isValid()) {
        text = tr("Updated %1").arg(models::clockTimeText(lastGood));
    } else {
        text = tr("Waiting for the first refresh…");
    }
    m_freshnessLabel->setText(text);
    m_freshnessLabel->setToolTip(stale ? plainToolTip(m_problem) : QString());
    QFont font = m_freshnessLabel->font();
    font.setBold(stale);
    m_freshnessLabel->setFont(font);
}

QStringList DashboardView::tileNames() const
{
    QStringList names;
    for (int row = 0; row < m_proxy->rowCount(); ++row)
        names.append(m_proxy->index(row, 0).data(models::SchedulerNameRole).toString());
    return names;
}

} // namespace ui
