// The IAM Identity Center token cache as `aws sso login` writes it: the file name (SHA-1 of the
// session name or start URL, as botocore keys it), the members read, broken and hostile files as
// errors that name the file, and the write-back (mode 0600, the CLI's format, atomic).
#include "aws/ssotokencache.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include <sys/stat.h>
#include <sys/types.h>

using aws::SsoToken;

namespace {

// As `aws sso login` writes it (moc reads this file, so no raw string literals here).
const QByteArray kCliToken = "{\"startUrl\": \"https://corp.awsapps.com/start\", "
                             "\"region\": \"eu-west-1\", \"accessToken\": \"access-SECRET\", "
                             "\"expiresAt\": \"2026-12-07T20:00:00Z\", \"clientId\": \"client-1\", "
                             "\"clientSecret\": \"client-SECRET\", "
                             "\"registrationExpiresAt\": \"2027-03-07T12:00:00Z\", "
                             "\"refreshToken\": \"refresh-SECRET\"}";

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate)
        && file.write(bytes) == bytes.size();
}

} // namespace

class TestSsoTokenCache : public QObject {
    Q_OBJECT
private slots:
    void cacheKey_isBotocoresSha1();
    void cliToken_readWithEveryMember();
    void timeForms_theCliHasWritten_data();
    void timeForms_theCliHasWritten();
    void brokenFiles_areErrorsNamingTheFile_data();
    void brokenFiles_areErrorsNamingTheFile();
    void missingFile_isBotocoresSentence();
    void hugeFile_refusedUnread();
    void namedPipe_refusedWithoutHanging();
    void save_writesMode0600_inTheCliFormat_keepingUnknownMembers();
    void canRefresh_needsAValidRegistration();
};

void TestSsoTokenCache::cacheKey_isBotocoresSha1()
{
    // python3 -c 'import hashlib; print(hashlib.sha1(b"corp").hexdigest())', and so on.
    QCOMPARE(aws::ssoTokenCacheKey(QStringLiteral("corp")),
        QStringLiteral("ee0bfd2552fbd840c02cc48b6e823320543c450f"));
    QCOMPARE(aws::ssoTokenCacheKey(QStringLiteral("https://my-sso-portal.awsapps.com/start")),
        QStringLiteral("c7aaaf71fcc8777ae2475525ed049d39fe16c484"));
    QCOMPARE(aws::ssoTokenCacheFile(QStringLiteral("/h/.aws/sso/cache"), QStringLiteral("corp")),
        QStringLiteral("/h/.aws/sso/cache/ee0bfd2552fbd840c02cc48b6e823320543c450f.json"));
    QCOMPARE(
        aws::ssoTokenCacheDirectory(QStringLiteral("/h")), QStringLiteral("/h/.aws/sso/cache"));
}

void TestSsoTokenCache::cliToken_readWithEveryMember()
{
    const auto token = aws::parseSsoToken(kCliToken, QStringLiteral("/c/x.json"));
    QVERIFY2(token.ok(), qPrintable(token.ok() ? QString() : token.error().message));
    QCOMPARE(token.value().accessToken, QStringLiteral("access-SECRET"));
    QCOMPARE(
        token.value().expiresAt, QDateTime(QDate(2026, 12, 7), QTime(20, 0), QTimeZone::utc()));
    QCOMPARE(token.value().refreshToken, QStringLiteral("refresh-SECRET"));
    QCOMPARE(token.value().clientId, QStringLiteral("client-1"));
    QCOMPARE(token.value().clientSecret, QStringLiteral("client-SECRET"));
    QCOMPARE(token.value().registrationExpiresAt,
        QDateTime(QDate(2027, 3, 7), QTime(12, 0), QTimeZone::utc()));
    QCOMPARE(token.value().region, QStringLiteral("eu-west-1"));
    QCOMPARE(token.value().startUrl, QStringLiteral("https://corp.awsapps.com/start"));
    QVERIFY(token.value().otherMembers.isEmpty());
}

void TestSsoTokenCache::timeForms_theCliHasWritten_data()
{
    QTest::addColumn<QString>("expiresAt");
    QTest::addColumn<QDateTime>("expected");
    const QDateTime eight(QDate(2026, 12, 7), QTime(8, 0), QTimeZone::utc());
    QTest::newRow("Z (CLI v2 and botocore today)") << "2026-12-07T08:00:00Z" << eight;
    QTest::newRow("UTC suffix (early CLI v2)") << "2026-12-07T08:00:00UTC" << eight;
    QTest::newRow("offset") << "2026-12-07T09:00:00+01:00" << eight;
    QTest::newRow("fractional seconds") << "2026-12-07T08:00:00.000Z" << eight;
    QTest::newRow("no zone is UTC") << "2026-12-07T08:00:00" << eight;
}

void TestSsoTokenCache::timeForms_theCliHasWritten()
{
    QFETCH(QString, expiresAt);
    QFETCH(QDateTime, expected);
    const QByteArray json = R"({"accessToken": "a", "expiresAt": ")" + expiresAt.toUtf8() + "\"}";
    const auto token = aws::parseSsoToken(json, QStringLiteral("/c/x.json"));
    QVERIFY2(token.ok(), qPrintable(token.ok() ? QString() : token.error().message));
    QCOMPARE(token.value().expiresAt, expected);
}

void TestSsoTokenCache::brokenFiles_areErrorsNamingTheFile_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("expected");
    QTest::newRow("empty") << QByteArray() << "not JSON (";
    QTest::newRow("truncated") << kCliToken.left(60) << "not JSON (";
    QTest::newRow("an array") << QByteArray("[1, 2]") << "not a JSON object";
    QTest::newRow("no accessToken")
        << QByteArray(R"({"expiresAt": "2026-12-07T08:00:00Z"})") << "accessToken is missing";
    QTest::newRow("no expiresAt") << QByteArray(R"({"accessToken": "a"})")
                                  << "expiresAt is missing";
    QTest::newRow("accessToken a number")
        << QByteArray(R"({"accessToken": 7, "expiresAt": "2026-12-07T08:00:00Z"})")
        << "accessToken is not a string";
    QTest::newRow("expiresAt an object")
        << QByteArray(R"({"accessToken": "a", "expiresAt": {"x": 1}})")
        << "expiresAt is not a string";
    QTest::newRow("expiresAt no time")
        << QByteArray(R"({"accessToken": "a", "expiresAt": "tomorrow"})")
        << "expiresAt is not an ISO 8601 time from 1970 to 9999";
    QTest::newRow("expiresAt before 1970")
        << QByteArray("{\"accessToken\": \"a\", \"expiresAt\": \"0001-01-01T00:00:00+14:00\"}")
        << "expiresAt is not an ISO 8601 time from 1970 to 9999";
    QTest::newRow("empty accessToken")
        << QByteArray(R"({"accessToken": "", "expiresAt": "2026-12-07T08:00:00Z"})")
        << "accessToken is empty";
    QTest::newRow("refreshToken an array") << QByteArray(
        R"({"accessToken": "a", "expiresAt": "2026-12-07T08:00:00Z", )"
        R"("refreshToken": []})") << "refreshToken is not a string";
    QTest::newRow("deeply nested") << QByteArray(100'000, '[') << "not JSON (";
}

void TestSsoTokenCache::brokenFiles_areErrorsNamingTheFile()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, expected);
    const auto token = aws::parseSsoToken(content, QStringLiteral("/c/x.json"));
    QVERIFY(!token.ok());
    QCOMPARE(token.error().kind, aws::AwsError::Kind::Credentials);
    const QString message = token.error().message;
    QVERIFY2(message.startsWith(QLatin1String("Error loading SSO Token: the token cache file "
                                              "/c/x.json: ")),
        qPrintable(message));
    QVERIFY2(message.contains(expected), qPrintable(message));
    QVERIFY2(!message.contains(QLatin1String("SECRET")), qPrintable(message));
}

void TestSsoTokenCache::missingFile_isBotocoresSentence()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const auto token = aws::loadSsoToken(dir.path(), QStringLiteral("corp"));
    QVERIFY(!token.ok());
    QCOMPARE(token.error().message,
        QStringLiteral("Error loading SSO Token: Token for corp does not exist"));
    QCOMPARE(token.error().exitCode(), 253);
}

void TestSsoTokenCache::hugeFile_refusedUnread()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString file = aws::ssoTokenCacheFile(dir.path(), QStringLiteral("corp"));
    QVERIFY(writeFile(file, QByteArray(aws::kMaxSsoTokenFileBytes + 1, ' ')));
    const auto token = aws::loadSsoToken(dir.path(), QStringLiteral("corp"));
    QVERIFY(!token.ok());
    QVERIFY2(token.error().message.contains(file), qPrintable(token.error().message));
}

void TestSsoTokenCache::namedPipe_refusedWithoutHanging()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString file = aws::ssoTokenCacheFile(dir.path(), QStringLiteral("corp"));
    QCOMPARE(::mkfifo(QFile::encodeName(file).constData(), 0600), 0);
    const auto token = aws::loadSsoToken(dir.path(), QStringLiteral("corp"));
    QVERIFY(!token.ok());
    QVERIFY2(token.error().message.contains(file)
            && token.error().message.contains(QLatin1String("named pipe")),
        qPrintable(token.error().message));
}

void TestSsoTokenCache::save_writesMode0600_inTheCliFormat_keepingUnknownMembers()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString cache = dir.filePath(QStringLiteral("sso/cache"));
    QByteArray original = kCliToken;
    original.replace("{", R"({"futureMember": [1, 2], )");
    auto token = aws::parseSsoToken(original, QStringLiteral("x"));
    QVERIFY(token.ok());
    SsoToken changed = token.value();
    changed.accessToken = QStringLiteral("new-access");
    changed.expiresAt = QDateTime(QDate(2026, 12, 8), QTime(4, 5, 6), QTimeZone::utc());
    QCOMPARE(aws::saveSsoToken(cache, QStringLiteral("corp"), changed), QString());

    const QString file = aws::ssoTokenCacheFile(cache, QStringLiteral("corp"));
    struct stat info { };
    QCOMPARE(::stat(QFile::encodeName(file).constData(), &info), 0);
    QCOMPARE(info.st_mode & 0777, 0600U);
    QCOMPARE(::stat(QFile::encodeName(cache).constData(), &info), 0);
    QCOMPARE(info.st_mode & 0077, 0U);

    QFile written(file);
    QVERIFY(written.open(QIODevice::ReadOnly));
    const QJsonObject object = QJsonDocument::fromJson(written.readAll()).object();
    // What botocore's SSOTokenLoader and the CLI read back.
    QCOMPARE(object.value(QLatin1String("accessToken")).toString(), QStringLiteral("new-access"));
    QCOMPARE(object.value(QLatin1String("expiresAt")).toString(),
        QStringLiteral("2026-12-08T04:05:06Z"));
    QCOMPARE(object.value(QLatin1String("registrationExpiresAt")).toString(),
        QStringLiteral("2027-03-07T12:00:00Z"));
    QCOMPARE(
        object.value(QLatin1String("refreshToken")).toString(), QStringLiteral("refresh-SECRET"));
    QCOMPARE(object.value(QLatin1String("clientId")).toString(), QStringLiteral("client-1"));
    QCOMPARE(
        object.value(QLatin1String("clientSecret")).toString(), QStringLiteral("client-SECRET"));
    QCOMPARE(object.value(QLatin1String("startUrl")).toString(),
        QStringLiteral("https://corp.awsapps.com/start"));
    QCOMPARE(object.value(QLatin1String("region")).toString(), QStringLiteral("eu-west-1"));
    QCOMPARE(object.value(QLatin1String("futureMember")).toArray().size(), 2);
    // Nothing but the file itself is left in the folder (the temporary one was renamed).
    QCOMPARE(QDir(cache).entryList(QDir::Files | QDir::Hidden).size(), 1);

    const auto reread = aws::loadSsoToken(cache, QStringLiteral("corp"));
    QVERIFY(reread.ok());
    QCOMPARE(reread.value().accessToken, QStringLiteral("new-access"));
    QCOMPARE(reread.value().expiresAt, changed.expiresAt);
}

void TestSsoTokenCache::canRefresh_needsAValidRegistration()
{
    const auto token = aws::parseSsoToken(kCliToken, QStringLiteral("x"));
    QVERIFY(token.ok());
    const QDateTime before(QDate(2027, 3, 7), QTime(11, 59), QTimeZone::utc());
    QVERIFY(token.value().canRefresh(before));
    QVERIFY(!token.value().canRefresh(before.addSecs(60)));
    SsoToken legacy = token.value();
    legacy.refreshToken.clear();
    QVERIFY(!legacy.canRefresh(before));
}

QTEST_GUILESS_MAIN(TestSsoTokenCache)
#include "tst_ssotokencache.moc"
