// Replays kept inputs through one libFuzzer harness without libFuzzer: the harness's own
// LLVMFuzzerInitialize and LLVMFuzzerTestOneInput, built with the test suite's compiler and
// options (the default build, and ASan + UBSan in the asan build), every file of every directory
// given, in name order. A broken invariant aborts (FUZZ_CHECK), as it does under libFuzzer.
//
//   fuzz_<harness>_replay DIR [DIR …]
#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QString>

#include <cstdint>
#include <cstdio>
#include <cstring>
#include <memory>

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv);
extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int main(int argc, char **argv)
{
    if (argc < 2) {
        std::fprintf(stderr, "usage: %s DIR [DIR ...]\n", argv[0]);
        return 2;
    }
    const QStringList directories = [&] {
        QStringList list;
        for (int i = 1; i < argc; ++i)
            list.append(QString::fromLocal8Bit(argv[i]));
        return list;
    }();
    LLVMFuzzerInitialize(&argc, &argv);
    int replayed = 0;
    for (const QString &path : directories) {
        const QDir directory(path);
        if (!directory.exists()) {
            std::fprintf(stderr, "no directory %s\n", qPrintable(path));
            return 1;
        }
        const QStringList files = directory.entryList(QDir::Files | QDir::Hidden, QDir::Name);
        if (files.isEmpty()) {
            std::fprintf(stderr, "no inputs in %s\n", qPrintable(path));
            return 1;
        }
        for (const QString &name : files) {
            QFile file(directory.filePath(name));
            if (!file.open(QIODevice::ReadOnly)) {
                std::fprintf(stderr, "cannot read %s: %s\n", qPrintable(file.fileName()),
                    qPrintable(file.errorString()));
                return 1;
            }
            const QByteArray input = file.readAll();
            std::printf("replaying %s (%lld bytes)\n", qPrintable(file.fileName()),
                static_cast<long long>(input.size()));
            std::fflush(stdout);
            // A heap block of exactly the input's size, as libFuzzer passes it, so that ASan
            // reports a read one byte past the end (a QByteArray has room after its data).
            const auto size = static_cast<size_t>(input.size());
            const auto exact = std::make_unique<uint8_t[]>(size);
            std::memcpy(exact.get(), input.constData(), size);
            LLVMFuzzerTestOneInput(exact.get(), size);
            ++replayed;
        }
    }
    std::printf("%d inputs replayed, no invariant broken\n", replayed);
    return 0;
}
