#define _GNU_SOURCE
#include <unistd.h>
#include "CLinux.h"

int watcherd_syncfs(int fd) { return syncfs(fd); }
