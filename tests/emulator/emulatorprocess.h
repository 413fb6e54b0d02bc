#pragma once

#include <QHash>
#include <QProcess>
#include <QString>
#include <QStringList>

#include <memory>

// `lookout-desk emulator …` as a child process: started, its export lines read, stopped with a
// signal. The waits are for the process's own output, with generous deadlines.
class EmulatorProcess {
public:
    EmulatorProcess();
    ~EmulatorProcess();

    // Starts the binary and reads the shell lines it prints first. False (see error()) when it
    // exits or prints nothing usable within the deadline.
    bool start(const QStringList &arguments);
    // The shell lines exactly as printed (for eval), and the variables they set.
    QString exportLines() const { return m_exportLines; }
    QString variable(const QString &name) const { return m_variables.value(name); }
    quint16 port() const;
    QString error() const { return m_error; }
    QProcess &process() { return *m_process; }

    // Sends the signal and waits for the exit; returns the exit code (-1 if it crashed or hung).
    int stop(int signal);

    // Reads the value of a single-quoted shell word the emulator printed.
    static QString unquote(const QString &word);

private:
    std::unique_ptr<QProcess> m_process;
    QString m_exportLines;
    QHash<QString, QString> m_variables;
    QString m_error;
};
