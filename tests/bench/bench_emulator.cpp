// The emulator's throughput. The target (issue 5): >= 5,000 DescribeInferenceScheduler requests
// per second over one keep-alive connection, each request signed by the client and verified by
// the emulator, over a real loopback socket to an emulator serving on its own thread.
// The in-process figures (no socket) show where the time goes, and that a ListInferenceSchedulers
// page of 500 out of 10,000 schedulers is cheap.
#include "aws/sigv4signer.h"
#include "emulator/emulator.h"
#include "emulator/emulatorservice.h"
#include "emulator/executionhistory.h"
#include "emulator/fleetgenerator.h"

#include <QCoreApplication>
#include <QTcpSocket>

#include <benchmark/benchmark.h>

namespace {

constexpr int kFleetSize = 10'000;
constexpr int kNamesUsed = 256;

aws::sigv4::Request describeRequest(const QByteArray &host, const QString &name)
{
    aws::sigv4::Request request;
    request.method = "POST";
    request.path = "/";
    request.headers = { { "Host", host }, { "Content-Type", "application/x-amz-json-1.0" },
        { "X-Amz-Target", "AWSLookoutEquipmentFrontendService.DescribeInferenceScheduler" } };
    request.body = R"({"InferenceSchedulerName":")" + name.toUtf8() + "\"}";
    return request;
}

QByteArray wire(const aws::sigv4::Request &request, const aws::sigv4::Signature &signature)
{
    QByteArray bytes = "POST / HTTP/1.1\r\n";
    for (const auto &[name, value] : request.headers)
        bytes += name + ": " + value + "\r\n";
    bytes += "X-Amz-Date: " + signature.amzDate + "\r\nAuthorization: " + signature.authorization
        + "\r\nContent-Length: " + QByteArray::number(request.body.size()) + "\r\n\r\n"
        + request.body;
    return bytes;
}

// Reads one whole response; returns its status (0 on a broken connection).
int readResponse(QTcpSocket &socket, QByteArray &buffer)
{
    qsizetype headEnd = -1;
    qsizetype total = -1;
    while (true) {
        if (headEnd < 0) {
            headEnd = buffer.indexOf("\r\n\r\n");
            if (headEnd >= 0) {
                const qsizetype at = buffer.indexOf("Content-Length: ");
                const qsizetype end = buffer.indexOf("\r\n", at);
                total = headEnd + 4 + buffer.mid(at + 16, end - at - 16).toLongLong();
            }
        }
        if (total >= 0 && buffer.size() >= total) {
            const int status = buffer.mid(9, 3).toInt();
            buffer.remove(0, total);
            return status;
        }
        if (!socket.waitForReadyRead(10'000))
            return 0;
        buffer += socket.readAll();
    }
}

QStringList someNames(const emulator::Fleet &fleet)
{
    QStringList names;
    for (int i = 0; i < kNamesUsed; ++i)
        names.append(fleet.at(i * (fleet.size() / kNamesUsed)).name());
    return names;
}

// One emulator for every run of the socket benchmark (Google Benchmark calls it several times).
emulator::Emulator &sharedEmulator()
{
    static emulator::Emulator server([] {
        emulator::EmulatorOptions options;
        options.fleetSize = kFleetSize;
        options.fleetSeed = 7;
        return options;
    }());
    if (!server.isRunning())
        server.start();
    return server;
}

void BM_DescribeOverOneKeepAliveConnection(benchmark::State &state)
{
    emulator::Emulator &server = sharedEmulator();
    if (!server.isRunning()) {
        state.SkipWithError(qPrintable(server.errorString()));
        return;
    }
    static const QStringList names
        = someNames(emulator::generateFleet({ kFleetSize, 7, server.region() }, 0));
    const QByteArray host = "127.0.0.1:" + QByteArray::number(server.port());
    QTcpSocket socket;
    socket.setSocketOption(QAbstractSocket::LowDelayOption, 1);
    socket.connectToHost(QHostAddress::LocalHost, server.port());
    if (!socket.waitForConnected(10'000)) {
        state.SkipWithError("cannot connect to the emulator");
        return;
    }
    const aws::AwsCredentials credentials = server.credentials();
    QByteArray buffer;
    qsizetype next = 0;
    for (auto _ : state) {
        const aws::sigv4::Request request = describeRequest(host, names[next++ % names.size()]);
        const aws::sigv4::Signature signature = aws::sigv4::sign(
            request, credentials, "us-east-1", "lookoutequipment", QDateTime::currentDateTimeUtc());
        socket.write(wire(request, signature));
        socket.flush(); // send now rather than on the next wait
        if (readResponse(socket, buffer) != 200) {
            state.SkipWithError("the emulator did not answer 200");
            break;
        }
    }
    state.counters["requests/s"]
        = benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_DescribeOverOneKeepAliveConnection)
    ->Unit(benchmark::kMicrosecond)
    ->UseRealTime()
    ->MinTime(3.0);

// The service core alone: verify the signature, read the input, encode the answer.
void BM_DescribeInTheServiceCore(benchmark::State &state)
{
    emulator::ServiceConfig config;
    config.credentials = emulator::EmulatorOptions::demoCredentials();
    const auto clock = core::Clock::system();
    emulator::Fleet fleet = emulator::generateFleet({ kFleetSize, 7, config.region }, 0);
    const QStringList names = someNames(fleet);
    emulator::EmulatorService service(config, std::move(fleet), clock);
    QList<emulator::HttpRequest> requests;
    for (const QString &name : names) {
        const aws::sigv4::Request request = describeRequest("127.0.0.1:4566", name);
        const aws::sigv4::Signature signature = aws::sigv4::sign(
            request, config.credentials, "us-east-1", "lookoutequipment", clock->now());
        emulator::HttpRequest http { request.method, request.path, {}, 1, request.headers,
            request.body };
        http.headers.append({ "X-Amz-Date", signature.amzDate });
        http.headers.append({ "Authorization", signature.authorization });
        requests.append(http);
    }
    qsizetype next = 0;
    for (auto _ : state) {
        const emulator::HttpResponse response = service.handle(requests[next++ % requests.size()]);
        if (response.status != 200) {
            state.SkipWithError("the service did not answer 200");
            break;
        }
        benchmark::DoNotOptimize(response.body.data());
    }
    state.counters["requests/s"]
        = benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_DescribeInTheServiceCore)->Unit(benchmark::kMicrosecond);

// A fleet-view refresh page: ListInferenceSchedulers, MaxResults 500, out of 10,000.
void BM_ListPageOf500From10000(benchmark::State &state)
{
    emulator::ServiceConfig config;
    config.credentials = emulator::EmulatorOptions::demoCredentials();
    const auto clock = core::Clock::system();
    emulator::EmulatorService service(
        config, emulator::generateFleet({ kFleetSize, 7, config.region }, 0), clock);
    aws::sigv4::Request request;
    request.method = "POST";
    request.path = "/";
    request.headers
        = { { "Host", "127.0.0.1:4566" }, { "Content-Type", "application/x-amz-json-1.0" },
              { "X-Amz-Target", "AWSLookoutEquipmentFrontendService.ListInferenceSchedulers" } };
    request.body = R"({"MaxResults":500})";
    const aws::sigv4::Signature signature = aws::sigv4::sign(
        request, config.credentials, "us-east-1", "lookoutequipment", clock->now());
    emulator::HttpRequest http { request.method, request.path, {}, 1, request.headers,
        request.body };
    http.headers.append({ "X-Amz-Date", signature.amzDate });
    http.headers.append({ "Authorization", signature.authorization });
    qint64 bytes = 0;
    for (auto _ : state) {
        const emulator::HttpResponse response = service.handle(http);
        if (response.status != 200) {
            state.SkipWithError("the service did not answer 200");
            break;
        }
        bytes += response.body.size();
    }
    state.counters["pages/s"]
        = benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
    state.SetBytesProcessed(bytes);
}
BENCHMARK(BM_ListPageOf500From10000)->Unit(benchmark::kMillisecond);

// An S3 request as botocore signs one over http: the path as sent, the payload hash signed.
emulator::HttpRequest s3Request(const QByteArray &path, const QByteArray &query,
    const aws::AwsCredentials &credentials, const QDateTime &now)
{
    aws::sigv4::Request request;
    request.method = "GET";
    request.path = path;
    request.query = query;
    request.headers = { { "Host", "127.0.0.1:4566" } };
    aws::sigv4::Options options;
    options.normalizePath = false;
    options.doubleEncodePath = false;
    options.signPayloadHash = true;
    const aws::sigv4::Signature signature
        = aws::sigv4::sign(request, credentials, "us-east-1", "s3", now, options);
    emulator::HttpRequest http { request.method, request.path, request.query, 1, request.headers,
        {} };
    http.headers.append({ "X-Amz-Date", signature.amzDate });
    http.headers.append({ "x-amz-content-sha256", signature.contentSha256 });
    http.headers.append({ "Authorization", signature.authorization });
    return http;
}

QList<QByteArray> elements(const QByteArray &xml, const QByteArray &name)
{
    QList<QByteArray> values;
    const QByteArray open = '<' + name + '>';
    for (qsizetype at = xml.indexOf(open); at >= 0; at = xml.indexOf(open, at)) {
        at += open.size();
        values.append(xml.mid(at, xml.indexOf('<', at) - at));
    }
    return values;
}

// What `aws s3 sync` of one scheduler's week asks of the emulator, in the service core: the
// ListObjectsV2 pages of its prefix (1,000 keys each) and a GetObject per object, for a 5-minute
// scheduler that ran all week, in a fleet of 10,000. One iteration is the whole sync.
void BM_S3SyncOfAWeekOfResults(benchmark::State &state)
{
    emulator::ServiceConfig config;
    config.credentials = emulator::EmulatorOptions::demoCredentials();
    const auto clock = core::Clock::system();
    const qint64 now = clock->now().toMSecsSinceEpoch() * 1000;
    emulator::Fleet fleet = emulator::generateFleet({ kFleetSize, 7, config.region }, now);
    QByteArray bucket;
    QByteArray prefix;
    for (int i = 0; i < fleet.size() && prefix.isEmpty(); ++i) {
        const emulator::SchedulerRecord &record = fleet.at(i);
        if (record.scheduler.dataUploadFrequency == QLatin1String("PT5M")
            && emulator::successfulExecutions(record, now).size() > 1900) {
            const lookout::S3Location &output
                = *record.scheduler.dataOutputConfiguration->s3OutputConfiguration;
            bucket = output.bucket->toUtf8();
            prefix = output.prefix->toUtf8();
        }
    }
    if (prefix.isEmpty()) {
        state.SkipWithError("no 5-minute scheduler ran all week");
        return;
    }
    emulator::EmulatorService service(config, std::move(fleet), clock);
    qint64 objects = 0;
    qint64 bytes = 0;
    for (auto _ : state) {
        QByteArray token;
        do {
            const QByteArray query = "list-type=2&prefix=" + prefix.toPercentEncoding()
                + (token.isEmpty() ? QByteArray() : "&continuation-token=" + token);
            const emulator::HttpResponse page
                = service.handle(s3Request('/' + bucket, query, config.credentials, clock->now()));
            if (page.status != 200) {
                state.SkipWithError("the listing did not answer 200");
                return;
            }
            for (const QByteArray &key : elements(page.body, "Key")) {
                const emulator::HttpResponse object
                    = service.handle(s3Request('/' + bucket + '/' + key.toPercentEncoding("/"), {},
                        config.credentials, clock->now()));
                if (object.status != 200) {
                    state.SkipWithError("a GetObject did not answer 200");
                    return;
                }
                ++objects;
                bytes += object.body.size();
            }
            const QList<QByteArray> next = elements(page.body, "NextContinuationToken");
            token = next.isEmpty() ? QByteArray() : next.first().toPercentEncoding();
        } while (!token.isEmpty());
    }
    state.counters["objects/s"]
        = benchmark::Counter(static_cast<double>(objects), benchmark::Counter::kIsRate);
    state.counters["objects"]
        = static_cast<double>(objects) / static_cast<double>(state.iterations());
    state.SetBytesProcessed(bytes);
}
BENCHMARK(BM_S3SyncOfAWeekOfResults)->Unit(benchmark::kMillisecond);

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv); // sockets and the emulator's thread need one
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    sharedEmulator().stop(); // before QCoreApplication goes away
    return 0;
}
