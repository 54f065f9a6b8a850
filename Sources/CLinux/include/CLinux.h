// SPDX-License-Identifier: GPL-2.0-or-later
// Linux calls that Swift's Glibc module hides behind _GNU_SOURCE, wrapped in a compiled unit
// that defines it. Nothing else: every call is a thin pass-through.
#ifndef WATCHERD_CLINUX_H
#define WATCHERD_CLINUX_H

/// syncfs(2): commit every dirty page and inode of the filesystem that holds `fd`.
/// Returns 0, or -1 with errno set.
int watcherd_syncfs(int fd);

/// mallopt(M_ARENA_MAX, arenas): cap glibc's malloc arenas (default 8 per core, one per thread
/// that contends). Returns 1 on success, 0 on error.
int watcherd_limit_malloc_arenas(int arenas);

/// statfs(2)'s f_type (the filesystem's magic number, linux/magic.h) of the filesystem that holds
/// `path`. Returns 0, or -1 with errno set.
int watcherd_filesystem_magic(const char *path, long *magic);

/// renameat2(2) with RENAME_NOREPLACE: renames `from` (relative to `from_dir`) to `to` (relative
/// to `to_dir`) only if `to` does not exist; EEXIST otherwise. Returns 0, or -1 with errno set.
int watcherd_rename_noreplace(int from_dir, const char *from, int to_dir, const char *to);

/// openat2(2) of `path` relative to `dir` with RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS |
/// RESOLVE_NO_MAGICLINKS: no component may be a symlink or lead outside `dir`. Returns the
/// descriptor, or -1 with errno set (ELOOP/EXDEV for a symlink or an escape; ENOSYS before
/// Linux 5.6).
int watcherd_open_beneath(int dir, const char *path, int flags);

/// O_PATH (open(2)), which Glibc shows Swift only under _GNU_SOURCE.
extern const int watcherd_o_path;

#endif
