#include "emulator/inferenceevents.h"

#include "emulator/executionhistory.h"

namespace emulator {

namespace {

using State = ResultsWriter::Point::State;

constexpr qint64 kMicrosPerSecond = 1'000'000;

// One event while its points are read.
class OpenEvent {
public:
    explicit OpenEvent(qsizetype sensorCount)
        : m_sums(static_cast<std::size_t>(sensorCount), 0.0)
    {
    }

    bool isOpen() const { return m_open; }

    void add(const ResultsWriter::Point &point, qint64 end)
    {
        if (!m_open) {
            m_open = true;
            m_start = point.time;
        }
        m_end = end;
        for (std::size_t s = 0; s < point.shares.size() && s < m_sums.size(); ++s)
            m_sums[s] += static_cast<double>(point.shares[s]);
    }

    InferenceEvent close(const QStringList &sensors)
    {
        InferenceEvent event { m_start, m_end, std::nullopt };
        if (!sensors.isEmpty()) {
            const qint64 denominator = ResultsWriter::shareDenominator(sensors.size());
            const std::vector<qint64> shares = ResultsWriter::apportion(m_sums, denominator);
            QByteArray json = "[";
            for (qsizetype s = 0; s < sensors.size(); ++s) {
                if (s > 0)
                    json += ',';
                json += "{\"name\":";
                ResultsWriter::appendJsonString(json, sensors[s]);
                json += ",\"value\":";
                json += ResultsWriter::shareText(shares[static_cast<std::size_t>(s)], denominator);
                json += '}';
            }
            json += ']';
            event.diagnostics = QString::fromUtf8(json);
        }
        m_open = false;
        std::fill(m_sums.begin(), m_sums.end(), 0.0);
        return event;
    }

private:
    bool m_open = false;
    qint64 m_start = 0;
    qint64 m_end = 0;
    std::vector<double> m_sums; // the points' shares, per sensor
};

} // namespace

std::vector<InferenceEvent> inferenceEvents(
    const ResultsWriter &writer, const SchedulerRecord &record, qint64 now)
{
    std::vector<InferenceEvent> events;
    const QStringList sensors = writer.sensors(record);
    const std::vector<qint64> executions = successfulExecutions(record, now);
    OpenEvent open(sensors.size());
    std::optional<qint64> previousEnd; // of the previous execution's data window
    for (std::size_t i = 0; i < executions.size(); ++i) {
        const qint64 scheduled = executions[i];
        const ExecutionWindow window = executionWindow(record, scheduled);
        if (open.isOpen() && previousEnd != window.dataStart)
            events.push_back(open.close(sensors));
        previousEnd = window.dataEnd;
        // The newest execution agrees with LatestInferenceResult, as its object does.
        const ResultsWriter::Latest latest = i + 1 == executions.size()
            ? ResultsWriter::latestOf(record)
            : ResultsWriter::Latest::Unconstrained;
        std::vector<ResultsWriter::Point> points
            = writer.points(record, scheduled, latest, ResultsWriter::Detail::StatesOnly);
        const bool anyAnomalous = std::any_of(points.begin(), points.end(),
            [](const ResultsWriter::Point &point) { return point.state == State::Anomalous; });
        if (!anyAnomalous) {
            if (open.isOpen())
                events.push_back(open.close(sensors));
            continue;
        }
        points = writer.points(record, scheduled, latest, ResultsWriter::Detail::Full);
        const qint64 step = writer.stepMicros(record, scheduled);
        for (const ResultsWriter::Point &point : points) {
            if (point.state == State::Anomalous)
                open.add(point, qMin(point.time + step, window.dataEnd));
            else if (open.isOpen())
                events.push_back(open.close(sensors));
        }
    }
    if (open.isOpen())
        events.push_back(open.close(sensors));
    return events;
}

EventSlice listEvents(const ResultsWriter &writer, const SchedulerRecord &record,
    qint64 intervalStart, qint64 intervalEnd, std::optional<qint64> after, int limit, qint64 now)
{
    EventSlice slice;
    if (limit <= 0)
        return slice;
    for (const InferenceEvent &event : inferenceEvents(writer, record, now)) {
        if (event.end < intervalStart || event.start > intervalEnd)
            continue;
        if (after && event.start <= *after)
            continue;
        if (slice.events.size() == limit) {
            slice.continueAfter = slice.events.last().eventStartTime->epochMicroseconds;
            break;
        }
        lookout::InferenceEventSummary summary;
        summary.inferenceSchedulerArn = record.scheduler.inferenceSchedulerArn;
        summary.inferenceSchedulerName = record.scheduler.inferenceSchedulerName;
        summary.eventStartTime = timestampFromMicros(event.start);
        summary.eventEndTime = timestampFromMicros(event.end);
        summary.diagnostics = event.diagnostics;
        summary.eventDurationInSeconds = (event.end - event.start) / kMicrosPerSecond;
        slice.events.append(summary);
    }
    return slice;
}

} // namespace emulator
