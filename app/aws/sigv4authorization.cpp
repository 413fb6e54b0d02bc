#include "aws/sigv4authorization.h"

#include <QDate>
#include <QStringList>

#include <algorithm>
#include <array>
#include <optional>

namespace aws {

namespace {

// Real headers are about 200 bytes; 8 KiB leaves room for long SignedHeaders lists while refusing
// anything that only a broken or hostile client would send, before any of it is looked at.
constexpr qsizetype kMaxHeaderLength = 8192;
constexpr qsizetype kMaxCredentialPartLength = 128;
constexpr qsizetype kSignatureLength = 64;
// What an error message quotes of a value, at most.
constexpr qsizetype kMaxQuotedLength = 40;

constexpr QByteArrayView kAlgorithm("AWS4-HMAC-SHA256");
constexpr QByteArrayView kTerminator("aws4_request");

enum class Field { Credential, SignedHeaders, Signature };
constexpr std::array<QByteArrayView, 3> kFieldNames
    = { "Credential", "SignedHeaders", "Signature" };

AwsError invalid(const QString &what)
{
    AwsError error;
    error.kind = AwsError::Kind::InvalidParameter;
    error.message = QStringLiteral("Invalid Authorization header: ") + what;
    return error;
}

// A value for an error message: printable ASCII only (checked before), cut short.
QString quoted(QByteArrayView value)
{
    const bool cut = value.size() > kMaxQuotedLength;
    return QLatin1Char('"')
        + QString::fromLatin1(value.first(cut ? kMaxQuotedLength : value.size()))
        + (cut ? QStringLiteral("…\"") : QStringLiteral("\""));
}

QString fieldName(Field field)
{
    return QString::fromLatin1(kFieldNames[static_cast<std::size_t>(field)]);
}

constexpr bool isOptionalWhitespace(char c)
{
    return c == ' ' || c == '\t';
}

constexpr bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

constexpr bool isAlphanumeric(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || isDigit(c);
}

// RFC 9110 token characters, upper case excluded: SignedHeaders names are lower case.
constexpr bool isLowerCaseTokenChar(char c)
{
    return (c >= 'a' && c <= 'z') || isDigit(c) || QByteArrayView("!#$%&'*+-.^_`|~").contains(c);
}

QByteArrayView trimmed(QByteArrayView text)
{
    while (!text.isEmpty() && isOptionalWhitespace(text.front()))
        text = text.sliced(1);
    while (!text.isEmpty() && isOptionalWhitespace(text.back()))
        text.chop(1);
    return text;
}

template<typename Predicate> bool allOf(QByteArrayView text, Predicate predicate)
{
    for (const char c : text) {
        if (!predicate(c))
            return false;
    }
    return true;
}

std::optional<AwsError> parseCredential(QByteArrayView value, SigV4Authorization &out)
{
    QList<QByteArrayView> parts;
    qsizetype start = 0;
    for (qsizetype slash = value.indexOf('/'); slash >= 0; slash = value.indexOf('/', start)) {
        parts.append(value.sliced(start, slash - start));
        start = slash + 1;
    }
    parts.append(value.sliced(start));
    if (parts.size() != 5) {
        return invalid(
            QStringLiteral("Credential must be ACCESS_KEY_ID/yyyyMMdd/REGION/SERVICE/aws4_request, "
                           "but has %1 part(s) separated by '/'")
                .arg(parts.size()));
    }
    static const std::array<QString, 4> partNames = { QStringLiteral("access key id"),
        QStringLiteral("date"), QStringLiteral("region"), QStringLiteral("service") };
    for (std::size_t i = 0; i < partNames.size(); ++i) {
        const QByteArrayView part = parts[static_cast<qsizetype>(i)];
        if (part.isEmpty())
            return invalid(QStringLiteral("the Credential's %1 is empty").arg(partNames[i]));
        if (part.size() > kMaxCredentialPartLength) {
            return invalid(
                QStringLiteral("the Credential's %1 is %2 characters long; at most %3 are accepted")
                    .arg(partNames[i])
                    .arg(part.size())
                    .arg(kMaxCredentialPartLength));
        }
    }
    const QByteArrayView accessKeyId = parts[0];
    const QByteArrayView date = parts[1];
    const QByteArrayView region = parts[2];
    const QByteArrayView service = parts[3];
    const QByteArrayView terminator = parts[4];

    if (!allOf(accessKeyId, isAlphanumeric))
        return invalid(QStringLiteral("the Credential's access key id %1 is not alphanumeric")
                           .arg(quoted(accessKeyId)));
    const bool eightDigits = date.size() == 8 && allOf(date, isDigit);
    const QDate calendarDate = eightDigits
        ? QDate::fromString(QString::fromLatin1(date), QStringLiteral("yyyyMMdd"))
        : QDate();
    if (!calendarDate.isValid())
        return invalid(QStringLiteral("the Credential's date %1 is not a date in yyyyMMdd form")
                           .arg(quoted(date)));
    const auto isNameChar
        = [](char c) { return isAlphanumeric(c) || c == '-' || c == '_' || c == '.'; };
    if (!allOf(region, isNameChar))
        return invalid(
            QStringLiteral("the Credential's region %1 has characters other than letters, digits, "
                           "'-', '_' and '.'")
                .arg(quoted(region)));
    if (!allOf(service, isNameChar))
        return invalid(
            QStringLiteral("the Credential's service %1 has characters other than letters, digits, "
                           "'-', '_' and '.'")
                .arg(quoted(service)));
    if (terminator != kTerminator)
        return invalid(QStringLiteral("the Credential must end in aws4_request, not %1")
                           .arg(quoted(terminator)));

    out.accessKeyId = accessKeyId.toByteArray();
    out.scopeDate = date.toByteArray();
    out.region = region.toByteArray();
    out.service = service.toByteArray();
    out.terminator = terminator.toByteArray();
    return std::nullopt;
}

std::optional<AwsError> parseSignedHeaders(QByteArrayView value, SigV4Authorization &out)
{
    qsizetype start = 0;
    while (start <= value.size()) {
        qsizetype semicolon = value.indexOf(';', start);
        if (semicolon < 0)
            semicolon = value.size();
        const QByteArrayView name = value.sliced(start, semicolon - start);
        const qsizetype position = out.signedHeaders.size() + 1;
        if (name.isEmpty())
            return invalid(QStringLiteral("SignedHeaders entry %1 is empty").arg(position));
        if (!allOf(name, isLowerCaseTokenChar)) {
            return invalid(
                QStringLiteral("SignedHeaders entry %1 %2 is not a lower-case header name")
                    .arg(position)
                    .arg(quoted(name)));
        }
        if (out.signedHeaders.contains(name))
            return invalid(QStringLiteral("SignedHeaders lists %1 twice").arg(quoted(name)));
        out.signedHeaders.append(name.toByteArray());
        start = semicolon + 1;
    }
    return std::nullopt;
}

std::optional<AwsError> parseSignature(QByteArrayView value, SigV4Authorization &out)
{
    // The value is never quoted back: style.md keeps signatures out of logs and messages.
    const auto isLowerHex = [](char c) { return isDigit(c) || (c >= 'a' && c <= 'f'); };
    if (value.size() != kSignatureLength || !allOf(value, isLowerHex)) {
        return invalid(
            QStringLiteral("Signature must be %1 lower-case hex digits (got %2 characters%3)")
                .arg(kSignatureLength)
                .arg(value.size())
                .arg(allOf(value, isLowerHex) ? QString()
                                              : QStringLiteral(", not all lower-case hex")));
    }
    out.signature = value.toByteArray();
    return std::nullopt;
}

} // namespace

Result<SigV4Authorization> parseSigV4Authorization(QByteArrayView headerValue)
{
    if (headerValue.size() > kMaxHeaderLength) {
        return invalid(QStringLiteral("it is %1 bytes long; at most %2 are accepted")
                           .arg(headerValue.size())
                           .arg(kMaxHeaderLength));
    }
    for (qsizetype i = 0; i < headerValue.size(); ++i) {
        const auto byte = static_cast<unsigned char>(headerValue[i]);
        if ((byte < 0x20 && byte != '\t') || byte >= 0x7f) {
            return invalid(QStringLiteral("byte %1 is 0x%2, which is not printable ASCII")
                               .arg(i)
                               .arg(byte, 2, 16, QLatin1Char('0')));
        }
    }
    const QByteArrayView value = trimmed(headerValue);
    if (value.isEmpty())
        return invalid(QStringLiteral("it is empty"));

    qsizetype algorithmEnd = 0;
    while (algorithmEnd < value.size() && !isOptionalWhitespace(value[algorithmEnd]))
        ++algorithmEnd;
    const QByteArrayView algorithm = value.first(algorithmEnd);
    if (algorithm != kAlgorithm) {
        // Only what looks like a scheme name ("Basic", "AWS4-HMAC-SHA512") is quoted back; a
        // first word that could be someone's bare token is not.
        const bool looksLikeScheme = algorithm.size() <= 32
            && allOf(algorithm, [](char c) { return isAlphanumeric(c) || c == '-' || c == '_'; });
        if (!looksLikeScheme)
            return invalid(QStringLiteral("it does not start with the algorithm AWS4-HMAC-SHA256"));
        return invalid(QStringLiteral("the algorithm is %1; only AWS4-HMAC-SHA256 is supported")
                           .arg(quoted(algorithm)));
    }
    const QByteArrayView fieldsText = trimmed(value.sliced(algorithmEnd));
    if (fieldsText.isEmpty())
        return invalid(QStringLiteral("nothing follows AWS4-HMAC-SHA256; Credential, SignedHeaders "
                                      "and Signature are required"));

    SigV4Authorization result;
    std::array<bool, kFieldNames.size()> seen {};
    qsizetype start = 0;
    int position = 0;
    while (start <= fieldsText.size()) {
        qsizetype comma = fieldsText.indexOf(',', start);
        if (comma < 0)
            comma = fieldsText.size();
        const QByteArrayView field = trimmed(fieldsText.sliced(start, comma - start));
        start = comma + 1;
        ++position;
        if (field.isEmpty())
            return invalid(QStringLiteral("field %1 is empty (a stray comma?)").arg(position));
        const qsizetype equals = field.indexOf('=');
        if (equals < 0)
            return invalid(
                QStringLiteral("field %1 %2 is not NAME=VALUE").arg(position).arg(quoted(field)));
        const QByteArrayView name = field.first(equals);
        const QByteArrayView fieldValue = field.sliced(equals + 1);
        const auto known = std::find(kFieldNames.begin(), kFieldNames.end(), name);
        if (known == kFieldNames.end()) {
            return invalid(QStringLiteral(
                "field %1 has the unknown name %2; expected Credential, SignedHeaders or "
                "Signature")
                               .arg(position)
                               .arg(quoted(name)));
        }
        const auto which = static_cast<Field>(known - kFieldNames.begin());
        bool &alreadySeen = seen[static_cast<std::size_t>(which)];
        if (alreadySeen)
            return invalid(QStringLiteral("%1 appears more than once").arg(fieldName(which)));
        alreadySeen = true;
        if (fieldValue.isEmpty())
            return invalid(QStringLiteral("%1 is empty").arg(fieldName(which)));
        for (const char c : fieldValue) {
            if (isOptionalWhitespace(c))
                return invalid(QStringLiteral("%1 contains whitespace").arg(fieldName(which)));
        }
        std::optional<AwsError> error;
        switch (which) {
        case Field::Credential:
            error = parseCredential(fieldValue, result);
            break;
        case Field::SignedHeaders:
            error = parseSignedHeaders(fieldValue, result);
            break;
        case Field::Signature:
            error = parseSignature(fieldValue, result);
            break;
        }
        if (error)
            return *error;
    }

    QStringList missing;
    for (std::size_t i = 0; i < seen.size(); ++i) {
        if (!seen[i])
            missing.append(fieldName(static_cast<Field>(i)));
    }
    if (!missing.isEmpty())
        return invalid(QStringLiteral("it lacks %1").arg(missing.join(QStringLiteral(" and "))));
    return result;
}

} // namespace aws
