// For a child process of a test run as root: keep uid 0 but give up every capability, so that
// permission bits bind it as they bind any owner (a file 0444 cannot be written, a directory 0555
// gets no new file), while the checkout stays reachable wherever it is (a 0700 temporary folder
// that the user nobody could not enter). SECBIT_NOROOT keeps execve from granting them back.
#pragma once

#include <linux/capability.h>
#include <linux/securebits.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace aff::test {

// True when the calling process now holds no capability (or was never root).
inline bool drop_root_powers() {
    if (geteuid() != 0) {
        return true;
    }
    if (prctl(PR_SET_SECUREBITS, SECBIT_NOROOT | SECBIT_NOROOT_LOCKED | SECBIT_NO_SETUID_FIXUP |
                                     SECBIT_NO_SETUID_FIXUP_LOCKED) != 0) {
        return false;
    }
    __user_cap_header_struct header{_LINUX_CAPABILITY_VERSION_3, 0};
    __user_cap_data_struct data[2] = {};
    return syscall(SYS_capset, &header, data) == 0;
}

}  // namespace aff::test
