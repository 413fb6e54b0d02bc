#pragma once

// What this process holds, read from /proc, for tests and benchmarks that bound memory and
// descriptors (hostile endpoints, emulator load, soak). Header-only, so benchmarks can use it
// without linking the test support library.
#include <QByteArray>
#include <QDir>
#include <QFile>

namespace testsupport {

// AddressSanitizer keeps freed memory in quarantine, so resident memory means little under it.
#if defined(__SANITIZE_ADDRESS__)
inline constexpr bool kAddressSanitizer = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
inline constexpr bool kAddressSanitizer = true;
#else
inline constexpr bool kAddressSanitizer = false;
#endif
#else
inline constexpr bool kAddressSanitizer = false;
#endif

// A "Vm…" field of /proc/self/status in KiB (VmRSS: resident now, VmHWM: peak); -1 if unreadable.
inline qint64 processStatusKiB(const char *field)
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray prefix = QByteArray(field) + ':';
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(prefix))
            return line.mid(prefix.size()).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

// Starts a new peak, so VmHWM then follows only what comes next (Linux ≥ 4.0).
inline bool resetPeakResident()
{
    QFile clearRefs(QStringLiteral("/proc/self/clear_refs"));
    return clearRefs.open(QIODevice::WriteOnly) && clearRefs.write("5") == 1;
}

// Open file descriptors of this process.
inline int openDescriptors()
{
    return static_cast<int>(
        QDir(QStringLiteral("/proc/self/fd"))
            .entryList(QDir::AllEntries | QDir::System | QDir::Hidden | QDir::NoDotAndDotDot)
            .size());
}

// Whether process `pid` is running: not gone, and not a zombie waiting for its parent (a killed
// command's child is re-parented to whoever reaps orphans, maybe never in a container).
inline bool isRunning(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return false;
    const QByteArray text = stat.readAll();
    const qsizetype afterName = text.lastIndexOf(')');
    return afterName > 0 && text.size() > afterName + 2 && text.at(afterName + 2) != 'Z'
        && text.at(afterName + 2) != 'X';
}

} // namespace testsupport
