// SPDX-License-Identifier: GPL-2.0-or-later

#include <malloc.h>
#include "CLinux.h"

int watcherd_limit_malloc_arenas(int arenas) { return mallopt(M_ARENA_MAX, arenas); }
