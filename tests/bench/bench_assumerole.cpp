// The first DescribeInferenceScheduler through an assumed role against one through static keys,
// side by side in one run, on the in-process emulator over loopback: a fresh ConfigResolver and
// client each time (what a headless command does), the wall time from resolving to the answer,
// and the requests the emulator served for it. A role costs one STS round trip more; a second
// describe with the credentials still valid costs no STS request. Prints medians; exits 1 when
// the request counts are not 1, 2 and 1.
#include "aws/awsjsonclient.h"
#include "aws/configresolver.h"
#include "benchmeasures.h"
#include "emulator/emulator.h"
#include "lookout/service.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>

#include <cstdio>
#include <vector>

namespace {

struct Describe {
    double milliseconds = 0;
    quint64 requests = 0; // served by the emulator for the first describe
    quint64 requestsOfSecond = 0; // for a second describe with the same configuration
    bool ok = false;
};

Describe describeOnce(
    emulator::Emulator &server, const QString &home, const QString &profile, const QString &name)
{
    Describe result;
    QProcessEnvironment environment;
    environment.insert(QStringLiteral("AWS_ENDPOINT_URL"), server.endpoint().toString());
    environment.insert(QStringLiteral("AWS_REGION"), server.region());
    const quint64 before = server.counters().requests;
    QElapsedTimer timer;
    timer.start();
    aws::ConfigResolver resolver(environment, home);
    aws::RequestedConfig request;
    request.profile = profile;
    const aws::Result<aws::ResolvedConfig> config
        = resolver.resolve(lookout::service::description(), request);
    if (!config.ok())
        return result;
    QNetworkAccessManager network;
    aws::AwsJsonClient client(
        &network, config.value().clientSettings(), config.value().credentials);
    const auto call = [&] {
        bool done = false;
        bool ok = false;
        client.call("DescribeInferenceScheduler",
            "{\"InferenceSchedulerName\":\"" + name.toUtf8() + "\"}", nullptr,
            [&](const aws::Result<QByteArray> &answer) {
                ok = answer.ok();
                done = true;
            });
        while (!done)
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
        return ok;
    };
    result.ok = call();
    result.milliseconds = double(timer.nsecsElapsed()) / 1e6;
    result.requests = server.counters().requests - before;
    const quint64 beforeSecond = server.counters().requests;
    result.ok = call() && result.ok;
    result.requestsOfSecond = server.counters().requests - beforeSecond;
    return result;
}

// A scheduler to describe: the first one the emulator lists.
QString firstSchedulerName(emulator::Emulator &server)
{
    QNetworkAccessManager network;
    aws::AwsJsonClientSettings settings;
    settings.endpoint = server.endpoint();
    settings.region = server.region();
    settings.signingName = lookout::service::kSigningName;
    settings.targetPrefix = lookout::service::kTargetPrefix;
    aws::AwsJsonClient client(
        &network, settings, std::make_shared<aws::StaticCredentialsProvider>(server.credentials()));
    QString name;
    bool done = false;
    client.call("ListInferenceSchedulers", "{\"MaxResults\":1}", nullptr,
        [&](const aws::Result<QByteArray> &answer) {
            if (answer.ok())
                name = QJsonDocument::fromJson(answer.value())
                           .object()
                           .value(QStringLiteral("InferenceSchedulerSummaries"))
                           .toArray()
                           .at(0)
                           .toObject()
                           .value(QStringLiteral("InferenceSchedulerName"))
                           .toString();
            done = true;
        });
    while (!done)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    return name;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int runs = argc > 2 && QByteArray(argv[1]) == "--runs" ? QByteArray(argv[2]).toInt() : 21;
    emulator::EmulatorOptions options;
    options.fleetSize = 20;
    emulator::Emulator server(options);
    if (!server.start()) {
        std::fprintf(stderr, "emulator: %s\n", qPrintable(server.errorString()));
        return 2;
    }
    QTemporaryDir home;
    QDir().mkpath(home.filePath(QStringLiteral(".aws")));
    QFile config(home.filePath(QStringLiteral(".aws/config")));
    if (!config.open(QIODevice::WriteOnly))
        return 2;
    config.write("[profile keys]\naws_access_key_id = " + server.credentials().accessKeyId.toUtf8()
        + "\naws_secret_access_key = " + server.credentials().secretAccessKey.toUtf8()
        + "\n[profile role]\nrole_arn = arn:aws:iam::123456789012:role/bench\n"
          "source_profile = keys\nrole_session_name = bench\n");
    config.close();
    const QString name = firstSchedulerName(server);
    if (name.isEmpty()) {
        std::fprintf(stderr, "the emulator listed no scheduler\n");
        return 2;
    }

    std::vector<double> keys, role;
    quint64 keyRequests = 0, roleRequests = 0, roleSecond = 0;
    bool allOk = true;
    // Alternating, so that both see the same machine load.
    for (int run = 0; run < runs; ++run) {
        const Describe withKeys = describeOnce(server, home.path(), QStringLiteral("keys"), name);
        const Describe withRole = describeOnce(server, home.path(), QStringLiteral("role"), name);
        keys.push_back(withKeys.milliseconds);
        role.push_back(withRole.milliseconds);
        keyRequests = std::max(keyRequests, withKeys.requests);
        roleRequests = std::max(roleRequests, withRole.requests);
        roleSecond = std::max(roleSecond, withRole.requestsOfSecond);
        allOk = allOk && withKeys.requests == 1 && withRole.requests == 2
            && withRole.requestsOfSecond == 1;
    }
    const double keysMedian = bench::median(keys);
    const double roleMedian = bench::median(role);
    std::printf("first describe, %d runs each, alternating, medians:\n", runs);
    std::printf("  static keys     %7.2f ms  %llu request\n", keysMedian,
        static_cast<unsigned long long>(keyRequests));
    std::printf("  assumed role    %7.2f ms  %llu requests (AssumeRole + describe)\n", roleMedian,
        static_cast<unsigned long long>(roleRequests));
    std::printf("  difference      %7.2f ms  (ratio %.2f)\n", roleMedian - keysMedian,
        keysMedian > 0 ? roleMedian / keysMedian : 0.0);
    std::printf("second describe through the role, credentials cached: %llu request\n",
        static_cast<unsigned long long>(roleSecond));
    return allOk ? 0 : 1;
}
