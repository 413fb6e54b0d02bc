// The Events tab's time to screen and the timeline's frame time (issue 15: 30 days of events with
// diagnostics on screen in 300 ms or less; the timeline redraws in 16 ms or less).
//
// An in-process scripted endpoint serves 30 days of a busy scheduler: an event starting every
// 30 minutes (1,440 events, 10 minutes each), each with the service's Diagnostics for 40 sensors
// (about 2 KB of JSON), and 8,640 five-minute executions, one in twenty FAILED; both listings in
// pages of 500 with NextToken, as the service pages them. A ui::SchedulerEventsTab (offscreen,
// 1,400 x 900) is switched to "Last 30 days"; the time runs from the choice to the events'
// table and timeline painted with every event decoded, and on to the execution ticks painted too
// (the two listings run at once; the endpoint answers on the same thread, so its work is counted).
// Then the timeline is repainted 200 times at 1,400 pixels with every band and tick, and selecting
// an event (its bars and table) is timed. Prints medians (and the timeline's worst frame); exits 1
// when a median is over its target.
//
// Run: build/default/tests/bench/bench_eventstab [--runs N]    (5 runs by default)
#include "aws/awsjsonclient.h"
#include "benchmeasures.h"
#include "lookout/jsoncodec.h"
#include "lookout/service.h"
#include "manualtimer.h"
#include "models/executionticks.h"
#include "models/inferenceeventmodel.h"
#include "models/resultstext.h"
#include "models/schedulerdetailscontroller.h"
#include "results/eventdiagnostics.h"
#include "results/events.h"
#include "scriptedhttpserver.h"
#include "ui/eventtimeline.h"
#include "ui/resultsrangechooser.h"
#include "ui/schedulereventstab.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QTextStream>
#include <QTimer>

#include <algorithm>
#include <optional>
#include <vector>

namespace {

using bench::median;

using namespace Qt::StringLiterals;

constexpr double kScreenTargetMs = 300;
constexpr double kFrameTargetMs = 16;
constexpr int kPageSize = 500;
constexpr int kDays = 30;
constexpr int kSensors = 40;
const QDateTime kNow = QDateTime(QDate(2026, 3, 31), QTime(0, 0), Qt::UTC);

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

[[noreturn]] void fail(const QString &why)
{
    QTextStream(stderr) << "bench_eventstab: " << why << '\n';
    std::exit(2);
}

// Pages of a listing, each with the NextToken of the next.
std::vector<QByteArray> pages(const QJsonArray &items, const QString &member)
{
    std::vector<QByteArray> result;
    for (qsizetype first = 0; first < items.size(); first += kPageSize) {
        QJsonObject page { { member, QJsonArray() } };
        QJsonArray slice;
        for (qsizetype i = first; i < std::min(items.size(), first + kPageSize); ++i)
            slice.append(items[i]);
        page.insert(member, slice);
        if (first + kPageSize < items.size())
            page.insert(u"NextToken"_s, QString::number(result.size() + 1));
        result.push_back(QJsonDocument(page).toJson(QJsonDocument::Compact));
    }
    return result;
}

std::vector<QByteArray> eventPages()
{
    QJsonArray events;
    const qint64 start = kNow.addDays(-kDays).toSecsSinceEpoch();
    for (qint64 at = start; at < kNow.toSecsSinceEpoch(); at += 30 * 60) {
        QStringList diagnostics;
        double remaining = 1;
        for (int sensor = 0; sensor < kSensors; ++sensor) {
            const double share = sensor + 1 == kSensors ? remaining : remaining * 0.2;
            remaining -= share;
            diagnostics << uR"({"name": "component%1\\Sensor%2", "value": %3})"_s.arg(sensor % 4)
                               .arg(sensor)
                               .arg(share, 0, 'g', 17);
        }
        events.append(QJsonObject { { u"InferenceSchedulerArn"_s,
                                        u"arn:aws:lookoutequipment:us-east-1:123456789012:"
                                        "inference-scheduler/chiller-07/abc"_s },
            { u"InferenceSchedulerName"_s, u"chiller-07"_s },
            { u"EventStartTime"_s, static_cast<double>(at) },
            { u"EventEndTime"_s, static_cast<double>(at + 600) },
            { u"Diagnostics"_s, QString(u'[' + diagnostics.join(u", "_s) + u']') },
            { u"EventDurationInSeconds"_s, 600 } });
    }
    return pages(events, u"InferenceEventSummaries"_s);
}

std::vector<QByteArray> executionPages()
{
    QJsonArray executions;
    const qint64 end = kNow.toSecsSinceEpoch();
    for (int i = 0; i < kDays * 288; ++i) { // newest first, as the service lists them
        const qint64 dataEnd = end - i * 300;
        executions.append(QJsonObject { { u"InferenceSchedulerName"_s, u"chiller-07"_s },
            { u"ScheduledStartTime"_s, static_cast<double>(dataEnd + 60) },
            { u"DataStartTime"_s, static_cast<double>(dataEnd - 300) },
            { u"DataEndTime"_s, static_cast<double>(dataEnd) },
            { u"Status"_s, i % 20 == 7 ? u"FAILED"_s : u"SUCCESS"_s } });
    }
    return pages(executions, u"InferenceExecutionSummaries"_s);
}

QByteArray describeBody()
{
    QFile file(QStringLiteral(LOOKOUT_TEST_DATA_DIR "/details/chiller-07.json"));
    if (!file.open(QIODevice::ReadOnly))
        fail(u"cannot read "_s + file.fileName());
    return lookout::json::encodeDescribeInferenceScheduler(
        lookout::json::decodeCliDescribeInferenceScheduler(file.readAll()).value());
}

} // namespace

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    int runs = 5;
    const QStringList arguments = app.arguments();
    if (const qsizetype at = arguments.indexOf(u"--runs"_s); at >= 0 && at + 1 < arguments.size())
        runs = std::max(1, arguments.at(at + 1).toInt());

    const std::vector<QByteArray> events = eventPages();
    const std::vector<QByteArray> executions = executionPages();
    const QByteArray describe = describeBody();
    testsupport::ScriptedHttpServer server;
    if (!server.listen())
        fail(server.errorString());
    server.setHandler([&](const testsupport::RecordedRequest &request) {
        const QByteArray target = request.header("X-Amz-Target");
        const int page = QJsonDocument::fromJson(request.body)
                             .object()
                             .value(u"NextToken"_s)
                             .toString()
                             .toInt();
        if (target.endsWith(".ListInferenceEvents"))
            return testsupport::ScriptedResponse::json(200, events.at(static_cast<size_t>(page)));
        if (target.endsWith(".ListInferenceExecutions"))
            return testsupport::ScriptedResponse::json(
                200, executions.at(static_cast<size_t>(page)));
        return testsupport::ScriptedResponse::json(200, describe);
    });

    QNetworkAccessManager network;
    aws::AwsJsonClientSettings settings;
    settings.signingName = lookout::service::kSigningName;
    settings.targetPrefix = lookout::service::kTargetPrefix;
    settings.endpoint = server.url();
    settings.region = u"us-east-1"_s;
    aws::AwsCredentials credentials;
    credentials.accessKeyId = u"AKIDEXAMPLE"_s;
    credentials.secretAccessKey = u"secret"_s;
    aws::AwsJsonClient jsonClient(
        &network, settings, std::make_shared<aws::StaticCredentialsProvider>(credentials));
    models::SchedulerDetailsController controller(
        std::make_shared<core::ManualClock>(kNow), std::make_unique<testsupport::ManualTimer>());
    controller.setClient(lookout::LookoutClient(&jsonClient), {});
    controller.showScheduler(u"chiller-07"_s);
    ui::SchedulerEventsTab tab(&controller);
    tab.resize(1400, 900);
    tab.show();
    const auto settled = [&tab] {
        return tab.eventModel()->state() == models::InferenceEventModel::State::Loaded
            && tab.executionTicks()->state() == models::ExecutionTicks::State::Loaded;
    };
    // An event loop that ends when both listings are in (QTest::qWaitFor sleeps between polls,
    // which would be counted).
    const auto waitSettled = [&] {
        QEventLoop loop;
        const auto check = [&] {
            if (settled())
                loop.quit();
        };
        QObject::connect(
            tab.eventModel(), &models::InferenceEventModel::stateChanged, &loop, check);
        QObject::connect(tab.executionTicks(), &models::ExecutionTicks::stateChanged, &loop, check);
        QTimer::singleShot(60'000, &loop, [&] { loop.exit(1); });
        return settled() || loop.exec() == 0;
    };
    if (!waitSettled())
        fail(u"the first listing did not arrive"_s);

    // The events' decoding alone (Diagnostics to shares, series and top sensors), as the model
    // does it when the listing is in.
    std::vector<double> decoding;
    {
        QList<lookout::InferenceEventSummary> summaries;
        for (const QByteArray &page : events) {
            const QJsonArray items = QJsonDocument::fromJson(page)
                                         .object()
                                         .value(u"InferenceEventSummaries"_s)
                                         .toArray();
            for (const QJsonValue &item : items) {
                lookout::InferenceEventSummary summary;
                summary.eventStartTime = lookout::Timestamp::fromEpochSeconds(
                    item.toObject().value(u"EventStartTime"_s).toDouble());
                summary.diagnostics = item.toObject().value(u"Diagnostics"_s).toString();
                summaries.append(summary);
            }
        }
        for (int run = 0; run < runs; ++run) {
            QElapsedTimer clock;
            clock.start();
            for (const lookout::InferenceEventSummary &summary : std::as_const(summaries)) {
                const results::EventDiagnostics decoded
                    = results::decodeEventDiagnostics(*summary.diagnostics);
                const results::Series series = results::contributionSeries(decoded, 0);
                models::topSensorsText(series, results::contributions(series, 0, 0));
            }
            decoding.push_back(static_cast<double>(clock.nsecsElapsed()) / 1e6);
        }
    }

    // Each run: from the choice to the events' table and timeline painted (the events listing in
    // and decoded), and on to every execution tick painted as well.
    std::vector<double> eventsShown;
    std::vector<double> screen;
    for (int run = 0; run < runs; ++run) {
        QElapsedTimer clock;
        clock.start();
        std::optional<double> eventsAt;
        const QMetaObject::Connection painted = QObject::connect(
            tab.eventModel(), &models::InferenceEventModel::stateChanged, &tab, [&] {
                if (tab.eventModel()->state() != models::InferenceEventModel::State::Loaded)
                    return;
                tab.repaint();
                eventsAt = static_cast<double>(clock.nsecsElapsed()) / 1e6;
            });
        tab.rangeChooser()->choose(ui::ResultsRangeChooser::Choice::Last30Days);
        if (!waitSettled() || !eventsAt)
            fail(u"30 days did not arrive"_s);
        QObject::disconnect(painted);
        tab.repaint();
        eventsShown.push_back(*eventsAt);
        screen.push_back(static_cast<double>(clock.nsecsElapsed()) / 1e6);
    }
    const int eventCount = tab.eventModel()->rowCount();
    const auto tickCount = tab.executionTicks()->ticks().size();
    if (eventCount != 30 * 48 || tickCount != 30 * 288u)
        fail(u"unexpected listing: %1 events, %2 executions"_s.arg(eventCount).arg(tickCount));

    ui::EventTimeline *timeline = tab.timeline();
    timeline->setSelectedRow(eventCount / 2);
    std::vector<double> frames;
    for (int frame = 0; frame < 200; ++frame) {
        QElapsedTimer clock;
        clock.start();
        timeline->repaint();
        frames.push_back(static_cast<double>(clock.nsecsElapsed()) / 1e6);
    }
    std::vector<double> selections;
    for (int i = 0; i < 50; ++i) {
        QElapsedTimer clock;
        clock.start();
        tab.selectEvent((i * 37) % eventCount);
        tab.repaint();
        selections.push_back(static_cast<double>(clock.nsecsElapsed()) / 1e6);
    }

    const double eventsMs = median(eventsShown);
    const double screenMs = median(screen);
    const double frameMs = median(frames);
    out() << u"30 days of events on screen (%1 events with %2-sensor diagnostics): median %3 ms "
             "over %4 runs (target %5 ms)\n"_s.arg(eventCount)
                 .arg(kSensors)
                 .arg(eventsMs, 0, 'f', 1)
                 .arg(runs)
                 .arg(kScreenTargetMs);
    out() << u"  and the %1 executions' ticks too: median %2 ms\n"_s.arg(tickCount).arg(
        screenMs, 0, 'f', 1);
    out()
        << u"timeline redraw at %1 px: median %2 ms, worst %3 ms over 200 frames (target %4 ms)\n"_s
               .arg(timeline->width())
               .arg(frameMs, 0, 'f', 2)
               .arg(*std::max_element(frames.begin(), frames.end()), 0, 'f', 2)
               .arg(kFrameTargetMs);
    out() << u"decoding the %1 events' Diagnostics alone: median %2 ms\n"_s.arg(eventCount)
                 .arg(median(decoding), 0, 'f', 1);
    out() << u"selecting an event (bars, table, repaint): median %1 ms\n"_s.arg(
        median(selections), 0, 'f', 2);
    out().flush();
    return eventsMs <= kScreenTargetMs && frameMs <= kFrameTargetMs ? 0 : 1;
}
