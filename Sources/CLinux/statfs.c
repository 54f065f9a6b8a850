// SPDX-License-Identifier: GPL-2.0-or-later

#include <sys/vfs.h>
#include "CLinux.h"

int watcherd_filesystem_magic(const char *path, long *magic) {
    struct statfs info;
    if (statfs(path, &info) != 0) return -1;
    *magic = (long)info.f_type;
    return 0;
}
