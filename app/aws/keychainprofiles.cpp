#include "aws/keychainprofiles.h"

#include "appinfo.h"
#include "aws/awsprofiles.h"
#include "aws/configresolver.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QPointer>
#include <QRegularExpression>
#include <QSettings>
#include <QTimer>
#include <qt6keychain/keychain.h>

namespace aws {

namespace {

Q_LOGGING_CATEGORY(lcKeychain, "lookoutdesk.aws.keychain", QtWarningMsg)

constexpr QLatin1String kSettingsGroup("KeychainProfiles");
constexpr QLatin1String kRegionKey("region");
constexpr QLatin1String kEndpointKey("endpoint_url");

QString failureName(KeychainFailure failure)
{
    switch (failure) {
    case KeychainFailure::NoDbus:
        return QStringLiteral("NoDbus");
    case KeychainFailure::NoSecretService:
        return QStringLiteral("NoSecretService");
    case KeychainFailure::NoKeyring:
        return QStringLiteral("NoKeyring");
    case KeychainFailure::Locked:
        return QStringLiteral("Locked");
    case KeychainFailure::Denied:
        return QStringLiteral("Denied");
    case KeychainFailure::NotFound:
        return QStringLiteral("NotFound");
    case KeychainFailure::TimedOut:
        return QStringLiteral("TimedOut");
    case KeychainFailure::Other:
        return QStringLiteral("Other");
    }
    return QStringLiteral("Other");
}

constexpr QLatin1String kCodePrefix("Keychain");

AwsError makeError(AwsError::Kind kind, const QString &message, const QString &code = {})
{
    AwsError error;
    error.kind = kind;
    error.message = message;
    error.code = code;
    return error;
}

QByteArray encodeSecret(const KeychainSecret &secret)
{
    QJsonObject object { { QStringLiteral("Version"), 1 },
        { QStringLiteral("AccessKeyId"), secret.accessKeyId },
        { QStringLiteral("SecretAccessKey"), secret.secretAccessKey } };
    if (!secret.sessionToken.isEmpty())
        object.insert(QStringLiteral("SessionToken"), secret.sessionToken);
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

std::optional<KeychainSecret> decodeSecret(const QByteArray &data)
{
    const QJsonDocument document = QJsonDocument::fromJson(data);
    const QJsonObject object = document.object();
    if (!document.isObject() || object.value(QLatin1String("Version")).toInt() != 1)
        return std::nullopt;
    KeychainSecret secret { object.value(QLatin1String("AccessKeyId")).toString(),
        object.value(QLatin1String("SecretAccessKey")).toString(),
        object.value(QLatin1String("SessionToken")).toString() };
    if (!secret.isComplete())
        return std::nullopt;
    return secret;
}

} // namespace

KeychainFailure classifyKeychainError(int qkeychainError, QStringView errorString)
{
    const auto mentions = [&](const char *text) {
        return errorString.contains(QLatin1String(text), Qt::CaseInsensitive);
    };
    switch (static_cast<QKeychain::Error>(qkeychainError)) {
    case QKeychain::EntryNotFound:
        return KeychainFailure::NotFound;
    case QKeychain::AccessDeniedByUser:
        return KeychainFailure::Denied;
    case QKeychain::AccessDenied:
        return mentions("locked") ? KeychainFailure::Locked : KeychainFailure::Denied;
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        return KeychainFailure::NoSecretService;
    case QKeychain::NoError:
    case QKeychain::CouldNotDeleteEntry:
    case QKeychain::OtherError:
        break;
    }
    if (mentions("autolaunch") || mentions("Could not connect") || mentions("Failed to connect")
        || mentions("NoServer") || mentions("session bus") || mentions("DBUS_SESSION_BUS_ADDRESS"))
        return KeychainFailure::NoDbus;
    if (mentions("org.freedesktop.secrets") || mentions("ServiceUnknown")
        || mentions("not provided by any .service files"))
        return KeychainFailure::NoSecretService;
    if (mentions("locked"))
        return KeychainFailure::Locked;
    if (mentions("Object does not exist") || mentions("No such object") || mentions("collection"))
        return KeychainFailure::NoKeyring;
    if (mentions("denied") || mentions("dismissed"))
        return KeychainFailure::Denied;
    return KeychainFailure::Other;
}

QString keychainFailureMessage(
    KeychainFailure failure, const QString &profileName, const QString &backendMessage)
{
    QString message;
    switch (failure) {
    case KeychainFailure::NoDbus:
        message = QStringLiteral(
            "No keychain: there is no D-Bus session bus, so the Secret Service cannot be reached. "
            "Run Lookout Desk inside your desktop session, or start a session bus with a Secret "
            "Service (for example: dbus-run-session with gnome-keyring-daemon).");
        break;
    case KeychainFailure::NoSecretService:
        message = QStringLiteral(
            "No keychain: no Secret Service is running on the D-Bus session bus. Install and start "
            "one (gnome-keyring, KWallet, or KeePassXC with its Secret Service integration), then "
            "try again.");
        break;
    case KeychainFailure::NoKeyring:
        message = QStringLiteral(
            "No keychain: the Secret Service has no usable default keyring. Create or unlock your "
            "login keyring (for example with Seahorse), then try again.");
        break;
    case KeychainFailure::Locked:
        message = QStringLiteral(
            "The keychain is locked. Unlock your keyring (for example with Seahorse, or by logging "
            "in again), then try again.");
        break;
    case KeychainFailure::Denied:
        message = QStringLiteral(
            "Access to the keychain was denied. Allow Lookout Desk to use the keychain when asked, "
            "then try again.");
        break;
    case KeychainFailure::NotFound:
        message = QStringLiteral("The keychain holds no keys for profile %1. If your keyring is "
                                 "locked, unlock it and try "
                                 "again; otherwise enter the keys again (lookout-desk configure "
                                 "--profile %1, or edit the "
                                 "profile in Lookout Desk).")
                      .arg(profileName);
        break;
    case KeychainFailure::TimedOut:
        message = QStringLiteral(
            "The keychain did not answer in time; it may be waiting for you to unlock it. Unlock "
            "your keyring, then try again.");
        break;
    case KeychainFailure::Other:
        message = QStringLiteral("The keychain failed.");
        break;
    }
    if (!backendMessage.isEmpty())
        message += QStringLiteral(" (%1)").arg(backendMessage);
    return message;
}

std::optional<KeychainFailure> keychainFailureOf(const AwsError &error)
{
    if (!error.code.startsWith(kCodePrefix))
        return std::nullopt;
    for (KeychainFailure failure : { KeychainFailure::NoDbus, KeychainFailure::NoSecretService,
             KeychainFailure::NoKeyring, KeychainFailure::Locked, KeychainFailure::Denied,
             KeychainFailure::NotFound, KeychainFailure::TimedOut, KeychainFailure::Other }) {
        if (error.code == kCodePrefix + failureName(failure))
            return failure;
    }
    return std::nullopt;
}

KeychainProfileStore::KeychainProfileStore(QSettings *settings, QString service, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_service(std::move(service))
{
}

KeychainProfileStore::~KeychainProfileStore() = default;

std::unique_ptr<QSettings> KeychainProfileStore::openDefaultSettings()
{
    return std::make_unique<QSettings>(QSettings::IniFormat, QSettings::UserScope,
        QString::fromLatin1(appinfo::kOrganizationName), QStringLiteral("profiles"));
}

std::optional<QString> KeychainProfileStore::nameProblem(const QString &name)
{
    static const QRegularExpression valid(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9._@+=-]{0,63}$"));
    if (name.isEmpty())
        return QStringLiteral("The profile name is empty.");
    if (!valid.match(name).hasMatch())
        return QStringLiteral("The profile name \"%1\" is not valid: use up to 64 letters, digits "
                              "and . _ @ + = -, starting with a letter or digit.")
            .arg(name);
    return std::nullopt;
}

std::optional<QString> KeychainProfileStore::sharedProfileClash(
    const QString &name, const AwsProfiles &shared)
{
    const AwsProfile *existing = shared.profile(name);
    if (!existing)
        return std::nullopt;
    return QStringLiteral("The name \"%1\" is already used by %2. A keychain profile cannot share "
                          "its name with a ~/.aws profile; choose another name.")
        .arg(name, existing->description());
}

std::optional<KeychainProfile> KeychainProfileStore::savedProfile(const QString &name) const
{
    if (nameProblem(name))
        return std::nullopt;
    const QString group = kSettingsGroup + u'/' + name;
    m_settings->beginGroup(kSettingsGroup);
    const bool exists = m_settings->childGroups().contains(name);
    m_settings->endGroup();
    if (!exists)
        return std::nullopt;
    return KeychainProfile { name, m_settings->value(group + u'/' + kRegionKey).toString(),
        m_settings->value(group + u'/' + kEndpointKey).toString() };
}

QList<KeychainProfile> KeychainProfileStore::profiles() const
{
    QMap<QString, KeychainProfile> byName;
    m_settings->beginGroup(kSettingsGroup);
    const QStringList names = m_settings->childGroups();
    m_settings->endGroup();
    for (const QString &name : names) {
        if (const auto saved = savedProfile(name))
            byName.insert(name, *saved);
    }
    for (const SessionProfile &session : m_session)
        byName.insert(session.profile.name, session.profile);
    return byName.values();
}

std::optional<KeychainProfile> KeychainProfileStore::profile(const QString &name) const
{
    if (const auto session = m_session.constFind(name); session != m_session.cend())
        return session->profile;
    return savedProfile(name);
}

bool KeychainProfileStore::isSessionOnly(const QString &name) const
{
    return m_session.contains(name);
}

Result<bool> KeychainProfileStore::writeSettings(const KeychainProfile &profile)
{
    const QString group = kSettingsGroup + u'/' + profile.name;
    m_settings->setValue(group + u'/' + kRegionKey, profile.region);
    m_settings->setValue(group + u'/' + kEndpointKey, profile.endpointUrl);
    m_settings->sync();
    if (m_settings->status() != QSettings::NoError)
        return makeError(AwsError::Kind::Configuration,
            QStringLiteral("Could not write the profile settings to %1.")
                .arg(m_settings->fileName()));
    return true;
}

AwsError KeychainProfileStore::failureError(
    KeychainFailure failure, const QString &name, const QString &backendMessage) const
{
    return makeError(AwsError::Kind::Credentials,
        keychainFailureMessage(failure, name, backendMessage), kCodePrefix + failureName(failure));
}

namespace {

std::optional<AwsError> checkDetails(const KeychainProfile &profile)
{
    const auto invalid = [](const QString &message) {
        return makeError(AwsError::Kind::InvalidParameter, message);
    };
    if (const auto problem = KeychainProfileStore::nameProblem(profile.name))
        return invalid(*problem);
    if (!profile.region.isEmpty()) {
        if (const auto problem = regionProblem(profile.region))
            return invalid(*problem);
    }
    if (!profile.endpointUrl.isEmpty()) {
        const Result<QUrl> endpoint
            = parseEndpointUrl(profile.endpointUrl, QStringLiteral("the endpoint URL"));
        if (!endpoint.ok())
            return invalid(endpoint.error().message);
    }
    return std::nullopt;
}

} // namespace

void KeychainProfileStore::save(const KeychainProfile &profile, const KeychainSecret &secret,
    Fallback fallback, QObject *context, SaveCallback done)
{
    if (const auto problem = checkDetails(profile)) {
        done(*problem);
        return;
    }
    if (!secret.isComplete()) {
        done(makeError(AwsError::Kind::InvalidParameter,
            QStringLiteral("Both the access key id and the secret access key are needed.")));
        return;
    }
    const QPointer<QObject> guard(context);
    runJob(JobKind::Write, profile.name, encodeSecret(secret),
        [this, profile, secret, fallback, guard, hasContext = context != nullptr,
            done = std::move(done)](const JobOutcome &outcome) {
            if (hasContext && !guard)
                return;
            if (outcome.error == QKeychain::NoError && !outcome.timedOut) {
                const Result<bool> written = writeSettings(profile);
                m_session.remove(profile.name);
                emit profilesChanged();
                if (!written.ok()) {
                    done(written.error());
                    return;
                }
                qCInfo(lcKeychain) << "stored keychain profile" << profile.name;
                done(KeychainSaveOutcome {});
                return;
            }
            const KeychainFailure failure = outcome.timedOut
                ? KeychainFailure::TimedOut
                : classifyKeychainError(outcome.error, outcome.errorString);
            qCInfo(lcKeychain) << "keychain write failed for profile" << profile.name << ":"
                               << failureName(failure) << outcome.errorString;
            if (fallback == Fallback::Fail) {
                AwsError error = failureError(failure, profile.name, outcome.errorString);
                error.message += QStringLiteral(" Nothing was stored: Lookout Desk never writes "
                                                "keys in plain text.");
                done(error);
                return;
            }
            m_session.insert(profile.name, SessionProfile { profile, secret });
            emit profilesChanged();
            done(KeychainSaveOutcome { false, failure,
                keychainFailureMessage(failure, profile.name, outcome.errorString) });
        });
}

Result<KeychainProfile> KeychainProfileStore::updateDetails(const KeychainProfile &profile)
{
    if (const auto problem = checkDetails(profile))
        return *problem;
    if (const auto session = m_session.find(profile.name); session != m_session.end()) {
        session->profile = profile;
        emit profilesChanged();
        return profile;
    }
    if (!savedProfile(profile.name))
        return AwsError::profileNotFound(profile.name);
    const Result<bool> written = writeSettings(profile);
    if (!written.ok())
        return written.error();
    emit profilesChanged();
    return profile;
}

void KeychainProfileStore::readSecret(const QString &name, QObject *context, ReadCallback done)
{
    if (const auto session = m_session.constFind(name); session != m_session.cend()) {
        done(session->secret);
        return;
    }
    if (!savedProfile(name)) {
        done(AwsError::profileNotFound(name));
        return;
    }
    const QPointer<QObject> guard(context);
    runJob(JobKind::Read, name, {},
        [this, name, guard, hasContext = context != nullptr, done = std::move(done)](
            const JobOutcome &outcome) {
            if (hasContext && !guard)
                return;
            if (outcome.timedOut || outcome.error != QKeychain::NoError) {
                const KeychainFailure failure = outcome.timedOut
                    ? KeychainFailure::TimedOut
                    : classifyKeychainError(outcome.error, outcome.errorString);
                qCInfo(lcKeychain) << "keychain read failed for profile" << name << ":"
                                   << failureName(failure) << outcome.errorString;
                done(failureError(failure, name,
                    failure == KeychainFailure::NotFound ? QString() : outcome.errorString));
                return;
            }
            const std::optional<KeychainSecret> secret = decodeSecret(outcome.data);
            if (!secret) {
                done(makeError(AwsError::Kind::Credentials,
                    QStringLiteral("The keychain entry of profile %1 (service %2) is "
                                   "not one Lookout Desk wrote, or is damaged. Enter "
                                   "the keys again (lookout-desk configure --profile %1).")
                        .arg(name, m_service),
                    kCodePrefix + failureName(KeychainFailure::Other)));
                return;
            }
            done(*secret);
        });
}

void KeychainProfileStore::probe(const QString &name, QObject *context, RemoveCallback done)
{
    const QPointer<QObject> guard(context);
    runJob(JobKind::Read, name, {},
        [this, name, guard, hasContext = context != nullptr, done = std::move(done)](
            const JobOutcome &outcome) {
            if (hasContext && !guard)
                return;
            if (!outcome.timedOut && outcome.error == QKeychain::NoError) {
                done(true);
                return;
            }
            const KeychainFailure failure = outcome.timedOut
                ? KeychainFailure::TimedOut
                : classifyKeychainError(outcome.error, outcome.errorString);
            if (failure == KeychainFailure::NotFound) {
                done(true);
                return;
            }
            qCInfo(lcKeychain) << "keychain probe failed:" << failureName(failure)
                               << outcome.errorString;
            done(failureError(failure, name, outcome.errorString));
        });
}

void KeychainProfileStore::remove(const QString &name, QObject *context, RemoveCallback done)
{
    const bool inSession = m_session.contains(name);
    if (!savedProfile(name)) {
        if (!inSession) {
            done(AwsError::profileNotFound(name));
            return;
        }
        m_session.remove(name);
        emit profilesChanged();
        done(true);
        return;
    }
    const QPointer<QObject> guard(context);
    runJob(JobKind::Delete, name, {},
        [this, name, guard, hasContext = context != nullptr, done = std::move(done)](
            const JobOutcome &outcome) {
            if (hasContext && !guard)
                return;
            const bool gone = !outcome.timedOut
                && (outcome.error == QKeychain::NoError
                    || outcome.error == QKeychain::EntryNotFound);
            if (!gone) {
                const KeychainFailure failure = outcome.timedOut
                    ? KeychainFailure::TimedOut
                    : classifyKeychainError(outcome.error, outcome.errorString);
                AwsError error = failureError(failure, name, outcome.errorString);
                error.message += QStringLiteral(" The profile %1 was kept, so it can be removed "
                                                "once the keychain can be reached.")
                                     .arg(name);
                done(error);
                return;
            }
            m_settings->remove(kSettingsGroup + u'/' + name);
            m_settings->sync();
            m_session.remove(name);
            emit profilesChanged();
            qCInfo(lcKeychain) << "removed keychain profile" << name;
            if (m_settings->status() != QSettings::NoError) {
                done(makeError(AwsError::Kind::Configuration,
                    QStringLiteral("The keys of profile %1 were removed from the "
                                   "keychain, but %2 could not be written.")
                        .arg(name, m_settings->fileName())));
                return;
            }
            done(true);
        });
}

void KeychainProfileStore::runJob(JobKind kind, const QString &key, const QByteArray &data,
    std::function<void(const JobOutcome &)> done)
{
    // Jobs have no parent and delete themselves when they finish: a job in flight must never be
    // deleted, even when this store goes first (the connections below then simply drop).
    QKeychain::Job *job = nullptr;
    switch (kind) {
    case JobKind::Read:
        job = new QKeychain::ReadPasswordJob(m_service);
        break;
    case JobKind::Write: {
        auto *write = new QKeychain::WritePasswordJob(m_service);
        write->setBinaryData(data);
        job = write;
        break;
    }
    case JobKind::Delete:
        job = new QKeychain::DeletePasswordJob(m_service);
        break;
    }
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(key);

    auto *timer = new QTimer(this);
    timer->setSingleShot(true);
    auto shared = std::make_shared<std::function<void(const JobOutcome &)>>(std::move(done));
    const auto finishOnce = [timer, shared](const JobOutcome &outcome) {
        if (!*shared)
            return;
        const auto callback = std::exchange(*shared, nullptr);
        timer->stop();
        timer->deleteLater();
        callback(outcome);
    };
    connect(job, &QKeychain::Job::finished, this, [finishOnce, kind](QKeychain::Job *finished) {
        JobOutcome outcome { int(finished->error()), finished->errorString(), {}, false };
        if (kind == JobKind::Read && finished->error() == QKeychain::NoError)
            outcome.data = static_cast<QKeychain::ReadPasswordJob *>(finished)->binaryData();
        finishOnce(outcome);
    });
    connect(timer, &QTimer::timeout, this, [finishOnce] {
        finishOnce(JobOutcome { int(QKeychain::OtherError), {}, {}, true });
    });
    timer->start(m_jobTimeout);
    job->start();
}

} // namespace aws
