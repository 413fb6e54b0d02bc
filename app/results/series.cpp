#include "results/series.h"

#include <algorithm>

namespace results {

Series::Merge Series::add(ParsedResults parsed, const QString &origin)
{
    Merge merge;
    merge.firstChanged = size();
    std::vector<Prediction> incoming = std::move(parsed.predictions);
    if (incoming.empty())
        return merge;
    m_spacing.reset();

    const auto originIndex = static_cast<quint32>(m_origins.size());
    m_origins.append(origin);
    std::vector<quint32> sensors(static_cast<size_t>(parsed.sensorNames.size()));
    for (qsizetype i = 0; i < parsed.sensorNames.size(); ++i)
        sensors[static_cast<size_t>(i)] = sensorIndex(parsed.sensorNames[i]);
    std::vector<quint32> reasons(static_cast<size_t>(parsed.otherReasons.size()));
    for (qsizetype i = 0; i < parsed.otherReasons.size(); ++i) {
        const QString &text = parsed.otherReasons[i];
        auto found = m_otherReasonIndex.constFind(text);
        if (found == m_otherReasonIndex.constEnd()) {
            found = m_otherReasonIndex.insert(text, static_cast<quint32>(m_otherReasons.size()));
            m_otherReasons.append(text);
        }
        reasons[static_cast<size_t>(i)] = *found;
    }
    const auto base = static_cast<quint32>(m_diagnostics.size());
    // Grown geometrically: objects of one prediction each would otherwise copy it every time.
    const size_t needed = m_diagnostics.size() + parsed.diagnostics.size();
    if (needed > m_diagnostics.capacity())
        m_diagnostics.reserve(qMax(needed, 2 * m_diagnostics.capacity()));
    for (const Diagnostic &diagnostic : parsed.diagnostics)
        m_diagnostics.push_back({ sensors[diagnostic.sensor], diagnostic.share });
    for (Prediction &prediction : incoming) {
        prediction.firstDiagnostic += base;
        prediction.origin = originIndex;
        if (prediction.reason == Reason::Other)
            prediction.otherReason = reasons[prediction.otherReason];
    }

    // One object: by time, the last line of each timestamp.
    const auto byTime = [](const Prediction &a, const Prediction &b) { return a.time < b.time; };
    if (!std::is_sorted(incoming.begin(), incoming.end(), byTime))
        std::stable_sort(incoming.begin(), incoming.end(), byTime);
    const size_t before = incoming.size();
    {
        auto out = incoming.begin();
        for (auto in = incoming.begin(); in != incoming.end(); ++in) {
            if (out != incoming.begin() && (out - 1)->time == in->time)
                *(out - 1) = *in; // a later line of the same object
            else
                *out++ = *in;
        }
        incoming.erase(out, incoming.end());
    }
    merge.duplicates = static_cast<qsizetype>(before - incoming.size());

    // Then into the series: only the predictions from the first incoming time on move.
    const auto start = std::lower_bound(m_predictions.begin(), m_predictions.end(),
        incoming.front().time, [](const Prediction &p, qint64 time) { return p.time < time; });
    merge.firstChanged = start - m_predictions.begin();
    const size_t oldSize = m_predictions.size();
    if (start == m_predictions.end()) {
        m_predictions.insert(m_predictions.end(), incoming.begin(), incoming.end());
    } else {
        std::vector<Prediction> tail;
        tail.reserve(static_cast<size_t>(m_predictions.end() - start) + incoming.size());
        auto a = start;
        auto b = incoming.begin();
        while (a != m_predictions.end() && b != incoming.end()) {
            if (a->time < b->time) {
                tail.push_back(*a++);
            } else if (b->time < a->time) {
                tail.push_back(*b++);
            } else {
                tail.push_back(beats(*b, *a) ? *b : *a);
                ++a;
                ++b;
                ++merge.duplicates;
            }
        }
        tail.insert(tail.end(), a, m_predictions.end());
        tail.insert(tail.end(), b, incoming.end());
        m_predictions.erase(start, m_predictions.end());
        m_predictions.insert(m_predictions.end(), tail.begin(), tail.end());
    }
    merge.added = static_cast<qsizetype>(m_predictions.size() - oldSize);
    m_duplicates += merge.duplicates;
    return merge;
}

void Series::clear()
{
    *this = Series();
}

quint32 Series::sensorIndex(const QString &name)
{
    auto found = m_sensorIndex.constFind(name);
    if (found == m_sensorIndex.constEnd()) {
        found = m_sensorIndex.insert(name, static_cast<quint32>(m_sensorNames.size()));
        m_sensorNames.append(name);
    }
    return *found;
}

bool Series::beats(const Prediction &a, const Prediction &b) const
{
    const int order = m_origins[a.origin].compare(m_origins[b.origin]);
    if (order != 0)
        return order > 0;
    return a.line > b.line;
}

QString Series::reasonText(const Prediction &prediction) const
{
    if (prediction.reason == Reason::Other)
        return m_otherReasons.value(prediction.otherReason);
    return QString::fromLatin1(reasonName(prediction.reason));
}

qsizetype Series::lowerBound(qint64 time) const
{
    return std::lower_bound(m_predictions.begin(), m_predictions.end(), time,
               [](const Prediction &p, qint64 t) { return p.time < t; })
        - m_predictions.begin();
}

qsizetype Series::nearest(qint64 time) const
{
    if (m_predictions.empty())
        return -1;
    const qsizetype after = lowerBound(time);
    if (after == size())
        return after - 1;
    if (after == 0)
        return 0;
    return time - at(after - 1).time <= at(after).time - time ? after - 1 : after;
}

std::optional<qint64> Series::typicalSpacing() const
{
    if (!m_spacing) {
        std::vector<qint64> gaps;
        gaps.reserve(m_predictions.size());
        for (size_t i = 1; i < m_predictions.size(); ++i)
            gaps.push_back(m_predictions[i].time - m_predictions[i - 1].time);
        if (gaps.empty()) {
            m_spacing = std::optional<qint64>();
        } else {
            const auto middle = gaps.begin() + static_cast<std::ptrdiff_t>(gaps.size() / 2);
            std::nth_element(gaps.begin(), middle, gaps.end());
            m_spacing = std::optional<qint64>(*middle);
        }
    }
    return *m_spacing;
}

std::vector<Bucket> Series::decimate(qint64 from, qint64 to, int count) const
{
    std::vector<Bucket> buckets;
    if (count < 1 || to <= from)
        return buckets;
    buckets.resize(static_cast<size_t>(count));
    const double span = static_cast<double>(to - from);
    for (int i = 0; i < count; ++i)
        buckets[static_cast<size_t>(i)].start = from + static_cast<qint64>(span * i / count);
    const double scale = count / span;
    const qsizetype end = lowerBound(to);
    for (qsizetype i = lowerBound(from); i < end; ++i) {
        const Prediction &p = at(i);
        // The rounded estimate, then exactly: a bucket holds the times from its start on.
        auto index = static_cast<size_t>(
            qBound(qint64(0), static_cast<qint64>((p.time - from) * scale), qint64(count - 1)));
        while (index + 1 < buckets.size() && buckets[index + 1].start <= p.time)
            ++index;
        while (index > 0 && buckets[index].start > p.time)
            --index;
        Bucket &bucket = buckets[index];
        ++bucket.points;
        bucket.lastTime = p.time;
        bucket.lastIsAnomaly = p.isAnomaly();
        bucket.anomalies += bucket.lastIsAnomaly ? 1 : 0;
        bucket.machineOff += p.reason == Reason::MachineOff ? 1 : 0;
        if (p.has(Prediction::HasScore)) {
            if (bucket.scored++ == 0) {
                bucket.minScore = bucket.maxScore = p.score;
            } else {
                bucket.minScore = qMin(bucket.minScore, p.score);
                bucket.maxScore = qMax(bucket.maxScore, p.score);
            }
            bucket.lastScore = p.score;
        }
    }
    return buckets;
}

} // namespace results
