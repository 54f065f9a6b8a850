// Linux calls that Swift's Glibc module hides behind _GNU_SOURCE, wrapped in a compiled unit
// that defines it. Nothing else: every call is a thin pass-through.
#ifndef WATCHERD_CLINUX_H
#define WATCHERD_CLINUX_H

/// syncfs(2): commit every dirty page and inode of the filesystem that holds `fd`.
/// Returns 0, or -1 with errno set.
int watcherd_syncfs(int fd);

#endif
