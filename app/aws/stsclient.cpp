#include "aws/stsclient.h"

#include "appinfo.h"
#include "aws/awsjsonresponse.h"
#include "aws/endpointtarget.h"
#include "aws/registeredcall.h"
#include "aws/sigv4signer.h"
#include "aws/stsxml.h"

#include <QNetworkRequest>

#include <array>

namespace aws {

using namespace Qt::StringLiterals;

class StsClient::Private : public ClientShared {
public:
    // The source credentials of a signed client; the exchange of an unsigned call has none.
    std::shared_ptr<CredentialsProvider> source;
    ClientShared unsignedShared;
    CallRegistry calls; // destroyed first: the calls use the shared state until then
};

namespace {

constexpr QByteArrayView kContentType = "application/x-www-form-urlencoded; charset=utf-8";

QByteArray formField(QByteArrayView name, const QString &value)
{
    return name.toByteArray() + '=' + value.toUtf8().toPercentEncoding();
}

AwsError badResponse(const HttpResponse &response, const QString &message)
{
    AwsError error;
    error.kind = AwsError::Kind::BadResponse;
    error.httpStatus = response.status;
    error.requestId = requestIdOf(response);
    error.message = message;
    return error;
}

// A non-2xx answer: STS's <ErrorResponse>, else a bad response that says what came.
AwsError failureOf(const HttpResponse &response)
{
    const stsxml::ServiceErrorFields fields = stsxml::parseError(response.body);
    if (fields.code.isEmpty())
        return badResponse(response,
            u"HTTP %1 without an STS error document (<ErrorResponse><Error><Code>)"_s.arg(
                response.status));
    AwsError error;
    error.kind = AwsError::Kind::Service;
    error.code = fields.code;
    error.message = fields.message;
    error.httpStatus = response.status;
    error.requestId = fields.requestId.isEmpty() ? requestIdOf(response) : fields.requestId;
    return error;
}

class StsCall final : public RegisteredCall {
public:
    StsCall(StsClient *client, CallRegistry *registry, ClientShared *shared, QByteArray operation,
        QByteArray form, bool sign, QString description, QObject *context, StsClient::Callback done)
        : RegisteredCall(client, registry, shared, std::move(operation), context)
        , m_client(client)
        , m_form(std::move(form))
        , m_sign(sign)
        , m_description(std::move(description))
        , m_done(std::move(done))
    {
    }

    void start(EndpointTarget target)
    {
        if (finished())
            return;
        m_target = std::move(target);
        SignedExchange::Protocol protocol;
        protocol.prepare = [this](const AwsCredentials &credentials, const QDateTime &time) {
            return prepare(credentials, time);
        };
        protocol.judge = [](const HttpResponse &response) {
            AttemptVerdict verdict;
            if (response.status < 200 || response.status > 299)
                verdict.error = failureOf(response);
            return verdict;
        };
        send(settings().maxAttempts, std::move(protocol), [this](Result<HttpResponse> answer) {
            if (!answer) {
                fail(answer.error());
                return;
            }
            auto parsed
                = stsxml::parseCredentials(answer.value().body, QString::fromLatin1(operation()));
            if (auto *problem = std::get_if<stsxml::XmlProblem>(&parsed)) {
                fail(badResponse(answer.value(),
                    u"the %1 answer is not STS's: %2"_s.arg(
                        QString::fromLatin1(operation()), problem->message)));
                return;
            }
            AwsCredentials credentials = std::get<AwsCredentials>(std::move(parsed));
            credentials.source = m_description;
            deliver(m_done, Result<AwsCredentials>(std::move(credentials)));
        });
    }

    void fail(AwsError error)
    {
        if (finished())
            return;
        if (error.operation.isEmpty())
            error.operation = QString::fromLatin1(operation());
        if (error.endpoint.isEmpty())
            error.endpoint = m_target.url.isEmpty()
                ? settings().endpoint.adjusted(QUrl::RemoveUserInfo)
                : m_target.url;
        deliver(m_done, Result<AwsCredentials>(std::move(error)));
    }

private:
    const StsClientSettings &settings() const { return m_client->settings(); }

    void dropCallback() override { m_done = nullptr; }

    Result<PreparedAttempt> prepare(const AwsCredentials &credentials, const QDateTime &time) const
    {
        PreparedAttempt attempt;
        attempt.request = QNetworkRequest(m_target.connectUrl);
        if (!m_target.peerVerifyName.isEmpty())
            attempt.request.setPeerVerifyName(m_target.peerVerifyName);
        attempt.request.setRawHeader("Content-Type", kContentType.toByteArray());
        attempt.request.setRawHeader("Host", m_target.hostHeader);
        if (m_sign) {
            sigv4::Request toSign;
            toSign.method = "POST";
            toSign.path = m_target.path;
            toSign.query = m_target.query;
            toSign.headers = { { "Content-Type", kContentType.toByteArray() },
                { "Host", m_target.hostHeader } };
            toSign.body = m_form;
            const sigv4::Signature signature
                = sigv4::sign(toSign, credentials, settings().region.toUtf8(), "sts", time);
            attempt.request.setRawHeader("X-Amz-Date", signature.amzDate);
            if (!signature.securityToken.isEmpty())
                attempt.request.setRawHeader("X-Amz-Security-Token", signature.securityToken);
            attempt.request.setRawHeader("Authorization", signature.authorization);
        }
        attempt.request.setRawHeader("User-Agent", appinfo::kUserAgent);
        attempt.method = "POST";
        attempt.body = m_form;
        attempt.limits.connectTimeout = settings().connectTimeout;
        attempt.limits.readTimeout = settings().readTimeout;
        attempt.limits.maxResponseBytes = settings().maxResponseBytes;
        attempt.description = u"POST %1 Action=%2%3"_s.arg(aws::withoutUserInfo(m_target.url),
            QString::fromLatin1(operation()), m_sign ? QString() : u" (unsigned)"_s);
        return attempt;
    }

    StsClient *m_client;
    QByteArray m_form;
    bool m_sign;
    QString m_description;
    StsClient::Callback m_done;
    EndpointTarget m_target;
};

} // namespace

ServiceDescription stsServiceDescription()
{
    return { u"sts"_s, u"sts"_s, u"STS"_s, u"https://{endpointPrefix}.{region}.amazonaws.com"_s,
        "sts", {} };
}

bool isLegacyGlobalStsRegion(const QString &region)
{
    static const std::array kLegacy { "ap-northeast-1"_L1, "ap-south-1"_L1, "ap-southeast-1"_L1,
        "ap-southeast-2"_L1, "aws-global"_L1, "ca-central-1"_L1, "eu-central-1"_L1, "eu-north-1"_L1,
        "eu-west-1"_L1, "eu-west-2"_L1, "eu-west-3"_L1, "sa-east-1"_L1, "us-east-1"_L1,
        "us-east-2"_L1, "us-west-1"_L1, "us-west-2"_L1 };
    return std::find(kLegacy.begin(), kLegacy.end(), region) != kLegacy.end();
}

StsClient::StsClient(QNetworkAccessManager *network, StsClientSettings settings,
    std::shared_ptr<CredentialsProvider> source, QObject *parent)
    : QObject(parent)
    , m_settings(std::move(settings))
    , d(std::make_unique<Private>())
{
    d->network = network;
    d->credentials = std::move(source);
    d->unsignedShared.network = network;
}

StsClient::~StsClient() = default;

ClientCall *StsClient::assumeRole(const AssumeRoleParameters &parameters,
    const QString &description, QObject *context, Callback done)
{
    QByteArrayList form { "Action=AssumeRole", formField("RoleArn", parameters.roleArn),
        formField("RoleSessionName", parameters.roleSessionName) };
    if (!parameters.externalId.isEmpty())
        form.append(formField("ExternalId", parameters.externalId));
    if (parameters.durationSeconds)
        form.append(formField("DurationSeconds", QString::number(*parameters.durationSeconds)));
    if (!parameters.serialNumber.isEmpty()) {
        form.append(formField("SerialNumber", parameters.serialNumber));
        form.append(formField("TokenCode", parameters.tokenCode));
    }
    form.append("Version=2011-06-15");
    return start("AssumeRole", form.join('&'), true, description, context, std::move(done));
}

ClientCall *StsClient::assumeRoleWithWebIdentity(const WebIdentityParameters &parameters,
    const QString &description, QObject *context, Callback done)
{
    const QByteArrayList form { "Action=AssumeRoleWithWebIdentity",
        formField("RoleArn", parameters.roleArn),
        formField("RoleSessionName", parameters.roleSessionName),
        "WebIdentityToken=" + parameters.webIdentityToken.toPercentEncoding(),
        "Version=2011-06-15" };
    return start(
        "AssumeRoleWithWebIdentity", form.join('&'), false, description, context, std::move(done));
}

ClientCall *StsClient::start(QByteArray operation, QByteArray form, bool sign,
    const QString &description, QObject *context, Callback done)
{
    ClientShared *shared = sign ? static_cast<ClientShared *>(d.get()) : &d->unsignedShared;
    auto *call = new StsCall(this, &d->calls, shared, std::move(operation), std::move(form), sign,
        description, context, std::move(done));
    std::optional<AwsError> refusal;
    if (sign && !d->credentials) {
        AwsError error;
        error.kind = AwsError::Kind::Credentials;
        error.message = u"AssumeRole needs source credentials, and this STS client has none"_s;
        refusal = error;
    }
    Result<EndpointTarget> target = checkEndpoint(m_settings.endpoint);
    if (!refusal && !target)
        refusal = target.error();
    // Both paths start from the event loop, so `done` never runs inside the call.
    if (refusal)
        QMetaObject::invokeMethod(
            call, [call, error = *refusal] { call->fail(error); }, Qt::QueuedConnection);
    else
        QMetaObject::invokeMethod(
            call, [call, endpoint = std::move(target).value()] { call->start(endpoint); },
            Qt::QueuedConnection);
    return call;
}

} // namespace aws
