#pragma once

#include "aws/configresolver.h"
#include "aws/result.h"

#include <QObject>
#include <QString>

#include <memory>
#include <optional>
#include <variant>

class QNetworkAccessManager;

namespace lookout {
struct InferenceScheduler;
}

namespace results {
class ObjectCache;
class ResultsSource;
} // namespace results

// Where the window's Results tab reads a scheduler's results from: the S3 location its describe
// answer names (results::schedulerOutputLocation), through the window's current connection
// resolved for S3, and the on-disk object cache. The tab asks; it never builds a client itself.
namespace models {

class SchedulerResultsSources : public QObject {
    Q_OBJECT

public:
    using Opened = std::variant<std::unique_ptr<results::ResultsSource>, QString>;

    using QObject::QObject;

    // The source of `scheduler`'s results, or a sentence saying why there is none (no output
    // location, no connection).
    virtual Opened open(const QString &name, const lookout::InferenceScheduler &scheduler) = 0;
    // The cache sources are read through; null: none.
    virtual results::ObjectCache *cache() const = 0;

signals:
    // The connection changed: sources opened before read from the old one.
    void connectionChanged();
};

// S3 through the window's connection.
class S3ResultsSources final : public SchedulerResultsSources {
    Q_OBJECT

public:
    // `network` and `cache` (which may be null) must outlive this object.
    S3ResultsSources(
        QNetworkAccessManager *network, results::ObjectCache *cache, QObject *parent = nullptr);
    ~S3ResultsSources() override;

    // The connection resolved for aws::s3ServiceDescription(), or why there is none.
    void setConnection(const aws::Result<aws::ResolvedConfig> &s3Config);
    void clearConnection();

    Opened open(const QString &name, const lookout::InferenceScheduler &scheduler) override;
    results::ObjectCache *cache() const override { return m_cache; }

private:
    QNetworkAccessManager *m_network;
    results::ObjectCache *m_cache;
    std::optional<aws::Result<aws::ResolvedConfig>> m_config;
};

} // namespace models
