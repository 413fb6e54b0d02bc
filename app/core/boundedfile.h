#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QString>

// The one way to read a file whose path a user or an environment variable names (~/.aws/config,
// credentials, secret key files, archives for `emulator --from`, cache entries): it never blocks
// and never reads without bound. The file is opened with O_NONBLOCK, so a named pipe with no
// writer cannot hold the open, and then checked with fstat on the opened descriptor: anything
// but a regular file (pipe, device, socket, folder) is refused before a byte is read, as is a
// file larger than the caller's cap.
namespace core {

struct FileReadError {
    enum class Kind {
        Missing, // no such file, or a symbolic link to nothing
        NotRegularFile, // a pipe, device, socket or folder
        TooLarge, // more bytes than the cap
        Unreadable, // permissions, I/O errors
    };
    Kind kind = Kind::Unreadable;
    QString path;
    QString reason; // "is a named pipe, not a regular file"

    // "PATH is a named pipe, not a regular file"
    QString message() const { return path + QLatin1Char(' ') + reason; }
};

enum class SymbolicLinks {
    Follow,
    // The path itself must not be a link (O_NOFOLLOW): for a path already resolved and checked
    // to lie inside a folder, so that a link put in its place since cannot lead out of it.
    Refuse,
};

// Reads the whole file at `path` if it is a regular file of at most `maxBytes` bytes.
core::Result<QByteArray, FileReadError> readBoundedFile(
    const QString &path, qint64 maxBytes, SymbolicLinks links = SymbolicLinks::Follow);

// "a named pipe, not a regular file", "a device, not a regular file", … for the st_mode of
// something that is not a regular file.
QString notRegularFileText(unsigned int mode);

} // namespace core
