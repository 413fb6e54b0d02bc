#pragma once

// Writes a small /bin/sh script into a test's temporary directory and makes it executable, for
// tests that run external commands (credential_process, the built binary's helpers).
#include <QDir>
#include <QFile>
#include <QString>

namespace testing_support {

// Returns the script's path, or an empty string when it could not be written.
inline QString writeExecutableScript(
    const QString &directory, const QString &name, const QByteArray &body)
{
    const QString path = QDir(directory).filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return {};
    if (file.write("#!/bin/sh\n" + body) < 0)
        return {};
    file.close();
    if (!file.setPermissions(
            QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner))
        return {};
    return path;
}

} // namespace testing_support
