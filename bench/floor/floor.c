// SPDX-License-Identifier: GPL-2.0-or-later

/*
 * floor: the cost floor for the watcherd benchmark.
 *
 * For every regular file directly inside INDIR: read it whole, write a copy to
 * OUTDIR/.NAME.tmp, fsync it, close it, rename it to OUTDIR/NAME.  Single thread,
 * no extraction, no directory fsync, no archive move: the least work any durable
 * pipeline must do per file.  Prints one JSON line with the counts when done.
 *
 * Usage: floor [--no-fsync] INDIR OUTDIR
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int write_all(int fd, const char *buf, size_t len) {
    while (len > 0) {
        ssize_t n = write(fd, buf, len);
        if (n < 0) {
            if (errno == EINTR) continue;
            return -1;
        }
        buf += n;
        len -= (size_t)n;
    }
    return 0;
}

int main(int argc, char **argv) {
    int do_fsync = 1;
    int argi = 1;
    if (argc > 1 && strcmp(argv[1], "--no-fsync") == 0) {
        do_fsync = 0;
        argi++;
    }
    if (argc - argi != 2) {
        fprintf(stderr, "usage: %s [--no-fsync] INDIR OUTDIR\n", argv[0]);
        return 2;
    }
    const char *indir = argv[argi], *outdir = argv[argi + 1];
    int infd = open(indir, O_RDONLY | O_DIRECTORY);
    int outfd = open(outdir, O_RDONLY | O_DIRECTORY);
    if (infd < 0 || outfd < 0) {
        perror("open dir");
        return 1;
    }
    DIR *d = fdopendir(dup(infd));
    if (!d) {
        perror("fdopendir");
        return 1;
    }
    size_t cap = 1 << 16;
    char *buf = malloc(cap);
    long files = 0, errors = 0;
    long long bytes = 0;
    char tmpname[4096];
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.') continue;
        int fd = openat(infd, e->d_name, O_RDONLY | O_NOFOLLOW);
        if (fd < 0) {
            errors++;
            continue;
        }
        struct stat st;
        if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
            close(fd);
            continue;
        }
        if ((size_t)st.st_size + 1 > cap) {
            cap = (size_t)st.st_size + 1;
            buf = realloc(buf, cap);
        }
        size_t len = 0;
        for (;;) {
            ssize_t n = read(fd, buf + len, cap - len);
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0) break;
            len += (size_t)n;
            if (len == cap) {
                cap *= 2;
                buf = realloc(buf, cap);
            }
        }
        close(fd);
        snprintf(tmpname, sizeof tmpname, ".%s.tmp", e->d_name);
        int ofd = openat(outfd, tmpname, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
        if (ofd < 0 || write_all(ofd, buf, len) != 0 || (do_fsync && fsync(ofd) != 0)) {
            if (ofd >= 0) close(ofd);
            errors++;
            continue;
        }
        close(ofd);
        if (renameat(outfd, tmpname, outfd, e->d_name) != 0) {
            errors++;
            continue;
        }
        files++;
        bytes += (long long)len;
    }
    closedir(d);
    long hwm_kb = -1;
    FILE *st = fopen("/proc/self/status", "r");
    if (st) {
        char line[256];
        while (fgets(line, sizeof line, st))
            if (sscanf(line, "VmHWM: %ld kB", &hwm_kb) == 1) break;
        fclose(st);
    }
    printf("{\"files\": %ld, \"bytes\": %lld, \"errors\": %ld, \"fsync\": %s, \"vmhwm_kb\": %ld}\n", files,
           bytes, errors, do_fsync ? "true" : "false", hwm_kb);
    return errors ? 1 : 0;
}
