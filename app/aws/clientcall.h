#pragma once

#include <QByteArray>
#include <QObject>

namespace aws {

// One operation of a client in flight (an AWS JSON call, an S3 listing or object). Owned by the
// client; deleted after it finishes.
class ClientCall : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;
    // Stops the operation; its callback is not run.
    virtual void abort() = 0;
    // "DescribeInferenceScheduler", "ListObjectsV2".
    virtual QByteArray operation() const = 0;
};

} // namespace aws
