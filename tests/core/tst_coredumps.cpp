// Core dumps off: no core file can carry the secrets a process holds, and the process still reads
// its own /proc/self (the tests' processresources.h, the window launcher's /proc/self/exe).
#include "core/coredumps.h"
#include "processresources.h"

#include <QFile>
#include <QTest>

#include <sys/prctl.h>
#include <sys/resource.h>
#include <unistd.h>

class TstCoreDumps : public QObject {
    Q_OBJECT

private slots:
    void disableCoreDumps_limitsAndUndumpable();
};

void TstCoreDumps::disableCoreDumps_limitsAndUndumpable()
{
    QVERIFY(core::disableCoreDumps());
    rlimit limit {};
    QCOMPARE(::getrlimit(RLIMIT_CORE, &limit), 0);
    QCOMPARE(limit.rlim_cur, rlim_t { 0 });
    QCOMPARE(limit.rlim_max, rlim_t { 0 });
    QCOMPARE(::prctl(PR_GET_DUMPABLE, 0, 0, 0, 0), 0);

    // What the process needs of itself still works.
    QVERIFY(testsupport::processStatusKiB("VmRSS") > 0);
    QVERIFY(testsupport::openDescriptors() > 0);
    char path[4096];
    QVERIFY(::readlink("/proc/self/exe", path, sizeof path) > 0);
    QFile maps(QStringLiteral("/proc/self/maps"));
    QVERIFY(maps.open(QIODevice::ReadOnly));
    QVERIFY(!maps.readAll().isEmpty());
}

QTEST_GUILESS_MAIN(TstCoreDumps)
#include "tst_coredumps.moc"
