// Hostile endpoints against the window: the real ui::MainWindow on the offscreen platform, opened
// as `lookout-desk --profile hostile --endpoint-url URL` with a 1 s connect and a 2 s read timeout
// (keys and region in a temporary ~/.aws, max_attempts 2), pointed at a scripted server in this
// process: connection refused, a reset mid-body, a server that accepts and never answers, one
// that trickles a byte a second, a 100 MiB body, an HTML error page, JSON nested 10,000 deep,
// invalid UTF-8, a NextToken that never ends, and a TLS endpoint with a self-signed certificate.
//
// For each: the fleet's error banner shows "Could not load the fleet." with the AWS CLI's
// sentence and a Retry button within the timeouts; no row and no misleading "no schedulers";
// the GUI thread never stalls for long (a 20 ms watchdog timer); nothing the endpoint sent puts
// a control character on screen; Retry against a now healthy endpoint loads the fleet and clears
// the banner; and (outside AddressSanitizer) the 100 MiB body costs no more than the 16 MiB cap.
#include "aws/configresolver.h"
#include "hostilepages.h"
#include "lookout/jsoncodec.h"
#include "loopbackport.h"
#include "models/fleetsession.h"
#include "models/schedulerlistmodel.h"
#include "processresources.h"
#include "scriptedhttpserver.h"
#include "ui/choiceresolver.h"
#include "ui/errorbanner.h"
#include "ui/fleetview.h"
#include "ui/mainwindow.h"

#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QSettings>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

#include <functional>
#include <memory>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using testsupport::ScriptedHttpServer;
using testsupport::ScriptedResponse;

using testsupport::kAddressSanitizer;
using testsupport::processStatusKiB;
using testsupport::resetPeakResident;

namespace {

constexpr int kAttempts = 2; // max_attempts in the profile
constexpr auto kConnectTimeout = 1000ms;
constexpr auto kReadTimeout = 2000ms;
// Backoff before the second attempt (up to 1 s) and a loaded machine; only a failing test waits
// this long.
constexpr qint64 kSlackMs = 10'000;
constexpr qint64 kCapKiB = 16 * 1024;
// The longest the GUI thread may be busy or blocked at once while the window meets a hostile
// endpoint (time spent waiting for a CPU on a loaded machine is not counted: StallWatchdog).
constexpr qint64 kMaxStallMs = kAddressSanitizer ? 2000 : 500;

const QByteArray kSchedulerBody
    = R"({"InferenceSchedulerName":"pump-1","Status":"RUNNING","DataUploadFrequency":"PT5M","ModelName":"pump-model"})";

bool hasControlCharacters(const QString &text)
{
    return std::any_of(text.cbegin(), text.cend(), [](QChar c) {
        const char16_t u = c.unicode();
        return (u < 0x20 && u != u'\n') || (u >= 0x7f && u <= 0x9f);
    });
}

// Nanoseconds this thread has spent runnable but waiting for a CPU (the second field of
// /proc/thread-self/schedstat); -1 when the kernel does not say.
qint64 runQueueWaitNs()
{
    QFile file(u"/proc/thread-self/schedstat"_s);
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    const QList<QByteArray> fields = file.readAll().simplified().split(' ');
    bool ok = false;
    const qint64 waited = fields.value(1).toLongLong(&ok);
    return ok ? waited : -1;
}

// The worst gap between the ticks of a 20 ms timer that the GUI thread itself caused: the wall
// time between ticks less the time the thread waited for a CPU, so that a loaded machine (which
// delays a thread that is ready to run) does not count, while work or a blocking wait on the GUI
// thread does. The wall-clock worst is kept too, for the log.
class StallWatchdog {
public:
    StallWatchdog()
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(20);
        QObject::connect(&m_timer, &QTimer::timeout, [this] { tick(); });
        m_clock.start();
        m_waitedNs = runQueueWaitNs();
        m_timer.start();
    }
    qint64 worstMs() const { return m_worst; }
    qint64 worstWallMs() const { return m_worstWall; }

private:
    void tick()
    {
        const qint64 gapMs = m_clock.restart() - 20;
        const qint64 waitedNs = runQueueWaitNs();
        const qint64 queuedMs
            = waitedNs >= 0 && m_waitedNs >= 0 ? (waitedNs - m_waitedNs) / 1'000'000 : 0;
        m_waitedNs = waitedNs;
        m_worstWall = std::max(m_worstWall, gapMs);
        m_worst = std::max(m_worst, gapMs - queuedMs);
    }

    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_waitedNs = -1;
    qint64 m_worst = 0;
    qint64 m_worstWall = 0;
};

// Runs the event loop until `done` or the timeout, without the pauses of QTest::qWaitFor: the
// scripted server lives on this thread and must write as fast as the window reads.
bool waitUntil(const std::function<bool()> &done, qint64 timeoutMs)
{
    QEventLoop loop;
    QTimer poll;
    poll.setInterval(5);
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (done())
            loop.quit();
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    poll.start();
    if (!done())
        loop.exec();
    return done();
}

// One scheduler, as a healthy endpoint lists it.
ScriptedResponse healthyList()
{
    lookout::InferenceSchedulerPage page;
    lookout::InferenceSchedulerSummary summary;
    summary.inferenceSchedulerName = u"pump-1"_s;
    summary.status = u"RUNNING"_s;
    page.summaries.append(summary);
    return ScriptedResponse::json(200, lookout::json::encodeListInferenceSchedulers(page));
}

} // namespace

class TestHostileEndpointsGui : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();

    void connectionRefused_bannerWithRetry();
    void resetMidBody_bannerWithRetry();
    void acceptsButNeverAnswers_bannerAtTheReadTimeout();
    void tricklesAByteASecond_bannerAtTheConnectAndReadTimeoutsTogether();
    void hundredMebibyteBody_bannerAtTheCap_data();
    void hundredMebibyteBody_bannerAtTheCap();
    void htmlErrorPage_bannerQuotingItsStart();
    void jsonNestedTenThousandDeep_banner();
    void invalidUtf8_banner();
    void nextTokenThatNeverEnds_bannerAtThePageLimit();
    void pageOfEmptySummariesPastMaxResults_banner();
    void selfSignedTls_bannerWithAClearMessage();

private:
    // Opens the window on `endpoint` and waits for its first refresh to fail.
    void open(const QUrl &endpoint, qint64 budgetMs);
    // The banner as the window must show a failed first load: the CLI's sentence starting with
    // `start`, Retry, no rows, within `budgetMs` (+ slack), printable, with a responsive window.
    void checkBanner(const QString &start, qint64 budgetMs, int line);
    // Retry against a healthy endpoint loads the fleet and clears the banner.
    void checkRetryRecovers(int line);

    QTemporaryDir m_home;
    std::unique_ptr<ScriptedHttpServer> m_server;
    std::unique_ptr<aws::ConfigResolver> m_resolver;
    std::unique_ptr<ui::ChoiceResolver> m_choices;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<StallWatchdog> m_watchdog;
    std::unique_ptr<ui::MainWindow> m_window;
    qint64 m_elapsedMs = 0;
};

void TestHostileEndpointsGui::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    // A thousand pages would log a thousand lines.
    QLoggingCategory::setFilterRules(u"lookoutdesk.*.debug=false"_s);
    QVERIFY(m_home.isValid());
    QVERIFY(QDir(m_home.path()).mkpath(u".aws"_s));
    QFile config(m_home.filePath(u".aws/config"_s));
    QVERIFY(config.open(QIODevice::WriteOnly));
    config.write("[profile hostile]\nregion = eu-west-1\nmax_attempts = "
        + QByteArray::number(kAttempts) + "\n");
    QFile credentials(m_home.filePath(u".aws/credentials"_s));
    QVERIFY(credentials.open(QIODevice::WriteOnly));
    credentials.write("[hostile]\naws_access_key_id = AKIDHOSTILEGUITEST01\n"
                      "aws_secret_access_key = guiHostileEndpointSecretNeverShown000000\n");
}

void TestHostileEndpointsGui::init()
{
    m_server = std::make_unique<ScriptedHttpServer>();
    m_resolver = std::make_unique<aws::ConfigResolver>(QProcessEnvironment(), m_home.path());
    m_network = std::make_unique<QNetworkAccessManager>();
    QFile::remove(m_home.filePath(u"window.ini"_s));
    m_settings
        = std::make_unique<QSettings>(m_home.filePath(u"window.ini"_s), QSettings::IniFormat);
}

void TestHostileEndpointsGui::cleanup()
{
    m_window.reset();
    m_watchdog.reset();
    m_choices.reset();
    m_server.reset();
    m_settings.reset();
    m_network.reset();
    m_resolver.reset();
}

void TestHostileEndpointsGui::open(const QUrl &endpoint, qint64 budgetMs)
{
    aws::RequestedConfig request;
    request.profile = u"hostile"_s;
    request.endpointUrl = endpoint.toString();
    request.connectTimeout = kConnectTimeout;
    request.readTimeout = kReadTimeout;
    m_choices = std::make_unique<ui::ChoiceResolver>(m_resolver.get(), nullptr, request);
    ui::MainWindowSetup setup;
    setup.network = m_network.get();
    setup.settings = m_settings.get();
    setup.choices = m_choices.get();
    setup.refreshIntervalSeconds = 0; // only the first load and Retry: every request is the test's
    QElapsedTimer elapsed;
    elapsed.start();
    m_window = std::make_unique<ui::MainWindow>(setup);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_watchdog = std::make_unique<StallWatchdog>();
    QVERIFY2(m_window->session()->isConnected(), qPrintable(m_window->connectionStatusText()));
    models::RefreshController *refresh = m_window->session()->refreshController();
    QVERIFY(waitUntil([refresh] { return !refresh->isRefreshing(); }, budgetMs + kSlackMs));
    m_elapsedMs = elapsed.elapsed();
    qInfo("first load ended after %lld ms, worst GUI stall %lld ms (%lld ms with waits for a CPU)",
        m_elapsedMs, m_watchdog->worstMs(), m_watchdog->worstWallMs());
}

void TestHostileEndpointsGui::checkBanner(const QString &start, qint64 budgetMs, int line)
{
    const auto fail
        = [line](const QString &what) { QTest::qFail(qPrintable(what), __FILE__, line); };
    ui::FleetView *fleet = m_window->fleetView();
    ui::ErrorBanner *banner = fleet->errorBanner();
    if (banner->isHidden())
        return fail(u"no error banner"_s);
    if (!banner->headline().startsWith(u"Could not load the fleet. "_s))
        return fail(u"headline: "_s + banner->headline());
    if (!banner->details().startsWith(start))
        return fail(u"details do not start with \"%1\": %2"_s.arg(start, banner->details()));
    if (hasControlCharacters(banner->headline() + banner->details()))
        return fail(u"control characters on screen: "_s
            + QString::fromLatin1(banner->details().toUtf8().toPercentEncoding(" :\"()/")));
    if (banner->details().contains(u"guiHostileEndpointSecret"_s))
        return fail(u"the secret is on screen"_s);
    QPushButton *retry = banner->retryButton();
    if (!retry->isVisible() || !retry->isEnabled())
        return fail(u"no usable Retry button"_s);
    if (m_window->session()->model()->rowCount() != 0)
        return fail(u"rows from a failed load"_s);
    if (fleet->placeholderText() != u"Nothing to show: the fleet could not be loaded."_s)
        return fail(u"placeholder: "_s + fleet->placeholderText());
    if (m_elapsedMs > budgetMs + kSlackMs)
        return fail(u"took %1 ms, budget %2 ms"_s.arg(m_elapsedMs).arg(budgetMs));
    if (m_watchdog->worstMs() > kMaxStallMs)
        return fail(u"the GUI thread stalled for %1 ms (limit %2 ms)"_s.arg(m_watchdog->worstMs())
                        .arg(kMaxStallMs));
}

void TestHostileEndpointsGui::checkRetryRecovers(int line)
{
    const auto fail
        = [line](const QString &what) { QTest::qFail(qPrintable(what), __FILE__, line); };
    m_server->setHandler([](const testsupport::RecordedRequest &) { return healthyList(); });
    ui::ErrorBanner *banner = m_window->fleetView()->errorBanner();
    QTest::mouseClick(banner->retryButton(), Qt::LeftButton);
    models::RefreshController *refresh = m_window->session()->refreshController();
    if (!waitUntil([refresh] { return !refresh->isRefreshing(); }, kSlackMs))
        return fail(u"Retry did not end"_s);
    if (!banner->isHidden())
        return fail(u"the banner stayed after a good Retry: "_s + banner->details());
    if (m_window->session()->model()->rowCount() != 1)
        return fail(u"Retry loaded %1 rows"_s.arg(m_window->session()->model()->rowCount()));
}

#define CHECK_BANNER(start, budgetMs)                                                              \
    do {                                                                                           \
        checkBanner(start, budgetMs, __LINE__);                                                    \
        if (QTest::currentTestFailed())                                                            \
            return;                                                                                \
    } while (false)

#define CHECK_RETRY_RECOVERS()                                                                     \
    do {                                                                                           \
        checkRetryRecovers(__LINE__);                                                              \
        if (QTest::currentTestFailed())                                                            \
            return;                                                                                \
    } while (false)

void TestHostileEndpointsGui::connectionRefused_bannerWithRetry()
{
    const testsupport::RefusingLoopbackPort refusing;
    const quint16 closedPort = refusing.port();
    QVERIFY(closedPort != 0);
    const QUrl endpoint(u"http://127.0.0.1:%1"_s.arg(closedPort));
    open(endpoint, 1'000);
    CHECK_BANNER(u"Could not connect to the endpoint URL: \"%1"_s.arg(endpoint.toString()), 1'000);
    // Still refused: Retry runs again and fails the same way.
    QTest::mouseClick(m_window->fleetView()->errorBanner()->retryButton(), Qt::LeftButton);
    QVERIFY(m_window->session()->refreshController()->isRefreshing());
    QVERIFY(waitUntil(
        [this] { return !m_window->session()->refreshController()->isRefreshing(); }, kSlackMs));
    CHECK_BANNER(u"Could not connect to the endpoint URL"_s, 1'000);
}

void TestHostileEndpointsGui::resetMidBody_bannerWithRetry()
{
    QVERIFY(m_server->listen());
    m_server->enqueue(healthyList().resettingAfterBodyBytes(30), kAttempts);
    open(m_server->url(), 1'000);
    // Depending on when the reset lands, the status line may or may not have been read.
    const QString details = m_window->fleetView()->errorBanner()->details();
    CHECK_BANNER(details.startsWith(u"The connection to"_s)
            ? u"The connection to \""_s
            : u"Could not connect to the endpoint URL"_s,
        1'000);
    QCOMPARE(m_server->requests().size(), kAttempts);
    CHECK_RETRY_RECOVERS();
}

void TestHostileEndpointsGui::acceptsButNeverAnswers_bannerAtTheReadTimeout()
{
    QVERIFY(m_server->listen());
    m_server->enqueue(ScriptedResponse::hang(), kAttempts);
    const qint64 budget = kAttempts * kReadTimeout.count();
    open(m_server->url(), budget);
    CHECK_BANNER(u"Timed out on endpoint URL"_s, budget);
    QVERIFY(m_elapsedMs >= budget);
    QVERIFY2(m_window->fleetView()->errorBanner()->details().contains(u"read timeout"_s),
        qPrintable(m_window->fleetView()->errorBanner()->details()));
    CHECK_RETRY_RECOVERS();
}

void TestHostileEndpointsGui::tricklesAByteASecond_bannerAtTheConnectAndReadTimeoutsTogether()
{
    QVERIFY(m_server->listen());
    m_server->enqueue(healthyList().trickling(1000ms, 1), kAttempts);
    const qint64 budget = kAttempts * (kConnectTimeout + kReadTimeout).count();
    open(m_server->url(), budget);
    CHECK_BANNER(u"Timed out on endpoint URL"_s, budget);
    QVERIFY(m_elapsedMs >= budget);
    QVERIFY2(m_window->fleetView()->errorBanner()->details().contains(
                 u"connect and read timeouts together"_s),
        qPrintable(m_window->fleetView()->errorBanner()->details()));
    CHECK_RETRY_RECOVERS();
}

void TestHostileEndpointsGui::hundredMebibyteBody_bannerAtTheCap_data()
{
    QTest::addColumn<ScriptedResponse::Framing>("framing");
    QTest::newRow("Content-Length") << ScriptedResponse::Framing::ContentLength;
    QTest::newRow("chunked") << ScriptedResponse::Framing::Chunked;
}

void TestHostileEndpointsGui::hundredMebibyteBody_bannerAtTheCap()
{
    QFETCH(ScriptedResponse::Framing, framing);
    QVERIFY(m_server->listen());
    m_server->enqueue(
        ScriptedResponse::generated(200, "application/x-amz-json-1.0", 100 * 1024 * 1024, framing));
    const qint64 rssBeforeKiB = processStatusKiB("VmRSS");
    QVERIFY(resetPeakResident());
    open(m_server->url(), 5'000);
    const qint64 growthKiB = processStatusKiB("VmHWM") - rssBeforeKiB;
    CHECK_BANNER(u"The HTTP 200 response to the ListInferenceSchedulers operation"_s, 5'000);
    QVERIFY2(m_window->fleetView()->errorBanner()->details().contains(u"larger than the limit"_s),
        qPrintable(m_window->fleetView()->errorBanner()->details()));
    QVERIFY2(!m_server->responseCompleted(0), "the window read the whole 100 MiB");
    qInfo("100 MiB body: peak resident memory grew %lld KiB while the window opened on it (cap "
          "%lld KiB)",
        growthKiB, kCapKiB);
    if (kAddressSanitizer)
        qInfo("RSS bound not checked: AddressSanitizer keeps freed memory in quarantine");
    else
        QVERIFY2(growthKiB < kCapKiB + 16 * 1024, qPrintable(QString::number(growthKiB)));
    CHECK_RETRY_RECOVERS();
}

void TestHostileEndpointsGui::htmlErrorPage_bannerQuotingItsStart()
{
    QVERIFY(m_server->listen());
    m_server->enqueue(
        ScriptedResponse::raw(502, "text/html",
            "<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>"),
        kAttempts);
    open(m_server->url(), 1'000);
    CHECK_BANNER(u"Bad response to the ListInferenceSchedulers operation from"_s, 1'000);
    const QString details = m_window->fleetView()->errorBanner()->details();
    QVERIFY2(details.contains(u"(HTTP 502)"_s)
            && details.contains(u"<html><head><title>502 Bad Gateway"_s),
        qPrintable(details));
    CHECK_RETRY_RECOVERS();
}

void TestHostileEndpointsGui::jsonNestedTenThousandDeep_banner()
{
    QVERIFY(m_server->listen());
    m_server->enqueue(ScriptedResponse::json(200,
        R"({"InferenceSchedulerSummaries":)" + QByteArray(10'000, '[') + QByteArray(10'000, ']')
            + '}'));
    open(m_server->url(), 1'000);
    CHECK_BANNER(u"Bad response to the ListInferenceSchedulers operation from"_s, 1'000);
    CHECK_RETRY_RECOVERS();
}

void TestHostileEndpointsGui::invalidUtf8_banner()
{
    QVERIFY(m_server->listen());
    m_server->enqueue(ScriptedResponse::json(200,
        "{\"InferenceSchedulerSummaries\":[{\"InferenceSchedulerName\":\"pump-\xff\xfe\x1b[2J\"}]"
        "}"));
    open(m_server->url(), 1'000);
    CHECK_BANNER(u"Bad response to the ListInferenceSchedulers operation from"_s, 1'000);
    CHECK_RETRY_RECOVERS();
}

void TestHostileEndpointsGui::nextTokenThatNeverEnds_bannerAtThePageLimit()
{
    QVERIFY(m_server->listen());
    int served = 0;
    m_server->setHandler([&served](const testsupport::RecordedRequest &) {
        ++served;
        lookout::InferenceSchedulerPage page;
        page.nextToken = u"token-%1"_s.arg(served);
        return ScriptedResponse::json(200, lookout::json::encodeListInferenceSchedulers(page));
    });
    open(m_server->url(), 60'000);
    CHECK_BANNER(u"Bad response to the ListInferenceSchedulers operation from"_s, 60'000);
    QVERIFY2(m_window->fleetView()->errorBanner()->details().contains(u"limit of 1000 pages"_s),
        qPrintable(m_window->fleetView()->errorBanner()->details()));
    QCOMPARE(served, 1000);
    CHECK_RETRY_RECOVERS();
}

// 4.2 MB of empty summaries where the fleet loader asked for 500: refused, none decoded past them.
void TestHostileEndpointsGui::pageOfEmptySummariesPastMaxResults_banner()
{
    QVERIFY(m_server->listen());
    m_server->enqueue(ScriptedResponse::json(
        200, testsupport::pageOfEmptySummaries("InferenceSchedulerSummaries")));
    open(m_server->url(), 5'000);
    CHECK_BANNER(u"Bad response to the ListInferenceSchedulers operation from"_s, 5'000);
    QVERIFY2(m_window->fleetView()->errorBanner()->details().contains(
                 u"the page has 1398101 items; the request asked for at most 500"_s),
        qPrintable(m_window->fleetView()->errorBanner()->details()));
    CHECK_RETRY_RECOVERS();
}

void TestHostileEndpointsGui::selfSignedTls_bannerWithAClearMessage()
{
    QFile certificateFile(QStringLiteral(LOOKOUT_TEST_DATA_DIR "/tls/localhost-test.crt"));
    QFile keyFile(QStringLiteral(LOOKOUT_TEST_DATA_DIR "/tls/localhost-test.key"));
    QVERIFY(certificateFile.open(QIODevice::ReadOnly) && keyFile.open(QIODevice::ReadOnly));
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setLocalCertificate(QSslCertificate(certificateFile.readAll()));
    tls.setPrivateKey(QSslKey(keyFile.readAll(), QSsl::Ec));
    m_server->setTlsConfiguration(tls);
    QVERIFY(m_server->listen());
    QCOMPARE(m_server->url().scheme(), u"https"_s);
    m_server->setHandler([](const testsupport::RecordedRequest &) { return healthyList(); });
    open(m_server->url(), 2'000);
    CHECK_BANNER(u"SSL validation failed for https://127.0.0.1:"_s, 2'000);
    const QString details = m_window->fleetView()->errorBanner()->details();
    QVERIFY2(details.contains(u"self signed"_s, Qt::CaseInsensitive)
            || details.contains(u"self-signed"_s, Qt::CaseInsensitive),
        qPrintable(details));
    QVERIFY(m_server->requests().isEmpty());
}

QTEST_MAIN(TestHostileEndpointsGui)
#include "tst_hostileendpoints_gui.moc"
