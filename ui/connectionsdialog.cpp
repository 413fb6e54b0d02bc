#include "ui/connectionsdialog.h"

#include "aws/configresolver.h"
#include "ui/regionpicker.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace ui {

ConnectionsDialog::ConnectionsDialog(const QStringList &profiles, QWidget *parent)
    : QDialog(parent)
    , m_intro(new QLabel(this))
    , m_list(new QListWidget(this))
    , m_profileLabel(new QLabel(this))
    , m_profile(new QComboBox(this))
    , m_regionLabel(new QLabel(this))
    , m_region(new QComboBox(this))
    , m_add(new QPushButton(this))
    , m_remove(new QPushButton(this))
    , m_problem(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("connectionsDialog"));
    m_list->setObjectName(QStringLiteral("connectionsList"));
    m_profile->setObjectName(QStringLiteral("connectionProfileComboBox"));
    m_region->setObjectName(QStringLiteral("connectionRegionComboBox"));
    m_add->setObjectName(QStringLiteral("addConnectionButton"));
    m_remove->setObjectName(QStringLiteral("removeConnectionButton"));
    m_problem->setObjectName(QStringLiteral("connectionProblemLabel"));
    m_intro->setWordWrap(true);
    m_problem->setWordWrap(true);
    m_problem->hide();

    m_profile->setEditable(true);
    m_profile->addItems(profiles);
    m_region->setEditable(true);
    m_region->addItem(QString());
    m_region->addItems(RegionPicker::serviceRegions());
    m_profileLabel->setBuddy(m_profile);
    m_regionLabel->setBuddy(m_region);

    auto *form = new QGridLayout;
    form->addWidget(m_profileLabel, 0, 0);
    form->addWidget(m_profile, 0, 1);
    form->addWidget(m_regionLabel, 1, 0);
    form->addWidget(m_region, 1, 1);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_add);
    buttons->addWidget(m_remove);
    buttons->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addWidget(m_list);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addLayout(buttons);
    layout->addWidget(m_buttons);

    connect(m_add, &QPushButton::clicked, this, &ConnectionsDialog::addConnection);
    connect(m_remove, &QPushButton::clicked, this, &ConnectionsDialog::removeSelected);
    connect(m_list, &QListWidget::currentRowChanged, this,
        [this](int row) { m_remove->setEnabled(row >= 0); });
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    m_remove->setEnabled(false);
    retranslate();
}

ConnectionsDialog::~ConnectionsDialog() = default;

void ConnectionsDialog::setConnections(const QList<options::ConnectionSpec> &connections)
{
    m_connections = connections;
    refreshList();
}

QString ConnectionsDialog::problemText() const
{
    return m_problem->isHidden() ? QString() : m_problem->text();
}

bool ConnectionsDialog::addConnection()
{
    QString text = m_profile->currentText().trimmed();
    const QString region = m_region->currentText().trimmed();
    if (!region.isEmpty())
        text += QLatin1Char('@') + region;
    QString problem;
    if (m_profile->currentText().trimmed().isEmpty()) {
        problem = tr("Choose or type a profile.");
    } else if (const std::optional<QString> regionProblem
        = region.isEmpty() ? std::nullopt : aws::regionProblem(region)) {
        problem = *regionProblem;
    } else {
        const options::Result<options::ConnectionSpec> spec = options::parseConnectionSpec(text);
        if (!spec)
            problem = spec.error().message;
        else if (m_connections.contains(spec.value()))
            problem = tr("%1 is listed already.").arg(spec.value().toText());
        else
            m_connections.append(spec.value());
    }
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
    if (!problem.isEmpty())
        return false;
    refreshList();
    m_list->setCurrentRow(int(m_connections.size()) - 1);
    return true;
}

void ConnectionsDialog::removeSelected()
{
    const int row = m_list->currentRow();
    if (row < 0 || row >= m_connections.size())
        return;
    m_connections.removeAt(row);
    refreshList();
    m_list->setCurrentRow(std::min(row, int(m_connections.size()) - 1));
}

void ConnectionsDialog::refreshList()
{
    m_list->clear();
    for (const options::ConnectionSpec &spec : std::as_const(m_connections)) {
        auto *item = new QListWidgetItem(spec.region.isEmpty()
                ? tr("%1 (the profile's region)").arg(spec.profile)
                : spec.profile + QStringLiteral(" · ") + spec.region,
            m_list);
        item->setData(Qt::UserRole, spec.toText());
    }
    m_remove->setEnabled(m_list->currentRow() >= 0);
}

void ConnectionsDialog::retranslate()
{
    setWindowTitle(tr("Connections"));
    m_intro->setText(tr("Besides the profile and region chosen in the toolbar, the fleet table "
                        "and the dashboard show these, each refreshed on its own:"));
    m_list->setAccessibleName(tr("Further connections"));
    m_profileLabel->setText(tr("&Profile:"));
    m_profile->setAccessibleName(tr("Profile"));
    m_regionLabel->setText(tr("R&egion:"));
    m_region->setAccessibleName(tr("Region"));
    m_region->lineEdit()->setPlaceholderText(tr("the profile's own"));
    m_add->setText(tr("&Add"));
    m_add->setAccessibleName(tr("Add connection"));
    m_remove->setText(tr("&Remove"));
    m_remove->setAccessibleName(tr("Remove connection"));
    refreshList();
}

void ConnectionsDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}

} // namespace ui
