// SPDX-License-Identifier: GPL-2.0-or-later
// libinotifytools (Debian libinotifytools0-dev, GPL-2) ships no pkg-config file.
// <sys/inotify.h> must come before <inotifytools/inotifytools.h>.
#include <sys/inotify.h>
#include <inotifytools/inotifytools.h>
