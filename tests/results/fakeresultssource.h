#pragma once

// A ResultsSource for tests: objects held in memory, answered from the event loop, or held until
// the test releases them in the order it chooses. Records what was fetched and how many fetches
// were in flight at once. It can have a cache scope, as an S3 source has.
#include "results/resultssource.h"

#include <QHash>
#include <QMetaObject>

#include <algorithm>

class FakeResultsSource final : public results::ResultsSource {
public:
    struct Stored {
        QByteArray contents;
        QString error; // a fetch fails with this when set
    };

    explicit FakeResultsSource(QString scope = QString())
        : m_scope(std::move(scope))
    {
    }

    // Adds an object; its size is the contents' unless given.
    void add(const QString &key, const QByteArray &contents, const QByteArray &etag = {},
        qint64 size = -1)
    {
        m_listing.objects.append(
            { key, size < 0 ? contents.size() : size, etag, QDateTime::currentDateTimeUtc() });
        m_stored.insert(key, { contents, QString() });
    }
    void failFetch(const QString &key, const QString &error) { m_stored[key].error = error; }
    void failListing(const QString &error) { m_listingError = error; }
    void skip(const QString &key, const QString &reason)
    {
        m_listing.skipped.append({ key, reason });
    }
    // Fetches wait for release() instead of being answered from the event loop.
    void holdFetches(bool hold) { m_hold = hold; }

    QString location() const override { return QStringLiteral("fake://results/"); }
    QString cacheScope() const override { return m_scope; }

    void list(ListDone done) override
    {
        ++lists;
        const quint64 generation = m_generation;
        QMetaObject::invokeMethod(
            this,
            [this, generation, done] {
                if (generation != m_generation)
                    return;
                if (!m_listingError.isEmpty())
                    done(results::SourceError { m_listingError });
                else
                    done(m_listing);
            },
            Qt::QueuedConnection);
    }

    void fetch(const results::ObjectInfo &object, FetchDone done) override
    {
        fetched.append(object.key);
        m_waiting.append({ object.key, std::move(done) });
        maxInFlight = std::max(maxInFlight, static_cast<int>(m_waiting.size()));
        if (!m_hold) {
            const quint64 generation = m_generation;
            QMetaObject::invokeMethod(
                this,
                [this, generation, key = object.key] {
                    if (generation == m_generation)
                        release(key);
                },
                Qt::QueuedConnection);
        }
    }

    void cancelAll() override
    {
        ++m_generation;
        ++cancels;
        m_waiting.clear();
    }

    // Answers the waiting fetch of `key`; false when none waits.
    bool release(const QString &key)
    {
        for (qsizetype i = 0; i < m_waiting.size(); ++i) {
            if (m_waiting[i].first != key)
                continue;
            const FetchDone done = m_waiting.takeAt(i).second;
            const Stored stored = m_stored.value(key);
            if (!stored.error.isEmpty())
                done(results::SourceError { stored.error });
            else
                done(stored.contents);
            return true;
        }
        return false;
    }
    QStringList waiting() const
    {
        QStringList keys;
        for (const auto &entry : m_waiting)
            keys.append(entry.first);
        return keys;
    }

    QStringList fetched;
    int maxInFlight = 0;
    int lists = 0;
    int cancels = 0;

private:
    QString m_scope;
    results::Listing m_listing;
    QHash<QString, Stored> m_stored;
    QString m_listingError;
    bool m_hold = false;
    quint64 m_generation = 0;
    QList<std::pair<QString, FetchDone>> m_waiting;
};
