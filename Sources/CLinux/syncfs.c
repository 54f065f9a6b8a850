// SPDX-License-Identifier: GPL-2.0-or-later

#define _GNU_SOURCE
#include <unistd.h>
#include "CLinux.h"

int watcherd_syncfs(int fd) { return syncfs(fd); }
