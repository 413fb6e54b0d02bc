#include "emulator/stsoperations.h"

#include <QRegularExpression>
#include <QUrlQuery>

namespace emulator {

using namespace Qt::StringLiterals;

namespace {

constexpr int kDefaultDuration = 3600;
constexpr int kMinimumDuration = 900;
constexpr int kMaximumDuration = 43'200;

QString escaped(const QString &text)
{
    return text.toHtmlEscaped();
}

HttpResponse errorResponse(int status, const QString &type, const QString &code,
    const QString &message, const QByteArray &requestId)
{
    HttpResponse response;
    response.status = status;
    response.headers = { { "Content-Type", "text/xml" }, { "x-amzn-RequestId", requestId } };
    response.body = (u"<ErrorResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">\n"
                     "  <Error>\n    <Type>%1</Type>\n    <Code>%2</Code>\n"
                     "    <Message>%3</Message>\n  </Error>\n  <RequestId>%4</RequestId>\n"
                     "</ErrorResponse>\n"_s)
                        .arg(type, code, escaped(message), QString::fromLatin1(requestId))
                        .toUtf8();
    return response;
}

HttpResponse senderError(const QString &code, const QString &message, const QByteArray &requestId)
{
    return errorResponse(400, u"Sender"_s, code, message, requestId);
}

HttpResponse validationError(
    const QString &value, const QString &member, const QString &rule, const QByteArray &requestId)
{
    return senderError(u"ValidationError"_s,
        u"1 validation error detected: Value '%1' at '%2' failed to satisfy constraint: %3"_s.arg(
            value, member, rule),
        requestId);
}

HttpResponse credentialsResponse(const QString &operation, const aws::AwsCredentials &credentials,
    const QString &roleArn, const QString &sessionName, const QByteArray &requestId)
{
    const QString roleName = roleArn.section(u'/', -1);
    const QString account = roleArn.section(u':', 4, 4);
    HttpResponse response;
    response.headers = { { "Content-Type", "text/xml" }, { "x-amzn-RequestId", requestId } };
    response.body
        = (u"<%1Response xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">\n"
           "  <%1Result>\n"
           "    <AssumedRoleUser>\n"
           "      <AssumedRoleId>AROAEMULATOR:%2</AssumedRoleId>\n"
           "      <Arn>arn:aws:sts::%3:assumed-role/%4/%2</Arn>\n"
           "    </AssumedRoleUser>\n"
           "    <Credentials>\n"
           "      <AccessKeyId>%5</AccessKeyId>\n"
           "      <SecretAccessKey>%6</SecretAccessKey>\n"
           "      <SessionToken>%7</SessionToken>\n"
           "      <Expiration>%8</Expiration>\n"
           "    </Credentials>\n"
           "  </%1Result>\n"
           "  <ResponseMetadata>\n    <RequestId>%9</RequestId>\n  </ResponseMetadata>\n"
           "</%1Response>\n"_s)
              .arg(operation, escaped(sessionName), escaped(account), escaped(roleName),
                  credentials.accessKeyId, credentials.secretAccessKey, credentials.sessionToken,
                  credentials.expiration->toString(Qt::ISODate), QString::fromLatin1(requestId))
              .toUtf8();
    return response;
}

bool isJwtShaped(const QString &token)
{
    static const QRegularExpression kJwt(u"^[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*$"_s);
    return kJwt.match(token).hasMatch();
}

} // namespace

StsOperations::StsOperations(QByteArray region, const aws::AwsCredentials &accepted,
    TemporaryCredentials *issued, QStringList deniedOperations)
    : m_issued(issued)
    , m_verifier(std::move(region), accepted, SigningRules::sts())
    , m_deniedOperations(std::move(deniedOperations))
{
    m_verifier.acceptTemporary(m_issued);
}

bool StsOperations::isStsRequest(const HttpRequest &request)
{
    return request.method == "POST" && request.header("x-amz-target").isEmpty()
        && request.header("content-type").startsWith("application/x-www-form-urlencoded");
}

HttpResponse StsOperations::serve(
    const HttpRequest &request, const QDateTime &requestTime, const QByteArray &requestId)
{
    const QUrlQuery form(QString::fromUtf8(request.body).replace(u'+', u' '));
    const auto field = [&](const char *name) {
        return form.queryItemValue(QLatin1String(name), QUrl::FullyDecoded);
    };
    const QString action = field("Action");
    if (field("Version") != "2011-06-15"_L1)
        return senderError(u"InvalidAction"_s,
            u"Could not find operation %1 for version %2"_s.arg(action, field("Version")),
            requestId);
    const bool signedAction = action == "AssumeRole"_L1;
    if (!signedAction && action != "AssumeRoleWithWebIdentity"_L1)
        return senderError(u"InvalidAction"_s,
            u"Could not find operation %1 for version 2011-06-15"_s.arg(action), requestId);
    if (signedAction) {
        if (const std::optional<SignatureProblem> problem
            = m_verifier.check(request, requestTime)) {
            switch (problem->kind) {
            case SignatureProblem::Kind::MissingAuthentication:
                return senderError(u"MissingAuthenticationToken"_s,
                    u"Request is missing Authentication Token"_s, requestId);
            case SignatureProblem::Kind::UnknownAccessKey:
            case SignatureProblem::Kind::InvalidToken:
                return errorResponse(403, u"Sender"_s, u"InvalidClientTokenId"_s,
                    u"The security token included in the request is invalid."_s, requestId);
            case SignatureProblem::Kind::ExpiredToken:
                return senderError(u"ExpiredToken"_s,
                    u"The security token included in the request is expired"_s, requestId);
            case SignatureProblem::Kind::SignatureMismatch:
            case SignatureProblem::Kind::Expired: // STS words a skewed clock so too
            case SignatureProblem::Kind::NotYetCurrent:
                return errorResponse(
                    403, u"Sender"_s, u"SignatureDoesNotMatch"_s, problem->message, requestId);
            default:
                return errorResponse(
                    403, u"Sender"_s, u"IncompleteSignature"_s, problem->message, requestId);
            }
        }
    }
    const QString roleArn = field("RoleArn");
    const QString sessionName = field("RoleSessionName");
    if (roleArn.size() < 20 || !roleArn.startsWith("arn:"_L1))
        return validationError(roleArn, u"roleArn"_s,
            u"Member must have length greater than or equal to 20"_s, requestId);
    static const QRegularExpression kSessionName(u"^[\\w+=,.@-]{2,64}$"_s);
    if (!kSessionName.match(sessionName).hasMatch())
        return validationError(sessionName, u"roleSessionName"_s,
            u"Member must satisfy regular expression pattern: [\\w+=,.@-]*"_s, requestId);
    int duration = kDefaultDuration;
    if (const QString text = field("DurationSeconds"); !text.isEmpty()) {
        bool isNumber = false;
        duration = text.toInt(&isNumber);
        if (!isNumber || duration < kMinimumDuration)
            return validationError(text, u"durationSeconds"_s,
                u"Member must have value greater than or equal to 900"_s, requestId);
        if (duration > kMaximumDuration)
            return validationError(text, u"durationSeconds"_s,
                u"Member must have value less than or equal to 43200"_s, requestId);
    }
    if (const QString serial = field("SerialNumber"); signedAction && !serial.isEmpty()) {
        static const QRegularExpression kCode(u"^[0-9]{6}$"_s);
        const QString code = field("TokenCode");
        if (!kCode.match(code).hasMatch())
            return validationError(code, u"tokenCode"_s,
                u"Member must satisfy regular expression pattern: [\\d]*"_s, requestId);
        if (code == "000000"_L1) // the emulator's wrong code
            return errorResponse(403, u"Sender"_s, u"AccessDenied"_s,
                u"MultiFactorAuthentication failed with invalid MFA one time pass code. "_s,
                requestId);
    }
    if (!signedAction && !isJwtShaped(field("WebIdentityToken")))
        return senderError(u"InvalidIdentityToken"_s,
            u"The web identity token that was passed could not be validated by AWS. Get a new "
            "identity token from the identity provider and then retry the request."_s,
            requestId);
    if (m_deniedOperations.contains(action))
        return errorResponse(403, u"Sender"_s, u"AccessDenied"_s,
            u"User: arn:aws:iam::123456789012:user/emulator is not authorized to perform: "
            "sts:%1 on resource: %2"_s.arg(action, roleArn),
            requestId);
    const aws::AwsCredentials credentials
        = m_issued->issue(roleArn, sessionName, requestTime, duration);
    return credentialsResponse(action, credentials, roleArn, sessionName, requestId);
}

} // namespace emulator
