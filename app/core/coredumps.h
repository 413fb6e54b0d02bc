#pragma once

// Secrets live in the process's memory (secret keys, session tokens, what credential_process
// returned); a core file would write them to disk, where anyone who may read it finds them.
namespace core {

// Turns core dumps off for this process: RLIMIT_CORE 0, soft and hard (inherited by the processes
// it starts), and not dumpable (prctl PR_SET_DUMPABLE 0, which exec resets), which also keeps
// other processes of the same user from attaching with ptrace or reading /proc/PID/mem, maps and
// environ; root still can. The process itself keeps full access to /proc/self. Returns false if
// either call failed.
bool disableCoreDumps();

} // namespace core
