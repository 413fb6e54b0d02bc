#pragma once

#include <QtGlobal>

#include <array>

namespace emulator {

// SplitMix64: tiny, fast and fully specified, so a seed gives the same fleet, churn and faults
// on every platform and library version (std distributions are implementation-defined).
class SeededRandom {
public:
    explicit SeededRandom(quint64 seed)
        : m_state(seed)
    {
    }

    quint64 next()
    {
        m_state += 0x9e3779b97f4a7c15ULL;
        return mix(m_state);
    }
    // Uniform in [0, bound); bound > 0. The modulo bias is below 2^-32 for the bounds used here.
    quint32 below(quint32 bound) { return static_cast<quint32>(next() % bound); }
    // Uniform in [low, high].
    qint64 between(qint64 low, qint64 high)
    {
        return low + static_cast<qint64>(next() % static_cast<quint64>(high - low + 1));
    }
    // Uniform in [0, 1).
    double unit() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
    bool chance(double percent) { return unit() * 100.0 < percent; }
    template<typename T, std::size_t N> const T &pick(const std::array<T, N> &items)
    {
        return items[below(static_cast<quint32>(N))];
    }

    // A well-mixed hash of two values, for per-item randomness that needs no stored state.
    static quint64 mix(quint64 value)
    {
        value = (value ^ (value >> 30)) * 0xbf58476d1ce4e5b9ULL;
        value = (value ^ (value >> 27)) * 0x94d049bb133111ebULL;
        return value ^ (value >> 31);
    }
    static quint64 combine(quint64 a, quint64 b) { return mix(a ^ mix(b + 0x9e3779b97f4a7c15ULL)); }

private:
    quint64 m_state;
};

} // namespace emulator
