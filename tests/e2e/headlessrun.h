#pragma once

#include <QByteArray>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

// Runs the built lookout-desk as a user's shell would, for the end-to-end tests: no display, no
// D-Bus session unless asked for, nothing of the caller's AWS settings.
namespace e2e {

struct ProcessRun {
    int exitCode = -1;
    bool finished = false;
    QByteArray out;
    QByteArray err;
};

// The caller's environment without DISPLAY, WAYLAND_DISPLAY, QT_QPA_PLATFORM, any AWS_*
// variable, and (unless keepDbus) DBUS_SESSION_BUS_ADDRESS; AWS_EC2_METADATA_DISABLED=true.
QProcessEnvironment bareEnvironment(bool keepDbus = false);

// Starts `program` with `arguments` and `environment`, feeds `input`, waits up to `timeoutMs`.
ProcessRun runProcess(const QString &program, const QStringList &arguments, const QProcessEnvironment &environment,
                      const QByteArray &input = {}, int timeoutMs = 60'000);

} // namespace e2e
