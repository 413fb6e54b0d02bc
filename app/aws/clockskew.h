#pragma once

#include <QByteArrayView>
#include <QDateTime>

#include <chrono>
#include <optional>

namespace aws {

// An HTTP Date header (RFC 9110 §5.6.7) as UTC: IMF-fixdate ("Sun, 06 Nov 1994 08:49:37 GMT")
// and the two obsolete forms recipients must accept (RFC 850 and asctime). Nothing for anything
// else.
std::optional<QDateTime> parseHttpDate(QByteArrayView value);

// The difference between the endpoint's clock and ours, learned from response Date headers
// (aws-conventions.md, "Clock skew"). Requests are signed with local time + offset().
class ClockSkew {
public:
    static constexpr std::chrono::seconds kThreshold { 5 * 60 };

    struct Observation {
        // The request this response answers was signed 5 minutes or more away from the
        // endpoint's time: a signature or expiry error that came with it
        // (AwsError::isSignatureOrClockProblem()) deserves one retry.
        bool requestWasSkewed = false;
        // offset() changed because of this response.
        bool offsetChanged = false;
    };

    // `serverTime` from the response's Date, `localNow` when it arrived, `offsetUsed` the offset
    // the request was signed with. Adopts server − local as the offset when local + offset() is
    // 5 minutes or more away from the server; smaller differences keep the offset as it is.
    Observation observe(const QDateTime &serverTime, const QDateTime &localNow,
        std::chrono::milliseconds offsetUsed);

    std::chrono::milliseconds offset() const { return m_offset; }
    QDateTime corrected(const QDateTime &localNow) const
    {
        return localNow.addMSecs(m_offset.count());
    }

private:
    std::chrono::milliseconds m_offset { 0 };
};

} // namespace aws
