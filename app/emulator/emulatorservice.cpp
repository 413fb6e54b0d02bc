#include "emulator/emulatorservice.h"

#include "emulator/emulatorlog.h"
#include "lookout/service.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QLocale>

namespace emulator {

namespace {

using namespace Qt::StringLiterals;

enum class Operation {
    DescribeInferenceScheduler,
    ListInferenceSchedulers,
    ListInferenceExecutions,
    ListInferenceEvents,
    StartInferenceScheduler,
    StopInferenceScheduler,
    DescribeModel,
};

std::optional<Operation> operationNamed(QByteArrayView name)
{
    namespace operation = lookout::service::operation;
    if (name == operation::kDescribeInferenceScheduler)
        return Operation::DescribeInferenceScheduler;
    if (name == operation::kListInferenceSchedulers)
        return Operation::ListInferenceSchedulers;
    if (name == operation::kListInferenceExecutions)
        return Operation::ListInferenceExecutions;
    if (name == operation::kListInferenceEvents)
        return Operation::ListInferenceEvents;
    if (name == operation::kStartInferenceScheduler)
        return Operation::StartInferenceScheduler;
    if (name == operation::kStopInferenceScheduler)
        return Operation::StopInferenceScheduler;
    if (name == operation::kDescribeModel)
        return Operation::DescribeModel;
    return std::nullopt;
}

// "AWSLookoutEquipmentFrontendService.DescribeInferenceScheduler" → the operation.
std::optional<Operation> operationOfTarget(QByteArrayView target)
{
    const QByteArrayView prefix(lookout::service::kTargetPrefix);
    if (!target.startsWith(prefix) || target.size() <= prefix.size()
        || target[prefix.size()] != '.')
        return std::nullopt;
    return operationNamed(target.sliced(prefix.size() + 1));
}

OperationResult failure(ServiceError error)
{
    return OperationResult { {}, std::move(error) };
}

bool isJsonContentType(QByteArrayView contentType)
{
    const qsizetype semicolon = contentType.indexOf(';');
    const QByteArrayView mediaType
        = (semicolon < 0 ? contentType : contentType.first(semicolon)).trimmed();
    return headerNameEquals(mediaType, "application/x-amz-json-1.0")
        || headerNameEquals(mediaType, "application/x-amz-json-1.1");
}

// The account named in AccessDeniedException messages: AWS's documentation example.
constexpr char kDemoAccount[] = "123456789012";

QString latin1(QByteArrayView bytes)
{
    return QString::fromLatin1(bytes.data(), bytes.size());
}

const QByteArray kJsonContentType = QByteArrayLiteral("application/x-amz-json-1.0");

} // namespace

EmulatorService::EmulatorService(
    const ServiceConfig &config, Fleet fleet, std::shared_ptr<const core::Clock> clock)
    : m_region(config.region)
    , m_deniedOperations(config.deniedOperations)
    , m_clock(std::move(clock))
    , m_requestClock(config.requestClock ? config.requestClock : m_clock)
    , m_fleet(std::move(fleet))
    , m_tokens(PageTokens::withRandomKey())
    , m_operations(m_fleet, m_tokens)
    , m_verifier(config.region.toUtf8(), config.credentials)
    , m_s3(m_fleet, m_tokens, config.region, config.credentials.accessKeyId)
    , m_s3Verifier(config.region.toUtf8(), config.credentials, SigningRules::s3())
    , m_temporary(config.credentials.secretAccessKey.toUtf8())
    , m_sts(config.region.toUtf8(), config.credentials, &m_temporary, config.deniedOperations)
    , m_sso(&m_temporary)
    , m_faults(config.faults)
    , m_churn(config.churn, m_clock->now().toMSecsSinceEpoch() * 1000)
    , m_requestIds(QRandomGenerator::system()->generate())
{
    m_verifier.acceptTemporary(&m_temporary);
    m_s3Verifier.acceptTemporary(&m_temporary);
}

void EmulatorService::setFaults(const FaultConfig &faults)
{
    m_faults = FaultInjector(faults);
}

void EmulatorService::synchronize()
{
    synchronize(m_clock->now().toMSecsSinceEpoch() * 1000);
}

void EmulatorService::synchronize(qint64 now)
{
    m_churn.advance(m_fleet, now);
    m_fleet.applyTransitions(now);
}

QByteArray EmulatorService::newRequestId()
{
    // A version-4 UUID, as the service's request ids are.
    const quint64 high = (m_requestIds.generate() & ~0xf000ULL) | 0x4000ULL;
    const quint64 low = (m_requestIds.generate() & ~(0xc000ULL << 48)) | (0x8000ULL << 48);
    const QByteArray hex = QByteArray::number(high, 16).rightJustified(16, '0')
        + QByteArray::number(low, 16).rightJustified(16, '0');
    return hex.left(8) + '-' + hex.mid(8, 4) + '-' + hex.mid(12, 4) + '-' + hex.mid(16, 4) + '-'
        + hex.mid(20);
}

QByteArray EmulatorService::httpDate(const QDateTime &now)
{
    const qint64 second = now.toSecsSinceEpoch();
    if (second != m_dateSecond) {
        m_dateSecond = second;
        m_dateHeader
            = QLocale::c().toString(now.toUTC(), u"ddd, dd MMM yyyy HH:mm:ss 'GMT'"_s).toLatin1();
    }
    return m_dateHeader;
}

HttpResponse EmulatorService::handle(const HttpRequest &request)
{
    ++m_counters.requests;
    const QDateTime now = m_clock->now();
    const QDateTime requestTime = m_requestClock->now();
    if (SsoOperations::handles(request)) {
        HttpResponse response
            = m_sso.serve(request, requestTime, u"http://"_s + latin1(request.header("host")));
        response.headers.append({ "x-amzn-RequestId", newRequestId() });
        response.headers.append({ "Date", httpDate(requestTime) });
        return response;
    }
    if (request.method != "POST" && request.header("x-amz-target").isEmpty())
        return handleS3(request, now, requestTime);
    if (StsOperations::isStsRequest(request)) {
        HttpResponse response = m_sts.serve(request, requestTime, newRequestId());
        response.headers.append({ "Date", httpDate(requestTime) });
        return response;
    }
    HttpResponse response;
    response.headers
        = { { "x-amzn-RequestId", newRequestId() }, { "Date", httpDate(requestTime) } };
    OperationResult result = process(request, now, requestTime, response);
    response.headers.append({ "Content-Type", kJsonContentType });
    if (result.error) {
        response.status = result.error->httpStatus;
        response.headers.append({ "X-Amzn-Errortype", result.error->errorTypeHeader() });
        response.body = result.error->body();
    } else {
        response.body = std::move(result.body);
    }
    return response;
}

HttpResponse EmulatorService::handleS3(
    const HttpRequest &request, const QDateTime &now, const QDateTime &requestTime)
{
    // S3's request ids: 16 upper-case hex digits, and a longer base64 host id.
    const QByteArray requestId
        = QByteArray::number(m_requestIds.generate(), 16).rightJustified(16, '0').toUpper();
    QByteArray hostBytes;
    for (int i = 0; i < 6; ++i)
        hostBytes += QByteArray::number(m_requestIds.generate(), 16);
    const QByteArray hostId = QByteArray::fromHex(hostBytes).toBase64();
    HttpResponse response;
    response.headers = { { "x-amz-request-id", requestId }, { "x-amz-id-2", hostId },
        { "Date", httpDate(requestTime) } };
    S3Result result = processS3(request, now, requestTime, response);
    if (result.error) {
        response.status = result.error->httpStatus;
        response.headers.append(
            { QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/xml") });
        // A HEAD answer has no body: the client sees only the status.
        if (request.method != "HEAD")
            response.body = result.error->body(requestId, hostId);
    } else {
        response.status = result.status;
        response.headers.append(result.headers);
        response.body = std::move(result.body);
        if (request.method == "HEAD")
            response.bodyOnWire = HttpResponse::Body::LengthOnly;
    }
    response.headers.append({ QByteArrayLiteral("Server"), QByteArrayLiteral("AmazonS3") });
    return response;
}

S3Result EmulatorService::processS3(const HttpRequest &request, const QDateTime &now,
    const QDateTime &requestTime, HttpResponse &response)
{
    S3Result result;
    if (std::optional<SignatureProblem> problem = m_s3Verifier.check(request, requestTime)) {
        qCDebug(lcEmulator) << "S3 request refused:" << problem->message;
        result.error = s3errors::forSignature(*problem, m_region);
        return result;
    }
    const qint64 nowMicros = now.toMSecsSinceEpoch() * 1000;
    synchronize(nowMicros);

    const Fault fault = drawFault(response);
    if (fault == Fault::Throttling) {
        result.error = s3errors::slowDown();
        return result;
    }
    if (fault == Fault::InternalError) {
        result.error = s3errors::internalError();
        return result;
    }
    result = m_s3.serve(request, nowMicros);
    if (fault == Fault::Malformed && !result.error && request.method != "HEAD")
        result.body = malformed(result.body);
    return result;
}

OperationResult EmulatorService::process(const HttpRequest &request, const QDateTime &now,
    const QDateTime &requestTime, HttpResponse &response)
{
    if (request.method != "POST" || request.path != "/") {
        ServiceError error = serviceerrors::unknownOperation(
            u"This endpoint serves only POST / (AWS JSON 1.0), not "_s + latin1(request.method)
            + QLatin1Char(' ') + latin1(request.path));
        error.httpStatus = 404;
        return failure(error);
    }
    const QByteArray target = request.header("x-amz-target");
    if (target.isEmpty()) {
        return failure(serviceerrors::unknownOperation(u"Missing X-Amz-Target header; expected "_s
            + QLatin1StringView(lookout::service::kTargetPrefix) + u".<Operation>"_s));
    }
    const std::optional<Operation> operation = operationOfTarget(target);
    if (!operation)
        return failure(serviceerrors::unknownOperation(u"Unknown operation "_s + latin1(target)));
    const QByteArray contentType = request.header("content-type");
    if (!isJsonContentType(contentType)) {
        return failure(
            serviceerrors::serialization(u"Content-Type must be application/x-amz-json-1.0, not '"_s
                + latin1(contentType) + u"'"_s));
    }

    if (std::optional<ServiceError> denied = m_verifier.verify(request, requestTime))
        return failure(*denied);

    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(request.body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return failure(serviceerrors::serialization(u"Request body is not valid JSON: "_s
            + parseError.errorString() + u" at offset "_s + QString::number(parseError.offset)));
    }
    if (!document.isObject()) {
        return failure(serviceerrors::serialization(u"Request body must be a JSON object, not "_s
            + (document.isArray() ? u"an array"_s : u"a scalar"_s)));
    }
    const QJsonObject input = document.object();
    const QString operationName = latin1(target).section(QLatin1Char('.'), -1);
    if (m_deniedOperations.contains(operationName)) {
        const QString action = u"lookoutequipment:"_s + operationName;
        return failure(
            serviceerrors::accessDenied(u"User: arn:aws:iam::"_s + QLatin1StringView(kDemoAccount)
                + u":user/lookout-desk is not authorized to perform: "_s + action
                + u" because no identity-based policy allows the "_s + action + u" action"_s));
    }

    const qint64 nowMicros = now.toMSecsSinceEpoch() * 1000;
    synchronize(nowMicros);

    const Fault fault = drawFault(response);
    if (fault == Fault::Throttling)
        return failure(serviceerrors::throttling());
    if (fault == Fault::InternalError)
        return failure(serviceerrors::internalServer());

    OperationResult result;
    switch (*operation) {
    case Operation::DescribeInferenceScheduler:
        result = m_operations.describeInferenceScheduler(input);
        break;
    case Operation::ListInferenceSchedulers:
        result = m_operations.listInferenceSchedulers(input);
        break;
    case Operation::ListInferenceExecutions:
        result = m_operations.listInferenceExecutions(input, nowMicros);
        break;
    case Operation::ListInferenceEvents:
        result = m_operations.listInferenceEvents(input, nowMicros);
        break;
    case Operation::StartInferenceScheduler:
        result = m_operations.startInferenceScheduler(input, nowMicros);
        break;
    case Operation::StopInferenceScheduler:
        result = m_operations.stopInferenceScheduler(input, nowMicros);
        break;
    case Operation::DescribeModel:
        result = m_operations.describeModel(input);
        break;
    }
    if (fault == Fault::Malformed && !result.error)
        result.body = malformed(result.body);
    return result;
}

Fault EmulatorService::drawFault(HttpResponse &response)
{
    const Fault fault = m_faults.draw();
    switch (fault) {
    case Fault::Throttling:
        ++m_counters.throttled;
        qCDebug(lcEmulator) << "injected fault: throttling";
        break;
    case Fault::InternalError:
        ++m_counters.internalErrors;
        qCDebug(lcEmulator) << "injected fault: internal error";
        break;
    case Fault::Slow:
        ++m_counters.slowed;
        response.delay = m_faults.config().slowDelay;
        break;
    case Fault::Malformed:
    case Fault::None:
        break;
    }
    return fault;
}

QByteArray EmulatorService::malformed(const QByteArray &body)
{
    ++m_counters.malformed;
    qCDebug(lcEmulator) << "injected fault: malformed body";
    // The length announced is the one sent: a client sees a document that is cut short or is
    // not what it asked for, never a connection left hanging.
    return m_faults.corrupt(body);
}

} // namespace emulator
