#include "emulator/churn.h"

#include "emulator/emulatorlog.h"
#include "emulator/seededrandom.h"

#include <cmath>

namespace emulator {

namespace {

constexpr std::chrono::milliseconds kMinInterval { 10 };
constexpr int kFlipResultPercent = 85;
constexpr int kStartStoppedPercent = 60;

} // namespace

QString ChurnConfig::validate() const
{
    if (interval < kMinInterval) {
        return QLatin1String("churn interval must be at least ")
            + QString::number(kMinInterval.count()) + QLatin1String(" ms, not ")
            + QString::number(interval.count());
    }
    if (!(changePercent >= 0 && changePercent <= 100))
        return QLatin1String("churn percent must be within 0..100, not ")
            + QString::number(changePercent);
    return {};
}

void Churn::advance(Fleet &fleet, qint64 now)
{
    if (!m_config.enabled || fleet.size() == 0)
        return;
    const qint64 intervalMicros = qint64(m_config.interval.count()) * 1000;
    const qint64 due = (now - m_start) / intervalMicros;
    if (due - m_rounds > kMaxCatchUpRounds) {
        qCWarning(lcEmulator) << "clock jumped" << (due - m_rounds)
                              << "churn rounds ahead; skipping"
                              << (due - m_rounds - kMaxCatchUpRounds);
        m_rounds = due - kMaxCatchUpRounds;
    }
    while (m_rounds < due) {
        ++m_rounds;
        applyRound(fleet, m_rounds, m_start + m_rounds * intervalMicros);
    }
}

void Churn::applyRound(Fleet &fleet, qint64 round, qint64 at)
{
    fleet.applyTransitions(at);
    SeededRandom random(SeededRandom::combine(m_config.seed, static_cast<quint64>(round)));
    const int changes
        = qMax(1, static_cast<int>(std::lround(fleet.size() * m_config.changePercent / 100.0)));
    for (int i = 0; i < changes; ++i) {
        const int index = static_cast<int>(random.below(static_cast<quint32>(fleet.size())));
        const quint32 roll = random.below(100);
        const QString status = fleet.at(index).status();
        if (status == QLatin1String(lookout::status::kRunning)) {
            if (roll < kFlipResultPercent) {
                const bool anomalous = fleet.at(index).scheduler.latestInferenceResult
                    == QLatin1String(lookout::result::kAnomalous);
                fleet.setLatestInferenceResult(index,
                    QString::fromLatin1(
                        anomalous ? lookout::result::kNormal : lookout::result::kAnomalous));
            } else {
                fleet.stop(index, at);
            }
        } else if (status == QLatin1String(lookout::status::kStopped)
            && roll < kStartStoppedPercent) {
            fleet.start(index, at);
        }
    }
}

} // namespace emulator
