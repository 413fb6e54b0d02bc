#include "awscliformatter.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

namespace clitest {

QString awsCliFormatterProblem()
{
    QProcess python;
    python.start(QStringLiteral("python3"),
        { QStringLiteral("-c"), QStringLiteral("import awscli.formatter, awscli.table") });
    if (!python.waitForStarted(10'000))
        return QStringLiteral("python3 cannot be started: ") + python.errorString();
    if (!python.waitForFinished(60'000) || python.exitStatus() != QProcess::NormalExit
        || python.exitCode() != 0)
        return QStringLiteral("python3 cannot import awscli: ")
            + QString::fromLocal8Bit(python.readAllStandardError()).trimmed();
    return QString();
}

QList<QByteArray> awsCliFormat(const QString &output, int width, bool color,
    const QList<FormatterInput> &inputs, QString *error)
{
    QTemporaryDir dir;
    if (!dir.isValid()) {
        *error = QStringLiteral("no temporary directory");
        return {};
    }
    QStringList arguments { QStringLiteral(LOOKOUT_TEST_DATA_DIR "/cli/awscli_format.py"), output,
        QString::number(width), color ? QStringLiteral("on") : QStringLiteral("off") };
    for (qsizetype i = 0; i < inputs.size(); ++i) {
        QFile in(dir.filePath(QStringLiteral("in-%1.json").arg(i)));
        if (!in.open(QIODevice::WriteOnly) || in.write(inputs[i].json) != inputs[i].json.size()) {
            *error = QStringLiteral("cannot write ") + in.fileName();
            return {};
        }
        arguments << inputs[i].title << in.fileName()
                  << dir.filePath(QStringLiteral("out-%1.txt").arg(i));
    }
    QProcess python;
    python.start(QStringLiteral("python3"), arguments);
    if (!python.waitForFinished(120'000) || python.exitStatus() != QProcess::NormalExit
        || python.exitCode() != 0) {
        *error = QStringLiteral("awscli_format.py failed: ")
            + QString::fromLocal8Bit(python.readAllStandardError());
        return {};
    }
    QList<QByteArray> outputs;
    for (qsizetype i = 0; i < inputs.size(); ++i) {
        QFile out(dir.filePath(QStringLiteral("out-%1.txt").arg(i)));
        if (!out.open(QIODevice::ReadOnly)) {
            *error = QStringLiteral("no output for ") + inputs[i].title;
            return {};
        }
        outputs.append(out.readAll());
    }
    return outputs;
}

} // namespace clitest
