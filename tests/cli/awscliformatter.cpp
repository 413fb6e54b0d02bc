#include "awscliformatter.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

namespace clitest {

QList<QByteArray> awsCliFormat(const QString &python, const QString &output, int width, bool color,
    const QList<FormatterInput> &inputs, QString *error)
{
    QTemporaryDir dir;
    if (!dir.isValid()) {
        *error = QStringLiteral("no temporary directory");
        return {};
    }
    QStringList arguments { QStringLiteral(LOOKOUT_TEST_DATA_DIR "/cli/awscli_format.py") };
    // lookout-desk's text and table show outside text escaped; YAML escapes by its own rules.
    if (output == QStringLiteral("text") || output == QStringLiteral("table"))
        arguments << QStringLiteral("--visible-text");
    arguments << output << QString::number(width)
              << (color ? QStringLiteral("on") : QStringLiteral("off"));
    for (qsizetype i = 0; i < inputs.size(); ++i) {
        QFile in(dir.filePath(QStringLiteral("in-%1.json").arg(i)));
        if (!in.open(QIODevice::WriteOnly) || in.write(inputs[i].json) != inputs[i].json.size()) {
            *error = QStringLiteral("cannot write ") + in.fileName();
            return {};
        }
        arguments << inputs[i].title << in.fileName()
                  << dir.filePath(QStringLiteral("out-%1.txt").arg(i));
    }
    QProcess process;
    process.start(python, arguments);
    if (!process.waitForFinished(120'000) || process.exitStatus() != QProcess::NormalExit
        || process.exitCode() != 0) {
        *error = python + QStringLiteral(" awscli_format.py failed: ")
            + QString::fromLocal8Bit(process.readAllStandardError());
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
