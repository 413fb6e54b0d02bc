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
namespace lookout {

class Pagination {
public:
    // 1,000 pages of 500 summaries: half a million schedulers, far beyond any real fleet.
    static constexpr int kDefaultMaxPages = 1000;
    static constexpr qsizetype kMaxTokenLength = 8192;

    explicit Pagination(QString operation, int maxPages = kDefaultMaxPages);

    // Call once per page received, with its NextToken. The value is the token to request the
    // next page with, or nullopt when the listing is complete; an error (kind BadResponse)
    // ends the listing.
    aws::Result<std::optional<QString>> afterPage(const std::optional<QString> &nextToken);

    int pagesReceived() const { return m_pages; }
    int maxPages() const { return m_maxPages; }

private:
    aws::AwsError error(const QString &message) const;

    QString m_operation;
    int m_maxPages;
    int m_pages = 0;
    QSet<QString> m_tokensSeen;
};

} // namespace lookout
