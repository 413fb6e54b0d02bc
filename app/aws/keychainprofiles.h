#pragma once

#include "aws/awserror.h"
#include "aws/result.h"

#include <QMap>
#include <QObject>
#include <QString>
#include <QStringView>

#include <chrono>
#include <functional>
#include <memory>
#include <optional>

class QSettings;

namespace aws {

class AwsProfiles;

// The non-secret part of a profile created in Lookout Desk; kept in QSettings.
struct KeychainProfile {
    QString name;
    QString region; // empty: none
    QString endpointUrl; // empty: none
    bool operator==(const KeychainProfile &) const = default;
};

// The secret part; kept only in the OS keychain (or, without one, in memory for this session).
struct KeychainSecret {
    QString accessKeyId;
    QString secretAccessKey;
    QString sessionToken; // optional
    bool isComplete() const { return !accessKeyId.isEmpty() && !secretAccessKey.isEmpty(); }
    bool operator==(const KeychainSecret &) const = default;
};

// Why the keychain could not be used. isAvailable() from QtKeychain cannot tell; the first job's
// error does, and is what this is made from.
enum class KeychainFailure {
    NoDbus, // no D-Bus session bus to talk to
    NoSecretService, // a bus, but no org.freedesktop.secrets service on it
    NoKeyring, // a Secret Service without a usable default keyring
    Locked, // the keyring is locked and was not unlocked
    Denied, // access refused (prompt dismissed, policy)
    NotFound, // no entry for this profile (a locked keyring also reads as this)
    TimedOut, // no answer in time (often an unlock prompt nobody saw)
    Other,
};

// Maps a QKeychain::Error value and its errorString() to the failure, from what the libsecret
// backend reports (e.g. "Could not connect: …", "The name org.freedesktop.secrets was not
// provided by any .service files", "Cannot create an item in a locked collection").
KeychainFailure classifyKeychainError(int qkeychainError, QStringView errorString);
// The sentence for users: which failure, and what to do about it. Never holds a secret.
QString keychainFailureMessage(
    KeychainFailure failure, const QString &profileName, const QString &backendMessage = {});
// The failure an AwsError from this store carries (its code is "Keychain<Failure>"), if any.
std::optional<KeychainFailure> keychainFailureOf(const AwsError &error);

// Where a save put the secret.
struct KeychainSaveOutcome {
    bool inKeychain = true; // false: kept in memory for this session only
    std::optional<KeychainFailure> failure; // why not in the keychain
    QString message; // keychainFailureMessage() of that failure
};

// Profiles created in the app: one QtKeychain entry per profile (service "lookout-desk", key =
// profile name, value = the key pair and optional session token), the name, region and
// endpoint in the QSettings given. Never writes a secret anywhere else: the insecure fallback is
// always off; without a keychain the secret is kept in memory for this session only.
// Listing never touches the keychain; only reads, saves and removals do (asynchronously).
class KeychainProfileStore : public QObject {
    Q_OBJECT
public:
    static constexpr QLatin1String kDefaultService { "lookout-desk" };

    enum class Fallback {
        KeepForSession, // the GUI: keys typed in still work until the app quits
        Fail, // the CLI: the process ends, so memory would keep nothing
    };

    using SaveCallback = std::function<void(const Result<KeychainSaveOutcome> &)>;
    using ReadCallback = std::function<void(const Result<KeychainSecret> &)>;
    using RemoveCallback = std::function<void(const Result<bool> &)>; // true: something was removed

    // `settings` must outlive the store. `service` is the keychain service name.
    explicit KeychainProfileStore(
        QSettings *settings, QString service = QString(kDefaultService), QObject *parent = nullptr);
    ~KeychainProfileStore() override;

    // The settings file both the CLI and the GUI use: <config dir>/LookoutDesk/profiles.ini.
    static std::unique_ptr<QSettings> openDefaultSettings();
    // Why a name cannot be a keychain profile name (letters, digits and ._@+=-, up to 64), or none.
    static std::optional<QString> nameProblem(const QString &name);
    // The refusal when a ~/.aws profile already has this name, or none.
    static std::optional<QString> sharedProfileClash(
        const QString &name, const AwsProfiles &shared);

    const QString &service() const { return m_service; }
    // Saved profiles and this session's in-memory ones, sorted by name; no keychain access.
    QList<KeychainProfile> profiles() const;
    std::optional<KeychainProfile> profile(const QString &name) const;
    // True when the profile's keys live only in this process's memory.
    bool isSessionOnly(const QString &name) const;

    // Stores a profile with its keys (creating or replacing it). Invalid names, incomplete keys,
    // bad regions or endpoints are InvalidParameter errors, checked before the keychain is touched.
    void save(const KeychainProfile &profile, const KeychainSecret &secret, Fallback fallback,
        QObject *context, SaveCallback done);
    // Changes only the region and endpoint of an existing profile; no keychain access.
    Result<KeychainProfile> updateDetails(const KeychainProfile &profile);
    // Reads the keys of a profile (memory first, then the keychain).
    void readSecret(const QString &name, QObject *context, ReadCallback done);
    // Whether the keychain can be used at all, before asking anyone for keys: reads the entry of
    // `name` (which need not exist) and discards it. A missing entry is success; no D-Bus, no
    // Secret Service, no keyring, a refusal or a timeout is the error a save would have met.
    void probe(const QString &name, QObject *context, RemoveCallback done);
    // Removes the keychain entry, the settings and any in-memory keys of a profile. An unknown
    // name is a Configuration error; when the keychain cannot be reached the profile is kept.
    void remove(const QString &name, QObject *context, RemoveCallback done);

    // How long a keychain job may take (an unlock prompt can wait forever); default 120 s.
    void setJobTimeout(std::chrono::milliseconds timeout) { m_jobTimeout = timeout; }

signals:
    void profilesChanged();

private:
    struct SessionProfile {
        KeychainProfile profile;
        KeychainSecret secret;
    };
    struct JobOutcome {
        int error = 0; // QKeychain::Error
        QString errorString;
        QByteArray data;
        bool timedOut = false;
    };
    enum class JobKind { Read, Write, Delete };

    std::optional<KeychainProfile> savedProfile(const QString &name) const;
    Result<bool> writeSettings(const KeychainProfile &profile);
    AwsError failureError(
        KeychainFailure failure, const QString &name, const QString &backendMessage) const;
    void runJob(JobKind kind, const QString &key, const QByteArray &data,
        std::function<void(const JobOutcome &)> done);

    QSettings *m_settings;
    QString m_service;
    QMap<QString, SessionProfile> m_session;
    std::chrono::milliseconds m_jobTimeout { 120'000 };
};

} // namespace aws
