#pragma once

#include "aws/result.h"

#include <QSet>
#include <QString>

#include <optional>

// Follows NextToken through a paged listing and refuses to follow it forever: a server that
// keeps returning a token (a bug, a hostile endpoint, a fault-injecting emulator) ends the
// listing with an error after `maxPages` pages, or as soon as a token comes back a second time.
// A token longer than the model's 8,192 characters or not ASCII is refused too, so it is never
// sent back. An absent or empty token ends the listing, as botocore's paginators treat it.
// What a listing may hold is capped too, in summaries and in the memory they take once decoded,
// so that an endpoint cannot fill the memory of the process with pages of small summaries.
namespace lookout {

// How far a listing may go. The defaults are far beyond any real fleet.
struct ListingLimits {
    // 1,000 pages of 500 summaries: half a million schedulers.
    int maxPages = 1000;
    // 200,000 summaries: 1.9 years of executions of a scheduler that runs every 5 minutes.
    qsizetype maxItems = 200'000;
    // What the summaries of one listing may take in memory, as decodedPageBytes() counts it.
    qsizetype maxDecodedBytes = qsizetype(512) << 20;
};

class Pagination {
public:
    using Limits = ListingLimits;
    static constexpr int kDefaultMaxPages = ListingLimits {}.maxPages;
    static constexpr qsizetype kMaxTokenLength = 8192;

    // What a decoded page takes at most: its summaries' fixed size, and every string they hold
    // at two bytes (UTF-16) for each byte of the body it came from.
    static qsizetype decodedPageBytes(
        qsizetype summaries, qsizetype summarySize, qsizetype bodySize)
    {
        return summaries * summarySize + 2 * bodySize;
    }

    explicit Pagination(QString operation, Limits limits = {});
    Pagination(QString operation, int maxPages);

    // Call once per page received, before keeping its summaries: an error (kind BadResponse)
    // when the listing would then hold more summaries or decoded bytes than the limits allow.
    aws::Result<bool> admitPage(qsizetype summaries, qsizetype decodedBytes);

    // Call once per page received, with its NextToken. The value is the token to request the
    // next page with, or nullopt when the listing is complete; an error (kind BadResponse)
    // ends the listing.
    aws::Result<std::optional<QString>> afterPage(const std::optional<QString> &nextToken);

    int pagesReceived() const { return m_pages; }
    int maxPages() const { return m_limits.maxPages; }
    const Limits &limits() const { return m_limits; }

private:
    aws::AwsError error(const QString &message) const;

    QString m_operation;
    Limits m_limits;
    int m_pages = 0;
    qsizetype m_items = 0;
    qsizetype m_decodedBytes = 0;
    QSet<QString> m_tokensSeen;
};

} // namespace lookout
