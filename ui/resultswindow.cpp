#include "ui/resultswindow.h"

#include "ui/errorbanner.h"
#include "ui/qtcontrolnames.h"
#include "ui/resultschart.h"

#include <QAction>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QStatusBar>

namespace ui {

namespace {

constexpr int kMessageMs = 5000;

} // namespace

ResultsWindow::ResultsWindow(
    results::ResultsSource *source, results::ObjectCache *cache, QWidget *parent)
    : QMainWindow(parent)
    , m_pane(new ResultsPane(this))
{
    setObjectName(QStringLiteral("resultsWindow"));
    setWindowTitle(tr("Results: %1 – Lookout Desk").arg(source->location()));
    setAccessibleName(tr("Results of %1").arg(source->location()));
    m_pane->setSource(source, cache);
    setCentralWidget(m_pane);
    m_pane->cancelButton()->setToolTip(tr("Stop loading and keep what has arrived (Esc)"));
    m_pane->cancelButton()->setShortcut(Qt::Key_Escape);
    buildMenus();
    connect(m_pane, &ResultsPane::loadFinished, this, &ResultsWindow::loadFinished);
    connect(m_pane, &ResultsPane::statusMessage, this,
        [this](const QString &message) { statusBar()->showMessage(message, kMessageMs); });
    nameQtOwnControls(this);
    resize(1200, 800);
}

ResultsWindow::~ResultsWindow() = default;

void ResultsWindow::enableSignIn(const QString &profile, SsoSignInTarget target,
    QNetworkAccessManager *network, std::function<void()> afterSignIn,
    SsoSignInDialog::UrlOpener openUrl)
{
    errorBanner()->setSignInProfile(profile);
    connect(errorBanner(), &ErrorBanner::signInRequested, this,
        [this, target = std::move(target), network, afterSignIn = std::move(afterSignIn),
            openUrl = std::move(openUrl)] {
            SsoSignInDialog::openFor(target, network, openUrl, this, [this, afterSignIn] {
                afterSignIn();
                errorBanner()->retry();
            });
        });
}

void ResultsWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *png = file->addAction(tr("Export Chart as &PNG…"));
    connect(png, &QAction::triggered, this,
        [this] { m_pane->exportChart(ChartFormat::Png, windowTitle()); });
    QAction *svg = file->addAction(tr("Export Chart as &SVG…"));
    connect(svg, &QAction::triggered, this,
        [this] { m_pane->exportChart(ChartFormat::Svg, windowTitle()); });
    file->addSeparator();
    QAction *close = file->addAction(tr("&Close"));
    close->setShortcut(QKeySequence::Close);
    connect(close, &QAction::triggered, this, &QWidget::close);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    QAction *copy = edit->addAction(tr("&Copy Whole Table as CSV"));
    copy->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    connect(copy, &QAction::triggered, this, [this] { m_pane->copyCsv(CsvRows::All); });

    QMenu *view = menuBar()->addMenu(tr("&View"));
    QAction *reload = view->addAction(tr("&Reload"));
    reload->setShortcuts({ QKeySequence::Refresh, QKeySequence(Qt::CTRL | Qt::Key_R) });
    connect(reload, &QAction::triggered, m_pane, &ResultsPane::reload);
    QAction *chart = view->addAction(tr("Go to the &Chart"));
    chart->setShortcut(QKeySequence(Qt::ALT | Qt::Key_G));
    connect(chart, &QAction::triggered, this,
        [this] { m_pane->chart()->setFocus(Qt::ShortcutFocusReason); });
    QAction *all = view->addAction(tr("Show &All of the Range"));
    all->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
    connect(all, &QAction::triggered, m_pane->chart(), &ResultsChart::showAll);
}

} // namespace ui
